package io.genops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.genops.core.Samples;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitPriceTest {
    @Test
    void shouldReadScientificAndPlainDecimalsExactly() {
        assertThat(UnitPrice.parse("2.5e-06").picos()).isEqualTo(2_500_000);
        assertThat(UnitPrice.parse(" 0.0000025 ")).isEqualTo(UnitPrice.parse("2.5E-6"));
        assertThat(UnitPrice.parse("1e-12").picos()).isEqualTo(1);
        assertThat(UnitPrice.parse("0.000000000001000").picos()).as("trailing zeros are not finer").isEqualTo(1);
    }

    @Test
    void shouldRefuseAPriceFinerThanAPicounitInsteadOfRoundingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.parse("1.5e-12"))
            .withMessageContaining("finer than 1e-12");
    }

    @Test
    void shouldRefuseNegativeAndNonNumericPrices() {
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.parse("-1e-06"))
            .withMessage("unit price must not be negative: -0.000001");
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.ofPicos(-1))
            .withMessageContaining("-1 picos");
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.parse("free"))
            .withMessage("unit price 'free' is not a decimal number");
        assertThatIllegalArgumentException().isThrownBy(() -> UnitPrice.of(new BigDecimal("1e8")))
            .withMessageContaining("too large");
    }

    @Test
    void shouldPrintAPlainDecimalThatReadsBackEqual() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final UnitPrice price = UnitPrice.ofPicos(Math.abs(samples.anyLong() % Long.MAX_VALUE));

            assertThat(UnitPrice.parse(price.toString())).as(Samples.run(run)).isEqualTo(price);
        }
        assertThat(UnitPrice.ofPicos(2_500_000)).hasToString("0.0000025");
        assertThat(UnitPrice.ofPicos(0)).isSameAs(UnitPrice.ZERO).hasToString("0");
    }
}
