package io.genops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Samples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyMathTest {
    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({
        "5, 2, 2", "15, 10, 2", "25, 10, 2", "35, 10, 4", "7, 2, 4", "1, 2, 0", "3, 2, 2",
        "-5, 2, -2", "-15, 10, -2", "-25, 10, -2", "-35, 10, -4", "-1, 2, 0", "-3, 2, -2",
        "14, 10, 1", "16, 10, 2", "-14, 10, -1", "-16, 10, -2", "-1, 3, 0", "-2, 3, -1", "0, 7, 0",
        "9223372036854775807, 2, 4611686018427387904", "-9223372036854775808, 2, -4611686018427387904",
        "9223372036854775807, 9223372036854775807, 1", "-9223372036854775808, 9223372036854775807, -1",
        "4611686018427387903, 9223372036854775807, 0", "4611686018427387904, 9223372036854775807, 1",
    })
    void divideHalfEven_ties_goToTheEvenNeighbour(final long dividend, final long divisor, final long quotient) {
        assertThat(MoneyMath.divideHalfEven(dividend, divisor)).isEqualTo(quotient);
    }

    @Test
    void divideHalfEven_anyInputs_equalsBigDecimalHalfEven() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final long dividend = samples.anyLong();
            final long divisor = samples.positiveLong();

            assertThat(MoneyMath.divideHalfEven(dividend, divisor))
                .as(Samples.run(run) + ": %d / %d", dividend, divisor)
                .isEqualTo(halfEven(BigDecimal.valueOf(dividend), divisor).longValueExact());
        }
    }

    @Test
    void divideHalfEven_nonPositiveDivisor_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> MoneyMath.divideHalfEven(10, 0))
            .withMessage("divisor must be positive: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> MoneyMath.divideHalfEven(10, -2));
    }

    @Test
    void picosToNanos_halfAPicoBoundary_roundsHalfEven() {
        assertThat(MoneyMath.picosToNanos(500)).isZero();
        assertThat(MoneyMath.picosToNanos(1_500)).isEqualTo(2);
        assertThat(MoneyMath.picosToNanos(2_500)).isEqualTo(2);
        assertThat(MoneyMath.picosToNanos(2_501)).isEqualTo(3);
        assertThat(MoneyMath.picosToNanos(-2_500)).isEqualTo(-2);
    }

    @Test
    void scale_productBeyond64Bits_staysExact() {
        // 9.2e18 × 1e6 needs about 83 bits before the division brings it back.
        assertThat(MoneyMath.scale(Long.MAX_VALUE, 1_000_000, 2_000_000)).isEqualTo(4_611_686_018_427_387_904L);
        assertThat(MoneyMath.scale(Long.MIN_VALUE, 3, 3)).isEqualTo(Long.MIN_VALUE);
        assertThat(MoneyMath.scale(Long.MIN_VALUE, -1, 2)).isEqualTo(4_611_686_018_427_387_904L);
        assertThat(MoneyMath.scale(Long.MAX_VALUE, 5, 10)).isEqualTo(4_611_686_018_427_387_904L);
    }

    @Test
    void scale_resultBeyond64Bits_throws() {
        assertThatThrownBy(() -> MoneyMath.scale(Long.MAX_VALUE, 3, 2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> MoneyMath.scale(Long.MIN_VALUE, -1, 1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void scale_nonPositiveDenominator_isRefusedOnBothPaths() {
        assertThatIllegalArgumentException().isThrownBy(() -> MoneyMath.scale(10, 3, 0));
        // Long.MAX_VALUE × 4 takes the 128-bit path, whose division would accept a negative denominator.
        assertThatIllegalArgumentException().isThrownBy(() -> MoneyMath.scale(Long.MAX_VALUE, 4, -8))
            .withMessage("denominator must be positive: -8");
    }

    @Test
    void scale_anyInputs_equalsBigDecimalHalfEvenOrThrows() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final long amount = samples.anyLong();
            final long numerator = samples.anyLong();
            final long denominator = samples.positiveLong();
            final BigDecimal exact = halfEven(BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator)),
                denominator);
            final String description = Samples.run(run) + ": " + amount + " × " + numerator + " / " + denominator;

            if (exact.unscaledValue().bitLength() < Long.SIZE) {
                assertThat(MoneyMath.scale(amount, numerator, denominator)).as(description)
                    .isEqualTo(exact.longValueExact());
            } else {
                assertThatThrownBy(() -> MoneyMath.scale(amount, numerator, denominator)).as(description)
                    .isInstanceOf(ArithmeticException.class);
            }
        }
    }

    @Test
    void costPicos_overflow_throws() {
        assertThat(MoneyMath.costPicos(1_000_000, 2_500_000)).isEqualTo(2_500_000_000_000L);
        assertThatThrownBy(() -> MoneyMath.costPicos(Long.MAX_VALUE / 2, 3)).isInstanceOf(ArithmeticException.class);
    }

    private static BigDecimal halfEven(final BigDecimal dividend, final long divisor) {
        return dividend.divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN);
    }
}
