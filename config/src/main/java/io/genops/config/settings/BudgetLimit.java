package io.genops.config.settings;

import io.genops.core.money.Money;
import java.util.Objects;

/**
 * A budget limit: for one key of a scope, such as team {@code support}, or, with no key, for every key of
 * the scope that has no limit of its own. Written {@code team:support:daily=50.00} and
 * {@code team:daily=100} in every source.
 *
 * @param scope  what the budget is charged by
 * @param key    the team, project, customer or {@code team/project}; {@code null} for a default limit
 * @param window the calendar period the limit holds for
 * @param limit  a positive amount of USD
 */
public record BudgetLimit(Scope scope, String key, Window window, Money limit) {
    /** Mirrors the pipeline's {@code BudgetScope}; a test in the pipeline keeps the two in step. */
    public enum Scope {
        TEAM, PROJECT, CUSTOMER, TEAM_PROJECT
    }

    /** Mirrors the pipeline's {@code BudgetWindow}; a test in the pipeline keeps the two in step. */
    public enum Window {
        DAILY, WEEKLY, MONTHLY
    }

    public BudgetLimit {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(limit, "limit");
    }

    /** Whether the limit holds for every key of its scope without a limit of its own. */
    public boolean isDefault() {
        return key == null;
    }

    /** The limit as written in a configuration: {@code team:support:daily=50.00}. */
    String text() {
        final String where = Parsers.label(scope) + ':' + (key == null ? "" : key + ':') + Parsers.label(window);
        return where + '=' + Money.format(limit.nanos());
    }

    @Override
    public String toString() {
        return text();
    }
}
