package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.core.journal.RecordView;
import io.genops.core.pricing.EventPricer;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a pipeline needs from its journal when it starts again: today's spend per team (so daily
 * budgets hold across a restart), the month's interaction count (so the volume discount continues),
 * and the link of the last record of the newest cycle (so the hash chain continues). Read from the
 * records of the current month; a damaged record is skipped, as a reader would.
 */
final class JournalRecovery {
    final Map<String, Long> teamSpendToday = new HashMap<>();
    long monthInteractions;
    int lastCycle = Integer.MIN_VALUE;
    long lastLink;
    long records;

    private JournalRecovery() {
    }

    /** Reads {@code directory} as of {@code nowMillis}; an empty or missing journal recovers nothing. */
    static JournalRecovery read(final Path directory, final long nowMillis) {
        final JournalRecovery recovery = new JournalRecovery();
        if (!hasCycles(directory)) {
            return recovery;
        }
        final long today = UtcCalendar.epochDay(nowMillis);
        final long month = EventPricer.monthIndex(nowMillis);
        final Instant monthStart = ZonedDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC)
            .withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        try (JournalReader reader = JournalReader.open(directory).from(monthStart)) {
            reader.readAll((index, record) -> recovery.add(record, reader.cycle(), today, month));
        }
        return recovery;
    }

    private void add(final RecordView record, final int cycle, final long today, final long month) {
        records++;
        lastCycle = cycle;
        lastLink = record.link();
        if (EventPricer.monthIndex(record.epochMillis()) == month && record.kind() == EventKind.INTERACTION) {
            monthInteractions++;
        }
        final String team = record.team();
        if (team != null && UtcCalendar.epochDay(record.epochMillis()) == today) {
            teamSpendToday.merge(team, record.costNanos(), Math::addExact);
        }
    }

    private static boolean hasCycles(final Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX));
        } catch (final IOException e) {
            return false;
        }
    }
}
