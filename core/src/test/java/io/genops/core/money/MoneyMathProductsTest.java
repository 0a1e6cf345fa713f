package io.genops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MoneyMathProductsTest {
    private static final long SEED = 20261203L;

    @Test
    void compareProducts_agreesWithBigIntegerBeyondSixtyFourBits() {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int run = 0; run < 20_000; run++) {
            final long a = random.nextLong(Long.MAX_VALUE);
            final long b = random.nextInt(3) == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextLong(1_001);
            final long c = random.nextLong(Long.MAX_VALUE);
            final long d = random.nextInt(3) == 0 ? random.nextLong(Long.MAX_VALUE) : random.nextLong(1_001);
            final int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            assertThat(Integer.signum(MoneyMath.compareProducts(a, b, c, d)))
                .as("seed %d run %d: %d×%d vs %d×%d", SEED, run, a, b, c, d).isEqualTo(expected);
        }
    }

    @Test
    void compareProducts_decidesBudgetPercentagesOfHugeLimitsExactly() {
        final long limit = Long.MAX_VALUE / 10;
        assertThat(MoneyMath.compareProducts(limit / 2, 100, limit, 50)).isLessThanOrEqualTo(0);
        assertThat(MoneyMath.compareProducts(limit, 100, limit, 100)).isZero();
        assertThat(MoneyMath.compareProducts(limit, 100, limit, 1_000)).isNegative();
        assertThatThrownBy(() -> MoneyMath.compareProducts(-1, 1, 1, 1))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
