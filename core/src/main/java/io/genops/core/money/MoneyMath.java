package io.genops.core.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact fixed-point arithmetic on {@code long} amounts: the one home of the rounding rule
 * (half to even) and of overflow checks. Allocation-free except where a product needs more than
 * 64 bits, which falls back to {@link BigInteger} rather than overflowing.
 */
public final class MoneyMath {
    /** Picounits per nanounit. */
    public static final long PICOS_PER_NANO = 1_000L;

    private MoneyMath() {
    }

    /** {@code dividend / divisor} rounded half to even; {@code divisor} must be positive. */
    public static long divideHalfEven(final long dividend, final long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        final long quotient = Math.floorDiv(dividend, divisor);
        final long remainder = Math.floorMod(dividend, divisor);
        final long twice = remainder << 1;
        final boolean roundUp = twice > divisor || twice < 0 || (twice == divisor && (quotient & 1) != 0);
        return roundUp ? quotient + 1 : quotient;
    }

    /** Picounits rounded half to even to nanounits. */
    public static long picosToNanos(final long picos) {
        return divideHalfEven(picos, PICOS_PER_NANO);
    }

    /** {@code count × unitPicos}, throwing on overflow. */
    public static long costPicos(final long count, final long unitPicos) {
        return Math.multiplyExact(count, unitPicos);
    }

    /**
     * {@code amount × numerator / denominator} rounded half to even, exact for any {@code long} inputs:
     * the product is formed in 128 bits when it does not fit in 64. Throws when the result does not fit.
     * {@code denominator} must be positive, whichever path the product takes.
     */
    public static long scale(final long amount, final long numerator, final long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        final long high = Math.multiplyHigh(amount, numerator);
        final long low = amount * numerator;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divideHalfEven(low, denominator);
        }
        final BigDecimal product = new BigDecimal(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator)));
        return product.divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Compares {@code a × b} with {@code c × d} exactly, for non-negative operands, by their 128-bit
     * products; negative, zero or positive as the first is less, equal or greater.
     */
    public static int compareProducts(final long a, final long b, final long c, final long d) {
        if ((a | b | c | d) < 0) {
            throw new IllegalArgumentException("compareProducts takes non-negative operands");
        }
        final int high = Long.compareUnsigned(Math.multiplyHigh(a, b), Math.multiplyHigh(c, d));
        return high != 0 ? high : Long.compareUnsigned(a * b, c * d);
    }
}
