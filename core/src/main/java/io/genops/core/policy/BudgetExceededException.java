package io.genops.core.policy;

import io.genops.core.money.Money;

/**
 * Thrown at the call under {@link GovernancePolicy#ENFORCED} when the scope's spend in the current
 * window has reached its limit. Nothing of the refused event is recorded except the rejection count.
 * It carries no stack trace: a refusal is an answer, not a fault, and under load it must stay cheap.
 */
public final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String scope;
    private final String window;
    private final long limitNanos;
    private final long spentNanos;

    public BudgetExceededException(final String scope, final String window, final long limitNanos,
        final long spentNanos) {
        super("budget exceeded for " + scope + ": " + window + " spend " + Money.format(spentNanos)
            + " USD has reached the limit of " + Money.format(limitNanos) + " USD", null, false, false);
        this.scope = scope;
        this.window = window;
        this.limitNanos = limitNanos;
        this.spentNanos = spentNanos;
    }

    /** The budget scope, such as {@code team=support}. */
    public String scope() {
        return scope;
    }

    /** The window, such as {@code daily 2026-12-03}. */
    public String window() {
        return window;
    }

    public Money limit() {
        return Money.usdNanos(limitNanos);
    }

    public Money spent() {
        return Money.usdNanos(spentNanos);
    }
}
