package io.genops.exporters.alert.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A body for Slack incoming webhooks (and the many services that accept the same shape):
 * <pre>
 * {"text": "*CRITICAL* budget.team.support — Team 'support' has spent ...",
 *  "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*CRITICAL* budget.team.support — ...\n
 *              team=support: budget_utilization 1.02, threshold 1"}}]}
 * </pre>
 * {@code text} is the notification fallback: the alert's line for one alert, counts by severity for
 * several. Each alert gets one section. Slack's limits are kept: at most {@value #MAX_BLOCKS} blocks
 * (a larger batch ends with a section saying how many more there were) and
 * {@value #MAX_TEXT_CHARS} characters per text. {@code &}, {@code <} and {@code >} in alert text are
 * escaped, as Slack requires, so a message cannot ping a channel or forge a link.
 */
public final class SlackPayload implements AlertPayload {
    static final int MAX_BLOCKS = 50;
    static final int MAX_TEXT_CHARS = 3_000;

    @Override
    public void write(final JsonGenerator json, final List<FiredAlert> alerts) throws IOException {
        json.writeStartObject();
        json.writeStringField("text", fitted(summary(alerts)));
        json.writeArrayFieldStart("blocks");
        final int shown = alerts.size() <= MAX_BLOCKS ? alerts.size() : MAX_BLOCKS - 1;
        for (int i = 0; i < shown; i++) {
            final FiredAlert alert = alerts.get(i);
            writeSection(json, headline(alert) + "\n" + escaped(alert.scope()) + ": " + escaped(alert.metric()) + " "
                + number(alert.value()) + ", threshold " + number(alert.threshold()));
        }
        if (shown < alerts.size()) {
            writeSection(json, "… and " + (alerts.size() - shown) + " more alerts in this batch");
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSection(final JsonGenerator json, final String text) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "section");
        json.writeObjectFieldStart("text");
        json.writeStringField("type", "mrkdwn");
        json.writeStringField("text", fitted(text));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String summary(final List<FiredAlert> alerts) {
        if (alerts.size() == 1) {
            return headline(alerts.get(0));
        }
        final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        alerts.forEach(alert -> counts.merge(alert.severity(), 1, Integer::sum));
        final StringBuilder text = new StringBuilder().append(alerts.size()).append(" GenOps alerts:");
        final Severity[] worstFirst = {Severity.CRITICAL, Severity.WARNING, Severity.INFO};
        String separator = " ";
        for (final Severity severity : worstFirst) {
            if (counts.containsKey(severity)) {
                text.append(separator).append(counts.get(severity)).append(' ')
                    .append(severity.name().toLowerCase(Locale.ROOT));
                separator = ", ";
            }
        }
        return text.toString();
    }

    /** {@code *CRITICAL* rule — message}. */
    static String headline(final FiredAlert alert) {
        return "*" + alert.severity().name() + "* " + escaped(alert.rule()) + " — " + escaped(alert.message());
    }

    /** Slack's three control characters in message text, escaped as its documentation asks. */
    static String escaped(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String fitted(final String text) {
        if (text.length() <= MAX_TEXT_CHARS) {
            return text;
        }
        final int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 2)) ? MAX_TEXT_CHARS - 2
            : MAX_TEXT_CHARS - 1;
        return text.substring(0, end) + "…";
    }

    private static String number(final double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
            : Double.toString(value);
    }
}
