package io.genops.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.pricing.PlatformPriceTable.Band;
import io.genops.core.pricing.PlatformPriceTable.Discount;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table's arithmetic and its builder's checks; the real prices are tested where they are read, in config. */
class PlatformPriceTableTest {
    @Test
    void build_factorsThatNeedMoreThanNineDecimals_roundsOnceHalfToEven() {
        // 0.000000003 × 0.5 = 0.0000000015 and × 0.75 (a 25 % discount) = 0.000000001125
        final PlatformPriceTable table = builder(new BigDecimal("0.000000003"), decimal("0.5"))
            .volumeDiscounts(List.of(new Discount(10, decimal("0.25"))))
            .build();

        assertThat(table.interactionNanos(Complexity.SIMPLE, 0, 0)).isEqualTo(2);
        assertThat(table.interactionNanos(Complexity.SIMPLE, 0, table.discountTier(10))).isEqualTo(1);
    }

    @Test
    void interactionNanos_bandBounds_areExclusiveAbove() {
        final PlatformPriceTable table = builder(decimal("1"), decimal("1")).build();

        assertThat(table.interactionNanos(Complexity.SIMPLE, 9, 0)).isEqualTo(1_000_000_000);
        assertThat(table.interactionNanos(Complexity.SIMPLE, 10, 0)).isEqualTo(2_000_000_000);
        assertThat(table.interactionNanos(Complexity.SIMPLE, Long.MAX_VALUE, 0)).isEqualTo(2_000_000_000);
    }

    @Test
    void build_missingComplexityLevel_namesTheLevel() {
        final Map<Complexity, BigDecimal> partial = new EnumMap<>(Complexity.class);
        partial.put(Complexity.SIMPLE, BigDecimal.ONE);
        final PlatformPriceTable.Builder builder = builder(decimal("1"), decimal("1"))
            .alert(decimal("1"), partial, List.of(Band.open(BigDecimal.ONE)));

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessage("alert complexity has no factor for 'MODERATE'");
    }

    @Test
    void build_bandsOutOfOrder_isRefused() {
        final PlatformPriceTable.Builder builder = builder(decimal("1"), decimal("1"))
            .interaction(decimal("1"), levels(), List.of(new Band(10, BigDecimal.ONE), new Band(5, BigDecimal.ONE),
                Band.open(BigDecimal.ONE)));

        assertThatIllegalStateException().isThrownBy(builder::build)
            .withMessageStartingWith("interaction payload bands must ascend");
    }

    @Test
    void interaction_setTwice_keepsOnlyTheSecondBands() {
        final PlatformPriceTable table = builder(decimal("1"), decimal("1"))
            .interaction(decimal("1"), levels(), List.of(Band.open(decimal("3"))))
            .build();

        assertThat(table.interactionNanos(Complexity.SIMPLE, 0, 0)).isEqualTo(3_000_000_000L);
    }

    @Test
    void bandAndDiscount_outOfRange_areRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Band(1, decimal("-0.1")))
            .withMessage("factor must not be negative: -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> new Discount(1, decimal("1.5")))
            .withMessage("discount must lie in [0, 1]: 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformPriceTable.builder()
            .signal(decimal("-1"), levels(), frequencies())).withMessage("signal base must not be negative: -1");
    }

    /** A complete table whose interaction base, payload factor below 10 characters, and factor from 10 are given. */
    private static PlatformPriceTable.Builder builder(final BigDecimal interactionBase, final BigDecimal below10) {
        return PlatformPriceTable.builder()
            .interaction(interactionBase, levels(), List.of(new Band(10, below10), Band.open(decimal("2"))))
            .signal(decimal("1"), levels(), frequencies())
            .alert(decimal("1"), levels(), List.of(Band.open(BigDecimal.ONE)));
    }

    private static Map<Complexity, BigDecimal> levels() {
        final Map<Complexity, BigDecimal> levels = new EnumMap<>(Complexity.class);
        for (final Complexity level : Complexity.values()) {
            levels.put(level, BigDecimal.ONE);
        }
        return levels;
    }

    private static Map<Frequency, BigDecimal> frequencies() {
        final Map<Frequency, BigDecimal> frequencies = new EnumMap<>(Frequency.class);
        for (final Frequency frequency : Frequency.values()) {
            frequencies.put(frequency, BigDecimal.ONE);
        }
        return frequencies;
    }

    private static BigDecimal decimal(final String value) {
        return new BigDecimal(value);
    }
}
