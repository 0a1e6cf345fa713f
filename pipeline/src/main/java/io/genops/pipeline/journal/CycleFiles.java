package io.genops.pipeline.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;

/**
 * Checks that each cycle file of a journal holds every byte its own header says was written, with
 * ordinary file reads, which stop at the end of a file, before a read-only queue maps the file, which
 * does not: it maps the file's whole capacity, and a record past the end of a file cut short is a
 * memory fault rather than the end of the data.
 *
 * <pre>
 *   0        4                                      write position
 *   +--------+-------------------------------+ ... +--------+-------------+
 *   | length | store header: write position, |     | length | last record |
 *   |        | indexes                       |     |        |             |
 *   +--------+-------------------------------+ ... +--------+-------------+
 *   each length is the low 30 bits of a little-endian int; the top two are the state
 * </pre>
 *
 * A file is whole when it holds its header and the record at its write position, the last one written,
 * and the length word after each, where a reader finds that nothing follows.
 */
final class CycleFiles {
    private static final int LENGTH_BYTES = 4;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;

    private CycleFiles() {
    }

    /** Throws {@link JournalException} naming the first cycle file of {@code queue} that was cut short. */
    static void requireWhole(final SingleChronicleQueue queue) {
        for (final Path file : cycleFiles(queue.file().toPath())) {
            requireHeader(file);
        }
        if (queue.firstCycle() == Integer.MAX_VALUE) {
            return;
        }
        for (final Long cycle : queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle())) {
            final SingleChronicleQueueStore store = queue.storeForCycle(cycle.intValue(), queue.epoch(), false, null);
            if (store == null) {
                continue;
            }
            try {
                requireRecordAt(store.file().toPath(), store.writePosition());
            } finally {
                queue.closeStore(store);
            }
        }
    }

    private static List<Path> cycleFiles(final Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX)).sorted()
                .collect(Collectors.toList());
        } catch (final IOException e) {
            throw new JournalException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void requireHeader(final Path file) {
        requireRecordAt(file, 0);
    }

    private static long alignedUp(final long position) {
        return (position + LENGTH_BYTES - 1) & -LENGTH_BYTES;
    }

    /** Refuses {@code file} unless the record (or header) that starts at {@code position} ends inside it. */
    private static void requireRecordAt(final Path file, final long position) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            final ByteBuffer length = ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int read;
            do {
                read = channel.read(length, position + length.position());
            } while (read > 0 && length.hasRemaining());
            final long end = length.hasRemaining() ? position + LENGTH_BYTES
                : position + LENGTH_BYTES + (length.getInt(0) & LENGTH_MASK);
            // A reader at the end of the data reads the next length word too, at the next 4-byte boundary.
            final long needed = alignedUp(end) + LENGTH_BYTES;
            if (needed > size) {
                throw new JournalException(String.format(Locale.ROOT, "%s was cut short: its own header says it "
                    + "holds at least %,d bytes, but it has %,d; the records past its end are lost", file, needed,
                    size));
            }
        } catch (final IOException e) {
            throw new JournalException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
