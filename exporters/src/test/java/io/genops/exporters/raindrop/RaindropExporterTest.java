package io.genops.exporters.raindrop;

import static io.genops.exporters.alert.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.genops.core.export.ExportResult;
import io.genops.core.journal.RecordCodec;
import io.genops.core.journal.RecordView;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.exporters.alert.CapturedLogs;
import io.genops.exporters.raindrop.FakeRaindrop.Received;
import io.genops.exporters.raindrop.FakeRaindrop.Reply;
import io.genops.exporters.testing.SilentServer;
import io.genops.exporters.testing.TestEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RaindropExporterTest {
    private static final String KEY = "rdk_5ecret-Write.Key";
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final RecordCodec codec = new RecordCodec();
    /** One view reused for every event, as the runner does: the exporter must keep nothing of it. */
    private final RecordView view = new RecordView();
    private FakeRaindrop raindrop;
    private CapturedLogs logs;

    @BeforeEach
    void start() throws Exception {
        raindrop = new FakeRaindrop();
        logs = new CapturedLogs(RaindropExporter.LOGGER_NAME);
    }

    @AfterEach
    void stop() {
        logs.close();
        raindrop.close();
        assertThat(logs.text()).as("everything logged").doesNotContain(KEY);
    }

    private RaindropExporter.Builder exporter() {
        return RaindropExporter.builder().baseUrl(raindrop.baseUrl()).writeKey(KEY).timeout(Duration.ofSeconds(2))
            .maxRetryAfterWait(Duration.ofSeconds(2));
    }

    private void addInteractions(final RaindropExporter exporter, final int count) {
        for (int i = 0; i < count; i++) {
            exporter.add(TestEvent.completeInteraction(i).throughJournal(codec, view));
        }
    }

    @Test
    void interaction_isPostedWithTheWriteKeyAndExactlyTheDocumentedFields() throws Exception {
        final RaindropExporter exporter = exporter().build();

        exporter.add(TestEvent.completeInteraction(42).throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final Received request = raindrop.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeRaindrop.EVENTS);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        final Map<String, Object> event = object(request.events().get(0));
        assertThat(event).containsOnlyKeys("event_id", "user_id", "event", "timestamp", "properties").contains(
            entry("event_id", "48927394-e056-51e4-9f35-8ba1b1e24270"), entry("user_id", "user-17"),
            entry("event", "agent_interaction"), entry("timestamp", "2026-12-03T10:15:30.123Z"));
        assertThat(object(event.get("properties"))).containsExactly(
            entry("agent_id", "triage-bot"), entry("agent_group", "default"), entry("session_id", "support-3k9x"),
            entry("team", "support"),
            entry("project", "helpdesk"), entry("environment", "prod"), entry("customer_id", "acme"),
            entry("cost_center", "cc-7"), entry("feature", "chat"), entry("model", "gpt-4o"),
            entry("provider", "openai"), entry("convo_id", "conv-9"), entry("input_tokens", 1200L),
            entry("output_tokens", 300L), entry("cache_read_tokens", 200L), entry("cache_creation_tokens", 0L),
            entry("reasoning_tokens", 50L), entry("latency_ms", 1234.567), entry("cost_usd", "0.00575"),
            entry("cost_nanos", 5_750_000L), entry("policy_result", "ALLOWED"), entry("policy_reason", "NONE"),
            entry("sampled", true));
        assertThat(exporter.stats()).isEqualTo(new RaindropStats(1, 0, 0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void interaction_withCapturedContent_carriesAiData_andTheUserFallsBackToCustomerThenAnonymous()
        throws Exception {
        final RaindropExporter exporter = exporter().build();
        final TestEvent withContent = TestEvent.completeInteraction(1);
        withContent.content("How do I reset my password? ✓");
        withContent.policy(PolicyResult.WARNING, PolicyReason.BUDGET_THRESHOLD);
        final TestEvent customerOnly = TestEvent.completeInteraction(2);
        customerOnly.userId(null);
        final TestEvent nobody = TestEvent.completeInteraction(3);
        nobody.userId(null);
        nobody.customerId(null);

        exporter.add(withContent.throughJournal(codec, view));
        exporter.add(customerOnly.throughJournal(codec, view));
        exporter.add(nobody.throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final List<Object> events = raindrop.requests().get(0).events();
        assertThat(events).hasSize(3);
        final Map<String, Object> first = object(events.get(0));
        assertThat(object(first.get("ai_data"))).containsExactly(entry("model", "gpt-4o"),
            entry("convo_id", "conv-9"), entry("input", "How do I reset my password? ✓"));
        assertThat(object(first.get("properties"))).contains(entry("policy_result", "WARNING"),
            entry("policy_reason", "BUDGET_THRESHOLD"));
        assertThat(object(events.get(1))).containsEntry("user_id", "acme").doesNotContainKey("ai_data");
        assertThat(object(events.get(2))).containsEntry("user_id", "anonymous");
        assertThat(object(object(events.get(2)).get("properties"))).doesNotContainKey("customer_id");
    }

    /** The prompt goes as ai_data.input and the answer as ai_data.output, each only when the record holds it. */
    @Test
    void interaction_withCapturedOutput_sendsItAsAiDataOutput_withOrWithoutTheInput() throws Exception {
        final RaindropExporter exporter = exporter().build();
        final TestEvent both = TestEvent.completeInteraction(1).content("How do I reset my password?")
            .output("Open Settings, then Security, and choose Reset. ✓");
        final TestEvent answerOnly = TestEvent.completeInteraction(2).output("Done.");
        final TestEvent neither = TestEvent.completeInteraction(3);

        exporter.add(both.throughJournal(codec, view));
        exporter.add(answerOnly.throughJournal(codec, view));
        exporter.add(neither.throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final List<Object> events = raindrop.requests().get(0).events();
        assertThat(object(object(events.get(0)).get("ai_data"))).containsExactly(entry("model", "gpt-4o"),
            entry("convo_id", "conv-9"), entry("input", "How do I reset my password?"),
            entry("output", "Open Settings, then Security, and choose Reset. ✓"));
        assertThat(object(object(events.get(1)).get("ai_data"))).containsExactly(entry("model", "gpt-4o"),
            entry("convo_id", "conv-9"), entry("output", "Done."));
        assertThat(object(events.get(2))).doesNotContainKey("ai_data");
        assertThat(object(object(events.get(2)).get("properties"))).doesNotContainKeys("input", "output");
    }

    @Test
    void signal_isPostedToSignalsTrack_attachedToTheInteractionItFollows_withExactlyTheDocumentedFields()
        throws Exception {
        final RaindropExporter exporter = exporter().build();

        exporter.add(TestEvent.completeInteraction(6).throughJournal(codec, view));
        exporter.add(TestEvent.completeSignal(7).throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(raindrop.requests()).extracting(Received::path)
            .containsExactly(FakeRaindrop.EVENTS, FakeRaindrop.SIGNALS);
        final Received request = raindrop.requests().get(1);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        final Map<String, Object> signal = object(request.events().get(0));
        final Object interactionId = object(raindrop.requests().get(0).events().get(0)).get("event_id");
        assertThat(signal).containsOnlyKeys("event_id", "signal_name", "signal_type", "timestamp", "properties")
            .contains(entry("event_id", interactionId),
                entry("signal_name", "response_latency"), entry("signal_type", "default"),
                entry("timestamp", "2026-12-03T10:15:30.123Z"));
        assertThat(object(signal.get("properties"))).containsExactly(
            entry("signal_id", "f2a0bae6-e0b5-58c2-8f09-65d43ef3121a"), entry("value", 3100.5),
            entry("threshold", 2500.0), entry("frequency", "high"),
            entry("agent_id", "triage-bot"), entry("agent_group", "default"), entry("session_id", "support-3k9x"),
            entry("team", "support"),
            entry("project", "helpdesk"), entry("environment", "prod"), entry("customer_id", "acme"),
            entry("cost_center", "cc-7"), entry("feature", "chat"), entry("cost_usd", "0.015"),
            entry("cost_nanos", 15_000_000L));
        assertThat(exporter.stats()).isEqualTo(new RaindropStats(1, 1, 0, 0, 2, 0, 0, 0, 0));
    }

    @Test
    void aSignal_attachesToItsAgentsLastInteraction_elseItsConversations_elseItsSessions_elseItself()
        throws Exception {
        final RaindropExporter exporter = exporter().build();
        exporter.add(TestEvent.interaction(1, "s1", "triage").conversationId("c1").throughJournal(codec, view));
        exporter.add(TestEvent.interaction(2, "s1", "billing").throughJournal(codec, view));
        exporter.add(signalOf(3, "s1", "triage", null));
        exporter.add(signalOf(4, "s1", null, "c1"));
        exporter.add(signalOf(5, "s1", "nobody", null));
        exporter.add(signalOf(6, "s2", "triage", null));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final List<Object> interactions = raindrop.requests().get(0).events();
        final List<Object> signals = raindrop.requests().get(1).events();
        final Object triage = object(interactions.get(0)).get("event_id");
        final Object billing = object(interactions.get(1)).get("event_id");
        assertThat(signals).extracting(signal -> object(signal).get("event_id")).containsExactly(triage, triage,
            billing, object(object(signals.get(3)).get("properties")).get("signal_id"));
        assertThat(triage).isNotEqualTo(billing);
    }

    @Test
    void aSignal_namesAnInteractionOfALaterBatchOnlyOnceRaindropAcceptedIt() throws Exception {
        raindrop.then(Reply.status(204), Reply.status(400), Reply.status(204), Reply.status(204),
            Reply.status(503));
        final RaindropExporter exporter = exporter().build();
        exporter.add(TestEvent.interaction(1, "s1", "triage").throughJournal(codec, view));
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        exporter.add(TestEvent.interaction(2, "s1", "triage").throughJournal(codec, view));
        exporter.add(signalOf(3, "s1", "triage", null));
        assertThat(exporter.send()).as("the interaction's request refused").isEqualTo(ExportResult.FAILED);
        exporter.add(signalOf(4, "s1", "triage", null));
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        exporter.add(TestEvent.interaction(5, "s1", "triage").throughJournal(codec, view));
        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        exporter.discard();
        exporter.add(signalOf(6, "s1", "triage", null));
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        final List<Received> requests = raindrop.requests();
        assertThat(requests).extracting(Received::status).containsExactly(204, 400, 204, 204, 503, 204);
        final Object accepted = object(requests.get(0).events().get(0)).get("event_id");
        final Object refused = object(requests.get(1).events().get(0)).get("event_id");
        assertThat(eventIdOfSignal(requests.get(2))).as("of the same batch, sent before its request was answered")
            .isEqualTo(refused);
        assertThat(eventIdOfSignal(requests.get(3))).as("after the refusal").isEqualTo(accepted);
        assertThat(eventIdOfSignal(requests.get(5))).as("after the discard").isEqualTo(accepted);
        assertThat(accepted).isNotEqualTo(refused);
    }

    private static Object eventIdOfSignal(final Received request) throws IOException {
        assertThat(request.path()).isEqualTo(FakeRaindrop.SIGNALS);
        return object(request.events().get(0)).get("event_id");
    }

    private RecordView signalOf(final long sequence, final String session, final String agent,
        final String conversation) {
        return TestEvent.signal(sequence, session, "response_latency", 3_000).agentId(agent)
            .conversationId(conversation).throughJournal(codec, view);
    }

    @Test
    void eventsChargedToABudget_carryItsNameAmountsAndShare_throughTheJournal() throws Exception {
        final RaindropExporter exporter = exporter().build();
        // 12.50 USD of a 50 USD daily team budget spent; past the limit for the project; a customer's zero limit.
        exporter.add(TestEvent.completeInteraction(10).budget("team:support:daily", 50_000_000_000L, 12_500_000_000L)
            .throughJournal(codec, view));
        exporter.add(TestEvent.completeSignal(11).budget("team_project:support/helpdesk:weekly", 3_000_000_000L,
            3_000_000_001L).throughJournal(codec, view));
        exporter.add(TestEvent.completeInteraction(12).budget("customer:acme:monthly", 0, 5_750_000L)
            .throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final List<Object> interactions = raindrop.requests().get(0).events();
        assertThat(budgetFields(interactions.get(0))).containsExactly(entry("budget_name", "team:support:daily"),
            entry("budget_allocated_usd", "50.00"), entry("budget_allocated_nanos", 50_000_000_000L),
            entry("budget_consumed_usd", "12.50"), entry("budget_consumed_nanos", 12_500_000_000L),
            entry("budget_remaining_usd", "37.50"), entry("budget_remaining_nanos", 37_500_000_000L),
            entry("budget_utilization_percent", 25.0));
        assertThat(budgetFields(raindrop.requests().get(1).events().get(0))).containsExactly(
            entry("budget_name", "team_project:support/helpdesk:weekly"),
            entry("budget_allocated_usd", "3.00"), entry("budget_allocated_nanos", 3_000_000_000L),
            entry("budget_consumed_usd", "3.000000001"), entry("budget_consumed_nanos", 3_000_000_001L),
            entry("budget_remaining_usd", "-0.000000001"), entry("budget_remaining_nanos", -1L),
            entry("budget_utilization_percent", 300_000_000_100.0 / 3_000_000_000L));
        assertThat(budgetFields(interactions.get(1))).as("no share of a zero limit").containsExactly(
            entry("budget_name", "customer:acme:monthly"), entry("budget_allocated_usd", "0.00"),
            entry("budget_allocated_nanos", 0L), entry("budget_consumed_usd", "0.00575"),
            entry("budget_consumed_nanos", 5_750_000L), entry("budget_remaining_usd", "-0.00575"),
            entry("budget_remaining_nanos", -5_750_000L));
        assertThat(object(object(interactions.get(0)).get("properties")).keySet())
            .as("the budget follows the cost").containsSubsequence("cost_nanos", "budget_name",
                "budget_utilization_percent", "policy_result");
    }

    /** The properties of a sent event whose names start with {@code budget_}, in order. */
    private static Map<String, Object> budgetFields(final Object event) {
        final Map<String, Object> budget = new LinkedHashMap<>();
        object(object(event).get("properties")).forEach((name, value) -> {
            if (name.startsWith("budget_")) {
                budget.put(name, value);
            }
        });
        return budget;
    }

    @Test
    void eventsOfADeclaredGroup_carryTheGroupThroughTheJournal() throws Exception {
        final RaindropExporter exporter = exporter().build();
        final TestEvent interaction = TestEvent.completeInteraction(8);
        interaction.group("critical");
        final TestEvent signal = TestEvent.completeSignal(9);
        signal.group("critical");

        exporter.add(interaction.throughJournal(codec, view));
        exporter.add(signal.throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(object(object(raindrop.requests().get(0).events().get(0)).get("properties")))
            .containsEntry("agent_group", "critical");
        assertThat(object(object(raindrop.requests().get(1).events().get(0)).get("properties")))
            .containsEntry("agent_group", "critical");
    }

    @Test
    void alertRules_areSkippedAndCounted() {
        final RaindropExporter exporter = exporter().build();

        exporter.add(TestEvent.completeAlertRule(1).throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(raindrop.requests()).isEmpty();
        assertThat(exporter.stats().skipped()).isEqualTo(1);
        assertThat(exporter.sampledOnly()).isTrue();
    }

    @Test
    void largeBatch_isSplitIntoRequestsOf50_andARetryPostsOnlyTheRequestsStillOwed() throws Exception {
        raindrop.then(Reply.status(204), Reply.status(500));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 120);

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        final List<Received> requests = raindrop.requests();
        assertThat(requests).extracting(Received::status).containsExactly(204, 500, 204, 204);
        assertThat(requests.stream().map(r -> events(r).size())).containsExactly(50, 50, 50, 20);
        assertThat(requests.get(2).body()).as("the failed request, sent again unchanged")
            .isEqualTo(requests.get(1).body());
        final List<String> delivered = raindrop.deliveredIds();
        assertThat(delivered).hasSize(120).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).hasSize(120);
        assertThat(exporter.stats()).isEqualTo(new RaindropStats(120, 0, 0, 0, 4, 1, 0, 1, 0));
        assertThat(logs.text()).contains("could not deliver a request of 50 events (POST /events/track)",
            "HTTP 500", "2 requests of 70 events kept for a retry");
    }

    private static List<Object> events(final Received request) {
        try {
            return request.events();
        } catch (final IOException e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }

    @Test
    void retryAfter_on429_isWaitedOutBeforeAnsweringRetry() throws Exception {
        raindrop.then(new Reply(429, "1"));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 3);

        final long started = System.nanoTime();
        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        final long waited = System.nanoTime() - started;
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        assertThat(waited).isBetween(SECOND, SECOND * 18 / 10);
        final List<Received> requests = raindrop.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).atNanos() - requests.get(0).atNanos()).isGreaterThanOrEqualTo(SECOND);
        assertThat(raindrop.deliveredIds()).hasSize(3);
    }

    @Test
    void retryAfter_longerThanTheCap_holdsEveryRequestBackUntilItHasPassed() throws Exception {
        raindrop.then(new Reply(429, "1"));
        final RaindropExporter exporter = exporter().maxRetryAfterWait(Duration.ofMillis(200)).build();
        addInteractions(exporter, 3);

        int sends = 0;
        long longestSendNanos = 0;
        ExportResult result;
        do {
            final long started = System.nanoTime();
            result = exporter.send();
            longestSendNanos = Math.max(longestSendNanos, System.nanoTime() - started);
            sends++;
        } while (result == ExportResult.RETRY && sends < 20);

        assertThat(result).isEqualTo(ExportResult.SUCCESS);
        assertThat(sends).isBetween(5, 8);
        assertThat(longestSendNanos).isLessThan(SECOND / 2);
        final List<Received> requests = raindrop.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).atNanos() - requests.get(0).atNanos()).isGreaterThanOrEqualTo(SECOND);
        assertThat(exporter.stats().retries()).isEqualTo(sends - 1);
    }

    @Test
    void refusedRequest_isDroppedAndTheRestStillSent_andTheSendFails() throws Exception {
        raindrop.then(Reply.status(204), Reply.status(400));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 120);

        assertThat(exporter.send()).isEqualTo(ExportResult.FAILED);
        exporter.discard();

        assertThat(raindrop.requests()).extracting(Received::status).containsExactly(204, 400, 204);
        assertThat(raindrop.deliveredIds()).hasSize(70);
        assertThat(exporter.stats()).isEqualTo(new RaindropStats(70, 0, 0, 0, 3, 1, 50, 0, 1));
        assertThat(exporter.send()).as("nothing left").isEqualTo(ExportResult.SUCCESS);
        assertThat(raindrop.requests()).hasSize(3);
    }

    @Test
    void batchRefusedInPart_tellsTheRunnerThatOnlyTheRefusedRequestsEventsWereNotDelivered() throws Exception {
        raindrop.then(Reply.status(204), Reply.status(400));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 120);
        exporter.add(TestEvent.completeAlertRule(1).throughJournal(codec, view));

        assertThat(exporter.send()).isEqualTo(ExportResult.FAILED);
        final int undelivered = exporter.undelivered();
        exporter.discard();

        assertThat(raindrop.deliveredIds()).hasSize(70);
        assertThat(undelivered).as("the 50 events of the refused request; the alert rule is skipped by design")
            .isEqualTo(50);
        addInteractions(exporter, 3);
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(exporter.undelivered()).as("a new batch, all delivered").isZero();
    }

    @Test
    void batchDeliveredThenRefusedInASecondSend_countsTheRefusalOfTheWholeBatch() throws Exception {
        raindrop.then(Reply.status(204), Reply.status(503), Reply.status(422));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 120);

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(exporter.undelivered()).as("owed, should the runner give the batch up now").isEqualTo(70);
        assertThat(exporter.send()).isEqualTo(ExportResult.FAILED);

        assertThat(exporter.undelivered()).as("refused in the second send").isEqualTo(50);
        assertThat(raindrop.deliveredIds()).hasSize(70);
    }

    @Test
    void refusedWriteKey_keepsTheWholeBatchForARetry_andSaysWhatToCheckWithoutTheKey() {
        raindrop.then(Reply.status(403));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 120);

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);

        assertThat(raindrop.requests()).as("the other requests would be refused alike").hasSize(1);
        assertThat(exporter.undelivered()).as("owed, should the runner give the batch up now").isEqualTo(120);
        assertThat(exporter.stats().refusedEvents()).isZero();
        assertThat(logs.text()).contains("HTTP 403", "3 requests of 120 events kept for a retry",
            "Check the write key").doesNotContain(KEY);
    }

    @Test
    void rejectedWriteKey_putRight_deliversEveryEventOfTheKeptBatch() {
        raindrop.then(Reply.status(401), Reply.status(401));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 120);

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(exporter.send()).as("the key accepted again").isEqualTo(ExportResult.SUCCESS);

        assertThat(raindrop.requests()).extracting(Received::status).containsExactly(401, 401, 204, 204, 204);
        assertThat(raindrop.deliveredIds()).hasSize(120);
        assertThat(exporter.undelivered()).isZero();
    }

    @Test
    void wrongBaseUrl_isRetried_andTheWarningNamesTheAddressToCheck() {
        raindrop.then(Reply.status(404));
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 2);

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);

        assertThat(logs.text()).contains("HTTP 404", "Check the base URL");
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(raindrop.deliveredIds()).hasSize(2);
    }

    @Test
    void unreachableEndpoint_isRetried_andNothingShowsTheKey() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        final RaindropExporter exporter = exporter().baseUrl(URI.create("http://127.0.0.1:" + closedPort + "/v1"))
            .build();
        addInteractions(exporter, 2);

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);

        assertThat(exporter.stats().failedRequests()).isEqualTo(1);
        assertThat(exporter.toString()).doesNotContain(KEY).contains("writeKey=***", "127.0.0.1:" + closedPort);
        assertThat(logs.text()).contains("could not deliver", "kept for a retry");
    }

    @Test
    void interruptedSend_keepsTheBatchForTheNextSend() {
        final RaindropExporter exporter = exporter().build();
        addInteractions(exporter, 2);

        Thread.currentThread().interrupt();
        final ExportResult interrupted = exporter.send();
        final boolean interruptKept = Thread.interrupted();

        assertThat(interrupted).isEqualTo(ExportResult.RETRY);
        assertThat(interruptKept).isTrue();
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(raindrop.deliveredIds()).hasSize(2);
    }

    @Test
    void sendToAnApiThatNeverAnswers_endsOnTheRunnersInterrupt_andCloseWithNoTimeLeftReturnsAtOnce()
        throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            // The default timeout, 10 s: only the interrupt ends the request sooner.
            final RaindropExporter exporter = RaindropExporter.builder().baseUrl(URI.create(silent.uri() + "/v1"))
                .writeKey(KEY).build();
            addInteractions(exporter, 3);
            final AtomicReference<ExportResult> result = new AtomicReference<>();
            final Thread runner = new Thread(() -> result.set(exporter.send()), "raindrop-send");
            runner.start();
            final long deadline = System.nanoTime() + 10 * SECOND;
            while (silent.connections() == 0) {
                assertThat(System.nanoTime()).as("the request reaches the server").isLessThan(deadline);
                Thread.sleep(5);
            }

            runner.interrupt();
            runner.join(1_000);
            final long started = System.nanoTime();
            exporter.close(Duration.ZERO);
            final long closeNanos = System.nanoTime() - started;

            assertThat(runner.isAlive()).as("the send ended soon after the interrupt").isFalse();
            assertThat(result.get()).isEqualTo(ExportResult.RETRY);
            assertThat(closeNanos).isLessThan(SECOND / 10);
            assertThat(exporter.undelivered()).as("close forgot the batch; the journal still has it").isZero();
        }
    }

    @Test
    void missingWriteKey_failsTheBuildNamingBothWaysToGiveOne() {
        assertThatThrownBy(() -> RaindropExporter.builder().environment(name -> null).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("writeKey(")
            .hasMessageContaining("RAINDROP_WRITE_KEY");
        assertThatThrownBy(() -> RaindropExporter.builder().environment(name -> "  ").build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("RAINDROP_WRITE_KEY");
    }

    @Test
    void writeKey_fromTheEnvironment_isSentWithoutItsTrailingNewline() throws Exception {
        final RaindropExporter exporter = RaindropExporter.builder().baseUrl(raindrop.baseUrl())
            .environment(name -> name.equals("RAINDROP_WRITE_KEY") ? KEY + "\n" : null).build();
        addInteractions(exporter, 1);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        assertThat(raindrop.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(exporter.toString()).doesNotContain(KEY);
    }

    @Test
    void builder_refusesBadSettingsNamingThem_andNeverQuotesTheKey() {
        assertThatThrownBy(() -> RaindropExporter.builder().writeKey(KEY + "\r\nX-Injected: 1"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("writeKey")
            .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> RaindropExporter.builder().environment(name -> KEY + " two").build())
            .hasMessageContaining("RAINDROP_WRITE_KEY").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> RaindropExporter.builder().writeKey(" ")).hasMessage("writeKey must not be blank");
        assertThatThrownBy(() -> RaindropExporter.builder().baseUrl(URI.create("ftp://api.raindrop.ai/v1")))
            .hasMessageStartingWith("baseUrl");
        assertThatThrownBy(() -> RaindropExporter.builder().timeout(Duration.ZERO)).hasMessageStartingWith("timeout");
        assertThatThrownBy(() -> RaindropExporter.builder().maxEventsPerRequest(51))
            .hasMessage("maxEventsPerRequest must be at most 50: 51");
        assertThatThrownBy(() -> RaindropExporter.builder().maxRetryAfterWait(Duration.ofMinutes(11)))
            .hasMessageStartingWith("maxRetryAfterWait");
        assertThatThrownBy(() -> RaindropExporter.builder().maxBatchAge(Duration.ZERO))
            .hasMessageStartingWith("maxBatchAge");
        assertThatThrownBy(() -> RaindropExporter.builder().name(" ")).hasMessage("exporter name must not be blank");
        assertThatThrownBy(() -> RaindropExporter.builder().name("../outside")).hasMessageContaining("position file");
    }

    @Test
    void defaults_pointAtRaindrop() {
        final RaindropExporter exporter = RaindropExporter.builder().writeKey(KEY).build();

        assertThat(exporter.name()).isEqualTo("raindrop");
        assertThat(exporter).hasToString("RaindropExporter{name=raindrop, baseUrl=https://api.raindrop.ai/***, "
            + "writeKey=***, timeout=PT10S, maxEventsPerRequest=50, maxBatchAge=PT1S, maxRetryAfterWait=PT30S}");
        assertThat(exporter.maxBatchAge()).as("as Raindrop's own clients flush").isEqualTo(Duration.ofSeconds(1));
    }
}
