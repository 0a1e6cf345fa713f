package io.genops.core.journal;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mutable event to feed the codec: set the fields a test cares about, leave the rest at the
 * defaults an {@link EventView} gives a kind that lacks them (null, zero, NaN threshold).
 */
final class TestEvent implements EventView {
    EventKind kind = EventKind.INTERACTION;
    long sequence;
    long epochMillis;
    String sessionId;
    String team;
    String project;
    String environment;
    String customerId;
    String costCenter;
    String feature;
    String agentId;
    String group = DEFAULT_GROUP;
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
    String error;
    double value;
    double threshold = Double.NaN;
    long sessionOperations;
    long sessionCostNanos;
    boolean sessionTotalsExact = true;
    boolean alertFired;
    Frequency frequency;
    int channelCount;
    String content;
    String output;
    long modelCostNanos;
    long platformCostNanos;
    long costNanos;
    boolean costOverridden;
    boolean unpriced;
    PolicyResult policyResult = PolicyResult.ALLOWED;
    PolicyReason policyReason = PolicyReason.NONE;
    boolean sampled;
    boolean failed;
    String budgetName;
    long budgetLimitNanos;
    long budgetConsumedNanos;

    /**
     * A support-desk chat completion with the ids a real deployment carries; as in the pipeline, its
     * cost is the sum of its parts and its latency a whole number of microseconds.
     */
    static TestEvent supportInteraction() {
        final TestEvent event = new TestEvent();
        event.sequence = 48_213;
        event.epochMillis = 1_733_234_567_890L;
        event.sessionId = "customer_support_shift-2k3j4h5g6f1x";
        event.team = "support";
        event.project = "helpdesk";
        event.environment = "prod";
        event.customerId = "customer_456";
        event.agentId = "support-bot-1";
        event.conversationId = "conv_123";
        event.model = "gpt-4o";
        event.provider = "openai";
        event.inputTokens = 1_250;
        event.outputTokens = 320;
        event.latencyNanos = 1_200_000_000L;
        event.payloadChars = 5_000;
        event.modelCostNanos = 6_325_000;
        event.platformCostNanos = 100_000;
        event.costNanos = 6_425_000;
        event.sampled = true;
        return event;
    }

    static TestEvent signal(final String name, final double value, final double threshold) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.SIGNAL;
        event.sequence = 7;
        event.epochMillis = 1_733_234_567_891L;
        event.team = "support";
        event.agentId = "support-bot-1";
        event.name = name;
        event.value = value;
        event.threshold = threshold;
        event.complexity = Complexity.MODERATE;
        event.frequency = Frequency.HIGH;
        event.platformCostNanos = 2_000;
        event.costNanos = 2_000;
        return event;
    }

    static TestEvent closedSession(final String name, final long operations, final long costNanos) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.SESSION;
        event.sequence = 9;
        event.epochMillis = 1_733_234_600_000L;
        event.sessionId = name + "-3k9x2a";
        event.team = "support";
        event.project = "helpdesk";
        event.customerId = "acme";
        event.name = name;
        event.latencyNanos = 32_500_000_000L;
        event.sessionOperations = operations;
        event.sessionCostNanos = costNanos;
        event.sampled = true;
        return event;
    }

    static TestEvent alertRule(final String name, final int channelCount) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.ALERT;
        event.sequence = 8;
        event.epochMillis = 1_733_234_567_892L;
        event.team = "support";
        event.project = "helpdesk";
        event.name = name;
        event.channelCount = channelCount;
        event.complexity = Complexity.ENTERPRISE;
        event.platformCostNanos = 15_000;
        event.costNanos = 15_000;
        return event;
    }

    /**
     * Every accessor of {@code event} by name, doubles as their raw bits so that NaN payloads and
     * the sign of zero count; two events are the same record when their maps are equal.
     */
    static Map<String, Object> fields(final EventView event) {
        final Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", event.kind());
        fields.put("sequence", event.sequence());
        fields.put("epochMillis", event.epochMillis());
        fields.put("sessionId", event.sessionId());
        fields.put("team", event.team());
        fields.put("project", event.project());
        fields.put("environment", event.environment());
        fields.put("customerId", event.customerId());
        fields.put("costCenter", event.costCenter());
        fields.put("feature", event.feature());
        fields.put("agentId", event.agentId());
        fields.put("group", event.group());
        fields.put("name", event.name());
        fields.put("conversationId", event.conversationId());
        fields.put("userId", event.userId());
        fields.put("model", event.model());
        fields.put("provider", event.provider());
        fields.put("inputTokens", event.inputTokens());
        fields.put("outputTokens", event.outputTokens());
        fields.put("cacheReadTokens", event.cacheReadTokens());
        fields.put("cacheCreationTokens", event.cacheCreationTokens());
        fields.put("reasoningTokens", event.reasoningTokens());
        fields.put("latencyNanos", event.latencyNanos());
        fields.put("complexity", event.complexity());
        fields.put("payloadChars", event.payloadChars());
        fields.put("error", event.error());
        fields.put("value", Double.doubleToRawLongBits(event.value()));
        fields.put("threshold", Double.doubleToRawLongBits(event.threshold()));
        fields.put("frequency", event.frequency());
        fields.put("channelCount", event.channelCount());
        fields.put("content", event.content());
        fields.put("output", event.output());
        fields.put("modelCostNanos", event.modelCostNanos());
        fields.put("platformCostNanos", event.platformCostNanos());
        fields.put("costNanos", event.costNanos());
        fields.put("costOverridden", event.costOverridden());
        fields.put("unpriced", event.unpriced());
        fields.put("policyResult", event.policyResult());
        fields.put("policyReason", event.policyReason());
        fields.put("sampled", event.sampled());
        fields.put("failed", event.failed());
        fields.put("sessionOperations", event.sessionOperations());
        fields.put("sessionCostNanos", event.sessionCostNanos());
        fields.put("sessionTotalsExact", event.sessionTotalsExact());
        fields.put("alertFired", event.alertFired());
        fields.put("budgetName", event.budgetName());
        fields.put("budgetLimitNanos", event.budgetLimitNanos());
        fields.put("budgetConsumedNanos", event.budgetConsumedNanos());
        return fields;
    }

    /**
     * {@link #fields} as the journal reads them back: latency cut to whole microseconds, toward zero.
     * The cost needs no such step as long as the event keeps the pipeline's rule that a cost not
     * overridden is the sum of its parts.
     */
    static Map<String, Object> journaled(final EventView event) {
        final Map<String, Object> fields = fields(event);
        fields.put("latencyNanos", event.latencyNanos() / 1_000 * 1_000);
        return fields;
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
        return sessionId;
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
        return group;
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
    public int channelCount() {
        return channelCount;
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
        return costOverridden;
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

    @Override
    public long sessionOperations() {
        return sessionOperations;
    }

    @Override
    public long sessionCostNanos() {
        return sessionCostNanos;
    }

    @Override
    public boolean sessionTotalsExact() {
        return sessionTotalsExact;
    }

    @Override
    public boolean alertFired() {
        return alertFired;
    }

    @Override
    public String budgetName() {
        return budgetName;
    }

    @Override
    public long budgetLimitNanos() {
        return budgetLimitNanos;
    }

    @Override
    public long budgetConsumedNanos() {
        return budgetConsumedNanos;
    }

    /** Charges this event to {@code name}'s budget of {@code limitNanos}, which has consumed {@code consumedNanos}. */
    TestEvent budget(final String name, final long limitNanos, final long consumedNanos) {
        budgetName = name;
        budgetLimitNanos = limitNanos;
        budgetConsumedNanos = consumedNanos;
        return this;
    }
}
