package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genops.core.journal.RecordCodec;
import io.genops.core.journal.RecordView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.exporters.testing.SilentServer;
import io.genops.exporters.testing.TestEvent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every event is counted in the metrics, sampled or not, so an event that is not exported must cost the
 * runner's thread no allocation: the heap would otherwise churn at the journal's rate.
 */
class OtlpExporterAllocationTest {
    private static final int RECORDS = 64;
    private static final int ROUNDS = 2_000;

    @Test
    void anUnsampledEvent_allocatesNothing_onceItsSeriesAndStringsHaveBeenSeen() throws IOException {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes");
        final byte[][] records = unsampledRecords();
        final RecordView view = new RecordView();
        try (SilentServer collector = SilentServer.start()) {
            final OtlpExporter exporter = OtlpExporter.builder().endpoint(collector.uri()).build();
            addAll(exporter, view, records, ROUNDS);

            final long before = threads.getCurrentThreadAllocatedBytes();
            addAll(exporter, view, records, ROUNDS);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            // Nothing was sent, and the collector never answers: close at once.
            exporter.close(Duration.ZERO);

            assertThat(exporter.stats().eventsCounted()).isEqualTo(2L * RECORDS * ROUNDS);
            // Far below one byte per event: a single allocation per event would be 16 bytes or more.
            assertThat(allocated).as("bytes allocated for %d unsampled events", RECORDS * ROUNDS)
                .isLessThan(RECORDS * ROUNDS / 10);
        }
    }

    private static void addAll(final OtlpExporter exporter, final RecordView view, final byte[][] records,
        final int rounds) {
        for (int round = 0; round < rounds; round++) {
            for (final byte[] record : records) {
                if (view.wrap(record, record.length) != RecordView.OK) {
                    throw new IllegalStateException("a test record did not survive encoding");
                }
                exporter.add(view);
            }
        }
    }

    /** Interactions, signals and alerts of several teams, models, groups, errors and policy outcomes. */
    private static byte[][] unsampledRecords() {
        final RecordCodec codec = new RecordCodec();
        final byte[][] records = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            final TestEvent event;
            if (i % 9 == 8) {
                event = TestEvent.signal(i, "s-" + i % 5, "latency", i);
            } else if (i % 13 == 12) {
                event = TestEvent.alert(i, "spend", 2);
            } else {
                event = TestEvent.interaction(i, "s-" + i % 5, "bot-" + i % 7);
                event.model("model-" + i % 6).tokens(100 + i, i, i % 3, 20 + i, i % 2);
            }
            event.team("team-" + i % 3).environment(i % 2 == 0 ? "prod" : null);
            event.group(i % 4 == 0 ? "critical" : null);
            if (i % 11 == 0) {
                event.policy(PolicyResult.BLOCKED, PolicyReason.BUDGET_EXCEEDED).error("budget_exceeded");
            }
            event.sampled(false);
            final int length = codec.encode(event, 0);
            records[i] = Arrays.copyOf(codec.buffer(), length);
        }
        return records;
    }
}
