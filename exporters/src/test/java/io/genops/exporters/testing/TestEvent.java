package io.genops.exporters.testing;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.export.Exporter;
import io.genops.core.journal.RecordCodec;
import io.genops.core.journal.RecordView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.time.Duration;
import java.util.List;

/**
 * An event as an exporter's test writes it: made by one of the factories below, each of which sets the
 * fields it names and leaves the others absent (null, zero, or the defaults of a recorded event: agent
 * group {@code default}, complexity {@code simple}, no threshold, allowed, sampled, exact session totals),
 * then changed field by field with the fluent setters. The object is mutable, so a test may change and add
 * it again, the way the runner reuses its record view.
 *
 * <p>Exporters that take events from the journal are best fed the way the export runner feeds them, through
 * the journal codec: {@link #feed} and {@link #throughJournal} encode each event as a journal record and
 * hand over a reused {@link RecordView}, so an exporter that kept a view would see it change under its feet,
 * and a field the record cannot hold is noticed.
 */
public final class TestEvent implements EventView {
    /** 2026-12-03T10:15:30.123Z: the time of every {@code complete...} event. */
    public static final long COMPLETE_EPOCH_MILLIS = 1_796_292_930_123L;
    /** The time of a {@code small} event of sequence 0; each sequence adds a millisecond. */
    public static final long SMALL_EPOCH_MILLIS = 1_780_000_000_000L;
    /** The time of a {@link #bareInteraction()}. */
    public static final long BARE_EPOCH_MILLIS = 1_700_000_000_000L;

    private EventKind kind;
    private long sequence;
    private long epochMillis;
    private String sessionId;
    private String team;
    private String project;
    private String environment;
    private String customerId;
    private String costCenter;
    private String feature;
    private String agentId;
    private String group = DEFAULT_GROUP;
    private String name;
    private String conversationId;
    private String userId;
    private String model;
    private String provider;
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheCreationTokens;
    private long reasoningTokens;
    private long latencyNanos;
    private Complexity complexity = Complexity.SIMPLE;
    private long payloadChars;
    private String error;
    private double value;
    private double threshold = Double.NaN;
    private Frequency frequency;
    private int channelCount;
    private String content;
    private String output;
    private long modelCostNanos;
    private long platformCostNanos;
    private long costOverrideNanos = -1;
    private boolean unpriced;
    private PolicyResult policyResult = PolicyResult.ALLOWED;
    private PolicyReason policyReason = PolicyReason.NONE;
    private boolean sampled = true;
    private boolean failed;
    private long sessionOperations;
    private long sessionCostNanos;
    private boolean sessionTotalsExact = true;
    private boolean alertFired;
    private String budgetName;
    private long budgetLimitNanos;
    private long budgetConsumedNanos;

    private TestEvent(final EventKind kind, final long sequence, final long epochMillis) {
        this.kind = kind;
        this.sequence = sequence;
        this.epochMillis = epochMillis;
    }

    // Small events: a few fields of their kind, at SMALL_EPOCH_MILLIS + sequence.

