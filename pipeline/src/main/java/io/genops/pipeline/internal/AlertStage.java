package io.genops.pipeline.internal;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.AlertRule;
import io.genops.core.event.Condition;
import io.genops.core.event.EventKind;
import io.genops.core.money.Money;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates alert rules against signals and interactions and hands fired alerts to the dispatcher.
 *
 * <p>Rules arrive through the ring as alert events, so the registry is owned by this stage's thread
 * alone and needs no locking. A rule fires when all of its conditions hold on one event (a metric the
 * event does not carry holds nothing), and then not again within its cooldown. A rule created again
 * under the same name replaces the old one. At most {@code maxRules} rules are kept; more are counted
 * and ignored.
 */
final class AlertStage implements Stage {
    private final AlertSink alerts;
    private final PipelineCounters counters;
    private final int maxRules;
    private final Map<String, Registered> rulesByName = new HashMap<>();
    private final Map<String, List<Registered>> rulesByMetric = new HashMap<>();
    private String[] metrics = new String[0];

    AlertStage(final AlertSink alerts, final PipelineCounters counters, final int maxRules) {
        this.alerts = alerts;
        this.counters = counters;
        this.maxRules = maxRules;
    }

    @Override
    public String name() {
        return "alert";
    }

    @Override
    public void onEvent(final EventSlot event, final boolean endOfBatch) {
        if (event.kind == EventKind.ALERT) {
            register(event.name, event.rule);
            return;
        }
        for (final String metric : metrics) {
            final double observed = observe(event, metric);
            if (!Double.isNaN(observed)) {
                evaluate(event, rulesByMetric.get(metric), metric, observed);
            }
        }
    }

    private void evaluate(final EventSlot event, final List<Registered> candidates, final String metric,
        final double observed) {
        for (int i = 0; i < candidates.size(); i++) {
            final Registered registered = candidates.get(i);
            if (registered.evaluatedSequence != event.sequence) {
                registered.evaluatedSequence = event.sequence;
                if (holds(registered.rule, event)) {
                    fire(registered, event, metric, observed);
                }
            }
        }
    }

    /** All conditions hold on this one event; a metric the event lacks reads NaN, which holds nothing. */
    private static boolean holds(final AlertRule rule, final EventSlot event) {
        final List<Condition> conditions = rule.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            final Condition condition = conditions.get(i);
            if (!condition.test(observe(event, condition.metric()))) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code metric} on this event, or NaN when the event has none. */
    private static double observe(final EventSlot event, final String metric) {
        if (event.kind == EventKind.SIGNAL) {
            return metric.equals(event.name) ? event.value : Double.NaN;
        }
        if (Condition.LATENCY_MS.equals(metric)) {
            return event.latencyNanos / 1e6;
        }
        if (Condition.TOTAL_TOKENS.equals(metric)) {
            return event.inputTokens + event.outputTokens;
        }
        if (Condition.COST_USD.equals(metric)) {
            return event.costNanos / (double)Money.NANOS_PER_UNIT;
        }
        final Double figure = event.performance.get(metric);
        return figure == null ? Double.NaN : figure;
    }

    private void fire(final Registered registered, final EventSlot event, final String metric, final double observed) {
        final long cooldownMillis = registered.rule.cooldownNanos() / 1_000_000;
        if (registered.lastFiredMillis != Long.MIN_VALUE
            && event.epochMillis - registered.lastFiredMillis < cooldownMillis) {
            PipelineCounters.increment(counters.alertsSuppressed);
            return;
        }
        registered.lastFiredMillis = event.epochMillis;
        PipelineCounters.increment(counters.alertsFired);
        final double threshold = thresholdOf(registered.rule, metric);
        final String scope = event.agentId != null ? "agent=" + event.agentId : "team=" + event.team;
        final String message = "Alert '" + registered.name + "': " + metric + " = " + observed + " for " + scope
            + " (threshold " + threshold + ").";
        alerts.offer(new FiredAlert(registered.name, registered.rule.severity(), scope, metric, observed, threshold,
            registered.rule.channels(), event.epochMillis, message));
    }

    private static double thresholdOf(final AlertRule rule, final String metric) {
        for (final Condition condition : rule.conditions()) {
            if (condition.metric().equals(metric)) {
                return condition.threshold();
            }
        }
        return Double.NaN;
    }

    private void register(final String name, final AlertRule rule) {
        if (!rulesByName.containsKey(name) && rulesByName.size() >= maxRules) {
            PipelineCounters.increment(counters.alertRulesRejected);
            return;
        }
        rulesByName.put(name, new Registered(name, rule));
        rebuildIndex();
    }

    private void rebuildIndex() {
        rulesByMetric.clear();
        for (final Registered registered : rulesByName.values()) {
            for (final Condition condition : registered.rule.conditions()) {
                final List<Registered> list = rulesByMetric.computeIfAbsent(condition.metric(), k -> new ArrayList<>());
                if (!list.contains(registered)) {
                    list.add(registered);
                }
            }
        }
        metrics = rulesByMetric.keySet().toArray(new String[0]);
    }

    /** A rule with its firing state. */
    private static final class Registered {
        final String name;
        final AlertRule rule;
        long lastFiredMillis = Long.MIN_VALUE;
        long evaluatedSequence = -1;

        Registered(final String name, final AlertRule rule) {
            this.name = name;
            this.rule = rule;
        }
    }
}
