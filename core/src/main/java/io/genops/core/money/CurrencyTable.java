package io.genops.core.money;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Exchange rates from USD, each an exact decimal with at most six places. Conversion rounds half to
 * even once, so a round trip USD → X → USD differs from the start by at most half a nanounit divided
 * by X's rate, plus half a nanounit: less than one nanounit, hence exact, for rates of 1 or more.
 */
public final class CurrencyTable {
    /** Rates are kept in millionths. */
    public static final long RATE_SCALE = 1_000_000L;

    private static final CurrencyTable DEFAULTS = builder()
        .rate("EUR", "0.85")
        .rate("GBP", "0.75")
        .rate("CAD", "1.25")
        .rate("AUD", "1.35")
        .build();

    private final Map<String, Long> ratesMicros;

    private CurrencyTable(final Map<String, Long> ratesMicros) {
        this.ratesMicros = Collections.unmodifiableMap(new LinkedHashMap<>(ratesMicros));
    }

    /** EUR 0.85, GBP 0.75, CAD 1.25, AUD 1.35 per USD. */
    public static CurrencyTable defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Converts a USD amount to {@code currency}; converting to USD returns the amount itself. */
    public Money fromUsd(final Money usd, final String currency) {
        requireUsd(usd);
        if (Money.USD.equals(currency)) {
            return usd;
        }
        return Money.ofNanos(MoneyMath.scale(usd.nanos(), rateMicros(currency), RATE_SCALE), currency);
    }

    /** Converts an amount in a table currency back to USD. */
    public Money toUsd(final Money amount) {
        if (Money.USD.equals(amount.currency())) {
            return amount;
        }
        return Money.usdNanos(MoneyMath.scale(amount.nanos(), RATE_SCALE, rateMicros(amount.currency())));
    }

    public BigDecimal rate(final String currency) {
        return BigDecimal.valueOf(rateMicros(currency), 6);
    }

    public Map<String, BigDecimal> rates() {
        final Map<String, BigDecimal> rates = new LinkedHashMap<>();
        ratesMicros.forEach((code, micros) -> rates.put(code, BigDecimal.valueOf(micros, 6)));
        return rates;
    }

    private long rateMicros(final String currency) {
        Objects.requireNonNull(currency, "currency");
        final Long micros = ratesMicros.get(currency);
        if (micros == null) {
            throw new IllegalArgumentException(
                "currency '" + currency + "' has no rate; known: USD " + String.join(" ", ratesMicros.keySet()));
        }
        return micros;
    }

    private static void requireUsd(final Money usd) {
        if (!Money.USD.equals(usd.currency())) {
            throw new IllegalArgumentException("expected a USD amount, got " + usd);
        }
    }

    /** Collects rates; a currency set twice keeps the last rate. */
    public static final class Builder {
        private final Map<String, Long> ratesMicros = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder rate(final String currency, final String perUsd) {
            Objects.requireNonNull(perUsd, "rate");
            return rate(currency, new BigDecimal(perUsd));
        }

        public Builder rate(final String currency, final BigDecimal perUsd) {
            Money.zero(currency);
            if (Money.USD.equals(currency)) {
                throw new IllegalArgumentException("USD is the base currency: its rate is 1 and cannot be set");
            }
            if (perUsd.signum() <= 0) {
                throw new IllegalArgumentException("rate for " + currency + " must be positive: " + perUsd);
            }
            try {
                ratesMicros.put(currency, perUsd.movePointRight(6).longValueExact());
            } catch (final ArithmeticException e) {
                throw new IllegalArgumentException(
                    "rate for " + currency + " has more than six decimals: " + perUsd, e);
            }
            return this;
        }

        public CurrencyTable build() {
            return new CurrencyTable(ratesMicros);
        }
    }
}
