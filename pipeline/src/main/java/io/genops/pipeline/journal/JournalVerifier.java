package io.genops.pipeline.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Walks a whole journal checking every record's checksum and the hash chain of each cycle (a day, an
 * hour, as the journal rolls), and reports what it found; {@code genops verify} prints this report.
 */
public final class JournalVerifier {
    /** At most this many problems are listed; all are counted. */
    public static final int MAX_LISTED = 1_000;

    private JournalVerifier() {
    }

    /**
     * One damaged or out-of-chain record.
     *
     * @param index       the record's Chronicle index
     * @param position    where it lies, in the journal's own cycles: {@code 2026-12-03, record 42 of the day}
     * @param description what is wrong with it
     */
    public record Problem(long index, String position, String description) {
        /** The index as Chronicle tools print it: cycle and sequence in hexadecimal. */
        public String indexHex() {
            return Long.toHexString(index);
        }
    }

    /**
     * What a walk found.
     *
     * @param journal     the directory walked
     * @param records     intact records
     * @param problems    how many damaged or out-of-chain records were met
     * @param listed      the first {@value #MAX_LISTED} of them
     * @param unreachable records the journal's index lists but the walk could not reach, as a cycle file cut
     *     short or overwritten leaves them
     * @param firstMillis time of the earliest intact record, {@code Long.MAX_VALUE} when none
     * @param lastMillis  time of the latest intact record, {@code Long.MIN_VALUE} when none
     */
    public record Report(Path journal, long records, long problems, List<Problem> listed, long unreachable,
        long firstMillis, long lastMillis) {

        /** Whether every record the index lists was reached, intact and in its chain. */
        public boolean intact() {
            return problems == 0 && unreachable == 0;
        }
    }

    /** Walks {@code directory}; a missing directory or one without a journal throws {@link JournalException}. */
    public static Report verify(final Path directory) {
        final List<Problem> listed = new ArrayList<>();
        final long[] problems = {0};
        final long[] times = {Long.MAX_VALUE, Long.MIN_VALUE};
        try (JournalReader reader = JournalReader.open(directory)) {
            reader.onDamage((journal, index, problem) -> {
                problems[0]++;
                if (listed.size() < MAX_LISTED) {
                    listed.add(new Problem(index, Journals.position(reader.rollCycle(), index), problem));
                }
            });
            reader.readAll((index, record) -> {
                times[0] = Math.min(times[0], record.epochMillis());
                times[1] = Math.max(times[1], record.epochMillis());
            });
            return new Report(directory, reader.records(), problems[0], Collections.unmodifiableList(listed),
                reader.unreachable(), times[0], times[1]);
        }
    }
}
