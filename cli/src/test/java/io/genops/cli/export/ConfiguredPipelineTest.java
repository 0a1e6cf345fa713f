package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.event.Interaction;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.ShutdownReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A pipeline built from a YAML file alone, through {@code GenOps.builder().configuration(...)}: the file turns
 * on OTLP to a receiver on loopback, a webhook channel on loopback and an alert rule that notifies it; the
 * secrets come from the environment. Every real part: the journal on disk, the exporters' HTTP, the servers.
 */
class ConfiguredPipelineTest {
    private static final String OTLP_TOKEN = "Bearer pipeline-otlp-4c2d";
    private static final String HOOK_TOKEN = "T9/B9/pipeline-hook-8e1f";
    private static final int EVENTS = 200;

    @TempDir
    Path dir;

    @Test
    void theFilesExporterAndChannel_receiveTheSpansAndTheAlert_andNoSecretIsShown() throws Exception {
        final Logger genopsLog = (Logger)LoggerFactory.getLogger("io.genops");
        final ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        genopsLog.addAppender(logs);
        final Level level = genopsLog.getLevel();
        genopsLog.setLevel(Level.DEBUG);
        try (Loopback loopback = Loopback.start()) {
            final Path file = Files.writeString(dir.resolve("genops.yaml"), String.join("\n",
                "genops:",
                "  attribution: {team: support}",
                "  journal: {directory: \"" + dir.resolve("journal") + "\"}",
                "  exporters:",
                "    batch-age: 20ms",
                "    otlp:",
                "      enabled: true",
                "      endpoint: " + loopback.otlpUrl(),
                "      service-name: configured-test",
                "  alerts:",
                "    batch-age: 20ms",
                "    channels:",
                "      ops: {type: webhook}",
                "    rules:",
                "      slow-answers:",
                "        conditions: [\"latency_ms > 1000\"]",
                "        severity: critical",
                "        channels: [ops]",
                ""));
            final GenOpsConfiguration config = GenOpsConfiguration.loader().file(file).systemProperties(Map.of())
                .environment(Map.of("GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=" + OTLP_TOKEN,
                    "GENOPS_ALERTS_CHANNELS_OPS_URL", loopback.webhookUrl(HOOK_TOKEN))).load();

            final GenOps genops = GenOps.builder().configuration(config).build();
            try (MonitoringSession session = genops.openSession("chat-1")) {
                for (int i = 0; i < EVENTS; i++) {
                    assertThat(session.trackInteraction("support-bot", Interaction.builder().model("gpt-4o")
                        .inputTokens(200).outputTokens(50).latency(Duration.ofMillis(i == 7 ? 2_500 : 300)).build()))
                        .isTrue();
                }
            }
            assertThat(genops.awaitAlerts(Duration.ofSeconds(10))).isTrue();
            final ShutdownReport report = genops.close(Duration.ofSeconds(20));

            assertThat(report.exportersCaughtUp()).isTrue();
            assertThat(loopback.spans.get()).as("the interactions and the session's span").isEqualTo(EVENTS + 1);
            assertThat(loopback.authorizations).isNotEmpty().containsOnly(OTLP_TOKEN);
            assertThat(loopback.webhookPosts).hasSize(1).first().asString()
                .startsWith("/hooks/" + HOOK_TOKEN + " ").contains("\"rule\":\"slow-answers\"", "\"critical\"");

            final String shown = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.joining("\n")) + config + config.describe() + genops.exporterStatuses();
            assertThat(shown).doesNotContain("pipeline-otlp-4c2d", "pipeline-hook-8e1f", "T9/B9");
        } finally {
            genopsLog.detachAppender(logs);
            genopsLog.setLevel(level);
        }
    }
}
