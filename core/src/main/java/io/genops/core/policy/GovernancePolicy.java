package io.genops.core.policy;

/** Whether a budget only warns or also refuses spend beyond its limit. */
public enum GovernancePolicy {
    /** Spend beyond a limit is recorded with a {@link PolicyResult#WARNING} and raises an alert. */
    ADVISORY,
    /** Spend beyond a limit is refused at the call with {@link BudgetExceededException}. */
    ENFORCED
}
