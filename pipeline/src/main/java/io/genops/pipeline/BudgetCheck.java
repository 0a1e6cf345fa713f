package io.genops.pipeline;

import io.genops.core.money.Money;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;

/**
 * The answer of {@link GenOps#checkBudget}: whether spending an estimated amount now would stay within
 * every budget that applies, and if not, which budget is the tightest.
 *
 * @param result  {@code ALLOWED}, {@code WARNING} (past the warning threshold), {@code BLOCKED}, or
 *                {@code RATE_LIMITED} when the team is sending faster than its rate limit
 * @param reason  {@code NONE}, {@code BUDGET_THRESHOLD}, {@code BUDGET_EXCEEDED} or {@code RATE_LIMITED}
 * @param scope   the deciding budget's scope, such as {@code team=support}; null when none applies
 * @param window  the deciding budget's window; null when none applies
 * @param limit   its limit; zero when none applies
 * @param spent   its spend in the current window, reservations of calls in flight included
 */
public record BudgetCheck(PolicyResult result, PolicyReason reason, String scope, BudgetWindow window, Money limit,
    Money spent) {

    /** The answer when no budget applies. */
    public static final BudgetCheck NO_BUDGET = new BudgetCheck(PolicyResult.ALLOWED, PolicyReason.NONE, null, null,
        Money.usdNanos(0), Money.usdNanos(0));

    public boolean allowed() {
        return result != PolicyResult.BLOCKED && result != PolicyResult.RATE_LIMITED;
    }
}
