package io.genops.core.event;

import io.genops.core.Checks;
import java.util.Objects;

/**
 * One test of an alert rule: a metric, a comparator and a threshold, as in {@code latency_ms > 2000}.
 *
 * <p>Metrics read from one event at a time:
 * <ul>
 *   <li>one of the interaction's own figures: {@value #LATENCY_MS}, {@value #TOTAL_TOKENS},
 *       {@value #COST_USD};</li>
 *   <li>{@value #SIGNAL_OVER_THRESHOLD}: a signal's value minus the threshold the signal carries
 *       ({@code signal_over_threshold > 0} holds when the value exceeds it; a signal without a threshold
 *       holds nothing);</li>
 *   <li>{@value #BUDGET_UTILIZATION_PERCENT}: the highest utilization, in percent of the limit, of the
 *       budgets the event is charged to in their current windows;</li>
 *   <li>any other name: a performance signal of that name (its value), or a numeric performance figure
 *       of that name carried by an interaction.</li>
 * </ul>
 *
 * <p>Metrics over the rule's window, kept per scope key (see {@link #windowed()}):
 * {@value #COST_USD_PER_MINUTE} and {@value #COST_USD_PER_HOUR} (the spend of interactions and signals
 * in the window divided by its length), {@value #LATENCY_MS_P50}, {@value #LATENCY_MS_P95} and
 * {@value #LATENCY_MS_P99} (nearest-rank percentiles of interaction latency), {@value #ERROR_RATE}
 * (interactions with an error over interactions) and {@value #REJECTION_RATE} (calls refused by an
 * enforced budget over those calls plus accepted interactions and signals; global scope only).
 */
public final class Condition {
    public static final String LATENCY_MS = "latency_ms";
    public static final String TOTAL_TOKENS = "total_tokens";
    public static final String COST_USD = "cost_usd";
    public static final String SIGNAL_OVER_THRESHOLD = "signal_over_threshold";
    public static final String BUDGET_UTILIZATION_PERCENT = "budget_utilization_percent";
    public static final String COST_USD_PER_MINUTE = "cost_usd_per_minute";
    public static final String COST_USD_PER_HOUR = "cost_usd_per_hour";
    public static final String LATENCY_MS_P50 = "latency_ms_p50";
    public static final String LATENCY_MS_P95 = "latency_ms_p95";
    public static final String LATENCY_MS_P99 = "latency_ms_p99";
    public static final String ERROR_RATE = "error_rate";
    public static final String REJECTION_RATE = "rejection_rate";

    private final String metric;
    private final Comparator comparator;
    private final double threshold;

    private Condition(final String metric, final Comparator comparator, final double threshold) {
        this.metric = Checks.nonBlank(metric, "condition metric");
        this.comparator = Objects.requireNonNull(comparator, "condition comparator");
        this.threshold = Checks.finite(threshold, "condition threshold");
    }

    public static Condition of(final String metric, final Comparator comparator, final double threshold) {
        return new Condition(metric, comparator, threshold);
    }

    /** Parses {@code "metric op threshold"}, such as {@code "error_rate >= 0.05"}. */
    public static Condition parse(final String text) {
        Objects.requireNonNull(text, "condition");
        final String[] parts = text.trim().split("\\s+");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                "condition '" + text + "' must read 'metric comparator threshold', e.g. 'latency_ms > 2000'");
        }
        final double threshold;
        try {
            threshold = Double.parseDouble(parts[2]);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("condition '" + text + "' has a threshold that is not a number", e);
        }
        return new Condition(parts[0], Comparator.parse(parts[1]), threshold);
    }

    public String metric() {
        return metric;
    }

    public Comparator comparator() {
        return comparator;
    }

    public double threshold() {
        return threshold;
    }

    public boolean test(final double observed) {
        return comparator.test(observed, threshold);
    }

    /** Whether the metric is an aggregate over the rule's window rather than a figure of one event. */
    public boolean windowed() {
        switch (metric) {
            case COST_USD_PER_MINUTE:
            case COST_USD_PER_HOUR:
            case LATENCY_MS_P50:
            case LATENCY_MS_P95:
            case LATENCY_MS_P99:
            case ERROR_RATE:
            case REJECTION_RATE:
                return true;
            default:
                return false;
        }
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof Condition)) {
            return false;
        }
        final Condition other = (Condition)o;
        return metric.equals(other.metric) && comparator == other.comparator
            && Double.compare(threshold, other.threshold) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, comparator, threshold);
    }

    @Override
    public String toString() {
        return metric + ' ' + comparator.symbol() + ' ' + threshold;
    }
}
