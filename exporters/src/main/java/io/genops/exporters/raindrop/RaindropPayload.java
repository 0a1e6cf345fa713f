package io.genops.exporters.raindrop;

import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.event.EventView;
import io.genops.core.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes one event as the JSON object Raindrop's ingestion API takes; the mapping is tabled in
 * {@link RaindropExporter}. A string the event does not have is left out rather than written as
 * {@code null}; numbers and flags are always written, so every event of a kind has the same numeric
 * properties.
 */
final class RaindropPayload {
    /** Raindrop's {@code event} name of every interaction; the agent is in the properties. */
    static final String INTERACTION_EVENT = "agent_interaction";
    /** The {@code user_id} of an interaction with neither a user nor a customer. */
    static final String ANONYMOUS = "anonymous";
    static final String SIGNAL_TYPE = "default";
    /** Latency is kept in microseconds: {@code latency_ms} has three decimals, exactly. */
    private static final int LATENCY_MS_SCALE = 3;
    private static final long NANOS_PER_MICRO = 1_000;

    private RaindropPayload() {
    }

    /** An element of the {@code POST /events/track} array. */
    static void writeInteraction(final JsonGenerator json, final String eventId, final EventView event)
        throws IOException {
        json.writeStartObject();
        json.writeStringField("event_id", eventId);
        json.writeStringField("user_id", userId(event));
        json.writeStringField("event", INTERACTION_EVENT);
        json.writeStringField("timestamp", timestamp(event));

        json.writeObjectFieldStart("properties");
        writeOwner(json, event);
        optional(json, "model", event.model());
        optional(json, "provider", event.provider());
        optional(json, "convo_id", event.conversationId());
        json.writeNumberField("input_tokens", event.inputTokens());
        json.writeNumberField("output_tokens", event.outputTokens());
        json.writeNumberField("cache_read_tokens", event.cacheReadTokens());
        json.writeNumberField("cache_creation_tokens", event.cacheCreationTokens());
        json.writeNumberField("reasoning_tokens", event.reasoningTokens());
        json.writeNumberField("latency_ms", BigDecimal.valueOf(event.latencyNanos() / NANOS_PER_MICRO,
            LATENCY_MS_SCALE));
        writeCost(json, event);
        writeBudget(json, event);
        json.writeStringField("policy_result", event.policyResult().name());
        json.writeStringField("policy_reason", event.policyReason().name());
        json.writeBooleanField("sampled", event.sampled());
        optional(json, "error", event.error());
        json.writeEndObject();

        // Raindrop asks for an input or an output whenever ai_data is sent; without captured texts there is none.
        final String input = event.content();
        final String output = event.output();
        if (input != null || output != null) {
            json.writeObjectFieldStart("ai_data");
            optional(json, "model", event.model());
            optional(json, "convo_id", event.conversationId());
            optional(json, "input", input);
            optional(json, "output", output);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /**
     * An element of the {@code POST /signals/track} array, attached to the event {@code eventId}; the
     * signal's own deterministic id goes in {@code properties.signal_id}.
     */
    static void writeSignal(final JsonGenerator json, final String eventId, final String signalId,
        final EventView event) throws IOException {
        json.writeStartObject();
        json.writeStringField("event_id", eventId);
        json.writeStringField("signal_name", event.name() == null ? "signal" : event.name());
        json.writeStringField("signal_type", SIGNAL_TYPE);
        json.writeStringField("timestamp", timestamp(event));

        json.writeObjectFieldStart("properties");
        json.writeStringField("signal_id", signalId);
        json.writeNumberField("value", event.value());
        if (Double.isFinite(event.threshold())) {
            json.writeNumberField("threshold", event.threshold());
        }
        if (event.frequency() != null) {
            json.writeStringField("frequency", event.frequency().wireName());
        }
        writeOwner(json, event);
        writeCost(json, event);
        writeBudget(json, event);
        json.writeEndObject();
        json.writeEndObject();
    }

    static String userId(final EventView event) {
        if (event.userId() != null) {
            return event.userId();
        }
        return event.customerId() != null ? event.customerId() : ANONYMOUS;
    }

    /** ISO-8601 in UTC with milliseconds when there are any: {@code 2026-12-03T10:15:30.123Z}. */
    static String timestamp(final EventView event) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(event.epochMillis()));
    }

    /** Agent, agent group, session and the six attribution fields. */
    private static void writeOwner(final JsonGenerator json, final EventView event) throws IOException {
        optional(json, "agent_id", event.agentId());
        optional(json, "agent_group", event.group());
        optional(json, "session_id", event.sessionId());
        optional(json, "team", event.team());
        optional(json, "project", event.project());
        optional(json, "environment", event.environment());
        optional(json, "customer_id", event.customerId());
        optional(json, "cost_center", event.costCenter());
        optional(json, "feature", event.feature());
    }

    /** The exact cost twice: a decimal string that loses no digit, and whole nanodollars. */
    private static void writeCost(final JsonGenerator json, final EventView event) throws IOException {
        writeAmount(json, "cost_usd", "cost_nanos", event.costNanos());
    }

    /**
     * The budget closest to its limit of those the event was charged to, as {@code genops.budget.*} is on
     * spans: its name, its limit, its window's spend once this event was charged and what is left (negative
     * past the limit), each amount twice as the cost is, and the share spent; nothing for an event charged to
     * no budget, and no share when the limit is not positive.
     */
    private static void writeBudget(final JsonGenerator json, final EventView event) throws IOException {
        final String name = event.budgetName();
        if (name == null) {
            return;
        }
        final long limit = event.budgetLimitNanos();
        final long consumed = event.budgetConsumedNanos();
        json.writeStringField("budget_name", name);
        writeAmount(json, "budget_allocated_usd", "budget_allocated_nanos", limit);
        writeAmount(json, "budget_consumed_usd", "budget_consumed_nanos", consumed);
        writeAmount(json, "budget_remaining_usd", "budget_remaining_nanos", Math.subtractExact(limit, consumed));
        final double percent = event.budgetUtilizationPercent();
        if (Double.isFinite(percent)) {
            json.writeNumberField("budget_utilization_percent", percent);
        }
    }

    /** An amount as an exact decimal string of USD and as whole nanodollars, as the cost is written. */
    private static void writeAmount(final JsonGenerator json, final String usdField, final String nanosField,
        final long nanos) throws IOException {
        json.writeStringField(usdField, Money.format(nanos));
        json.writeNumberField(nanosField, nanos);
    }

    private static void optional(final JsonGenerator json, final String field, final String value)
        throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
