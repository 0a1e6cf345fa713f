package io.genops.cli.support;

import io.genops.pipeline.journal.JournalFilter;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The record filters that several journal commands share: attribution, model, agent group and time range. */
public final class FilterOptions {
    @Option(names = "--team", order = 30, paramLabel = "NAME", description = "only records of this team")
    private String team;

    @Option(names = "--project", order = 31, paramLabel = "NAME", description = "only records of this project")
    private String project;

    @Option(names = "--customer", order = 32, paramLabel = "ID", description = "only records of this customer id")
    private String customer;

    @Option(names = "--model", order = 33, paramLabel = "NAME",
        description = "only records of this model, exactly as recorded")
    private String model;

    @Option(names = "--group", order = 34, paramLabel = "NAME",
        description = "only records of this agent group; default selects those of no declared group")
    private String group;

    @Option(names = "--from", order = 35, paramLabel = "TIME", converter = TimeConverter.class,
        description = "only records at or after TIME: an ISO time such as 2026-12-03T10:15:30Z, or a date, which "
            + "means the start of that UTC day")
    private Instant from;

    @Option(names = "--to", order = 36, paramLabel = "TIME", converter = TimeConverter.class,
        description = "only records before TIME (a date means the start of that UTC day, so it is left out)")
    private Instant to;

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    /** The filter these options describe; unset options match everything. */
    public JournalFilter filter() {
        JournalFilter filter = JournalFilter.ALL;
        if (team != null) {
            filter = filter.team(team);
        }
        if (project != null) {
            filter = filter.project(project);
        }
        if (customer != null) {
            filter = filter.customerId(customer);
        }
        if (model != null) {
            filter = filter.model(model);
        }
        if (group != null) {
            filter = filter.group(group);
        }
        if (from != null) {
            filter = filter.from(from);
        }
        return to == null ? filter : filter.to(to);
    }

    /** A problem with the options together, or {@code null}: an empty time range. */
    public String problem() {
        if (from != null && to != null && !from.isBefore(to)) {
            return "--from " + from + " is not before --to " + to + "; the range holds no record";
        }
        return null;
    }
}
