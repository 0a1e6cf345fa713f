package io.genops.pipeline.export;

import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.journal.RecordView;
import io.genops.pipeline.journal.Journals;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one {@link Exporter} from the journal on its own thread, so no caller and no pipeline stage
 * ever waits for a receiver. Reads records after the exporter's saved {@link ExportPosition}, gathers
 * a batch of up to {@code batchSize} records or whatever arrived within {@code maxBatchAgeNanos} of
 * the first (or the exporter's own {@link Exporter#maxBatchAge}, when shorter), sends it, and saves
 * the position only once the batch is settled: delivered, refused for good, or given up after
 * {@code maxAttempts} sends (0 retries without end). Between retries it waits with exponential backoff.
 * A settled batch's events count as exported or failed as its exporter tells
 * ({@link Exporter#undelivered}): one refused in part counts its delivered events exported.
 * Memory stays bounded however long a receiver is down: the journal is the buffer.
 *
 * <h2>Lag</h2>
 * {@link #status()} tells how far behind the journal the exporter is. In records: those after the
 * settled position, counted across the journal's cycle files, so an outage across a roll (midnight,
 * with the default daily cycle) counts the records of both cycles. In time: the age, by the pipeline's
 * clock, of the oldest record not yet settled (the first of the batch being sent, or the next one to
 * read), 0 when caught up; so after an idle hour a new record shows its own age, not the hour since the
 * last one settled.
 *
 * <h2>Stopping by a deadline</h2>
 * {@link #stop} lets the runner export until its deadline and then end between batches. The deadline
 * is checked before each record read, before each send and during each pause, not only after a
 * failed send, so a healthy but slow exporter with a backlog stops too. No send is started that the
 * last send's duration says would end after the deadline; a batch gathered but not sent then is
 * discarded and its position not saved, so the next start offers it again. A send still under way
 * at the deadline is interrupted and given {@value #STOP_GRACE_MILLIS} ms to return; only an exporter
 * that ignores interrupts and blocks longer keeps the thread beyond that (it ends after that send, as
 * no other starts). What was left behind shows in {@link #status()} as {@code lagRecords}. The exporter
 * is then closed with {@link Exporter#close(Duration)}, given what is left of the deadline (nothing once
 * it has passed), so its last work does not keep the thread either.
 */
public final class ExportRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExportRunner.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long IDLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(Exporter.IDLE_INTERVAL_MILLIS);
    private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long NONE = Long.MIN_VALUE;
    /** How long {@link #stop} waits past its deadline for an interrupted send to return. */
    static final long STOP_GRACE_MILLIS = 100;

    private final Exporter exporter;
    private final boolean sampledOnly;
    private final Clock clock;
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
    private final AtomicLong restarts = new AtomicLong();
    /** Batches settled when the runner last started over; runner thread only. */
    private long batchesAtRestart;
    /** Records of the batch being settled, published once a batch is gathered; see {@link #held()}. */
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong settledIndex = new AtomicLong(ExportPosition.START);
    /** The time of the oldest record read and not settled, or {@link #NONE}; see {@link #readOne}. */
    private volatile long pendingSinceMillis = NONE;
    /** Meaningful once {@link #stopping} is set, which is written after it. */
    private volatile long stopDeadlineNanos;
    private volatile boolean stopping;
    /** Records not settled when the runner ended, for the status once the journal is closed. */
    private volatile long leftBehind;
    private volatile long lastUnsettled;
    private volatile SingleChronicleQueue queue;
    private volatile boolean caughtUp;
    private long lastWarnNanos;
    /** How long the last send took: the runner starts no send it expects to end after the deadline. */
    private long lastSendNanos;
    private long lastIdleNanos;

    // The batch being gathered; runner thread only.
    private long batchLastIndex;
    private boolean batchTimed;
    private int batchAdded;

    /** A runner whose lag is measured by the system clock; see the full constructor. */
    public ExportRunner(final Exporter exporter, final Path journal, final int batchSize, final long maxBatchAgeNanos,
        final int maxAttempts, final long initialBackoffNanos, final long maxBackoffNanos) {
        this(exporter, journal, batchSize, maxBatchAgeNanos, maxAttempts, initialBackoffNanos, maxBackoffNanos,
            Clock.systemUTC());
    }

    /**
     * A runner of {@code exporter} over the journal in {@code journal}, not yet started.
     *
     * @param clock the clock that stamped the journal's records (the pipeline's): lag is measured by it
     */
    public ExportRunner(final Exporter exporter, final Path journal, final int batchSize, final long maxBatchAgeNanos,
        final int maxAttempts, final long initialBackoffNanos, final long maxBackoffNanos, final Clock clock) {
        this.exporter = exporter;
        this.sampledOnly = exporter.sampledOnly();
        this.clock = clock;
        this.journal = journal;
        this.batchSize = batchSize;
        this.maxBatchAgeNanos = Math.min(maxBatchAgeNanos, batchAgeOf(exporter));
        this.maxAttempts = maxAttempts;
        this.initialBackoffNanos = initialBackoffNanos;
        this.maxBackoffNanos = maxBackoffNanos;
        this.thread = new Thread(this::run, "genops-export-" + exporter.name());
        this.thread.setDaemon(true);
    }

    /** The exporter's own batch age, in nanoseconds; {@link Long#MAX_VALUE} when it has none. */
    private static long batchAgeOf(final Exporter exporter) {
        final Duration age = exporter.maxBatchAge();
        if (age == null) {
            return Long.MAX_VALUE;
        }
        if (age.isNegative()) {
            throw new IllegalArgumentException("exporter '" + exporter.name() + "' asks for a negative batch age: "
                + age);
        }
        return age.compareTo(Duration.ofDays(1)) > 0 ? Long.MAX_VALUE : age.toNanos();
    }

    public void start() {
        thread.start();
    }

    /**
     * Asks the runner to catch up with the journal until {@code deadlineNanos} ({@link System#nanoTime()})
     * and then to end, without waiting; a pipeline with several exporters tells them all before it
     * waits for any. The first deadline given holds.
     */
    public void stopBy(final long deadlineNanos) {
        if (stopping) {
            return;
        }
        stopDeadlineNanos = deadlineNanos;
        stopping = true;
        // A runner pausing between retries re-reads the deadline at once.
        LockSupport.unpark(thread);
    }

    /**
     * Lets the runner catch up with the journal until {@code deadlineNanos}, then ends it between
     * batches and closes the exporter, as described above; returns whether it caught up. When it
     * returns false, {@link #status()} tells how many records were left in the journal.
     */
    public boolean stop(final long deadlineNanos) {
        stopBy(deadlineNanos);
        join(stopDeadlineNanos);
        if (thread.isAlive()) {
            thread.interrupt();
            join(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS));
        }
        return !thread.isAlive() && caughtUp;
    }

    private void join(final long untilNanos) {
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNanos - System.nanoTime())));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Exports until stopped. An error that escapes a run (the journal or the position file unreadable or
     * failing to map) is logged and counted, and the runner starts over from the saved position after a
     * backoff, so the thread lives as long as the pipeline; errors of the exporter's own calls are dealt
     * with where they happen. Only an error the JVM cannot carry on after (out of memory) ends it.
     */
    private void run() {
        long backoff = initialBackoffNanos;
        try {
            while (!exportUntilStopped()) {
                restarts.incrementAndGet();
                // A run that settled a batch was healthy: the next failure starts the backoff afresh.
                backoff = batchesAtRestart == batches.get() ? backoff : initialBackoffNanos;
                batchesAtRestart = batches.get();
                pause(backoff);
                backoff = Math.min(maxBackoffNanos, backoff * 2);
            }
        } finally {
            closeExporter();
        }
    }

    /**
     * One run from the saved position; true once stopped, false after an unexpected error. The journal is
     * opened first, so that a position file that cannot be opened still leaves the lag counted.
     */
    private boolean exportUntilStopped() {
        try (SingleChronicleQueue opened = Journals.openForTailing(journal)) {
            queue = opened;
            try (ExportPosition position = ExportPosition.open(journal, exporter.name())) {
                final ExcerptTailer tailer = opened.createTailer();
                resume(tailer, position.load());
                loop(tailer, position);
            } finally {
                // An interrupt from stop() has done its work; closing the journal must not see it.
                Thread.interrupted();
                leftBehind = unsettled(opened);
                pendingSinceMillis = leftBehind == 0 ? NONE : nextRecordMillis(opened);
            }
            return true;
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            if (restarts.get() == 0) {
                LOG.error("Exporter '{}' stopped on an unexpected error; it starts again from its saved position.",
                    exporter.name(), e);
            } else {
                warn("stopped on an unexpected error again (" + e + "); starting again");
            }
            if (batchAdded > 0) {
                discard();
            }
            return stopping;
        } finally {
            batchAdded = 0;
            held.lazySet(0);
        }
    }

    /**
     * Closes the exporter within what is left of the stop deadline, so its last work ends with the
     * pipeline's close; without a deadline (the runner ended on an error) by the exporter's own timeout.
     */
    private void closeExporter() {
        try {
            if (stopping) {
                exporter.close(Duration.ofNanos(Math.max(0, stopDeadlineNanos - System.nanoTime())));
            } else {
                exporter.close();
            }
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            LOG.warn("Exporter '{}' failed to close ({}); its connections may linger until the process ends.",
                exporter.name(), e.toString());
        }
    }

    private void resume(final ExcerptTailer tailer, final long saved) {
        settledIndex.set(saved);
        if (saved == ExportPosition.START || !tailer.moveToIndex(saved)) {
            tailer.toStart();
            return;
        }
        try (DocumentContext skipped = tailer.readingDocument()) {
            // The saved record was settled before: reading it moves the tailer past it.
            skipped.isPresent();
        }
    }

    /**
     * The time of the first readable record after the settled position, or {@link #NONE}: the lag of
     * what a stopped runner left behind, which it may not have read.
     */
    private long nextRecordMillis(final SingleChronicleQueue opened) {
        try (ExcerptTailer tailer = opened.createTailer()) {
            resume(tailer, settledIndex.get());
            while (true) {
                try (DocumentContext document = tailer.readingDocument()) {
                    if (!document.isPresent()) {
                        return NONE;
                    }
                    if (copy(document) == RecordView.OK) {
                        return view.epochMillis();
                    }
                }
            }
        } catch (final RuntimeException e) {
            return pendingSinceMillis;
        }
    }

    /** Gathers and settles batches until stopped: caught up, or at the deadline between batches. */
    private void loop(final ExcerptTailer tailer, final ExportPosition position) {
        while (!pastDeadline()) {
            final int read = gather(tailer);
            if (read > 0) {
                // Once a batch, and a release store only: the thread pays no fence for it.
                held.lazySet(read);
                final boolean settled = settle(position);
                held.lazySet(0);
                if (!settled) {
                    return;
                }
                continue;
            }
            if (stopping) {
                caughtUp = true;
                return;
            }
            idle();
            LockSupport.parkNanos(IDLE_PARK_NANOS);
        }
    }

    /** Lets the exporter do its scheduled work while nothing is to be read, at most every interval. */
    private void idle() {
        final long now = System.nanoTime();
        if (now - lastIdleNanos < IDLE_INTERVAL_NANOS) {
            return;
        }
        lastIdleNanos = now;
        try {
            exporter.idle();
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            warn("threw while idle (" + e + ")");
        }
    }

    private boolean pastDeadline() {
        return stopping && System.nanoTime() - stopDeadlineNanos >= 0;
    }

    /** Whether a send may start: not stopping, or expected to end before the deadline. */
    private boolean timeToSend() {
        return !stopping || System.nanoTime() + lastSendNanos - stopDeadlineNanos < 0;
    }

    /** Reads up to a batch into the exporter; returns the records read (added or not). */
    private int gather(final ExcerptTailer tailer) {
        int read = 0;
        long firstNanos = 0;
        batchTimed = false;
        while (read < batchSize && !pastDeadline()) {
            final boolean present = readOne(tailer);
            if (present) {
                if (read++ == 0) {
                    firstNanos = System.nanoTime();
                }
            } else if (read == 0) {
                // Caught up: nothing waits. The next record read gives the lag its start again.
                pendingSinceMillis = NONE;
                return 0;
            } else if (System.nanoTime() - firstNanos >= maxBatchAgeNanos || stopping) {
                return read;
            } else {
                LockSupport.parkNanos(IDLE_PARK_NANOS);
            }
        }
        return read;
    }

    /**
     * Reads the next record into the batch; false when there is none yet. The first readable record
     * of a batch is the oldest one not settled: its time becomes the lag's start. Until then the
     * previous batch's first record stands, older by at most the span of one batch.
     */
    private boolean readOne(final ExcerptTailer tailer) {
        try (DocumentContext document = tailer.readingDocument()) {
            if (!document.isPresent()) {
                return false;
            }
            batchLastIndex = document.index();
            if (copy(document) != RecordView.OK) {
                damaged.incrementAndGet();
                return true;
            }
            if (!batchTimed) {
                batchTimed = true;
                pendingSinceMillis = view.epochMillis();
            }
            if (view.sampled() || !sampledOnly) {
                add();
            }
            return true;
        }
    }

    /** Copies the document's bytes into the buffer and wraps the view on them; the view's verdict. */
    private int copy(final DocumentContext document) {
        final Bytes<?> bytes = document.wire().bytes();
        final int length = (int)bytes.readRemaining();
        if (length > buffer.length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        bytes.read(buffer, 0, length);
        return view.wrap(buffer, length);
    }

    /** Hands the current record to the exporter; one it cannot take is counted and skipped. */
    private void add() {
        try {
            exporter.add(view);
            batchAdded++;
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            failedEvents.incrementAndGet();
            warn("could not take an event (" + e + "); it is counted as failed and skipped");
        }
    }

    /** One send, timed; an exporter that throws is treated as a receiver that asked to retry. */
    private ExportResult trySend() {
        final long started = System.nanoTime();
        try {
            return exporter.send();
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            warn("threw while sending (" + e + ")");
            return ExportResult.RETRY;
        } finally {
            lastSendNanos = System.nanoTime() - started;
        }
    }

    /**
     * Sends until the batch is settled, then saves the position; false when the stop deadline came
     * first, leaving the batch unsettled for the next start.
     */
    private boolean settle(final ExportPosition position) {
        if (pastDeadline() || batchAdded > 0 && !sendWithRetries()) {
            discard();
            batchAdded = 0;
            return false;
        }
        position.save(batchLastIndex);
        settledIndex.set(batchLastIndex);
        batchAdded = 0;
        return true;
    }

    private boolean sendWithRetries() {
        long backoff = initialBackoffNanos;
        for (int attempt = 1; ; attempt++) {
            if (!timeToSend()) {
                return false;
            }
            final ExportResult result = trySend();
            if (result == ExportResult.SUCCESS) {
                count(undelivered(0));
                batches.incrementAndGet();
                return true;
            }
            if (result == ExportResult.FAILED || (maxAttempts > 0 && attempt >= maxAttempts)) {
                final int failed = undelivered(batchAdded);
                discard();
                count(failed);
                failedBatches.incrementAndGet();
                warn((result == ExportResult.FAILED ? "had a batch refused" : "gave up a batch") + " after " + attempt
                    + " attempts: " + failed + " of its " + batchAdded + " events not delivered");
                return true;
            }
            retries.incrementAndGet();
            warn("could not deliver a batch; retrying");
            pause(backoff);
            backoff = Math.min(maxBackoffNanos, backoff * 2);
        }
    }

    /**
     * The events of the settled batch its exporter says did not get through, within the batch's
     * size; {@code uncounted} when it does not count or cannot tell.
     */
    private int undelivered(final int uncounted) {
        try {
            final int undelivered = exporter.undelivered();
            return undelivered < 0 ? uncounted : Math.min(undelivered, batchAdded);
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            warn("threw while counting what it delivered (" + e + ")");
            return uncounted;
        }
    }

    /**
     * Lets through what no thread can carry on after: a {@link VirtualMachineError} such as running out
     * of memory. A stack overflow and an internal error (a fault in a mapped file) are an exporter's or a
     * file's, not the JVM's, and are dealt with like any exception.
     */
    private static void rethrowIfFatal(final Throwable failure) {
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)
            && !(failure instanceof InternalError)) {
            throw (VirtualMachineError)failure;
        }
    }

    /** Tells the exporter to forget its batch; one that throws doing so is warned about. */
    private void discard() {
        try {
            exporter.discard();
        } catch (final Throwable e) {
            rethrowIfFatal(e);
            warn("threw while discarding a batch (" + e + ")");
        }
    }

    /** Counts the settled batch: {@code failed} of its events as failed, the others as exported. */
    private void count(final int failed) {
        exported.addAndGet(batchAdded - failed);
        failedEvents.addAndGet(failed);
    }

    /** Waits {@code nanos}, or until the stop deadline when that comes first. */
    private void pause(final long nanos) {
        final long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !pastDeadline(); left = end - System.nanoTime()) {
            LockSupport.parkNanos(stopping ? Math.min(left, stopDeadlineNanos - System.nanoTime()) : left);
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

    /**
     * The records of the batch being settled, at most {@code batchSize}: besides the bytes of the
     * largest record read so far, all the runner holds of the journal, however long a receiver is down.
     */
    int held() {
        return held.get();
    }

    /** This exporter's progress, read from any thread; lag as described above. */
    public ExporterStatus status() {
        final SingleChronicleQueue current = queue;
        final long lagRecords = current != null && !current.isClosed() ? unsettled(current) : leftBehind;
        final long since = pendingSinceMillis;
        final long lagMillis = lagRecords == 0 || since == NONE ? 0 : Math.max(0, clock.millis() - since);
        return new ExporterStatus(exporter.name(), exported.get(), batches.get(), retries.get(), failedBatches.get(),
            failedEvents.get(), damaged.get(), restarts.get(), lagRecords, lagMillis, settledIndex.get(),
            thread.isAlive());
    }

    /**
     * Records after the settled position, in every cycle of the journal (Chronicle counts each cycle
     * between the two indexes); what it counted last when the journal cannot be read (it is being
     * closed). A settled record whose cycle retention has deleted counts from the oldest cycle kept.
     */
    private long unsettled(final SingleChronicleQueue current) {
        try {
            final long settled = settledIndex.get();
            final long last = current.lastIndex();
            long count = 0;
            if (last >= 0 && last > settled) {
                final long first = current.firstIndex();
                // countExcerpts counts from its first index inclusive to its second exclusive.
                count = settled < first ? current.countExcerpts(first, last) + 1 : current.countExcerpts(settled, last);
            }
            lastUnsettled = count;
            return count;
        } catch (final RuntimeException e) {
            return lastUnsettled;
        }
    }
}
