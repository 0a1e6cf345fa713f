package io.genops.bench;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;

/** An event held in plain fields, as the pipeline's ring slots hold it, copied from any other view. */
record CopiedEvent(
    EventKind kind,
    long sequence,
    long epochMillis,
    String sessionId,
    String team,
    String project,
    String environment,
    String customerId,
    String costCenter,
    String feature,
    String agentId,
    String group,
    String name,
    String conversationId,
    String userId,
    String model,
    String provider,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheCreationTokens,
    long reasoningTokens,
    long latencyNanos,
    Complexity complexity,
    long payloadChars,
    String error,
    double value,
    double threshold,
    Frequency frequency,
    int channelCount,
    String content,
    String output,
    long modelCostNanos,
    long platformCostNanos,
    long costNanos,
    boolean costOverridden,
    boolean unpriced,
    PolicyResult policyResult,
    PolicyReason policyReason,
    boolean sampled,
    boolean failed,
    long sessionOperations,
    long sessionCostNanos,
    boolean sessionTotalsExact,
    String budgetName,
    long budgetLimitNanos,
    long budgetConsumedNanos) implements EventView {

    static CopiedEvent of(final EventView event) {
        return new CopiedEvent(event.kind(), event.sequence(), event.epochMillis(), event.sessionId(), event.team(),
            event.project(), event.environment(), event.customerId(), event.costCenter(), event.feature(),
            event.agentId(), event.group(), event.name(), event.conversationId(), event.userId(), event.model(),
            event.provider(), event.inputTokens(), event.outputTokens(), event.cacheReadTokens(),
            event.cacheCreationTokens(), event.reasoningTokens(), event.latencyNanos(), event.complexity(),
            event.payloadChars(), event.error(), event.value(), event.threshold(), event.frequency(),
            event.channelCount(), event.content(), event.output(), event.modelCostNanos(), event.platformCostNanos(),
            event.costNanos(), event.costOverridden(), event.unpriced(), event.policyResult(), event.policyReason(),
            event.sampled(), event.failed(), event.sessionOperations(), event.sessionCostNanos(),
            event.sessionTotalsExact(), event.budgetName(), event.budgetLimitNanos(), event.budgetConsumedNanos());
    }
}
