package io.genops.pipeline.internal;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import io.genops.core.money.Money;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.util.List;

/**
 * Charges each event's cost to its team's daily budget, publishes the new spend for the callers'
 * enforcement check, sets the event's policy result, and raises one alert per threshold per team
 * per day when the spend crosses it (by default at 50, 80 and 100 percent).
 */
final class BudgetStage implements Stage {
    private final BudgetBook book;
    private final int[] thresholdPercents;
    private final int warningPercent;
    private final AlertSink alerts;
    private final PipelineCounters counters;

    BudgetStage(final BudgetBook book, final int[] thresholdPercents, final int warningPercent,
        final AlertSink alerts, final PipelineCounters counters) {
        this.book = book;
        this.thresholdPercents = thresholdPercents.clone();
        this.warningPercent = warningPercent;
        this.alerts = alerts;
        this.counters = counters;
    }

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        if (event.team == null) {
            return;
        }
        final TeamBudget budget = book.budgetFor(event.team);
        if (budget == null) {
            return;
        }
        final long spent = budget.add(UtcCalendar.epochDay(event.epochMillis), event.costNanos);
        if (!budget.hasLimit()) {
            return;
        }
        if (spent >= budget.limitNanos) {
            event.policyResult = PolicyResult.WARNING;
            event.policyReason = PolicyReason.BUDGET_EXCEEDED;
        } else if (reached(spent, budget.limitNanos, warningPercent)) {
            event.policyResult = PolicyResult.WARNING;
            event.policyReason = PolicyReason.BUDGET_THRESHOLD;
        }
        raiseCrossings(event, budget, spent);
    }

    private void raiseCrossings(final EventSlot event, final TeamBudget budget, final long spent) {
        for (int i = 0; i < thresholdPercents.length; i++) {
            if (reached(spent, budget.limitNanos, thresholdPercents[i]) && budget.fireOnce(i)) {
                PipelineCounters.increment(counters.alertsFired);
                alerts.offer(alertFor(event, budget, spent, thresholdPercents[i]));
            }
        }
    }

    /** Whether {@code spent} is at least {@code percent} of {@code limit}, exactly. */
    private static boolean reached(final long spent, final long limit, final int percent) {
        return Math.multiplyExact(spent, 100L) >= Math.multiplyExact(limit, (long)percent);
    }

    private static FiredAlert alertFor(final EventSlot event, final TeamBudget budget, final long spent,
        final int threshold) {
        final Severity severity = threshold >= 100 ? Severity.CRITICAL
            : threshold >= 80 ? Severity.WARNING : Severity.INFO;
        final double utilization = spent * 100.0 / budget.limitNanos;
        final String message = "Team '" + budget.team + "' has spent " + Money.format(spent) + " USD today, "
            + threshold + "% or more of its daily budget of " + Money.format(budget.limitNanos) + " USD.";
        return new FiredAlert("budget.team." + budget.team, severity, "team=" + budget.team,
            "budget_utilization_percent", utilization, threshold, List.of(), event.epochMillis, message);
    }
}
