package io.genops.pipeline.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.openhft.chronicle.core.io.Closeable;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.table.AbstractTSQueueLock;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.threads.Pauser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How journals are laid out on disk: one Chronicle Queue directory per pipeline, one cycle file per
 * UTC day. {@link LargeRollCycles#LARGE_DAILY} indexes 2^37 records a day, about 1.6 million a second
 * on average, where the default daily cycle tops out near 50 thousand.
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
 * writes over them (or, on a later day, seals the old cycle there).
 */
public final class Journals {
    /** The roll cycle of every journal. */
    public static final RollCycle ROLL_CYCLE = LargeRollCycles.LARGE_DAILY;
    /** File name suffix of a cycle file. */
    public static final String CYCLE_SUFFIX = ".cq4";
    /** The file in a journal directory whose lock marks its one writer. */
    public static final String WRITER_LOCK_FILE = "writer.lock";

    private static final Logger LOG = LoggerFactory.getLogger(Journals.class);

    private Journals() {
    }

    /**
     * Opens (creating if needed) the journal in {@code directory} for appending, as its only writer
     * until the queue is closed; the append lock of a writer that died is cleared.
     *
     * @throws JournalException when another pipeline, in this process or another, writes the journal
     */
    public static SingleChronicleQueue openForWriting(final Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + directory, e);
        }
        final WriterLock writer = WriterLock.acquire(directory.resolve(WRITER_LOCK_FILE));
        SingleChronicleQueue queue = null;
        try {
            queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(ROLL_CYCLE).build();
            clearDeadWritersLock(queue, directory);
            queue.addCloseListener(writer);
            return queue;
        } catch (final RuntimeException e) {
            Closeable.closeQuietly(queue, writer);
            throw e;
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
     * Opens an existing journal for reading, refusing a missing directory or one holding no journal
     * with a message that names it.
     */
    public static SingleChronicleQueue openForReading(final Path directory) {
        requireJournal(directory);
        return SingleChronicleQueueBuilder.binary(directory).rollCycle(ROLL_CYCLE).build();
    }

    /**
     * Opens the journal in {@code directory} for reading beside its writer, as the export runners do;
     * the directory is created if needed so a runner may start before the first record.
     */
    public static SingleChronicleQueue openForTailing(final Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + directory, e);
        }
        return SingleChronicleQueueBuilder.binary(directory).rollCycle(ROLL_CYCLE).build();
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
