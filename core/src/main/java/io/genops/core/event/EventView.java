package io.genops.core.event;

import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A read-only view of one event as the pipeline holds it: what the caller recorded plus what the
 * stages derived (cost, policy, sampling). Views are reused: read what you need during the call
 * and keep no reference to the view.
 *
 * <p>Fields a kind does not have read as {@code null} or zero: a signal has no model, an
 * interaction no signal value.
 */
public interface EventView {
    /** The group of an event that matches none of the declared agent groups: the pipeline's own settings. */
    String DEFAULT_GROUP = "default";

    /** The most agent groups a pipeline declares: one bit each in a {@code long}. */
    int MAX_DECLARED_GROUPS = Long.SIZE;

    EventKind kind();

    /** Position in the pipeline's sequence of accepted events. */
    long sequence();

    /** When the event was recorded; for a {@link EventKind#SESSION} record, when the session closed. */
    long epochMillis();

    String sessionId();

    String team();

    String project();

    String environment();

    String customerId();

    String costCenter();

    String feature();

    String agentId();

    /**
     * The agent group whose settings governed the event: the first declared group it matched, or
     * {@link #DEFAULT_GROUP}; never {@code null}. A view that knows no groups answers the default.
     */
    default String group() {
        return DEFAULT_GROUP;
    }

    /** The signal's, the alert rule's or the closed session's name; {@code null} for interactions. */
    String name();

    String conversationId();

    String userId();

    String model();

    String provider();

    long inputTokens();

    long outputTokens();

    long cacheReadTokens();

    long cacheCreationTokens();

    long reasoningTokens();

    /** An interaction's latency; for a {@link EventKind#SESSION} record, how long the session was open. */
    long latencyNanos();

    Complexity complexity();

    long payloadChars();

    /** The error type of a failed interaction, or {@code null}. */
    String error();

    /** A signal's value, or the value that fired an alert rule ({@link #alertFired()}); 0 for other events. */
    double value();

    /** A signal's threshold, or the threshold of the alert rule that fired; {@code NaN} when none. */
    double threshold();

    Frequency frequency();

    /** An alert rule's number of notification channels, which its price depends on; 0 for other kinds. */
    int channelCount();

    /** Message content (the prompt), present only when content capture is configured; otherwise {@code null}. */
    String content();

    /**
     * The model's answer, present only when content capture is configured and the caller gave one; otherwise
     * {@code null}. A view that holds no answer need not answer: the default is {@code null}.
     */
    default String output() {
        return null;
    }

    /** Model token cost in USD nanos. */
    long modelCostNanos();

    /** Monitoring-platform cost in USD nanos. */
    long platformCostNanos();

    /** Total cost in USD nanos: the caller's override when given, else model plus platform cost. */
    long costNanos();

    /** Whether the caller's explicit cost replaced the computed one. */
    boolean costOverridden();

    /** Whether the model had no price and its tokens were priced at zero. */
    boolean unpriced();

    PolicyResult policyResult();

    PolicyReason policyReason();

    /** Whether the event is exported as a span or log; accounting sees every event regardless. */
    boolean sampled();

    /** Whether a stage failed on this event; it is still accounted. */
    boolean failed();

    /**
     * A {@link EventKind#SESSION} record's count of the session's operations (its interactions, signals
     * and alert rules); 0 for other kinds.
     */
    default long sessionOperations() {
        return 0;
    }

    /**
     * A {@link EventKind#SESSION} record's total cost of the session's operations in USD nanos; 0 for
     * other kinds. The record's own {@link #costNanos()} is 0, so summing costs never counts a session twice.
     */
    default long sessionCostNanos() {
        return 0;
    }

    /**
     * Whether an {@link EventKind#ALERT} event records a rule firing, with the observed {@link #value()} and
     * the rule's {@link #threshold()}, rather than the rule's creation; false for other kinds.
     */
    default boolean alertFired() {
        return false;
    }

    /**
     * Whether a {@link EventKind#SESSION} record's totals count every operation of the session; false
     * when the close timeout passed before the pipeline had counted them all. True for other kinds.
     */
    default boolean sessionTotalsExact() {
        return true;
    }

    /**
     * Of the budgets the event was charged to, the one closest to its limit (the highest share of the
     * limit spent once this event was charged), named {@code scope:key:window}: such as
     * {@code team:support:daily}, {@code customer:acme:monthly} or {@code team_project:support/helpdesk:weekly}.
     * The key is always the event's own team, project, customer id or {@code team/project}. {@code null}
     * for an event charged to no budget, and then the other budget figures are 0.
     */
    default String budgetName() {
        return null;
    }

    /** The limit of {@link #budgetName()} in USD nanos; 0 when the event was charged to no budget. */
    default long budgetLimitNanos() {
        return 0;
    }

    /**
     * What the window of {@link #budgetName()} had consumed once this event was charged, in USD nanos: the
     * event's own cost included; 0 when the event was charged to no budget.
     */
    default long budgetConsumedNanos() {
        return 0;
    }

    /**
     * {@link #budgetConsumedNanos()} as a percentage of {@link #budgetLimitNanos()}, the double nearest to
     * the exact quotient of the two amounts (over 100 once the spend passed the limit); {@code NaN} when the
     * event was charged to no budget or the limit is not positive. For display: the amounts are the exact figures.
     */
    default double budgetUtilizationPercent() {
        return budgetName() == null ? Double.NaN : percent(budgetConsumedNanos(), budgetLimitNanos());
    }

    /**
     * {@code 100 × consumed ÷ limit}. While both operands are exact as doubles, one IEEE division rounds the
     * exact quotient to the nearest double; beyond (more than 90,071 USD consumed), a 34-digit decimal
     * quotient is rounded once more, which may differ from the nearest double in the last bit.
     */
    private static double percent(final long consumed, final long limit) {
        if (limit <= 0) {
            return Double.NaN;
        }
        final long exact = 1L << 53;
        if (consumed >= -exact / 100 && consumed <= exact / 100 && limit <= exact) {
            return (double)(consumed * 100) / limit;
        }
        return new BigDecimal(consumed).movePointRight(2).divide(new BigDecimal(limit), MathContext.DECIMAL128)
            .doubleValue();
    }
}
