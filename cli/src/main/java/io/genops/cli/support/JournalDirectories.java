package io.genops.cli.support;

import io.genops.pipeline.journal.JournalException;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/** Checks a journal directory named on the command line before anything opens it, so the error says what is wrong. */
public final class JournalDirectories {
    /** The two top bits of a Chronicle header: 01 is a complete metadata document (10 would be unfinished). */
    private static final int HEADER_STATE_MASK = 0xC000_0000;
    private static final int HEADER_COMPLETE_METADATA = 0x4000_0000;
    private static final String QUEUE_STORE = "SCQStore";
    private static final int HEADER_BYTES = 32;
    private static final int HEADER_ATTEMPTS = 10;
    private static final long HEADER_WAIT_MS = 100;

    private JournalDirectories() {
    }

    /**
     * Throws {@link JournalException} naming {@code directory} unless it exists, is a readable directory
     * and holds a journal's cycle files.
     */
    public static Path require(final Path directory) {
        if (!Files.exists(directory)) {
            throw new JournalException(directory + " does not exist; expected a GenOps journal directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new JournalException(directory + " is a file, not a directory; expected a GenOps journal "
                + "directory");
        }
        if (!Files.isReadable(directory) || !Files.isExecutable(directory)) {
            throw new JournalException(directory + " is not readable by this user");
        }
        Journals.requireJournal(directory);
        checkCycleFiles(directory);
        return directory;
    }

    /**
     * The usage problem of {@code --journal} naming one directory twice, or {@code null} when each names
     * its own. A journal read twice would count every record twice, so the directory a name leads to is
     * compared, not its spelling: {@code A}, {@code ./A/} and a link to {@code A} are one journal.
     */
    public static String repeated(final List<Path> directories) {
        final Map<Path, Path> named = new HashMap<>();
        for (final Path directory : directories) {
            final Path real = real(directory);
            final Path first = named.putIfAbsent(real, directory);
            if (first == null) {
                continue;
            }
            if (first.toString().equals(directory.toString())) {
                return "--journal names " + directory + " twice; give each journal once";
            }
            return "--journal names one directory twice: " + first + " and " + directory + " are both " + real
                + "; give each journal once";
        }
        return null;
    }

    /** The directory {@code directory} leads to, links resolved; for one that cannot be resolved, its absolute name. */
    private static Path real(final Path directory) {
        try {
            return directory.toRealPath();
        } catch (final IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }

    /**
     * Refuses a cycle file that does not start as Chronicle Queue writes one: a complete metadata header
     * holding the queue's {@code SCQStore}. Chronicle itself waits about ten seconds on a first header
     * that looks unfinished and then reads the file as empty, so a file of foreign bytes would otherwise
     * replay as zero records without a word. A header still being written (a writer creating the day's
     * file this very moment) is given a second to finish.
     */
    private static void checkCycleFiles(final Path directory) {
        final List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX)).sorted()
                .collect(Collectors.toList());
        } catch (final IOException e) {
            throw new JournalException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        for (final Path file : files) {
            for (int attempt = 1; !startsAsCycleFile(file); attempt++) {
                if (attempt == HEADER_ATTEMPTS) {
                    throw new JournalException(file + " is not a journal cycle file: it does not start with a "
                        + "Chronicle Queue header");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(HEADER_WAIT_MS));
            }
        }
    }

    private static boolean startsAsCycleFile(final Path file) {
        final byte[] start = new byte[HEADER_BYTES];
        final int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (final IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read < HEADER_BYTES) {
            return false;
        }
        final int header = ByteBuffer.wrap(start).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return (header & HEADER_STATE_MASK) == HEADER_COMPLETE_METADATA
            && new String(start, 4, HEADER_BYTES - 4, StandardCharsets.ISO_8859_1).contains(QUEUE_STORE);
    }

    /**
     * Runs {@code reading} over the journal {@code what} names, turning a failure of the storage
     * library (a cycle file that is not one, say) into a {@link JournalException} that names the journal.
     */
    public static <T> T reading(final Object what, final Supplier<T> reading) {
        try {
            return reading.get();
        } catch (final JournalException e) {
            throw e;
        } catch (final Exception e) {
            // Exception, not RuntimeException: Chronicle rethrows checked exceptions unchecked, such as the
            // StreamCorruptedException of a file that is not a queue file.
            final String problem = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new JournalException(what + ": cannot read the journal: " + problem, e);
        }
    }

    /**
     * How many records the journal's own index lists: what an intact walk must find at least (more may be
     * appended meanwhile). A walk that finds fewer met a file cut short or overwritten.
     */
    public static long indexedRecords(final Path directory) {
        return reading(directory, () -> {
            try (SingleChronicleQueue queue = Journals.openForReading(directory)) {
                return queue.entryCount();
            }
        });
    }
}
