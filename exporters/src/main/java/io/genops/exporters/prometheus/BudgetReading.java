package io.genops.exporters.prometheus;

import io.genops.core.Checks;

/**
 * One budget's state as the application reads it, for {@link PrometheusExporter#budgets}: the journal's
 * records do not carry budget state, so the exporter asks for it at scrape time. With the pipeline's
 * {@code BudgetStatus}: {@code new BudgetReading(s.scope(), s.window(), s.consumed().nanos(),
 * s.allocated().nanos())}.
 *
 * @param scope          what the budget covers, such as {@code team=support}; the {@code scope} label
 * @param window         the window's kind, such as {@code daily}; the {@code window} label
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
