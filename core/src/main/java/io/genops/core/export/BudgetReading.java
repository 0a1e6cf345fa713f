package io.genops.core.export;

import io.genops.core.Checks;

/**
 * One budget's state at the time it is read. A journal record carries only the budget its event was
 * charged to that was closest to its limit, as it stood then ({@link io.genops.core.event.EventView#budgetName()}),
 * so exporters that report every budget's current state read it from the running pipeline through
 * {@link PipelineReadings#budgets()}.
 *
 * @param scope          what the budget covers, such as {@code team=support}
 * @param window         the window's kind, such as {@code daily}
 * @param consumedNanos  the spend so far in the window, in USD nanodollars, never negative
 * @param allocatedNanos the limit in USD nanodollars; zero when the scope has none (then no utilization
 *                       is reported)
 */
public record BudgetReading(String scope, String window, long consumedNanos, long allocatedNanos) {
    public BudgetReading {
        Checks.nonBlank(scope, "scope");
        Checks.nonBlank(window, "window");
        Checks.nonNegative(consumedNanos, "consumedNanos");
        Checks.nonNegative(allocatedNanos, "allocatedNanos");
    }
}
