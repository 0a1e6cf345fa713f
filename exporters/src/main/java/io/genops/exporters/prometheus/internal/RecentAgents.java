package io.genops.exporters.prometheus.internal;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The distinct agents seen within a recent window, by event time: an agent counts while its latest
 * event is at most {@code windowMillis} older than the reading's clock. Events replayed from an old
 * backlog therefore do not inflate the figure.
 *
 * <p>At most {@code maxTracked} agent ids are held. Ids whose latest event has left the window are
 * swept out every quarter window of event time; while the table is full of live agents a new one is
 * not tracked (each such event is counted as folded) and the reading is a lower bound.
 *
 * <p>{@link #seen} is called by the export runner's thread only; {@link #count} from any thread.
 */
public final class RecentAgents {
    private final long windowMillis;
    private final int maxTracked;
    private final CounterDataPoint folded;
    private final long sweepEveryMillis;
    private final Map<String, AtomicLong> lastSeen = new ConcurrentHashMap<>();
    private long nextSweepMillis = Long.MIN_VALUE;

    public RecentAgents(final long windowMillis, final int maxTracked, final CounterDataPoint folded) {
        this.windowMillis = windowMillis;
        this.maxTracked = maxTracked;
        this.folded = folded;
        this.sweepEveryMillis = Math.max(1, windowMillis / 4);
    }

    /** Records an event of {@code agentId} (ignored when {@code null}) at {@code epochMillis}. */
    public void seen(final String agentId, final long epochMillis) {
        if (agentId == null) {
            return;
        }
        if (epochMillis >= nextSweepMillis) {
            final long oldest = epochMillis - windowMillis;
            lastSeen.values().removeIf(last -> last.get() < oldest);
            nextSweepMillis = epochMillis + sweepEveryMillis;
        }
        final AtomicLong last = lastSeen.get(agentId);
        if (last != null) {
            if (epochMillis > last.get()) {
                last.set(epochMillis);
            }
            return;
        }
        if (lastSeen.size() >= maxTracked) {
            folded.inc();
            return;
        }
        lastSeen.put(agentId, new AtomicLong(epochMillis));
    }

    /** The agents whose latest event is at most a window older than {@code nowMillis}. */
    public int count(final long nowMillis) {
        final long oldest = nowMillis - windowMillis;
        int count = 0;
        for (final AtomicLong last : lastSeen.values()) {
            if (last.get() >= oldest) {
                count++;
            }
        }
        return count;
    }
}
