package io.genops.core.policy;

/**
 * Thrown at the call under {@link GovernancePolicy#ENFORCED} when a team or an agent sends events
 * faster than its configured rate. Nothing of the refused event is recorded except the count. Like
 * {@link BudgetExceededException} it carries no stack trace: a refusal is an answer, not a fault.
 */
public final class RateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String scope;
    private final long eventsPerSecond;

    public RateLimitedException(final String scope, final long eventsPerSecond) {
        super("rate limited: " + scope + " is sending faster than its limit of " + eventsPerSecond
            + " events per second", null, false, false);
        this.scope = scope;
        this.eventsPerSecond = eventsPerSecond;
    }

    /** The limited scope, such as {@code agent=support-bot-1}. */
    public String scope() {
        return scope;
    }

    public long eventsPerSecond() {
        return eventsPerSecond;
    }
}