    /**
     * An interaction of {@code agentId} in session {@code sessionId} (either may be null): gpt-4o by openai
     * for team support, {@code 100 + sequence} input and 20 output tokens in 250 ms, costing
     * {@code 1000 + sequence} nanodollars of model and 1,000,000 of platform.
     */
    public static TestEvent interaction(final long sequence, final String sessionId, final String agentId) {
        final TestEvent event = new TestEvent(EventKind.INTERACTION, sequence, SMALL_EPOCH_MILLIS + sequence);
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

    /** A standard-frequency signal {@code name = value} of team support, costing 10,000,000 nanodollars. */
    public static TestEvent signal(final long sequence, final String sessionId, final String name,
        final double value) {
        final TestEvent event = new TestEvent(EventKind.SIGNAL, sequence, SMALL_EPOCH_MILLIS + sequence);
        event.sessionId = sessionId;
        event.name = name;
        event.value = value;
        event.frequency = Frequency.STANDARD;
        event.team = "support";
        event.platformCostNanos = 10_000_000;
        return event;
    }

    /**
     * The record of session {@code sessionId} of team support, project helpdesk, open for
     * {@code durationNanos} up to this record's time: 3 operations costing 12,345,678 nanodollars in all.
     */
    public static TestEvent closedSession(final long sequence, final String sessionId, final String name,
        final long durationNanos) {
        final TestEvent event = new TestEvent(EventKind.SESSION, sequence, SMALL_EPOCH_MILLIS + sequence);
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

    /** An alert rule of team support notifying {@code channels} channels, costing 150,000,000 nanodollars. */
    public static TestEvent alert(final long sequence, final String name, final int channels) {
        final TestEvent event = new TestEvent(EventKind.ALERT, sequence, SMALL_EPOCH_MILLIS + sequence);
        event.name = name;
        event.channelCount = channels;
        event.team = "support";
        event.platformCostNanos = 150_000_000;
        return event;
    }

    // Complete events: every field their kind has, at COMPLETE_EPOCH_MILLIS.

    /**
     * An interaction with every field an interaction has, save content, output and error: agent triage-bot in session
     * support-3k9x and conversation conv-9 of user-17; team support, project helpdesk, environment prod,
     * customer acme, cost center cc-7, feature chat; gpt-4o by openai, moderate; 1200 input tokens (200 of
     * them read from the cache), 300 output (50 of them reasoning) in 1.234567 s; 4,250,000 nanodollars of
     * model and 1,500,000 of platform.
     */
    public static TestEvent completeInteraction(final long sequence) {
        final TestEvent event = new TestEvent(EventKind.INTERACTION, sequence, COMPLETE_EPOCH_MILLIS);
        event.sessionId = "support-3k9x";
        event.team = "support";
        event.project = "helpdesk";
        event.environment = "prod";
        event.customerId = "acme";
        event.costCenter = "cc-7";
        event.feature = "chat";
        event.agentId = "triage-bot";
        event.conversationId = "conv-9";
        event.userId = "user-17";
        event.model = "gpt-4o";
        event.provider = "openai";
        event.inputTokens = 1200;
        event.outputTokens = 300;
        event.cacheReadTokens = 200;
        event.reasoningTokens = 50;
        event.latencyNanos = 1_234_567_000L;
        event.complexity = Complexity.MODERATE;
        event.modelCostNanos = 4_250_000L;
        event.platformCostNanos = 1_500_000L;
        return event;
    }

    /**
     * A high-frequency signal {@code response_latency = 3100.5} over a threshold of 2500, of the complete
     * interaction's agent, session and attribution (no user, conversation, model or tokens), costing
     * 15,000,000 nanodollars of platform.
     */
    public static TestEvent completeSignal(final long sequence) {
        final TestEvent event = completeInteraction(sequence);
        event.kind = EventKind.SIGNAL;
        event.name = "response_latency";
        event.value = 3100.5;
        event.threshold = 2500;
        event.frequency = Frequency.HIGH;
        event.userId = null;
        event.conversationId = null;
        event.model = null;
        event.provider = null;
        event.tokens(0, 0, 0, 0, 0);
        event.latencyNanos = 0;
        event.modelCostNanos = 0;
        event.platformCostNanos = 15_000_000L;
        return event;
    }

    /** The complete signal's alert rule {@code high_latency}, notifying two channels. */
    public static TestEvent completeAlertRule(final long sequence) {
        final TestEvent event = completeSignal(sequence);
        event.kind = EventKind.ALERT;
        event.name = "high_latency";
        event.channelCount = 2;
        return event;
    }

    /**
     * An allowed, sampled interaction of agent support-bot-1 (team support, project chat, gpt-4o by openai,
     * session session-1, environment test, customer customer-1, conversation conversation-1 of user-1) at
     * {@link #BARE_EPOCH_MILLIS}, with no tokens, latency or cost: a test sets what it counts.
     */
    public static TestEvent bareInteraction() {
        final TestEvent event = new TestEvent(EventKind.INTERACTION, 0, BARE_EPOCH_MILLIS);
        event.team = "support";
        event.project = "chat";
        event.agentId = "support-bot-1";
        event.model = "gpt-4o";
        event.provider = "openai";
        event.sessionId = "session-1";
        event.environment = "test";
        event.customerId = "customer-1";
        event.conversationId = "conversation-1";
        event.userId = "user-1";
        return event;
    }

    /** Adds each event to {@code exporter} through one reused journal record view, as the export runner does. */
    public static void feed(final Exporter exporter, final List<TestEvent> events) {
        final RecordCodec codec = new RecordCodec();
        final RecordView view = new RecordView();
        long link = 0;
        for (final TestEvent event : events) {
            final int length = codec.encode(event, link);
            link = codec.link(length);
            exporter.add(event.read(codec, length, view));
        }
    }

    public static void feed(final Exporter exporter, final TestEvent... events) {
        feed(exporter, List.of(events));
    }

    /** The event as the export runner hands it over: encoded by {@code codec} as a record and read by {@code view}. */
    public RecordView throughJournal(final RecordCodec codec, final RecordView view) {
        return read(codec, codec.encode(this, 0), view);
    }

    private RecordView read(final RecordCodec codec, final int length, final RecordView view) {
        final int result = view.wrap(codec.buffer(), length);
        if (result != RecordView.OK) {
            throw new IllegalStateException("the test event " + sequence + " did not survive encoding: "
                + RecordView.describe(result));
        }
        return view;
    }

    // Setters, each returning the event.

    /**
     * Makes the event one of {@code value}; one that is not an interaction loses the model, provider and
     * complexity, which no other kind has.
     */
    public TestEvent kind(final EventKind value) {
        kind = value;
        if (value != EventKind.INTERACTION) {
            model = null;
            provider = null;
            complexity = null;
        }
        return this;
    }

    public TestEvent sequence(final long value) {
        sequence = value;
        return this;
    }

    /** When the event was recorded, in epoch milliseconds. */
    public TestEvent at(final long value) {
        epochMillis = value;
        return this;
    }

    public TestEvent sessionId(final String value) {
        sessionId = value;
        return this;
    }

    public TestEvent team(final String value) {
        team = value;
        return this;
    }

    public TestEvent project(final String value) {
        project = value;
        return this;
    }

    public TestEvent environment(final String value) {
        environment = value;
        return this;
    }

    public TestEvent customerId(final String value) {
        customerId = value;
        return this;
    }

    public TestEvent costCenter(final String value) {
        costCenter = value;
        return this;
    }

    public TestEvent feature(final String value) {
        feature = value;
        return this;
    }

    public TestEvent agentId(final String value) {
        agentId = value;
        return this;
    }

    public TestEvent group(final String value) {
        group = value;
        return this;
    }

    public TestEvent name(final String value) {
        name = value;
        return this;
    }

    public TestEvent conversationId(final String value) {
        conversationId = value;
        return this;
    }

    public TestEvent userId(final String value) {
        userId = value;
        return this;
    }

    public TestEvent model(final String value) {
        model = value;
        return this;
    }

    public TestEvent provider(final String value) {
        provider = value;
        return this;
    }

    /** The five token counts: input includes those read from and written to the cache, output the reasoning. */
    public TestEvent tokens(final long input, final long cacheRead, final long cacheCreation, final long output,
        final long reasoning) {
        inputTokens = input;
        cacheReadTokens = cacheRead;
        cacheCreationTokens = cacheCreation;
        outputTokens = output;
        reasoningTokens = reasoning;
        return this;
    }

    public TestEvent inputTokens(final long value) {
        inputTokens = value;
        return this;
    }

    public TestEvent outputTokens(final long value) {
        outputTokens = value;
        return this;
    }

    public TestEvent cacheReadTokens(final long value) {
        cacheReadTokens = value;
        return this;
    }

    public TestEvent cacheCreationTokens(final long value) {
        cacheCreationTokens = value;
        return this;
    }

    public TestEvent reasoningTokens(final long value) {
        reasoningTokens = value;
        return this;
    }

    /** The latency, or a session's time open; the journal keeps microseconds. */
    public TestEvent latency(final Duration value) {
        latencyNanos = value.toNanos();
        return this;
    }

    public TestEvent latencyNanos(final long value) {
        latencyNanos = value;
        return this;
    }

    public TestEvent complexity(final Complexity value) {
        complexity = value;
        return this;
    }

    public TestEvent payloadChars(final long value) {
        payloadChars = value;
        return this;
    }

    public TestEvent error(final String value) {
        error = value;
        return this;
    }

    public TestEvent value(final double signalValue) {
        value = signalValue;
        return this;
    }

    public TestEvent threshold(final double value) {
        threshold = value;
        return this;
    }

    public TestEvent frequency(final Frequency value) {
        frequency = value;
        return this;
    }

    public TestEvent channelCount(final int value) {
        channelCount = value;
        return this;
    }

    public TestEvent content(final String value) {
        content = value;
        return this;
    }

    /** The model's answer, which a record carries when content capture kept it. */
    public TestEvent output(final String value) {
        output = value;
        return this;
    }

    public TestEvent modelCostNanos(final long value) {
        modelCostNanos = value;
        return this;
    }

    public TestEvent platformCostNanos(final long value) {
        platformCostNanos = value;
        return this;
    }

    /** A cost of {@code nanos}, all of it the model's. */
    public TestEvent cost(final long nanos) {
        modelCostNanos = nanos;
        platformCostNanos = 0;
        return this;
    }

    /** The caller's cost, which replaces the computed one; negative for none. */
    public TestEvent costOverrideNanos(final long value) {
        costOverrideNanos = value;
        return this;
    }

    public TestEvent unpriced(final boolean value) {
        unpriced = value;
        return this;
    }

    /** The policy result, with no reason. */
    public TestEvent policy(final PolicyResult value) {
        return policy(value, PolicyReason.NONE);
    }

    public TestEvent policy(final PolicyResult result, final PolicyReason reason) {
        policyResult = result;
        policyReason = reason;
        return this;
    }

    public TestEvent sampled(final boolean value) {
        sampled = value;
        return this;
    }

    /** Whether a pipeline stage failed on the event. */
    public TestEvent failed(final boolean value) {
        failed = value;
        return this;
    }

    /** A session record's count of the session's operations. */
    public TestEvent sessionOperations(final long value) {
        sessionOperations = value;
        return this;
    }

    /** A session record's total cost of the session's operations. */
    public TestEvent sessionCostNanos(final long value) {
        sessionCostNanos = value;
        return this;
    }

    public TestEvent sessionTotalsExact(final boolean value) {
        sessionTotalsExact = value;
        return this;
    }

    /** Makes an alert the record of its rule firing at {@code observed} over {@code ruleThreshold}. */
    public TestEvent fired(final double observed, final double ruleThreshold) {
        alertFired = true;
        value = observed;
        threshold = ruleThreshold;
        return this;
    }

    /** Charges the event to {@code name}, a budget of {@code limitNanos} that has consumed {@code consumedNanos}. */
    public TestEvent budget(final String name, final long limitNanos, final long consumedNanos) {
        budgetName = name;
        budgetLimitNanos = limitNanos;
        budgetConsumedNanos = consumedNanos;
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
}
