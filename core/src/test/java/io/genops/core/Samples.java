package io.genops.core;

import java.util.SplittableRandom;

/**
 * Reproducible random inputs for property checks written as plain JUnit tests: a fixed seed (change it
 * with {@code -Dgenops.test.seed=...} to explore), and one draw in eight taken from the edge values
 * where fixed-point arithmetic goes wrong. A failing check reports its seed and run.
 */
public final class Samples {
    /** Runs per property; enough to hit every edge value many times and still finish in milliseconds. */
    public static final int RUNS = 20_000;
    public static final long SEED = Long.getLong("genops.test.seed", 20_261_203L);

    private static final long[] EDGES = {
        0, 1, -1, 2, -2, 499, 500, 501, 999, 1000, 1001, 1_000_000_000L, -1_000_000_000L,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2,
        1L << 32, -(1L << 32), (1L << 62) + 1, -(1L << 62) - 1,
    };

    private final SplittableRandom random = new SplittableRandom(SEED);

    /** Any {@code long}, spread over every magnitude rather than clustered near the extremes. */
    public long anyLong() {
        if (random.nextInt(8) == 0) {
            return EDGES[random.nextInt(EDGES.length)];
        }
        return random.nextLong() >> random.nextInt(64);
    }

    /** A {@code long} in {@code [1, Long.MAX_VALUE]}. */
    public long positiveLong() {
        final long value = Math.abs(anyLong());
        return value <= 0 ? 1 : value;
    }

    /** A {@code long} in {@code [min, max]}, with the bounds themselves drawn often. */
    public long between(final long min, final long max) {
        switch (random.nextInt(16)) {
            case 0:
                return min;
            case 1:
                return max;
            default:
                return random.nextLong(min, max == Long.MAX_VALUE ? max : max + 1);
        }
    }

    /** Describes a failing run so that it can be replayed. */
    public static String run(final int run) {
        return "run " + run + " of seed " + SEED;
    }
}
