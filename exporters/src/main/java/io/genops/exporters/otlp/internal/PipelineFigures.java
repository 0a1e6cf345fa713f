package io.genops.exporters.otlp.internal;

import io.genops.core.export.BudgetReading;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.export.PipelineReadings;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The running pipeline's own figures as OTLP metrics, read from its {@link PipelineReadings} at each
 * metric export: what the journal's records cannot tell (events dropped or refused before they were
 * journaled, budgets, how far each exporter is behind).
 * <ul>
 *   <li>{@value #DROPPED} (sum, {@code {event}}): events refused because the ring was full;</li>
 *   <li>{@value #REJECTED} (sum, {@code {event}}) by {@code genops.rejection.reason} {@code budget},
 *       {@code rate_limit} or {@code invalid};</li>
 *   <li>{@value #BUDGET_UTILIZATION} (gauge, {@code 1}): spend over limit by {@code genops.budget.scope}
 *       and {@code genops.budget.window}, for budgets with a limit, at most {@value #MAX_BUDGETS} (the
 *       exporter warns about any left out);</li>
 *   <li>{@value #EXPORT_LAG} (gauge, {@code {record}}) and {@value #EXPORT_DELAY} (gauge, {@code s}) by
 *       {@code genops.exporter}: journal records an exporter has not settled, and the age of the oldest
 *       of them; {@value #EXPORT_RESTARTS} (sum, {@code {restart}}) by {@code genops.exporter}: times its
 *       runner started over after an error that escaped a run.</li>
 * </ul>
 */
public final class PipelineFigures {
    public static final String DROPPED = "genops.pipeline.events.dropped";
    public static final String REJECTED = "genops.pipeline.events.rejected";
    public static final String BUDGET_UTILIZATION = "genops.budget.utilization";
    public static final String EXPORT_LAG = "genops.export.lag";
    public static final String EXPORT_DELAY = "genops.export.delay";
    public static final String EXPORT_RESTARTS = "genops.export.restarts";
    static final Set<String> NAMES = Set.of(DROPPED, REJECTED, BUDGET_UTILIZATION, EXPORT_LAG, EXPORT_DELAY);
    public static final int MAX_BUDGETS = 1000;
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("genops.rejection.reason");
    private static final AttributeKey<String> SCOPE = AttributeKey.stringKey("genops.budget.scope");
    private static final AttributeKey<String> WINDOW = AttributeKey.stringKey("genops.budget.window");
    private static final AttributeKey<String> EXPORTER = AttributeKey.stringKey("genops.exporter");
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final Telemetry telemetry;
    private final PipelineReadings pipeline;
    private final long startEpochNanos;
    private volatile int budgetsLeftOut;

    public PipelineFigures(final Telemetry telemetry, final PipelineReadings pipeline, final long startEpochNanos) {
        this.telemetry = telemetry;
        this.pipeline = pipeline;
        this.startEpochNanos = startEpochNanos;
    }

    /** Adds the figures as they are now, stamped {@code epochNanos}, to {@code metrics}. */
    public void collect(final List<MetricData> metrics, final long epochNanos) {
        metrics.add(sum(DROPPED, "Events refused because the ring was full", List.of(
            count(epochNanos, Attributes.empty(), PipelineCount.DROPPED))));
        metrics.add(sum(REJECTED, "Events refused at the call", List.of(
            count(epochNanos, Attributes.of(REASON, "budget"), PipelineCount.REJECTED_BUDGET),
            count(epochNanos, Attributes.of(REASON, "rate_limit"), PipelineCount.REJECTED_RATE_LIMITED),
            count(epochNanos, Attributes.of(REASON, "invalid"), PipelineCount.REJECTED_INVALID))));
        addBudgets(metrics, epochNanos);
        addExporters(metrics, epochNanos);
    }

    /** Budgets with a limit left out of the last collection, past the first {@value #MAX_BUDGETS}. */
    public int budgetsLeftOut() {
        return budgetsLeftOut;
    }

    private LongPointData count(final long epochNanos, final Attributes attributes, final PipelineCount count) {
        return LongPointData.create(startEpochNanos, epochNanos, attributes, pipeline.count(count));
    }

    private MetricData sum(final String name, final String description, final List<LongPointData> points) {
        return new EventMetric(telemetry, name, description, "{event}", MetricDataType.LONG_SUM,
            SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, points));
    }

    private void addBudgets(final List<MetricData> metrics, final long epochNanos) {
        final List<DoublePointData> points = new ArrayList<>();
        int leftOut = 0;
        for (final BudgetReading budget : pipeline.budgets()) {
            if (budget.allocatedNanos() <= 0) {
                continue;
            }
            if (points.size() == MAX_BUDGETS) {
                leftOut++;
                continue;
            }
            points.add(DoublePointData.create(startEpochNanos, epochNanos,
                Attributes.of(SCOPE, budget.scope(), WINDOW, budget.window()),
                (double)budget.consumedNanos() / budget.allocatedNanos(), List.of()));
        }
        budgetsLeftOut = leftOut;
        if (!points.isEmpty()) {
            metrics.add(new EventMetric(telemetry, BUDGET_UTILIZATION, "Budget spent over its limit, in the current "
                + "window", "1", MetricDataType.DOUBLE_GAUGE, GaugeData.createDoubleGaugeData(points)));
        }
    }

    private void addExporters(final List<MetricData> metrics, final long epochNanos) {
        final List<LongPointData> lag = new ArrayList<>();
        final List<DoublePointData> delay = new ArrayList<>();
        final List<LongPointData> restarts = new ArrayList<>();
        for (final ExporterReading exporter : pipeline.exporters()) {
            final Attributes attributes = Attributes.of(EXPORTER, exporter.name());
            lag.add(LongPointData.create(startEpochNanos, epochNanos, attributes, exporter.lagRecords()));
            restarts.add(LongPointData.create(startEpochNanos, epochNanos, attributes, exporter.restarts()));
            delay.add(DoublePointData.create(startEpochNanos, epochNanos, attributes,
                exporter.lagMillis() / MILLIS_PER_SECOND, List.of()));
        }
        if (!lag.isEmpty()) {
            metrics.add(new EventMetric(telemetry, EXPORT_LAG, "Journal records an exporter has not settled yet",
                "{record}", MetricDataType.LONG_GAUGE, GaugeData.createLongGaugeData(lag)));
            metrics.add(new EventMetric(telemetry, EXPORT_DELAY, "Age of the oldest journal record an exporter "
                + "has not settled yet; 0 when caught up", "s", MetricDataType.DOUBLE_GAUGE,
                GaugeData.createDoubleGaugeData(delay)));
            metrics.add(new EventMetric(telemetry, EXPORT_RESTARTS, "Times an exporter's runner started over after "
                + "an error that escaped a run", "{restart}", MetricDataType.LONG_SUM,
                SumData.createLongSumData(true, AggregationTemporality.CUMULATIVE, restarts)));
        }
    }
}
