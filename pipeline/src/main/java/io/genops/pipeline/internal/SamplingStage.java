package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.core.policy.PolicyResult;

/**
 * Decides which events are exported as spans or logs, at a fixed rate per event kind. Accounting
 * never samples: this decision only marks the event.
 *
 * <p>Events of a conversation are decided by a hash of the conversation id, so a conversation is
 * kept or dropped whole; others by a pseudo-random sequence. Alerts, failed interactions and events
 * whose policy result is not {@code ALLOWED} are always kept.
 */
final class SamplingStage implements Stage {
    /** Rates are in millionths: 1,000,000 keeps everything. */
    static final int RATE_SCALE = 1_000_000;

    private final int[] ratePpmByKind;
    private final PipelineCounters counters;
    private long randomState = 0x9E3779B97F4A7C15L;

    SamplingStage(final int[] ratePpmByKind, final PipelineCounters counters) {
        this.ratePpmByKind = ratePpmByKind.clone();
        this.counters = counters;
    }

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        event.sampled = mustKeep(event) || keep(event, ratePpmByKind[event.kind.ordinal()]);
        PipelineCounters.increment(event.sampled ? counters.sampledIn : counters.sampledOut);
    }

    private static boolean mustKeep(final EventSlot event) {
        return event.kind == EventKind.ALERT || event.error != null || event.failed
            || event.policyResult != PolicyResult.ALLOWED;
    }

    private boolean keep(final EventSlot event, final int ratePpm) {
        if (ratePpm >= RATE_SCALE) {
            return true;
        }
        if (ratePpm <= 0) {
            return false;
        }
        final long draw = event.conversationId != null ? mix(event.conversationId.hashCode()) : nextRandom();
        return Long.remainderUnsigned(draw, RATE_SCALE) < ratePpm;
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
