package io.genops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.genops.cli.CommandRun;
import io.genops.cli.JsonTree;
import io.genops.core.event.EventKind;
import io.genops.pipeline.Conversation;
import io.genops.pipeline.journal.JournalReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's journal as the audit commands see it, and what it sends when asked to: alerts to a
 * webhook, events to an OTLP collector and a Prometheus endpoint. The receivers are JDK HTTP servers
 * on loopback.
 */
class DemoJournalAndDestinationsTest {
    private static final JsonFactory JSON = new JsonFactory();
    /** Set by the build for the tests: a write key the demo may read from the environment. */
    private static final String RAINDROP_KEY_VARIABLE = "GENOPS_TEST_RAINDROP_WRITE_KEY";

    @TempDir
    Path directory;

    @Test
    void demoJournalsByDefault_andReplayPrintsTheSameTotalToTheNanodollar() throws IOException {
        final CommandRun demo = CommandRun.of("demo", "--events", "2000", "--rate", "0", "--threads", "2", "--json");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        final Map<String, Object> report = JsonTree.object(demo.out());
        final Map<String, Object> journal = object(report, "journal");
        final Path journalDirectory = Path.of((String)journal.get("directory"));
        try {
            assertThat(journalDirectory).isAbsolute().exists().endsWith(Path.of("journal"));
            assertThat(journalDirectory.getParent().getFileName().toString()).matches("demo-\\d{8}-\\d{6}(-\\d+)?");
            assertThat(journal.get("fresh")).isEqualTo(true);
            assertThat(journal.get("records")).isEqualTo(object(report, "pipeline").get("journaled"));

            final CommandRun replay = CommandRun.of("replay", "--journal", journalDirectory.toString(), "--format",
                "json");
            assertThat(replay.exitCode()).as(replay.err()).isZero();
            final Map<String, Object> audit = JsonTree.object(replay.out());
            assertThat(audit.get("recorded_usd")).isEqualTo(report.get("total_cost_usd"));
            assertThat(audit.get("recomputed_usd")).isEqualTo(report.get("total_cost_usd"));
            assertThat((Long)audit.get("records") + (Long)audit.get("sessions")).as("operations and closed sessions")
                .isEqualTo(journal.get("records"));
            assertThat(audit.get("sessions")).isNotEqualTo(0L);

            final CommandRun verify = CommandRun.of("verify", "--journal", journalDirectory.toString());
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        } finally {
            delete(journalDirectory.getParent());
            deleteIfEmpty(journalDirectory.getParent().getParent());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"advisory", "enforced"})
    void conversationSignals_areTheFlowAndSummarySignalsConversationsJournaled(final String policy)
        throws IOException {
        // Enforced, a budget this small runs out early, and leaves later conversations' signals out.
        final Map<String, Object> report = demo("--policy", policy, "--budget", "0.5");

        final long[] journaled = new long[1];
        try (JournalReader reader = JournalReader.open(directory.resolve("journal"))) {
            reader.readAll((index, record) -> {
                final String name = record.kind() == EventKind.SIGNAL ? String.valueOf(record.name()) : "";
                journaled[0] += name.equals(Conversation.FLOW_SIGNAL) || name.equals(Conversation.SUMMARY_SIGNAL)
                    ? 1 : 0;
            });
        }
        assertThat(number(report, "conversation_signals")).isPositive().isEqualTo(journaled[0]);
        if (policy.equals("enforced")) {
            assertThat(number(object(report, "pipeline"), "rejected_budget"))
                .as("refused by budget: the demo's own calls, and conversations' signals left out")
                .isGreaterThan(number(report, "rejected"));
        }
    }

    @Test
    void aJournalNamedByOption_isFreshUntilItHoldsRecords() throws IOException {
        final Map<String, Object> first = demo();
        final Map<String, Object> second = demo();

        assertThat(object(first, "journal").get("fresh")).as("a new directory").isEqualTo(true);
        assertThat(object(second, "journal").get("fresh")).as("the first run's records").isEqualTo(false);
    }

