package io.genops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.genops.cli.CommandRun;
import io.genops.cli.GenOpsCommand;
import io.genops.cli.JsonTree;
import io.genops.cli.export.Loopback;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code genops demo} reads the sources {@code config check} reads: GENOPS_CONFIG's file, genops.yaml in the
 * working directory, GENOPS_* variables, and a profile or preset from its options or from them. Each run gets
 * its own environment and working directory, so nothing of the machine's leaks in.
 */
class DemoConfigurationSourcesTest {
    /** Set by the build for the tests: a write key the demo may read from the environment. */
    private static final String RAINDROP_KEY_VARIABLE = "GENOPS_TEST_RAINDROP_WRITE_KEY";

    @TempDir
    Path directory;

    @Test
    void genopsConfig_namesTheFileTheDemoStartsFrom_whileTheDemoKeepsItsOwnJournal() throws IOException {
        final Path elsewhere = directory.resolve("elsewhere");
        final Path file = Files.writeString(directory.resolve("team.yaml"), "genops:\n"
            + "  policy: enforced\n"
            + "  budgets.limits: [\"team:support:daily=0.05\"]\n"
            + "  journal.directory: " + elsewhere + "\n");
        final Path journal = directory.resolve("journal");

        final CommandRun run = demo(Map.of("GENOPS_CONFIG", file.toString()), directory.resolve("work"),
            "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(report.get("policy")).isEqualTo("enforced");
        assertThat(report.get("budget")).isEqualTo("configured");
        assertThat(new BigDecimal((String)budget(report, "support").get("allocated_usd"))).isEqualByComparingTo("0.05");
        assertThat((Long)report.get("rejected")).isPositive();
        assertThat(((Map<?, ?>)report.get("journal")).get("directory")).isEqualTo(journal.toString());
        assertThat(elsewhere).as("genops.journal.directory is not the demo's").doesNotExist();
        assertThat(run.err()).contains("Configuration from environment variable GENOPS_CONFIG, " + file);
    }

    @Test
    void aFileInTheWorkingDirectory_andGenopsVariablesOverIt_areRead() throws IOException {
        final Path work = Files.createDirectories(directory.resolve("work"));
        Files.writeString(work.resolve("genops.yaml"), "genops:\n  policy: enforced\n"
            + "  budgets.defaults: [\"team:daily=7\"]\n");

        final CommandRun run = demo(Map.of("GENOPS_POLICY", "advisory"), work, "--no-journal");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(report.get("policy")).as("the variable over the file").isEqualTo("advisory");
        assertThat(new BigDecimal((String)budget(report, "sales").get("allocated_usd"))).isEqualByComparingTo("7");
        assertThat(run.err()).contains("Configuration from environment variable GENOPS_POLICY, "
            + work.resolve("genops.yaml"));
    }

    @Test
    void theDevProfile_startsEnforced_withItsTeamBudgets() throws IOException {
        final CommandRun run = demo(Map.of(), directory, "--profile", "dev", "--no-journal");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(report.get("policy")).isEqualTo("enforced");
        assertThat(report.get("budget")).isEqualTo("configured");
        assertThat(new BigDecimal((String)budget(report, "billing").get("allocated_usd"))).isEqualByComparingTo("50");
        assertThat(((Map<?, ?>)report.get("sampling")).get("mode")).isEqualTo("fixed");
        assertThat(report.get("sampled_out")).as("dev exports every event").isEqualTo(0L);
        assertThat((Long)report.get("refused_unpriced")).as("dev refuses the self-hosted model, which has no price")
            .isPositive();
        assertThat((Long)report.get("accepted") + (Long)report.get("rejected") + (Long)report.get("refused_unpriced")
            + (Long)report.get("dropped")).isEqualTo(2000L);
    }

    @Test
    void aPreset_isChosenByOptionOrByVariable_asConfigCheckChoosesIt() throws IOException {
        for (final CommandRun run : new CommandRun[] {
            demo(Map.of(), directory, "--preset", "high-frequency", "--no-journal"),
            demo(Map.of("GENOPS_PRESET", "high-frequency"), directory, "--no-journal")}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            final Map<String, Object> report = JsonTree.object(run.out());
            assertThat(((Map<?, ?>)report.get("sampling")).get("mode")).isEqualTo("fixed");
            assertThat(ReportBudgets.all(report)).as("the preset turns budgets off").isEmpty();
            assertThat((Long)report.get("sampled_in")).as("1 % fixed sampling")
                .isLessThan((Long)report.get("interactions") / 10);
        }

        final CommandRun bad = demo(Map.of(), directory, "--preset", "high-frequncy");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Invalid value for option '--preset'", "did you mean 'high-frequency'?");
    }

    @Test
    void withoutAnySource_theDemosOwnDefaultsStand() throws IOException {
        final CommandRun run = demo(Map.of(), directory, "--no-journal");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final Map<String, Object> report = JsonTree.object(run.out());
        assertThat(report.get("policy")).isEqualTo("advisory");
        assertThat(report.get("budget")).isEqualTo("auto");
        assertThat(((Map<?, ?>)report.get("sampling")).get("mode")).isEqualTo("adaptive");
        assertThat(run.err()).doesNotContain("Configuration from");
    }

    @Test
    void otlpHeadersInTheEnvironment_reachTheCollector_andLeaveTheDemosDefaults() throws IOException {
        try (Loopback collector = Loopback.start()) {
            final CommandRun run = demo(Map.of("GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=Bearer env-token-41"),
                directory, "--journal", directory.resolve("journal").toString(), "--otlp", collector.otlpUrl());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(collector.spans.get()).isPositive();
            assertThat(collector.authorizations).containsOnly("Bearer env-token-41");
            assertTheDemosOwnDefaults(JsonTree.object(run.out()));
            assertThat(run.err()).doesNotContain("Configuration from", "env-token-41")
                .contains("headers=Authorization=**** (environment variable GENOPS_EXPORTERS_OTLP_HEADERS)");
        }
    }

    @Test
    void aRaindropWriteKeyInTheEnvironment_isUsed_andLeavesTheDemosDefaults() throws IOException {
        final Set<String> authorizations = ConcurrentHashMap.newKeySet();
        final HttpServer raindrop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        raindrop.createContext("/v1/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        raindrop.start();
        try {
            final CommandRun run = demo(Map.of("RAINDROP_WRITE_KEY", "rdk_other"), directory, "--journal",
                directory.resolve("journal").toString(), "--raindrop-url", "http://127.0.0.1:"
                    + raindrop.getAddress().getPort() + "/v1", "--raindrop-key-env", RAINDROP_KEY_VARIABLE);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(authorizations).containsExactly("Bearer " + System.getenv(RAINDROP_KEY_VARIABLE));
            assertTheDemosOwnDefaults(JsonTree.object(run.out()));
            assertThat(run.err()).doesNotContain("Configuration from", "has no effect", "rdk_other",
                System.getenv(RAINDROP_KEY_VARIABLE));
        } finally {
            raindrop.stop(0);
        }
    }

    private static void assertTheDemosOwnDefaults(final Map<String, Object> report) {
        assertThat(report.get("budget")).isEqualTo("auto");
        assertThat(ReportBudgets.all(report)).as("the automatic team budgets").hasSize(4);
        assertThat(((Map<?, ?>)report.get("sampling")).get("mode")).isEqualTo("adaptive");
    }

    /** A small demo run with {@code environment} and {@code workingDirectory} as its only sources. */
    private static CommandRun demo(final Map<String, String> environment, final Path workingDirectory,
        final String... options) {
        final CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                if (type == DemoCommand.class) {
                    return type.cast(new DemoCommand(environment, Map.of(), workingDirectory));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        final String[] args = new String[10 + options.length];
        System.arraycopy(new String[] {"demo", "--events", "2000", "--rate", "0", "--threads", "2", "--json",
            "--no-progress", "--export-wait=5"}, 0, args, 0, 10);
        System.arraycopy(options, 0, args, 10, options.length);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = GenOpsCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new CommandRun(commandLine.execute(args), out.toString(), err.toString());
    }

    private static Map<String, Object> budget(final Map<String, Object> report, final String team) {
        return ReportBudgets.of(report, "team", team, "daily");
    }
}
