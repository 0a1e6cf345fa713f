package io.genops.pipeline.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cost totals per key (team, agent, model) with a cap on distinct keys: past the cap, new keys are
 * summed under {@value #OTHER} so memory stays bounded however many distinct values arrive. One
 * writer (the cost stage); any thread may read a snapshot.
 */
public final class CostTotals {
    public static final String OTHER = "(other)";
    public static final String NONE = "(none)";

    private final int maxKeys;
    private final Map<String, AtomicLong> nanosByKey = new ConcurrentHashMap<>();

    public CostTotals(final int maxKeys) {
        this.maxKeys = maxKeys;
    }

    void add(final String key, final long nanos) {
        AtomicLong total = nanosByKey.get(key == null ? NONE : key);
        if (total == null) {
            total = slotFor(key == null ? NONE : key);
        }
        PipelineCounters.add(total, nanos);
    }

    private AtomicLong slotFor(final String key) {
        final String stored = nanosByKey.size() < maxKeys ? key : OTHER;
        return nanosByKey.computeIfAbsent(stored, k -> new AtomicLong());
    }

    /** A sorted copy of the totals in USD nanos. */
    public Map<String, Long> snapshot() {
        final Map<String, Long> copy = new TreeMap<>();
        nanosByKey.forEach((key, total) -> copy.put(key, total.get()));
        return Collections.unmodifiableMap(copy);
    }
}
