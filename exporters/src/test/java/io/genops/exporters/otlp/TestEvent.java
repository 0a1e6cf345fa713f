package io.genops.exporters.otlp;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.export.Exporter;
import io.genops.core.journal.RecordCodec;
import io.genops.core.journal.RecordView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.util.List;

/**
 * An event as a test writes it, set field by field. {@link #feed} passes events to an exporter the way
 * the export runner does: each one encoded as a journal record and read back through one reused
 * {@link RecordView}, so an exporter that kept a view would see it change under its feet.
 */
final class TestEvent implements EventView {
    EventKind kind = EventKind.INTERACTION;
    long sequence;
    long epochMillis = 1_780_000_000_000L;
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
    Complexity complexity = Complexity.SIMPLE;
    long payloadChars;
    String error;
    double value;
    double threshold = Double.NaN;
    Frequency frequency;
    int channelCount;
    String content;
    long modelCostNanos;
    long platformCostNanos;
    long costOverrideNanos = -1;
    boolean unpriced;
    PolicyResult policyResult = PolicyResult.ALLOWED;
    PolicyReason policyReason = PolicyReason.NONE;
    boolean sampled = true;
    boolean failed;
    long sessionOperations;
    long sessionCostNanos;
    boolean sessionTotalsExact = true;
    String budgetName;
    long budgetLimitNanos;
    long budgetConsumedNanos;

    static TestEvent interaction(final long sequence, final String sessionId, final String agentId) {
        final TestEvent event = new TestEvent();
        event.sequence = sequence;
        event.epochMillis += sequence;
        event.sessionId = sessionId;
        event.agentId = agentId;
        event.model = "gpt-4o";
        event.provider = "openai";
        event.team = "support";
        event.inputTokens = 100 + sequence;
        event.outputTokens = 20;
        event.latencyNanos = 250_000_000L;
        event.modelCostNanos = 1_000 + sequence;
        event.platformCostNanos = 1_000_000;
        return event;
    }

    static TestEvent signal(final long sequence, final String sessionId, final String name, final double value) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.SIGNAL;
        event.sequence = sequence;
        event.epochMillis += sequence;
        event.sessionId = sessionId;
        event.name = name;
        event.value = value;
        event.frequency = Frequency.STANDARD;
        event.team = "support";
        event.platformCostNanos = 10_000_000;
        return event;
    }

    /** The record of session {@code sessionId}, open for {@code durationNanos} up to this record's time. */
    static TestEvent closedSession(final long sequence, final String sessionId, final String name,
        final long durationNanos) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.SESSION;
        event.sequence = sequence;
        event.epochMillis += sequence;
        event.sessionId = sessionId;
        event.name = name;
        event.team = "support";
        event.project = "helpdesk";
        event.latencyNanos = durationNanos;
        event.complexity = null;
        event.sessionOperations = 3;
        event.sessionCostNanos = 12_345_678;
        return event;
    }

    static TestEvent alert(final long sequence, final String name, final int channels) {
        final TestEvent event = new TestEvent();
        event.kind = EventKind.ALERT;
        event.sequence = sequence;
        event.epochMillis += sequence;
        event.name = name;
        event.channelCount = channels;
        event.team = "support";
        event.platformCostNanos = 150_000_000;
        return event;
    }

    /** Adds each event to {@code exporter} through one reused journal record view, as the export runner does. */
    static void feed(final Exporter exporter, final List<TestEvent> events) {
        final RecordCodec codec = new RecordCodec();
        final RecordView view = new RecordView();
        long link = 0;
        for (final TestEvent event : events) {
            final int length = codec.encode(event, link);
            link = codec.link(length);
            if (view.wrap(codec.buffer(), length) != RecordView.OK) {
                throw new IllegalStateException("the test event " + event.sequence + " did not survive encoding");
            }
            exporter.add(view);
        }
    }

    static void feed(final Exporter exporter, final TestEvent... events) {
        feed(exporter, List.of(events));
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
        return costOverrideNanos >= 0 ? costOverrideNanos : modelCostNanos + platformCostNanos;
    }

    @Override
    public boolean costOverridden() {
        return costOverrideNanos >= 0;
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
