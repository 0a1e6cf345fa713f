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
 * and every budget at the end.
 *
 * @param plan          the run as asked for
 * @param calls         what became of the producers' calls
 * @param alertRules    alert rules the teams created before the run
 * @param seconds       from the producers' start to the last one's end
 * @param drainSeconds  from then until every accepted event had passed every stage
 * @param latency       caller-side time of each {@code trackInteraction} call, in nanoseconds
 * @param metrics       the pipeline's counts after it closed
 * @param budgets       every budget's state in each of its windows after the pipeline closed
 * @param cleanShutdown whether the pipeline closed with nothing left behind
 * @param exporters     each exporter's status once it had caught up or the export wait had passed
 * @param webhook       what the webhook alert channel did, or {@code null} without one
 * @param prometheusUrl where the Prometheus endpoint served, or {@code null} without one
 * @param alertChannels the channels each alert of the demo's rules and budgets was delivered to
 */
record DemoReport(DemoPlan plan, CallCounts calls, long alertRules, double seconds, double drainSeconds,
    Histogram latency, PipelineMetrics metrics, List<BudgetStatus> budgets, boolean cleanShutdown,
    List<ExporterStatus> exporters, DeliveryStats webhook, String prometheusUrl, List<String> alertChannels) {

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

    /**
     * What a budget covers, such as {@code team} or {@code team_project}, from its scope {@code team=support}; a
     * budget's scope is always such a label, {@code =} and a key.
     */
    static String scopeOf(final BudgetStatus budget) {
        final String scope = budget.scope();
        return scope.substring(0, scope.indexOf('='));
    }

    /** Which one of its scope a budget covers, such as {@code support} from its scope {@code team=support}. */
    static String keyOf(final BudgetStatus budget) {
        final String scope = budget.scope();
        return scope.substring(scope.indexOf('=') + 1);
    }
}
