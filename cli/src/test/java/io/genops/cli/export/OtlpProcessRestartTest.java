package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.export.ExportPosition;
import io.genops.pipeline.journal.JournalReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process restart as a service goes through it: an application exporting a journal to an OTLP
 * collector is killed with SIGKILL in the middle of the stream; a new process opens the same journal
 * and its exporter resumes from the saved position. Every record arrives, and the only repeats are
 * the batch the killed process had not settled.
 */
class OtlpProcessRestartTest {
    private static final int SESSIONS = 30;
    private static final int EVENTS_PER_SESSION = 1_000;
    private static final int RECORDS = SESSIONS * EVENTS_PER_SESSION + SESSIONS;
    private static final int BATCH = 1_000;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @TempDir
    Path directory;

    @Test
    void aKilledApplication_resumesFromItsSavedPosition_repeatingAtMostOneBatch() throws Exception {
        final Path journal = directory.resolve("journal");
        final long lastIndex = writeJournal(journal);

        try (OtlpCollector collector = new OtlpCollector()) {
            // Slow enough that the kill lands while most of the journal is still to send.
            collector.delayAnswers(Duration.ofMillis(40));
            final Path firstLog = directory.resolve("first.log");
            final Process first = start(journal, collector, firstLog);
            try {
                waitFor(() -> collector.distinct() >= RECORDS / 4, "a quarter delivered by the first", firstLog);
            } finally {
                first.destroyForcibly();
            }
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("gone after SIGKILL").isTrue();
            final long deliveredByTheFirst = collector.distinct();
            assertThat(deliveredByTheFirst).as("killed in the middle of the stream").isLessThan(RECORDS);
            final long savedByTheFirst = ExportPosition.read(journal, ExportingApplication.EXPORTER);
            assertThat(savedByTheFirst).as("the first process settled batches").isNotEqualTo(ExportPosition.START);

            collector.delayAnswers(Duration.ZERO);
            final Path secondLog = directory.resolve("second.log");
            final Process second = start(journal, collector, secondLog);
            try {
                waitFor(() -> collector.distinct() == RECORDS, "every record delivered", secondLog);
                waitFor(() -> ExportPosition.read(journal, ExportingApplication.EXPORTER) == lastIndex,
                    "the last record settled", secondLog);
                second.getOutputStream().close();
                assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("closes when asked").isTrue();
                assertThat(second.exitValue()).as(log(secondLog)).isZero();
            } finally {
                second.destroyForcibly();
            }

            assertThat(collector.unsequenced.get()).isZero();
            assertThat(collector.total() - collector.distinct()).as("records sent twice").isLessThanOrEqualTo(BATCH);
        }
    }

    /** Journals {@value #SESSIONS} sessions of interactions charged to a daily budget; returns the last index. */
    private static long writeJournal(final Path journal) {
        final Interaction interaction = Interaction.builder().model("gpt-4o-mini").provider("openai")
            .inputTokens(800).outputTokens(120).latency(Duration.ofMillis(350)).build();
        try (GenOps genops = GenOps.builder().journal(journal).team("support")
            .dailyBudget("support", Money.usd("1000")).build()) {
            for (int s = 0; s < SESSIONS; s++) {
                try (MonitoringSession session = genops.openSession("shift-" + s)) {
                    for (int i = 0; i < EVENTS_PER_SESSION; i++) {
                        assertThat(session.trackInteraction("support-bot", interaction)).isTrue();
                    }
                }
            }
        }
        final long[] last = {ExportPosition.START};
        try (JournalReader reader = JournalReader.open(journal)) {
            assertThat(reader.readAll((index, record) -> last[0] = index)).isEqualTo(RECORDS);
        }
        return last[0];
    }

    private static Process start(final Path journal, final OtlpCollector collector, final Path log) {
        return ExportingApplication.start(log, journal.toString(), collector.endpoint().toString(),
            String.valueOf(BATCH));
    }

    private static void waitFor(final BooleanSupplier condition, final String what, final Path log)
        throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: %s; the process's log:%n%s", what, log(log))
                .isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static String log(final Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (final java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
