package io.genops.exporters.otlp.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One signal's share of a batch (its spans, or its log records) and what has become of it, sent in
 * requests of at most {@code requestSize} items, at most {@code maxInFlight} of them under way at once.
 * A request is due as soon as its items are added, and starts when a place is free, so the collector
 * receives the start of a large batch while the runner is still reading the rest; {@link #await} then
 * starts the remaining ones as earlier answers arrive.
 *
 * <p>A batch that is sent again sends only the requests the collector has not accepted, so when spans
 * went through and logs did not, a retry repeats the logs alone. A request still under way when a send
 * gives up waiting is not started a second time: the next send waits for its answer, and counts it if
 * it was a success, so a slow collector does not receive the same items twice. A request that failed is
 * not repeated before the next {@link #start}, so a collector that is down is not called in a loop. A
 * request whose failure says the collector refuses its items for good ({@code refusedForGood}) is never
 * repeated: the part is {@linkplain #settled() settled} once every request is accepted or refused so.
 *
 * <p>Not thread-safe: used on the runner's thread.
 */
public final class BatchPart<T> {
    private final Function<Collection<T>, CompletableResultCode> export;
    private final Predicate<Throwable> refusedForGood;
    private final int requestSize;
    private final int maxInFlight;
    private final List<T> items = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    /** Items {@code [0, assigned)} belong to a request. */
    private int assigned;
    private int delivered;
    /** Items of requests refused for good. */
    private int refused;
    private int inFlight;
    /** Items accepted since {@link #await} last reported them. */
    private int unreported;
    private String lastFailure;
    /** Why the last request refused for good was refused; kept until {@link #clear}. */
    private String refusal;

    /**
     * @param export         starts one request of the given items
     * @param requestSize    the most items one request carries; positive
     * @param maxInFlight    the most requests under way at once; positive
     * @param refusedForGood whether a request's failure is a refusal of its items that no retry can change
     */
    public BatchPart(final Function<Collection<T>, CompletableResultCode> export, final int requestSize,
        final int maxInFlight, final Predicate<Throwable> refusedForGood) {
        if (requestSize < 1) {
            throw new IllegalArgumentException("requestSize must be positive: " + requestSize);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive: " + maxInFlight);
        }
        this.export = export;
        this.requestSize = requestSize;
        this.maxInFlight = maxInFlight;
        this.refusedForGood = refusedForGood;
    }

    /** Adds an item; once {@code requestSize} items wait, their request is due and starts when it can. */
    public void add(final T item) {
        items.add(item);
        if (items.size() - assigned == requestSize) {
            assignRequest();
            pump();
        }
    }

    /** Items added and not yet accepted. */
    public int undelivered() {
        return items.size() - delivered;
    }

    /**
     * Makes due the items not yet in a request and every request that failed, and starts as many as
     * there is room for; a request still waiting for its answer is left alone.
     */
    public void start() {
        lastFailure = null;
        settleAnswered();
        while (assigned < items.size()) {
            assignRequest();
        }
        for (final Request request : requests) {
            if (!request.accepted && !request.refused && request.pending == null) {
                request.due = true;
            }
        }
        pump();
    }

    /**
     * Waits until every due request has been answered, or until {@code deadlineNanos} (a
     * {@link System#nanoTime} value), starting waiting ones as places free up.
     *
     * @return the items newly accepted
     */
    public int await(final long deadlineNanos) {
        while (true) {
            pump();
            final Request oldest = oldestInFlight();
            if (oldest == null) {
                break;
            }
            oldest.settle(deadlineNanos);
            if (oldest.pending != null) {
                lastFailure = "no answer in time";
                break;
            }
        }
        final int accepted = unreported;
        unreported = 0;
        return accepted;
    }

    /** Whether every item added has been accepted. */
    public boolean complete() {
        return delivered == items.size();
    }

    /** Whether every item added has been accepted or refused for good: nothing is left to send. */
    public boolean settled() {
        return delivered + refused == items.size();
    }

    /** Items the collector refused for good. */
    public int refused() {
        return refused;
    }

    /** Why the last request that did not succeed failed, for a warning; never holds a header value. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Why the collector refused items for good, or {@code null} when it refused none; never holds a header value. */
    public String refusal() {
        return refusal;
    }

    /** Forgets every item and any request under way (whose answer no longer matters). */
    public void clear() {
        items.clear();
        requests.clear();
        assigned = 0;
        delivered = 0;
        refused = 0;
        inFlight = 0;
        unreported = 0;
        lastFailure = null;
        refusal = null;
    }

    private void assignRequest() {
        final int end = Math.min(items.size(), assigned + requestSize);
        requests.add(new Request(assigned, end));
        assigned = end;
    }

    /** Settles the requests already answered, then starts due ones while there is room. */
    private void pump() {
        settleAnswered();
        for (final Request request : requests) {
            if (inFlight >= maxInFlight) {
                return;
            }
            if (request.due) {
                request.start();
            }
        }
    }

    private void settleAnswered() {
        for (final Request request : requests) {
            if (request.pending != null && request.pending.isDone()) {
                request.settle(System.nanoTime());
            }
        }
    }

    private Request oldestInFlight() {
        for (final Request request : requests) {
            if (request.pending != null) {
                return request;
            }
        }
        return null;
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
        /** Waiting for a place to start. */
        private boolean due = true;
        private boolean accepted;
        private boolean refused;

        Request(final int from, final int to) {
            this.from = from;
            this.to = to;
        }

        void start() {
            due = false;
            inFlight++;
            try {
                pending = export.apply(List.copyOf(items.subList(from, to)));
            } catch (final RuntimeException e) {
                pending = CompletableResultCode.ofExceptionalFailure(e);
            }
        }

        /** Waits for the answer until {@code deadlineNanos}, and counts the items if they were accepted. */
        void settle(final long deadlineNanos) {
            pending.join(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!pending.isDone()) {
                return;
            }
            final boolean success = pending.isSuccess();
            final Throwable failure = pending.getFailureThrowable();
            pending = null;
            inFlight--;
            if (!success) {
                lastFailure = failure == null ? "the export failed" : describe(failure);
                if (failure != null && refusedForGood.test(failure)) {
                    this.refused = true;
                    BatchPart.this.refused += to - from;
                    refusal = lastFailure;
                }
                return;
            }
            accepted = true;
            delivered += to - from;
            unreported += to - from;
        }
    }
}
