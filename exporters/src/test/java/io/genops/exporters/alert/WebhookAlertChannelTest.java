package io.genops.exporters.alert;

import static io.genops.exporters.alert.Json.array;
import static io.genops.exporters.alert.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import ch.qos.logback.classic.Level;
import io.genops.exporters.alert.LoopbackServer.Received;
import io.genops.exporters.alert.LoopbackServer.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAlertChannelTest {
    private static final Duration FAST_INITIAL = Duration.ofMillis(10);
    private static final Duration FAST_MAX = Duration.ofMillis(40);

    private LoopbackServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = LoopbackServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private WebhookAlertChannel.Builder fastChannel() {
        return WebhookAlertChannel.builder("ops", server.uri("/hooks/alerts")).timeout(Duration.ofSeconds(2))
            .backoff(FAST_INITIAL, FAST_MAX);
    }

    @Test
    void shouldPostTheBatchAsJsonWithEveryField() throws Exception {
        final WebhookAlertChannel channel = fastChannel().build();

        channel.deliver(List.of(Alerts.budget(), Alerts.latency()));

        final Received request = server.next();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/alerts");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=utf-8");
        final Map<String, Object> root = object(Json.parse(request.body()));
        assertThat(root).containsOnlyKeys("alerts");
        final List<Object> alerts = array(root.get("alerts"));
        assertThat(alerts).hasSize(2);
        assertThat(object(alerts.get(0))).containsExactly(
            entry("rule", "budget.team.support"), entry("severity", "critical"), entry("scope", "team=support"),
            entry("metric", "budget_utilization"), entry("value", 1.02), entry("threshold", 1.0),
            entry("channels", List.of("ops")), entry("time", "2026-12-03T10:15:30.123Z"),
            entry("message", "Team 'support' has spent 51.00 USD of its 50.00 USD budget"));
        assertThat(object(alerts.get(1))).contains(entry("rule", "high_latency"), entry("severity", "warning"),
            entry("value", 3100.0), entry("threshold", 2500.0), entry("channels", List.of()),
            entry("time", "2026-12-03T10:16:30.123Z"));
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(1, 0, 1, 0));
    }

    @Test
    void shouldReuseItsGeneratorWithoutCarryingAnythingOverBetweenBatches() throws Exception {
        final WebhookAlertChannel channel = fastChannel().build();

        channel.deliver(List.of(Alerts.budget(), Alerts.latency()));
        channel.deliver(List.of(Alerts.latency()));

        assertThat(array(object(Json.parse(server.next().body())).get("alerts"))).hasSize(2);
        final byte[] second = server.next().body();
        assertThat(second[0]).isEqualTo((byte) '{');
        final List<Object> alerts = array(object(Json.parse(second)).get("alerts"));
        assertThat(alerts).singleElement().satisfies(alert ->
            assertThat(object(alert)).containsEntry("rule", "high_latency"));
    }

    @Test
    void deliver_emptyBatch_sendsNothing() throws Exception {
        final WebhookAlertChannel channel = fastChannel().build();

        channel.deliver(List.of());
        channel.deliver(List.of(Alerts.latency()));

        assertThat(array(object(Json.parse(server.next().body())).get("alerts"))).hasSize(1);
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(1, 0, 1, 0));
    }

    @Test
    void deliver_serverFailsTwiceThenAccepts_deliversOnTheThirdAttempt() throws Exception {
        server.then(Reply.status(500), Reply.status(500));
        final WebhookAlertChannel channel = fastChannel().build();

        channel.deliver(List.of(Alerts.budget()));

        final byte[] first = server.next().body();
        assertThat(server.next().body()).isEqualTo(first);
        assertThat(server.next().body()).isEqualTo(first);
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(3, 2, 1, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void deliver_transientStatus_isRetried(final int status) throws Exception {
        server.then(Reply.status(status));
        final WebhookAlertChannel channel = fastChannel().build();

        channel.deliver(List.of(Alerts.budget()));

        assertThat(channel.stats()).isEqualTo(new DeliveryStats(2, 1, 1, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 302})
    void deliver_refusal_failsOnceWithoutRetry(final int status) throws Exception {
        server.always(Reply.status(status));
        final WebhookAlertChannel channel = fastChannel().build();

        final AlertDeliveryException failure = catchThrowableOfType(AlertDeliveryException.class,
            () -> channel.deliver(List.of(Alerts.budget())));

        assertThat(failure).hasMessageContaining("'ops'").hasMessageContaining("after 1 attempt: HTTP " + status)
            .hasMessageContaining("not retried");
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(failure.lastStatus()).isEqualTo(status);
        server.next();
        assertThat(server.waiting()).isZero();
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(1, 0, 0, 1));
    }

    @Test
    void deliver_serverDown_throwsAfterMaxAttemptsNamingChannelAndLastFailure() throws Exception {
        final int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        final WebhookAlertChannel channel = WebhookAlertChannel.builder("ops",
            URI.create("http://127.0.0.1:" + port + "/hooks/alerts")).timeout(Duration.ofSeconds(1))
            .backoff(FAST_INITIAL, FAST_MAX).build();

        final long start = System.nanoTime();
        final AlertDeliveryException failure = catchThrowableOfType(AlertDeliveryException.class,
            () -> channel.deliver(List.of(Alerts.budget(), Alerts.latency())));
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(failure).hasMessage("Alert channel 'ops' could not deliver 2 alerts to http://127.0.0.1:" + port
            + "/*** after 3 attempts: connection refused or unreachable");
        assertThat(failure.lastStatus()).isEqualTo(-1);
        assertThat(elapsedMs).as("bounded by maxAttempts x (timeout + backoff max)").isLessThan(3 * (1_000 + 40));
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(3, 2, 0, 1));
    }

    @Test
    void deliver_serverSlowerThanTimeout_timesOutRetriesAndStaysWithinTheBound() throws Exception {
        server.always(Reply.slow(200, 3_000));
        final Duration timeout = Duration.ofMillis(250);
        final WebhookAlertChannel channel = fastChannel().timeout(timeout).maxAttempts(2).build();

        final long start = System.nanoTime();
        final AlertDeliveryException failure = catchThrowableOfType(AlertDeliveryException.class,
            () -> channel.deliver(List.of(Alerts.budget())));
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(failure).hasMessageEndingWith("after 2 attempts: no answer within PT0.25S");
        // The bound is 2 x (250 + 40) ms; the margin is for a loaded machine, not for the code.
        assertThat(elapsedMs).isGreaterThanOrEqualTo(2 * 250).isLessThan(2 * (250 + 40) + 1_000);
        server.next();
        server.next();
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(2, 1, 0, 1));
    }

    @Test
    void deliver_tooManyRequestsWithRetryAfter_waitsAsToldThenDelivers() throws Exception {
        server.then(Reply.retryAfter(429, "1"));
        final WebhookAlertChannel channel = fastChannel().backoff(FAST_INITIAL, Duration.ofSeconds(2)).build();

        channel.deliver(List.of(Alerts.budget()));

        final long gapMs = TimeUnit.NANOSECONDS.toMillis(-server.next().atNanos() + server.next().atNanos());
        assertThat(gapMs).as("Retry-After: 1, not the 10 ms backoff").isBetween(950L, 2_500L);
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(2, 1, 1, 0));
    }

    @Test
    void deliver_retryAfterBeyondBackoffMax_waitsOnlyBackoffMax() throws Exception {
        server.then(Reply.retryAfter(503, "30"));
        final WebhookAlertChannel channel = fastChannel().backoff(FAST_INITIAL, Duration.ofMillis(100)).build();

        final long start = System.nanoTime();
        channel.deliver(List.of(Alerts.budget()));

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(100L, 1_500L);
        assertThat(channel.stats().retries()).isEqualTo(1);
    }

    @Test
    void deliver_interrupted_throwsInterruptedExceptionAndCountsTheBatchFailed() {
        server.always(Reply.slow(200, 3_000));
        final WebhookAlertChannel channel = fastChannel().build();

        Thread.currentThread().interrupt();
        final Throwable thrown = catchThrowableOfType(InterruptedException.class,
            () -> channel.deliver(List.of(Alerts.budget())));

        assertThat(thrown).isNotNull();
        assertThat(Thread.interrupted()).isFalse();
        assertThat(channel.stats()).isEqualTo(new DeliveryStats(1, 0, 0, 1));
    }

    @Test
    void shouldSendHeadersAndKeepSecretsOutOfToStringMessagesAndLogs() throws Exception {
        final String token = "Bearer tok-SECRET-42";
        final WebhookAlertChannel channel = WebhookAlertChannel.builder("ops",
            server.uri("/services/T0/B0/path-SECRET-7")).header("authorization", "Bearer stale")
            .header("Authorization", token).header("X-Team", "ops-SECRET-9").maxAttempts(2)
            .backoff(FAST_INITIAL, FAST_MAX).build();

        channel.deliver(List.of(Alerts.budget()));
        final Received request = server.next();
        assertThat(request.headers().get("Authorization")).containsExactly(token);
        assertThat(request.headers().getFirst("X-Team")).isEqualTo("ops-SECRET-9");

        server.always(Reply.status(500));
        final AlertDeliveryException failure;
        try (CapturedLogs logs = new CapturedLogs()) {
            failure = catchThrowableOfType(AlertDeliveryException.class,
                () -> channel.deliver(List.of(Alerts.budget())));
            assertThat(logs.text()).contains("'ops'").doesNotContain("SECRET").doesNotContain("51.00 USD");
        }
        assertThat(failure.getMessage()).doesNotContain("SECRET");
        assertThat(channel.toString()).doesNotContain("SECRET").isEqualTo("WebhookAlertChannel{name=ops, endpoint="
            + "http://127.0.0.1:" + server.uri("/").getPort() + "/***, headers=["
            + "Authorization=***, X-Team=***], timeout=PT5S, maxAttempts=2, backoff=PT0.01S..PT0.04S}");
    }

    @Test
    void failuresWithinAMinute_logOneWarningForTheFirst() throws Exception {
        server.always(Reply.status(500));
        final WebhookAlertChannel channel = fastChannel().maxAttempts(1).build();

        try (CapturedLogs logs = new CapturedLogs()) {
            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(AlertDeliveryException.class, () -> channel.deliver(List.of(Alerts.budget())));
            }

            assertThat(logs.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("Alert channel 'ops' could not deliver 1 alert to "
                    + "http://127.0.0.1:").contains("after 1 attempt: HTTP 500")
                    .contains("since its previous warning, this one included: 1.");
            });
        }
        assertThat(channel.stats().failures()).isEqualTo(3);
    }

    @Test
    void logsOfASuccessfulDelivery_areEmpty() throws Exception {
        final WebhookAlertChannel channel = fastChannel().build();
        try (CapturedLogs logs = new CapturedLogs()) {
            channel.deliver(List.of(Alerts.budget()));
            assertThat(logs.events()).isEmpty();
        }
    }
}
