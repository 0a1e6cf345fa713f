package io.genops.exporters.prometheus.internal;

import io.genops.core.Checks;
import io.genops.core.export.BudgetReading;
import io.genops.exporters.prometheus.MetricNames;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Gauges and counters whose values the application supplies, read at scrape time, and the budget
 * readings. A supplier that throws (or a counter that answers a negative count) loses only its own
 * series for that scrape: the failure is counted and logged at most once a minute, and the rest of the
 * scrape goes out.
 *
 * <p>Registration is synchronized and checks everything the exposition would later trip over, so a
 * bad name fails at the call that made it, not at every scrape.
 */
public final class CallbackMetrics implements MultiCollector {
    /** The most budget readings exposed per scrape; the rest are counted as folded. */
    public static final int MAX_BUDGETS = 1000;
    private static final String TOTAL = "_total";
    private static final List<String> GAUGE_SUFFIXES = List.of(TOTAL, "_created", "_bucket", "_count", "_sum",
        "_info");
    private static final double NANOS_PER_USD = 1e9;

    private final Map<String, Family> families = new ConcurrentSkipListMap<>();
    private final CounterDataPoint failures;
    private final CounterDataPoint budgetsFolded;
    private final ThrottledWarning warning = new ThrottledWarning();
    private volatile Supplier<? extends Iterable<BudgetReading>> budgets;

    public CallbackMetrics(final CounterDataPoint failures, final CounterDataPoint budgetsFolded) {
        this.failures = failures;
        this.budgetsFolded = budgetsFolded;
    }

    /** A counter's name without {@code _total}, as the Prometheus client's metadata holds it. */
    public static String baseName(final String name) {
        return name.endsWith(TOTAL) ? name.substring(0, name.length() - TOTAL.length()) : name;
    }

    /**
     * Adds one series.
     *
     * @param counter   a counter (the name must end in {@code _total}) or else a gauge
     * @param divisor   what the supplied value is divided by before it is exposed, at least 1
     * @param takenElsewhere base names other collectors of the registry expose
     * @throws IllegalArgumentException naming the metric and what is wrong
     */
    public synchronized void register(final String name, final String help, final boolean counter,
        final Map<String, String> labels, final LongSupplier value, final long divisor,
        final Set<String> takenElsewhere) {
        Objects.requireNonNull(value, "value supplier");
        Checks.nonBlank(help, "help");
        final String base = checkedName(name, counter);
        final Labels labelSet = checkedLabels(name, labels);
        final Family existing = families.get(base);
        final Family family = existing != null ? existing
            : new Family(base, help, counter, Set.copyOf(labels.keySet()));
        if (existing != null) {
            existing.checkCompatible(name, help, counter, labels.keySet(), labelSet);
        } else if (MetricNames.ALL.stream().anyMatch(n -> baseName(n).equals(base)) || takenElsewhere.contains(base)) {
            throw new IllegalArgumentException("metric '" + name + "' is already exposed by this registry (a GenOps "
                + "or JVM series); choose another name");
        }
        final Series series = new Series(labelSet, value, divisor);
        try {
            family.snapshot(List.of(series), (s, isCounter) -> 0.0);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("metric '" + name + "' is refused by the Prometheus client: "
                + e.getMessage(), e);
        }
        family.series.add(series);
        families.putIfAbsent(base, family);
    }

    /** Whether a series of {@code name} with exactly {@code labels} is registered. */
    public synchronized boolean has(final String name, final Map<String, String> labels) {
        final Family family = families.get(baseName(name));
        if (family == null) {
            return false;
        }
        final Labels labelSet = checkedLabels(name, labels);
        return family.series.stream().anyMatch(series -> series.labels.equals(labelSet));
    }

    /** Whether a budget source is set. */
    public synchronized boolean hasBudgets() {
        return budgets != null;
    }

    /** Sets where budget readings come from; only once. */
    public synchronized void budgets(final Supplier<? extends Iterable<BudgetReading>> source) {
        Objects.requireNonNull(source, "budget source");
        if (budgets != null) {
            throw new IllegalStateException("a budget source is already set; combine the readings in one source");
        }
        budgets = source;
    }

    @Override
    public MetricSnapshots collect() {
        final MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (final Family family : families.values()) {
            out.metricSnapshot(family.snapshot(family.series, this::read));
        }
        final Supplier<? extends Iterable<BudgetReading>> source = budgets;
        if (source != null) {
            collectBudgets(source, out);
        }
        return out.build();
    }

    /** The series' value, or NaN when its supplier threw or a counter answered a negative count. */
    private double read(final Series series, final boolean counter) {
        final long value;
        try {
            value = series.value.getAsLong();
        } catch (final RuntimeException e) {
            failures.inc();
            warning.warn("A metric callback threw; its series is left out of this scrape", e);
            return Double.NaN;
        }
        if (counter && value < 0) {
            failures.inc();
            warning.warn("A counter callback answered a negative count (" + value + "); its series is left out "
                + "of this scrape", null);
            return Double.NaN;
        }
        return value / (double)series.divisor;
    }

