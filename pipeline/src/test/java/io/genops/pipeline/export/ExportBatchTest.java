package io.genops.pipeline.export;

import static io.genops.pipeline.export.TestJournal.sleepUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the runner cuts the journal into batches, gives batches up, and what it holds while a receiver is down. */
class ExportBatchTest {
    @TempDir
    Path journal;

    @Test
    void batch_givenUpAfterMaxAttempts_isCountedAsFailed_andTheRunnerMovesOnToTheNext() {
        TestJournal.write(journal, 1_000, 1.0);
        // The first batch's three sends fail; every later one succeeds.
        final RecordingExporter exporter = new RecordingExporter("attempts", true,
            attempt -> attempt <= 3 ? ExportResult.RETRY : ExportResult.SUCCESS);
        final ExportRunner runner = runner(exporter, 256, TimeUnit.MILLISECONDS.toNanos(20), 3);

        runner.start();
        sleepUntil(() -> caughtUp(runner));
        final ExporterStatus status = runner.status();
        runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS);

        assertThat(exporter.sendSizes).as("three sends of the first batch, one of each other")
            .containsExactly(256, 256, 256, 256, 256, 233);
        assertThat(status.failedBatches()).isEqualTo(1);
        assertThat(status.failedEvents()).isEqualTo(256);
        assertThat(status.retries()).as("the sends after the first, of the batch given up").isEqualTo(2);
        assertThat(status.batches()).isEqualTo(3);
        assertThat(status.exported()).isEqualTo(1_001 - 256);
        assertThat(new HashSet<>(exporter.delivered)).hasSize(1_001 - 256);
    }

    @Test
    void batchesSettledInPart_countTheEventsTheExporterDelivered_asExported_andOnlyTheOthersAsFailed() {
        TestJournal.write(journal, 1_000, 1.0);
        // Batch 1 is refused in part, batch 2 given up after two sends with part of it delivered, batch 3
        // delivered whole, batch 4 delivered but for three events the exporter could not encode.
        final RecordingExporter exporter = new RecordingExporter("parts", true, attempt -> switch (attempt) {
            case 1 -> ExportResult.FAILED;
            case 2, 3 -> ExportResult.RETRY;
            default -> ExportResult.SUCCESS;
        });
        exporter.undeliveredAfterSend = send -> switch (send) {
            case 1 -> 50;
            case 3 -> 100;
            case 5 -> 3;
            default -> Exporter.UNCOUNTED;
        };
        final ExportRunner runner = runner(exporter, 256, TimeUnit.MILLISECONDS.toNanos(20), 2);

        runner.start();
        sleepUntil(() -> caughtUp(runner));
        final ExporterStatus status = runner.status();
        runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS);

        assertThat(exporter.sendSizes).containsExactly(256, 256, 256, 256, 233);
        assertThat(status.exported()).isEqualTo(206 + 156 + 256 + 230);
        assertThat(status.failedEvents()).isEqualTo(50 + 100 + 3);
        assertThat(status.failedBatches()).isEqualTo(2);
        assertThat(status.batches()).isEqualTo(2);
    }

    @Test
    void batch_goesOutAsSoonAsItIsFull_andTheRestAfterTheBatchAge() {
        TestJournal.write(journal, 1_000, 1.0);
        final long batchAgeNanos = TimeUnit.SECONDS.toNanos(1);
        final RecordingExporter exporter = new RecordingExporter("size", true, attempt -> ExportResult.SUCCESS);
        final ExportRunner runner = runner(exporter, 256, batchAgeNanos, 0);

        final long started = System.nanoTime();
        runner.start();
        sleepUntil(() -> caughtUp(runner));
        runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS);

        assertThat(exporter.sendSizes).containsExactly(256, 256, 256, 233);
        assertThat(exporter.sendNanos.get(2) - started).as("three full batches, none waiting for the age")
            .isLessThan(batchAgeNanos);
        assertThat(exporter.sendNanos.get(3) - exporter.batchStartNanos.get(3)).as("the partial one waits it out")
            .isGreaterThanOrEqualTo(batchAgeNanos);
    }

    @Test
    void partialBatch_ofRecordsArrivingWhileTheRunnerWaits_goesOutAfterTheBatchAge() {
        final long batchAgeNanos = TimeUnit.SECONDS.toNanos(1);
        final RecordingExporter exporter = new RecordingExporter("age", true, attempt -> ExportResult.SUCCESS);
        final ExportRunner runner = runner(exporter, 256, batchAgeNanos, 0);
        runner.start();

        TestJournal.write(journal, 10, 1.0);
        sleepUntil(() -> exporter.delivered.size() == 11);
        runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS);

        assertThat(exporter.sendSizes).as("one batch, far from full").containsExactly(11);
        assertThat(exporter.sendNanos.get(0) - exporter.batchStartNanos.get(0))
            .isGreaterThanOrEqualTo(batchAgeNanos);
    }

    @Test
    void outageOfManyBatches_growsTheJournal_whileTheRunnerAndTheExporterHoldAtMostOneBatch() {
        final int batchSize = 64;
        final AtomicBoolean receiverUp = new AtomicBoolean(false);
        final RecordingExporter exporter = new RecordingExporter("outage", true,
            attempt -> receiverUp.get() ? ExportResult.SUCCESS : ExportResult.RETRY);
        final ExportRunner runner = runner(exporter, batchSize, TimeUnit.MILLISECONDS.toNanos(20), 0);
        runner.start();

        int mostHeldByTheRunner = 0;
        for (int round = 0; round < 10; round++) {
            TestJournal.write(journal, 10 * batchSize, 1.0);
            mostHeldByTheRunner = Math.max(mostHeldByTheRunner, runner.held());
        }
        final int written = 10 * (10 * batchSize + 1);
        sleepUntil(() -> runner.status().lagRecords() == written && runner.held() > 0);
        mostHeldByTheRunner = Math.max(mostHeldByTheRunner, runner.held());

        assertThat(runner.status().lagRecords()).as("the journal holds the outage: 100 batches").isEqualTo(written);
        assertThat(mostHeldByTheRunner).isBetween(1, batchSize);
        assertThat(exporter.mostHeld).isEqualTo(batchSize);
        assertThat(exporter.sendSizes).allSatisfy(size -> assertThat(size).isEqualTo(batchSize));
        assertThat(exporter.delivered).isEmpty();

        receiverUp.set(true);
        sleepUntil(() -> caughtUp(runner));
        runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS);
        assertThat(exporter.delivered).hasSize(written).doesNotHaveDuplicates();
        assertThat(exporter.mostHeld).isEqualTo(batchSize);
        assertThat(exporter.sendSizes).allSatisfy(size -> assertThat(size).isBetween(1, batchSize));
    }

    private ExportRunner runner(final RecordingExporter exporter, final int batchSize, final long batchAgeNanos,
        final int maxAttempts) {
        return new ExportRunner(exporter, journal, batchSize, batchAgeNanos, maxAttempts,
            TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(4), Clock.systemUTC());
    }

    private static boolean caughtUp(final ExportRunner runner) {
        final ExporterStatus status = runner.status();
        return status.lagRecords() == 0 && status.position() >= 0;
    }
}
