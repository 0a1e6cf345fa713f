package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every setting is checked when set, with a message that names it. */
class OtlpExporterBuilderTest {
    @TempDir
    Path directory;

    @Test
    void defaults_httpProtobufOnPort4318_gzip_tenSecondTimeout() {
        try (OtlpExporter exporter = OtlpExporter.builder().build()) {
            assertThat(exporter.name()).isEqualTo("otlp");
            assertThat(exporter.sampledOnly()).isFalse();
            assertThat(exporter.toString()).contains("protocol=HTTP_PROTOBUF", "endpoint=http://localhost:4318",
                "gzip=true", "timeout=PT10S", "requestSize=512", "maxConcurrentRequests=4", "service=genops");
        }
        try (OtlpExporter grpc = OtlpExporter.builder().protocol(OtlpProtocol.GRPC).build()) {
            assertThat(grpc.toString()).contains("endpoint=http://localhost:4317");
        }
    }

    @Test
    void toString_showsHeaderNames_neverTheirValues() {
        try (OtlpExporter exporter = OtlpExporter.builder().header("Authorization", "Bearer top-secret")
            .header("x-api-key", "k3y").build()) {
            assertThat(exporter.toString()).contains("Authorization", "x-api-key").doesNotContain("top-secret", "k3y");
        }
    }

    @Test
    void badEndpoints_areRefusedByName() {
        final OtlpExporter.Builder builder = OtlpExporter.builder();
        assertThatThrownBy(() -> builder.endpoint(URI.create("localhost:4318")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> builder.endpoint(URI.create("ftp://collector:21")))
            .hasMessageContaining("endpoint must be an absolute http or https URI");
        assertThatThrownBy(() -> builder.endpoint(URI.create("https://user:pw@collector:4318")))
            .hasMessageContaining("user information").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> builder.endpoint(URI.create("http://collector:4318/?token=x")))
            .hasMessageContaining("query");
        assertThatThrownBy(() -> builder.endpoint(null)).isInstanceOf(NullPointerException.class)
            .hasMessage("endpoint");
        assertThatThrownBy(() -> OtlpExporter.builder().protocol(OtlpProtocol.GRPC)
            .endpoint(URI.create("http://collector:4317/otlp")).build())
            .hasMessageContaining("gRPC exporter must have no path");
    }

    @Test
    void badHeaders_areRefusedWithoutShowingTheValue() {
        final OtlpExporter.Builder builder = OtlpExporter.builder();
        assertThatThrownBy(() -> builder.header(" ", "v")).hasMessageContaining("header name");
        assertThatThrownBy(() -> builder.header("Bad Name", "v")).hasMessageContaining("not an HTTP token");
        assertThatThrownBy(() -> builder.header("Authorization", "Bearer x\r\nInjected: 1"))
            .hasMessageContaining("header 'Authorization' value holds a control character")
            .hasMessageNotContaining("Injected");
        assertThatThrownBy(() -> builder.header("Authorization", null)).hasMessage("header 'Authorization' value");
    }

    @Test
    void otherSettings_areCheckedWhenSet() {
        final OtlpExporter.Builder builder = OtlpExporter.builder();
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive: PT0S");
        assertThatThrownBy(() -> builder.timeout(Duration.ofHours(1))).hasMessageContaining("at most PT10M");
        assertThatThrownBy(() -> builder.metricInterval(Duration.ofSeconds(-1)))
            .hasMessageContaining("metricInterval must be positive");
        assertThatThrownBy(() -> builder.maxMetricSeries(0)).hasMessageContaining("maxMetricSeries");
        assertThatThrownBy(() -> builder.maxMetricSeries(1_000_000)).hasMessageContaining("at most 100000");
        assertThatThrownBy(() -> builder.requestSize(0)).hasMessageContaining("requestSize");
        assertThatThrownBy(() -> builder.requestSize(100_001)).hasMessage("requestSize must be at most 100000: 100001");
        assertThatThrownBy(() -> builder.maxConcurrentRequests(0)).hasMessageContaining("maxConcurrentRequests");
        assertThatThrownBy(() -> builder.maxConcurrentRequests(65))
            .hasMessage("maxConcurrentRequests must be at most 64: 65");
        assertThatThrownBy(() -> builder.serviceName("")).hasMessageContaining("serviceName");
        assertThatThrownBy(() -> builder.resourceAttribute("service.name", "x")).hasMessageContaining("serviceName");
        assertThatThrownBy(() -> builder.name("../escape")).hasMessageContaining("position file");
        assertThatThrownBy(() -> builder.protocol(null)).hasMessage("protocol");
    }

    @Test
    void tlsFiles_areReadAtBuild_andAMissingOneIsNamed() {
        final Path missing = directory.resolve("ca.pem");
        assertThatThrownBy(() -> OtlpExporter.builder().endpoint(URI.create("https://collector:4318"))
            .trustedCertificates(missing).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("trustedCertificates file " + missing + " cannot be read");
    }
}
