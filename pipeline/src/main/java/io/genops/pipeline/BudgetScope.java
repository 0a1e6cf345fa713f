package io.genops.pipeline;

import io.genops.core.Attribution;
import java.util.Locale;

/** What a budget is charged by: one attribution field, or a team and project together. */
public enum BudgetScope {
    TEAM, PROJECT, CUSTOMER, TEAM_PROJECT;

    /** The key of {@code attribution} in this scope, such as {@code support/helpdesk}; null when incomplete. */
    public String keyOf(final Attribution attribution) {
        return keyOf(attribution.team(), attribution.project(), attribution.customerId());
    }

    /** The key from the fields themselves; allocates only for {@link #TEAM_PROJECT}. */
    public String keyOf(final String team, final String project, final String customerId) {
        switch (this) {
            case TEAM:
                return team;
            case PROJECT:
                return project;
            case CUSTOMER:
                return customerId;
            default:
                return team == null || project == null ? null : team + "/" + project;
        }
    }

    /** The name used in scope labels, such as {@code team}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
