package io.genops.pipeline.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.openhft.chronicle.core.io.Closeable;

/**
 * The operating-system lock that makes one pipeline the only writer of a journal. The kernel drops
 * it when its process ends, however it ends (SIGKILL included), so holding it proves that no live
 * writer is left: the fact Chronicle's own write lock, which records only a process id, cannot give.
 * Closed with the queue it guards.
 */
final class WriterLock implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private volatile boolean closed;

    private WriterLock(final Path file, final FileChannel channel, final FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock on {@code file}, or throws {@link JournalException} saying who holds it. */
    static WriterLock acquire(final Path file) {
        final FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (final IOException e) {
            throw new JournalException("cannot open the journal writer lock " + file + ": " + e.getMessage(), e);
        }
        final FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (final OverlappingFileLockException e) {
            Closeable.closeQuietly(channel);
            throw new JournalException(file.getParent() + " is already written by another pipeline in this JVM; "
                + "close that one first, or give each pipeline its own directory", e);
        } catch (final IOException e) {
            Closeable.closeQuietly(channel);
            throw new JournalException("cannot lock the journal writer lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            Closeable.closeQuietly(channel);
            throw new JournalException(file.getParent() + " is being written by another process; a journal takes "
                + "one writer, so give each pipeline its own directory");
        }
        return new WriterLock(file, channel, lock);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (final IOException ignored) {
            // Closing the channel below releases the lock as well.
        }
        Closeable.closeQuietly(channel);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "WriterLock[" + file + (closed ? ", released]" : "]");
    }
}
