package io.genops.config.settings;

/**
 * Caps that keep memory bounded whatever the traffic.
 *
 * @param maxStringLength   the longest id, name or attribution value accepted, in characters
 * @param maxTrackedKeys    distinct teams, agents and models kept in totals and budgets
 * @param maxAlertRules     alert rules kept
 * @param maxAlertStateKeys (rule, scope key) states kept
 */
public record LimitSettings(int maxStringLength, int maxTrackedKeys, int maxAlertRules, int maxAlertStateKeys) {
}
