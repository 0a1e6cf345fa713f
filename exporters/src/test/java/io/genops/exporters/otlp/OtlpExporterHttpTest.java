package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.export.ExportResult;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.exporters.testing.TestEvent;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans, log records, retries and headers against a real OTLP/HTTP receiver on loopback. */
class OtlpExporterHttpTest {
    private static final long USD = 1_000_000_000L;

    private OtlpHttpReceiver receiver;
    private OtlpExporter exporter;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = OtlpHttpReceiver.create();
    }

    @AfterEach
    void stopAll() {
        if (exporter != null) {
            exporter.close();
        }
        receiver.close();
    }

    private OtlpExporter.Builder builder() {
        return OtlpExporter.builder().endpoint(receiver.endpoint()).timeout(Duration.ofSeconds(10));
    }

    @Test
    void interaction_becomesAnInvokeAgentSpan_withEveryGenAiAndGenOpsAttribute() {
        exporter = builder().serviceName("support-chat").resourceAttribute("deployment.environment.name", "prod")
            .build();
        final TestEvent event = fullInteraction();

        TestEvent.feed(exporter, event);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final Span span = receiver.received.spans().get(0);
        assertThat(span.getName()).isEqualTo("invoke_agent triage-bot");
        assertThat(span.getAttributesList()).extracting(KeyValue::getKey).as("each attribute once")
            .doesNotHaveDuplicates();
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
        assertThat(span.getEndTimeUnixNano()).isEqualTo(event.epochMillis() * 1_000_000L);
        assertThat(span.getStartTimeUnixNano()).isEqualTo(event.epochMillis() * 1_000_000L - 1_500_000_000L);
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
        assertThat(Received.attributes(span.getAttributesList())).containsOnly(
            entry("gen_ai.operation.name", "invoke_agent"),
            entry("gen_ai.provider.name", "openai"),
            entry("gen_ai.request.model", "gpt-4o"),
            entry("gen_ai.agent.id", "triage-bot"),
            entry("gen_ai.agent.name", "triage-bot"),
            entry("gen_ai.conversation.id", "conv-9"),
            entry("gen_ai.usage.input_tokens", 1200L),
            entry("gen_ai.usage.output_tokens", 300L),
            entry("gen_ai.usage.cache_read.input_tokens", 200L),
            entry("gen_ai.usage.cache_creation.input_tokens", 100L),
            entry("gen_ai.usage.reasoning.output_tokens", 50L),
            entry("genops.agent_group", "critical"),
            entry("genops.team", "support"),
            entry("genops.project", "chat"),
            entry("genops.environment", "prod"),
            entry("genops.customer_id", "acme"),
            entry("genops.cost_center", "cc-7"),
            entry("genops.feature", "triage"),
            entry("genops.session_id", "session-1"),
            entry("genops.cost.total", 0.001234567),
            entry("genops.cost.total_nanos", 1_234_567L),
            entry("genops.cost.currency", "USD"),
            entry("genops.cost.model", "gpt-4o"),
            entry("genops.tokens.input", 1200L),
            entry("genops.tokens.output", 300L),
            entry("genops.tokens.total", 1500L),
            entry("genops.policy.result", "WARNING"),
            entry("genops.policy.reason", "BUDGET_THRESHOLD"),
            entry("genops.budget.name", "team_project:support/chat:daily"),
            entry("genops.budget.allocated", 50.0),
            entry("genops.budget.consumed", 41.234567891),
            entry("genops.budget.remaining", 8.765432109),
            entry("genops.budget.utilization_percent", 82.469135782),
            entry("genops.complexity", "moderate"),
            entry("genops.event.sequence", 7L));
        assertThat(Received.attributes(receiver.received.spanResource().getAttributesList()))
            .contains(entry("service.name", "support-chat"), entry("deployment.environment.name", "prod"),
                entry("telemetry.sdk.language", "java"));
        assertThat(receiver.received.spanScopeName()).isEqualTo("io.genops.exporters.otlp");
        assertThat(receiver.received.traces.get(0).toString()).as("content and user id are never exported")
            .doesNotContain("the customer's question").doesNotContain("user-42");
    }

    /**
     * Past its limit the budget has a negative remainder and a share above 100; the share is the double
     * nearest to the exact quotient, which a division of the USD doubles misses: 0.3 / 0.9 × 100 is
     * 33.33333333333333, one bit below 33.333333333333336, the double nearest to a third of 100.
     */
    @Test
    void budgetAttributes_pastTheLimitAndOfAnInexactShare_areExactToTheLastBit() {
        exporter = builder().build();
        final TestEvent over = TestEvent.interaction(1, "s", "bot").budget("team:support:weekly", 2 * USD,
            3 * USD + 1);
        final TestEvent third = TestEvent.interaction(2, "s", "bot").budget("team:support:weekly", 900_000_000L,
            300_000_000L);

        TestEvent.feed(exporter, over, third);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final Map<Long, Map<String, Object>> spans = spansBySequence();
        assertThat(spans.get(1L)).contains(entry("genops.budget.name", "team:support:weekly"),
            entry("genops.budget.allocated", 2.0), entry("genops.budget.consumed", 3.000000001),
            entry("genops.budget.remaining", -1.000000001),
            entry("genops.budget.utilization_percent", 150.00000005));
        final double exactThird = new BigDecimal(100).divide(new BigDecimal(3), MathContext.DECIMAL128).doubleValue();
        assertThat(spans.get(2L).get("genops.budget.utilization_percent")).isEqualTo(exactThird)
            .isNotEqualTo(0.3 / 0.9 * 100);
    }

    @Test
    void eventsChargedToNoBudget_carryNoBudgetAttribute() {
        exporter = builder().build();

        TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.signal(2, "s", "csat", 4));

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(Received.attributes(receiver.received.spans().get(0).getAttributesList()).keySet())
            .noneMatch(key -> key.startsWith("genops.budget."));
        assertThat(Received.attributes(receiver.received.logRecords().get(0).getAttributesList()).keySet())
            .noneMatch(key -> key.startsWith("genops.budget."));
    }

    @Test
    void interactionWithAnError_hasErrorStatus_errorType_andCostFlags() {
        exporter = builder().build();
        final TestEvent failed = TestEvent.interaction(3, "session-1", "bot");
        failed.error("RateLimitError");
        failed.costOverrideNanos(0);
        failed.unpriced(true);
        failed.failed(true);

        TestEvent.feed(exporter, failed);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final Span span = receiver.received.spans().get(0);
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
        assertThat(span.getStatus().getMessage()).isEqualTo("RateLimitError");
        assertThat(Received.attributes(span.getAttributesList())).contains(entry("error.type", "RateLimitError"),
            entry("genops.cost.total_nanos", 0L), entry("genops.cost.overridden", true),
            entry("genops.cost.unpriced", true), entry("genops.event.stage_failed", true));
    }

    @Test
    void sessionEvents_shareATraceIdDerivedFromTheSessionId_underTheSessionsSpan() {
        exporter = builder().build();
        final TestEvent closed = TestEvent.closedSession(6, "session-a", "night-shift", 90_000_000_000L);
        final List<TestEvent> events = List.of(TestEvent.interaction(1, "session-a", "bot"),
            TestEvent.interaction(2, "session-a", "bot"), TestEvent.interaction(3, "session-b", "bot"),
            TestEvent.interaction(4, null, "bot"), TestEvent.signal(5, "session-a", "latency_ms", 820), closed);

        TestEvent.feed(exporter, events);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final Map<Long, Span> spans = receiver.received.spans().stream()
            .collect(Collectors.toMap(s -> (Long)Received.attributes(s.getAttributesList())
                .get("genops.event.sequence"), s -> s));
        final String traceA = sha256Hex("session-a").substring(0, 32);
        final String sessionSpanA = sha256Hex("session-a").substring(32, 48);
        final Span session = spans.get(6L);
        assertThat(Received.hex(session.getTraceId())).isEqualTo(traceA);
        assertThat(Received.hex(session.getSpanId())).as("bits 128 to 191 of the same digest").isEqualTo(sessionSpanA);
        assertThat(session.getParentSpanId().isEmpty()).as("the session span is the trace's root").isTrue();
        for (final long child : new long[] {1, 2}) {
            assertThat(Received.hex(spans.get(child).getTraceId())).isEqualTo(traceA);
            assertThat(Received.hex(spans.get(child).getParentSpanId())).isEqualTo(sessionSpanA);
        }
        assertThat(Received.hex(spans.get(3L).getTraceId())).isEqualTo(sha256Hex("session-b").substring(0, 32));
        assertThat(Received.hex(spans.get(3L).getParentSpanId()))
            .as("session-b has not closed, its children still name its span").isEqualTo(sha256Hex("session-b")
                .substring(32, 48));
        assertThat(Received.hex(spans.get(4L).getTraceId())).isNotIn(traceA, sha256Hex("session-b").substring(0, 32));
        assertThat(spans.get(4L).getParentSpanId().isEmpty()).as("an event outside a session is a root").isTrue();
        assertThat(spans.values().stream().map(s -> Received.hex(s.getSpanId())).collect(Collectors.toSet()))
            .hasSize(5);
        final LogRecord signal = receiver.received.logRecords().get(0);
        assertThat(Received.hex(signal.getTraceId())).as("a signal joins its session's trace").isEqualTo(traceA);
        assertThat(Received.hex(signal.getSpanId())).as("and belongs to the session's span").isEqualTo(sessionSpanA);

        final OtlpHttpReceiver second = receiver;
        final int before = second.received.spans().size();
        try (OtlpExporter again = builder().name("otlp-again").build()) {
            TestEvent.feed(again, events);
            assertThat(again.send()).isEqualTo(ExportResult.SUCCESS);
        }
        final List<Span> resent = second.received.spans().subList(before, before + 5);
        assertThat(resent.stream().map(s -> Received.hex(s.getSpanId())).collect(Collectors.toSet()))
            .as("the same events get the same span ids, so a backend can spot a batch sent twice")
            .isEqualTo(spans.values().stream().map(s -> Received.hex(s.getSpanId())).collect(Collectors.toSet()));
    }

    @Test
    void closedSession_becomesASpanFromOpenToClose_withItsNameAttributionAndTotals() {
        exporter = builder().build();
        final TestEvent closed = TestEvent.closedSession(7, "shift-3k9x", "night-shift", 90_000_000_000L);
        closed.sessionTotalsExact(false);

        TestEvent.feed(exporter, closed);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final Span span = receiver.received.spans().get(0);
        assertThat(span.getName()).isEqualTo("session night-shift");
        assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
        assertThat(span.getEndTimeUnixNano()).isEqualTo(closed.epochMillis() * 1_000_000L);
        assertThat(span.getStartTimeUnixNano()).isEqualTo(closed.epochMillis() * 1_000_000L - 90_000_000_000L);
        assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_UNSET);
        assertThat(span.getAttributesList()).extracting(KeyValue::getKey).doesNotHaveDuplicates();
        assertThat(Received.attributes(span.getAttributesList())).containsOnly(
            entry("genops.session.name", "night-shift"),
            entry("genops.session_id", "shift-3k9x"),
            entry("genops.agent_group", "default"),
            entry("genops.team", "support"),
            entry("genops.project", "helpdesk"),
            entry("genops.event.sequence", 7L),
            entry("genops.session.operations", 3L),
            entry("genops.session.cost.total", 0.012345678),
            entry("genops.session.cost.total_nanos", 12_345_678L),
            entry("genops.cost.currency", "USD"),
            entry("genops.session.totals_partial", true));
        assertThat(receiver.received.logRecords()).isEmpty();
    }

    @Test
    void signalsAndAlerts_becomeLogRecords_withBodySeverityAndAttributes() {
        exporter = builder().build();
        final TestEvent signal = TestEvent.signal(11, "session-1", "latency_p95_ms", 820.5);
        signal.threshold(500);
        signal.frequency(Frequency.REALTIME);
        signal.agentId("triage-bot");
        signal.complexity(Complexity.COMPLEX);
        signal.budget("team:support:monthly", 1_000 * USD, 250 * USD);
        final TestEvent alert = TestEvent.alert(12, "cost-spike", 3);
        alert.complexity(Complexity.ENTERPRISE);
        final TestEvent firing = TestEvent.alert(13, "cost-spike", 3).fired(0.42, 0.25);

        TestEvent.feed(exporter, signal, alert, firing);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        final List<LogRecord> records = receiver.received.logRecords();
        assertThat(records).hasSize(3);
        final LogRecord signalRecord = records.get(0);
        assertThat(signalRecord.getAttributesList()).extracting(KeyValue::getKey).doesNotHaveDuplicates();
        assertThat(signalRecord.getEventName()).isEqualTo("genops.signal");
        assertThat(signalRecord.getBody().getStringValue()).isEqualTo("latency_p95_ms = 820.5");
        assertThat(signalRecord.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
        assertThat(signalRecord.getTimeUnixNano()).isEqualTo(signal.epochMillis() * 1_000_000L);
        assertThat(Received.attributes(signalRecord.getAttributesList())).contains(
            entry("genops.event.kind", "signal"), entry("genops.signal.name", "latency_p95_ms"),
            entry("genops.signal.value", 820.5), entry("genops.signal.threshold", 500.0),
            entry("genops.signal.frequency", "realtime"), entry("genops.complexity", "complex"),
            entry("gen_ai.agent.id", "triage-bot"), entry("genops.session_id", "session-1"),
            entry("genops.team", "support"), entry("genops.agent_group", "default"),
            entry("genops.cost.total_nanos", 10_000_000L),
            entry("genops.cost.currency", "USD"), entry("genops.policy.result", "ALLOWED"),
            entry("genops.budget.name", "team:support:monthly"), entry("genops.budget.allocated", 1000.0),
            entry("genops.budget.consumed", 250.0), entry("genops.budget.remaining", 750.0),
            entry("genops.budget.utilization_percent", 25.0));
        final LogRecord alertRecord = records.get(1);
        assertThat(alertRecord.getEventName()).isEqualTo("genops.alert");
        assertThat(alertRecord.getBody().getStringValue()).isEqualTo("cost-spike");
        assertThat(alertRecord.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
        assertThat(alertRecord.getSeverityText()).isEqualTo("WARN");
        assertThat(Received.attributes(alertRecord.getAttributesList())).contains(
            entry("genops.event.kind", "alert"), entry("genops.alert.name", "cost-spike"),
            entry("genops.alert.channel_count", 3L), entry("genops.complexity", "enterprise"),
            entry("genops.cost.total", 0.15), entry("genops.cost.total_nanos", 150_000_000L),
            entry("genops.alert.fired", false)).doesNotContainKeys("genops.alert.value", "genops.alert.threshold");
        assertThat(Received.attributes(records.get(2).getAttributesList())).as("the rule firing").contains(
            entry("genops.alert.name", "cost-spike"), entry("genops.alert.fired", true),
            entry("genops.alert.value", 0.42), entry("genops.alert.threshold", 0.25));
        assertThat(receiver.received.spans()).isEmpty();
        assertThat(exporter.stats().logsExported()).isEqualTo(3);
    }

    @Test
    void unsampledEvents_areNotExported_butTheRunnerHandsThemOver() {
        exporter = builder().build();
        final TestEvent kept = TestEvent.interaction(1, "s", "bot");
        final TestEvent dropped = TestEvent.interaction(2, "s", "bot");
        dropped.sampled(false);
        final TestEvent droppedSignal = TestEvent.signal(3, "s", "x", 1);
        droppedSignal.sampled(false);

        TestEvent.feed(exporter, kept, dropped, droppedSignal);

        assertThat(exporter.sampledOnly()).as("metrics must see every event").isFalse();
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.spans()).hasSize(1);
        assertThat(receiver.received.logRecords()).isEmpty();
        assertThat(exporter.stats().eventsCounted()).isEqualTo(3);
    }

    @Test
    void receiverDown_answersRetryWithinTheTimeout_andOnceUp_deliversTheBatchOnce() throws IOException {
        exporter = builder().timeout(Duration.ofSeconds(1)).build();
        receiver.stop();
        final List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(TestEvent.interaction(i, "s", "bot"));
        }
        events.add(TestEvent.signal(50, "s", "queue_depth", 12));
        TestEvent.feed(exporter, events);

        final long started = System.nanoTime();
        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        receiver.start();
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.spans()).hasSize(50);
        assertThat(receiver.received.logRecords()).hasSize(1);
        assertThat(exporter.send()).as("nothing left to send").isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.spans()).hasSize(50);
        assertThat(exporter.stats()).satisfies(stats -> {
            assertThat(stats.failedSends()).isEqualTo(2);
            assertThat(stats.spansExported()).isEqualTo(50);
            assertThat(stats.logsExported()).isEqualTo(1);
        });
    }

    @Test
    void moreRequestsInFlight_thanTheOfficialSendersOwnPoolAllows_areNoneRefused() {
        exporter = builder().requestSize(16).maxConcurrentRequests(12).build();
        final List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            events.add(TestEvent.interaction(i, "s", "bot"));
        }
        TestEvent.feed(exporter, events);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.spans()).hasSize(800);
        assertThat(exporter.stats().failedSends()).isZero();
    }

    @Test
    void aBatchOfManyRequests_goesOutInOneSend_aFewAtATime() {
        exporter = builder().requestSize(16).maxConcurrentRequests(3).build();
        final List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            events.add(TestEvent.interaction(i, "s", "bot"));
        }
        TestEvent.feed(exporter, events);

        assertThat(exporter.send()).as("more requests than the HTTP sender runs at once, none refused")
            .isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.traces).hasSize(50);
        assertThat(receiver.received.spans()).hasSize(800);
        assertThat(exporter.stats().failedSends()).isZero();
    }

    @Test
    void aLargeBatch_goesInRequestsOfRequestSize_theFirstOnesBeforeTheSend() {
        exporter = builder().requestSize(100).build();
        final List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            events.add(TestEvent.interaction(i, "s", "bot"));
        }
        TestEvent.feed(exporter, events);
        final long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (receiver.received.traces.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(receiver.received.traces).as("two full requests went out while events were added").hasSize(2);

        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.traces.stream().map(r -> r.getResourceSpans(0).getScopeSpans(0).getSpansCount()))
            .containsExactlyInAnyOrder(100, 100, 50);
        assertThat(receiver.received.spans().stream().map(span -> Received.attributes(span.getAttributesList())
            .get("genops.event.sequence")).distinct()).hasSize(250);
        assertThat(exporter.stats().spansExported()).isEqualTo(250);
        assertThat(exporter.toString()).contains("requestSize=100");
    }

    @Test
    void failedSends_areWarnedAboutOncePerMinute_withoutHeaderValues() {
        exporter = builder().header("Authorization", "Bearer s3cret").build();
        receiver.stop();
        TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.signal(2, "s", "x", 1));

        try (TestLogs logs = TestLogs.capture()) {
            assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
            assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);

            assertThat(logs.lines()).filteredOn(line -> line.contains("could not deliver")).singleElement()
                .asString()
                .startsWith("WARN OTLP exporter 'otlp' could not deliver 1 spans and 1 log records to "
                    + receiver.endpoint() + " over HTTP_PROTOBUF (")
                .contains("ConnectException", "Failed sends of this exporter since its previous warning, this one "
                    + "included: 1. The export runner keeps the batch and offers it again")
                .doesNotContain("s3cret");
        }
    }

    @Test
    void logsRefused_retryRepeatsTheLogsOnly() {
        exporter = builder().build();
        receiver.failing.put("/v1/logs", 503);
        TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.signal(2, "s", "x", 1));

        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);
        assertThat(receiver.received.spans()).hasSize(1);

        receiver.failing.clear();
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.received.spans()).as("the spans were accepted the first time").hasSize(1);
        assertThat(receiver.received.logRecords()).hasSize(1);
    }

    @Test
    void logsRefusedForGood_areNotSentAgain_andFailTheBatchOnceTheRestIsAccepted() {
        exporter = builder().build();
        receiver.failing.put("/v1/traces", 503);
        receiver.failing.put("/v1/logs", 400);
        TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"), TestEvent.signal(2, "s", "x", 1),
            TestEvent.signal(3, "s", "y", 2));

        assertThat(exporter.send()).as("the span may still go through").isEqualTo(ExportResult.RETRY);
        receiver.failing.remove("/v1/traces");
        assertThat(exporter.send()).as("a 400 is the collector refusing the data itself")
            .isEqualTo(ExportResult.FAILED);

        assertThat(receiver.received.spans()).hasSize(1);
        assertThat(receiver.requests.get("/v1/logs")).as("the refused logs were sent once").hasValue(1);
        assertThat(exporter.undelivered()).as("the two log records; the span went through").isEqualTo(2);
        exporter.discard();

        receiver.failing.put("/v1/logs", 401);
        TestEvent.feed(exporter, TestEvent.signal(4, "s", "z", 3));
        assertThat(exporter.send()).as("an authentication failure may be fixed: kept for a retry")
            .isEqualTo(ExportResult.RETRY);
        receiver.failing.remove("/v1/logs");
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(receiver.requests.get("/v1/logs")).as("sent again after the 401").hasValue(3);
    }

    @Test
    void discard_forgetsTheBatch() {
        exporter = builder().build();
        receiver.stop();
        TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
        assertThat(exporter.send()).isEqualTo(ExportResult.RETRY);

        exporter.discard();
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        assertThat(exporter.stats().discardedBatches()).isEqualTo(1);
    }

    @Test
    void gzipAndHeaders_reachTheCollector() {
        exporter = builder().header("Authorization", "Bearer s3cret").build();
        TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);

        try (OtlpExporter plain = builder().name("plain").gzip(false).build()) {
            TestEvent.feed(plain, TestEvent.interaction(2, "s", "bot"));
            assertThat(plain.send()).isEqualTo(ExportResult.SUCCESS);
        }

        assertThat(receiver.received.encodings.subList(0, 2)).containsExactly("gzip", "gzip");
        assertThat(receiver.received.authorizations.subList(0, 2)).containsOnly("Bearer s3cret");
        assertThat(receiver.received.encodings.get(2)).isEqualTo("identity");
        assertThat(exporter.toString()).contains("Authorization").doesNotContain("s3cret");
        assertThat(Set.copyOf(receiver.received.spans().stream().map(Span::getName).collect(Collectors.toList())))
            .containsExactly("invoke_agent bot");
    }

    /** An interaction with every field set, in session-1. */
    /** The attributes of every span received, by the event sequence each carries. */
    private Map<Long, Map<String, Object>> spansBySequence() {
        return receiver.received.spans().stream().map(span -> Received.attributes(span.getAttributesList()))
            .collect(Collectors.toMap(attributes -> (Long)attributes.get("genops.event.sequence"), a -> a));
    }

    private static TestEvent fullInteraction() {
        final TestEvent event = TestEvent.interaction(7, "session-1", "triage-bot");
        event.project("chat");
        event.environment("prod");
        event.customerId("acme");
        event.costCenter("cc-7");
        event.feature("triage");
        event.group("critical");
        event.conversationId("conv-9");
        event.userId("user-42");
        event.content("the customer's question");
        event.inputTokens(1200);
        event.outputTokens(300);
        event.cacheReadTokens(200);
        event.cacheCreationTokens(100);
        event.reasoningTokens(50);
        event.latencyNanos(1_500_000_000L);
        event.modelCostNanos(1_000_000);
        event.platformCostNanos(234_567);
        event.policy(PolicyResult.WARNING, PolicyReason.BUDGET_THRESHOLD);
        event.complexity(Complexity.MODERATE);
        return event.budget("team_project:support/chat:daily", 50_000_000_000L, 41_234_567_891L);
    }

    static String sha256Hex(final String text) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder hex = new StringBuilder();
            for (final byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
