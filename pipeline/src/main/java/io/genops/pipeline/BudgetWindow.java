package io.genops.pipeline;

import java.util.Locale;

/**
 * A budget period on calendar boundaries in the budget time zone (UTC by default): a day from
 * midnight, an ISO week from Monday midnight, a month from the first at midnight.
 */
public enum BudgetWindow {
    DAILY, WEEKLY, MONTHLY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
