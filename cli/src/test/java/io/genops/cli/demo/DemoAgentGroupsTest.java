package io.genops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.cli.JsonTree;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo under agent groups from a configuration file: one enforced group among advisory agents, as
 * the selective-monitoring pattern runs critical agents in full and the rest lightly, in one pipeline.
 * The report counts each group apart.
 */
class DemoAgentGroupsTest {
    @TempDir
    Path directory;

    @Test
    void anEnforcedGroup_refusesItsOwnAgentsOnly_andTheReportCountsEachGroup() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n"
            + "  policy: advisory\n"
            // About half of what the billing agents would spend: some calls pass, the rest are refused.
            + "  budgets.limits: [\"team:billing:daily=2\", \"team:sales:daily=0.05\"]\n"
            + "  groups:\n"
            + "    order: [billing]\n"
            + "    billing:\n"
            + "      agents: [\"billing-*\"]\n"
            + "      policy: enforced\n");

        final CommandRun json = CommandRun.of("demo", "--config", file.toString(), "--events", "4000", "--rate", "0",
            "--threads", "2", "--json", "--no-journal", "--no-progress");

        assertThat(json.exitCode()).as(json.err()).isZero();
        final Map<String, Object> report = JsonTree.object(json.out());
        final Map<String, Object> groups = object(report, "groups");
        assertThat(groups).containsOnlyKeys("billing", "default");
        final Map<String, Object> billing = object(groups, "billing");
        final Map<String, Object> other = object(groups, "default");
        assertThat((Long)billing.get("events")).isPositive();
        assertThat((Long)billing.get("refused")).as("billing agents past their team's budget").isPositive();
        assertThat((Long)other.get("refused")).as("sales agents past theirs, advisory").isZero();
        assertThat((Long)report.get("rejected")).isEqualTo(billing.get("refused"));
        assertThat(new BigDecimal((String)billing.get("cost_usd")).add(new BigDecimal((String)other.get("cost_usd"))))
            .isEqualByComparingTo(new BigDecimal((String)report.get("total_cost_usd")));

        final CommandRun table = CommandRun.of("demo", "--config", file.toString(), "--events", "1000", "--rate",
            "0", "--no-journal", "--no-progress");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).containsPattern("Agent groups\\R\\s+group\\s+events\\s+exported\\s+refused")
            .containsPattern("billing\\s+[\\d,]+\\s+[\\d,]+\\s+[\\d,]+\\s+\\d");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(final Map<String, Object> parent, final String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>)parent.get(key);
    }
}
