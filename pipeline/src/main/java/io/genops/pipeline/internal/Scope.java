package io.genops.pipeline.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The running totals of a session or a conversation: constant size however many events it sees.
 *
 * <p>Callers record the sequence of each event they publish ({@link #published}); the last stage
 * runner, the only writer of the totals, adds each event's cost once every stage has seen it and
 * advances {@link #processedThrough}. A
 * reader waits until the processed sequence reaches the last published one, and then the totals are
 * exact. Release stores by the single writer, acquire loads by readers: no locks. What callers write
 * and what the runner writes sit on cache lines of their own ({@link ScopeFields}).
 */
public final class Scope extends ScopeFields.PublishedPadding {
    private static final VarHandle LAST_PUBLISHED;
    private static final VarHandle OPERATIONS;
    private static final VarHandle COST_NANOS;
    private static final VarHandle PROCESSED_THROUGH;
    private static final VarHandle END_NANOS;

    static {
        try {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            LAST_PUBLISHED = lookup.findVarHandle(ScopeFields.Published.class, "lastPublished", long.class);
            OPERATIONS = lookup.findVarHandle(Scope.class, "operations", long.class);
            COST_NANOS = lookup.findVarHandle(Scope.class, "costNanos", long.class);
            PROCESSED_THROUGH = lookup.findVarHandle(Scope.class, "processedThrough", long.class);
            END_NANOS = lookup.findVarHandle(ScopeFields.Head.class, "endNanos", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private long operations;
    @SuppressWarnings("unused")
    private long costNanos;
    @SuppressWarnings("unused")
    private long processedThrough = -1;

    public Scope(final String id, final long startNanos) {
        super(id, startNanos);
    }

    public String id() {
        return id;
    }

    /** Records that the event at {@code sequence} belongs to this scope; any thread. */
    void published(final long sequence) {
        long current = (long)LAST_PUBLISHED.getVolatile(this);
        while (sequence > current && !LAST_PUBLISHED.compareAndSet(this, current, sequence)) {
            current = (long)LAST_PUBLISHED.getVolatile(this);
        }
    }

    /** Adds one processed event; the last stage runner only. */
    void processed(final long sequence, final long eventCostNanos) {
        OPERATIONS.setRelease(this, (long)OPERATIONS.getOpaque(this) + 1);
        COST_NANOS.setRelease(this, Math.addExact((long)COST_NANOS.getOpaque(this), eventCostNanos));
        PROCESSED_THROUGH.setRelease(this, sequence);
    }

    public long lastPublished() {
        return (long)LAST_PUBLISHED.getVolatile(this);
    }

    /** Whether every event published so far has been counted. */
    public boolean settled() {
        return (long)PROCESSED_THROUGH.getAcquire(this) >= lastPublished();
    }

    public long operations() {
        return (long)OPERATIONS.getAcquire(this);
    }

    public long costNanos() {
        return (long)COST_NANOS.getAcquire(this);
    }

    public long startNanos() {
        return startNanos;
    }

    /**
     * Marks the end once; later calls keep the first end.
     *
     * @return whether this call ended the scope, true for exactly one of racing calls
     */
    public boolean end(final long nanos) {
        return END_NANOS.compareAndSet(this, 0L, nanos);
    }

    /** Nanoseconds from start to end, or to {@code nowNanos} while open. */
    public long durationNanos(final long nowNanos) {
        final long end = endNanos;
        return (end == 0 ? nowNanos : end) - startNanos;
    }

    public boolean ended() {
        return endNanos != 0;
    }
}
