package io.genops.core.pricing;

import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The monitoring platform's prices for interactions, performance signals and alerts.
 *
 * <p>Each operation has a base price and factors that multiply: complexity, then payload size
 * (interactions), frequency (signals) or channel count (alerts), then one minus the volume discount
 * earned by the month's interaction count. Every combination is computed once, exactly, when the
 * table is built and rounded once, half to even, to USD nanos; a lookup is array indexing.
 */
public final class PlatformPriceTable {
    private static final Complexity[] COMPLEXITIES = Complexity.values();
    private static final Frequency[] FREQUENCIES = Frequency.values();

    private final long[] payloadBelow;
    private final long[] channelsBelow;
    private final long[] discountFrom;
    private final BigDecimal[] discounts;
    private final long[][][] interactionNanos;
    private final long[][][] signalNanos;
    private final long[][][] alertNanos;

    private PlatformPriceTable(final Builder b) {
        this.payloadBelow = belowBounds(b.interactionBands);
        this.channelsBelow = belowBounds(b.alertBands);
        final List<Discount> discountList = new ArrayList<>(b.discounts);
        discountList.sort(Comparator.comparingLong(Discount::fromInteractions));
        this.discountFrom = discountList.stream().mapToLong(Discount::fromInteractions).toArray();
        this.discounts = new BigDecimal[discountList.size() + 1];
        this.discounts[0] = BigDecimal.ZERO;
        for (int i = 0; i < discountList.size(); i++) {
            discounts[i + 1] = discountList.get(i).fraction();
        }
        this.interactionNanos = matrix(b.interactionBase, b.interactionComplexity, factors(b.interactionBands));
        this.signalNanos = matrix(b.signalBase, b.signalComplexity, frequencyFactors(b.frequency));
        this.alertNanos = matrix(b.alertBase, b.alertComplexity, factors(b.alertBands));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The discount tier earned by {@code monthlyInteractions}: 0 for none, rising with volume. */
    public int discountTier(final long monthlyInteractions) {
        int tier = 0;
        while (tier < discountFrom.length && monthlyInteractions >= discountFrom[tier]) {
            tier++;
        }
        return tier;
    }

    /** The discount fraction of a tier, such as {@code 0.05}. */
    public BigDecimal discount(final int tier) {
        return discounts[tier];
    }

    public long interactionNanos(final Complexity complexity, final long payloadChars, final int discountTier) {
        return interactionNanos[complexity.ordinal()][band(payloadBelow, payloadChars)][discountTier];
    }

    public long signalNanos(final Complexity complexity, final Frequency frequency, final int discountTier) {
        return signalNanos[complexity.ordinal()][frequency.ordinal()][discountTier];
    }

    public long alertNanos(final Complexity complexity, final int channels, final int discountTier) {
        return alertNanos[complexity.ordinal()][band(channelsBelow, channels)][discountTier];
    }

    private static int band(final long[] below, final long value) {
        int band = 0;
        while (band < below.length && value >= below[band]) {
            band++;
        }
        return band;
    }

    private long[][][] matrix(final BigDecimal base, final Map<Complexity, BigDecimal> complexity,
        final BigDecimal[] secondFactors) {
        final long[][][] nanos = new long[COMPLEXITIES.length][secondFactors.length][discounts.length];
        for (final Complexity c : COMPLEXITIES) {
            for (int f = 0; f < secondFactors.length; f++) {
                for (int d = 0; d < discounts.length; d++) {
                    final BigDecimal price = base.multiply(complexity.get(c)).multiply(secondFactors[f])
                        .multiply(BigDecimal.ONE.subtract(discounts[d]));
                    nanos[c.ordinal()][f][d] = price.setScale(Money.SCALE, RoundingMode.HALF_EVEN)
                        .unscaledValue().longValueExact();
                }
            }
        }
        return nanos;
    }

    private static long[] belowBounds(final List<Band> bands) {
        final long[] below = new long[bands.size() - 1];
        for (int i = 0; i < below.length; i++) {
            below[i] = bands.get(i).below();
        }
        return below;
    }

    private static BigDecimal[] factors(final List<Band> bands) {
        return bands.stream().map(Band::factor).toArray(BigDecimal[]::new);
    }

    private static BigDecimal[] frequencyFactors(final Map<Frequency, BigDecimal> frequency) {
        final BigDecimal[] factors = new BigDecimal[FREQUENCIES.length];
        for (final Frequency f : FREQUENCIES) {
            factors[f.ordinal()] = frequency.get(f);
        }
        return factors;
    }

    /**
     * A factor for values below {@code below} (and at or above the previous band's bound). The
     * last band of a list is open: its bound is ignored.
     */
    public record Band(long below, BigDecimal factor) {
        public Band {
            Objects.requireNonNull(factor, "factor");
            if (factor.signum() < 0) {
                throw new IllegalArgumentException("factor must not be negative: " + factor);
            }
        }

        public static Band open(final BigDecimal factor) {
            return new Band(Long.MAX_VALUE, factor);
        }
    }

    /** A discount {@code fraction} (such as 0.05) earned from {@code fromInteractions} a month. */
    public record Discount(long fromInteractions, BigDecimal fraction) {
        public Discount {
            Objects.requireNonNull(fraction, "discount");
            if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("discount must lie in [0, 1]: " + fraction);
            }
        }
    }

