package io.genops.pipeline.journal;

import io.genops.core.journal.RecordView;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads a journal from the start, an index or a time, with a filter, handing each intact record to a
 * handler as a reused {@link RecordView}. Every record's checksum is verified; a damaged record is
 * never handed over as valid but reported to the damage handler with its index. The hash chain is
 * checked within each cycle from the cycle's first record (or the first record read): a record whose
 * stored link does not match is handed over and reported as out of chain.
 *
 * <p>A cycle file cut short or overwritten loses records without a damaged record to show for it:
 * Chronicle simply finds no more. So the first time reading reaches the end, the records met are
 * compared with the ones the journal's own index lists from where reading began up to the end as it
 * was when reading began; records appended meanwhile count for neither. The difference is
 * {@link #unreachable()}.
 *
 * <p>Reading allocates nothing per record once the strings it names have been seen. Not thread-safe.
 */
public final class JournalReader implements AutoCloseable {
    /** {@link #startIndex} when reading began at the journal's first record. */
    private static final long FROM_FIRST = -1;
    /** {@link #endIndex} before the first record is read. */
    private static final long END_UNKNOWN = -1;
    /** {@link #unreachable} before reading first reaches the end. */
    private static final long UNREACHABLE_UNKNOWN = -1;

    /** Receives each matching, intact record; the view is valid only during the call. */
    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(long index, RecordView record);
    }

    /** Told about each damaged or out-of-chain record, and about records that could not be reached. */
    @FunctionalInterface
    public interface DamageHandler {
        void onDamage(Path journal, long index, String problem);

        /**
         * Told once, the first time reading reaches the end, when some of the records the journal's index
         * lists could not be reached; see {@link JournalReader#unreachable()}.
         */
        default void onUnreachable(final Path journal, final long records) {
        }
    }

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final RecordView view = new RecordView();
    private byte[] buffer = new byte[1024];
    private JournalFilter filter = JournalFilter.ALL;
    private DamageHandler damageHandler = (journal, index, problem) -> { };
    private int chainCycle = Integer.MIN_VALUE;
    private long expectedLink;
    private boolean chainKnown;
    private long records;
    private long damaged;
    private long startIndex = FROM_FIRST;
    private long endIndex = END_UNKNOWN;
    private long metBeforeEnd;
    private long unreachable = UNREACHABLE_UNKNOWN;

    private JournalReader(final Path directory) {
        this.directory = directory;
        this.queue = Journals.openForReading(directory);
        this.tailer = queue.createTailer();
    }

    /** Opens the journal in {@code directory}; a missing directory or one without a journal is refused. */
    public static JournalReader open(final Path directory) {
        return new JournalReader(Objects.requireNonNull(directory, "journal directory"));
    }

    public JournalReader filter(final JournalFilter newFilter) {
        this.filter = Objects.requireNonNull(newFilter, "filter");
        return this;
    }

    public JournalReader onDamage(final DamageHandler handler) {
        this.damageHandler = Objects.requireNonNull(handler, "damage handler");
        return this;
    }

    /**
     * Positions at the first record of the cycle (the day, the hour, as the journal rolls) that holds
     * {@code time}, or at the start when that cycle has no file; earlier records are skipped.
     */
    public JournalReader from(final Instant time) {
        final long lengthMillis = queue.rollCycle().lengthInMillis();
        final long cycle = Math.floorDiv(time.toEpochMilli() - queue.epoch(), lengthMillis);
        if (cycle < Integer.MIN_VALUE || cycle > Integer.MAX_VALUE || !tailer.moveToCycle((int)cycle)) {
            tailer.toStart();
            startIndex = FROM_FIRST;
        } else {
            startIndex = queue.rollCycle().toIndex((int)cycle, 0);
        }
        filter = filter.from(time);
        return this;
    }

    /** Positions at {@code index}, a Chronicle index as reported to the handlers. */
    public JournalReader fromIndex(final long index) {
        if (!tailer.moveToIndex(index)) {
            throw new JournalException(directory + " has no record at index " + Long.toHexString(index));
        }
        startIndex = index;
        return this;
    }

    /** Reads every remaining record; returns how many matched the filter. */
    public long readAll(final RecordHandler handler) {
        long matched = 0;
        while (true) {
            final int step = next(handler);
            if (step < 0) {
                return matched;
            }
            matched += step;
        }
    }

    /**
     * Reads the next record, if any.
     *
     * @return -1 at the end, 1 when a matching record was handed over, 0 otherwise
     */
    public int next(final RecordHandler handler) {
        if (endIndex == END_UNKNOWN) {
            endIndex = endIndex();
        }
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                if (unreachable == UNREACHABLE_UNKNOWN) {
                    reachedEnd();
                }
                return -1;
            }
            final long index = document.index();
            if (index < endIndex) {
                metBeforeEnd++;
            }
            final int length = copy(document.wire().bytes());
            final int result = view.wrap(buffer, length);
            if (result != RecordView.OK) {
                damaged++;
                chainKnown = false;
                damageHandler.onDamage(directory, index, RecordView.describe(result));
                return 0;
            }
            records++;
            checkChain(index);
            if (!filter.matches(view)) {
                return 0;
            }
            handler.onRecord(index, view);
            return 1;
        }
    }

    private void reachedEnd() {
        unreachable = Math.max(0, listedBeforeEnd() - metBeforeEnd);
        if (unreachable > 0) {
            damageHandler.onUnreachable(directory, unreachable);
        }
    }

    /** Where the journal ends now, by its index: the index the next record appended will have. */
    private long endIndex() {
        try (ExcerptTailer end = queue.createTailer()) {
            return end.toEnd().index();
        }
    }

    /** Records the journal's index lists from where reading began up to {@link #endIndex}. */
    private long listedBeforeEnd() {
        final long from = startIndex == FROM_FIRST ? queue.firstIndex() : startIndex;
        if (from >= endIndex) {
            return 0;
        }
        return queue.countExcerpts(from, endIndex);
    }

    private int copy(final Bytes<?> bytes) {
        final int length = (int)bytes.readRemaining();
        if (length > buffer.length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        bytes.read(buffer, 0, length);
        return length;
    }

    private void checkChain(final long index) {
        final int cycle = tailer.cycle();
        if (cycle != chainCycle) {
            chainCycle = cycle;
            chainKnown = view.previousLink() == 0;
            if (!chainKnown && tailer.queue().rollCycle().toSequenceNumber(index) == 0) {
                damagedChain(index, "first record of its cycle does not start the chain");
            }
        } else if (chainKnown && view.previousLink() != expectedLink) {
            damagedChain(index, "out of chain: the record before it was removed, reordered or altered");
        }
        chainKnown = true;
        expectedLink = view.link();
    }

    private void damagedChain(final long index, final String problem) {
        damaged++;
        damageHandler.onDamage(directory, index, problem);
    }

    /** The cycle of the record last read, counted in the journal's {@link #rollCycle()} from the epoch. */
    public int cycle() {
        return tailer.cycle();
    }

    /** The journal's roll cycle, as its metadata records it. */
    public RollCycle rollCycle() {
        return queue.rollCycle();
    }

    /** Intact records read so far, matching or not. */
    public long records() {
        return records;
    }

    /**
     * Records the journal's index lists but reading could not reach, as a cycle file cut short or
     * overwritten leaves them: known once reading first reaches the end, {@code -1} before.
     */
    public long unreachable() {
        return unreachable;
    }

    /** Damaged and out-of-chain records found so far. */
    public long damaged() {
        return damaged;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
