package io.genops.pipeline.export;

import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.journal.RecordView;
import io.genops.pipeline.journal.Journals;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one {@link Exporter} from the journal on its own thread, so no caller and no pipeline stage
 * ever waits for a receiver. Reads records after the exporter's saved {@link ExportPosition}, gathers
 * a batch of up to {@code batchSize} records or whatever arrived within {@code maxBatchAgeNanos} of
 * the first, sends it, and saves the position only once the batch is settled: delivered, refused for
 * good, or given up after {@code maxAttempts} sends (0 retries without end). Between retries it waits
 * with exponential backoff. Memory stays bounded however long a receiver is down: the journal is
 * the buffer.
 */
public final class ExportRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExportRunner.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Exporter exporter;
    private final Path journal;
    private final int batchSize;
    private final long maxBatchAgeNanos;
    private final int maxAttempts;
    private final long initialBackoffNanos;
    private final long maxBackoffNanos;
    private final Thread thread;
    private final RecordView view = new RecordView();
    private byte[] buffer = new byte[1024];

    private final AtomicLong exported = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong failedEvents = new AtomicLong();
    private final AtomicLong damaged = new AtomicLong();
    private final AtomicLong settledIndex = new AtomicLong(ExportPosition.START);
    private final AtomicLong settledMillis = new AtomicLong();
    private volatile long stopDeadlineNanos = Long.MAX_VALUE;
    private volatile boolean stopping;
    private volatile SingleChronicleQueue queue;
    private volatile boolean caughtUp;
    /** When {@link #start} was called: the lag's start while nothing has been settled yet. */
    private volatile long startedMillis;
    private long lastWarnNanos;

    // The batch being gathered; runner thread only.
    private long batchLastIndex;
    private long batchLastMillis;
    private int batchAdded;

    public ExportRunner(final Exporter exporter, final Path journal, final int batchSize, final long maxBatchAgeNanos,
        final int maxAttempts, final long initialBackoffNanos, final long maxBackoffNanos) {
        this.exporter = exporter;
        this.journal = journal;
        this.batchSize = batchSize;
        this.maxBatchAgeNanos = maxBatchAgeNanos;
        this.maxAttempts = maxAttempts;
        this.initialBackoffNanos = initialBackoffNanos;
        this.maxBackoffNanos = maxBackoffNanos;
        this.thread = new Thread(this::run, "genops-export-" + exporter.name());
        this.thread.setDaemon(true);
    }

    public void start() {
        startedMillis = System.currentTimeMillis();
        thread.start();
    }

    /**
     * Lets the runner catch up with the journal until {@code deadlineNanos}, then stops it and
     * closes the exporter; returns whether it caught up.
     */
    public boolean stop(final long deadlineNanos) {
        stopDeadlineNanos = deadlineNanos;
        stopping = true;
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            return false;
        }
        return caughtUp;
    }

    private void run() {
        try (ExportPosition position = ExportPosition.open(journal, exporter.name());
             SingleChronicleQueue opened = Journals.openForTailing(journal)) {
            queue = opened;
            final ExcerptTailer tailer = opened.createTailer();
            resume(tailer, position.load());
            loop(tailer, position);
        } catch (final RuntimeException e) {
            LOG.error("Exporter '{}' stopped on an unexpected error; its position is kept for the next start.",
                exporter.name(), e);
        } finally {
            exporter.close();
        }
    }

    private void resume(final ExcerptTailer tailer, final long saved) {
        settledIndex.set(saved);
        if (saved == ExportPosition.START || !tailer.moveToIndex(saved)) {
            tailer.toStart();
            return;
        }
        try (DocumentContext skipped = tailer.readingDocument()) {
            // The saved record was settled before: reading it moves the tailer past it, and its time
            // is where the lag counts from.
            if (skipped.isPresent()) {
                final Bytes<?> bytes = skipped.wire().bytes();
                final int length = (int)bytes.readRemaining();
                if (length > buffer.length) {
                    buffer = new byte[length];
                }
                bytes.read(buffer, 0, length);
                if (view.wrap(buffer, length) == RecordView.OK) {
                    settledMillis.set(view.epochMillis());
                }
            }
        }
    }

    private void loop(final ExcerptTailer tailer, final ExportPosition position) {
        while (true) {
            if (gather(tailer) > 0) {
                if (!settle(position)) {
                    return;
                }
                continue;
            }
            if (stopping) {
                caughtUp = true;
                return;
            }
            LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
    }

    /** Reads up to a batch into the exporter; returns the records read (added or not). */
    private int gather(final ExcerptTailer tailer) {
        int read = 0;
        long firstNanos = 0;
        while (read < batchSize) {
            final boolean present = readOne(tailer);
            if (present) {
                if (read++ == 0) {
                    firstNanos = System.nanoTime();
                }
            } else if (read == 0 || System.nanoTime() - firstNanos >= maxBatchAgeNanos || stopping) {
                return read;
            } else {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        return read;
    }

    private boolean readOne(final ExcerptTailer tailer) {
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                return false;
            }
            final Bytes<?> bytes = document.wire().bytes();
            final int length = (int)bytes.readRemaining();
            if (length > buffer.length) {
                buffer = new byte[Math.max(length, buffer.length * 2)];
            }
            bytes.read(buffer, 0, length);
            batchLastIndex = document.index();
            if (view.wrap(buffer, length) != RecordView.OK) {
                damaged.incrementAndGet();
                return true;
            }
            batchLastMillis = view.epochMillis();
            if (view.sampled() || !exporter.sampledOnly()) {
                add();
            }
            return true;
        }
    }

    /** Hands the current record to the exporter; one it cannot take is counted and skipped. */
    private void add() {
        try {
            exporter.add(view);
            batchAdded++;
        } catch (final RuntimeException e) {
            failedEvents.incrementAndGet();
            warn("could not take an event (" + e + "); it is counted as failed and skipped");
        }
    }

    /** One send; an exporter that throws is treated as a receiver that asked to retry. */
    private ExportResult trySend() {
        try {
            return exporter.send();
        } catch (final RuntimeException e) {
            warn("threw while sending (" + e + ")");
            return ExportResult.RETRY;
        }
    }

    /**
     * Sends until the batch is settled, then saves the position; false when the stop deadline came
     * first, leaving the batch unsettled for the next start.
     */
    private boolean settle(final ExportPosition position) {
        if (batchAdded > 0 && !sendWithRetries()) {
            return false;
        }
        position.save(batchLastIndex);
        settledIndex.set(batchLastIndex);
        settledMillis.set(batchLastMillis);
        batchAdded = 0;
        return true;
    }

    private boolean sendWithRetries() {
        long backoff = initialBackoffNanos;
        for (int attempt = 1; ; attempt++) {
            final ExportResult result = trySend();
            if (result == ExportResult.SUCCESS) {
                exported.addAndGet(batchAdded);
                batches.incrementAndGet();
                return true;
            }
            if (result == ExportResult.FAILED || (maxAttempts > 0 && attempt >= maxAttempts)) {
                exporter.discard();
                failedBatches.incrementAndGet();
                failedEvents.addAndGet(batchAdded);
                warn("gave up a batch of " + batchAdded + " events after " + attempt + " attempts");
                return true;
            }
            if (System.nanoTime() - stopDeadlineNanos >= 0) {
                exporter.discard();
                return false;
            }
            retries.incrementAndGet();
            warn("could not deliver a batch; retrying");
            LockSupport.parkNanos(backoff);
            backoff = Math.min(maxBackoffNanos, backoff * 2);
        }
    }

    private void warn(final String what) {
        final long now = System.nanoTime();
        if (lastWarnNanos == 0 || now - lastWarnNanos >= WARN_INTERVAL_NANOS) {
            lastWarnNanos = now;
            LOG.warn("Exporter '{}' {} ({} retries and {} failed batches so far).", exporter.name(), what,
                retries.get(), failedBatches.get());
        }
    }

    /** The records after {@code settled} up to {@code last}, every cycle between them counted. */
    private static long behind(final SingleChronicleQueue queue, final long settled, final long last) {
        final RollCycle cycle = queue.rollCycle();
        if (settled >= 0 && cycle.toCycle(last) == cycle.toCycle(settled)) {
            return cycle.toSequenceNumber(last) - cycle.toSequenceNumber(settled);
        }
        try {
            // Short cycles make a lag of several cycles common: an hourly journal two hours behind.
            return settled < 0 ? queue.countExcerpts(queue.firstIndex(), last) + 1
                : queue.countExcerpts(settled, last);
        } catch (final RuntimeException e) {
            // A cycle between them deleted meanwhile: the newest cycle's records are behind at least.
            return cycle.toSequenceNumber(last) + 1;
        }
    }

    public ExporterStatus status() {
        final SingleChronicleQueue current = queue;
        final long settled = settledIndex.get();
        long lagRecords = 0;
        if (current != null && !current.isClosed()) {
            final long last = current.lastIndex();
            if (last > settled) {
                lagRecords = behind(current, settled, last);
            }
        }
        final long settledAt = settledMillis.get();
        final long since = settledAt != 0 ? settledAt : startedMillis;
        final long lagMillis = lagRecords == 0 || since == 0 ? 0 : Math.max(0, System.currentTimeMillis() - since);
        return new ExporterStatus(exporter.name(), exported.get(), batches.get(), retries.get(), failedBatches.get(),
            failedEvents.get(), damaged.get(), lagRecords, lagMillis, settled, thread.isAlive());
    }
}
