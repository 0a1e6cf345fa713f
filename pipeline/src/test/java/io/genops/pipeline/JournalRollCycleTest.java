package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.money.Money;
import io.genops.pipeline.export.ExporterStatus;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.AuditReport.Dimension;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.JournalException;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.JournalVerifier;
import io.genops.pipeline.journal.Journals;
import io.genops.pipeline.journal.Replayer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal of a roll cycle other than the daily default: written, read, verified, replayed and exported. */
class JournalRollCycleTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void anHourlyJournal_isReadVerifiedReplayedAndExported_acrossItsCycles() {
        final Path journal = dir.resolve("journal");
        awayFromTheHoursEnd();
        final Instant now = Instant.now();
        final Instant twoHoursAgo = now.minus(Duration.ofHours(2));
        final Instant anHourAgo = now.minus(Duration.ofHours(1));
        final int past = PastCycles.write(journal, JournalCycle.FAST_HOURLY, twoHoursAgo, 3)
            + PastCycles.write(journal, JournalCycle.FAST_HOURLY, anHourAgo, 4);

        final RecordingExporter stuck = new RecordingExporter(ExportResult.RETRY);
        try (GenOps genops = hourly(journal).exporter(stuck).build();
             MonitoringSession session = genops.openSession("now", Attribution.team("support"))) {
            session.trackInteraction("bot", PastCycles.INTERACTION);
            session.trackInteraction("bot", PastCycles.INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
            awaitUntil(() -> genops.exporterStatuses().get(0).lagRecords() == past + 2);
            assertThat(genops.exporterStatuses().get(0).lagRecords()).as("every cycle behind is counted")
                .isEqualTo(past + 2);
        }
        final long total = past + 3;
        assertThat(PastCycles.cycleFiles(journal)).hasSize(3).allMatch(name -> name.matches("\\d{8}-\\d\\dF\\.cq4"));
        assertThat(Journals.rollCycleOf(journal)).contains(RollCycles.FAST_HOURLY);

        final RecordingExporter exporter = new RecordingExporter(ExportResult.SUCCESS);
        try (GenOps genops = hourly(journal).exporter(exporter).build()) {
            awaitUntil(() -> exporter.delivered.get() == total);
            final ExporterStatus status = genops.exporterStatuses().get(0);
            assertThat(status.exported()).isEqualTo(total);
            assertThat(status.lagRecords()).isZero();
        }

        final JournalVerifier.Report verified = JournalVerifier.verify(journal);
        assertThat(verified.intact()).as("each hour's chain").isTrue();
        assertThat(verified.records()).isEqualTo(total);

        final AuditReport report = Replayer.builder().journal(journal).modelPrices(TestTables.models())
            .platformPrices(TestTables.flatPlatform()).build().run();
        assertThat(report.records()).isEqualTo(3 + 4 + 2);
        assertThat(report.sessions()).isEqualTo(3);
        assertThat(report.recordedTotal()).isEqualTo(Money.usd("0.027")).isEqualTo(report.recomputedTotal());
        assertThat(report.by(Dimension.DAY).values().stream().mapToLong(AuditReport.Line::records).sum())
            .isEqualTo(9);

        try (JournalReader reader = JournalReader.open(journal).from(anHourAgo)) {
            assertThat(reader.rollCycle()).isEqualTo(RollCycles.FAST_HOURLY);
            assertThat(reader.readAll((index, record) -> { })).isEqualTo(4 + 1 + 3);
            assertThat(reader.records()).as("reading starts at the hour of the time, not at the day").isEqualTo(8);
        }
    }

