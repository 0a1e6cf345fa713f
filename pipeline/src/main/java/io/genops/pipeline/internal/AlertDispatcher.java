package io.genops.pipeline.internal;

import io.genops.core.alert.AlertChannel;
import io.genops.core.alert.FiredAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers fired alerts on its own thread, so no stage ever waits on a channel. Alerts queue in a
 * bounded buffer (a full buffer drops and counts), are gathered into batches of up to
 * {@code batchSize} or whatever arrived within {@code maxBatchAgeNanos} of the first, and each batch
 * goes to every channel its alerts name (or to the default channels). A channel that throws has the
 * alerts counted as failed; the thread carries on. Each turn of the loop first drains the
 * {@link AlertJournal}, which puts rules' firings back into the ring from this thread (see there why
 * not from the alert stage).
 */
public final class AlertDispatcher implements AlertSink {
    private final ArrayBlockingQueue<FiredAlert> queue;
    private final Map<String, AlertChannel> channels;
    private final List<String> defaultChannels;
    private final int batchSize;
    private final long maxBatchAgeNanos;
    private final Thread thread;
    private volatile boolean running = true;
    /** Set before {@link #start()}, so the thread's start publishes it. */
    private AlertJournal journal;
    /** Alerts accepted and not yet delivered or failed. */
    private final AtomicLong pending = new AtomicLong();

    private final LongAdder dropped = new LongAdder();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unroutable = new AtomicLong();

    public AlertDispatcher(final List<AlertChannel> channels, final List<String> defaultChannels, final int capacity,
        final int batchSize, final long maxBatchAgeNanos) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.channels = new LinkedHashMap<>();
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.defaultChannels = List.copyOf(defaultChannels);
        this.batchSize = batchSize;
        this.maxBatchAgeNanos = maxBatchAgeNanos;
        this.thread = new Thread(this::run, "genops-alerts");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Has this thread put rules' firings back into the pipeline; call before {@link #start()}. */
    void journalTo(final AlertJournal alertJournal) {
        this.journal = alertJournal;
    }

    @Override
    public void offer(final FiredAlert alert) {
        pending.incrementAndGet();
        if (!queue.offer(alert)) {
            pending.decrementAndGet();
            dropped.increment();
        }
    }

    /** Waits until every queued alert has been delivered or failed; false when the deadline passed. */
    public boolean awaitIdle(final long deadlineNanos) {
        while (pending.get() > 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            LockSupport.parkNanos(100_000);
        }
        return true;
    }

    /** Stops after delivering what is queued, waiting until {@code deadlineNanos}; returns what was left. */
    public int stop(final long deadlineNanos) {
        awaitIdle(deadlineNanos);
        running = false;
        thread.interrupt();
        try {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return (int)Math.min(Integer.MAX_VALUE, pending.get());
    }

    private void run() {
        final List<FiredAlert> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                final FiredAlert first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    gather(batch);
                }
            } catch (final InterruptedException e) {
                // stop() interrupts to end a wait; what is already gathered is still delivered below.
            }
            if (journal != null) {
                journal.drain();
            }
            if (!batch.isEmpty()) {
                deliver(batch);
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private void gather(final List<FiredAlert> batch) throws InterruptedException {
        final long deadline = System.nanoTime() + maxBatchAgeNanos;
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            final long remaining = deadline - System.nanoTime();
            if (batch.size() >= batchSize || remaining <= 0 || !running) {
                return;
            }
            final FiredAlert next = queue.poll(remaining, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void deliver(final List<FiredAlert> batch) {
        final Map<String, List<FiredAlert>> byChannel = new LinkedHashMap<>();
        for (final FiredAlert alert : batch) {
            final List<String> targets = alert.channels().isEmpty() ? defaultChannels : alert.channels();
            for (final String target : targets) {
                byChannel.computeIfAbsent(target, k -> new ArrayList<>()).add(alert);
            }
        }
        byChannel.forEach(this::deliverTo);
    }

    private void deliverTo(final String name, final List<FiredAlert> alerts) {
        final AlertChannel channel = channels.get(name);
        if (channel == null) {
            PipelineCounters.add(unroutable, alerts.size());
            return;
        }
        try {
            channel.deliver(alerts);
            PipelineCounters.add(delivered, alerts.size());
        } catch (final Exception e) {
            PipelineCounters.add(failed, alerts.size());
        }
    }

    public long dropped() {
        return dropped.sum();
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long unroutable() {
        return unroutable.get();
    }

    public int queued() {
        return queue.size();
    }
}
