package io.genops.exporters.otlp.internal;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Frequency;
import io.genops.core.money.Money;
import io.genops.core.policy.PolicyReason;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Arrays;

/**
 * Turns one event into what OTLP carries: an interaction or a closed session into a span, a signal or
 * an alert into a log record. Reads the view during the call and keeps nothing of it but immutable strings. Message
 * content and the user id are never exported, whatever the pipeline captured.
 *
 * <p>Not thread-safe: one per exporter, used on the runner's thread.
 */
public final class EventMapping {
    static final long NANOS_PER_MILLI = 1_000_000L;
    /** The first word of a session span's name; no semantic convention names sessions. */
    static final String SESSION_SPAN = "session";
    /** Recent agents' span names, a power of two. */
    private static final int SPAN_NAME_SLOTS = 256;
    /** The enums' wire names by ordinal: {@code wireName()} lower-cases the name on every call. */
    private static final String[] COMPLEXITY_NAMES = Arrays.stream(Complexity.values()).map(Complexity::wireName)
        .toArray(String[]::new);
    private static final String[] FREQUENCY_NAMES = Arrays.stream(Frequency.values()).map(Frequency::wireName)
        .toArray(String[]::new);

    private final Telemetry telemetry;
    private final Ids ids = new Ids();
    private final EventAttributes.Builder attributes = EventAttributes.builder();
    /** Span names, direct-mapped by the agent id's hash, with the agent id each was made of. */
    private final String[] spanNameAgents = new String[SPAN_NAME_SLOTS];
    private final String[] spanNames = new String[SPAN_NAME_SLOTS];

