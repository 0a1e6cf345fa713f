package io.genops.cli.journal;

import io.genops.cli.support.Text;
import io.genops.core.event.EventKind;
import io.genops.core.journal.RecordView;
import io.genops.core.policy.PolicyReason;
import java.time.Instant;
import java.util.Locale;

/**
 * One journal record as one readable line, columns in a fixed order so that {@code grep} and
 * {@code awk} can work on them: time, kind, team, agent, agent group, what (the model, the signal and its value, or
 * the alert's name, or the closed session's name), tokens (a session's operations, duration and total
 * cost), cost, policy verdict, whether the record was sampled for export.
 * <pre>
 * 2026-12-03T17:36:57.624Z interaction support  support-agent-02  default  gpt-4o-mini  in 1,200 (800 cache-read)
 *     out 350  0.000402 USD  ALLOWED  sampled
 * </pre>
 * (one line; wrapped here). A missing value prints as {@code -}.
 */
final class RecordLine {
    private final StringBuilder line = new StringBuilder(200);

    String format(final RecordView record) {
        line.setLength(0);
        line.append(Instant.ofEpochMilli(record.epochMillis())).append(' ');
        column(record.kind().name().toLowerCase(Locale.ROOT), 11);
        column(orNone(record.team()), 10);
        column(orNone(record.agentId()), 18);
        column(record.group(), 10);
        column(what(record), 22);
        column(tokens(record), 36);
        column(Text.usd(record.costNanos()) + " USD", 16);
        column(policy(record), 23);
        line.append(record.sampled() ? "sampled" : "not-sampled");
        if (record.error() != null) {
            line.append(" error=").append(record.error());
        }
        return line.toString();
    }

    private void column(final String value, final int width) {
        line.append(value);
        line.append(" ".repeat(Math.max(1, width + 1 - value.length())));
    }

    private static String what(final RecordView record) {
        if (record.kind() == EventKind.INTERACTION) {
            return orNone(record.model()) + (record.unpriced() ? " (unpriced)" : "");
        }
        if (record.kind() == EventKind.SIGNAL) {
            final String value = orNone(record.name()) + "=" + number(record.value());
            return Double.isNaN(record.threshold()) ? value : value + " (threshold " + number(record.threshold())
                + ")";
        }
        if (record.kind() == EventKind.SESSION) {
            return "session " + orNone(record.name());
        }
        if (record.alertFired()) {
            return "fired " + orNone(record.name()) + "=" + number(record.value()) + " (threshold "
                + number(record.threshold()) + ")";
        }
        return "rule " + orNone(record.name());
    }

    private static String tokens(final RecordView record) {
        if (record.kind() == EventKind.SESSION) {
            return sessionTotals(record);
        }
        if (record.kind() != EventKind.INTERACTION) {
            return Text.NONE;
        }
        final StringBuilder tokens = new StringBuilder("in ").append(Text.count(record.inputTokens()));
        if (record.cacheReadTokens() > 0) {
            tokens.append(" (").append(Text.count(record.cacheReadTokens())).append(" cache-read)");
        }
        if (record.cacheCreationTokens() > 0) {
            tokens.append(" (").append(Text.count(record.cacheCreationTokens())).append(" cache-write)");
        }
        tokens.append(" out ").append(Text.count(record.outputTokens()));
        if (record.reasoningTokens() > 0) {
            tokens.append(" (").append(Text.count(record.reasoningTokens())).append(" reasoning)");
        }
        return tokens.toString();
    }

    /**
     * A closed session's operations, how long it was open and its total cost; in this column rather than
     * the cost column, which holds the record's own cost (nothing), so a sum of that column stays right.
     */
    private static String sessionTotals(final RecordView record) {
        return Text.count(record.sessionOperations()) + " ops " + Text.duration(record.latencyNanos()) + " total "
            + Text.usd(record.sessionCostNanos()) + " USD" + (record.sessionTotalsExact() ? "" : " (partial)");
    }

    private static String policy(final RecordView record) {
        final String result = record.policyResult().name();
        return record.policyReason() == PolicyReason.NONE ? result : result + "/" + record.policyReason().name();
    }

    /** A signal value as written: {@code 0.55}, {@code 4680}. */
    private static String number(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long)value);
        }
        return Double.toString(value);
    }

    private static String orNone(final String value) {
        return value == null || value.isEmpty() ? Text.NONE : value;
    }
}
