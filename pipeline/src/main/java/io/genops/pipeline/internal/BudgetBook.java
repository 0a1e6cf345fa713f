package io.genops.pipeline.internal;

import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.pipeline.BudgetStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily budgets of all teams: written by the budget stage, read lock-free by callers' threads
 * for enforcement and by anyone for status. Teams are tracked up to a cap; teams with a configured
 * limit are always tracked.
 */
public final class BudgetBook {
    private final long defaultLimitNanos;
    private final Map<String, Long> limitsNanos;
    private final int maxTeams;
    private final Map<String, TeamBudget> teams = new ConcurrentHashMap<>();

    public BudgetBook(final long defaultLimitNanos, final Map<String, Long> limitsNanos, final int maxTeams) {
        this.defaultLimitNanos = defaultLimitNanos;
        this.limitsNanos = Map.copyOf(limitsNanos);
        this.maxTeams = maxTeams;
    }

    /**
     * Refuses spend for {@code team} once today's spend has reached its limit. A lock-free read of
     * what the budget stage last published; no allocation unless it throws.
     */
    public void enforce(final String team, final long epochMillis) {
        final TeamBudget budget = teams.get(team);
        if (budget != null && budget.hasLimit()) {
            final long today = UtcCalendar.epochDay(epochMillis);
            final long spent = budget.spentOn(today);
            if (spent >= budget.limitNanos) {
                throw new BudgetExceededException("team=" + team, "daily " + LocalDate.ofEpochDay(today),
                    budget.limitNanos, spent);
            }
        }
    }

    /** The team's budget, created on first use while under the cap; {@code null} past it. Stage thread. */
    TeamBudget budgetFor(final String team) {
        final TeamBudget budget = teams.get(team);
        if (budget != null) {
            return budget;
        }
        final Long configured = limitsNanos.get(team);
        if (configured == null && teams.size() >= maxTeams) {
            return null;
        }
        final TeamBudget created = new TeamBudget(team, configured != null ? configured : defaultLimitNanos);
        teams.put(team, created);
        return created;
    }

    /** Seeds a team's spend for {@code day}, as rebuilt from the journal at start; before any event. */
    void restore(final String team, final long day, final long spentNanos) {
        final TeamBudget budget = budgetFor(team);
        if (budget != null) {
            budget.add(day, spentNanos);
        }
    }

    public BudgetStatus status(final String team, final long epochMillis) {
        final long today = UtcCalendar.epochDay(epochMillis);
        final TeamBudget budget = teams.get(team);
        final Long configured = limitsNanos.get(team);
        final long limit = budget != null ? budget.limitNanos : configured != null ? configured : defaultLimitNanos;
        final long spent = budget != null ? budget.spentOn(today) : 0;
        return new BudgetStatus("team=" + team, "daily", LocalDate.ofEpochDay(today),
            Money.usdNanos(limit), Money.usdNanos(spent));
    }

    public List<BudgetStatus> statuses(final long epochMillis) {
        final List<BudgetStatus> statuses = new ArrayList<>();
        teams.keySet().stream().sorted().forEach(team -> statuses.add(status(team, epochMillis)));
        return statuses;
    }
}
