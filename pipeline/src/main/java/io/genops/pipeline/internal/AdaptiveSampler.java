package io.genops.pipeline.internal;

import io.genops.core.event.EventKind;
import io.genops.pipeline.SamplingPolicy;
import java.util.Arrays;
import java.util.Set;

/**
 * Per-key statistics of recent values and the class they put the key in: first events, trending
 * worse, high variance or stable (see {@link SamplingPolicy} for what each means to a user).
 *
 * <p>Each key keeps a count and four numbers in parallel primitive arrays indexed by its
 * {@link SamplingKeys} entry: a fast and a slow exponentially weighted mean (half-lives
 * {@code halfLife / 8} and {@code halfLife} events), the weighted variance about the slow mean, and
 * the weighted mean square of the residual about the fast mean (the noise). The n-th value of a key
 * is weighted {@code max(alpha, 1 / n)}: plain running averages until each has seen its own window,
 * so nothing is biased towards a key's first value (with a fixed weight from the start, a low first
 * value leaves the slow mean behind and reads as a trend).
 *
 * <p>The trend test compares the gap between the means with the gap that noise alone would leave.
 * For independent values of variance s², the fast mean has variance {@code s² vf} with
 * {@code vf = af / (2 - af)}, the slow one {@code s² vs}, their covariance is
 * {@code s² af as / (1 - (1 - af)(1 - as))}, and the residual has variance {@code s² (1 + vf)}; so the
 * gap's standard error is the noise estimate times {@code sqrt((vf + vs - 2 cov) / (1 + vf))}, and
 * {@code trendSensitivity} counts those standard errors.
 *
 * <p>Single-threaded (the sampling stage's); no allocation per event once a key exists.
 */
final class AdaptiveSampler {
    private final SamplingKeys keys;
    private final SamplingCounters counters;
    private final int firstEvents;
    private final double slowAlpha;
    private final double fastAlpha;
    private final int warmEvents;
    private final double trendScaleSquared;
    private final double minTrendChange;
    private final double varianceBoundSquared;
    private final Set<String> lowerIsWorse;

    private int[] seen;
    private double[] fast;
    private double[] slow;
    private double[] slowVariance;
    private double[] noise;
    private boolean[] lowerWorse;

    AdaptiveSampler(final SamplingPolicy policy, final SamplingCounters counters) {
        this.keys = new SamplingKeys(policy.maxKeys());
        this.counters = counters;
        this.firstEvents = policy.firstEvents();
        this.slowAlpha = alpha(policy.halfLife());
        this.fastAlpha = alpha(Math.max(1, policy.halfLife() / 8.0));
        this.warmEvents = (int)Math.ceil(1 / slowAlpha) + 1;
        final double trendScale = policy.trendSensitivity() * gapStandardError(fastAlpha, slowAlpha);
        this.trendScaleSquared = trendScale * trendScale;
        this.minTrendChange = policy.minTrendChange();
        this.varianceBoundSquared = policy.varianceBound() * policy.varianceBound();
        this.lowerIsWorse = policy.lowerIsWorse();
        resize(keys.capacity());
    }

    /** The weight of each new value in a mean of half-life {@code events}. */
    static double alpha(final double events) {
        return 1 - Math.pow(0.5, 1 / events);
    }

    /** The standard error of (fast mean - slow mean) per unit of residual noise, for independent values. */
    static double gapStandardError(final double fastAlpha, final double slowAlpha) {
        final double fastVariance = fastAlpha / (2 - fastAlpha);
        final double slowVariance = slowAlpha / (2 - slowAlpha);
        final double covariance = fastAlpha * slowAlpha / (1 - (1 - fastAlpha) * (1 - slowAlpha));
        return Math.sqrt((fastVariance + slowVariance - 2 * covariance) / (1 + fastVariance));
    }

