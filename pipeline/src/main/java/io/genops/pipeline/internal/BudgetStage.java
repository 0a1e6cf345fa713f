package io.genops.pipeline.internal;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.EventKind;
import io.genops.core.event.Severity;
import io.genops.core.money.Money;
import io.genops.core.money.MoneyMath;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Charges each event's cost to every budget that applies (its team, project, customer and team with
 * project, in each window that has a limit), replaces the caller's reservation by the actual cost,
 * sets the event's policy result, and raises one alert per threshold per budget and window when the
 * spend crosses it (by default at 50, 80 and 100 percent), unless the event's agent group has cost
 * alerts off. Only this stage raises budget alerts, one
 * event at a time, so concurrent callers crossing together still yield exactly one alert. A closed
 * session's record is charged to nothing.
 *
 * <p>It also records on the event the budget closest to its limit among those it was charged to, with
 * that window's spend after the charge, for the journal and the exporters: closest by the share of the
 * limit spent, the measure thresholds and warnings use, so a small daily budget at 90 % is named before
 * a large monthly one at 60 % even when the monthly one has less money left. On a tie the first in
 * charging order wins (team, project, customer, team and project; daily, weekly, monthly).
 *
 * <p>When callers reserve a fixed estimate instead of the exact cost, the difference is the only thing
 * this stage defers: it is kept per window and added to the amount callers check every
 * {@code reconcileEvery} estimated interactions and at the end of every batch, so an idle pipeline is
 * always settled. The spend, policy results and alerts use the exact cost at once.
 */
final class BudgetStage implements Stage {
    private final BudgetBook book;
    private final int[] thresholdPercents;
    private final int warningPercent;
    private final AlertSink alerts;
    private final PipelineCounters counters;
    private final Budget[] applicable = new Budget[BudgetBook.MAX_PER_EVENT];
    private final int reconcileEvery;
    /** Windows holding an unsettled difference; as many as the budgets in use, not as events. */
    private final List<Budget.Period> unsettled = new ArrayList<>();
    private int estimatedSinceSettled;

    BudgetStage(final BudgetBook book, final int[] thresholdPercents, final int warningPercent,
        final AlertSink alerts, final PipelineCounters counters, final int reconcileEvery) {
        this.book = book;
        this.thresholdPercents = thresholdPercents.clone();
        this.warningPercent = warningPercent;
        this.alerts = alerts;
        this.counters = counters;
        this.reconcileEvery = reconcileEvery;
    }

    @Override
    public String name() {
        return "budget";
    }

    /**
     * Marks as already alerted every threshold that the spend rebuilt from the journal has reached, so
     * a restart does not raise again the alerts the previous run raised. Called before any event.
     */
    void prime(final long nowMillis) {
        book.forEachBudget(budget -> {
            final Budget.Period period = budget.current();
            if (period.id == book.windowId(budget, nowMillis)) {
                for (int i = 0; i < thresholdPercents.length; i++) {
                    if (reached(period.spentNanos, budget.limitNanos, thresholdPercents[i])) {
                        period.thresholdsFired |= 1 << i;
                    }
                }
            }
        });
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        event.budget = null;
        event.budgetConsumedNanos = 0;
        // A closed session's record costs nothing; charging it could only mark it with a warning.
        if (event.kind != EventKind.SESSION) {
            chargeAll(event);
        }
        if (event.costEstimated && ++estimatedSinceSettled >= reconcileEvery || endOfBatch) {
            settle();
        }
    }

    private void chargeAll(final EventSlot event) {
        final int count = book.collect(event.team, event.project, event.customerId, applicable);
        for (int i = 0; i < count; i++) {
            final Budget budget = applicable[i];
            final Budget.Period period = budget.periodFor(book.windowId(budget, event.epochMillis));
            if (period != null) {
                final long spent = charge(event, budget, period);
                if (event.budget == null || closer(spent, budget, event.budgetConsumedNanos, event.budget)) {
                    event.budget = budget;
                    event.budgetConsumedNanos = spent;
                }
            }
        }
    }

