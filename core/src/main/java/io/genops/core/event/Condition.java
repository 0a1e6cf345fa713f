package io.genops.core.event;

import io.genops.core.Checks;
import java.util.Objects;

/**
 * One test of an alert rule: a metric, a comparator and a threshold, as in {@code latency_ms > 2000}.
 *
 * <p>The metric names a performance signal (its value), a numeric performance figure carried by an
 * interaction, or one of the interaction's own figures: {@value #LATENCY_MS}, {@value #TOTAL_TOKENS},
 * {@value #COST_USD}.
 */
public final class Condition {
    public static final String LATENCY_MS = "latency_ms";
    public static final String TOTAL_TOKENS = "total_tokens";
    public static final String COST_USD = "cost_usd";

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