    @Test
    void aJournal_keepsTheCycleItWasCreatedWith() {
        final Path journal = dir.resolve("journal");
        try (GenOps genops = TestTables.builder().journal(journal).build();
             MonitoringSession session = genops.openSession("daily")) {
            session.trackInteraction("bot", PastCycles.INTERACTION);
        }

        assertThat(Journals.rollCycleOf(journal)).contains(LargeRollCycles.LARGE_DAILY);
        assertThatThrownBy(() -> hourly(journal).build()).isInstanceOf(JournalException.class)
            .hasMessage("the journal " + journal + " was created with the roll cycle large-daily, not fast-hourly; "
                + "a journal keeps its cycle, so write it with large-daily (such as "
                + "genops.journal.roll-cycle=large-daily) or give the new cycle a new directory");
        try (GenOps genops = TestTables.builder().journal(journal).build()) {
            assertThat(genops.metrics().processed()).as("the refused open left the journal usable").isZero();
        }
        assertThat(Journals.rollCycleOf(dir.resolve("none"))).isEmpty();
    }

    @Test
    void theJournalRolls_byTheSystemClock_notThePipelines() {
        final Path journal = dir.resolve("journal");
        final Instant later = Instant.parse("2031-01-01T12:00:00Z");
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (GenOps genops = TestTables.builder().journal(journal).clock(Clock.fixed(later, ZoneOffset.UTC)).build();
             MonitoringSession session = genops.openSession("later")) {
            session.trackInteraction("bot", PastCycles.INTERACTION);
        }

        if (LocalDate.now(ZoneOffset.UTC).equals(today)) {
            assertThat(PastCycles.cycleFiles(journal)).containsExactly(DateTimeFormatter.BASIC_ISO_DATE.format(today)
                + "L.cq4");
        }
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> assertThat(record.epochMillis()).isEqualTo(later.toEpochMilli()));
        }
    }

    @Test
    void aPosition_isDescribedInTheJournalsOwnCycles() {
        final Instant ten = LocalDate.parse("2026-12-03").atStartOfDay(ZoneOffset.UTC).plus(10, ChronoUnit.HOURS)
            .toInstant();
        final int hour = (int)(ten.toEpochMilli() / Duration.ofHours(1).toMillis());
        final int day = (int)LocalDate.parse("2026-12-03").toEpochDay();

        assertThat(Journals.position(RollCycles.FAST_HOURLY, RollCycles.FAST_HOURLY.toIndex(hour, 1234)))
            .isEqualTo("2026-12-03T10:00Z, record 1,234 of the hour");
        assertThat(Journals.position(LargeRollCycles.LARGE_DAILY, LargeRollCycles.LARGE_DAILY.toIndex(day, 42)))
            .isEqualTo("2026-12-03, record 42 of the day");
        assertThat(Journals.position(RollCycles.TEN_MINUTELY, RollCycles.TEN_MINUTELY.toIndex(hour * 6 + 1, 7)))
            .isEqualTo("2026-12-03T10:10Z, record 7 of its 10-minute cycle");
    }

    private static GenOpsBuilder hourly(final Path journal) {
        return TestTables.builder().journal(journal).journalRollCycle(JournalCycle.FAST_HOURLY)
            .exportBatchAge(Duration.ofMillis(5)).exportBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
            .closeTimeout(Duration.ofSeconds(1));
    }

    /** Waits out the last seconds of an hour, so what the test writes now lands in one hourly cycle. */
    private static void awayFromTheHoursEnd() {
        final long hourMillis = Duration.ofHours(1).toMillis();
        final long left = hourMillis - System.currentTimeMillis() % hourMillis;
        if (left < 20_000) {
            try {
                Thread.sleep(left + 100);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitUntil(final BooleanSupplier condition) {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(5);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sees every event, answers each send as told, and counts what it delivered. */
    private static final class RecordingExporter implements Exporter {
        final AtomicLong delivered = new AtomicLong();
        private long batch;
        private final ExportResult answer;

        RecordingExporter(final ExportResult answer) {
            this.answer = answer;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean sampledOnly() {
            return false;
        }

        @Override
        public void add(final EventView event) {
            batch++;
        }

        @Override
        public ExportResult send() {
            if (answer == ExportResult.SUCCESS) {
                delivered.addAndGet(batch);
                batch = 0;
            }
            return answer;
        }

        @Override
        public void discard() {
            batch = 0;
        }
    }
}
