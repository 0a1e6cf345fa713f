package io.genops.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.cli.JsonTree;
import io.genops.cli.demo.ReportBudgets;
import io.genops.cli.export.Loopback;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genops demo --config}. The demo reads the process's GENOPS_* variables beneath its options, as the
 * pipeline does; the build runs without any. Exporters and channels of the file send to servers on loopback.
 */
class DemoWithConfigurationTest {
    private static final String OTLP_TOKEN = "demo-otlp-token-5b7c";
    private static final String HOOK_TOKEN = "T7/B7/demo-hook-token-2a9d";

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
        final Map<String, Object> support = ReportBudgets.of(report, "team", "support", "daily");
        assertThat(new BigDecimal((String)support.get("allocated_usd"))).isEqualByComparingTo("0.05");
        assertThat((Long)report.get("rejected")).isPositive();
    }

    @Test
    void budgetsOfEveryScopeAndWindow_areReportedApart() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n"
            + "  budgets:\n"
            + "    limits:\n"
            + "      - team:support:daily=50\n"
            + "      - team:support:weekly=200\n"
            + "      - project:customer-experience:monthly=1000\n");
        final String[] options = {"demo", "--config", file.toString(), "--events", "500", "--rate", "0",
            "--no-journal", "--no-progress"};

        final CommandRun json = CommandRun.of(concat(options, "--json"));
        final CommandRun table = CommandRun.of(options);

        assertThat(json.exitCode()).as(json.err()).isZero();
        final Map<String, Object> report = JsonTree.object(json.out());
        assertThat(ReportBudgets.all(report)).hasSize(3);
        assertThat(new BigDecimal((String)ReportBudgets.of(report, "team", "support", "weekly").get("allocated_usd")))
            .isEqualByComparingTo("200");
        assertThat(new BigDecimal((String)ReportBudgets.of(report, "project", "customer-experience", "monthly")
            .get("allocated_usd"))).isEqualByComparingTo("1000");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Budgets, USD").doesNotContain("Daily budgets");
        assertThat(table.out().lines().map(String::strip))
            .anySatisfy(line -> assertThat(line).matches("team\\s+support\\s+daily\\s+50(\\.0+)?\\s.*"))
            .anySatisfy(line -> assertThat(line).matches("team\\s+support\\s+weekly\\s+200(\\.0+)?\\s.*"))
            .anySatisfy(line -> assertThat(line)
                .matches("project\\s+customer-experience\\s+monthly\\s+1000(\\.0+)?\\s.*"));
    }

    @Test
    void withoutBudgets_theTableHasNoBudgetSection() {
        final CommandRun run = CommandRun.of("demo", "--preset", "memory-constrained", "--events", "500", "--rate",
            "0", "--no-journal", "--no-progress");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Cost by team").doesNotContain("budgets, USD", "Budgets, USD");
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
    void demoSendsToTheFilesExporterAndChannel_andListsThemWithSecretsMasked() throws IOException {
        try (Loopback loopback = Loopback.start()) {
            final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n"
                + "  exporters:\n"
                + "    otlp:\n"
                + "      enabled: true\n"
                + "      endpoint: " + loopback.otlpUrl() + "\n"
                + "      headers: {Authorization: \"Bearer " + OTLP_TOKEN + "\"}\n"
                + "  alerts:\n"
                + "    default-channels: [log, ops]\n"
                + "    channels:\n"
                + "      ops: {type: webhook, url: \"" + loopback.webhookUrl(HOOK_TOKEN) + "\"}\n");

            final CommandRun run = demo("--config", file.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            final Map<String, Object> report = JsonTree.object(run.out());
            final long journaled = ((Number)((Map<?, ?>)report.get("journal")).get("records")).longValue();
            assertThat(exporters(report)).singleElement().satisfies(otlp -> {
                assertThat(otlp.get("name")).isEqualTo("otlp");
                assertThat(((Number)otlp.get("exported")).longValue()).isEqualTo(journaled);
            });
            assertThat(loopback.spans.get()).isPositive();
            assertThat(loopback.authorizations).containsOnly("Bearer " + OTLP_TOKEN);
            assertThat(loopback.webhookPosts).as("budget alerts go to the default channels").isNotEmpty()
                .allSatisfy(post -> assertThat(post).startsWith("/hooks/" + HOOK_TOKEN + " "));
            assertThat(run.err()).contains("exporter otlp: endpoint=" + loopback.otlpUrl(),
                "headers=Authorization=****", "alert channel ops: type=webhook",
                "url=http://127.0.0.1/****")
                .doesNotContain(OTLP_TOKEN, HOOK_TOKEN);
        }
    }

    @Test
    void theOtlpOption_setsTheEndpointOfTheFilesExporter_whoseOtherSettingsStillApply() throws IOException {
        try (Loopback fromFile = Loopback.start(); Loopback fromOption = Loopback.start()) {
            final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n"
                + "  exporters:\n"
                + "    otlp:\n"
                + "      enabled: true\n"
                + "      endpoint: " + fromFile.otlpUrl() + "\n"
                + "      headers: {Authorization: \"Bearer " + OTLP_TOKEN + "\"}\n");

            final CommandRun run = demo("--config", file.toString(), "--otlp", fromOption.otlpUrl());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(fromOption.spans.get()).isPositive();
            assertThat(fromOption.authorizations).containsOnly("Bearer " + OTLP_TOKEN);
            assertThat(fromFile.spans.get() + fromFile.otherOtlpRequests.get()).isZero();
            assertThat(run.err()).contains("exporter otlp: ", "endpoint=" + fromOption.otlpUrl() + " (option --otlp)",
                "headers=Authorization=**** (" + file).doesNotContain(OTLP_TOKEN);
        }
    }

    @Test
    void aConfiguredExporter_withNoJournal_isAUsageError() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n"
            + "  exporters.prometheus.enabled: true\n");

        final CommandRun run = CommandRun.of("demo", "--config", file.toString(), "--no-journal");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("exporters read the journal", "--no-journal");
    }

    private CommandRun demo(final String... options) {
        final String[] args = new String[12 + options.length];
        System.arraycopy(new String[] {"demo", "--events", "2000", "--rate", "0", "--threads", "2", "--json",
            "--journal", directory.resolve("journal").toString(), "--no-progress", "--export-wait=20"}, 0, args, 0,
            12);
        System.arraycopy(options, 0, args, 12, options.length);
        return CommandRun.of(args);
    }

    private static String[] concat(final String[] options, final String... more) {
        final String[] all = Arrays.copyOf(options, options.length + more.length);
        System.arraycopy(more, 0, all, options.length, more.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> exporters(final Map<String, Object> report) {
        return (List<Map<String, Object>>)report.get("exporters");
    }

    @Test
    void aBrokenFileFailsBeforeTheRun() throws IOException {
        final Path file = Files.writeString(directory.resolve("genops.yaml"), "genops:\n  polcy: enforced\n"
            + "  pipeline.ring-size: many\n");

        final CommandRun run = CommandRun.of("demo", "--config", file.toString(), "--events", "100", "--no-journal");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("genops.yaml:2").contains("did you mean");
        assertThat(run.err().lines()).as("one problem a line").hasSize(3)
            .first().asString().isEqualTo("genops demo: The GenOps configuration has 2 problems:");
        assertThat(run.err().lines().skip(1)).allSatisfy(line -> assertThat(line).contains("genops.yaml:"));
    }
}
