package io.genops.config.settings;

import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import io.genops.core.event.Condition;
import io.genops.core.event.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An alert rule in force from the start.
 *
 * @param name       the rule's name
 * @param conditions conditions that must all hold
 * @param severity   how urgent a firing is
 * @param channels   channels to notify; empty for the default channels
 * @param scope      what the rule keeps its cooldown and windows per
 * @param window     the span windowed metrics aggregate over
 * @param cooldown   the least time between two firings for one scope key
 * @param minSamples samples a window needs before its percentiles and rates are read
 * @param group      the agent group whose events alone the rule reads; empty for every group's
 */
public record AlertRuleSettings(String name, List<Condition> conditions, Severity severity, List<String> channels,
    AlertScope scope, Duration window, Duration cooldown, int minSamples, Optional<String> group) {
    /** The metrics that read what something costs. */
    static final List<String> COST_METRICS = List.of(Condition.COST_USD, Condition.COST_USD_PER_MINUTE,
        Condition.COST_USD_PER_HOUR, Condition.BUDGET_UTILIZATION_PERCENT);

    public AlertRuleSettings {
        conditions = List.copyOf(conditions);
        channels = List.copyOf(channels);
    }

    /** The rule as the pipeline takes it. */
    public AlertRule toAlertRule() {
        final AlertRule.Builder rule = AlertRule.builder().severity(severity).channels(channels).scope(scope)
            .window(window).cooldown(cooldown).minSamples(minSamples);
        conditions.forEach(rule::condition);
        group.ifPresent(rule::group);
        return rule.build();
    }

    /** Whether a condition reads what something costs, which only cost alerts may do. */
    public boolean readsCost() {
        return conditions.stream().anyMatch(condition -> COST_METRICS.contains(condition.metric()));
    }
}
