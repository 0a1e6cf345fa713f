package io.genops.pipeline.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/**
 * How journals are laid out on disk: one Chronicle Queue directory per pipeline, one cycle file per
 * UTC day. {@link LargeRollCycles#LARGE_DAILY} indexes 2^37 records a day, about 1.6 million a second
 * on average, where the default daily cycle tops out near 50 thousand.
 */
public final class Journals {
    /** The roll cycle of every journal. */
    public static final RollCycle ROLL_CYCLE = LargeRollCycles.LARGE_DAILY;
    /** File name suffix of a cycle file. */
    public static final String CYCLE_SUFFIX = ".cq4";

    private Journals() {
    }

    /** Opens (creating if needed) the journal in {@code directory} for appending. */
    public static SingleChronicleQueue openForWriting(final Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + directory, e);
        }
        return SingleChronicleQueueBuilder.binary(directory).rollCycle(ROLL_CYCLE).build();
    }

    /**
     * Opens an existing journal for reading, refusing a missing directory or one holding no journal
     * with a message that names it.
     */
    public static SingleChronicleQueue openForReading(final Path directory) {
        requireJournal(directory);
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
