package io.genops.pipeline.internal;

import io.genops.core.event.AlertRule;
import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.util.Map;

/**
 * One preallocated ring entry. The caller's thread overwrites every input field before publishing
 * (so nothing of a previous event survives); the stages fill in the derived fields in order. Fields
 * are plain: the ring's sequence barriers order the caller's writes before the stages' reads, and
 * each stage's writes before the next stage's reads.
 */
public final class EventSlot implements EventView {
    // Written by the caller.
    EventKind kind;
    long sequence;
    long epochMillis;
    Scope session;
    Scope conversation;
    String team;
    String project;
    String environment;
    String customerId;
    String costCenter;
    String feature;
    String agentId;
    /** The agent group, resolved by the caller; its settings govern the event in every stage. */
    CompiledGroup agentGroup;
    String name;
    String conversationId;
    String userId;
    String model;
    String provider;
    long inputTokens;
    long outputTokens;
    long cacheReadTokens;
    long cacheCreationTokens;
    long reasoningTokens;
    long latencyNanos;
    Complexity complexity;
    long payloadChars;
    String content;
    /** The model's answer; like {@link #content}, set only under content capture. */
    String output;
    String error;
    Map<String, Double> performance;
    Map<String, String> attributes;
    long costOverrideNanos;
    double value;
    double threshold;
    Frequency frequency;
    AlertRule rule;
    /** A closed session's totals, read only when the kind is {@code SESSION}, so other writers leave them. */
    long sessionOperations;
    long sessionCostNanos;
    boolean sessionTotalsExact;

    // Budget reservations made on the caller's thread, reconciled by the budget stage.
    final Budget.Period[] reserved = new Budget.Period[BudgetBook.MAX_PER_EVENT];
    int reservedCount;
    long reservationNanos;
    /** The caller charged the configured fixed estimate instead of pricing; set after {@link #resetDerived}. */
    boolean costEstimated;

    // Written by the stages.
    long modelCostNanos;
    long platformCostNanos;
    long costNanos;
    boolean unpriced;
    PolicyResult policyResult;
    PolicyReason policyReason;
    boolean sampled;
    boolean failed;
    /** Of the budgets the event was charged to, the closest to its limit, and its window's spend after the charge. */
    Budget budget;
    long budgetConsumedNanos;

    /**
     * Set on a slot claimed by a call that found the pipeline closed: the stages skip it. Reset by
     * {@link #resetDerived}, which every write of a real event calls.
     */
    boolean cancelled;

    /** Resets the derived fields; called by the caller's thread as part of writing a new event. */
    void resetDerived() {
        cancelled = false;
        costEstimated = false;
        modelCostNanos = 0;
        platformCostNanos = 0;
        costNanos = 0;
        unpriced = false;
        policyResult = PolicyResult.ALLOWED;
        policyReason = PolicyReason.NONE;
        sampled = true;
        failed = false;
        budget = null;
        budgetConsumedNanos = 0;
    }

    /** Whether the caller reserved this event's estimated cost in {@code period}. */
    boolean reservedIn(final Budget.Period period) {
        for (int i = 0; i < reservedCount; i++) {
            if (reserved[i] == period) {
                return true;
            }
        }
        return false;
    }

    @Override
    public EventKind kind() {
        return kind;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long epochMillis() {
        return epochMillis;
    }

    @Override
    public String sessionId() {
        return session == null ? null : session.id();
    }

    @Override
    public String team() {
        return team;
    }

    @Override
    public String project() {
        return project;
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public String customerId() {
        return customerId;
    }

    @Override
    public String costCenter() {
        return costCenter;
    }

    @Override
    public String feature() {
        return feature;
    }

    @Override
    public String agentId() {
        return agentId;
    }

    @Override
    public String group() {
        return agentGroup.name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String conversationId() {
        return conversationId;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public long inputTokens() {
        return inputTokens;
    }

    @Override
    public long outputTokens() {
        return outputTokens;
    }

    @Override
    public long cacheReadTokens() {
        return cacheReadTokens;
    }

    @Override
    public long cacheCreationTokens() {
        return cacheCreationTokens;
    }

    @Override
    public long reasoningTokens() {
        return reasoningTokens;
    }

    @Override
    public long latencyNanos() {
        return latencyNanos;
    }

    @Override
    public Complexity complexity() {
        return complexity;
    }

    @Override
    public long payloadChars() {
        return payloadChars;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public double threshold() {
        return threshold;
    }

    @Override
    public Frequency frequency() {
        return frequency;
    }

    @Override
    public long modelCostNanos() {
        return modelCostNanos;
    }

    @Override
    public long platformCostNanos() {
        return platformCostNanos;
    }

    @Override
    public long costNanos() {
        return costNanos;
    }

    @Override
    public boolean costOverridden() {
        return costOverrideNanos != io.genops.core.event.Interaction.NO_OVERRIDE;
    }

    @Override
    public boolean unpriced() {
        return unpriced;
    }

    @Override
    public PolicyResult policyResult() {
        return policyResult;
    }

    @Override
    public PolicyReason policyReason() {
        return policyReason;
    }

    @Override
    public boolean sampled() {
        return sampled;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    /** The rule an alert event registers; {@code null} for other kinds. */
    public AlertRule rule() {
        return rule;
    }

    public Map<String, Double> performance() {
        return performance;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public String content() {
        return content;
    }

    @Override
    public String output() {
        return output;
    }

    @Override
    public long sessionOperations() {
        return kind == EventKind.SESSION ? sessionOperations : 0;
    }

    @Override
    public long sessionCostNanos() {
        return kind == EventKind.SESSION ? sessionCostNanos : 0;
    }

    @Override
    public boolean sessionTotalsExact() {
        return kind != EventKind.SESSION || sessionTotalsExact;
    }

    @Override
    public boolean alertFired() {
        return kind == EventKind.ALERT && AlertJournal.isFiring(this);
    }

    @Override
    public String budgetName() {
        return budget == null ? null : budget.name;
    }

    @Override
    public long budgetLimitNanos() {
        return budget == null ? 0 : budget.limitNanos;
    }

    @Override
    public long budgetConsumedNanos() {
        return budget == null ? 0 : budgetConsumedNanos;
    }

    @Override
    public int channelCount() {
        return rule == null ? 0 : rule.channels().size();
    }
}
