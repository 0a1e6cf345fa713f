package io.genops.pipeline.internal;

import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import io.genops.core.event.Condition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A registered alert rule, resolved for evaluation: its conditions with their metrics looked up once,
 * which event kinds it reads, which windows its states need, who owns it (whose attribution pays for
 * its firings), and its states per scope key. Owned by the alert stage's thread, apart from the
 * immutable fields the alert journal reads on the dispatcher's thread.
 */
final class CompiledRule {
    final String name;
    final AlertRule rule;
    final AlertScope scope;
    final Attribution owner;
    /** The agent group whose events alone the rule reads; {@code null} for every group's. */
    final CompiledGroup group;
    final Condition[] conditions;
    final RuleMetric[] metrics;
    final long windowMillis;
    final long cooldownMillis;
    final int minSamples;
    final boolean windowed;
    final boolean onInteractions;
    final boolean onSignals;
    final boolean readsCost;
    final boolean readsErrors;
    final boolean readsRejections;
    final boolean readsLatency;
    /** Whether a condition reads what something costs, which agent groups with cost alerts off skip. */
    final boolean readsSpend;

    /** States of a keyed scope, by key; the state table keeps their number under its cap. */
    final Map<String, RuleState> states = new HashMap<>();
    /** The one state of a global rule, kept outside the table and never evicted. */
    RuleState global;

    CompiledRule(final String name, final AlertRule rule, final Attribution owner, final CompiledGroup group) {
        this.name = name;
        this.rule = rule;
        this.scope = rule.scope();
        this.owner = owner;
        this.group = group;
        final List<Condition> list = rule.conditions();
        this.conditions = list.toArray(new Condition[0]);
        this.metrics = new RuleMetric[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            metrics[i] = RuleMetric.of(conditions[i].metric());
        }
        this.windowMillis = rule.windowNanos() / 1_000_000;
        this.cooldownMillis = rule.cooldownNanos() / 1_000_000;
        this.minSamples = rule.minSamples();
        this.windowed = any(m -> m.windowed);
        this.onInteractions = any(m -> m.onInteractions);
        this.onSignals = any(m -> m.onSignals);
        this.readsCost = any(m -> m == RuleMetric.COST_PER_MINUTE || m == RuleMetric.COST_PER_HOUR);
        this.readsErrors = any(m -> m == RuleMetric.ERROR_RATE);
        this.readsRejections = any(m -> m == RuleMetric.REJECTION_RATE);
        this.readsLatency = any(m -> m.quantile() > 0);
        this.readsSpend = readsCost || any(m -> m == RuleMetric.COST_USD || m == RuleMetric.BUDGET_UTILIZATION);
    }

    private boolean any(final Predicate<RuleMetric> test) {
        for (final RuleMetric metric : metrics) {
            if (test.test(metric)) {
                return true;
            }
        }
        return false;
    }

    /** The length of the window as people write it, such as {@code 5m} or {@code 90s}. */
    String windowLabel() {
        if (windowMillis % 1000 != 0) {
            return windowMillis + "ms";
        }
        final long seconds = windowMillis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
