package io.genops.pipeline.export;

import io.genops.pipeline.journal.JournalException;
import io.genops.pipeline.journal.Retention;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an exporter has got to in the journal: the index of the last record it settled, kept in a
 * small memory-mapped file {@code <journal>/exporters/<name>.position} beside the journal, so it
 * survives the process being killed just as the journal does.
 *
 * <pre>
 *  two slots of 24 bytes, written alternately:  generation (8) | index (8) | check (8)
 * </pre>
 *
 * A save goes to the slot the previous save did not use, and a slot counts only when its check
 * matches; a save torn by a crash therefore leaves the previous position readable, and the exporter
 * repeats at most the batch it was settling.
 */
public final class ExportPosition implements AutoCloseable {
    /** The position of an exporter that has settled nothing yet. */
    public static final long START = -1;
    private static final int SLOT = 24;
    private static final String DELETE_IT = "; delete it to export the journal again from its start";

    private final Path file;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;

    private ExportPosition(final Path file, final FileChannel channel, final MappedByteBuffer mapped) {
        this.file = file;
        this.channel = channel;
        this.mapped = mapped;
    }

    /**
     * Opens (creating) the position of exporter {@code name} of the journal in {@code journal}.
     *
     * @throws JournalException when the file exists but is damaged ({@link #read}): read as a fresh start
     *     it would send the whole journal again, so it is refused, naming the file, until it is deleted
     */
    public static ExportPosition open(final Path journal, final String name) {
        final Path file = file(journal, name);
        read(journal, name);
        try {
            Files.createDirectories(file.getParent());
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            return new ExportPosition(file, channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, 2 * SLOT));
        } catch (final IOException e) {
            throw new JournalException("cannot open the export position " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The saved position of exporter {@code name} of the journal in {@code journal}, read without writing
     * anything: {@link #START} when the exporter has saved none. For tools that only look, such as a
     * journal on a read-only mount.
     *
     * <p>No file, an empty file (created by {@link #open} just before a crash) and slots that hold no
     * finished first save are {@link #START}. A file of any other size than the two slots, or whose slots
     * hold no position with a matching check although a save was finished, was not written by this class
     * and is refused rather than read as a fresh start. One slot that fails its check beside one that
     * passes reads as the one that passes: that is a save torn by a crash, or one being written now.
     *
     * @throws JournalException naming the file when it cannot be read or is damaged
     */
    public static long read(final Path journal, final String name) {
        final Path file = file(journal, name);
        if (!Files.exists(file)) {
            return START;
        }
        // Read into the heap, not mapped: a file cut short while mapped would fault the reading process.
        final ByteBuffer slots = ByteBuffer.allocate(2 * SLOT);
        final long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            if (size == 2 * SLOT) {
                fill(channel, slots);
            }
        } catch (final IOException e) {
            throw new JournalException("cannot read the export position " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            return START;
        }
        if (size != 2 * SLOT || slots.hasRemaining()) {
            throw new JournalException("the export position " + file + " is damaged: it holds " + size
                + " bytes, where a position takes " + 2 * SLOT + " (or 0 before its first save)" + DELETE_IT);
        }
        final int newest = newestSlot(slots);
        if (newest < 0 && !firstSaveUnfinished(slots)) {
            throw new JournalException("the export position " + file + " is damaged: neither of its two slots "
                + "holds a position whose check matches" + DELETE_IT);
        }
        return newest < 0 ? START : slots.getLong(newest * SLOT + 8);
    }

    /** Where exporter {@code name} of the journal in {@code journal} keeps its position. */
    public static Path file(final Path journal, final String name) {
        return journal.resolve(Retention.POSITIONS).resolve(name + Retention.POSITION_SUFFIX);
    }

    /** The index of the last settled record, or {@link #START}. */
    public long load() {
        return load(mapped);
    }

    private static long load(final ByteBuffer slots) {
        final int newest = newestSlot(slots);
        return newest < 0 ? START : slots.getLong(newest * SLOT + 8);
    }

    /** Records {@code index} as settled. */
    public void save(final long index) {
        final int newest = newestSlot(mapped);
        final long generation = newest < 0 ? 1 : mapped.getLong(newest * SLOT) + 1;
        final int slot = newest < 0 ? 0 : 1 - newest;
        mapped.putLong(slot * SLOT, generation);
        mapped.putLong(slot * SLOT + 8, index);
        mapped.putLong(slot * SLOT + 16, check(generation, index));
    }

    /** The valid slot with the higher generation, or -1 when neither is valid. */
    private static int newestSlot(final ByteBuffer slots) {
        int newest = -1;
        long newestGeneration = 0;
        for (int slot = 0; slot < 2; slot++) {
            final long generation = slots.getLong(slot * SLOT);
            final long index = slots.getLong(slot * SLOT + 8);
            if (generation > newestGeneration && slots.getLong(slot * SLOT + 16) == check(generation, index)) {
                newest = slot;
                newestGeneration = generation;
            }
        }
        return newest;
    }

    /** Reads the file's first bytes into {@code slots}; one cut short meanwhile leaves them part-filled. */
    private static void fill(final FileChannel channel, final ByteBuffer slots) throws IOException {
        int read = 0;
        while (slots.hasRemaining() && read >= 0) {
            read = channel.read(slots, slots.position());
        }
    }

    /**
     * Whether slots without a valid one belong to an exporter whose first save is unfinished: the first
     * save goes to slot 0 with generation 1 and leaves slot 1 as {@link #open} made it, all zero, until the
     * second. Any later state keeps one checked slot, since a save never overwrites the newest.
     */
    private static boolean firstSaveUnfinished(final ByteBuffer slots) {
        final long generation = slots.getLong(0);
        return (generation == 0 || generation == 1)
            && slots.getLong(SLOT) == 0 && slots.getLong(SLOT + 8) == 0 && slots.getLong(SLOT + 16) == 0;
    }

    private static long check(final long generation, final long index) {
        return ~(generation * 0x9E3779B97F4A7C15L + index);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException ignored) {
            // Nothing is lost: the mapped bytes are already in the file's pages.
        }
    }
}
