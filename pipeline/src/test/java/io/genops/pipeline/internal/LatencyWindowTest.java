package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {
    private static final long MINUTE = 60_000;
    private static final long START = 1_796_292_000_000L;

    @Test
    void percentile_ofSeededRandomLatencies_isWithinASixteenthOfTheExactNearestRank() {
        final SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 200; round++) {
            final LatencyWindow window = new LatencyWindow(MINUTE);
            final int count = 10 + random.nextInt(500);
            final long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                micros[i] = 1_100 + (long)Math.exp(random.nextDouble() * Math.log(500_000_000.0));
                window.record(window.advance(START + i), micros[i]);
            }
            Arrays.sort(micros);
            for (final double quantile : new double[] {0.5, 0.95, 0.99}) {
                final double exactMillis = micros[(int)Math.ceil(quantile * count) - 1] / 1000.0;
                assertThat(window.percentileMillis(quantile, 1)).isCloseTo(exactMillis, within(exactMillis / 16));
            }
        }
    }

    @Test
    void percentile_belowMinSamples_readsNaN() {
        final LatencyWindow window = new LatencyWindow(MINUTE);
        window.record(window.advance(START), 5_000);
        assertThat(window.percentileMillis(0.95, 2)).isNaN();
        assertThat(window.percentileMillis(0.95, 1)).isCloseTo(5.0, within(0.3));
    }

    @Test
    void advance_dropsSlotsAsTimeMovesOn_andKeepsLateEventsInTheirOwnSlot() {
        final LatencyWindow window = new LatencyWindow(8 * 1000);
        window.record(window.advance(START), 100_000);
        window.record(window.advance(START + 4_000), 200_000);
        window.record(window.advance(START + 3_000), 300_000);
        assertThat(window.samples()).isEqualTo(3);

        window.advance(START + 8_000);
        assertThat(window.samples()).as("the first second left the window").isEqualTo(2);
        assertThat(window.advance(START)).isEqualTo(RollingWindow.TOO_OLD);

        window.advance(START + 60_000);
        assertThat(window.samples()).isZero();
        assertThat(window.percentileMillis(0.5, 1)).isNaN();
    }

    @Test
    void binOf_coversTheRangeInOrder() {
        assertThat(LatencyWindow.binOf(0)).isZero();
        assertThat(LatencyWindow.binOf(1_023)).isZero();
        assertThat(LatencyWindow.binOf(1_024)).isEqualTo(1);
        assertThat(LatencyWindow.binOf((1L << 29) - 1)).isEqualTo(LatencyWindow.BINS - 2);
        assertThat(LatencyWindow.binOf(Long.MAX_VALUE)).isEqualTo(LatencyWindow.BINS - 1);
        int previous = 0;
        for (long micros = 1; micros < 1L << 30; micros += 1 + micros / 64) {
            final int bin = LatencyWindow.binOf(micros);
            assertThat(bin).isBetween(previous, previous + 1);
            previous = bin;
        }
    }
}
