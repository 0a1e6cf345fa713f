package io.genops.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelPriceTest {
    private static final TokenRates BASE = TokenRates.of(1_000_000, 4_000_000);
    private static final TokenRates ABOVE_128K = TokenRates.of(2_000_000, 6_000_000);
    private static final TokenRates ABOVE_200K = TokenRates.of(3_000_000, 9_000_000);

    /** Tiers given out of order, to show that the threshold, not the list position, decides. */
    private final ModelPrice price = ModelPrice.of("m", "p", BASE, List.of(
        new ModelPrice.Tier(200_000, ABOVE_200K), new ModelPrice.Tier(128_000, ABOVE_128K)));

    @Test
    void tierFor_inputAtOrBelowTheFirstThreshold_isTheBase() {
        assertThat(price.tierFor(0)).isEqualTo(-1);
        assertThat(price.tierFor(128_000)).isEqualTo(-1);
        assertThat(price.rates(price.tierFor(128_000))).isEqualTo(BASE);
    }

    @Test
    void tierFor_inputAboveAThreshold_isTheHighestExceededTier() {
        assertThat(price.rates(price.tierFor(128_001))).isEqualTo(ABOVE_128K);
        assertThat(price.rates(price.tierFor(200_000))).isEqualTo(ABOVE_128K);
        assertThat(price.rates(price.tierFor(200_001))).isEqualTo(ABOVE_200K);
        assertThat(price.rates(price.tierFor(Long.MAX_VALUE))).isEqualTo(ABOVE_200K);
    }

    @Test
    void tiers_givenOutOfOrder_areListedByThreshold() {
        assertThat(price.tiers()).extracting(ModelPrice.Tier::aboveInputTokens).containsExactly(128_000L, 200_000L);
    }

    @Test
    void costNanos_aboveAThreshold_pricesEveryTokenOfTheRequestAtTheTier() {
        // 200,000 × 2e-6 + 100 × 6e-6 USD: the first tier, as 200,000 does not exceed 200,000
        assertThat(price.costNanos(200_000, 100, 0, 0, 0)).isEqualTo(400_600_000);
        // 200,001 × 3e-6 + 100 × 9e-6 USD
        assertThat(price.costNanos(200_001, 100, 0, 0, 0)).isEqualTo(600_903_000);
    }

    @Test
    void costNanos_halfANanounit_roundsToEven() {
        final ModelPrice onePico = ModelPrice.of("tiny", null, TokenRates.of(1, 0));

        assertThat(onePico.costNanos(500, 0, 0, 0, 0)).isZero();
        assertThat(onePico.costNanos(1_500, 0, 0, 0, 0)).isEqualTo(2);
        assertThat(onePico.costNanos(2_500, 0, 0, 0, 0)).isEqualTo(2);
        assertThat(onePico.costNanos(2_501, 0, 0, 0, 0)).isEqualTo(3);
    }

    @Test
    void of_twoTiersWithOneThreshold_isRefused() {
        final List<ModelPrice.Tier> twice = List.of(new ModelPrice.Tier(1000, BASE), new ModelPrice.Tier(1000, BASE));

        assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.of("m", null, BASE, twice))
            .withMessage("m has two tiers above 1000 tokens");
    }

    @Test
    void of_blankNameOrNegativeThreshold_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ModelPrice.of(" ", null, BASE))
            .withMessage("model must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> new ModelPrice.Tier(-1, BASE))
            .withMessage("tier threshold must not be negative: -1");
    }
}
