package io.genops.exporters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.genops.core.event.Complexity;
import io.genops.exporters.testing.TestEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (the Debian package's {@code /usr/bin/prometheus}) scrapes the exporter on
 * loopback every second, and its query API must return the values the events imply. Skipped, saying
 * so, when the binary is not installed; CI installs it.
 *
 * <p>One server serves the whole class: Prometheus 2.42 applies new scrape targets at most every 5 s,
 * so its first scrape comes about 5 s after it is ready, and a server per test would double that wait.
 */
class RealPrometheusScrapeTest {
    private static final Path BINARY = Path.of(System.getProperty("genops.prometheus.binary", "/usr/bin/prometheus"));
    private static final Duration READY_WAIT = Duration.ofSeconds(15);
    private static final Duration SERIES_WAIT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;

    private static PrometheusExporter exporter;
    private static Process prometheus;
    private static String api;

    /** Per test, not per class: Surefire drops the message of an assumption failed in {@code @BeforeAll}. */
    @BeforeEach
    void requirePrometheus() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "No Prometheus server at " + BINARY + ", so the "
            + "real-server test is skipped. Install it with: apt-get update && apt-get install -y "
            + "--no-install-recommends prometheus (or point -Dgenops.prometheus.binary at one).");
        if (prometheus == null) {
            startPrometheus();
        }
    }

    private static void startPrometheus() throws Exception {
        exporter = DeployFilesMetricNamesTest.exporterWithEverySeries();
        final Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
            "global:",
            "  scrape_interval: 1s",
            "  scrape_timeout: 1s",
            "  evaluation_interval: 1s",
            "scrape_configs:",
            "  - job_name: genops",
            "    static_configs:",
            "      - targets: ['127.0.0.1:" + exporter.port() + "']",
            ""));
        final String listen = "127.0.0.1:" + freePort();
        api = "http://" + listen;
        prometheus = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + listen)
            .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        // Should the test JVM be stopped before @AfterAll runs, the server must not outlive it.
        final Process started = prometheus;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-test-prometheus"));
        awaitReady();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(5, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (exporter != null) {
            exporter.close();
        }
    }

    @Test
    void shouldBeScrapedByARealPrometheusWithTheCountedValues() throws Exception {
        final TestEvent event = TestEvent.bareInteraction().team("payments").complexity(Complexity.COMPLEX);
        long cost = 0;
        for (int i = 1; i <= 40; i++) {
            final long nanos = 123_456_789L * i;
            exporter.add(event.agentId("checkout-bot-" + (i % 4)).latency(Duration.ofMillis(10L * i)).cost(nanos));
            cost += nanos;
        }
        for (int i = 0; i < 150; i++) {
            exporter.add(TestEvent.bareInteraction().agentId("fleet-" + i + "-x"));
        }
        for (int i = 0; i < 5; i++) {
            exporter.add(TestEvent.bareInteraction().agentId("checkout-bot-9").team("payments")
                .error("RateLimitError"));
        }

        awaitValue("up{job=\"genops\"}", v -> v == 1);
        final double expectedCost = cost;
        awaitValue("sum(genops_cost_nanodollars_total{team=\"payments\"})", v -> v == expectedCost);
        awaitValue("sum(genops_agent_monitoring_cost_usd_total{team=\"payments\"})",
            v -> Math.abs(v - expectedCost / 1e9) < 1e-9);
        awaitValue("genops_agent_interaction_duration_seconds_count{agent_type=\"checkout-bot\","
            + "complexity=\"complex\"}", v -> v == 40);
        // support-bot and checkout-bot took two of the 100 agent types: 98 fleet ids get theirs, 52 fold.
        final int folded = 150 - (PrometheusExporter.DEFAULT_MAX_LABEL_VALUES - 2);
        awaitValue("sum(genops_agent_interactions_total{agent_type=\"other\"})", v -> v == folded);
        awaitValue("genops_prometheus_label_overflow_total{label=\"agent_type\"}", v -> v == folded);
        awaitValue("genops_budget_utilization_ratio{scope=\"team=support\",window=\"daily\"}", v -> v == 0.5);
        awaitValue("process_resident_memory_bytes", v -> v > 0);
        // Besides these, exporterWithEverySeries counted one interaction, one failed interaction, a signal, an alert.
        awaitValue("sum(genops_events_total{kind=\"interaction\"})", v -> v == 40 + 150 + 5 + 2);
        awaitValue("sum(genops_events_total{kind=\"signal\"})", v -> v == 1);
        awaitValue("sum(genops_events_total{kind=\"alert\"})", v -> v == 1);
        awaitValue("sum(genops_agent_interactions_total{outcome=\"ok\"})", v -> v == 40 + 150 + 1);
        awaitValue("sum(genops_agent_interactions_total{outcome=\"error\"})", v -> v == 5 + 1);
        awaitValue("sum(genops_agent_interactions_total{agent_type=\"checkout-bot\",outcome=\"error\"})",
            v -> v == 5);
    }

    /** The pipeline's own counts, an exporter's lag and the caller-side times, each at the value it was given. */
    @Test
    void shouldServeThePipelinesDropsRejectionsLagAndCallerOverheads() throws Exception {
        for (final Map.Entry<SelfMetric, Long> metric : DeployFilesMetricNamesTest.SELF_METRIC_VALUES.entrySet()) {
            final String labels = metric.getKey().labelName() == null ? "" : "{exporter=\"otlp\"}";
            final double expected = metric.getValue() / (double)metric.getKey().divisor();
            awaitValue(metric.getKey().metricName() + labels, v -> v == expected);
        }
        awaitValue("genops_exporter_lag_seconds{exporter=\"otlp\"}", v -> v == 2.5);

        // trackInteraction: 300, 300, 300 and 1,500 ns.
        final String tracking = "genops_interaction_tracking_duration_seconds";
        awaitValue(tracking + "_count", v -> v == DeployFilesMetricNamesTest.TIMINGS.length);
        awaitValue(tracking + "_sum", v -> Math.abs(v - 2.4e-6) < 1e-15);
        awaitValue(tracking + "_bucket{le=\"2.5E-7\"}", v -> v == 0);
        awaitValue(tracking + "_bucket{le=\"5.0E-7\"}", v -> v == 3);
        awaitValue(tracking + "_bucket{le=\"2.5E-6\"}", v -> v == 4);
        awaitValue("histogram_quantile(0.5, " + tracking + "_bucket)", v -> v > 2.5e-7 && v <= 5e-7);
        // trackSignal timed by the pipeline at 900 ns, and 200 ns recorded by the application.
        final String signal = "genops_performance_signal_overhead_seconds";
        awaitValue(signal + "_count", v -> v == 2);
        awaitValue(signal + "_sum", v -> Math.abs(v - 1.1e-6) < 1e-15);
        awaitValue(signal + "_bucket{le=\"2.5E-7\"}", v -> v == 1);
        awaitValue(signal + "_bucket{le=\"1.0E-6\"}", v -> v == 2);
        // Alert rules: 40 µs through the pipeline's hook, 2 µs recorded by the application.
        final String alert = "genops_alert_creation_duration_seconds";
        awaitValue(alert + "_count", v -> v == 2);
        awaitValue(alert + "_sum", v -> Math.abs(v - 4.2e-5) < 1e-15);
        awaitValue(alert + "_bucket{le=\"2.5E-6\"}", v -> v == 1);
        awaitValue(alert + "_bucket{le=\"1.0E-5\"}", v -> v == 1);
        awaitValue(alert + "_bucket{le=\"1.0E-4\"}", v -> v == 2);
    }

    /** Resident memory under the GenOps name is the client's own figure (both read the same line of /proc). */
    @Test
    void shouldServeProcessMemoryByArea() throws Exception {
        awaitValue("genops_process_memory_bytes{area=\"heap\"}", v -> v > 0);
        awaitValue("genops_process_memory_bytes{area=\"nonheap\"}", v -> v > 0);
        awaitValue("sum(genops_process_memory_bytes{area=\"heap\"}) <= sum(jvm_memory_max_bytes{area=\"heap\"})",
            v -> v > 0);
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            awaitValue("abs(sum(genops_process_memory_bytes{area=\"resident\"}) - sum(process_resident_memory_bytes))"
                + " / sum(process_resident_memory_bytes)", v -> v < 0.1);
        }
    }

    /**
     * Every panel query is accepted and answers at least one series: the exporter has every series the
     * dashboard charts, so an empty answer means a query that can never show anything. A rate needs two
     * scrapes in its range, so each query is asked again until it answers or the wait is over.
     */
    @Test
    void shouldAcceptEveryDashboardQuery() throws Exception {
        awaitValue("up{job=\"genops\"}", v -> v == 1);

        final List<String> failed = new ArrayList<>();
        for (final Map.Entry<String, String> panel : DeployFiles.dashboardExpressions()) {
            final String query = panel.getValue().replace("$__rate_interval", "1m").replace("$team", ".*");
            final String answer = awaitSeries(query);
            if (answer != null) {
                failed.add(panel.getKey() + ": " + query + " -> " + answer);
            }
        }

        assertThat(failed).as("dashboard queries Prometheus refused or answered with no series").isEmpty();
    }

    /** Polls {@code query} until Prometheus answers it with at least one series; the last answer when it never does. */
    private static String awaitSeries(final String query) throws Exception {
        final long deadline = System.nanoTime() + SERIES_WAIT.toNanos();
        String last;
        do {
            final HttpResponse<String> response = query(query);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() != 200 || !response.body().contains("\"status\":\"success\"")) {
                return last;
            }
            if (seriesCount(response.body()) > 0) {
                return null;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static void awaitReady() throws Exception {
        final long deadline = System.nanoTime() + READY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                fail("Prometheus exited with " + prometheus.exitValue() + ":\n" + log());
            }
            try {
                final HttpResponse<String> ready = CLIENT.send(HttpRequest.newBuilder(URI.create(api + "/-/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (final IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("Prometheus was not ready within " + READY_WAIT + ":\n" + log());
    }

    /** Polls the query until its single result passes {@code expected}, or fails with the last answer. */
    private static void awaitValue(final String query, final DoublePredicate expected) throws Exception {
        final long deadline = System.nanoTime() + SERIES_WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            final HttpResponse<String> response = query(query);
            last = response.body();
            final Double value = response.statusCode() == 200 ? singleValue(last) : null;
            if (value != null && expected.test(value)) {
                return;
            }
            Thread.sleep(250);
        }
        fail("Prometheus never answered the expected value for " + query + "; last answer: " + last + "\n" + log());
    }

    private static HttpResponse<String> query(final String query) throws IOException, InterruptedException {
        final URI uri = URI.create(api + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** How many series a vector answer holds: the entries of {@code data.result}. */
    private static int seriesCount(final String body) throws IOException {
        int series = 0;
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "value".equals(parser.currentName())) {
                    series++;
                }
            }
        }
        return series;
    }

    /** The value of a one-sample vector answer such as {@code {"data":{"result":[{"value":[t,"3"]}]}}}. */
    private static Double singleValue(final String body) throws IOException {
        final List<String> values = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "value".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.nextToken();
                    parser.nextToken();
                    values.add(parser.getText());
                }
            }
        }
        return values.size() == 1 ? Double.valueOf(values.get(0)) : null;
    }

    private static String log() throws IOException {
        final Path log = dir.resolve("prometheus.log");
        if (!Files.exists(log)) {
            return "(no log)";
        }
        try (Stream<String> lines = Files.lines(log)) {
            final List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
