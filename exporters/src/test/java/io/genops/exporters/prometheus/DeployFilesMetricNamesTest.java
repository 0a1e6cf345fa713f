package io.genops.exporters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.export.BudgetReading;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every metric the deploy files chart or scale on is one the exporter exposes: a renamed series would
 * otherwise leave a dashboard panel silently empty and an autoscaler without its metric.
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

    /** An exporter with every self-metric and budgets registered and one event of each kind counted. */
    static PrometheusExporter exporterWithEverySeries() {
        final PrometheusExporter all = PrometheusExporter.builder().port(0).build();
        for (final SelfMetric metric : SelfMetric.values()) {
            if (metric.labelName() == null) {
                all.selfMetric(metric, () -> 1);
            } else {
                all.selfMetric(metric, "otlp", () -> 1);
            }
        }
        all.budgets(() -> List.of(new BudgetReading("team=support", "daily", 1, 2)));
        final TestEvent event = TestEvent.interaction().tokens(10, 2, 1, 5, 1).latency(Duration.ofMillis(20))
            .unpriced(true).cost(1_000);
        all.add(event);
        all.add(event.kind(EventKind.SIGNAL));
        all.add(event.kind(EventKind.ALERT));
        all.recordSignalOverhead(200);
        all.recordAlertCreation(2_000);
        return all;
    }

    @Test
    void shouldExposeEveryMetricTheDashboardUses() throws Exception {
        final Set<String> used = DeployFiles.dashboardMetricNames();

        assertThat(used).as("metric names in %s", DeployFiles.dashboard()).isNotEmpty()
            .contains("genops_agent_interactions_total", "genops_agent_interaction_duration_seconds",
                "genops_agent_monitoring_cost_usd_total", "genops_budget_utilization_ratio",
                "genops_exporter_lag_seconds", "genops_pipeline_events_dropped_total");
        assertThat(exposed).as("series the exporter exposes").containsAll(used);
    }

    @Test
    void shouldExposeEveryMetricTheAutoscalerExampleUses() throws Exception {
        final String yaml = Files.readString(DeployFiles.hpa());
        final Set<String> adapterOutputs = matches(ADAPTER_OUTPUT, yaml);
        final Set<String> adapterInputs = matches(ADAPTER_INPUT, yaml);
        final Set<String> used = DeployFiles.metricNames(yaml);

        assertThat(adapterOutputs).as("metrics the prometheus-adapter rule serves").isNotEmpty();
        assertThat(exposed).as("series the adapter rule reads").containsAll(adapterInputs);
        used.removeAll(adapterOutputs);
        assertThat(exposed).as("series named in %s", DeployFiles.hpa()).containsAll(used);
        assertThat(yaml).contains("name: genops_agent_interactions_per_second");
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