    public EventMapping(final Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** The span of an interaction: {@code invoke_agent {agent}}, from its start to the moment it was recorded. */
    public SpanData span(final EventView event) {
        final EventAttributes.Builder attributes = this.attributes.reset();
        // Each read once: a journal view decodes a string on every call.
        final String agent = event.agentId();
        final String model = event.model();
        final String error = event.error();
        // Boxed once, put twice: as gen_ai.usage.* and as genops.tokens.*.
        final Long input = event.inputTokens();
        final Long output = event.outputTokens();
        genAi(attributes, event, agent, model, input, output);
        attribution(attributes, event);
        cost(attributes, event);
        budget(attributes, event);
        attributes.put(Keys.COST_MODEL, model);
        attributes.put(Keys.TOKENS_INPUT, input);
        attributes.put(Keys.TOKENS_OUTPUT, output);
        attributes.put(Keys.TOKENS_TOTAL, input + output);
        attributes.put(Keys.ERROR_TYPE, error);
        complexity(attributes, event);

        final long endNanos = event.epochMillis() * NANOS_PER_MILLI;
        final long startNanos = endNanos - Math.max(0, event.latencyNanos());
        final StatusData status = error == null ? StatusData.unset() : StatusData.create(StatusCode.ERROR, error);
        final Ids.EventIds eventIds = ids.of(event);
        final SpanContext parent = eventIds.session() == null ? SpanContext.getInvalid() : eventIds.session();
        return new EventSpan(spanName(agent), eventIds.context(), parent, status, startNanos, endNanos,
            attributes.build(), telemetry);
    }

    /**
     * {@code invoke_agent {agent}}, made once per agent while it stays among the recent ones: agents are
     * few, spans many.
     */
    private String spanName(final String agent) {
        if (agent == null) {
            return Keys.INVOKE_AGENT;
        }
        final int slot = agent.hashCode() & (SPAN_NAME_SLOTS - 1);
        if (!agent.equals(spanNameAgents[slot])) {
            spanNameAgents[slot] = agent;
            spanNames[slot] = Keys.INVOKE_AGENT + " " + agent;
        }
        return spanNames[slot];
    }

    /**
     * The span of a closed session, {@code session {name}}, from when it opened to when it closed: the
     * parent of its events' spans and log records. Its totals are {@code genops.session.*} attributes,
     * never {@code genops.cost.total_nanos}, so a sum of that attribute over spans counts each cost once.
     */
    public SpanData sessionSpan(final EventView event) {
        final EventAttributes.Builder attributes = this.attributes.reset();
        attributes.put(Keys.SESSION_NAME, event.name());
        attribution(attributes, event);
        attributes.put(Keys.SESSION_OPERATIONS, event.sessionOperations());
        attributes.put(Keys.SESSION_COST_TOTAL, usd(event.sessionCostNanos()));
        attributes.put(Keys.SESSION_COST_TOTAL_NANOS, event.sessionCostNanos());
        attributes.put(Keys.COST_CURRENCY, Keys.USD);
        if (!event.sessionTotalsExact()) {
            attributes.put(Keys.SESSION_TOTALS_PARTIAL, true);
        }

        final String label = event.name() != null ? event.name() : event.sessionId();
        final long endNanos = event.epochMillis() * NANOS_PER_MILLI;
        final long startNanos = endNanos - Math.max(0, event.latencyNanos());
        return new EventSpan(SESSION_SPAN + " " + label, ids.of(event).context(), SpanContext.getInvalid(),
            StatusData.unset(), startNanos, endNanos, attributes.build(), telemetry);
    }

    /**
     * The log record of a signal ({@code genops.signal}, INFO, body {@code "<name> = <value>"}) or of an
     * alert ({@code genops.alert}, WARN, body the rule's name).
     */
    public LogRecordData log(final EventView event) {
        final EventAttributes.Builder attributes = this.attributes.reset();
        attributes.put(Keys.EVENT_KIND, kindName(event.kind()));
        attributes.put(Keys.AGENT_ID, event.agentId());
        attributes.put(Keys.CONVERSATION_ID, event.conversationId());
        attribution(attributes, event);
        cost(attributes, event);
        budget(attributes, event);
        complexity(attributes, event);
        final String body;
        final String eventName;
        final Severity severity;
        if (event.kind() == EventKind.SIGNAL) {
            signal(attributes, event);
            body = event.name() + " = " + event.value();
            eventName = "genops.signal";
            severity = Severity.INFO;
        } else {
            alert(attributes, event);
            body = event.name();
            eventName = "genops.alert";
            severity = Severity.WARN;
        }
        // A log record of a session belongs to the session's span; one outside a session keeps an id of its own.
        final Ids.EventIds eventIds = ids.of(event);
        final SpanContext context = eventIds.session() != null ? eventIds.session() : eventIds.context();
        return new EventLog(eventName, event.epochMillis() * NANOS_PER_MILLI, context, severity, body,
            attributes.build(), telemetry);
    }

    /** The lower-case name of an event kind, as attribute {@code genops.event.kind} carries it. */
    public static String kindName(final EventKind kind) {
        switch (kind) {
            case INTERACTION:
                return "interaction";
            case SIGNAL:
                return "signal";
            case SESSION:
                return "session";
            default:
                return "alert";
        }
    }

    private static void genAi(final EventAttributes.Builder attributes, final EventView event, final String agent,
        final String model, final Long input, final Long output) {
        attributes.put(Keys.OPERATION_NAME, Keys.INVOKE_AGENT);
        attributes.put(Keys.PROVIDER_NAME, event.provider());
        attributes.put(Keys.REQUEST_MODEL, model);
        attributes.put(Keys.AGENT_ID, agent);
        attributes.put(Keys.AGENT_NAME, agent);
        attributes.put(Keys.CONVERSATION_ID, event.conversationId());
        attributes.put(Keys.INPUT_TOKENS, input);
        attributes.put(Keys.OUTPUT_TOKENS, output);
        attributes.put(Keys.CACHE_READ_TOKENS, event.cacheReadTokens());
        attributes.put(Keys.CACHE_CREATION_TOKENS, event.cacheCreationTokens());
        attributes.put(Keys.REASONING_TOKENS, event.reasoningTokens());
    }

    private static void complexity(final EventAttributes.Builder attributes, final EventView event) {
        final Complexity complexity = event.complexity();
        if (complexity != null) {
            attributes.put(Keys.COMPLEXITY, COMPLEXITY_NAMES[complexity.ordinal()]);
        }
    }

    private static void attribution(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.AGENT_GROUP, event.group());
        attributes.put(Keys.TEAM, event.team());
        attributes.put(Keys.PROJECT, event.project());
        attributes.put(Keys.ENVIRONMENT, event.environment());
        attributes.put(Keys.CUSTOMER_ID, event.customerId());
        attributes.put(Keys.COST_CENTER, event.costCenter());
        attributes.put(Keys.FEATURE, event.feature());
        attributes.put(Keys.SESSION_ID, event.sessionId());
        attributes.put(Keys.EVENT_SEQUENCE, event.sequence());
        if (event.failed()) {
            attributes.put(Keys.STAGE_FAILED, true);
        }
    }

