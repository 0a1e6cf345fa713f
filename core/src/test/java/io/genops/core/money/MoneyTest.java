package io.genops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Samples;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void shouldParseAndFormatTheCheckedPlatformPrices() {
        final Money signal = Money.parse("0.075 USD");
        final Money alert = Money.parse("1.20 USD");

        assertThat(signal.nanos()).isEqualTo(75_000_000);
        assertThat(alert.nanos()).isEqualTo(1_200_000_000);
        assertThat(signal).hasToString("0.075 USD");
        assertThat(alert).hasToString("1.20 USD");
    }

    @Test
    void shouldFormatWithAtLeastTwoAndAtMostNineDecimals() {
        assertThat(Money.format(0)).isEqualTo("0.00");
        assertThat(Money.format(1)).isEqualTo("0.000000001");
        assertThat(Money.format(-2_500_000_000L)).isEqualTo("-2.50");
        assertThat(Money.format(Long.MAX_VALUE)).isEqualTo("9223372036.854775807");
    }

    @Test
    void shouldReadBackEveryAmountItPrints() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final Money amount = Money.ofNanos(samples.anyLong(), "EUR");

            assertThat(Money.parse(amount.toString())).as(Samples.run(run)).isEqualTo(amount);
        }
    }

    @Test
    void shouldRefuseAnAmountFinerThanANanounit() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.usd("0.0000000015"))
            .withMessageContaining("0.0000000015 is finer than 1e-9");
        assertThat(Money.usd("0.0000000010").nanos()).as("trailing zeros are not finer").isEqualTo(1);
    }

    @Test
    void shouldRefuseTextThatIsNotMoney() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.usd("ten"))
            .withMessage("amount 'ten' is not a decimal number");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("0.075"))
            .withMessageContaining("must be '<amount> <currency>'");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("0.075 usd"))
            .withMessageContaining("three capital letters");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("1e10"), "USD"))
            .withMessageContaining("too large");
    }

    @Test
    void shouldThrowRatherThanWrapOnOverflow() {
        final Money max = Money.usdNanos(Long.MAX_VALUE);
        final Money min = Money.usdNanos(Long.MIN_VALUE);

        assertThatThrownBy(() -> max.plus(Money.usdNanos(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(Money.usdNanos(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThat(max.minus(max)).isEqualTo(Money.zero("USD"));
    }

    @Test
    void shouldRefuseToCombineCurrencies() {
        final Money usd = Money.usd("1.00");
        final Money eur = Money.of("1.00", "EUR");

        assertThatIllegalArgumentException().isThrownBy(() -> usd.plus(eur)).withMessage("cannot combine USD with EUR");
        assertThatIllegalArgumentException().isThrownBy(() -> usd.minus(eur));
        assertThatIllegalArgumentException().isThrownBy(() -> usd.compareTo(eur));
        assertThat(usd).isNotEqualTo(eur);
    }

    @Test
    void shouldAddExactlyInAnyOrderAndGrouping() {
        final Samples samples = new Samples();
        final long bound = Long.MAX_VALUE / 4;
        for (int run = 0; run < Samples.RUNS; run++) {
            final Money a = Money.usdNanos(samples.between(-bound, bound));
            final Money b = Money.usdNanos(samples.between(-bound, bound));
            final Money c = Money.usdNanos(samples.between(-bound, bound));
            final BigDecimal exact = a.toBigDecimal().add(b.toBigDecimal()).add(c.toBigDecimal());

            assertThat(a.plus(b).plus(c)).as(Samples.run(run))
                .isEqualTo(a.plus(b.plus(c)))
                .isEqualTo(c.plus(a).plus(b));
            assertThat(a.plus(b).plus(c).toBigDecimal()).as(Samples.run(run)).isEqualByComparingTo(exact);
        }
    }

    @Test
    void shouldEitherAddExactlyOrThrow() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final Money a = Money.usdNanos(samples.anyLong());
            final Money b = Money.usdNanos(samples.anyLong());
            final BigDecimal exact = a.toBigDecimal().add(b.toBigDecimal());

            if (fitsInNanos(exact)) {
                assertThat(a.plus(b).toBigDecimal()).as(Samples.run(run)).isEqualByComparingTo(exact);
            } else {
                assertThatThrownBy(() -> a.plus(b)).as(Samples.run(run)).isInstanceOf(ArithmeticException.class);
            }
        }
    }

    @Test
    void shouldOrderAmountsOfOneCurrency() {
        assertThat(Money.usd("0.10")).isLessThan(Money.usd("0.2")).isEqualByComparingTo(Money.usd("0.100"));
        assertThat(Money.usd("0").isZero()).isTrue();
        assertThat(Money.usd("0.10").hashCode()).isEqualTo(Money.usd("0.1").hashCode());
    }

    private static boolean fitsInNanos(final BigDecimal amount) {
        final BigDecimal nanos = amount.movePointRight(Money.SCALE);
        return nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
            && nanos.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0;
    }
}
