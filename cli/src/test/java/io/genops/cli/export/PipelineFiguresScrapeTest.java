package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.exporters.prometheus.PrometheusExporter;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real pipeline with a Prometheus endpoint and no wiring by hand: the pipeline's own counts, the
 * exporter's progress and the budgets are on the scrape, read from the running pipeline.
 */
class PipelineFiguresScrapeTest {
    @TempDir
    Path journal;

    @Test
    void aScrape_showsThePipelinesCounts_eachExportersProgress_andTheBudgets() throws Exception {
        final PrometheusExporter prometheus = PrometheusExporter.builder().port(0).jvmMetrics(false).build();
        try (GenOps genops = GenOps.builder().journal(journal).team("support").exporter(prometheus)
            .dailyBudget("support", Money.usd("100")).build()) {
            try (MonitoringSession session = genops.openSession("scrape")) {
                for (int i = 0; i < 3; i++) {
                    session.trackInteraction("bot", Interaction.builder().model("gpt-4o").inputTokens(100).build());
                }
            }
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            final String page = scrape(prometheus.port());

            assertThat(value(page, "genops_pipeline_events_accepted_total")).hasValue(genops.metrics().accepted());
            assertThat(value(page, "genops_pipeline_ring_capacity_slots"))
                .hasValue(genops.metrics().ringCapacity());
            assertThat(value(page, "genops_exporter_lag_records{exporter=\"prometheus\"}")).isPresent();
            assertThat(value(page, "genops_exporter_events_exported_total{exporter=\"prometheus\"}")).isPresent();
            assertThat(page).contains("genops_budget_utilization_ratio{scope=");
        }
    }

    private static String scrape(final int port) throws Exception {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the series whose exposition line starts with {@code series} and a space. */
    private static OptionalDouble value(final String page, final String series) {
        return Arrays.stream(page.split("\n")).filter(line -> line.startsWith(series + " "))
            .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst();
    }
}
