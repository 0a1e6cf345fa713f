package io.genops.pipeline.internal;

import io.genops.core.export.BudgetReading;
import io.genops.core.export.CallTimings;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.export.PipelineReadings;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.export.ExporterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline's own figures for its exporters, read straight from its counters rather than through a
 * whole {@code PipelineMetrics} snapshot, since a scrape reads a dozen of them. Until the pipeline has
 * built its ring, stages and export runners (an exporter may be scraped while it is being built) every
 * count reads 0 and the lists are empty; the readings go live before any exporter is attached.
 */
final class Readings implements PipelineReadings {
    private final Pipeline pipeline;
    private volatile boolean started;

    Readings(final Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    void started() {
        started = true;
    }

    @Override
    public long count(final PipelineCount count) {
        return started ? pipeline.count(count) : 0;
    }

    @Override
    public List<ExporterReading> exporters() {
        if (!started) {
            return List.of();
        }
        final List<ExporterStatus> statuses = pipeline.exporterStatuses();
        final List<ExporterReading> readings = new ArrayList<>(statuses.size());
        for (final ExporterStatus s : statuses) {
            readings.add(new ExporterReading(s.name(), s.exported(), s.failedEvents(), s.retries(), s.lagRecords(),
                s.lagMillis(), s.restarts()));
        }
        return readings;
    }

    @Override
    public void onCallTimings(final CallTimings timings) {
        pipeline.timers().add(Objects.requireNonNull(timings, "timings"));
    }

    @Override
    public List<BudgetReading> budgets() {
        if (!started) {
            return List.of();
        }
        final List<BudgetStatus> statuses = pipeline.budgets().statuses(pipeline.settings().clock().millis());
        final List<BudgetReading> readings = new ArrayList<>(statuses.size());
        for (final BudgetStatus s : statuses) {
            readings.add(new BudgetReading(s.scope(), s.window(), s.consumed().nanos(), s.allocated().nanos()));
        }
        return readings;
    }
}
