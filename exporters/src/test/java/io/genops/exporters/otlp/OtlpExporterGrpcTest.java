package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.genops.core.export.ExportResult;
import io.genops.exporters.testing.TestEvent;
import io.grpc.Status;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gRPC protocol against a real grpc-netty server implementing the official OTLP services. */
class OtlpExporterGrpcTest {
    private OtlpGrpcReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = OtlpGrpcReceiver.create();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private OtlpExporter.Builder builder() {
        return OtlpExporter.builder().protocol(OtlpProtocol.GRPC).endpoint(receiver.endpoint())
            .timeout(Duration.ofSeconds(10));
    }

    @Test
    void grpc_deliversSpansLogsAndMetrics_gzippedWithHeaders() {
        try (OtlpExporter exporter = builder().header("Authorization", "Bearer grpc-token").build()) {
            TestEvent.feed(exporter, TestEvent.interaction(1, "session-1", "bot"),
                TestEvent.signal(2, "session-1", "latency_ms", 12), TestEvent.alert(3, "cost-spike", 1));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }

        final Span span = receiver.received.spans().get(0);
        assertThat(span.getName()).isEqualTo("invoke_agent bot");
        assertThat(Received.attributes(span.getAttributesList())).contains(entry("gen_ai.operation.name",
            "invoke_agent"), entry("genops.session_id", "session-1"), entry("genops.cost.total_nanos", 1_001_001L));
        assertThat(Received.hex(span.getTraceId()))
            .isEqualTo(OtlpExporterHttpTest.sha256Hex("session-1").substring(0, 32));
        assertThat(receiver.received.logRecords()).extracting(r -> r.getBody().getStringValue())
            .containsExactly("latency_ms = 12.0", "cost-spike");
        assertThat(receiver.received.lastMetric("genops.events")).isPresent();
        assertThat(receiver.received.authorizations).isNotEmpty().containsOnly("Bearer grpc-token");
        assertThat(receiver.received.encodings).isNotEmpty().containsOnly("gzip");
    }

    @Test
    void logsRefusedAsInvalid_failTheBatchOnce_whileAnUnavailableCollectorIsRetried() {
        try (OtlpExporter exporter = builder().build()) {
            receiver.failingLogs = Status.INVALID_ARGUMENT.withDescription("log record without a body");
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.signal(2, "s", "x", 1));

            assertThat(exporter.send()).isEqualTo(ExportResult.FAILED);
            assertThat(exporter.undelivered()).as("the log record; the span went through").isEqualTo(1);
            assertThat(receiver.received.spans()).hasSize(1);
            exporter.discard();
            assertThat(receiver.logRequests).as("refused for good: sent once").hasValue(1);

            receiver.failingLogs = Status.UNAVAILABLE;
            TestEvent.feed(exporter, TestEvent.signal(3, "s", "y", 2));
            assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
            receiver.failingLogs = null;
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            assertThat(receiver.logRequests).as("the unavailable one was sent again").hasValue(3);
        }
    }

    @Test
    void grpcReceiverDown_answersRetry_thenDeliversOnceWhenBack() throws IOException {
        try (OtlpExporter exporter = builder().timeout(Duration.ofSeconds(1)).build()) {
            receiver.stop();
            final List<TestEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(TestEvent.interaction(i, "s", "bot"));
            }
            TestEvent.feed(exporter, events);

            final long started = System.nanoTime();
            assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));

            receiver.start();
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }
        assertThat(receiver.received.spans()).hasSize(20);
    }
}