    /**
     * Adds {@code value} to the statistics of the key (kind, name, agent) and classifies the key.
     *
     * @param name      the signal name; {@code null} for interactions
     * @param threshold the value a signal should stay on the good side of; {@code NaN} for none
     * @return one of {@link SamplingCounters#FIRST_EVENTS}, {@link SamplingCounters#TRENDING_WORSE},
     *     {@link SamplingCounters#HIGH_VARIANCE} or {@link SamplingCounters#STABLE}
     */
    int observe(final EventKind kind, final String name, final String agent, final double value,
        final double threshold) {
        final int acquired = keys.acquire(kind.ordinal(), name, agent);
        final int entry = SamplingKeys.entry(acquired);
        if (SamplingKeys.isNew(acquired)) {
            start(entry, kind == EventKind.SIGNAL && lowerIsWorse.contains(name), value);
            counters.keys(keys.size(), keys.evicted());
        } else {
            update(entry, value);
        }
        return classify(entry, threshold);
    }

    int keysTracked() {
        return keys.size();
    }

    long keysEvicted() {
        return keys.evicted();
    }

    private void start(final int entry, final boolean lowerIsWorse, final double value) {
        if (entry >= seen.length) {
            resize(keys.capacity());
        }
        seen[entry] = 1;
        fast[entry] = value;
        slow[entry] = value;
        slowVariance[entry] = 0;
        noise[entry] = 0;
        lowerWorse[entry] = lowerIsWorse;
    }

    private void update(final int entry, final double value) {
        final int n = seen[entry] < Integer.MAX_VALUE ? seen[entry] + 1 : seen[entry];
        seen[entry] = n;
        // Past warmEvents every weight has settled at its alpha, and the divisions are skipped.
        final boolean warm = n > warmEvents;
        final double residual = value - fast[entry];
        final double noiseRate = warm ? slowAlpha : Math.max(slowAlpha, 1.0 / (n - 1));
        noise[entry] += noiseRate * (residual * residual - noise[entry]);
        fast[entry] += (warm ? fastAlpha : Math.max(fastAlpha, 1.0 / n)) * residual;

        final double slowRate = warm ? slowAlpha : Math.max(slowAlpha, 1.0 / n);
        final double deviation = value - slow[entry];
        final double step = slowRate * deviation;
        slow[entry] += step;
        slowVariance[entry] = (1 - slowRate) * (slowVariance[entry] + deviation * step);
    }

    private int classify(final int entry, final double threshold) {
        if (seen[entry] <= firstEvents) {
            return SamplingCounters.FIRST_EVENTS;
        }
        final double sign = lowerWorse[entry] ? -1 : 1;
        final double level = Math.abs(slow[entry]);
        final double gap = sign * (fast[entry] - slow[entry]);
        // Squares spare the square roots: gap > scale * sqrt(noise), and sd > bound * level below.
        if (gap > 0 && gap * gap > trendScaleSquared * noise[entry] && gap > minTrendChange * level) {
            return SamplingCounters.TRENDING_WORSE;
        }
        if (!Double.isNaN(threshold) && sign * (fast[entry] - threshold) > 0 && sign * (slow[entry] - threshold) <= 0) {
            return SamplingCounters.TRENDING_WORSE;
        }
        if (slowVariance[entry] > varianceBoundSquared * level * level) {
            return SamplingCounters.HIGH_VARIANCE;
        }
        return SamplingCounters.STABLE;
    }

    private void resize(final int entries) {
        seen = seen == null ? new int[entries] : Arrays.copyOf(seen, entries);
        fast = grow(fast, entries);
        slow = grow(slow, entries);
        slowVariance = grow(slowVariance, entries);
        noise = grow(noise, entries);
        lowerWorse = lowerWorse == null ? new boolean[entries] : Arrays.copyOf(lowerWorse, entries);
    }

    private static double[] grow(final double[] array, final int length) {
        return array == null ? new double[length] : Arrays.copyOf(array, length);
    }
}
