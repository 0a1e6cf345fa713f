package io.genops.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price per unit (a token, an operation) kept exactly in picounits (1e-12 of a currency unit).
 * A price finer than that is refused rather than rounded, so a price table is either read exactly
 * or not at all.
 */
public final class UnitPrice {
    /** Picounits per currency unit. */
    public static final long PICOS_PER_UNIT = 1_000_000_000_000L;
    public static final int SCALE = 12;
    public static final UnitPrice ZERO = new UnitPrice(0);

    private final long picos;

    private UnitPrice(final long picos) {
        this.picos = picos;
    }

    public static UnitPrice ofPicos(final long picos) {
        if (picos < 0) {
            throw new IllegalArgumentException("unit price must not be negative: " + picos + " picos");
        }
        return picos == 0 ? ZERO : new UnitPrice(picos);
    }

    /** Parses a decimal such as {@code "2.5e-06"} or {@code "0.0000025"} exactly. */
    public static UnitPrice parse(final String decimal) {
        Objects.requireNonNull(decimal, "unit price");
        try {
            return of(new BigDecimal(decimal.trim()));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("unit price '" + decimal + "' is not a decimal number", e);
        }
    }

    public static UnitPrice of(final BigDecimal perUnit) {
        Objects.requireNonNull(perUnit, "unit price");
        if (perUnit.signum() < 0) {
            throw new IllegalArgumentException("unit price must not be negative: " + perUnit.toPlainString());
        }
        try {
            return ofPicos(perUnit.movePointRight(SCALE).longValueExact());
        } catch (final ArithmeticException e) {
            throw new IllegalArgumentException(
                "unit price " + perUnit.toPlainString() + " is finer than 1e-12 or too large", e);
        }
    }

    public long picos() {
        return picos;
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(picos, SCALE);
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof UnitPrice && ((UnitPrice)o).picos == picos;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(picos);
    }

    @Override
    public String toString() {
        return toBigDecimal().stripTrailingZeros().toPlainString();
    }
}
