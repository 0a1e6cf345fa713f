package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ConfiguredComponents;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.exporters.testing.TestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OTLP exporter as {@code genops.exporters.otlp.*} describes it, found through {@code META-INF/services}
 * and sending to a real receiver on loopback.
 */
class ConfiguredOtlpExporterTest {
    private static final String TOKEN = "Bearer cfg-otlp-7f3a9c";

    @TempDir
    Path dir;

    @Test
    void aYamlFile_withTheHeaderFromTheEnvironment_sendsSpansWithEverySetting() throws Exception {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.create()) {
            final Path file = Files.writeString(dir.resolve("genops.yaml"), "genops:\n  exporters:\n    otlp:\n"
                + "      enabled: true\n"
                + "      endpoint: " + receiver.endpoint() + "\n"
                + "      gzip: false\n"
                + "      service-name: support-chat\n"
                + "      request-size: 1\n"
                + "      resource-attributes:\n        deployment.environment.name: staging\n");
            final GenOpsConfiguration config = loader().file(file)
                .environment(Map.of("GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=" + TOKEN)).load();

            try (Exporter exporter = only(config)) {
                TestEvent.feed(exporter, TestEvent.interaction(1, "chat-1", "bot"),
                    TestEvent.interaction(2, "chat-1", "bot"));
                assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

                assertThat(exporter).isInstanceOf(OtlpExporter.class);
                assertThat(exporter.name()).isEqualTo("otlp");
                assertThat(receiver.received.spans()).hasSize(2);
                assertThat(receiver.received.traces).as("one span a request").hasSize(2);
                assertThat(receiver.received.authorizations).isNotEmpty().containsOnly(TOKEN);
                assertThat(receiver.received.encodings).containsOnly("identity");
                assertThat(Received.attributes(receiver.received.spanResource().getAttributesList()))
                    .containsEntry("service.name", "support-chat")
                    .containsEntry("deployment.environment.name", "staging");
                assertThat(exporter.toString()).contains("Authorization").doesNotContain("cfg-otlp-7f3a9c");
            }
        }
    }

    @Test
    void aSystemProperty_overridesTheFilesEndpoint_andTheEnvironmentItsServiceName() throws Exception {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.create()) {
            final Path file = Files.writeString(dir.resolve("genops.yaml"), "genops:\n  exporters:\n    otlp:\n"
                + "      enabled: true\n      endpoint: http://127.0.0.1:9\n      service-name: from-file\n");
            final GenOpsConfiguration config = loader().file(file)
                .systemProperties(Map.of("genops.exporters.otlp.endpoint", receiver.endpoint().toString()))
                .environment(Map.of("GENOPS_EXPORTERS_OTLP_SERVICE_NAME", "from-env")).load();

            try (Exporter exporter = only(config)) {
                TestEvent.feed(exporter, TestEvent.interaction(1, "chat-1", "bot"));
                assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

                assertThat(receiver.received.spans()).hasSize(1);
                assertThat(Received.attributes(receiver.received.spanResource().getAttributesList()))
                    .containsEntry("service.name", "from-env");
            }
        }
    }

    @Test
    void aFailingCollector_isWarnedAbout_withoutTheHeadersValue() throws Exception {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.create(); TestLogs logs = TestLogs.capture()) {
            receiver.failing.put("/v1/traces", 503);
            final GenOpsConfiguration config = loader().environment(Map.of("GENOPS_EXPORTERS_OTLP_ENABLED", "true",
                "GENOPS_EXPORTERS_OTLP_ENDPOINT", receiver.endpoint().toString(),
                "GENOPS_EXPORTERS_OTLP_HEADERS", "Authorization=" + TOKEN)).load();

            try (Exporter exporter = only(config)) {
                TestEvent.feed(exporter, TestEvent.interaction(1, "chat-1", "bot"));
                assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
            }

            assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("cfg-otlp"));
        }
    }

    private static Exporter only(final GenOpsConfiguration config) {
        final List<Exporter> exporters = ConfiguredComponents.resolve(config).buildExporters(Set.of());
        assertThat(exporters).hasSize(1);
        return exporters.get(0);
    }

    private ConfigLoader loader() {
        return GenOpsConfiguration.loader().environment(Map.of()).systemProperties(Map.of()).workingDirectory(dir);
    }
}
