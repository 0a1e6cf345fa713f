package io.genops.exporters.otlp.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One signal's share of a batch (its spans, or its log records) and what has become of it. A batch
 * that is sent again sends only what the collector has not yet accepted, so when spans went through
 * and logs did not, a retry repeats the logs alone. An export still under way when a send gives up
 * waiting is not started a second time: the next send waits for its answer, and counts it if it was a
 * success, so a slow collector does not receive the same items twice.
 *
 * <p>Not thread-safe: used on the runner's thread.
 */
public final class BatchPart<T> {
    private final Function<Collection<T>, CompletableResultCode> export;
    private final List<T> items = new ArrayList<>();
    /** Items {@code [0, delivered)} were accepted by the collector. */
    private int delivered;
    /** The end of the items the pending export carries; they start at {@link #delivered}. */
    private int inFlightEnd;
    private CompletableResultCode pending;
    private String lastFailure;

    public BatchPart(final Function<Collection<T>, CompletableResultCode> export) {
        this.export = export;
    }

    public void add(final T item) {
        items.add(item);
    }

    /** Items added and not yet accepted. */
    public int undelivered() {
        return items.size() - delivered;
    }

    /** Exports what is not yet accepted, unless an export of it is still waiting for its answer. */
    public void start() {
        if (pending != null || delivered == items.size()) {
            return;
        }
        inFlightEnd = items.size();
        try {
            pending = export.apply(List.copyOf(items.subList(delivered, inFlightEnd)));
        } catch (final RuntimeException e) {
            pending = CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    /**
     * Waits for the pending export until {@code deadlineNanos} (a {@link System#nanoTime} value).
     *
     * @return the items newly accepted
     */
    public int await(final long deadlineNanos) {
        if (pending == null) {
            return 0;
        }
        pending.join(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!pending.isDone()) {
            lastFailure = "no answer in time";
            return 0;
        }
        final boolean success = pending.isSuccess();
        final Throwable failure = pending.getFailureThrowable();
        pending = null;
        if (!success) {
            lastFailure = failure == null ? "the export failed" : describe(failure);
            return 0;
        }
        final int accepted = inFlightEnd - delivered;
        delivered = inFlightEnd;
        return accepted;
    }

    /** Whether every item added has been accepted. */
    public boolean complete() {
        return delivered == items.size();
    }

    /** Why the last export did not succeed, for a warning; never holds a header value. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Forgets every item and any export under way (whose answer no longer matters). */
    public void clear() {
        items.clear();
        delivered = 0;
        inFlightEnd = 0;
        pending = null;
        lastFailure = null;
    }

    static String describe(final Throwable failure) {
        final String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
