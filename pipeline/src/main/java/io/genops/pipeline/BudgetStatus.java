package io.genops.pipeline;

import io.genops.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A budget's state in one window: what is allocated, consumed and left.
 *
 * @param scope     what the budget covers, such as {@code team=support}
 * @param window    the window's kind, such as {@code daily}
 * @param start     the first day of the window, in the budget time zone
 * @param allocated the limit; zero when the scope has none
 * @param consumed  the spend so far in the window
 */
public record BudgetStatus(String scope, String window, LocalDate start, Money allocated, Money consumed) {

    /** What is left, never negative. */
    public Money remaining() {
        final long left = allocated.nanos() - consumed.nanos();
        return Money.usdNanos(Math.max(0, left));
    }

    /** Consumed as a percentage of allocated, to two decimals; zero when nothing is allocated. */
    public BigDecimal utilizationPercent() {
        if (allocated.isZero()) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(consumed.nanos()).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(allocated.nanos()), 2, RoundingMode.HALF_EVEN);
    }

    public boolean hasLimit() {
        return !allocated.isZero();
    }
}
