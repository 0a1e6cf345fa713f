package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.core.policy.PolicyResult;
import io.genops.pipeline.SamplingPolicy;

/**
 * Decides which events are exported as spans or logs, by a {@link SamplingPolicy}: fixed rates per
 * event kind, or adaptive per key. Accounting never samples: this decision only sets the event's
 * {@code sampled} mark, and every exported event is counted under the reason it was kept.
 *
 * <p>Order of the decision: alerts, events with an error, failed events and events whose policy
 * result is not {@code ALLOWED} are always kept; then, under head sampling, an event of a
 * conversation follows its conversation (a hash of the id, so a conversation is kept or dropped
 * whole); then fixed rates draw per event, and an adaptive policy keeps a key's first events and
 * draws at the rate of the key's class. An adaptive policy's statistics see every interaction and
 * signal, whatever the decision. Draws come from a seeded pseudo-random sequence, so a run is
 * reproducible.
 *
 * <p>Agent groups come first: a group that exports nothing drops every event of its own, must-keep
 * ones included; a group with a rate of its own for the event's kind decides at that fixed rate (after
 * the must-keep rule), and such events do not feed the adaptive statistics. Every other event is
 * decided by the pipeline's policy. The stage also counts each group's events, exports and cost.
 *
 * <p>A closed session's record is kept whatever the rates, unless its group exports nothing.
 */
final class SamplingStage implements Stage {
    /** Rates are in millionths: 1,000,000 keeps everything. */
    static final int RATE_SCALE = 1_000_000;
    private static final int DROP = -1;
    private static final int OFF = -1;

    private final int[] ratePpmByKind;
    private final AdaptiveSampler adaptive;
    private final int[] ratePpmByClass;
    private final int conversationPpm;
    private final PipelineCounters counters;
    private long randomState = 0x9E3779B97F4A7C15L;

    SamplingStage(final SamplingPolicy policy, final PipelineCounters counters) {
        this.counters = counters;
        this.ratePpmByKind = new int[EventKind.values().length];
        for (final EventKind kind : EventKind.values()) {
            ratePpmByKind[kind.ordinal()] = ppm(policy.rate(kind));
        }
        this.ratePpmByClass = new int[SamplingCounters.STABLE + 1];
        ratePpmByClass[SamplingCounters.FIRST_EVENTS] = RATE_SCALE;
        ratePpmByClass[SamplingCounters.TRENDING_WORSE] = ppm(policy.trendingWorseRate());
        ratePpmByClass[SamplingCounters.HIGH_VARIANCE] = ppm(policy.highVarianceRate());
        ratePpmByClass[SamplingCounters.STABLE] = ppm(policy.stableRate());
        this.adaptive = policy.isAdaptive() ? new AdaptiveSampler(policy, counters.sampling) : null;
        this.conversationPpm = policy.isAdaptive() && policy.headSampling() ? ppm(policy.conversationRate()) : OFF;
    }

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        if (event.kind == EventKind.SESSION) {
            keepSession(event);
            return;
        }
        final int reason = decide(event);
        event.sampled = reason != DROP;
        if (event.sampled) {
            PipelineCounters.increment(counters.sampledIn);
            counters.sampling.kept(reason);
        } else {
            PipelineCounters.increment(counters.sampledOut);
        }
        final CompiledGroup group = event.agentGroup;
        PipelineCounters.increment(group.events);
        if (event.sampled) {
            PipelineCounters.increment(group.exported);
        }
        PipelineCounters.add(group.costNanos, event.costNanos);
    }

    /**
     * A closed session's record is the parent of every exported event of the session, one per session:
     * it is kept unless its agent group exports nothing. It is not one of the group's events.
     */
    private void keepSession(final EventSlot event) {
        event.sampled = event.agentGroup.export;
        if (event.sampled) {
            PipelineCounters.increment(counters.sampledIn);
            counters.sampling.kept(SamplingCounters.MUST_KEEP);
        } else {
            PipelineCounters.increment(counters.sampledOut);
        }
    }

    private int decide(final EventSlot event) {
        final CompiledGroup group = event.agentGroup;
        if (!group.export) {
            return DROP;
        }
        final int groupPpm = group.ratePpmByKind[event.kind.ordinal()];
        if (groupPpm != CompiledGroup.FOLLOW) {
            return decideFixed(event, groupPpm);
        }
        return adaptive == null ? decideFixed(event, ratePpmByKind[event.kind.ordinal()]) : decideAdaptive(event);
    }

    private int decideFixed(final EventSlot event, final int ratePpm) {
        if (mustKeep(event)) {
            return SamplingCounters.MUST_KEEP;
        }
        if (ratePpm >= RATE_SCALE) {
            return SamplingCounters.FIXED_RATE;
        }
        final long draw = event.conversationId != null ? conversationDraw(event) : nextRandom();
        return kept(draw, ratePpm) ? SamplingCounters.FIXED_RATE : DROP;
    }

    private int decideAdaptive(final EventSlot event) {
        final int keyClass = event.kind == EventKind.ALERT ? SamplingCounters.MUST_KEEP : observe(event);
        if (mustKeep(event)) {
            return SamplingCounters.MUST_KEEP;
        }
        if (conversationPpm != OFF && event.conversationId != null) {
            return kept(conversationDraw(event), conversationPpm) ? SamplingCounters.HEAD : DROP;
        }
        final int ratePpm = ratePpmByClass[keyClass];
        return ratePpm >= RATE_SCALE || kept(nextRandom(), ratePpm) ? keyClass : DROP;
    }

    /** Interactions are judged by their latency, signals by their value against their threshold. */
    private int observe(final EventSlot event) {
        if (event.kind == EventKind.SIGNAL) {
            return adaptive.observe(EventKind.SIGNAL, event.name, event.agentId, event.value, event.threshold);
        }
        return adaptive.observe(event.kind, null, event.agentId, event.latencyNanos, Double.NaN);
    }

    private static boolean mustKeep(final EventSlot event) {
        return event.kind == EventKind.ALERT || event.error != null || event.failed
            || event.policyResult != PolicyResult.ALLOWED;
    }

    private static boolean kept(final long draw, final int ratePpm) {
        return ratePpm >= RATE_SCALE || ratePpm > 0 && Long.remainderUnsigned(draw, RATE_SCALE) < ratePpm;
    }

    private static long conversationDraw(final EventSlot event) {
        return mix(event.conversationId.hashCode());
    }

    private static int ppm(final double rate) {
        return (int)Math.round(rate * RATE_SCALE);
    }

    /** A stable scramble of a hash code, so similar ids spread evenly. */
    static long mix(final long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private long nextRandom() {
        randomState += 0x9E3779B97F4A7C15L;
        return mix(randomState);
    }
}