    private static void cost(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.COST_TOTAL, usd(event.costNanos()));
        attributes.put(Keys.COST_TOTAL_NANOS, event.costNanos());
        attributes.put(Keys.COST_CURRENCY, Keys.USD);
        if (event.costOverridden()) {
            attributes.put(Keys.COST_OVERRIDDEN, true);
        }
        if (event.unpriced()) {
            attributes.put(Keys.COST_UNPRICED, true);
        }
        if (event.policyResult() != null) {
            attributes.put(Keys.POLICY_RESULT, event.policyResult().name());
        }
        if (event.policyReason() != null && event.policyReason() != PolicyReason.NONE) {
            attributes.put(Keys.POLICY_REASON, event.policyReason().name());
        }
    }

    /**
     * The budget closest to its limit of those the event was charged to, in USD: limit, spend after this
     * event, what is left (negative once the spend passed the limit) and the share spent. Nothing for an
     * event charged to no budget.
     */
    private static void budget(final EventAttributes.Builder attributes, final EventView event) {
        final String name = event.budgetName();
        if (name == null) {
            return;
        }
        final long limit = event.budgetLimitNanos();
        final long consumed = event.budgetConsumedNanos();
        attributes.put(Keys.BUDGET_NAME, name);
        attributes.put(Keys.BUDGET_ALLOCATED, usd(limit));
        attributes.put(Keys.BUDGET_CONSUMED, usd(consumed));
        attributes.put(Keys.BUDGET_REMAINING, usd(limit - consumed));
        final double percent = event.budgetUtilizationPercent();
        if (!Double.isNaN(percent)) {
            attributes.put(Keys.BUDGET_UTILIZATION_PERCENT, percent);
        }
    }

    private static void signal(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.SIGNAL_NAME, event.name());
        attributes.put(Keys.SIGNAL_VALUE, event.value());
        if (!Double.isNaN(event.threshold())) {
            attributes.put(Keys.SIGNAL_THRESHOLD, event.threshold());
        }
        if (event.frequency() != null) {
            attributes.put(Keys.SIGNAL_FREQUENCY, FREQUENCY_NAMES[event.frequency().ordinal()]);
        }
    }

    /**
     * An alert's rule name, channel count and whether it records the rule's firing or its creation; a firing
     * also carries the observed value and the rule's threshold. The journal record keeps no severity.
     */
    private static void alert(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.ALERT_NAME, event.name());
        attributes.put(Keys.ALERT_CHANNEL_COUNT, (long)event.channelCount());
        attributes.put(Keys.ALERT_FIRED, event.alertFired());
        if (!Double.isNaN(event.threshold())) {
            attributes.put(Keys.ALERT_VALUE, event.value());
            attributes.put(Keys.ALERT_THRESHOLD, event.threshold());
        }
    }

    /** USD from nanodollars, for display; {@code genops.cost.total_nanos} holds the exact amount. */
    static double usd(final long nanos) {
        return (double)nanos / Money.NANOS_PER_UNIT;
    }
}
