package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.exporters.testing.SilentServer;
import io.genops.exporters.testing.TestEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing within a deadline: the final metric export and the official exporters' shutdown keep to the time
 * given, however long the exporter's own timeout, and what is given up is counted and warned about once.
 */
class OtlpExporterCloseTest {
    private static final Duration WITHIN = Duration.ofMillis(300);
    /** What a close may take beyond its deadline: thread scheduling on a busy machine, not a wait. */
    private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(700);

    @Test
    void close_withinAShortTime_givesUpTheFinalMetricExportToACollectorThatNeverAnswers() throws IOException {
        try (SilentServer collector = SilentServer.start(); TestLogs logs = TestLogs.capture()) {
            // The exporter's own timeout, 10 s, is what close() alone would wait.
            final OtlpExporter exporter = OtlpExporter.builder().endpoint(collector.uri()).build();
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));

            final long tookNanos = timed(() -> exporter.close(WITHIN));

            assertThat(tookNanos).as("close keeps to the time it was given")
                .isBetween(WITHIN.toNanos() - TimeUnit.MILLISECONDS.toNanos(20), WITHIN.toNanos() + MARGIN_NANOS);
            assertThat(collector.connections()).as("the final export was sent").isPositive();
            assertThat(exporter.stats().failedMetricExports()).isEqualTo(1);
            assertThat(exporter.stats().metricExports()).isZero();
            assertThat(logs.lines()).filteredOn(line -> line.contains("final metric export")).singleElement()
                .asString().startsWith("WARN OTLP exporter 'otlp' gave up its final metric export to "
                    + collector.uri() + " over HTTP_PROTOBUF (no answer by the close deadline)");

            assertThat(timed(() -> exporter.close(WITHIN))).as("a second close does nothing")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(exporter.stats().failedMetricExports()).isEqualTo(1);
        }
    }

    @Test
    void close_withNoTimeLeft_startsNoFinalExport_andCountsItAsFailed() throws Exception {
        try (SilentServer collector = SilentServer.start(); TestLogs logs = TestLogs.capture()) {
            final OtlpExporter exporter = OtlpExporter.builder().endpoint(collector.uri()).build();
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));

            final long tookNanos = timed(() -> exporter.close(Duration.ofMillis(-5)));

            assertThat(tookNanos).as("a deadline already passed leaves no time").isLessThan(MARGIN_NANOS);
            assertThat(exporter.stats().failedMetricExports()).isEqualTo(1);
            assertThat(logs.lines()).filteredOn(line -> line.contains("final metric export")).singleElement()
                .asString().endsWith("(no time left at close to start it). Failed final metric exports of this "
                    + "exporter since its previous warning, this one included: 1. The collector keeps the totals "
                    + "of the last metric export it accepted; this warning repeats at most once every 60 s.");
            Thread.sleep(200);
            assertThat(collector.connections()).as("nothing was sent").isZero();
        }
    }

    @Test
    void close_withTimeEnough_exportsTheFinalTotals_andAnswersAsSoonAsTheCollectorDoes() throws IOException {
        try (OtlpHttpReceiver receiver = OtlpHttpReceiver.create()) {
            final OtlpExporter exporter = OtlpExporter.builder().endpoint(receiver.endpoint()).build();
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.interaction(2, "s", "bot"));

            final long tookNanos = timed(() -> exporter.close(Duration.ofSeconds(5)));

            assertThat(tookNanos).isLessThan(TimeUnit.SECONDS.toNanos(4));
            assertThat(exporter.stats().metricExports()).isEqualTo(1);
            assertThat(exporter.stats().failedMetricExports()).isZero();
            assertThat(receiver.received.lastMetric("genops.events").orElseThrow().getSum().getDataPoints(0)
                .getAsInt()).isEqualTo(2);
        }
    }

    @Test
    void close_refusesNoDuration() {
        final OtlpExporter exporter = OtlpExporter.builder().build();
        assertThatThrownBy(() -> exporter.close(null)).isInstanceOf(NullPointerException.class)
            .hasMessage("within");
        exporter.close(Duration.ZERO);
    }

    private static long timed(final Runnable action) {
        final long started = System.nanoTime();
        action.run();
        return System.nanoTime() - started;
    }
}
