package io.genops.exporters;

import io.genops.core.export.BudgetReading;
import io.genops.core.export.CallTimings;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.export.PipelineReadings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pipeline's figures set by the test, as an exporter reads them through {@link PipelineReadings}. */
public class FixedReadings implements PipelineReadings {
    public final Map<PipelineCount, Long> counts = new EnumMap<>(PipelineCount.class);
    public final List<ExporterReading> exporters = new CopyOnWriteArrayList<>();
    public final List<BudgetReading> budgets = new CopyOnWriteArrayList<>();
    /** The call timings an exporter asked for, to be fed by the test. */
    public final List<CallTimings> timings = new CopyOnWriteArrayList<>();

    @Override
    public synchronized long count(final PipelineCount count) {
        return counts.getOrDefault(count, 0L);
    }

    public synchronized FixedReadings set(final PipelineCount count, final long value) {
        counts.put(count, value);
        return this;
    }

    @Override
    public List<ExporterReading> exporters() {
        return List.copyOf(exporters);
    }

    @Override
    public List<BudgetReading> budgets() {
        return List.copyOf(budgets);
    }

    @Override
    public void onCallTimings(final CallTimings listener) {
        timings.add(listener);
    }
}
