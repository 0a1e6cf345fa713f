package io.genops.pipeline.internal;

import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import io.genops.core.event.EventKind;
import io.genops.core.money.Money;
import io.genops.pipeline.AgentGroup;
import io.genops.pipeline.BudgetScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates alert rules against interactions and signals and hands fired alerts to the dispatcher
 * (to deliver) and to the {@link AlertJournal} (to be priced and journaled as events).
 *
 * <p>Rules come from configuration, registered when the stage is built and so before any event, and
 * from {@code createAlert}, arriving through the ring as alert events; either way the registry is
 * owned by this stage's thread alone and needs no locking. A rule created again under the same name
 * replaces the old one and its state. At most {@code maxAlertRules} rules are kept; more are counted
 * and ignored.
 *
 * <p>Evaluation, per event, for each rule that reads the event's kind:
 * <ol>
 *   <li>a rule limited to an agent group skips the events of other groups, and a rule on what
 *       something costs skips the events of a group with cost alerts off;</li>
 *   <li>the scope key: {@code global}, or the event's team, project, customer or agent (an event
 *       without it is skipped by that rule);</li>
 *   <li>for a rule with windowed conditions, the state of (rule, key) from the {@link RuleStateTable}
 *       (created on first sight, least recently seen evicted past the cap), and the event added to its
 *       windows: spend, errors and interactions, latency, refused calls;</li>
 *   <li>every condition must hold: windowed ones on the key's window, the others on this event (a
 *       metric the event does not carry holds nothing);</li>
 *   <li>a match fires unless the (rule, key) fired within the rule's cooldown, in which case it is
 *       counted as suppressed. A rule that keeps matching fires again once its cooldown has passed.</li>
 * </ol>
 * Only this thread decides, one event at a time, so any number of callers crossing a threshold
 * together yield one alert. A rule without windowed conditions keeps a state only for keys that fired.
 *
 * <p>Rejection rate: refused calls never reach the ring, so the stage reads the callers' refusal
 * counter ({@code rejectedBudget}) on each event and adds what it grew by to the window of the global
 * key. While every call is refused no event arrives, and such a rule waits for the next accepted one.
 *
 * <p>Allocation: none per event once a key's state exists; firing allocates the alert and its message.
 */
final class AlertStage implements Stage {
    private static final CompiledRule[] NONE = new CompiledRule[0];
    private static final double NANOS_PER_USD = Money.NANOS_PER_UNIT;
    private static final double MILLIS_PER_MINUTE = 60_000.0;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final AlertSink alerts;
    private final AlertJournal journal;
    private final BudgetBook budgets;
    private final PipelineCounters counters;
    private final GroupMatcher groups;
    private final int maxRules;
    private final RuleStateTable states;
    private final Map<String, CompiledRule> rulesByName = new LinkedHashMap<>();
    private final Budget[] applicable = new Budget[BudgetBook.MAX_PER_EVENT];
    private CompiledRule[] interactionRules = NONE;
    private CompiledRule[] signalRules = NONE;
    private boolean readsRejections;
    private long refusedSeen;
    /** The budget the last utilization reading came from, for the alert's message. */
    private Budget utilizationBudget;

    AlertStage(final AlertSink alerts, final AlertJournal journal, final BudgetBook budgets,
        final PipelineCounters counters, final Settings settings, final GroupMatcher groups) {
        this.alerts = alerts;
        this.groups = groups;
        this.journal = journal;
        this.budgets = budgets;
        this.counters = counters;
        this.maxRules = settings.maxAlertRules();
        this.states = new RuleStateTable(settings.maxAlertStateKeys(), counters.alertStateKeys,
            counters.alertStateEvictions);
        for (final Map.Entry<String, AlertRule> configured : settings.alertRules().entrySet()) {
            final AlertRule rule = configured.getValue();
            register(configured.getKey(), rule, rule.attribution().over(settings.attribution()), groupOf(rule));
        }
        for (final Map.Entry<String, AgentGroup> group : settings.agentGroups().entrySet()) {
            for (final Map.Entry<String, AlertRule> own : group.getValue().alertRules().entrySet()) {
                final AlertRule rule = own.getValue();
                register(own.getKey(), rule, rule.attribution().over(settings.attribution()),
                    groups.named(group.getKey()));
            }
        }
    }

    /** The group a rule names, checked to exist when it was declared or created; {@code null} for every group. */
    private CompiledGroup groupOf(final AlertRule rule) {
        return rule.group() == null ? null : groups.named(rule.group());
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        if (event.kind == EventKind.SESSION) {
            return;
        }
        if (event.kind == EventKind.ALERT) {
            if (!AlertJournal.isFiring(event)) {
                register(event.name, event.rule, ownerOf(event), groupOf(event.rule));
            }
            return;
        }
        final long refused = readsRejections ? refusedSinceLastEvent() : 0;
        final CompiledRule[] rules = event.kind == EventKind.INTERACTION ? interactionRules : signalRules;
        for (final CompiledRule rule : rules) {
            evaluate(rule, event, refused);
        }
    }

