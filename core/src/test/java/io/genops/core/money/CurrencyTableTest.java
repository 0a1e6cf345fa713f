package io.genops.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import io.genops.core.Samples;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CurrencyTableTest {
    private final CurrencyTable defaults = CurrencyTable.defaults();

    @Test
    void shouldHoldThePlatformRatesByDefault() {
        assertThat(defaults.rates()).containsExactly(entry("EUR", new BigDecimal("0.850000")),
            entry("GBP", new BigDecimal("0.750000")), entry("CAD", new BigDecimal("1.250000")),
            entry("AUD", new BigDecimal("1.350000")));
        assertThat(defaults.rate("GBP")).isEqualByComparingTo("0.75");
    }

    @Test
    void shouldConvertTheCheckedAlertPrice() {
        final Money alert = Money.usd("1.20");

        assertThat(defaults.fromUsd(alert, "EUR")).isEqualTo(Money.of("1.02", "EUR"));
        assertThat(defaults.fromUsd(alert, "GBP")).isEqualTo(Money.of("0.90", "GBP"));
        assertThat(defaults.fromUsd(alert, "CAD")).isEqualTo(Money.of("1.50", "CAD"));
        assertThat(defaults.fromUsd(alert, "AUD")).isEqualTo(Money.of("1.62", "AUD"));
        assertThat(defaults.toUsd(Money.of("1.02", "EUR"))).isEqualTo(alert);
        assertThat(defaults.fromUsd(alert, "USD")).isSameAs(alert);
    }

    @Test
    void shouldRoundAConversionOnceHalfToEven() {
        // 1, 3, 5 and 2 nanos × 0.75 = 0.75, 2.25, 3.75 and 1.5; the tie 1.5 goes to the even 2
        assertThat(defaults.fromUsd(Money.usdNanos(1), "GBP").nanos()).isEqualTo(1);
        assertThat(defaults.fromUsd(Money.usdNanos(3), "GBP").nanos()).isEqualTo(2);
        assertThat(defaults.fromUsd(Money.usdNanos(5), "GBP").nanos()).isEqualTo(4);
        assertThat(defaults.fromUsd(Money.usdNanos(2), "GBP").nanos()).isEqualTo(2);
    }

    @Test
    void shouldNameTheKnownCurrenciesWhenOneIsUnknown() {
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.fromUsd(Money.usd("1"), "JPY"))
            .withMessage("currency 'JPY' has no rate; known: USD EUR GBP CAD AUD");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.toUsd(Money.of("1", "CHF")))
            .withMessageContaining("'CHF' has no rate");
        assertThatIllegalArgumentException().isThrownBy(() -> defaults.fromUsd(Money.of("1", "EUR"), "GBP"))
            .withMessageContaining("expected a USD amount");
    }

    @Test
    void shouldRefuseRatesItCannotKeepExactly() {
        final CurrencyTable.Builder builder = CurrencyTable.builder();

        assertThatIllegalArgumentException().isThrownBy(() -> builder.rate("EUR", "0.8500001"))
            .withMessageContaining("more than six decimals");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.rate("EUR", "0"))
            .withMessageContaining("must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.rate("eur", "0.85"))
            .withMessageContaining("three capital letters");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.rate("USD", "1.10"))
            .withMessageContaining("USD is the base currency");
    }

    @Test
    void shouldReturnToUsdWithinTheDocumentedBound() {
        final Samples samples = new Samples();
        final long maxAmount = Long.MAX_VALUE / 1_000;
        for (int run = 0; run < Samples.RUNS; run++) {
            final long rateMicros = samples.between(1, 1_000_000_000L);
            final CurrencyTable table = CurrencyTable.builder().rate("XTS", BigDecimal.valueOf(rateMicros, 6)).build();
            final Money usd = Money.usdNanos(samples.between(-maxAmount, maxAmount));

            final long drift = Math.abs(table.toUsd(table.fromUsd(usd, "XTS")).nanos() - usd.nanos());

            // |drift| <= 0.5 / rate + 0.5 nanos, in whole numbers: 2 × rate × drift <= 1 + rate
            assertThat(2 * rateMicros * drift).as("%s: rate %d micros, %s", Samples.run(run), rateMicros, usd)
                .isLessThanOrEqualTo(CurrencyTable.RATE_SCALE + rateMicros);
        }
    }

    @Test
    void shouldReturnExactlyToUsdThroughRatesOfOneOrMore() {
        final Samples samples = new Samples();
        for (int run = 0; run < Samples.RUNS; run++) {
            final Money usd = Money.usdNanos(samples.between(-Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));

            assertThat(defaults.toUsd(defaults.fromUsd(usd, "AUD"))).as(Samples.run(run)).isEqualTo(usd);
            assertThat(defaults.toUsd(defaults.fromUsd(usd, "CAD"))).as(Samples.run(run)).isEqualTo(usd);
        }
    }
}
