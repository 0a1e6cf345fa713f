package io.genops.cli.demo;

import io.genops.core.money.Money;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.export.ExporterStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What a demo run measured: the calls as the producers saw them, the pipeline's own final counts,
 * and each team's budget at the end.
 *
 * @param plan          the run as asked for
 * @param calls         what became of the producers' calls
 * @param alertRules    alert rules the teams created before the run
 * @param seconds       from the producers' start to the last one's end
 * @param drainSeconds  from then until every accepted event had passed every stage
 * @param latency       caller-side time of each {@code trackInteraction} call, in nanoseconds
 * @param metrics       the pipeline's counts after it closed
 * @param budgets       each team's budget after the pipeline closed
 * @param cleanShutdown whether the pipeline closed with nothing left behind
 * @param exporters     each exporter's status once it had caught up or the export wait had passed
 * @param webhook       what the webhook alert channel did, or {@code null} without one
 * @param prometheusUrl where the Prometheus endpoint served, or {@code null} without one
 */
record DemoReport(DemoPlan plan, CallCounts calls, long alertRules, double seconds, double drainSeconds,
    Histogram latency, PipelineMetrics metrics, List<BudgetStatus> budgets, boolean cleanShutdown,
    List<ExporterStatus> exporters, DeliveryStats webhook, String prometheusUrl) {

    double eventsPerSecond() {
        return seconds > 0 ? calls.calls() / seconds : 0;
    }

    /** The {@code limit} agents that cost most, most first. */
    List<Map.Entry<String, Money>> topAgents(final int limit) {
        return metrics.costByAgent().entrySet().stream()
            .sorted(Map.Entry.<String, Money>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(limit)
            .collect(Collectors.toList());
    }

    /** Events the pipeline accepted beyond the producers' calls: the signals conversations emit themselves. */
    long conversationSignals() {
        return metrics.accepted() - calls.accepted - alertRules;
    }

    /** The team a budget belongs to, from its scope {@code team=<name>}. */
    static String teamOf(final BudgetStatus budget) {
        final String scope = budget.scope();
        return scope.substring(scope.indexOf('=') + 1);
    }
}
