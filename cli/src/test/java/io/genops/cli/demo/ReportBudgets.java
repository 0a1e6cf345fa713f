package io.genops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** Reads the {@code budgets} array of the demo's JSON report. */
public final class ReportBudgets {
    private ReportBudgets() {
    }

    /** Every budget of the report, one object per scope, key and window. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> all(final Map<String, Object> report) {
        assertThat(report.get("budgets")).as("budgets").isInstanceOf(List.class);
        return (List<Map<String, Object>>)report.get("budgets");
    }

    /** The one budget of {@code scope} and {@code key} in {@code window}. */
    public static Map<String, Object> of(final Map<String, Object> report, final String scope, final String key,
        final String window) {
        return all(report).stream()
            .filter(budget -> budget.get("scope").equals(scope) && budget.get("key").equals(key)
                && budget.get("window").equals(window))
            .reduce((first, second) -> {
                throw new AssertionError("two budgets of " + scope + " " + key + " " + window);
            })
            .orElseThrow(() -> new AssertionError("no budget of " + scope + " " + key + " " + window + " in "
                + report.get("budgets")));
    }
}
