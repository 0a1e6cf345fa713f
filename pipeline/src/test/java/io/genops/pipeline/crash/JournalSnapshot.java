package io.genops.pipeline.crash;

import io.genops.core.event.EventKind;
import io.genops.core.journal.RecordView;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader finds in a journal after a crash: intact records, their costs per team on one day,
 * the damaged records the reader reported and where they lie, and records that passed the reader's
 * checks yet cannot have come from the crash writer (which would mean a damaged record was handed
 * over as valid). The record a closed session leaves is passed over: the writer's interactions are
 * what its confirmations count.
 */
final class JournalSnapshot {
    private final Map<String, Long> teamNanosOnDay = new HashMap<>();
    private final List<String> damage = new ArrayList<>();
    private final List<String> implausible = new ArrayList<>();
    private long records;
    private long totalNanos;
    private long lastIntactIndex = Long.MIN_VALUE;
    private long firstDamagedIndex = Long.MAX_VALUE;

    private JournalSnapshot() {
    }

    /** Reads all of {@code journal}; team costs are summed over the records of UTC day {@code epochDay}. */
    static JournalSnapshot read(final Path journal, final long epochDay) {
        final JournalSnapshot snapshot = new JournalSnapshot();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.onDamage((path, index, problem) -> snapshot.damaged(index, problem));
            reader.readAll((index, record) -> snapshot.intact(index, record, epochDay));
        }
        return snapshot;
    }

    private void damaged(final long index, final String problem) {
        firstDamagedIndex = Math.min(firstDamagedIndex, index);
        damage.add(Long.toHexString(index) + ": " + problem);
    }

    private void intact(final long index, final RecordView record, final long epochDay) {
        lastIntactIndex = Math.max(lastIntactIndex, index);
        if (record.kind() == EventKind.SESSION && record.costNanos() == 0) {
            return;
        }
        records++;
        totalNanos = Math.addExact(totalNanos, record.costNanos());
        final String team = record.team();
        if (record.kind() != EventKind.INTERACTION || record.costNanos() != CrashTables.INTERACTION_NANOS
            || !CrashTables.MODEL.equals(record.model())
            || !(CrashTables.SUPPORT.equals(team) || CrashTables.SALES.equals(team))) {
            implausible.add(Long.toHexString(index) + ": " + record.kind() + " " + team + " " + record.model() + " "
                + record.costNanos());
        }
        if (Math.floorDiv(record.epochMillis(), 86_400_000L) == epochDay) {
            teamNanosOnDay.merge(team, record.costNanos(), Math::addExact);
        }
    }

    long records() {
        return records;
    }

    long totalNanos() {
        return totalNanos;
    }

    long teamNanosOnDay(final String team) {
        return teamNanosOnDay.getOrDefault(team, 0L);
    }

    /** The reader's damage reports, as {@code index: problem}. */
    List<String> damage() {
        return damage;
    }

    /** Whether every damaged record lies after every intact one: a torn tail, not a hole. */
    boolean damageOnlyAtTheTail() {
        return damage.isEmpty() || firstDamagedIndex > lastIntactIndex;
    }

    /** Intact-looking records the writer never wrote, as {@code index: kind team model cost}. */
    List<String> implausible() {
        return implausible;
    }

    @Override
    public String toString() {
        return records + " intact records, damage " + damage + ", team costs on the day " + teamNanosOnDay;
    }
}
