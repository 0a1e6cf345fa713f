package io.genops.pipeline.internal;

import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.pipeline.BudgetCheck;
import io.genops.pipeline.BudgetScope;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.BudgetWindow;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Every budget of the pipeline: explicit limits for named scope keys, and default limits per scope
 * and window that apply to each key as it is first seen, up to {@code maxKeys} keys (past the cap,
 * new keys go untracked and are counted). Read lock-free by callers' threads to reserve, updated by
 * the budget stage, read by anyone for status.
 */
public final class BudgetBook {
    private static final BudgetScope[] SCOPES = BudgetScope.values();
    private static final BudgetWindow[] WINDOWS = BudgetWindow.values();
    /** Most budgets one event can fall under: every scope in every window. */
    static final int MAX_PER_EVENT = SCOPES.length * WINDOWS.length;

    private final WindowClock clock;
    private final long[][] defaultLimits = new long[SCOPES.length][WINDOWS.length];
    private final boolean[] hasDefault = new boolean[SCOPES.length];
    private final Map<BudgetScope, Map<String, Budget[]>> byScope = new EnumMap<>(BudgetScope.class);
    private final Map<String, Map<String, Budget[]>> byTeamProject = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final AtomicInteger keys = new AtomicInteger();
    private final LongAdder untracked = new LongAdder();

    public BudgetBook(final List<BudgetLimit> limits, final ZoneId zone, final int maxKeys) {
        this.clock = new WindowClock(zone);
        this.maxKeys = maxKeys;
        for (final BudgetScope scope : SCOPES) {
            byScope.put(scope, new ConcurrentHashMap<>());
        }
        for (final BudgetLimit limit : limits) {
            if (limit.key() == null) {
                defaultLimits[limit.scope().ordinal()][limit.window().ordinal()] = limit.limitNanos();
                hasDefault[limit.scope().ordinal()] = true;
            }
        }
        for (final BudgetLimit limit : limits) {
            if (limit.key() != null) {
                final Budget[] windows = explicitBudgets(limit.scope(), limit.key());
                windows[limit.window().ordinal()] = new Budget(limit.scope(), limit.key(), limit.window(),
                    limit.limitNanos());
            }
        }
    }

    /** A limit as configured: {@code key == null} makes it the default for every key of the scope. */
    public record BudgetLimit(BudgetScope scope, String key, BudgetWindow window, long limitNanos) {
    }

    /**
     * Puts the budgets that apply to an event of these attribution fields into {@code out} and returns
     * how many. Allocation-free once the keys are known.
     */
    int collect(final String team, final String project, final String customerId, final Budget[] out) {
        int count = add(out, 0, budgetsFor(BudgetScope.TEAM, team));
        count = add(out, count, budgetsFor(BudgetScope.PROJECT, project));
        count = add(out, count, budgetsFor(BudgetScope.CUSTOMER, customerId));
        return add(out, count, team == null || project == null ? null : teamProjectBudgets(team, project));
    }

    private static int add(final Budget[] out, final int count, final Budget[] windows) {
        int next = count;
        if (windows != null) {
            for (final Budget budget : windows) {
                if (budget != null) {
                    out[next++] = budget;
                }
            }
        }
        return next;
    }

    private Budget[] budgetsFor(final BudgetScope scope, final String key) {
        if (key == null) {
            return null;
        }
        if (scope == BudgetScope.TEAM_PROJECT) {
            final String[] pair = teamAndProject(key);
            return pair == null ? null : teamProjectBudgets(pair[0], pair[1]);
        }
        final Budget[] known = byScope.get(scope).get(key);
        return known != null || !hasDefault[scope.ordinal()] ? known : budgetsOf(scope, key, null, false);
    }

    private Budget[] teamProjectBudgets(final String team, final String project) {
        final Map<String, Budget[]> projects = byTeamProject.get(team);
        final Budget[] known = projects == null ? null : projects.get(project);
        if (known != null || !hasDefault[BudgetScope.TEAM_PROJECT.ordinal()]) {
            return known;
        }
        return budgetsOf(BudgetScope.TEAM_PROJECT, team, project, false);
    }

    /**
     * The budgets of one key, created with the scope's defaults on first sight while under the cap. A
     * team-and-project key comes as its two parts, {@code keyOrTeam} and {@code project}, so that a team or
     * project name holding a slash keeps budgets of its own; for other scopes {@code project} is null.
     */
    private Budget[] budgetsOf(final BudgetScope scope, final String keyOrTeam, final String project,
        final boolean explicit) {
        final boolean pair = scope == BudgetScope.TEAM_PROJECT;
        final Map<String, Budget[]> keyed = pair
            ? byTeamProject.computeIfAbsent(keyOrTeam, team -> new ConcurrentHashMap<>())
            : byScope.get(scope);
        final String mapKey = pair ? project : keyOrTeam;
        final Budget[] existing = keyed.get(mapKey);
        if (existing != null) {
            return existing;
        }
        if (!explicit && keys.get() >= maxKeys) {
            untracked.increment();
            return null;
        }
        return keyed.computeIfAbsent(mapKey, k -> {
            keys.incrementAndGet();
            return defaultsFor(scope, pair ? scope.keyOf(keyOrTeam, project, null) : keyOrTeam);
        });
    }

    /** The budgets of a configured limit's key, which the builder has checked reads {@code team/project}. */
    private Budget[] explicitBudgets(final BudgetScope scope, final String key) {
        if (scope != BudgetScope.TEAM_PROJECT) {
            return budgetsOf(scope, key, null, true);
        }
        final String[] pair = teamAndProject(key);
        return budgetsOf(scope, pair[0], pair[1], true);
    }

