package io.genops.exporters.alert.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.alert.FiredAlert;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The generic webhook body:
 * <pre>
 * {"alerts": [{"rule": "budget.team.support", "severity": "critical", "scope": "team=support",
 *              "metric": "budget_utilization", "value": 1.02, "threshold": 1.0, "channels": ["ops"],
 *              "time": "2026-12-03T10:15:30.123Z", "message": "Team 'support' has spent ..."}]}
 * </pre>
 * {@code severity} is the lower-case wire name; {@code time} is ISO-8601 in UTC; a value that is not a
 * finite number is written as the string {@code "NaN"} or {@code "Infinity"}.
 */
public final class WebhookPayload implements AlertPayload {
    @Override
    public void write(final JsonGenerator json, final List<FiredAlert> alerts) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("alerts");
        for (final FiredAlert alert : alerts) {
            writeAlert(json, alert);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeAlert(final JsonGenerator json, final FiredAlert alert) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", alert.rule());
        json.writeStringField("severity", alert.severity().wireName());
        json.writeStringField("scope", alert.scope());
        json.writeStringField("metric", alert.metric());
        json.writeNumberField("value", alert.value());
        json.writeNumberField("threshold", alert.threshold());
        json.writeArrayFieldStart("channels");
        for (final String channel : alert.channels()) {
            json.writeString(channel);
        }
        json.writeEndArray();
        json.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(alert.epochMillis())));
        json.writeStringField("message", alert.message());
        json.writeEndObject();
    }
}
