package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.core.journal.RecordView;
import io.genops.core.pricing.EventPricer;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * What a pipeline needs from its journal when it starts again: the spend of every budget window still
 * open (so budgets hold across a restart), the month's interaction count (so the volume discount
 * continues), and the link of the last record of the newest cycle (so the hash chain continues).
 * Read from the records since the start of the current month or week, whichever is earlier; a
 * damaged record is skipped, as a reader would.
 */
final class JournalRecovery {
    private final BudgetBook budgets;
    private final EventPricer pricer;
    private final long nowMillis;
    int lastCycle = Integer.MIN_VALUE;
    long lastLink;
    long records;

    private JournalRecovery(final BudgetBook budgets, final EventPricer pricer, final long nowMillis) {
        this.budgets = budgets;
        this.pricer = pricer;
        this.nowMillis = nowMillis;
    }

    /**
     * Reads {@code directory} as of {@code nowMillis}, charging {@code budgets} with the spend of their
     * open windows and counting the month's volume in {@code pricer}, in journal order, as the live
     * pipeline did; an empty or missing journal recovers nothing.
     */
    static JournalRecovery read(final Path directory, final long nowMillis, final BudgetBook budgets,
        final EventPricer pricer) {
        final JournalRecovery recovery = new JournalRecovery(budgets, pricer, nowMillis);
        if (!hasCycles(directory)) {
            return recovery;
        }
        try (JournalReader reader = JournalReader.open(directory).from(earliestOpenWindow(nowMillis))) {
            reader.readAll((index, record) -> recovery.add(record, reader.cycle()));
        }
        return recovery;
    }

    /** The start of the month or of the week (Monday), whichever is earlier, a day early for zones east of UTC. */
    private static Instant earliestOpenWindow(final long nowMillis) {
        final LocalDate today = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC).toLocalDate();
        final LocalDate monthStart = today.withDayOfMonth(1);
        final LocalDate weekStart = today.with(DayOfWeek.MONDAY);
        final LocalDate earliest = monthStart.isBefore(weekStart) ? monthStart : weekStart;
        return earliest.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private void add(final RecordView record, final int cycle) {
        records++;
        lastCycle = cycle;
        lastLink = record.link();
        if (record.kind() == EventKind.SESSION) {
            return;
        }
        pricer.countVolume(record);
        budgets.restore(record.team(), record.project(), record.customerId(), record.costNanos(),
            record.epochMillis(), nowMillis);
    }

    private static boolean hasCycles(final Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX));
        } catch (final IOException e) {
            return false;
        }
    }
}
