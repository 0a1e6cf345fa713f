package io.genops.config.settings;

import java.time.ZoneId;
import java.util.List;

/**
 * Budgets: limits per key and default limits per scope, the zone whose calendar bounds their windows,
 * and the utilization percentages that raise alerts and mark events.
 *
 * @param limits         limits for one key of a scope each
 * @param defaults       limits for every key of a scope without its own
 * @param zone           the time zone of the budget calendar
 * @param thresholds     utilization percentages that each raise one alert per budget and window, ascending
 * @param warningPercent utilization from which events carry a budget warning
 */
public record BudgetSettings(List<BudgetLimit> limits, List<BudgetLimit> defaults, ZoneId zone,
    List<Integer> thresholds, int warningPercent) {
    public BudgetSettings {
        limits = List.copyOf(limits);
        defaults = List.copyOf(defaults);
        thresholds = thresholds.stream().sorted().toList();
    }

    /** Whether any budget is set, per key or by default. */
    public boolean any() {
        return !limits.isEmpty() || !defaults.isEmpty();
    }

    /** The thresholds as the pipeline's builder takes them. */
    public int[] thresholdPercents() {
        return thresholds.stream().mapToInt(Integer::intValue).toArray();
    }
}
