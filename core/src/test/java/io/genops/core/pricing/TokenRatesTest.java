package io.genops.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Samples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class TokenRatesTest {
    /** 1e9 tokens at up to 1e9 picos (a thousandth of a dollar) each keeps every product far from overflow. */
    private static final long MAX_TOKENS = 1_000_000_000L;
    private static final long MAX_PICOS = 1_000_000_000L;

    @Test
    void shouldPriceCachedTokensAsInputAndReasoningAsOutputByDefault() {
        assertThat(TokenRates.of(3, 7)).isEqualTo(new TokenRates(3, 7, 3, 3, 7));
    }

    @Test
    void shouldPriceEachTokenOnceWhateverItsKind() {
        final TokenRates rates = new TokenRates(10, 40, 1, 12, 80);

        // 100 input of which 30 cache reads and 20 cache writes; 50 output of which 5 reasoning
        assertThat(rates.costPicos(100, 50, 30, 20, 5)).isEqualTo(50 * 10 + 30 + 20 * 12 + 45 * 40 + 5 * 80);
    }

    @Test
    void shouldMatchABigDecimalComputationForAnyUsage() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final TokenRates rates = new TokenRates(picos(samples), picos(samples), picos(samples), picos(samples),
                picos(samples));
            final long uncached = samples.between(0, MAX_TOKENS);
            final long cacheRead = samples.between(0, MAX_TOKENS);
            final long cacheCreation = samples.between(0, MAX_TOKENS);
            final long plainOutput = samples.between(0, MAX_TOKENS);
            final long reasoning = samples.between(0, MAX_TOKENS);
            final BigDecimal expected = cost(uncached, rates.inputPicos()).add(cost(cacheRead, rates.cacheReadPicos()))
                .add(cost(cacheCreation, rates.cacheCreationPicos())).add(cost(plainOutput, rates.outputPicos()))
                .add(cost(reasoning, rates.reasoningPicos()));

            final long picos = rates.costPicos(uncached + cacheRead + cacheCreation, plainOutput + reasoning,
                cacheRead, cacheCreation, reasoning);
            final long nanos = ModelPrice.of("m", null, rates).costNanos(uncached + cacheRead + cacheCreation,
                plainOutput + reasoning, cacheRead, cacheCreation, reasoning);

            assertThat(picos).as(Samples.run(run)).isEqualTo(expected.longValueExact());
            assertThat(nanos).as(Samples.run(run))
                .isEqualTo(expected.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_EVEN).longValueExact());
        }
    }

    @Test
    void shouldThrowWhenACostOverflows() {
        final TokenRates rates = TokenRates.of(Long.MAX_VALUE / 10, 0);

        assertThatThrownBy(() -> rates.costPicos(11, 0, 0, 0, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldRefuseANegativeRateNamingItsKind() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenRates(1, 1, 1, -1, 1))
            .withMessage("cache creation token price must not be negative: -1 picos");
    }

    private static long picos(final Samples samples) {
        return samples.between(0, MAX_PICOS);
    }

    private static BigDecimal cost(final long tokens, final long picos) {
        return BigDecimal.valueOf(tokens).multiply(BigDecimal.valueOf(picos));
    }
}
