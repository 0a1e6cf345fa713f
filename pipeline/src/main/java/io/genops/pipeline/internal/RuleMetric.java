package io.genops.pipeline.internal;

import io.genops.core.event.Condition;

/**
 * What a condition's metric name reads, resolved once when a rule is registered so that evaluation
 * switches on an ordinal instead of comparing strings. Names the pipeline does not define are
 * {@link #NAMED}: a signal of that name, or an interaction's performance figure of that name.
 */
enum RuleMetric {
    LATENCY_MS(true, true, false),
    TOTAL_TOKENS(true, true, false),
    COST_USD(true, true, false),
    NAMED(true, true, false),
    SIGNAL_OVER_THRESHOLD(false, true, false),
    BUDGET_UTILIZATION(true, true, false),
    COST_PER_MINUTE(true, true, true),
    COST_PER_HOUR(true, true, true),
    LATENCY_P50(true, false, true),
    LATENCY_P95(true, false, true),
    LATENCY_P99(true, false, true),
    ERROR_RATE(true, false, true),
    REJECTION_RATE(true, true, true);

    /** Whether interactions can make a condition on this metric hold (or feed its window). */
    final boolean onInteractions;
    /** Whether signals can make a condition on this metric hold (or feed its window). */
    final boolean onSignals;
    /** Whether the metric is an aggregate over the rule's window. */
    final boolean windowed;

    RuleMetric(final boolean onInteractions, final boolean onSignals, final boolean windowed) {
        this.onInteractions = onInteractions;
        this.onSignals = onSignals;
        this.windowed = windowed;
    }

    static RuleMetric of(final String metric) {
        switch (metric) {
            case Condition.LATENCY_MS:
                return LATENCY_MS;
            case Condition.TOTAL_TOKENS:
                return TOTAL_TOKENS;
            case Condition.COST_USD:
                return COST_USD;
            case Condition.SIGNAL_OVER_THRESHOLD:
                return SIGNAL_OVER_THRESHOLD;
            case Condition.BUDGET_UTILIZATION_PERCENT:
                return BUDGET_UTILIZATION;
            case Condition.COST_USD_PER_MINUTE:
                return COST_PER_MINUTE;
            case Condition.COST_USD_PER_HOUR:
                return COST_PER_HOUR;
            case Condition.LATENCY_MS_P50:
                return LATENCY_P50;
            case Condition.LATENCY_MS_P95:
                return LATENCY_P95;
            case Condition.LATENCY_MS_P99:
                return LATENCY_P99;
            case Condition.ERROR_RATE:
                return ERROR_RATE;
            case Condition.REJECTION_RATE:
                return REJECTION_RATE;
            default:
                return NAMED;
        }
    }

    /** The percentile a latency metric reads, in (0, 1]; NaN for other metrics. */
    double quantile() {
        switch (this) {
            case LATENCY_P50:
                return 0.50;
            case LATENCY_P95:
                return 0.95;
            case LATENCY_P99:
                return 0.99;
            default:
                return Double.NaN;
        }
    }
}
