package io.genops.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of money: a whole number of nanounits (1e-9) of one currency.
 *
 * <h2>The accounting rules</h2>
 * <ul>
 *   <li>Amounts are {@code long} nanounits, so one amount spans about ±9.2 billion currency units.</li>
 *   <li>Unit prices are {@code long} picounits (1e-12) per unit; see {@link UnitPrice}.</li>
 *   <li><b>Rounding</b>: whenever a result is finer than a nanounit it is rounded once, half to even
 *       (banker's rounding), by {@link MoneyMath#divideHalfEven}. Token costs are summed in
 *       picounits and rounded once per event; multiplying factors are applied together and rounded
 *       once. Nothing else rounds.</li>
 *   <li>Overflow throws {@link ArithmeticException}; an amount never wraps.</li>
 * </ul>
 *
 * <p>The hot path works on the raw {@code long} nanos; this class is the API-facing value.
 */
public final class Money implements Comparable<Money> {
    /** Nanounits per currency unit. */
    public static final long NANOS_PER_UNIT = 1_000_000_000L;
    /** Decimal places kept by an amount. */
    public static final int SCALE = 9;
    public static final String USD = "USD";

    private static final Money ZERO_USD = new Money(0, USD);

    private final long nanos;
    private final String currency;

    private Money(final long nanos, final String currency) {
        this.nanos = nanos;
        this.currency = currency;
    }

    /** An amount of {@code nanos} nanounits of {@code currency} (an ISO 4217 style code such as "USD"). */
    public static Money ofNanos(final long nanos, final String currency) {
        return new Money(nanos, checkCurrency(currency));
    }

    public static Money usdNanos(final long nanos) {
        return nanos == 0 ? ZERO_USD : new Money(nanos, USD);
    }

    public static Money zero(final String currency) {
        return USD.equals(currency) ? ZERO_USD : new Money(0, checkCurrency(currency));
    }

    /** Parses a decimal amount in USD such as {@code "0.075"}; more than 9 decimal places is an error. */
    public static Money usd(final String decimal) {
        return of(decimal, USD);
    }

    public static Money of(final String decimal, final String currency) {
        Objects.requireNonNull(decimal, "amount");
        final BigDecimal value;
        try {
            value = new BigDecimal(decimal.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + decimal + "' is not a decimal number", e);
        }
        return of(value, currency);
    }

    /** Converts an exact decimal; an amount finer than 1e-9 or beyond the {@code long} range is an error. */
    public static Money of(final BigDecimal value, final String currency) {
        Objects.requireNonNull(value, "amount");
        try {
            return new Money(value.movePointRight(SCALE).longValueExact(), checkCurrency(currency));
        } catch (final ArithmeticException e) {
            throw new IllegalArgumentException(
                "amount " + value.toPlainString() + " is finer than 1e-9 or too large for an exact amount", e);
        }
    }

    /** Parses the {@link #toString()} form, {@code "0.075 USD"}. */
    public static Money parse(final String text) {
        Objects.requireNonNull(text, "money");
        final String trimmed = text.trim();
        final int space = trimmed.lastIndexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("money '" + text + "' must be '<amount> <currency>', e.g. '0.075 USD'");
        }
        return of(trimmed.substring(0, space), trimmed.substring(space + 1));
    }

    public long nanos() {
        return nanos;
    }

    public String currency() {
        return currency;
    }

    public boolean isZero() {
        return nanos == 0;
    }

    public Money plus(final Money other) {
        return new Money(Math.addExact(nanos, sameCurrency(other).nanos), currency);
    }

    public Money minus(final Money other) {
        return new Money(Math.subtractExact(nanos, sameCurrency(other).nanos), currency);
    }

    public Money times(final long count) {
        return new Money(Math.multiplyExact(nanos, count), currency);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(nanos, SCALE);
    }

    @Override
    public int compareTo(final Money other) {
        return Long.compare(nanos, sameCurrency(other).nanos);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Money && ((Money)o).nanos == nanos && ((Money)o).currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos) * 31 + currency.hashCode();
    }

    /** The amount with trailing zeros removed but at least two decimals, then the currency: {@code "1.20 USD"}. */
    @Override
    public String toString() {
        return format(nanos) + " " + currency;
    }

    /** Formats nanounits as a plain decimal with at least two and at most nine decimals. */
    public static String format(final long nanos) {
        BigDecimal value = BigDecimal.valueOf(nanos, SCALE).stripTrailingZeros();
        if (value.scale() < 2) {
            value = value.setScale(2, RoundingMode.UNNECESSARY);
        }
        return value.toPlainString();
    }

    private Money sameCurrency(final Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    private static String checkCurrency(final String currency) {
        Objects.requireNonNull(currency, "currency");
        if (currency.length() != 3 || !currency.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("currency '" + currency + "' must be three capital letters such as USD");
        }
        return currency;
    }
}
