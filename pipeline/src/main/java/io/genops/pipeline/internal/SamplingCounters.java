package io.genops.pipeline.internal;

import io.genops.pipeline.SamplingMetrics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sampling stage's own counts: why each exported event was kept, and the size of the adaptive
 * key table. Single writer (the sampling stage), release stores; any thread may take a snapshot.
 */
public final class SamplingCounters {
    /** Reasons an event is exported, indexes into {@link #kept}. */
    static final int FIRST_EVENTS = 0;
    static final int TRENDING_WORSE = 1;
    static final int HIGH_VARIANCE = 2;
    static final int STABLE = 3;
    static final int MUST_KEEP = 4;
    static final int HEAD = 5;
    static final int FIXED_RATE = 6;
    static final int REASONS = 7;

    private final AtomicLong[] kept = new AtomicLong[REASONS];
    private final AtomicLong keysTracked = new AtomicLong();
    private final AtomicLong keysEvicted = new AtomicLong();

    public SamplingCounters() {
        for (int reason = 0; reason < REASONS; reason++) {
            kept[reason] = new AtomicLong();
        }
    }

    void kept(final int reason) {
        PipelineCounters.increment(kept[reason]);
    }

    void keys(final int tracked, final long evicted) {
        keysTracked.lazySet(tracked);
        keysEvicted.lazySet(evicted);
    }

    public SamplingMetrics snapshot() {
        return new SamplingMetrics(keysTracked.get(), keysEvicted.get(), kept[FIRST_EVENTS].get(),
            kept[TRENDING_WORSE].get(), kept[HIGH_VARIANCE].get(), kept[STABLE].get(), kept[MUST_KEEP].get(),
            kept[HEAD].get(), kept[FIXED_RATE].get());
    }
}