    private void evaluate(final CompiledRule rule, final EventSlot event, final long refused) {
        if ((rule.group != null && rule.group != event.agentGroup)
            || (rule.readsSpend && !event.agentGroup.costAlerts)) {
            return;
        }
        final String key = rule.scope.keyOf(event.team, event.project, event.customerId, event.agentId);
        if (key == null) {
            return;
        }
        RuleState state = null;
        if (rule.windowed) {
            state = states.acquire(rule, key);
            record(state, event, refused);
        }
        if (holds(rule, state, event)) {
            fire(rule, state != null ? state : states.acquire(rule, key), event);
        }
    }

    /** Adds the event to the windows of {@code state}, moving each on to the event's time first. */
    private static void record(final RuleState state, final EventSlot event, final long refused) {
        final long now = event.epochMillis;
        final boolean interaction = event.kind == EventKind.INTERACTION;
        if (state.cost != null) {
            add(state.cost, now, 0, event.costNanos);
        }
        if (state.errors != null) {
            final int slot = state.errors.advance(now);
            if (interaction && slot != RollingWindow.TOO_OLD) {
                state.errors.add(slot, SumWindow.HITS, event.error != null ? 1 : 0);
                state.errors.add(slot, SumWindow.ALL, 1);
            }
        }
        if (state.rejections != null) {
            final int slot = state.rejections.advance(now);
            if (slot != RollingWindow.TOO_OLD) {
                state.rejections.add(slot, SumWindow.HITS, refused);
                state.rejections.add(slot, SumWindow.ALL, refused + 1);
            }
        }
        if (state.latency != null) {
            final int slot = state.latency.advance(now);
            if (interaction && event.latencyNanos > 0 && slot != RollingWindow.TOO_OLD) {
                state.latency.record(slot, event.latencyNanos / 1_000);
            }
        }
    }

    private static void add(final SumWindow window, final long now, final int column, final long amount) {
        final int slot = window.advance(now);
        if (slot != RollingWindow.TOO_OLD) {
            window.add(slot, column, amount);
        }
    }

    /** Every condition holds: windowed ones on the key's window, the others on this event. */
    private boolean holds(final CompiledRule rule, final RuleState state, final EventSlot event) {
        for (int i = 0; i < rule.conditions.length; i++) {
            if (!rule.conditions[i].test(observe(rule, i, state, event))) {
                return false;
            }
        }
        return true;
    }

    /** The value condition {@code i} reads, or NaN when there is none (which holds nothing). */
    private double observe(final CompiledRule rule, final int i, final RuleState state, final EventSlot event) {
        final RuleMetric metric = rule.metrics[i];
        switch (metric) {
            case COST_PER_MINUTE:
                return state.cost.total(0) / NANOS_PER_USD / (rule.windowMillis / MILLIS_PER_MINUTE);
            case COST_PER_HOUR:
                return state.cost.total(0) / NANOS_PER_USD / (rule.windowMillis / MILLIS_PER_HOUR);
            case LATENCY_P50:
            case LATENCY_P95:
            case LATENCY_P99:
                return state.latency.percentileMillis(metric.quantile(), rule.minSamples);
            case ERROR_RATE:
                return state.errors.ratio(rule.minSamples);
            case REJECTION_RATE:
                return state.rejections.ratio(rule.minSamples);
            case BUDGET_UTILIZATION:
                return utilization(event, rule.scope);
            case SIGNAL_OVER_THRESHOLD:
                return event.kind == EventKind.SIGNAL ? event.value - event.threshold : Double.NaN;
            default:
                return observeEvent(event, rule.conditions[i].metric(), metric);
        }
    }

    /** A figure of one event: a signal's value by its name, or an interaction's own or performance figure. */
    private static double observeEvent(final EventSlot event, final String name, final RuleMetric metric) {
        if (event.kind == EventKind.SIGNAL) {
            return name.equals(event.name) ? event.value : Double.NaN;
        }
        switch (metric) {
            case LATENCY_MS:
                return event.latencyNanos / 1e6;
            case TOTAL_TOKENS:
                return event.inputTokens + event.outputTokens;
            case COST_USD:
                return event.costNanos / NANOS_PER_USD;
            default:
                return figure(event, name);
        }
    }

    private static double figure(final EventSlot event, final String name) {
        final Double figure = event.performance == null ? null : event.performance.get(name);
        return figure == null ? Double.NaN : figure;
    }

    /**
     * The highest utilization, in percent, among the event's budgets of the rule's scope (all of them for
     * a global or agent rule) in their current windows, as the budget stage has just charged them.
     */
    private double utilization(final EventSlot event, final AlertScope scope) {
        final int count = budgets.collect(event.team, event.project, event.customerId, applicable);
        double highest = Double.NaN;
        utilizationBudget = null;
        for (int i = 0; i < count; i++) {
            final Budget budget = applicable[i];
            final Budget.Period period = budget.current();
            if (covers(scope, budget.scope) && period.id == budgets.windowId(budget, event.epochMillis)) {
                final double percent = period.spentNanos * 100.0 / budget.limitNanos;
                if (utilizationBudget == null || percent > highest) {
                    highest = percent;
                    utilizationBudget = budget;
                }
            }
        }
        return highest;
    }