    /** Whether {@code spent} is a larger share of {@code budget}'s limit than {@code otherSpent} of {@code other}'s. */
    private static boolean closer(final long spent, final Budget budget, final long otherSpent, final Budget other) {
        // spent / limit > otherSpent / otherLimit, cross-multiplied in 128 bits; a spend below zero is no share.
        return MoneyMath.compareProducts(Math.max(0, spent), other.limitNanos, Math.max(0, otherSpent),
            budget.limitNanos) > 0;
    }

    /** Charges the event to one window and returns the window's spend after it. */
    private long charge(final EventSlot event, final Budget budget, final Budget.Period period) {
        final long spent = Math.addExact(period.spentNanos, event.costNanos);
        final boolean reserved = event.reservedIn(period);
        final long delta = reserved ? event.costNanos - event.reservationNanos : event.costNanos;
        if (delta != 0 && reserved && event.costEstimated && reconcileEvery > 1) {
            defer(period, delta);
        } else if (delta != 0) {
            period.addCommitted(delta);
        }
        period.spentNanos = spent;
        if (event.policyResult == PolicyResult.RATE_LIMITED) {
            raiseCrossings(event, budget, period, spent);
            return spent;
        }
        if (spent >= budget.limitNanos) {
            event.policyResult = PolicyResult.WARNING;
            event.policyReason = PolicyReason.BUDGET_EXCEEDED;
        } else if (reached(spent, budget.limitNanos, warningPercent)
            && event.policyReason != PolicyReason.BUDGET_EXCEEDED) {
            event.policyResult = PolicyResult.WARNING;
            event.policyReason = PolicyReason.BUDGET_THRESHOLD;
        }
        raiseCrossings(event, budget, period, spent);
        return spent;
    }

    private void defer(final Budget.Period period, final long delta) {
        period.unsettledNanos += delta;
        if (!period.awaitingSettlement) {
            period.awaitingSettlement = true;
            unsettled.add(period);
        }
    }

    /** Adds every window's unsettled difference to the amount callers check. */
    private void settle() {
        estimatedSinceSettled = 0;
        if (unsettled.isEmpty()) {
            return;
        }
        for (int i = 0; i < unsettled.size(); i++) {
            final Budget.Period period = unsettled.get(i);
            if (period.unsettledNanos != 0) {
                period.addCommitted(period.unsettledNanos);
                period.unsettledNanos = 0;
            }
            period.awaitingSettlement = false;
        }
        unsettled.clear();
        PipelineCounters.increment(counters.estimateSettlements);
    }

    /**
     * Raises the thresholds {@code spent} has newly reached. An event of a group with cost alerts off
     * raises none and leaves them unmarked, so the next event of a group that alerts raises them.
     */
    private void raiseCrossings(final EventSlot event, final Budget budget, final Budget.Period period,
        final long spent) {
        if (!event.agentGroup.costAlerts) {
            return;
        }
        for (int i = 0; i < thresholdPercents.length; i++) {
            final int bit = 1 << i;
            if ((period.thresholdsFired & bit) == 0 && reached(spent, budget.limitNanos, thresholdPercents[i])) {
                period.thresholdsFired |= bit;
                PipelineCounters.increment(counters.alertsFired);
                alerts.offer(alertFor(event, budget, spent, thresholdPercents[i]));
            }
        }
    }

    /** Whether {@code spent} is at least {@code percent} of {@code limit}, exactly, for any amounts. */
    static boolean reached(final long spent, final long limit, final int percent) {
        return MoneyMath.compareProducts(spent, 100L, limit, percent) >= 0;
    }

    private static FiredAlert alertFor(final EventSlot event, final Budget budget, final long spent,
        final int threshold) {
        final Severity severity = threshold >= 100 ? Severity.CRITICAL
            : threshold >= 80 ? Severity.WARNING : Severity.INFO;
        final double utilization = spent * 100.0 / budget.limitNanos;
        final String message = budget.label + " has spent " + Money.format(spent) + " USD of its "
            + budget.window.label() + " budget of " + Money.format(budget.limitNanos) + " USD (" + threshold
            + "% reached).";
        return new FiredAlert("budget." + budget.scope.label() + "." + budget.key + "." + budget.window.label(),
            severity, budget.label, "budget_utilization_percent", utilization, threshold, List.of(),
            event.epochMillis, message);
    }
}
