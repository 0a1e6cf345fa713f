package io.genops.exporters.otlp.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One signal's share of a batch (its spans, or its log records) and what has become of it, sent in
 * requests of at most {@code requestSize} items. A request starts as soon as its items are added, so
 * the collector receives the start of a large batch while the runner is still reading the rest; the
 * send then starts the remainder and waits for all of them.
 *
 * <p>A batch that is sent again sends only the requests the collector has not accepted, so when spans
 * went through and logs did not, a retry repeats the logs alone. A request still under way when a send
 * gives up waiting is not started a second time: the next send waits for its answer, and counts it if
 * it was a success, so a slow collector does not receive the same items twice.
 *
 * <p>Not thread-safe: used on the runner's thread.
 */
public final class BatchPart<T> {
    private final Function<Collection<T>, CompletableResultCode> export;
    private final int requestSize;
    private final List<T> items = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    /** Items {@code [0, assigned)} belong to a request. */
    private int assigned;
    private int delivered;
    /** Items accepted since {@link #await} last reported them. */
    private int unreported;
    private String lastFailure;

    /**
     * @param export      starts one request of the given items
     * @param requestSize the most items one request carries; positive
     */
    public BatchPart(final Function<Collection<T>, CompletableResultCode> export, final int requestSize) {
        if (requestSize < 1) {
            throw new IllegalArgumentException("requestSize must be positive: " + requestSize);
        }
        this.export = export;
        this.requestSize = requestSize;
    }

    /** Adds an item; once {@code requestSize} items wait, they are sent at once. */
    public void add(final T item) {
        items.add(item);
        if (items.size() - assigned == requestSize) {
            startNew();
        }
    }

    /** Items added and not yet accepted. */
    public int undelivered() {
        return items.size() - delivered;
    }

    /**
     * Sends the items not yet in a request, and sends again every request that failed; a request still
     * waiting for its answer is left alone.
     */
    public void start() {
        for (final Request request : requests) {
            if (request.pending != null && request.pending.isDone()) {
                request.settle(System.nanoTime());
            }
            if (!request.accepted && request.pending == null) {
                request.start();
            }
        }
        while (assigned < items.size()) {
            startNew();
        }
    }

    /**
     * Waits for the requests under way until {@code deadlineNanos} (a {@link System#nanoTime} value).
     *
     * @return the items newly accepted
     */
    public int await(final long deadlineNanos) {
        for (final Request request : requests) {
            request.settle(deadlineNanos);
        }
        final int accepted = unreported;
        unreported = 0;
        return accepted;
    }

    /** Whether every item added has been accepted. */
    public boolean complete() {
        return delivered == items.size();
    }

    /** Why the last request that did not succeed failed, for a warning; never holds a header value. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Forgets every item and any request under way (whose answer no longer matters). */
    public void clear() {
        items.clear();
        requests.clear();
        assigned = 0;
        delivered = 0;
        unreported = 0;
        lastFailure = null;
    }

    private void startNew() {
        final int end = Math.min(items.size(), assigned + requestSize);
        final Request request = new Request(assigned, end);
        requests.add(request);
        assigned = end;
        request.start();
    }

    static String describe(final Throwable failure) {
        final String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Items {@code [from, to)} and the export that carries them. */
    private final class Request {
        private final int from;
        private final int to;
        private CompletableResultCode pending;
        private boolean accepted;

        Request(final int from, final int to) {
            this.from = from;
            this.to = to;
        }

        void start() {
            try {
                pending = export.apply(List.copyOf(items.subList(from, to)));
            } catch (final RuntimeException e) {
                pending = CompletableResultCode.ofExceptionalFailure(e);
            }
        }

        /** Waits for the answer until {@code deadlineNanos}, and counts the items if they were accepted. */
        void settle(final long deadlineNanos) {
            if (pending == null) {
                return;
            }
            pending.join(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!pending.isDone()) {
                lastFailure = "no answer in time";
                return;
            }
            final boolean success = pending.isSuccess();
            final Throwable failure = pending.getFailureThrowable();
            pending = null;
            if (!success) {
                lastFailure = failure == null ? "the export failed" : describe(failure);
                return;
            }
            accepted = true;
            delivered += to - from;
            unreported += to - from;
        }
    }
}
