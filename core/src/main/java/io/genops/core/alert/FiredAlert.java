package io.genops.core.alert;

import io.genops.core.event.Severity;
import java.util.List;
import java.util.Objects;

/**
 * An alert that fired: which rule, about what, the value that crossed, and where to deliver it.
 *
 * @param rule       the rule's name, such as {@code high_latency} or {@code budget.team.support}
 * @param severity   how urgent it is
 * @param scope      what it is about, such as {@code team=support} or {@code agent=support-1}
 * @param metric     the metric that crossed, such as {@code latency_ms} or {@code budget_utilization}
 * @param value      the observed value
 * @param threshold  the threshold it crossed
 * @param channels   the names of the channels to notify; empty means the default channels
 * @param epochMillis when it fired
 * @param message    one sentence for a person
 */
public record FiredAlert(String rule, Severity severity, String scope, String metric, double value, double threshold,
    List<String> channels, long epochMillis, String message) {

    public FiredAlert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metric, "metric");
        channels = List.copyOf(channels);
        Objects.requireNonNull(message, "message");
    }
}
