package io.genops.exporters.otlp.internal;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.money.Money;
import io.genops.core.policy.PolicyReason;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * Turns one event into what OTLP carries: an interaction into a span, a signal or an alert into a log
 * record. Reads the view during the call and keeps nothing of it but immutable strings. Message
 * content and the user id are never exported, whatever the pipeline captured.
 *
 * <p>Not thread-safe: one per exporter, used on the runner's thread.
 */
public final class EventMapping {
    static final long NANOS_PER_MILLI = 1_000_000L;

    private final Telemetry telemetry;
    private final Ids ids = new Ids();
    private final EventAttributes.Builder attributes = EventAttributes.builder();

    public EventMapping(final Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** The span of an interaction: {@code invoke_agent {agent}}, from its start to the moment it was recorded. */
    public SpanData span(final EventView event) {
        final EventAttributes.Builder attributes = this.attributes.reset();
        genAi(attributes, event);
        attribution(attributes, event);
        cost(attributes, event);
        attributes.put(Keys.COST_MODEL, event.model());
        attributes.put(Keys.TOKENS_INPUT, event.inputTokens());
        attributes.put(Keys.TOKENS_OUTPUT, event.outputTokens());
        attributes.put(Keys.TOKENS_TOTAL, event.inputTokens() + event.outputTokens());
        attributes.put(Keys.ERROR_TYPE, event.error());
        if (event.complexity() != null) {
            attributes.put(Keys.COMPLEXITY, event.complexity().wireName());
        }

        final String agent = event.agentId();
        final String name = agent == null ? Keys.INVOKE_AGENT : Keys.INVOKE_AGENT + " " + agent;
        final long endNanos = event.epochMillis() * NANOS_PER_MILLI;
        final long startNanos = endNanos - Math.max(0, event.latencyNanos());
        final StatusData status = event.error() == null ? StatusData.unset()
            : StatusData.create(StatusCode.ERROR, event.error());
        return new EventSpan(name, context(event), status, startNanos, endNanos, attributes.build(), telemetry);
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
        if (event.complexity() != null) {
            attributes.put(Keys.COMPLEXITY, event.complexity().wireName());
        }
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
        return new EventLog(eventName, event.epochMillis() * NANOS_PER_MILLI, context(event), severity, body,
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

    private SpanContext context(final EventView event) {
        final Ids.EventIds eventIds = ids.of(event);
        return SpanContext.create(eventIds.traceId(), eventIds.spanId(), TraceFlags.getSampled(),
            TraceState.getDefault());
    }

    private static void genAi(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.OPERATION_NAME, Keys.INVOKE_AGENT);
        attributes.put(Keys.PROVIDER_NAME, event.provider());
        attributes.put(Keys.REQUEST_MODEL, event.model());
        attributes.put(Keys.AGENT_ID, event.agentId());
        attributes.put(Keys.AGENT_NAME, event.agentId());
        attributes.put(Keys.CONVERSATION_ID, event.conversationId());
        attributes.put(Keys.INPUT_TOKENS, event.inputTokens());
        attributes.put(Keys.OUTPUT_TOKENS, event.outputTokens());
        attributes.put(Keys.CACHE_READ_TOKENS, event.cacheReadTokens());
        attributes.put(Keys.CACHE_CREATION_TOKENS, event.cacheCreationTokens());
        attributes.put(Keys.REASONING_TOKENS, event.reasoningTokens());
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

    private static void signal(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.SIGNAL_NAME, event.name());
        attributes.put(Keys.SIGNAL_VALUE, event.value());
        if (!Double.isNaN(event.threshold())) {
            attributes.put(Keys.SIGNAL_THRESHOLD, event.threshold());
        }
        if (event.frequency() != null) {
            attributes.put(Keys.SIGNAL_FREQUENCY, event.frequency().wireName());
        }
    }

    /**
     * An alert's rule name and channel count. The journal record of an alert carries neither the rule's
     * severity nor the observed value and threshold; value and threshold are exported only when a
     * view provides a threshold, so a richer record would show them without a change here.
     */
    private static void alert(final EventAttributes.Builder attributes, final EventView event) {
        attributes.put(Keys.ALERT_NAME, event.name());
        attributes.put(Keys.ALERT_CHANNEL_COUNT, (long)event.channelCount());
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
