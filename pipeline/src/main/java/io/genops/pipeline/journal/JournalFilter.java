package io.genops.pipeline.journal;

import io.genops.core.journal.RecordView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Which records to read: by team, project, customer and model (exact match) and by time range
 * {@code [from, to)}. Unset criteria match everything. Matching compares the record's UTF-8 bytes,
 * so a filter allocates nothing per record. Immutable; each {@code with} method returns a copy.
 */
public final class JournalFilter {
    public static final JournalFilter ALL = new JournalFilter(null, null, null, null, Long.MIN_VALUE, Long.MAX_VALUE);

    private final byte[] team;
    private final byte[] project;
    private final byte[] customerId;
    private final byte[] model;
    private final long fromMillis;
    private final long toMillis;

    private JournalFilter(final byte[] team, final byte[] project, final byte[] customerId, final byte[] model,
        final long fromMillis, final long toMillis) {
        this.team = team;
        this.project = project;
        this.customerId = customerId;
        this.model = model;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    public JournalFilter team(final String value) {
        return new JournalFilter(utf8(value), project, customerId, model, fromMillis, toMillis);
    }

    public JournalFilter project(final String value) {
        return new JournalFilter(team, utf8(value), customerId, model, fromMillis, toMillis);
    }

    public JournalFilter customerId(final String value) {
        return new JournalFilter(team, project, utf8(value), model, fromMillis, toMillis);
    }

    public JournalFilter model(final String value) {
        return new JournalFilter(team, project, customerId, utf8(value), fromMillis, toMillis);
    }

    /** Records at or after {@code from}. */
    public JournalFilter from(final Instant from) {
        return new JournalFilter(team, project, customerId, model, from.toEpochMilli(), toMillis);
    }

    /** Records before {@code to}. */
    public JournalFilter to(final Instant to) {
        return new JournalFilter(team, project, customerId, model, fromMillis, to.toEpochMilli());
    }

    public long fromMillis() {
        return fromMillis;
    }

    public long toMillis() {
        return toMillis;
    }

    public boolean matches(final RecordView record) {
        final long time = record.epochMillis();
        return time >= fromMillis && time < toMillis
            && (team == null || record.teamEquals(team))
            && (project == null || record.projectEquals(project))
            && (customerId == null || record.customerIdEquals(customerId))
            && (model == null || record.modelEquals(model));
    }

    private static byte[] utf8(final String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
