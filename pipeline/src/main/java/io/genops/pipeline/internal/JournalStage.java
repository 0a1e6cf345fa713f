package io.genops.pipeline.internal;

import io.genops.core.journal.RecordCodec;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends one binary record per accepted event (sampled out or not) to the Chronicle Queue journal,
 * after pricing, budget and sampling, so the record carries the cost, the policy verdict and the
 * export decision. Records of one cycle file (a UTC day, an hour, as the journal's roll cycle has it)
 * form a hash chain: each carries the link of the record before. When the journal rolls to a new
 * cycle, once the record that started it is written, this stage asks for retention, which runs on a
 * thread of its own: this one never waits for the directory work or the deletions.
 *
 * <p>Durability: when {@code GenOps.flush} returns true, every event accepted before it is in the
 * memory-mapped cycle file, which survives the process being killed (the kernel owns the pages) but
 * not a power loss. With sync on flush, flush also forces the cycle file to the device, and the one
 * before it when the journal rolled since the last flush, so the records of the old cycle's last
 * moments are forced too. After two rolls between flushes only the latest old file is forced; the
 * older one was left a whole cycle (five minutes at least) before, long enough for the kernel's own
 * write-back, though that is not a guarantee.
 */
final class JournalStage implements Stage {
    private final SingleChronicleQueue queue;
    private final IntConsumer onRoll;
    private final RecordCodec codec = new RecordCodec();
    private final AtomicLong appended = new AtomicLong();
    private ExcerptAppender appender;
    private int cycle = Integer.MIN_VALUE;
    private long previousLink;
    private volatile File currentFile;
    /** The file of the cycle rolled away from, until a sync forces it; written by this stage's thread. */
    private final AtomicReference<File> rolledFrom = new AtomicReference<>();
    private boolean retentionDue;

    /**
     * @param onRoll told the new cycle each time the journal rolls to one, once its first record is written
     */
    JournalStage(final SingleChronicleQueue queue, final IntConsumer onRoll, final int resumeCycle,
        final long resumeLink) {
        this.queue = queue;
        this.onRoll = onRoll;
        this.cycle = resumeCycle;
        this.previousLink = resumeLink;
    }

    @Override
    public String name() {
        return "journal";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        if (appender == null) {
            appender = queue.createAppender();
        }
        append(event);
        PipelineCounters.increment(appended);
        if (retentionDue) {
            // After the document is closed, so the new cycle's file exists and its first record is complete.
            retentionDue = false;
            onRoll.accept(cycle);
        }
    }

    private void append(final EventSlot event) {
        try (DocumentContext document = appender.writingDocument()) {
            final int documentCycle = appender.cycle();
            if (documentCycle != cycle) {
                startCycle(documentCycle);
            }
            if (currentFile == null) {
                currentFile = appender.currentFile();
            }
            final int length = codec.encode(event, previousLink);
            document.wire().bytes().write(codec.buffer(), 0, length);
            previousLink = codec.link(length);
        }
    }

    private void startCycle(final int newCycle) {
        final boolean rolled = cycle != Integer.MIN_VALUE;
        if (rolled && currentFile != null) {
            rolledFrom.set(currentFile);
        }
        cycle = newCycle;
        previousLink = 0;
        currentFile = null;
        retentionDue = rolled;
    }

    /** Forces the current cycle file, and the one rolled away from since the last sync, to the device; any thread. */
    void sync() throws IOException {
        final File previous = rolledFrom.get();
        if (previous != null) {
            try {
                force(previous);
            } catch (final NoSuchFileException e) {
                // Retention deleted the old cycle: nothing of it is left to make durable.
            }
            rolledFrom.compareAndSet(previous, null);
        }
        final File file = currentFile;
        if (file != null) {
            force(file);
        }
    }

    /** On Linux, forcing a channel of the file writes back what the memory map dirtied: they share the page cache. */
    private static void force(final File file) throws IOException {
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE)) {
            channel.force(false);
        }
    }

    long appended() {
        return appended.get();
    }
}
