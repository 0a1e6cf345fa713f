package io.genops.pipeline.internal;

import static io.genops.pipeline.internal.SamplingCounters.FIRST_EVENTS;
import static io.genops.pipeline.internal.SamplingCounters.HIGH_VARIANCE;
import static io.genops.pipeline.internal.SamplingCounters.STABLE;
import static io.genops.pipeline.internal.SamplingCounters.TRENDING_WORSE;
import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.pipeline.SamplingPolicy;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class AdaptiveSamplerTest {
    private static final double NO_THRESHOLD = Double.NaN;
    private static final long[] SEEDS = {11, 12, 13};

    @Test
    void observe_firstEvents_areClassedAsSuch_thenTheSeriesIsJudged() {
        final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().firstEvents(3).build());

        final int[] classes = new int[5];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = signal(sampler, "bot", 1.0);
        }

        assertThat(classes).containsExactly(FIRST_EVENTS, FIRST_EVENTS, FIRST_EVENTS, STABLE, STABLE);
    }

    @Test
    void observe_stableSeries_isStableAfterItsFirstEvents() {
        for (final long seed : SEEDS) {
            final SplittableRandom random = new SplittableRandom(seed);
            final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().build());
            final int[] counts = new int[4];
            for (int i = 0; i < 20_000; i++) {
                counts[signal(sampler, "bot", 0.9 + 0.01 * random.nextGaussian())]++;
            }

            assertThat(counts[FIRST_EVENTS]).as("seed %d", seed).isEqualTo(10);
            assertThat(counts[TRENDING_WORSE] + counts[HIGH_VARIANCE]).as("seed %d", seed).isLessThan(20);
        }
    }

    @Test
    void observe_noisySeries_hasHighVariance() {
        for (final long seed : SEEDS) {
            final SplittableRandom random = new SplittableRandom(seed);
            final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().build());
            final int[] counts = new int[4];
            for (int i = 0; i < 20_000; i++) {
                counts[signal(sampler, "bot", exponential(random, 100))]++;
            }

            assertThat(counts[HIGH_VARIANCE]).as("seed %d", seed).isGreaterThan(19_800);
            assertThat(counts[TRENDING_WORSE]).as("seed %d", seed).isLessThan(100);
        }
    }

    @Test
    void observe_risingLatency_trendsWorseWithinAFewEvents_untilItLevelsOff() {
        for (final long seed : SEEDS) {
            final SplittableRandom random = new SplittableRandom(seed);
            final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().build());
            for (int i = 0; i < 500; i++) {
                interaction(sampler, 100e6 + 2e6 * random.nextGaussian());
            }
            int firstWorse = -1;
            int worseAfter = 0;
            for (int i = 0; i < 500; i++) {
                final int keyClass = interaction(sampler, (100e6 + 1e6 * i) + 2e6 * random.nextGaussian());
                if (keyClass == TRENDING_WORSE && firstWorse < 0) {
                    firstWorse = i;
                }
                worseAfter += firstWorse >= 0 && keyClass == TRENDING_WORSE ? 1 : 0;
            }

            assertThat(firstWorse).as("seed %d: events into the rise before it is seen", seed).isBetween(0, 10);
            assertThat(worseAfter).as("seed %d", seed).isEqualTo(500 - firstWorse);
        }
    }

    @Test
    void observe_fallingLatency_isNotWorse() {
        final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().build());
        for (int i = 0; i < 500; i++) {
            assertThat(interaction(sampler, 600e6 - 1e6 * i)).as("event %d", i).isNotEqualTo(TRENDING_WORSE);
        }
    }

    @Test
    void observe_lowerIsWorseSignal_trendsWorseWhenFalling_notWhenRising() {
        final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().lowerIsWorse("quality").build());
        int fallingWorse = 0;
        int risingWorse = 0;
        for (int i = 0; i < 300; i++) {
            fallingWorse += signal(sampler, "bot-1", 0.9 - 0.002 * i) == TRENDING_WORSE ? 1 : 0;
            risingWorse += signal(sampler, "bot-2", 0.3 + 0.002 * i) == TRENDING_WORSE ? 1 : 0;
        }

        assertThat(fallingWorse).isGreaterThan(250);
        assertThat(risingWorse).isZero();
    }

    @Test
    void observe_signalCrossingItsThreshold_trendsWorseUntilTheLongAverageHasCrossedToo() {
        // Trend detection is switched off so that only the threshold rule can class the key as worse.
        final AdaptiveSampler sampler = sampler(SamplingPolicy.adaptive().trendSensitivity(100).minTrendChange(10)
            .build());
        for (int i = 0; i < 200; i++) {
            signal(sampler, "error_rate", "bot", 0.4, 0.5);
        }

        final int[] classes = new int[200];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = signal(sampler, "error_rate", "bot", 0.6, 0.5);
        }

        assertThat(classes[5]).as("the short average has crossed 0.5").isEqualTo(TRENDING_WORSE);
        assertThat(classes[20]).as("the long average has not").isEqualTo(TRENDING_WORSE);
        assertThat(classes[199]).as("both have crossed: the new level is stable").isEqualTo(STABLE);
    }

    @Test
    void observe_keys_areCountedAndEvictedPastMaxKeys() {
        final SamplingCounters counters = new SamplingCounters();
        final AdaptiveSampler sampler = new AdaptiveSampler(SamplingPolicy.adaptive().maxKeys(100).build(), counters);
        for (int i = 0; i < 1_000; i++) {
            assertThat(sampler.observe(EventKind.INTERACTION, null, "agent-" + i, 1, NO_THRESHOLD))
                .isEqualTo(FIRST_EVENTS);
        }

        assertThat(sampler.keysTracked()).isEqualTo(100);
        assertThat(counters.snapshot().keysTracked()).isEqualTo(100);
        assertThat(counters.snapshot().keysEvicted()).isEqualTo(900);
    }

    @Test
    void gapStandardError_matchesTheSpreadOfTheGapOverIndependentValues() {
        final double fastAlpha = AdaptiveSampler.alpha(4);
        final double slowAlpha = AdaptiveSampler.alpha(32);
        final SplittableRandom random = new SplittableRandom(7);
        double fast = 0;
        double slow = 0;
        double residualSquares = 0;
        double gapSquares = 0;
        final int n = 400_000;
        for (int i = 0; i < n; i++) {
            final double value = random.nextGaussian();
            residualSquares += (value - fast) * (value - fast);
            fast += fastAlpha * (value - fast);
            slow += slowAlpha * (value - slow);
            gapSquares += (fast - slow) * (fast - slow);
        }

        final double measured = Math.sqrt(gapSquares / residualSquares);
        assertThat(measured).as("seed 7").isCloseTo(AdaptiveSampler.gapStandardError(fastAlpha, slowAlpha),
            Percentage.withPercentage(3));
    }

    private static AdaptiveSampler sampler(final SamplingPolicy policy) {
        return new AdaptiveSampler(policy, new SamplingCounters());
    }

    private static int signal(final AdaptiveSampler sampler, final String agent, final double value) {
        return signal(sampler, "quality", agent, value, NO_THRESHOLD);
    }

    private static int signal(final AdaptiveSampler sampler, final String name, final String agent,
        final double value, final double threshold) {
        return sampler.observe(EventKind.SIGNAL, name, agent, value, threshold);
    }

    private static int interaction(final AdaptiveSampler sampler, final double latencyNanos) {
        return sampler.observe(EventKind.INTERACTION, null, "bot", latencyNanos, NO_THRESHOLD);
    }

    private static double exponential(final SplittableRandom random, final double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