    /** Collects the table; {@link #build()} checks that every factor is present and bands ascend. */
    public static final class Builder {
        private BigDecimal interactionBase;
        private BigDecimal signalBase;
        private BigDecimal alertBase;
        private final Map<Complexity, BigDecimal> interactionComplexity = new EnumMap<>(Complexity.class);
        private final Map<Complexity, BigDecimal> signalComplexity = new EnumMap<>(Complexity.class);
        private final Map<Complexity, BigDecimal> alertComplexity = new EnumMap<>(Complexity.class);
        private final Map<Frequency, BigDecimal> frequency = new EnumMap<>(Frequency.class);
        private final List<Band> interactionBands = new ArrayList<>();
        private final List<Band> alertBands = new ArrayList<>();
        private final List<Discount> discounts = new ArrayList<>();

        private Builder() {
        }

        /** Sets the interaction prices, replacing any set before. */
        public Builder interaction(final BigDecimal base, final Map<Complexity, BigDecimal> complexity,
            final List<Band> payloadBands) {
            this.interactionBase = nonNegative(base, "interaction base");
            replace(interactionComplexity, complexity);
            replace(interactionBands, payloadBands);
            return this;
        }

        /** Sets the performance-signal prices, replacing any set before. */
        public Builder signal(final BigDecimal base, final Map<Complexity, BigDecimal> complexity,
            final Map<Frequency, BigDecimal> frequencyFactors) {
            this.signalBase = nonNegative(base, "signal base");
            replace(signalComplexity, complexity);
            replace(frequency, frequencyFactors);
            return this;
        }

        /** Sets the alert prices, replacing any set before. */
        public Builder alert(final BigDecimal base, final Map<Complexity, BigDecimal> complexity,
            final List<Band> channelBands) {
            this.alertBase = nonNegative(base, "alert base");
            replace(alertComplexity, complexity);
            replace(alertBands, channelBands);
            return this;
        }

        /** Sets the volume discounts, replacing any set before. */
        public Builder volumeDiscounts(final List<Discount> volumeDiscounts) {
            replace(discounts, volumeDiscounts);
            return this;
        }

        public PlatformPriceTable build() {
            requireSet(interactionBase, "interaction base");
            requireSet(signalBase, "signal base");
            requireSet(alertBase, "alert base");
            requireAll(interactionComplexity, Complexity.values(), "interaction complexity");
            requireAll(signalComplexity, Complexity.values(), "signal complexity");
            requireAll(alertComplexity, Complexity.values(), "alert complexity");
            requireAll(frequency, Frequency.values(), "signal frequency");
            requireAscending(interactionBands, "interaction payload bands");
            requireAscending(alertBands, "alert channel bands");
            return new PlatformPriceTable(this);
        }

        /**
         * Replaces rather than adds: a second call for one operation must not leave the first call's
         * bands in front of its own, which would price by bands no one wrote.
         */
        private static <T> void replace(final List<T> target, final List<T> values) {
            target.clear();
            target.addAll(values);
        }

        private static <K, V> void replace(final Map<K, V> target, final Map<K, V> values) {
            target.clear();
            target.putAll(values);
        }

        private static BigDecimal nonNegative(final BigDecimal value, final String field) {
            Objects.requireNonNull(value, field);
            if (value.signum() < 0) {
                throw new IllegalArgumentException(field + " must not be negative: " + value);
            }
            return value;
        }

        private static void requireSet(final BigDecimal value, final String field) {
            if (value == null) {
                throw new IllegalStateException(field + " is not set");
            }
        }

        private static <K> void requireAll(final Map<K, BigDecimal> factors, final K[] keys, final String field) {
            for (final K key : keys) {
                if (factors.get(key) == null) {
                    throw new IllegalStateException(field + " has no factor for '" + key + "'");
                }
            }
        }

        private static void requireAscending(final List<Band> bands, final String field) {
            if (bands.isEmpty()) {
                throw new IllegalStateException(field + " are missing");
            }
            for (int i = 1; i < bands.size() - 1; i++) {
                if (bands.get(i).below() <= bands.get(i - 1).below()) {
                    throw new IllegalStateException(field + " must ascend: " + bands);
                }
            }
        }
    }
}
