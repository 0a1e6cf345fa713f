package io.genops.pipeline.journal;

import io.genops.core.journal.RecordView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Which records to read: by team, project, customer, model and agent group (exact match; a record of
 * no declared group is in the group {@code default}) and by time range
 * {@code [from, to)}. Unset criteria match everything. Matching compares the record's UTF-8 bytes,
 * so a filter allocates nothing per record. Immutable; each {@code with} method returns a copy.
 */
public final class JournalFilter {
    public static final JournalFilter ALL = new JournalFilter(null, null, null, null, null, Long.MIN_VALUE,
        Long.MAX_VALUE);

    private final byte[] team;
    private final byte[] project;
    private final byte[] customerId;
    private final byte[] model;
    private final byte[] group;
    private final long fromMillis;
    private final long toMillis;

    private JournalFilter(final byte[] team, final byte[] project, final byte[] customerId, final byte[] model,
        final byte[] group, final long fromMillis, final long toMillis) {
        this.team = team;
        this.project = project;
        this.customerId = customerId;
        this.model = model;
        this.group = group;
        this.fromMillis = fromMillis;
        this.toMillis = toMillis;
    }

    public JournalFilter team(final String value) {
        return new JournalFilter(utf8(value), project, customerId, model, group, fromMillis, toMillis);
    }

    public JournalFilter project(final String value) {
        return new JournalFilter(team, utf8(value), customerId, model, group, fromMillis, toMillis);
    }

    public JournalFilter customerId(final String value) {
        return new JournalFilter(team, project, utf8(value), model, group, fromMillis, toMillis);
    }

    public JournalFilter model(final String value) {
        return new JournalFilter(team, project, customerId, utf8(value), group, fromMillis, toMillis);
    }

    /** Records of the agent group {@code value}; {@code default} selects those of no declared group. */
    public JournalFilter group(final String value) {
        return new JournalFilter(team, project, customerId, model, utf8(value), fromMillis, toMillis);
    }

    /** Records at or after {@code from}. */
    public JournalFilter from(final Instant from) {
        return new JournalFilter(team, project, customerId, model, group, from.toEpochMilli(), toMillis);
    }

    /** Records before {@code to}. */
    public JournalFilter to(final Instant to) {
        return new JournalFilter(team, project, customerId, model, group, fromMillis, to.toEpochMilli());
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
            && (model == null || record.modelEquals(model))
            && (group == null || record.groupEquals(group));
    }

    private static byte[] utf8(final String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