    /** A {@code team/project} key split at its first slash; null when nothing comes before the slash. */
    private static String[] teamAndProject(final String key) {
        final int slash = key.indexOf('/');
        return slash <= 0 ? null : new String[] {key.substring(0, slash), key.substring(slash + 1)};
    }

    private Budget[] defaultsFor(final BudgetScope scope, final String key) {
        final Budget[] windows = new Budget[WINDOWS.length];
        for (final BudgetWindow window : WINDOWS) {
            final long limit = defaultLimits[scope.ordinal()][window.ordinal()];
            if (limit > 0) {
                windows[window.ordinal()] = new Budget(scope, key, window, limit);
            }
        }
        return windows;
    }

    long windowId(final Budget budget, final long epochMillis) {
        return clock.windowId(budget.window, epochMillis);
    }

    /** The exception for a refused reservation, naming scope, window, limit and spend. */
    BudgetExceededException exceeded(final Budget budget, final Budget.Period period) {
        return new BudgetExceededException(budget.label,
            budget.window.label() + " " + WindowClock.start(budget.window, period.id), budget.limitNanos,
            period.committed());
    }

    /** What spending {@code estimateNanos} now would do to the tightest applicable budget. */
    public BudgetCheck check(final String team, final String project, final String customerId, final long estimateNanos,
        final long epochMillis, final int warningPercent) {
        final Budget[] applicable = new Budget[MAX_PER_EVENT];
        final int count = collect(team, project, customerId, applicable);
        BudgetCheck tightest = BudgetCheck.NO_BUDGET;
        long tightestHeadroom = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            final Budget budget = applicable[i];
            final Budget.Period period = budget.periodFor(windowId(budget, epochMillis));
            final long committed = period == null ? 0 : period.committed();
            final long headroom = budget.limitNanos - committed - estimateNanos;
            if (headroom < tightestHeadroom) {
                tightestHeadroom = headroom;
                tightest = verdict(budget, committed, estimateNanos, warningPercent);
            }
        }
        return tightest;
    }

    private static BudgetCheck verdict(final Budget budget, final long committed, final long estimateNanos,
        final int warningPercent) {
        final long after = Math.addExact(committed, estimateNanos);
        final PolicyResult result;
        final PolicyReason reason;
        if (after > budget.limitNanos) {
            result = PolicyResult.BLOCKED;
            reason = PolicyReason.BUDGET_EXCEEDED;
        } else if (BudgetStage.reached(after, budget.limitNanos, warningPercent)) {
            result = PolicyResult.WARNING;
            reason = PolicyReason.BUDGET_THRESHOLD;
        } else {
            result = PolicyResult.ALLOWED;
            reason = PolicyReason.NONE;
        }
        return new BudgetCheck(result, reason, budget.label, budget.window, Money.usdNanos(budget.limitNanos),
            Money.usdNanos(committed));
    }

    /** Charges a journaled event's cost to the windows that are still current, when rebuilding at start. */
    void restore(final String team, final String project, final String customerId, final long costNanos,
        final long recordMillis, final long nowMillis) {
        final Budget[] applicable = new Budget[MAX_PER_EVENT];
        final int count = collect(team, project, customerId, applicable);
        for (int i = 0; i < count; i++) {
            final Budget budget = applicable[i];
            final long window = windowId(budget, recordMillis);
            if (window == windowId(budget, nowMillis)) {
                final Budget.Period period = budget.periodFor(window);
                period.addCommitted(costNanos);
                period.spentNanos += costNanos;
            }
        }
    }

    /** Every tracked budget, for work done once over all of them (such as priming after a restart). */
    void forEachBudget(final Consumer<Budget> action) {
        byScope.values().forEach(keyed -> keyed.values().forEach(windows -> each(windows, action)));
        byTeamProject.values().forEach(projects -> projects.values().forEach(windows -> each(windows, action)));
    }

    private static void each(final Budget[] windows, final Consumer<Budget> action) {
        for (final Budget budget : windows) {
            if (budget != null) {
                action.accept(budget);
            }
        }
    }

    /** The state of one budget now; {@code null} when no such budget is tracked. */
    public BudgetStatus status(final BudgetScope scope, final String key, final BudgetWindow window,
        final long epochMillis) {
        final Budget[] windows = budgetsFor(scope, key);
        final Budget budget = windows == null ? null : windows[window.ordinal()];
        return budget == null ? null : statusOf(budget, epochMillis);
    }

    private BudgetStatus statusOf(final Budget budget, final long epochMillis) {
        final long id = windowId(budget, epochMillis);
        final Budget.Period period = budget.current();
        final long spent = period.id == id ? period.spentNanos : 0;
        return new BudgetStatus(budget.label, budget.window.label(), WindowClock.start(budget.window, id),
            Money.usdNanos(budget.limitNanos), Money.usdNanos(spent));
    }

    /** Every tracked budget now, by scope, key and window. */
    public List<BudgetStatus> statuses(final long epochMillis) {
        final List<Budget> all = new ArrayList<>();
        byScope.forEach((scope, keyed) -> keyed.values().forEach(windows -> addAll(all, windows)));
        byTeamProject.values().forEach(projects -> projects.values().forEach(windows -> addAll(all, windows)));
        all.sort(Comparator.comparing((Budget b) -> b.scope).thenComparing(b -> b.key).thenComparing(b -> b.window));
        final List<BudgetStatus> statuses = new ArrayList<>(all.size());
        for (final Budget budget : all) {
            statuses.add(statusOf(budget, epochMillis));
        }
        return statuses;
    }

    private static void addAll(final List<Budget> all, final Budget[] windows) {
        for (final Budget budget : windows) {
            if (budget != null) {
                all.add(budget);
            }
        }
    }

    /** Keys seen past the cap, whose spend no budget tracks. */
    public long untracked() {
        return untracked.sum();
    }
}