    @Test
    void webhookReceivesEveryAlert() throws IOException {
        final AtomicLong alerts = new AtomicLong();
        final HttpServer server = server();
        server.createContext("/hooks/genops", exchange -> {
            alerts.addAndGet(countAlerts(exchange.getRequestBody()));
            answer(exchange, 204);
        });
        server.start();
        try {
            final Map<String, Object> report = demo("--webhook", url(server, "/hooks/genops"));

            assertThat(number(report, "alerts_fired")).isPositive();
            assertThat(alerts.get()).isEqualTo(number(report, "alerts_fired"));
            assertThat(report.get("alert_channels")).isEqualTo(List.of("log", "webhook"));
            assertThat(number(report, "alerts_delivered")).as("once per channel").isEqualTo(2 * alerts.get());
            assertThat(number(report, "alerts_delivered") + number(report, "alerts_failed"))
                .isEqualTo(2 * (number(report, "alerts_fired") - number(report, "alerts_dropped")));
            final Map<String, Object> webhook = object(report, "webhook");
            assertThat(number(webhook, "batches_delivered")).isPositive();
            assertThat(number(webhook, "batches_failed")).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void otlpAndPrometheusExportersCatchUpWithTheJournal() throws IOException {
        final Map<String, AtomicLong> posts = new ConcurrentHashMap<>();
        final HttpServer collector = server();
        collector.createContext("/v1/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicLong()).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            answer(exchange, 200);
        });
        collector.start();
        try {
            final Map<String, Object> report = demo("--otlp", url(collector, ""), "--prometheus-port", "0");

            final long journaled = number(object(report, "journal"), "records");
            assertThat(exporters(report)).extracting(e -> e.get("name"))
                .containsExactlyInAnyOrder("otlp", "prometheus");
            for (final Map<String, Object> exporter : exporters(report)) {
                assertThat(number(exporter, "exported")).as(exporter.toString()).isEqualTo(journaled);
                assertThat(number(exporter, "lag_records")).as(exporter.toString()).isZero();
                assertThat(number(exporter, "failed_events")).as(exporter.toString()).isZero();
            }
            assertThat((String)report.get("prometheus_url")).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
            assertThat(posts).containsKeys("/v1/traces", "/v1/logs");
        } finally {
            collector.stop(0);
        }
    }

    @Test
    void exportersReadTheJournalSoNoJournalIsAUsageError() {
        final CommandRun run = CommandRun.of("demo", "--no-journal", "--otlp", "http://localhost:4318");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot be used with --no-journal");
    }

    @Test
    void aUrlThatIsNotHttpIsAUsageError() {
        final CommandRun run = CommandRun.of("demo", "--webhook", "ftp://example.com/hook");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--webhook': 'ftp://example.com/****' is not an "
            + "http or https URL").doesNotContain("/hook");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--otlp|http://u:secret-41@127.0.0.1:4398/|user information (not shown)",
        "--webhook|http://u:secret-41@127.0.0.1:4398/hook|user information (not shown)",
        "--raindrop-url|http://u:secret-41@127.0.0.1:4398/v1|user information (not shown)",
        "--otlp|http://u:secret-41@host_name:4318/|user information (not shown)",
        "--webhook|https://u:secret-41@host_name/hook|user information (not shown)",
        "--raindrop-url|http://u:secret-41@host_name/v1|user information (not shown)",
        "--otlp|u:secret-41@127.0.0.1:4318|user information (not shown)",
        "--otlp|http://127.0.0.1:4398/?token=secret-41|a query or a fragment (not shown)",
        "--raindrop-url|http://127.0.0.1:4398/v1?token=secret-41|a query or a fragment (not shown)",
        "--webhook|ftp://127.0.0.1/hook?token=secret-41|'ftp://127.0.0.1/****' is not an http or https URL",
        "--webhook|ftp://127.0.0.1/hooks/secret-41|'ftp://127.0.0.1/****' is not an http or https URL",
        "--webhook|https://hooks_host/hooks/secret-41|the URL (not shown) names no host"})
    void aUrlWithCredentialsIsAUsageError_thatDoesNotRepeatThem(final String option, final String url,
        final String problem) {
        final CommandRun run = CommandRun.of("demo", "--journal", directory.resolve("journal").toString(), option,
            url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '" + option + "': ", problem)
            .doesNotContain("secret-41");
        assertThat(directory.resolve("journal")).doesNotExist();
    }

    @Test
    void aPrometheusPortInUse_isNamedOnce_withTheOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final CommandRun run = CommandRun.of("demo", "--events", "100", "--journal",
                directory.resolve("journal").toString(), "--prometheus-port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().lines()).singleElement().asString()
                .startsWith("genops demo: cannot serve Prometheus metrics on 127.0.0.1:" + taken.getLocalPort()
                    + " (--prometheus-port): ")
                .doesNotContain("Exception")
                .satisfies(line -> assertThat(line.split("in use", -1)).as("said once").hasSize(2));
        }
    }

    @Test
    void raindropWithoutAWriteKeyNamesTheVariable() {
        final CommandRun run = CommandRun.of("demo", "--events", "100", "--journal",
            directory.resolve("journal").toString(), "--raindrop-url", "http://127.0.0.1:9/v1",
            "--raindrop-key-env", "GENOPS_TEST_VARIABLE_NOBODY_SETS");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
            .isEqualTo("genops demo: --raindrop-url needs a Raindrop write key in the environment variable "
                + "GENOPS_TEST_VARIABLE_NOBODY_SETS, which is unset or empty (named by --raindrop-key-env)");
    }

    @Test
    void raindropReceivesTheSampledEventsWithTheKeyFromTheEnvironment() throws IOException {
        final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        final Set<String> authorizations = ConcurrentHashMap.newKeySet();
        final HttpServer raindrop = server();
        raindrop.createContext("/v1/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            received.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicLong())
                .addAndGet(countElements(exchange.getRequestBody()));
            answer(exchange, 204);
        });
        raindrop.start();
        try {
            final Map<String, Object> report = demo("--raindrop-url", url(raindrop, "/v1"), "--raindrop-key-env",
                RAINDROP_KEY_VARIABLE);

            final Map<String, Object> exporter = exporters(report).stream()
                .filter(e -> "raindrop".equals(e.get("name"))).findFirst().orElseThrow();
            assertThat(number(exporter, "lag_records")).isZero();
            assertThat(number(exporter, "failed_events")).isZero();
            assertThat(received).containsOnlyKeys("/v1/events/track", "/v1/signals/track");
            final long[] sampled = new long[EventKind.values().length];
            final Path journal = Path.of((String)object(report, "journal").get("directory"));
            try (JournalReader reader = JournalReader.open(journal)) {
                reader.readAll((index, record) -> sampled[record.kind().ordinal()] += record.sampled() ? 1 : 0);
            }
            assertThat(received.get("/v1/events/track")).as("every sampled interaction, and no more")
                .hasPositiveValue().hasValue(sampled[EventKind.INTERACTION.ordinal()]);
            assertThat(received.get("/v1/signals/track")).as("every sampled signal, and no more")
                .hasPositiveValue().hasValue(sampled[EventKind.SIGNAL.ordinal()]);
            assertThat(authorizations).containsExactly("Bearer " + System.getenv(RAINDROP_KEY_VARIABLE));
        } finally {
            raindrop.stop(0);
        }
    }

    @Test
    void fixedSamplingKeepsAShareOfEachKind() throws IOException {
        final Map<String, Object> report = demo("--sampling", "fixed", "--sample-rate", "0.5");

        final Map<String, Object> sampling = object(report, "sampling");
        assertThat(sampling.get("mode")).isEqualTo("fixed");
        assertThat(number(sampling, "kept_fixed_rate")).isPositive();
        assertThat(number(sampling, "keys_tracked")).isZero();
    }

    private Map<String, Object> demo(final String... options) throws IOException {
        final String[] args = new String[11 + options.length];
        System.arraycopy(new String[] {"demo", "--events", "2000", "--rate", "0", "--threads", "2", "--json",
            "--journal", directory.resolve("journal").toString(), "--no-progress"}, 0, args, 0, 11);
        System.arraycopy(options, 0, args, 11, options.length);
        final CommandRun run = CommandRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JsonTree.object(run.out());
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static String url(final HttpServer server, final String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(final HttpExchange exchange, final int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The entries of the {@code alerts} array of a webhook body. */
    private static long countAlerts(final InputStream body) throws IOException {
        return countObjects(body, 2);
    }

    /** The elements of a JSON array body. */
    private static long countElements(final InputStream body) throws IOException {
        return countObjects(body, 1);
    }

    /** The JSON objects that open {@code depth} levels down in {@code body}. */
    private static long countObjects(final InputStream body, final int depth) throws IOException {
        long count = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            int level = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT && level == depth) {
                    count++;
                }
                level += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
        }
        return count;
    }

    private static void delete(final Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Removes {@code ./genops-data} unless something else is in it. */
    private static void deleteIfEmpty(final Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
        } catch (final DirectoryNotEmptyException expected) {
            // Another run's journal lives there; it is not this test's to remove.
        }
    }

    private static long number(final Map<String, Object> object, final String key) {
        assertThat(object).containsKey(key);
        return ((Number)object.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(final Map<String, Object> object, final String key) {
        assertThat(object.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>)object.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> exporters(final Map<String, Object> report) {
        return (List<Map<String, Object>>)report.get("exporters");
    }
}
