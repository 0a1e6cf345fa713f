package io.genops.pipeline;

import io.genops.core.money.Money;

/**
 * One agent group's counts, in {@link PipelineMetrics#groups()}.
 *
 * @param events   accepted events of the group that have passed the sampling stage
 * @param exported those of them marked for export
 * @param refused  calls of the group refused by an enforced budget or rate limit
 * @param cost     the cost of the group's events so far
 */
public record GroupMetrics(long events, long exported, long refused, Money cost) {
}
