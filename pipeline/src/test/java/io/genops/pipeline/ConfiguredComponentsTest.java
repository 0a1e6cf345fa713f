package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.event.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exporters and channels that a configuration turns on, built through the providers on the class path:
 * here the test's own {@code prometheus} and {@code slack} providers ({@link TestProviders}), and none for
 * the other types, as in an application without {@code genops-exporters}.
 */
class ConfiguredComponentsTest {
    private static final String HOOK = "https://hooks.example.com/services/T1/B1/pipeline-hook-secret";
    private static final Interaction INTERACTION = Interaction.builder().model("gpt-4o").inputTokens(100)
        .outputTokens(50).build();

    @TempDir
    Path dir;

    @BeforeEach
    void forgetEarlierBuilds() {
        TestProviders.BUILT.clear();
    }

    @Test
    void anExporterTypeWithoutAProvider_failsAtConfiguration_namingTheKeyAndTheModule() throws Exception {
        final Path file = Files.writeString(dir.resolve("genops.yaml"), "genops:\n  exporters:\n    otlp:\n"
            + "      enabled: true\n");
        final GenOpsConfiguration config = loader().file(file).load();
        final GenOpsBuilder builder = GenOps.builder();

        assertThatThrownBy(() -> builder.configuration(config)).isInstanceOf(IllegalStateException.class)
            .hasMessage("genops.exporters.otlp.enabled is true (" + file + ":4), but no provider of the otlp "
                + "exporter is on the class path: add genops-exporters (io.genops:genops-exporters) to the class "
                + "path, or set it to false");
    }

    @Test
    void aChannelTypeWithoutAProvider_failsAtConfiguration_withoutShowingTheUrl() {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_ALERTS_CHANNELS_OPS_URL", HOOK))
            .load();

        assertThatThrownBy(() -> GenOps.builder().configuration(config)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("genops.alerts.channels.ops.type is webhook (default), but no provider of a "
                + "webhook alert channel is on the class path: add genops-exporters")
            .hasMessageNotContaining("pipeline-hook-secret");
    }

    @Test
    void configuredExporterAndChannel_areBuiltByBuild_andReceiveEventsAndAlerts() {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_PROMETHEUS_ENABLED", "true",
            "GENOPS_ALERTS_CHANNELS_PAGER_TYPE", "slack", "GENOPS_ALERTS_CHANNELS_PAGER_URL", HOOK,
            "GENOPS_ALERTS_DEFAULT_CHANNELS", "log,pager", "GENOPS_BUDGETS_LIMITS", "team:support:daily=0.000001",
            "GENOPS_JOURNAL_DIRECTORY", dir.resolve("journal").toString(), "GENOPS_EXPORTERS_BATCH_AGE", "10ms"))
            .load();
        final GenOpsBuilder builder = GenOps.builder().configuration(config);
        assertThat(TestProviders.BUILT).as("nothing is built before build()").isEmpty();

        final GenOps genops = builder.team("support").build();
        try (MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 10; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
        }
        assertThat(genops.awaitAlerts(Duration.ofSeconds(10))).isTrue();
        assertThat(genops.close(Duration.ofSeconds(10)).exportersCaughtUp()).isTrue();

        assertThat(TestProviders.BUILT).hasSize(2);
        final CapturingChannel pager = (CapturingChannel)TestProviders.BUILT.get(0);
        final TestProviders.CountingExporter prometheus = (TestProviders.CountingExporter)TestProviders.BUILT.get(1);
        assertThat(pager.alerts()).isNotEmpty().allSatisfy(alert -> assertThat(alert.rule()).contains("budget"));
        assertThat(prometheus.delivered.get()).as("the interactions and the session's record").isEqualTo(11);
        assertThat(genops.exporterStatuses()).extracting(status -> status.name()).containsExactly("prometheus");
    }

    @Test
    void anExporterOrChannelAddedByHand_replacesTheConfiguredOne_beforeOrAfterConfiguration() {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_PROMETHEUS_ENABLED", "true",
            "GENOPS_ALERTS_CHANNELS_PAGER_TYPE", "slack", "GENOPS_ALERTS_CHANNELS_PAGER_URL", HOOK,
            "GENOPS_JOURNAL_DIRECTORY", dir.resolve("journal").toString())).load();
        final TestProviders.CountingExporter byHand = new TestProviders.CountingExporter("prometheus");
        final CapturingChannel pagerByHand = new CapturingChannel("pager");

        final GenOps genops = GenOps.builder().exporter(byHand).configuration(config).alertChannel(pagerByHand)
            .exportBatchAge(Duration.ofMillis(10)).build();
        try (MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", INTERACTION);
        }
        assertThat(genops.close(Duration.ofSeconds(10)).exportersCaughtUp()).isTrue();

        assertThat(TestProviders.BUILT).as("the configured ones are never built").isEmpty();
        assertThat(byHand.delivered.get()).as("the interaction and the session's record").isEqualTo(2);
    }

    @Test
    void configuredExporters_withoutAJournal_areRefusedBeforeAnyIsBuilt() {
        final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_PROMETHEUS_ENABLED", "true"))
            .load();

        assertThatThrownBy(() -> GenOps.builder().configuration(config).noJournal().build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("exporters read the journal");
        assertThat(TestProviders.BUILT).isEmpty();
    }

    private ConfigLoader loader() {
        return GenOpsConfiguration.loader().environment(Map.of()).systemProperties(Map.of()).workingDirectory(dir);
    }
}