    private static boolean covers(final AlertScope scope, final BudgetScope budgetScope) {
        switch (scope) {
            case TEAM:
                return budgetScope == BudgetScope.TEAM;
            case PROJECT:
                return budgetScope == BudgetScope.PROJECT;
            case CUSTOMER:
                return budgetScope == BudgetScope.CUSTOMER;
            default:
                return true;
        }
    }

    private long refusedSinceLastEvent() {
        final long refused = counters.rejectedBudget.sum();
        final long grown = refused - refusedSeen;
        refusedSeen = refused;
        return Math.max(0, grown);
    }

    private void fire(final CompiledRule rule, final RuleState state, final EventSlot event) {
        if (state.coolingDown(event.epochMillis)) {
            PipelineCounters.increment(counters.alertsSuppressed);
            return;
        }
        state.lastFiredMillis = event.epochMillis;
        PipelineCounters.increment(counters.alertsFired);
        final FiredAlert alert = describe(rule, state, event);
        journal.offer(alert, rule);
        alerts.offer(alert);
    }

    /** The alert for the rule's first condition: its metric, the value seen and the threshold crossed. */
    private FiredAlert describe(final CompiledRule rule, final RuleState state, final EventSlot event) {
        final String metric = rule.conditions[0].metric();
        final boolean overSignalThreshold = rule.metrics[0] == RuleMetric.SIGNAL_OVER_THRESHOLD;
        final double value = overSignalThreshold ? event.value : observe(rule, 0, state, event);
        final double threshold = overSignalThreshold ? event.threshold : rule.conditions[0].threshold();
        final String scope = scopeLabel(rule, state, event);
        final StringBuilder message = new StringBuilder(128).append("Alert '").append(rule.name).append("': ")
            .append(overSignalThreshold ? "signal " + event.name : metric).append(" = ").append(value)
            .append(" for ").append(scope).append(" (threshold ").append(threshold).append(')');
        if (rule.windowed) {
            message.append(" over the last ").append(rule.windowLabel());
        }
        if (rule.metrics[0] == RuleMetric.BUDGET_UTILIZATION && utilizationBudget != null) {
            message.append(", ").append(utilizationBudget.label).append(' ').append(utilizationBudget.window.label())
                .append(" budget");
        }
        return new FiredAlert(rule.name, rule.rule.severity(), scope, metric, value, threshold, rule.rule.channels(),
            event.epochMillis, message.append('.').toString());
    }

    /** {@code team=support} for a keyed rule; for a global one, {@code global} or the event's agent or team. */
    private static String scopeLabel(final CompiledRule rule, final RuleState state, final EventSlot event) {
        if (rule.scope != AlertScope.GLOBAL) {
            return rule.scope.label() + "=" + state.key;
        }
        if (rule.windowed) {
            return "global";
        }
        return event.agentId != null ? "agent=" + event.agentId : "team=" + event.team;
    }

    /** The attribution a {@code createAlert} event was charged to, which its rule's firings are charged to. */
    private static Attribution ownerOf(final EventSlot event) {
        final Attribution.Builder owner = Attribution.builder();
        if (event.team != null) {
            owner.team(event.team);
        }
        if (event.project != null) {
            owner.project(event.project);
        }
        if (event.environment != null) {
            owner.environment(event.environment);
        }
        if (event.customerId != null) {
            owner.customerId(event.customerId);
        }
        if (event.costCenter != null) {
            owner.costCenter(event.costCenter);
        }
        if (event.feature != null) {
            owner.feature(event.feature);
        }
        return owner.build();
    }

    private void register(final String name, final AlertRule rule, final Attribution owner,
        final CompiledGroup group) {
        final CompiledRule existing = rulesByName.get(name);
        if (existing == null && rulesByName.size() >= maxRules) {
            PipelineCounters.increment(counters.alertRulesRejected);
            return;
        }
        if (existing != null) {
            states.removeAll(existing);
        }
        rulesByName.put(name, new CompiledRule(name, rule, owner, group));
        rebuildIndex();
    }

    private void rebuildIndex() {
        final List<CompiledRule> onInteractions = new ArrayList<>();
        final List<CompiledRule> onSignals = new ArrayList<>();
        boolean rejections = false;
        for (final CompiledRule rule : rulesByName.values()) {
            if (rule.onInteractions) {
                onInteractions.add(rule);
            }
            if (rule.onSignals) {
                onSignals.add(rule);
            }
            rejections |= rule.readsRejections;
        }
        interactionRules = onInteractions.toArray(NONE);
        signalRules = onSignals.toArray(NONE);
        if (rejections && !readsRejections) {
            refusedSeen = counters.rejectedBudget.sum();
        }
        readsRejections = rejections;
    }
}
