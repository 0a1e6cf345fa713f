package io.genops.exporters.prometheus;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.time.Duration;

/**
 * A mutable {@link EventView} for tests, reused from event to event the way the runner reuses its
 * record view, so an exporter that kept a reference would count wrong.
 */
final class TestEvent implements EventView {
    private EventKind kind = EventKind.INTERACTION;
    private long sequence;
    private long epochMillis = 1_700_000_000_000L;
    private String team = "support";
    private String project = "chat";
    private String agentId = "support-bot-1";
    private String group = DEFAULT_GROUP;
    private String name;
    private String model = "gpt-4o";
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheCreationTokens;
    private long reasoningTokens;
    private long latencyNanos;
    private Complexity complexity = Complexity.SIMPLE;
    private String error;
    private long costNanos;
    private boolean unpriced;
    private PolicyResult policyResult = PolicyResult.ALLOWED;
    private boolean sampled = true;

    /** An allowed, sampled interaction of {@code support-bot-1} (team support, project chat) costing nothing. */
    static TestEvent interaction() {
        return new TestEvent();
    }

    TestEvent kind(final EventKind value) {
        this.kind = value;
        if (value != EventKind.INTERACTION) {
            model = null;
            complexity = null;
        }
        return this;
    }

    TestEvent sequence(final long value) {
        this.sequence = value;
        return this;
    }

    TestEvent at(final long value) {
        this.epochMillis = value;
        return this;
    }

    TestEvent team(final String value) {
        this.team = value;
        return this;
    }

    TestEvent project(final String value) {
        this.project = value;
        return this;
    }

    TestEvent agent(final String value) {
        this.agentId = value;
        return this;
    }

    TestEvent group(final String value) {
        this.group = value;
        return this;
    }

    TestEvent name(final String value) {
        this.name = value;
        return this;
    }

    TestEvent model(final String value) {
        this.model = value;
        return this;
    }

    TestEvent tokens(final long input, final long cacheRead, final long cacheCreation, final long output,
        final long reasoning) {
        this.inputTokens = input;
        this.cacheReadTokens = cacheRead;
        this.cacheCreationTokens = cacheCreation;
        this.outputTokens = output;
        this.reasoningTokens = reasoning;
        return this;
    }

    TestEvent latency(final Duration value) {
        this.latencyNanos = value.toNanos();
        return this;
    }

    TestEvent complexity(final Complexity value) {
        this.complexity = value;
        return this;
    }

    TestEvent error(final String value) {
        this.error = value;
        return this;
    }

    TestEvent cost(final long nanos) {
        this.costNanos = nanos;
        return this;
    }

    TestEvent unpriced(final boolean value) {
        this.unpriced = value;
        return this;
    }

    TestEvent policy(final PolicyResult value) {
        this.policyResult = value;
        return this;
    }

    TestEvent sampled(final boolean value) {
        this.sampled = value;
        return this;
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
        return "session-1";
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
        return "test";
    }

    @Override
    public String customerId() {
        return "customer-1";
    }

    @Override
    public String costCenter() {
        return null;
    }

    @Override
    public String feature() {
        return null;
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
        return "conversation-1";
    }

    @Override
    public String userId() {
        return "user-1";
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String provider() {
        return model == null ? null : "openai";
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
        return 0;
    }

    @Override
    public String error() {
        return error;
    }

    @Override
    public double value() {
        return 0;
    }

    @Override
    public double threshold() {
        return Double.NaN;
    }

    @Override
    public Frequency frequency() {
        return kind == EventKind.SIGNAL ? Frequency.STANDARD : null;
    }

    @Override
    public int channelCount() {
        return 0;
    }

    @Override
    public String content() {
        return null;
    }

    @Override
    public long modelCostNanos() {
        return costNanos;
    }

    @Override
    public long platformCostNanos() {
        return 0;
    }

    @Override
    public long costNanos() {
        return costNanos;
    }

    @Override
    public boolean costOverridden() {
        return false;
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
        return PolicyReason.NONE;
    }

    @Override
    public boolean sampled() {
        return sampled;
    }

    @Override
    public boolean failed() {
        return false;
    }
}
