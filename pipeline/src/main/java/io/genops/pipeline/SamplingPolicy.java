package io.genops.pipeline;

import io.genops.core.Checks;
import io.genops.core.event.EventKind;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which events are exported as spans or logs. Sampling never touches accounting: costs, budgets,
 * metrics and the journal see every accepted event; the policy only decides each event's
 * {@code sampled} mark. Immutable.
 *
 * <p>Whatever the policy, an alert, an interaction that carries an error, an event on which a stage
 * failed and an event whose policy result is not {@code ALLOWED} are always exported.
 *
 * <h2>Fixed rates</h2>
 * {@link #keepAll()} (the default) and {@link #fixedRate(double)} export a fixed fraction of each
 * event kind. An event of a conversation is decided by a hash of the conversation id, so a
 * conversation is exported or dropped whole; other events by a pseudo-random draw.
 *
 * <h2>Adaptive</h2>
 * {@link #adaptive()} samples each key, an event kind or signal name together with an agent id, by
 * how its recent values behave: interactions by their latency, signals by their value.
 * <ol>
 *   <li>A key's first {@code firstEvents} events are all exported, so every new agent and signal shows up.</li>
 *   <li><b>Trending worse</b>, exported at {@code trendingWorseRate} (default 100 %): the key's short
 *       average sits on the worse side of its long average by more than {@code trendSensitivity} times
 *       the standard error that noise alone gives that gap, and by more than {@code minTrendChange} of the
 *       long average; or, for a signal with a threshold, the short average has crossed the threshold
 *       while the long one has not yet. Worse means higher: a longer latency, a signal further over the
 *       threshold it should stay under; a signal named in {@code lowerIsWorse} (a quality score, say) is
 *       worse when lower.</li>
 *   <li><b>High variance</b>, exported at {@code highVarianceRate} (default 10 %): the coefficient of
 *       variation over the long window (standard deviation over the absolute mean) is above
 *       {@code varianceBound}; a series centred on zero therefore counts as highly variable.</li>
 *   <li><b>Stable</b>, exported at {@code stableRate} (default 1 %): everything else.</li>
 * </ol>
 *
 * <p>The window is exponentially weighted: the long average and variance have a half-life of
 * {@code halfLife} events, the short average an eighth of that. This costs a count and four numbers
 * per key whatever the half-life (a ring of the last 32 values would cost 256 bytes per key and a
 * pass or running sums that drift), updates in constant time, and lets an old disturbance fade
 * smoothly rather than fall off the end of the window. With the defaults, a latency rising 1 % per
 * event over 2 % noise is caught within ten events; a level that steps up counts as trending worse
 * until the long average has caught up, a few half-lives.
 *
 * <p>Keys are held in a table bounded by {@code maxKeys}: past it, the least recently seen key is
 * forgotten (and counted), so memory stays flat however many agents appear. A forgotten key that comes
 * back starts afresh with its first events. A key costs about 75 bytes in primitive arrays (7.5 MB at
 * the default 100,000) and holds on to its name and agent id strings; once a key exists, deciding on
 * its events allocates nothing.
 *
 * <p>With {@link Builder#conversationRate(double)}, head sampling decides every event of a
 * conversation by a hash of its id, so a conversation is exported or dropped whole; the statistics
 * still see those events, and events outside conversations are sampled adaptively.
 */
public final class SamplingPolicy {
    private static final int KINDS = EventKind.values().length;
    /** Why {@link EventKind#SESSION} takes no sampling rate, wherever one is offered. */
    static final String SESSION_RATE_REFUSED = "session records take no sampling rate: they are exported whenever "
        + "their agent group exports anything, as the parent of the session's exported events";
    private static final SamplingPolicy KEEP_ALL = new SamplingPolicy(filled(1.0), false, new Builder());

    private final double[] rateByKind;
    private final boolean adaptive;
    private final int firstEvents;
    private final int halfLife;
    private final double trendSensitivity;
    private final double minTrendChange;
    private final double varianceBound;
    private final double trendingWorseRate;
    private final double highVarianceRate;
    private final double stableRate;
    private final Set<String> lowerIsWorse;
    private final double conversationRate;
    private final int maxKeys;

    private SamplingPolicy(final double[] rateByKind, final boolean adaptive, final Builder settings) {
        this.rateByKind = rateByKind;
        this.adaptive = adaptive;
        this.firstEvents = settings.firstEvents;
        this.halfLife = settings.halfLife;
        this.trendSensitivity = settings.trendSensitivity;
        this.minTrendChange = settings.minTrendChange;
        this.varianceBound = settings.varianceBound;
        this.trendingWorseRate = settings.trendingWorseRate;
        this.highVarianceRate = settings.highVarianceRate;
        this.stableRate = settings.stableRate;
        this.lowerIsWorse = settings.lowerIsWorse;
        this.conversationRate = settings.conversationRate;
        this.maxKeys = settings.maxKeys;
    }

    /** Exports every event: the default. */
    public static SamplingPolicy keepAll() {
        return KEEP_ALL;
    }

    /** Exports the fraction {@code rate}, in [0, 1], of every event kind. */
    public static SamplingPolicy fixedRate(final double rate) {
        return new SamplingPolicy(filled(fraction(rate, "rate")), false, new Builder());
    }

    /** Starts an adaptive policy; each setting has the default shown on its setter. */
    public static Builder adaptive() {
        return new Builder();
    }

    /**
     * A fixed-rate policy like this one with the rate of {@code kind} set to {@code rate}, in [0, 1].
     *
     * @throws IllegalStateException when this policy is adaptive, which has rates of its own
     * @throws IllegalArgumentException for {@link EventKind#SESSION}, whose records are always exported
     */
    public SamplingPolicy withRate(final EventKind kind, final double rate) {
        Objects.requireNonNull(kind, "kind");
        if (kind == EventKind.SESSION) {
            throw new IllegalArgumentException(SESSION_RATE_REFUSED);
        }
        if (adaptive) {
            throw new IllegalStateException("a fixed rate for " + kind + " does not combine with an adaptive sampling "
                + "policy; set its rates on SamplingPolicy.adaptive()");
        }
        final double[] rates = rateByKind.clone();
        rates[kind.ordinal()] = fraction(rate, "rate for " + kind);
        return new SamplingPolicy(rates, false, new Builder());
    }

    /** Whether this policy samples per key by recent values rather than at fixed rates. */
    public boolean isAdaptive() {
        return adaptive;
    }

    /** The fixed rate of {@code kind}; 1 for an adaptive policy and for session records, which are always kept. */
    public double rate(final EventKind kind) {
        return kind == EventKind.SESSION ? 1 : rateByKind[Objects.requireNonNull(kind, "kind").ordinal()];
    }

    // The settings below apply to adaptive policies; a fixed-rate policy reports the defaults.

    public int firstEvents() {
        return firstEvents;
    }

    public int halfLife() {
        return halfLife;
    }

    public double trendSensitivity() {
        return trendSensitivity;
    }

    public double minTrendChange() {
        return minTrendChange;
    }

    public double varianceBound() {
        return varianceBound;
    }

    public double trendingWorseRate() {
        return trendingWorseRate;
    }

    public double highVarianceRate() {
        return highVarianceRate;
    }

    public double stableRate() {
        return stableRate;
    }

    /** Signal names whose values are worse when lower. */
    public Set<String> lowerIsWorse() {
        return lowerIsWorse;
    }

    /**
     * Whether the events of a conversation are decided together by a hash of its id: always for fixed
     * rates (at the event kind's rate), on request for an adaptive policy (at {@link #conversationRate()}).
     */
    public boolean headSampling() {
        return !adaptive || !Double.isNaN(conversationRate);
    }

    /** The fraction of conversations an adaptive policy exports whole; {@code NaN} when it does not head-sample. */
    public double conversationRate() {
        return conversationRate;
    }

    public int maxKeys() {
        return maxKeys;
    }

    @Override
    public String toString() {
        if (!adaptive) {
            return "SamplingPolicy{fixed rates " + Arrays.toString(rateByKind) + " for "
                + Arrays.toString(EventKind.values()) + '}';
        }
        return "SamplingPolicy{adaptive firstEvents=" + firstEvents + ", halfLife=" + halfLife + ", trendSensitivity="
            + trendSensitivity + ", minTrendChange=" + minTrendChange + ", varianceBound=" + varianceBound
            + ", rates worse/variance/stable=" + trendingWorseRate + '/' + highVarianceRate + '/' + stableRate
            + ", lowerIsWorse=" + lowerIsWorse + ", conversationRate=" + conversationRate + ", maxKeys=" + maxKeys
            + '}';
    }

    private static double[] filled(final double rate) {
        final double[] rates = new double[KINDS];
        Arrays.fill(rates, rate);
        return rates;
    }

    private static double fraction(final double value, final String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must lie in [0, 1]: " + value);
        }
        return value;
    }

    /** Builds an adaptive {@link SamplingPolicy}; each setter refuses a bad value naming it. */
    public static final class Builder {
        /** The largest key table; its index must stay within an {@code int[]}. */
        public static final int MAX_KEYS_LIMIT = 1 << 24;

        private int firstEvents = 10;
        private int halfLife = 32;
        private double trendSensitivity = 4;
        private double minTrendChange = 0.01;
        private double varianceBound = 0.5;
        private double trendingWorseRate = 1;
        private double highVarianceRate = 0.1;
        private double stableRate = 0.01;
        private Set<String> lowerIsWorse = Set.of();
        private double conversationRate = Double.NaN;
        private int maxKeys = 100_000;

        private Builder() {
        }

        /** Events of each new key exported before sampling starts, in [0, 1,000,000]; default 10. */
        public Builder firstEvents(final int events) {
            if (events < 0 || events > 1_000_000) {
                throw new IllegalArgumentException("firstEvents must lie in [0, 1000000]: " + events);
            }
            this.firstEvents = events;
            return this;
        }

        /** Half-life of the long average and variance, in events of the key, in [2, 1,000,000]; default 32. */
        public Builder halfLife(final int events) {
            if (events < 2 || events > 1_000_000) {
                throw new IllegalArgumentException("halfLife must lie in [2, 1000000] events: " + events);
            }
            this.halfLife = events;
            return this;
        }

        /**
         * How many standard errors of noise the short average must lie beyond the long one to count as
         * a trend, in (0, 100]; default 4 (noise alone passes it on about 1 event in 10,000 when values
         * are normally distributed, more often when they are heavy-tailed).
         */
        public Builder trendSensitivity(final double standardErrors) {
            if (!(standardErrors > 0 && standardErrors <= 100)) {
                throw new IllegalArgumentException("trendSensitivity must lie in (0, 100]: " + standardErrors);
            }
            this.trendSensitivity = standardErrors;
            return this;
        }

        /**
         * The smallest gap between the short and the long average that counts as a trend, as a fraction
         * of the long average, in [0, 10]; default 0.01, so a near-constant series does not trend on
         * rounding dust.
         */
        public Builder minTrendChange(final double fraction) {
            if (!(fraction >= 0 && fraction <= 10)) {
                throw new IllegalArgumentException("minTrendChange must lie in [0, 10]: " + fraction);
            }
            this.minTrendChange = fraction;
            return this;
        }

        /** The coefficient of variation above which a key counts as highly variable, in (0, 100]; default 0.5. */
        public Builder varianceBound(final double coefficientOfVariation) {
            if (!(coefficientOfVariation > 0 && coefficientOfVariation <= 100)) {
                throw new IllegalArgumentException("varianceBound must lie in (0, 100]: " + coefficientOfVariation);
            }
            this.varianceBound = coefficientOfVariation;
            return this;
        }

        /** The fraction of a trending-worse key's events exported, in [0, 1]; default 1. */
        public Builder trendingWorseRate(final double rate) {
            this.trendingWorseRate = fraction(rate, "trendingWorseRate");
            return this;
        }

        /** The fraction of a highly variable key's events exported, in [0, 1]; default 0.1. */
        public Builder highVarianceRate(final double rate) {
            this.highVarianceRate = fraction(rate, "highVarianceRate");
            return this;
        }

        /** The fraction of a stable key's events exported, in [0, 1]; default 0.01. */
        public Builder stableRate(final double rate) {
            this.stableRate = fraction(rate, "stableRate");
            return this;
        }

        /** Signals whose values are worse when lower (scores, success ratios); replaces earlier names. */
        public Builder lowerIsWorse(final String... signalNames) {
            Objects.requireNonNull(signalNames, "lowerIsWorse");
            final Set<String> names = new LinkedHashSet<>();
            for (final String name : signalNames) {
                names.add(Checks.nonBlank(name, "lowerIsWorse signal name"));
            }
            this.lowerIsWorse = Set.copyOf(names);
            return this;
        }

        /**
         * Turns on head sampling: the fraction {@code rate}, in [0, 1], of conversations is exported whole,
         * chosen by a hash of the conversation id, and the rest dropped whole; off by default.
         */
        public Builder conversationRate(final double rate) {
            this.conversationRate = fraction(rate, "conversationRate");
            return this;
        }

        /** Keys whose statistics are kept, the least recently seen forgotten first, in [1, 2^24]; default 100,000. */
        public Builder maxKeys(final int keys) {
            if (keys < 1 || keys > MAX_KEYS_LIMIT) {
                throw new IllegalArgumentException("maxKeys must lie in [1, " + MAX_KEYS_LIMIT + "]: " + keys);
            }
            this.maxKeys = keys;
            return this;
        }

        public SamplingPolicy build() {
            return new SamplingPolicy(filled(1.0), true, this);
        }
    }
}
