package io.genops.exporters.otlp.internal;

import io.genops.core.Checks;
import io.genops.core.event.EventView;
import io.genops.core.money.Money;
import io.genops.exporters.internal.http.FailureLog;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.HistogramData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cumulative metrics of every event the exporter is given, sampled or not, collected as OTLP metric
 * data on demand. Each distinct {@link SeriesKey} is one series, up to {@code maxSeries}; events past
 * the limit go to one overflow series marked {@code otel.metric.overflow=true}, as the OpenTelemetry
 * SDK does, so totals stay right while the number of series stays bounded.
 *
 * <p>{@link #record} and {@link #collect} run on the runner's thread only; {@link #gauge} may be called
 * from any thread.
 */
public final class EventMetrics {
    public static final String EVENTS = "genops.events";
    public static final String COST = "genops.cost";
    public static final String COST_NANOS = "genops.cost.nanos";
    public static final String TOKENS = "genops.tokens";
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    /** Names a gauge cannot take: the event metrics' and the pipeline figures'. */
    private static final Set<String> BUILT_IN = Stream.concat(Stream.of(EVENTS, COST, COST_NANOS, TOKENS,
        TOKEN_USAGE, OPERATION_DURATION), PipelineFigures.NAMES.stream()).collect(Collectors.toUnmodifiableSet());
    /** OpenTelemetry's rule for instrument names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_./-]{0,254}");
    private static final double NANOS_PER_USD = Money.NANOS_PER_UNIT;

    private final Telemetry telemetry;
    private final int maxSeries;
    private final long startEpochNanos;
    private final FailureLog gaugeFailures;
    private final Map<SeriesKey, Series> series = new HashMap<>();
    private final SeriesKey probe = new SeriesKey();
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private Series overflow;

    public EventMetrics(final Telemetry telemetry, final int maxSeries, final long startEpochNanos,
        final FailureLog gaugeFailures) {
        this.telemetry = telemetry;
        this.maxSeries = maxSeries;
        this.startEpochNanos = startEpochNanos;
        this.gaugeFailures = gaugeFailures;
    }

    public void record(final EventView event) {
        probe.of(event);
        Series target = series.get(probe);
        if (target == null) {
            if (series.size() < maxSeries) {
                target = new Series(probe.attributes());
                series.put(probe.copy(), target);
            } else {
                if (overflow == null) {
                    overflow = new Series(Attributes.of(Keys.METRIC_OVERFLOW, true));
                }
                target = overflow;
                overflowed.incrementAndGet();
            }
        }
        target.record(event);
        recorded.incrementAndGet();
    }

    /** Events recorded so far. */
    public long recorded() {
        return recorded.get();
    }

    /** Events recorded in the overflow series. */
    public long overflowed() {
        return overflowed.get();
    }

    /**
     * Registers a gauge read at every collection, for a figure the application keeps itself; a supplier
     * that throws is skipped for that collection and warned about.
     *
     * @throws IllegalArgumentException when the name breaks OpenTelemetry's instrument name rule or is
     *     taken by a built-in metric, a pipeline figure or an earlier gauge
     */
    public synchronized void gauge(final String name, final String description, final String unit,
        final LongSupplier supplier) {
        Checks.nonBlank(name, "gauge name");
        Objects.requireNonNull(supplier, "gauge '" + name + "' supplier");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("gauge name '" + name + "' must start with a letter and hold only "
                + "letters, digits, '_', '.', '-' and '/', at most 255 characters");
        }
        if (BUILT_IN.contains(name) || gauges.stream().anyMatch(gauge -> gauge.name.equals(name))) {
            throw new IllegalArgumentException("gauge name '" + name + "' is already taken");
        }
        gauges.add(new Gauge(name, description == null ? "" : description, unit == null ? "" : unit, supplier));
    }

    /** Whether a collection would hold anything. */
    public boolean isEmpty() {
        return series.isEmpty() && overflow == null && gauges.isEmpty();
    }

    /** The cumulative state as OTLP metric data, stamped {@code epochNanos}; metrics without points are left out. */
    public List<MetricData> collect(final long epochNanos) {
        final List<Series> all = new ArrayList<>(series.values());
        if (overflow != null) {
            all.add(overflow);
        }
        final List<MetricData> metrics = new ArrayList<>();
        addLongSum(metrics, EVENTS, "Events accepted by the pipeline, sampled or not", "{event}", all,
            s -> List.of(longPoint(epochNanos, s.attributes, s.events)));
        addDoubleSum(metrics, COST, "Cost of the events in USD (display; genops.cost.nanos is exact)", "{USD}", all,
            s -> List.of(DoublePointData.create(startEpochNanos, epochNanos, s.attributes,
                s.costNanos / NANOS_PER_USD, List.of())));
        addLongSum(metrics, COST_NANOS, "Exact cost of the events in USD nanos (1e-9 USD)", "{nUSD}", all,
            s -> List.of(longPoint(epochNanos, s.attributes, s.costNanos)));
        addLongSum(metrics, TOKENS, "Tokens of interactions by genops.token.type", "{token}", all,
            s -> tokenPoints(s, epochNanos));
        addHistogram(metrics, TOKEN_USAGE, "Input and output tokens per interaction", "{token}", all,
            s -> usagePoints(s, epochNanos));
        addHistogram(metrics, OPERATION_DURATION, "Duration of interactions", "s", all,
            s -> s.duration.count() == 0 ? List.of()
                : List.of(s.duration.point(startEpochNanos, epochNanos, s.attributes)));
        addGauges(metrics, epochNanos);
        return metrics;
    }

    private LongPointData longPoint(final long epochNanos, final Attributes attributes, final long value) {
        return LongPointData.create(startEpochNanos, epochNanos, attributes, value);
    }

    private List<LongPointData> tokenPoints(final Series s, final long epochNanos) {
        final List<LongPointData> points = new ArrayList<>(Series.TOKEN_TYPES.length);
        for (int i = 0; i < Series.TOKEN_TYPES.length; i++) {
            if (s.tokens[i] > 0) {
                points.add(longPoint(epochNanos, s.tokenAttributes[i], s.tokens[i]));
            }
        }
        return points;
    }

    private List<HistogramPointData> usagePoints(final Series s, final long epochNanos) {
        final List<HistogramPointData> points = new ArrayList<>(2);
        if (s.inputUsage.count() > 0) {
            points.add(s.inputUsage.point(startEpochNanos, epochNanos, s.inputUsageAttributes));
        }
        if (s.outputUsage.count() > 0) {
            points.add(s.outputUsage.point(startEpochNanos, epochNanos, s.outputUsageAttributes));
        }
        return points;
    }

    private void addLongSum(final List<MetricData> metrics, final String name, final String description,
        final String unit, final List<Series> all, final Function<Series, List<LongPointData>> points) {
        final List<LongPointData> collected = new ArrayList<>();
        all.forEach(s -> collected.addAll(points.apply(s)));
        if (!collected.isEmpty()) {
            metrics.add(new EventMetric(telemetry, name, description, unit, MetricDataType.LONG_SUM,
                SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, collected)));
        }
    }

    private void addDoubleSum(final List<MetricData> metrics, final String name, final String description,
        final String unit, final List<Series> all, final Function<Series, List<DoublePointData>> points) {
        final List<DoublePointData> collected = new ArrayList<>();
        all.forEach(s -> collected.addAll(points.apply(s)));
        if (!collected.isEmpty()) {
            metrics.add(new EventMetric(telemetry, name, description, unit, MetricDataType.DOUBLE_SUM,
                SumData.createDoubleSumData(true, AggregationTemporality.CUMULATIVE, collected)));
        }
    }

    private void addHistogram(final List<MetricData> metrics, final String name, final String description,
        final String unit, final List<Series> all, final Function<Series, List<HistogramPointData>> points) {
        final List<HistogramPointData> collected = new ArrayList<>();
        all.forEach(s -> collected.addAll(points.apply(s)));
        if (!collected.isEmpty()) {
            metrics.add(new EventMetric(telemetry, name, description, unit, MetricDataType.HISTOGRAM,
                HistogramData.create(AggregationTemporality.CUMULATIVE, collected)));
        }
    }

    private void addGauges(final List<MetricData> metrics, final long epochNanos) {
        for (final Gauge gauge : gauges) {
            final long value;
            try {
                value = gauge.supplier.getAsLong();
            } catch (final RuntimeException e) {
                gaugeFailures.failed("OTLP exporter: gauge '" + gauge.name + "' could not be read ("
                    + e.getClass().getSimpleName() + ")");
                continue;
            }
            metrics.add(new EventMetric(telemetry, gauge.name, gauge.description, gauge.unit,
                MetricDataType.LONG_GAUGE, GaugeData.createLongGaugeData(
                    List.of(LongPointData.create(startEpochNanos, epochNanos, Attributes.empty(), value)))));
        }
    }

    /** A registered gauge. */
    private record Gauge(String name, String description, String unit, LongSupplier supplier) {
    }
}
