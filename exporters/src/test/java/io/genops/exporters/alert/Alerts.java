package io.genops.exporters.alert;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts as the pipeline fires them. */
final class Alerts {
    static final Instant FIRED = Instant.parse("2026-12-03T10:15:30.123Z");

    private Alerts() {
    }

    static FiredAlert budget() {
        return new FiredAlert("budget.team.support", Severity.CRITICAL, "team=support", "budget_utilization", 1.02,
            1.0, List.of("ops"), FIRED.toEpochMilli(), "Team 'support' has spent 51.00 USD of its 50.00 USD budget");
    }

    static FiredAlert latency() {
        return new FiredAlert("high_latency", Severity.WARNING, "agent=support-1", "latency_ms", 3100, 2500,
            List.of(), FIRED.plusSeconds(60).toEpochMilli(), "Agent support-1 answered in 3100 ms");
    }

    static FiredAlert withMessage(final Severity severity, final String message) {
        return new FiredAlert("custom", severity, "team=ops", "errors", 3, 1, List.of(), FIRED.toEpochMilli(),
            message);
    }
}
