package io.genops.pipeline.export;

import static io.genops.pipeline.export.TestJournal.sleepUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.pipeline.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How far behind the journal an exporter is: in records, across days, and in time by the pipeline's clock. */
class ExportLagTest {
    private static final int BATCH = 256;

    @TempDir
    Path journal;

    @TempDir
    Path scratch;

    @Test
    void lagMillis_afterAnIdleHour_isTheAgeOfTheOldestRecordWaiting_notOfTheLastOneSettled() {
        final MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofHours(1)));
        TestJournal.write(journal, 100, 1.0, clock);
        final AtomicBoolean receiverUp = new AtomicBoolean(true);
        final RecordingExporter exporter = new RecordingExporter("lag", true,
            attempt -> receiverUp.get() ? ExportResult.SUCCESS : ExportResult.RETRY);
        final ExportRunner runner = runner(exporter, clock);
        runner.start();
        sleepUntil(() -> caughtUp(runner));
        assertThat(runner.status().lagMillis()).isZero();

        receiverUp.set(false);
        clock.advance(Duration.ofHours(1));
        final int sendsBefore = exporter.sends;
        TestJournal.write(journal, 10, 1.0, clock);
        sleepUntil(() -> exporter.sends > sendsBefore && exporter.sendSizes.get(exporter.sends - 1) == 11);

        final ExporterStatus justWritten = runner.status();
        assertThat(justWritten.lagRecords()).isEqualTo(11);
        assertThat(justWritten.lagMillis()).as("the waiting records are new").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(runner.status().lagMillis()).isEqualTo(5_000);

        receiverUp.set(true);
        sleepUntil(() -> caughtUp(runner));
        assertThat(runner.status().lagMillis()).isZero();
        assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();
    }

    @Test
    void lag_ofAnOutageOverMidnight_countsTheRecordsOfBothDays_andTheAgeOfTheOldest() {
        final Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        TestJournal.writeOnDay(journal, scratch, 1_000, yesterday);
        TestJournal.write(journal, 500, 1.0);
        final MutableClock clock = new MutableClock(Instant.now());
        final long ageOfYesterday = clock.millis() - yesterday.toEpochMilli();

        final RecordingExporter down = new RecordingExporter("midnight", true, attempt -> ExportResult.RETRY);
        final ExportRunner first = runner(down, clock);
        first.start();
        sleepUntil(() -> down.sends >= 2);
        final ExporterStatus nothingSettled = first.status();
        first.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));

        assertThat(nothingSettled.lagRecords()).as("1,001 of yesterday and 501 of today").isEqualTo(1_502);
        assertThat(nothingSettled.lagMillis()).isEqualTo(ageOfYesterday);
        assertThat(first.status().lagRecords()).as("left behind at the stop").isEqualTo(1_502);

        final RecordingExporter onceUp = new RecordingExporter("midnight", true,
            attempt -> attempt == 1 ? ExportResult.SUCCESS : ExportResult.RETRY);
        final ExportRunner second = runner(onceUp, clock);
        second.start();
        sleepUntil(() -> onceUp.sends >= 2);
        final ExporterStatus oneBatchSettled = second.status();
        second.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));

        assertThat(oneBatchSettled.position()).isNotNegative();
        assertThat(oneBatchSettled.lagRecords()).as("a settled position in yesterday's cycle")
            .isEqualTo(1_502 - BATCH);
        assertThat(oneBatchSettled.lagMillis()).isEqualTo(ageOfYesterday);
    }

    private ExportRunner runner(final Exporter exporter, final MutableClock clock) {
        return new ExportRunner(exporter, journal, BATCH, TimeUnit.MILLISECONDS.toNanos(20), 0,
            TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(4), clock);
    }

    private static boolean caughtUp(final ExportRunner runner) {
        final ExporterStatus status = runner.status();
        return status.lagRecords() == 0 && status.position() >= 0;
    }
}
