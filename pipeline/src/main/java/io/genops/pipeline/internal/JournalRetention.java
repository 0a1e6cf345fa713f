package io.genops.pipeline.internal;

import io.genops.pipeline.journal.Retention;
import io.genops.pipeline.journal.RetentionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journal retention for one running pipeline: applies the limits with the exporters the pipeline runs,
 * keeps the figures {@link RetentionStatus} shows, and says once per start what holds retention back
 * that a user should know about: position files of exporters no longer run (which hold nothing, but
 * are worth deleting) and exporters of this pipeline that keep cycles past the limits.
 *
 * <p>The run at open is made on the opening thread, before any stage runs. Later runs, asked for by the
 * journal stage each time the journal rolls, are made on one daemon thread, {@value #THREAD_NAME}: they
 * list the directory, read the export positions and may delete files of gigabytes, which must not stall
 * the consumer thread. Asking never blocks; a request made while one is still waiting is merged into
 * it, so at most one run is queued. A run that fails is counted and logged at most once per interval
 * with the number of failures since; the thread carries on and the next roll tries again.
 */
final class JournalRetention {
    /** The name of the thread retention runs on after the journal has opened. */
    static final String THREAD_NAME = "genops-retention";
    /** Failures of retention are logged at most once per this many nanoseconds, with the count since. */
    static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    /** One application of the limits; {@code writing} is the oldest cycle an appender may be writing. */
    interface Run {
        Retention.Outcome apply(int writing) throws IOException;
    }

    private final Run run;
    private final boolean active;
    private final Path directory;
    private final List<String> exporters;
    private final long failureLogIntervalNanos;
    private final Thread thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** The cycle of the latest roll: the oldest one the journal stage may be appending to. */
    private volatile int writing = Integer.MAX_VALUE;
    private volatile boolean stopping;
    private final AtomicLong merged = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong filesDeleted = new AtomicLong();
    private volatile Retention.Outcome latest = Retention.Outcome.NOTHING;
    /** Touched by one thread at a time: the one opening the pipeline, then the one running retention. */
    private final Set<Path> warnedStale = new HashSet<>();
    private final Set<String> warnedHolders = new HashSet<>();
    private long lastFailureLogNanos;
    private long failuresUnlogged;
    private boolean failureLogged;

    JournalRetention(final Run run, final boolean active, final Path directory, final List<String> exporters,
        final long failureLogIntervalNanos) {
        this.run = run;
        this.active = active;
        this.directory = directory;
        this.exporters = List.copyOf(exporters);
        this.failureLogIntervalNanos = failureLogIntervalNanos;
        this.thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
    }

    /** Retention of {@code queue} by {@code retention}, counting the positions of {@code exporters} only. */
    static JournalRetention of(final Retention retention, final SingleChronicleQueue queue,
        final List<String> exporters) {
        return new JournalRetention(writing -> retention.apply(queue, exporters, writing), !retention.keepsAll(),
            queue.file().toPath(), exporters, FAILURE_LOG_INTERVAL_NANOS);
    }

    /** Applies the limits on the calling thread, before the journal is appended to; never throws. */
    void applyNow() {
        if (active) {
            runOnce();
        }
    }

    /** Starts the retention thread, unless the limits keep everything; call once, after {@link #applyNow}. */
    void start() {
        if (active) {
            thread.start();
        }
    }

    /**
     * Asks for a run now that the journal has rolled to {@code cycle}; returns at once. Called by the
     * journal stage's thread only, once the first record of the new cycle is written.
     */
    void rolled(final int cycle) {
        if (!active || stopping) {
            return;
        }
        writing = cycle;
        if (pending.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        } else {
            merged.incrementAndGet();
        }
    }

    private void loop() {
        while (!stopping) {
            if (pending.getAndSet(false)) {
                runOnce();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void runOnce() {
        runs.incrementAndGet();
        // Whatever is thrown ends this run only: retention must outlive a bad file or a failing disk.
        try {
            final Retention.Outcome outcome = run.apply(writing);
            latest = outcome;
            filesDeleted.addAndGet(outcome.deleted().size());
            warnOnce(outcome);
        } catch (final Exception | LinkageError | AssertionError e) {
            failed(e);
        }
    }

    private void failed(final Throwable error) {
        failures.incrementAndGet();
        final long now = System.nanoTime();
        if (failureLogged && now - lastFailureLogNanos < failureLogIntervalNanos) {
            failuresUnlogged++;
            return;
        }
        LOG.warn("Journal retention could not clean {} ({} more failures since the last report); nothing is lost, "
            + "old cycles stay until the next roll tries again: {}", directory, failuresUnlogged, error.toString());
        failureLogged = true;
        lastFailureLogNanos = now;
        failuresUnlogged = 0;
    }

    /**
     * Stops the retention thread: a waiting run is dropped, one under way is waited for until
     * {@code deadlineNanos} ({@link System#nanoTime()}). Idempotent.
     *
     * @return false when the thread was still running at the deadline; it ends by itself once its file
     *     operation returns
     */
    boolean stop(final long deadlineNanos) {
        stopping = true;
        if (!thread.isAlive()) {
            return true;
        }
        LockSupport.unpark(thread);
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Journal retention of {} was still running at the close deadline; it stops by itself once "
                + "its current file operation ends.", directory);
            return false;
        }
        return true;
    }

    /** Requests merged into one already waiting. */
    long merged() {
        return merged.get();
    }

    /** Whether the retention thread is running. */
    boolean running() {
        return thread.isAlive();
    }

    private void warnOnce(final Retention.Outcome outcome) {
        for (final Path stale : outcome.stalePositions()) {
            if (warnedStale.add(stale)) {
                warnStale(stale);
            }
        }
        outcome.heldBack().forEach((exporter, cycles) -> {
            if (warnedHolders.add(exporter)) {
                final String why = outcome.settledNothing().contains(exporter) ? "has settled no record yet"
                    : "has not settled their records yet";
                LOG.warn("Journal retention keeps {} past cycles of {} beyond its age or size limit because exporter "
                    + "'{}' {}; the journal grows until that exporter catches up. Check its progress with "
                    + "GenOps.exporterStatuses() or 'genops exporters --journal {}'.", cycles, directory, exporter,
                    why, directory);
            }
        });
    }

    private void warnStale(final Path stale) {
        final String file = stale.getFileName().toString();
        final String name = file.substring(0, file.length() - Retention.POSITION_SUFFIX.length());
        LOG.warn("Journal retention ignores {}: this pipeline runs no exporter named '{}' (it runs {}), so that "
            + "position holds no cycles back. Delete the file if that exporter will not read this journal again; "
            + "should it run again, it resumes from the oldest cycle still kept.", stale, name,
            exporters.isEmpty() ? "none" : String.join(", ", exporters));
    }

    RetentionStatus status() {
        if (!active) {
            return RetentionStatus.INACTIVE;
        }
        final Retention.Outcome outcome = latest;
        return new RetentionStatus(true, runs.get(), failures.get(), filesDeleted.get(), outcome.cyclesHeldBack(),
            outcome.heldBack(), outcome.stalePositions());
    }
}
