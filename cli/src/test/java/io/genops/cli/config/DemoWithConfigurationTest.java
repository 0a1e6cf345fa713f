package io.genops.cli.config;

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
 * {@code genops demo --config}. The demo reads the process's GENOPS_* variables beneath its options, as the
 * pipeline does; the build runs without any.
 */
class DemoWithConfigurationTest {
    @TempDir
    Path directory;

    @Test
    void demoRunsWithTheFilesPolicyAndTeamBudget() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n"
            + "  policy: enforced\n"
            + "  budgets:\n"
            + "    limits:\n"
            + "      - team:support:daily=0.05\n");

        final CommandRun run = CommandRun.of("demo", "--config", file.toString(), "--events", "2000", "--rate", "0",
            "--threads", "2", "--json", "--no-journal", "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(report.get("policy")).isEqualTo("enforced");
        assertThat(report.get("budget")).isEqualTo("configured");
        @SuppressWarnings("unchecked")
        final Map<String, Object> support = (Map<String, Object>)((Map<String, Object>)report.get("budgets"))
            .get("support");
        assertThat(new BigDecimal((String)support.get("allocated_usd"))).isEqualByComparingTo("0.05");
        assertThat((Long)report.get("rejected")).isPositive();
    }

    @Test
    void explicitOptionsWinOverTheFile() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n  policy: enforced\n");

        final CommandRun run = CommandRun.of("demo", "--config", file.toString(), "--policy", "advisory",
            "--budget", "1000", "--events", "500", "--rate", "0", "--json", "--no-journal", "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(report.get("policy")).isEqualTo("advisory");
        assertThat(report.get("budget")).isEqualTo("1000.00");
    }

    @Test
    void aBrokenFileFailsBeforeTheRun() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n  polcy: enforced\n");

        final CommandRun run = CommandRun.of("demo", "--config", file.toString(), "--events", "100", "--no-journal");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("genops.yaml:2").contains("did you mean");
    }
}