    private void collectBudgets(final Supplier<? extends Iterable<BudgetReading>> source,
        final MetricSnapshots.Builder out) {
        final GaugeSnapshot.Builder consumed = GaugeSnapshot.builder().name(MetricNames.BUDGET_CONSUMED_USD)
            .help("Spend in the budget's current window, in USD");
        final GaugeSnapshot.Builder allocated = GaugeSnapshot.builder().name(MetricNames.BUDGET_ALLOCATED_USD)
            .help("The budget's limit in USD; 0 when it has none");
        final GaugeSnapshot.Builder ratio = GaugeSnapshot.builder().name(MetricNames.BUDGET_UTILIZATION)
            .help("Spend divided by the limit (1 = fully spent); absent for budgets without a limit");
        final Set<Labels> seen = new HashSet<>();
        try {
            for (final BudgetReading reading : source.get()) {
                final Labels labels = Labels.of("scope", reading.scope(), "window", reading.window());
                if (seen.size() >= MAX_BUDGETS) {
                    budgetsFolded.inc();
                } else if (seen.add(labels)) {
                    consumed.dataPoint(gauge(labels, reading.consumedNanos() / NANOS_PER_USD));
                    allocated.dataPoint(gauge(labels, reading.allocatedNanos() / NANOS_PER_USD));
                    if (reading.allocatedNanos() > 0) {
                        ratio.dataPoint(gauge(labels, reading.consumedNanos() / (double)reading.allocatedNanos()));
                    }
                }
            }
        } catch (final RuntimeException e) {
            failures.inc();
            warning.warn("The budget source threw; budget series are left out of this scrape", e);
            return;
        }
        out.metricSnapshot(consumed.build()).metricSnapshot(allocated.build()).metricSnapshot(ratio.build());
    }

    private static GaugeDataPointSnapshot gauge(final Labels labels, final double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static String checkedName(final String name, final boolean counter) {
        Checks.nonBlank(name, "metric name");
        if (!PrometheusNaming.isValidLegacyMetricName(name)) {
            throw new IllegalArgumentException("metric name '" + name + "' must match [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
        if (counter && (!name.endsWith(TOTAL) || name.length() == TOTAL.length())) {
            throw new IllegalArgumentException("counter name '" + name + "' must end in _total");
        }
        if (!counter && GAUGE_SUFFIXES.stream().anyMatch(name::endsWith)) {
            throw new IllegalArgumentException("gauge name '" + name + "' must not end in any of " + GAUGE_SUFFIXES);
        }
        return baseName(name);
    }

    private static Labels checkedLabels(final String name, final Map<String, String> labels) {
        Objects.requireNonNull(labels, "labels");
        final String[] names = new String[labels.size()];
        final String[] values = new String[labels.size()];
        int i = 0;
        for (final Map.Entry<String, String> label : labels.entrySet()) {
            if (!PrometheusNaming.isValidLegacyLabelName(label.getKey()) || label.getKey().startsWith("__")) {
                throw new IllegalArgumentException("metric '" + name + "' label name '" + label.getKey()
                    + "' must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __");
            }
            names[i] = label.getKey();
            values[i++] = Objects.requireNonNull(label.getValue(), "metric '" + name + "' label '"
                + label.getKey() + "' value");
        }
        return Labels.of(names, values);
    }

    private record Series(Labels labels, LongSupplier value, long divisor) {
    }

    private interface Reader {
        double read(Series series, boolean counter);
    }

    private static final class Family {
        private final String base;
        private final String help;
        private final boolean counter;
        private final Set<String> labelNames;
        private final List<Series> series = new CopyOnWriteArrayList<>();

        Family(final String base, final String help, final boolean counter, final Set<String> labelNames) {
            this.base = base;
            this.help = help;
            this.counter = counter;
            this.labelNames = labelNames;
        }

        void checkCompatible(final String name, final String otherHelp, final boolean otherCounter,
            final Set<String> otherLabelNames, final Labels labels) {
            if (counter != otherCounter || !help.equals(otherHelp) || !labelNames.equals(otherLabelNames)) {
                throw new IllegalArgumentException("metric '" + name + "' is already registered as a "
                    + (counter ? "counter" : "gauge") + " with label names " + labelNames + " and help '" + help
                    + "'; a further series must agree");
            }
            if (series.stream().anyMatch(s -> s.labels.equals(labels))) {
                throw new IllegalArgumentException("metric '" + name + "' already has a series with labels "
                    + labels);
            }
        }

        MetricSnapshot snapshot(final List<Series> of, final Reader reader) {
            if (counter) {
                final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(base).help(help);
                for (final Series s : of) {
                    final double value = reader.read(s, true);
                    if (!Double.isNaN(value)) {
                        builder.dataPoint(CounterDataPointSnapshot.builder().labels(s.labels).value(value).build());
                    }
                }
                return builder.build();
            }
            final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(base).help(help);
            for (final Series s : of) {
                final double value = reader.read(s, false);
                if (!Double.isNaN(value)) {
                    builder.dataPoint(GaugeDataPointSnapshot.builder().labels(s.labels).value(value).build());
                }
            }
            return builder.build();
        }
    }
}
