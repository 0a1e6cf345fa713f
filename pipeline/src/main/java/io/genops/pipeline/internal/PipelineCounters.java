package io.genops.pipeline.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pipeline's own counts. Callers' threads touch only the rare-path adders (drops, rejections);
 * accepted events need no counter: every claimed ring sequence is published, and only the few
 * claims cancelled by a racing close are not accepted events. The consumer's
 * counts are single-writer {@link AtomicLong}s advanced with release stores.
 */
public final class PipelineCounters {
    public final LongAdder dropped = new LongAdder();
    public final LongAdder rejectedBudget = new LongAdder();
    public final LongAdder rejectedRateLimited = new LongAdder();
    public final LongAdder rejectedInvalid = new LongAdder();
    public final LongAdder rejectedClosed = new LongAdder();
    /** Slots claimed by calls that then found the pipeline closed; published as no-ops, not accepted. */
    public final LongAdder cancelledClaims = new LongAdder();
    /** Closed sessions whose session record was not published: the pipeline had closed or the ring was full. */
    public final LongAdder sessionsUnrecorded = new LongAdder();

    public final AtomicLong processed = new AtomicLong();
    public final AtomicLong failedEvents = new AtomicLong();
    public final AtomicLong stageFailures = new AtomicLong();
    public final AtomicLong unpricedEvents = new AtomicLong();
    public final AtomicLong sampledIn = new AtomicLong();
    public final AtomicLong sampledOut = new AtomicLong();
    public final SamplingCounters sampling = new SamplingCounters();
    public final AtomicLong alertsFired = new AtomicLong();
    public final AtomicLong alertsSuppressed = new AtomicLong();
    public final AtomicLong alertRulesRejected = new AtomicLong();
    /** States of (alert rule, scope key) held now, a gauge; set by the alert stage. */
    public final AtomicLong alertStateKeys = new AtomicLong();
    public final AtomicLong alertStateEvictions = new AtomicLong();
    public final AtomicLong totalCostNanos = new AtomicLong();
    public final AtomicLong monthInteractions = new AtomicLong();
    /** Interactions whose caller charged the fixed estimate instead of pricing them. */
    public final AtomicLong estimatedInteractions = new AtomicLong();
    /** Exact cost minus estimate over those interactions, in USD nanos; negative when estimates ran high. */
    public final AtomicLong estimateDriftNanos = new AtomicLong();
    /** Times the budget stage settled estimate differences into the amounts callers check. */
    public final AtomicLong estimateSettlements = new AtomicLong();
    /** Matches the redaction rules replaced in captured texts, plus texts the custom redactor changed. */
    public final AtomicLong redactions = new AtomicLong();

    /** Adds one on the single writer's thread. */
    static void increment(final AtomicLong counter) {
        counter.lazySet(counter.get() + 1);
    }

    static void add(final AtomicLong counter, final long delta) {
        counter.lazySet(Math.addExact(counter.get(), delta));
    }
}
