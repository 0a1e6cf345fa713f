package io.genops.exporters.prometheus.internal;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cost per team, project and agent type, kept as exact {@code long} nanodollars and exposed twice: as
 * nanodollars and as USD. Both are computed at scrape time from the same exact sum, so they always
 * agree and the USD counter does not drift the way a {@code double} accumulated event by event would.
 *
 * <p>A sample is a float64 in Prometheus: a series is exact up to 2^53 nanodollars (about 9 million
 * USD) and keeps 15-16 significant digits beyond. The sum itself would overflow only past 9.2 billion
 * USD per series.
 *
 * <p>The label values arrive already capped each on its own; this class caps their combinations too.
 * Once {@code maxSeries} combinations exist, a new one is charged to the series whose three labels are
 * all {@value LabelCap#OTHER}, which may be one more than {@code maxSeries}.
 *
 * <p>{@link #add} is called by the export runner's thread only; scrapes read concurrently.
 */
public final class CostSeries implements MultiCollector {
    private static final double NANOS_PER_USD = 1e9;
    private static final Key OTHER = new Key(LabelCap.OTHER, LabelCap.OTHER, LabelCap.OTHER);

    private final String nanosName;
    private final String usdName;
    private final int maxSeries;
    private final CounterDataPoint folded;
    private final Map<Key, AtomicLong> totals = new ConcurrentHashMap<>();

    /**
     * @param nanosName the nanodollar counter's name without {@code _total}
     * @param usdName   the USD counter's name without {@code _total}
     * @param maxSeries the most label combinations kept apart
     * @param folded    counts each event charged to the all-{@code other} series for want of room
     */
    public CostSeries(final String nanosName, final String usdName, final int maxSeries,
        final CounterDataPoint folded) {
        this.nanosName = nanosName;
        this.usdName = usdName;
        this.maxSeries = maxSeries;
        this.folded = folded;
    }

    /** Adds {@code nanos} (never negative: a cost is at least zero) to the series of the three labels. */
    public void add(final String team, final String project, final String agentType, final long nanos) {
        Key key = new Key(team, project, agentType);
        AtomicLong total = totals.get(key);
        if (total == null) {
            if (totals.size() >= maxSeries) {
                folded.inc();
                key = OTHER;
                total = totals.get(OTHER);
            }
            if (total == null) {
                total = new AtomicLong();
                totals.put(key, total);
            }
        }
        if (nanos > 0) {
            total.addAndGet(nanos);
        }
    }

    @Override
    public MetricSnapshots collect() {
        final CounterSnapshot.Builder nanos = CounterSnapshot.builder().name(nanosName)
            .help("Cost of every event (model tokens and monitoring-platform operations, or the caller's "
                + "override), exact, in USD nanodollars (1e-9 USD)");
        final CounterSnapshot.Builder usd = CounterSnapshot.builder().name(usdName)
            .help("Cost of every event in USD, by team, project and agent type; the same sum as "
                + nanosName + "_total");
        totals.forEach((key, total) -> {
            final long value = total.get();
            final Labels labels = key.labels();
            nanos.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
            usd.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(value / NANOS_PER_USD).build());
        });
        return MetricSnapshots.of(nanos.build(), usd.build());
    }

    private record Key(String team, String project, String agentType) {
        Labels labels() {
            return Labels.of("team", team, "project", project, "agent_type", agentType);
        }
    }
}
