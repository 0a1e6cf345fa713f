package io.genops.pipeline.internal;

/**
 * Interaction latencies over a {@link RollingWindow}, in a small fixed histogram of log-linear buckets,
 * so percentiles cost no allocation and a bounded amount of memory per rule and key.
 *
 * <p>Buckets, on latency in microseconds: one for everything under 1.024 ms; then each power of two
 * from 2^10 µs to 2^28 µs split into 8 equal buckets; one for 2^29 µs (about 8.9 minutes) and above:
 * {@value #BINS} buckets in all. A bucket reads as its midpoint, so a percentile is within 1/16
 * (6.25 %) of the true sample value between 1 ms and 9 minutes. Percentiles are nearest-rank: p95 of 40 samples
 * is the 38th smallest, so one outlier among 40 does not move it.
 *
 * <pre>
 *  bucket   0        1 .. 8          9 .. 16              145 .. 152          153
 *  µs     [0,1024) [1024,2048)/8  [2048,4096)/8   ...  [2^28,2^29)/8     [2^29, ∞)
 * </pre>
 *
 * <p>Memory: {@value RollingWindow#SLOTS} slots of {@value #BINS} {@code int} counts plus {@value #BINS}
 * {@code long} totals, about 6.2 KB per rule and key. Counts saturate at {@link Integer#MAX_VALUE} per
 * bucket and slot rather than wrap.
 */
final class LatencyWindow extends RollingWindow {
    static final int BINS = 154;
    private static final int SUB_BITS = 3;
    private static final int SUBS = 1 << SUB_BITS;
    private static final int MIN_EXPONENT = 10;
    private static final int MAX_EXPONENT = 28;
    private static final int OVER = BINS - 1;
    private static final double[] BIN_MILLIS = binMillis();

    private final int[] counts = new int[SLOTS * BINS];
    private final long[] totals = new long[BINS];
    private final long[] slotSamples = new long[SLOTS];
    private long samples;

    LatencyWindow(final long windowMillis) {
        super(windowMillis);
    }

    /** Counts one latency in {@code slot}, a slot {@link #advance} returned. */
    void record(final int slot, final long latencyMicros) {
        final int bin = binOf(latencyMicros);
        final int index = slot * BINS + bin;
        if (counts[index] != Integer.MAX_VALUE) {
            counts[index]++;
            totals[bin]++;
            slotSamples[slot]++;
            samples++;
        }
    }

    /** The {@code quantile} (in (0, 1]) of the window in milliseconds; NaN below {@code minSamples} samples. */
    double percentileMillis(final double quantile, final int minSamples) {
        if (samples < minSamples || samples == 0) {
            return Double.NaN;
        }
        final long rank = Math.max(1, (long)Math.ceil(quantile * samples));
        long seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += totals[bin];
            if (seen >= rank) {
                return BIN_MILLIS[bin];
            }
        }
        return BIN_MILLIS[OVER];
    }

    long samples() {
        return samples;
    }

    @Override
    void clear(final int slot) {
        final int base = slot * BINS;
        for (int bin = 0; bin < BINS; bin++) {
            totals[bin] -= counts[base + bin];
            counts[base + bin] = 0;
        }
        samples -= slotSamples[slot];
        slotSamples[slot] = 0;
    }

    static int binOf(final long micros) {
        if (micros < 1L << MIN_EXPONENT) {
            return 0;
        }
        final int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent > MAX_EXPONENT) {
            return OVER;
        }
        final int sub = (int)(micros >>> (exponent - SUB_BITS)) & (SUBS - 1);
        return 1 + (exponent - MIN_EXPONENT) * SUBS + sub;
    }

    /** What each bucket reads as: its midpoint, or the lower bound of the last, open one. */
    private static double[] binMillis() {
        final double[] millis = new double[BINS];
        millis[0] = (1 << MIN_EXPONENT) / 2 / 1000.0;
        for (int exponent = MIN_EXPONENT; exponent <= MAX_EXPONENT; exponent++) {
            final double width = Math.scalb(1.0, exponent - SUB_BITS);
            for (int sub = 0; sub < SUBS; sub++) {
                millis[1 + (exponent - MIN_EXPONENT) * SUBS + sub] = (SUBS + sub + 0.5) * width / 1000.0;
            }
        }
        millis[OVER] = Math.scalb(1.0, MAX_EXPONENT + 1) / 1000.0;
        return millis;
    }
}
