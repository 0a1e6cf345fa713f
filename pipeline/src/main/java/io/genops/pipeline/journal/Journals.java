package io.genops.pipeline.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.Closeable;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.table.AbstractTSQueueLock;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;
import net.openhft.chronicle.threads.Pauser;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How journals are laid out on disk: one Chronicle Queue directory per pipeline, one cycle file per
 * UTC day unless another {@link JournalCycle} is chosen. The default, {@link JournalCycle#LARGE_DAILY},
 * indexes 2^37 records a day, about 1.6 million a second on average, where Chronicle's default daily
 * cycle tops out near 50 thousand. A journal keeps the cycle it was created with, recorded in its
 * {@value #METADATA_FILE}: writing it with another is refused, and readers take the cycle from there
 * ({@link #rollCycleOf}) rather than assume one.
 *
 * <p>A journal has one writer, marked by an operating-system lock on {@value #WRITER_LOCK_FILE}; it
 * is what makes a restart after a crash safe. Chronicle's appenders take a lock in
 * {@code metadata.cq4t} around each record that records only the holder's process id, so a writer
 * killed inside an append leaves it set. Chronicle clears it at open when no process of that id is
 * alive; when one is (the restarted JVM itself, since a container's JVM usually gets the same pid
 * again, or any process that reused the pid), the first append spins for the queue's 15 s timeout
 * and then throws, and the journal stage would fail every event. The kernel drops our lock when its
 * holder dies, however it dies, so holding it proves a set Chronicle lock stale and opening clears it.
 * The record the killed writer was appending costs nothing: Chronicle 2026 sets a record's header
 * word only once the record is complete, so readers stop before the torn bytes and the next append
 * writes over them (or, once the journal has rolled, seals the old cycle there).
 */
public final class Journals {
    /** The roll cycle of a journal created without one. */
    public static final JournalCycle DEFAULT_CYCLE = JournalCycle.LARGE_DAILY;
    /** File name suffix of a cycle file. */
    public static final String CYCLE_SUFFIX = ".cq4";
    /** The file in a journal directory whose lock marks its one writer. */
    public static final String WRITER_LOCK_FILE = "writer.lock";
    /** Chronicle's file of the queue's own settings, its roll cycle among them. */
    public static final String METADATA_FILE = SingleChronicleQueue.QUEUE_METADATA_FILE;

    private static final Logger LOG = LoggerFactory.getLogger(Journals.class);
    private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
    private static final long HOUR_MILLIS = TimeUnit.HOURS.toMillis(1);
    private static final long MINUTE_MILLIS = TimeUnit.MINUTES.toMillis(1);
    private static final DateTimeFormatter CYCLE_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'",
        Locale.ROOT).withZone(ZoneOffset.UTC);

    static {
        // The metadata file names its classes by aliases that Chronicle registers only when a queue builder is
        // first used; rollCycleOf reads the file before any builder exists and would not know "SCQMeta".
        SingleChronicleQueueBuilder.addAliases();
    }

    private Journals() {
    }

    /** Opens the journal in {@code directory} for appending, as {@link #openForWriting(Path, JournalCycle)} does. */
    public static SingleChronicleQueue openForWriting(final Path directory) {
        return openForWriting(directory, DEFAULT_CYCLE);
    }

    /**
     * Opens (creating if needed) the journal in {@code directory} for appending, as its only writer
     * until the queue is closed; a new journal gets {@code cycle}, and the append lock of a writer that
     * died is cleared.
     *
     * @throws JournalException when another pipeline, in this process or another, writes the journal, or
     *     when the journal was created with another roll cycle
     */
    public static SingleChronicleQueue openForWriting(final Path directory, final JournalCycle cycle) {
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + directory, e);
        }
        requireCycle(directory, cycle);
        final WriterLock writer = WriterLock.acquire(directory.resolve(WRITER_LOCK_FILE));
        SingleChronicleQueue queue = null;
        try {
            queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(cycle.rollCycle()).build();
            clearDeadWritersLock(queue, directory);
            queue.addCloseListener(writer);
            return queue;
        } catch (final RuntimeException e) {
            Closeable.closeQuietly(queue, writer);
            throw e;
        }
    }

    /** Refuses to write a journal with a cycle other than the one it was created with, which Chronicle would keep. */
    private static void requireCycle(final Path directory, final JournalCycle cycle) {
        final Optional<RollCycle> existing = rollCycleOf(directory);
        if (existing.isPresent() && !existing.get().equals(cycle.rollCycle())) {
            final String written = JournalCycle.of(existing.get()).map(JournalCycle::label)
                .orElse(existing.get().toString());
            throw new JournalException("the journal " + directory + " was created with the roll cycle " + written
                + ", not " + cycle.label() + "; a journal keeps its cycle, so write it with " + written + " (such as "
                + "genops.journal.roll-cycle=" + written + ") or give the new cycle a new directory");
        }
    }

    /** Clears Chronicle's append lock; only while holding the writer lock, which proves its holder dead. */
    private static void clearDeadWritersLock(final SingleChronicleQueue queue, final Path directory) {
        try (TableStoreWriteLock appendLock = new TableStoreWriteLock(queue.metaStore(), Pauser::balanced, 0L)) {
            final long holder = appendLock.lockedBy();
            if (holder != AbstractTSQueueLock.UNLOCKED) {
                LOG.warn("Journal {} was left locked by a writer (process id {}) that stopped while appending; no "
                    + "writer of it runs now, so the lock was cleared and an unfinished record will be overwritten.",
                    directory, holder);
                appendLock.forceUnlock();
            }
        }
    }

    /**
     * Opens an existing journal read-only, refusing a missing directory, one holding no journal or one
     * without its {@value #METADATA_FILE} with a message that names it.
     *
     * <p>Read-only, so that reading never changes a journal, which is evidence: a queue opened
     * read-write maps its files for writing, rewrites {@value #METADATA_FILE} (creating it when it
     * is missing), grows a cycle file cut short back to its full size, and fails, with stack traces in
     * the log, where the user may read the journal but not write it. A read-only queue maps the same
     * pages as a live writer, so a reader beside it still sees each record once it is complete.
     * Chronicle would read a journal without {@value #METADATA_FILE} with a cycle it guesses and a
     * warning; the journal's roll cycle lives there, so such a journal is refused instead.
     *
     * <p>A read-only queue maps each cycle file at its full capacity whatever its length, so a record
     * past the end of a file cut short is a memory fault, not an end of data. Every cycle file is
     * therefore checked against its own header before anything reads it, and one cut short is refused.
     */
    public static SingleChronicleQueue openForReading(final Path directory) {
        requireJournal(directory);
        final RollCycle rollCycle = rollCycleOf(directory).orElseThrow(() -> new JournalException(directory
            + " has no " + METADATA_FILE + ", the file in which a journal keeps its roll cycle; a journal copied "
            + "without it cannot be read, so copy it too"));
        final SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(rollCycle)
            .readOnly(true).build();
        try {
            CycleFiles.requireWhole(queue);
            return queue;
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * Opens the journal in {@code directory} for reading beside its writer, as the export runners do;
     * the directory is created if needed so a runner may start before the first record. The roll cycle
     * is the journal's own; a writer opens the journal first, so a runner never picks one for it.
     */
    public static SingleChronicleQueue openForTailing(final Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + directory, e);
        }
        return SingleChronicleQueueBuilder.binary(directory).rollCycle(rollCycleOrDefault(directory)).build();
    }

    /**
     * The roll cycle the journal in {@code directory} was created with, read from its
     * {@value #METADATA_FILE}; empty when there is no such file yet.
     *
     * @throws JournalException when the file cannot be read or names a cycle Chronicle does not know
     */
    public static Optional<RollCycle> rollCycleOf(final Path directory) {
        final Path file = directory.resolve(METADATA_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        final String[] format = new String[1];
        final int[] length = new int[1];
        try (TableStore<Metadata> store = SingleTableBuilder.<Metadata>binary(file, Metadata.NoMeta.INSTANCE)
            .readOnly(true).build()) {
            // The metadata's roll settings are only reachable as what the store would write of them.
            final Wire wire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap());
            store.metadata().writeMarshallable(wire);
            wire.read("roll").marshallable(roll -> {
                length[0] = roll.read("length").int32();
                format[0] = roll.read("format").text();
            });
        } catch (final RuntimeException e) {
            throw new JournalException("cannot read the roll cycle from " + file + ": " + e.getMessage(), e);
        }
        for (final RollCycle known : RollCycles.all()) {
            if (known.format().equals(format[0]) && known.lengthInMillis() == length[0]) {
                return Optional.of(known);
            }
        }
        throw new JournalException(file + " names a roll cycle of " + length[0] + " ms with file names '" + format[0]
            + "', which this version of Chronicle Queue does not know");
    }

    private static RollCycle rollCycleOrDefault(final Path directory) {
        return rollCycleOf(directory).orElse(DEFAULT_CYCLE.rollCycle());
    }

    /**
     * Where the record at {@code index} lies in words, such as {@code 2026-12-03, record 42 of the day}
     * or {@code 2026-12-03T10:00Z, record 42 of the hour}, for a journal of {@code rollCycle}.
     */
    public static String position(final RollCycle rollCycle, final long index) {
        final long length = rollCycle.lengthInMillis();
        final Instant start = Instant.ofEpochMilli(rollCycle.toCycle(index) * length);
        final long sequence = rollCycle.toSequenceNumber(index);
        if (length == DAY_MILLIS) {
            return String.format(Locale.ROOT, "%s, record %,d of the day", LocalDate.ofInstant(start, ZoneOffset.UTC),
                sequence);
        }
        final String cycle = length == HOUR_MILLIS ? "the hour" : "its " + length / MINUTE_MILLIS + "-minute cycle";
        return String.format(Locale.ROOT, "%s, record %,d of %s", CYCLE_START.format(start), sequence, cycle);
    }

    /** Throws {@link JournalException} unless {@code directory} holds at least one cycle file. */
    public static void requireJournal(final Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new JournalException(directory + " is not a directory; expected a GenOps journal directory");
        }
        if (!Files.isReadable(directory)) {
            throw new JournalException(directory + " is not readable");
        }
        try (Stream<Path> files = Files.list(directory)) {
            if (files.noneMatch(file -> file.getFileName().toString().endsWith(CYCLE_SUFFIX))) {
                throw new JournalException(directory + " holds no journal (no *" + CYCLE_SUFFIX + " cycle files)");
            }
        } catch (final IOException e) {
            throw new JournalException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }
}
