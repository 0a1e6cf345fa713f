package io.genops.core.event;

import java.util.Locale;

/**
 * What an alert rule keeps its state for, and so what its cooldown and windows are per: the whole
 * pipeline, or each team, project, customer or agent on its own. An event that lacks the scope's field
 * (a team rule and an event without a team) is not counted by that rule.
 */
public enum AlertScope {
    GLOBAL, TEAM, PROJECT, CUSTOMER, AGENT;

    private static final AlertScope[] VALUES = values();

    /** Parses a name such as {@code "team"}, in any case. */
    public static AlertScope parse(final String name) {
        return Names.parse(VALUES, name, "alert scope");
    }

    /** The name used in scope labels, such as {@code team} in {@code team=support}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The key of an event with these fields in this scope; {@code null} when the event lacks it. */
    public String keyOf(final String team, final String project, final String customerId, final String agentId) {
        switch (this) {
            case TEAM:
                return team;
            case PROJECT:
                return project;
            case CUSTOMER:
                return customerId;
            case AGENT:
                return agentId;
            case GLOBAL:
            default:
                return "global";
        }
    }
}
