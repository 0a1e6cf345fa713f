package io.genops.exporters.otlp.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import java.util.ArrayList;
import java.util.List;

/**
 * A cumulative explicit-bucket histogram: bucket {@code i} counts values in
 * {@code (bounds[i-1], bounds[i]]}, the last one everything above the last bound, as OpenTelemetry
 * defines it. Keeps count, sum, min and max.
 */
final class Buckets {
    /** The GenAI conventions' advice for {@code gen_ai.client.operation.duration}, in seconds. */
    static final List<Double> DURATION_SECONDS = List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12,
        10.24, 20.48, 40.96, 81.92);
    /** The GenAI conventions' advice for {@code gen_ai.client.token.usage}: powers of 4 from 1 to 4^13. */
    static final List<Double> TOKENS = List.of(1d, 4d, 16d, 64d, 256d, 1024d, 4096d, 16384d, 65536d, 262144d,
        1048576d, 4194304d, 16777216d, 67108864d);

    private final List<Double> boundaries;
    private final double[] bounds;
    private final long[] counts;
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    Buckets(final List<Double> boundaries) {
        this.boundaries = boundaries;
        this.bounds = boundaries.stream().mapToDouble(Double::doubleValue).toArray();
        this.counts = new long[bounds.length + 1];
    }

    void record(final double value) {
        int bucket = 0;
        while (bucket < bounds.length && value > bounds[bucket]) {
            bucket++;
        }
        counts[bucket]++;
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    long count() {
        return count;
    }

    HistogramPointData point(final long startEpochNanos, final long epochNanos, final Attributes attributes) {
        final List<Long> bucketCounts = new ArrayList<>(counts.length);
        for (final long bucketCount : counts) {
            bucketCounts.add(bucketCount);
        }
        return HistogramPointData.create(startEpochNanos, epochNanos, attributes, sum, count > 0, min, count > 0, max,
            boundaries, bucketCounts);
    }
}
