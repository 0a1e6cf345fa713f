package io.genops.pipeline.internal;

/**
 * What one rule remembers about one scope key: when it last fired (the cooldown is per rule and key)
 * and the windows its windowed conditions read. Only the windows the rule's conditions need exist.
 * States of keyed scopes are linked into the {@link RuleStateTable}'s recency list, so the least
 * recently seen key can be evicted in O(1). Owned by the alert stage's thread.
 */
final class RuleState {
    static final long NEVER = Long.MIN_VALUE;

    final CompiledRule rule;
    final String key;
    long lastFiredMillis = NEVER;
    /** Spend of interactions and signals, one column of nanodollars; null unless a cost rate is read. */
    final SumWindow cost;
    /** Interactions with an error (HITS) and all interactions (ALL); null unless the error rate is read. */
    final SumWindow errors;
    /** Calls refused by a budget (HITS) and those plus accepted events (ALL); null unless read. */
    final SumWindow rejections;
    /** Interaction latencies; null unless a latency percentile is read. */
    final LatencyWindow latency;

    RuleState newer;
    RuleState older;

    RuleState(final CompiledRule rule, final String key) {
        this.rule = rule;
        this.key = key;
        final long windowMillis = rule.windowMillis;
        this.cost = rule.readsCost ? new SumWindow(windowMillis, 1) : null;
        this.errors = rule.readsErrors ? new SumWindow(windowMillis, 2) : null;
        this.rejections = rule.readsRejections ? new SumWindow(windowMillis, 2) : null;
        this.latency = rule.readsLatency ? new LatencyWindow(windowMillis) : null;
    }

    /** Whether a fire at {@code epochMillis} falls within the cooldown of the last one. */
    boolean coolingDown(final long epochMillis) {
        return lastFiredMillis != NEVER && epochMillis - lastFiredMillis < rule.cooldownMillis;
    }
}
