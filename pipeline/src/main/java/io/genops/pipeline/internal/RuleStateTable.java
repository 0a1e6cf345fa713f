package io.genops.pipeline.internal;

import io.genops.core.event.AlertScope;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The states of every rule and scope key, under one cap on keyed states with least-recently-seen
 * eviction, so an unbounded number of agents or customers cannot grow the alert stage's memory.
 *
 * <p>Each keyed state sits in its rule's map (for lookup) and in one recency list across all rules
 * (for eviction): a hit moves the state to the newest end, a new key past the cap drops the oldest
 * state from both. A global rule's single state is pinned: it is not in the list and never evicted,
 * since there is at most one per rule. An evicted key loses its window and its cooldown; sized right,
 * the keys evicted are the ones that went quiet.
 *
 * <p>Owned by the alert stage's thread; it publishes the number of states and of evictions through
 * single-writer counters ({@code PipelineCounters.alertStateKeys} and {@code alertStateEvictions}).
 */
final class RuleStateTable {
    private final int capacity;
    private final AtomicLong stateKeys;
    private final AtomicLong evictions;
    private RuleState newest;
    private RuleState oldest;
    private int keyed;
    private int pinned;

    RuleStateTable(final int capacity, final AtomicLong stateKeys, final AtomicLong evictions) {
        this.capacity = capacity;
        this.stateKeys = stateKeys;
        this.evictions = evictions;
    }

    /** The state of {@code rule} for {@code key}, created (and the oldest evicted, when full) on first sight. */
    RuleState acquire(final CompiledRule rule, final String key) {
        if (rule.scope == AlertScope.GLOBAL) {
            return pinned(rule, key);
        }
        RuleState state = rule.states.get(key);
        if (state != null) {
            if (state != newest) {
                unlink(state);
                linkNewest(state);
            }
            return state;
        }
        if (keyed >= capacity) {
            evict(oldest);
        }
        state = new RuleState(rule, key);
        rule.states.put(key, state);
        linkNewest(state);
        keyed++;
        publishSize();
        return state;
    }

    private RuleState pinned(final CompiledRule rule, final String key) {
        if (rule.global == null) {
            rule.global = new RuleState(rule, key);
            pinned++;
            publishSize();
        }
        return rule.global;
    }

    /** Forgets every state of {@code rule}, which is being replaced. */
    void removeAll(final CompiledRule rule) {
        for (final RuleState state : rule.states.values()) {
            unlink(state);
            keyed--;
        }
        rule.states.clear();
        if (rule.global != null) {
            rule.global = null;
            pinned--;
        }
        publishSize();
    }

    private void evict(final RuleState state) {
        unlink(state);
        state.rule.states.remove(state.key);
        keyed--;
        PipelineCounters.increment(evictions);
    }

    private void linkNewest(final RuleState state) {
        state.older = newest;
        state.newer = null;
        if (newest != null) {
            newest.newer = state;
        }
        newest = state;
        if (oldest == null) {
            oldest = state;
        }
    }

    private void unlink(final RuleState state) {
        if (state.newer != null) {
            state.newer.older = state.older;
        } else {
            newest = state.older;
        }
        if (state.older != null) {
            state.older.newer = state.newer;
        } else {
            oldest = state.newer;
        }
        state.newer = null;
        state.older = null;
    }

    private void publishSize() {
        stateKeys.lazySet(keyed + pinned);
    }

    int size() {
        return keyed + pinned;
    }
}
