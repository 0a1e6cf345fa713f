package io.genops.exporters.raindrop;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.journal.RecordCodec;
import io.genops.core.journal.RecordView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;

/** A plain, settable {@link EventView} for tests, and a way through the journal codec. */
final class TestEvent implements EventView {
    /** 2026-12-03T10:15:30.123Z. */
    static final long EPOCH_MILLIS = 1_796_292_930_123L;

    EventKind kind = EventKind.INTERACTION;
    long sequence;
    long epochMillis = EPOCH_MILLIS;
    String sessionId = "support-3k9x";
    String team = "support";
    String project = "helpdesk";
    String environment = "prod";
    String customerId = "acme";
    String costCenter = "cc-7";
    String feature = "chat";
    String agentId = "triage-bot";
    String group = DEFAULT_GROUP;
    String name;
    String conversationId = "conv-9";
    String userId = "user-17";
    String model = "gpt-4o";
    String provider = "openai";
    long inputTokens = 1200;
    long outputTokens = 300;
    long cacheReadTokens = 200;
    long cacheCreationTokens;
    long reasoningTokens = 50;
    long latencyNanos = 1_234_567_000L;
    Complexity complexity = Complexity.MODERATE;
    long payloadChars;
    String error;
    double value;
    double threshold = Double.NaN;
    Frequency frequency;
    int channelCount;
    String content;
    long modelCostNanos = 4_250_000L;
    long platformCostNanos = 1_500_000L;
    PolicyResult policyResult = PolicyResult.ALLOWED;
    PolicyReason policyReason = PolicyReason.NONE;
    boolean sampled = true;
    String budgetName;
    long budgetLimitNanos;
    long budgetConsumedNanos;

    static TestEvent interaction(final long sequence) {
        final TestEvent event = new TestEvent();
        event.sequence = sequence;
        return event;
    }

    static TestEvent signal(final long sequence) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.SIGNAL;
        event.sequence = sequence;
        event.name = "response_latency";
        event.value = 3100.5;
        event.threshold = 2500;
        event.frequency = Frequency.HIGH;
        event.userId = null;
        event.conversationId = null;
        event.model = null;
        event.provider = null;
        event.inputTokens = 0;
        event.outputTokens = 0;
        event.cacheReadTokens = 0;
        event.reasoningTokens = 0;
        event.latencyNanos = 0;
        event.modelCostNanos = 0;
        event.platformCostNanos = 15_000_000L;
        return event;
    }

    static TestEvent alertRule(final long sequence) {
        final TestEvent event = signal(sequence);
        event.kind = EventKind.ALERT;
        event.name = "high_latency";
        event.channelCount = 2;
        return event;
    }

    /** The event as the export runner hands it over: encoded as a journal record and read back. */
    RecordView throughJournal(final RecordCodec codec, final RecordView view) {
        final int length = codec.encode(this, 0);
        final int result = view.wrap(codec.buffer(), length);
        if (result != RecordView.OK) {
            throw new IllegalStateException("test record unreadable: " + RecordView.describe(result));
        }
        return view;
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
    public long modelCostNanos() {
        return modelCostNanos;
    }

    @Override
    public long platformCostNanos() {
        return platformCostNanos;
    }

    @Override
    public long costNanos() {
        return modelCostNanos + platformCostNanos;
    }

    @Override
    public boolean costOverridden() {
        return false;
    }

    @Override
    public boolean unpriced() {
        return false;
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
        return false;
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

    /** Charges the event to {@code name}, a budget of {@code limitNanos} that has consumed {@code consumedNanos}. */
    TestEvent budget(final String name, final long limitNanos, final long consumedNanos) {
        budgetName = name;
        budgetLimitNanos = limitNanos;
        budgetConsumedNanos = consumedNanos;
        return this;
    }
}
