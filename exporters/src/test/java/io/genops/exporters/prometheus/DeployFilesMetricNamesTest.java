package io.genops.exporters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.export.BudgetReading;
import io.genops.core.export.CallTimings;
import io.genops.exporters.FixedReadings;
import io.genops.exporters.testing.TestEvent;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the deploy files chart or scale on is one the exporter exposes, the Prometheus client's JVM
 * and process series included: a renamed series would otherwise leave a dashboard panel silently empty and
 * an autoscaler without its metric.
 */
class DeployFilesMetricNamesTest {
    private static final Pattern ADAPTER_OUTPUT = Pattern.compile("\\bas:\\s*\"?(genops_[a-z_]+)");
    private static final Pattern ADAPTER_INPUT = Pattern.compile("\\bmatches:\\s*\"\\^?(genops_[a-z_]+)\\$?\"");

    private static PrometheusExporter exporter;
    private static Set<String> exposed;

    @BeforeAll
    static void exposeEverything() throws Exception {
        exporter = exporterWithEverySeries();
        exposed = new TreeSet<>();
        Scrape.of(exporter.port()).names().forEach(name -> exposed.add(DeployFiles.family(name)));
    }

    @AfterAll
    static void close() {
        exporter.close();
    }

    /**
     * An exporter with every self-metric (the exporter ones for exporter {@code otlp}) and budgets registered,
     * one event of each kind and one failed interaction counted, and caller-side times in all three overhead
     * histograms: through the hooks the pipeline attaches ({@link #TIMINGS}) and the application's own record
     * methods. Self-metrics answer {@link #SELF_METRIC_VALUES}, or 1.
     */
    static PrometheusExporter exporterWithEverySeries() {
        final PrometheusExporter all = PrometheusExporter.builder().port(0).build();
        for (final SelfMetric metric : SelfMetric.values()) {
            final long value = SELF_METRIC_VALUES.getOrDefault(metric, 1L);
            if (metric.labelName() == null) {
                all.selfMetric(metric, () -> value);
            } else {
                all.selfMetric(metric, "otlp", () -> value);
            }
        }
        all.budgets(() -> List.of(new BudgetReading("team=support", "daily", 1, 2)));
        final TestEvent event = TestEvent.bareInteraction().tokens(10, 2, 1, 5, 1).latency(Duration.ofMillis(20))
            .unpriced(true).cost(1_000);
        all.add(event);
        all.add(event.kind(EventKind.SIGNAL));
        all.add(event.kind(EventKind.ALERT));
        all.add(TestEvent.bareInteraction().error("TimeoutError"));
        final FixedReadings pipeline = new FixedReadings();
        all.attach(pipeline);
        final CallTimings timings = pipeline.timings.get(0);
        for (final long nanos : TIMINGS) {
            timings.interactionTracked(nanos);
        }
        timings.signalTracked(900);
        all.recordSignalOverhead(200);
        timings.alertCreated(40_000);
        all.recordAlertCreation(2_000);
        return all;
    }

    /** What some self-metrics answer in {@link #exporterWithEverySeries}: each a value of its own. */
    static final Map<SelfMetric, Long> SELF_METRIC_VALUES = Map.of(SelfMetric.DROPPED, 17L,
        SelfMetric.REJECTED_BUDGET, 23L, SelfMetric.REJECTED_RATE_LIMITED, 29L, SelfMetric.REJECTED_INVALID, 31L,
        SelfMetric.FAILED, 37L, SelfMetric.EXPORTER_LAG_SECONDS, 2_500L, SelfMetric.EXPORTER_LAG_RECORDS, 4_096L);
    /** The {@code trackInteraction} times, in nanoseconds, {@link #exporterWithEverySeries} hands the exporter. */
    static final long[] TIMINGS = {300, 300, 300, 1_500};

    @Test
    void shouldExposeEveryMetricTheDashboardUses() throws Exception {
        final Set<String> used = DeployFiles.dashboardMetricNames();

        assertThat(used).as("metric names in %s", DeployFiles.dashboard()).isNotEmpty()
            .contains("genops_agent_interactions_total", "genops_agent_interaction_duration_seconds",
                "genops_agent_monitoring_cost_usd_total", "genops_budget_utilization_ratio",
                "genops_exporter_lag_seconds", "genops_pipeline_events_dropped_total", MetricNames.PROCESS_MEMORY,
                MetricNames.TRACKING_DURATION, MetricNames.SIGNAL_OVERHEAD, MetricNames.ALERT_CREATION);
        assertThat(exposed).as("series the exporter exposes").containsAll(used);
    }

    @Test
    void shouldExposeEveryJvmAndProcessMetricTheDeployFilesUse() throws Exception {
        final Set<String> used = DeployFiles.dashboardClientMetricNames();
        used.addAll(DeployFiles.metricNames(Files.readString(DeployFiles.hpa()), DeployFiles.CLIENT_METRIC));

        assertThat(used).as("JVM and process series in %s", DeployFiles.root()).contains("jvm_memory_max_bytes");
        assertThat(exposed).as("series the exporter exposes with its JVM metrics on").containsAll(used);
    }

    @Test
    void shouldChartProcessMemoryUnderItsGenopsName() throws Exception {
        assertThat(DeployFiles.dashboardExpressions()).as("queries of the dashboard")
            .anySatisfy(panel -> assertThat(panel.getValue()).contains(MetricNames.PROCESS_MEMORY));
    }

    @Test
    void shouldExposeEveryMetricTheAutoscalerExampleUses() throws Exception {
        final String yaml = Files.readString(DeployFiles.hpa());
        final Set<String> adapterOutputs = matches(ADAPTER_OUTPUT, yaml);
        // A histogram's rule reads its _bucket series: compare by family.
        final Set<String> adapterInputs = DeployFiles.metricNames(String.join(" ", matches(ADAPTER_INPUT, yaml)));
        final Set<String> used = DeployFiles.metricNames(yaml);

        assertThat(adapterOutputs).as("metrics the prometheus-adapter rules serve").hasSize(2);
        assertThat(adapterInputs).hasSize(2);
        assertThat(exposed).as("series the adapter rule reads").containsAll(adapterInputs);
        used.removeAll(adapterOutputs);
        assertThat(exposed).as("series named in %s", DeployFiles.hpa()).containsAll(used);
        assertThat(yaml).contains("name: genops_agent_interactions_per_second",
            "name: genops_performance_signal_overhead_p95_seconds");
    }

    @Test
    void shouldExposeTheNamesTheJavadocPromises() {
        final Set<String> promised = new TreeSet<>(MetricNames.ALL);
        for (final SelfMetric metric : SelfMetric.values()) {
            promised.add(metric.metricName());
        }

        assertThat(exposed).containsAll(promised);
    }

    private static Set<String> matches(final Pattern pattern, final String text) {
        final Set<String> found = new TreeSet<>();
        final Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
