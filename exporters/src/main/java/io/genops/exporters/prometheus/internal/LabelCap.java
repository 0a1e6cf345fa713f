package io.genops.exporters.prometheus.internal;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.HashSet;
import java.util.Set;

/**
 * Bounds the distinct values one label may take, so that no caller-supplied string (a team, a model,
 * an agent) can grow the series count without end. The first {@code max} distinct values keep their
 * own series; any later value is reported as {@value #OTHER}, and each folded use is counted.
 *
 * <p>Admitted values are never evicted: a series that disappeared and came back would read, to
 * Prometheus, as a counter reset, and its history would split in two. A value longer than
 * {@value #MAX_VALUE_LENGTH} characters is folded too, whatever the count, and a missing or blank one
 * reads {@value #NONE}. A real value that happens to be {@code "other"} or {@code "none"} shares those
 * series.
 *
 * <p>Not thread-safe: only the export runner's thread resolves values.
 */
public final class LabelCap {
    public static final String OTHER = "other";
    public static final String NONE = "none";
    public static final int MAX_VALUE_LENGTH = 128;

    private final int max;
    private final Set<String> admitted = new HashSet<>();
    private final CounterDataPoint folded;

    /**
     * @param max    distinct values kept, at least 1
     * @param folded counts each value reported as {@value #OTHER}
     */
    public LabelCap(final int max, final CounterDataPoint folded) {
        this.max = max;
        this.folded = folded;
    }

    /** The label value to report for {@code value}. */
    public String resolve(final String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (admitted.contains(value)) {
            return value;
        }
        if (admitted.size() < max && value.length() <= MAX_VALUE_LENGTH) {
            admitted.add(value);
            return value;
        }
        folded.inc();
        return OTHER;
    }
}
