package io.genops.core.export;

import java.util.List;

/**
 * What a running pipeline tells its exporters about itself: its own counts, every exporter's progress
 * and the budgets' states, none of which the journal's records carry. A pipeline hands one to each
 * exporter through {@link Exporter#attach}; exporters read it when they report (at a scrape, at a metric
 * export), from any thread. Every call reads the current figures and never waits on the pipeline's
 * threads.
 */
public interface PipelineReadings {
    /** The current value of {@code count}. */
    long count(PipelineCount count);

    /** Every exporter of the pipeline, in the order they were added; their names do not change. */
    List<ExporterReading> exporters();

    /** Every budget with a limit or spending in its current window. */
    List<BudgetReading> budgets();

    /** Reports a sample of the callers' call times to {@code timings} from now on (see {@link CallTimings}). */
    void onCallTimings(CallTimings timings);
}
