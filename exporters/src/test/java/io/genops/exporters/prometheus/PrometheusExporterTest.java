package io.genops.exporters.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.export.BudgetReading;
import io.genops.core.export.ExportResult;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.policy.PolicyResult;
import io.genops.exporters.FixedReadings;
import io.genops.exporters.testing.TestEvent;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusExporterTest {
    private static final String COST_NANOS = "genops_cost_nanodollars_total";
    private static final String COST_USD = "genops_agent_monitoring_cost_usd_total";
    private static final String DURATION = "genops_agent_interaction_duration_seconds";
    private static final long T0 = 1_700_000_000_000L;
    private static final String PROCESS_MEMORY = "genops_process_memory_bytes";

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(T0);
    private PrometheusExporter exporter;

    @AfterEach
    void close() {
        if (exporter != null) {
            exporter.close();
        }
    }

    private PrometheusExporter.Builder ephemeral() {
        return PrometheusExporter.builder().port(0).jvmMetrics(false).clockMillis(clock::get);
    }

    @Test
    void shouldServeMetricsOnLoopbackAtTheBoundEphemeralPort() throws Exception {
        exporter = ephemeral().build();

        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(exporter.port()).isPositive();
        assertThat(exporter.host()).isEqualTo("127.0.0.1");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.names()).contains("genops_events_total", "genops_concurrent_agents_monitored",
            "genops_performance_signal_overhead_seconds_count", "genops_alert_creation_duration_seconds_count");
        assertThat(exporter.sampledOnly()).isFalse();
        assertThat(exporter.name()).isEqualTo("prometheus");
    }

    @Test
    void shouldExposeCostTotalsEqualToTheSumOfTheEventsCosts() throws Exception {
        exporter = ephemeral().build();
        final TestEvent event = TestEvent.bareInteraction();
        long support = 0;
        long billing = 0;
        for (int i = 1; i <= 200; i++) {
            final long cost = 1_000_003L * i + 7;
            final boolean toSupport = i % 3 != 0;
            exporter.add(event.sequence(i).team(toSupport ? "support" : "billing").cost(cost));
            if (toSupport) {
                support += cost;
            } else {
                billing += cost;
            }
        }
        exporter.add(event.kind(EventKind.SIGNAL).team("billing").cost(50_000_000L));
        billing += 50_000_000L;

        final Scrape scrape = Scrape.of(exporter.port());

        final Map<String, String> supportLabels = Map.of("team", "support", "project", "chat", "agent_type",
            "support-bot");
        final Map<String, String> billingLabels = Map.of("team", "billing", "project", "chat", "agent_type",
            "support-bot");
        assertThat(scrape.value(COST_NANOS, supportLabels)).isEqualTo((double)support);
        assertThat(scrape.value(COST_NANOS, billingLabels)).isEqualTo((double)billing);
        assertThat(scrape.value(COST_USD, supportLabels)).isCloseTo(support / 1e9, within(1e-12));
        assertThat(scrape.value(COST_USD, billingLabels)).isCloseTo(billing / 1e9, within(1e-12));
        assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
    }

    @Test
    void shouldCountInteractionDurationsIntoHistogramBuckets() throws Exception {
        exporter = ephemeral().build();
        final TestEvent event = TestEvent.bareInteraction().complexity(Complexity.MODERATE);
        for (final long millis : new long[] {3, 40, 40, 700, 4_000}) {
            exporter.add(event.latency(Duration.ofMillis(millis)));
        }
        exporter.add(event.latency(Duration.ZERO));
        exporter.add(event.complexity(Complexity.COMPLEX).latency(Duration.ofSeconds(200)));

        final Scrape scrape = Scrape.of(exporter.port());

        final Map<String, String> moderate = Map.of("agent_type", "support-bot", "complexity", "moderate");
        assertThat(scrape.value(DURATION + "_count", moderate)).isEqualTo(5);
        assertThat(scrape.value(DURATION + "_sum", moderate)).isCloseTo(4.783, within(1e-9));
        assertThat(scrape.value(DURATION + "_bucket", with(moderate, "le", "0.005"))).isEqualTo(1);
        assertThat(scrape.value(DURATION + "_bucket", with(moderate, "le", "0.05"))).isEqualTo(3);
        assertThat(scrape.value(DURATION + "_bucket", with(moderate, "le", "1.0"))).isEqualTo(4);
        assertThat(scrape.value(DURATION + "_bucket", with(moderate, "le", "5.0"))).isEqualTo(5);
        assertThat(scrape.value(DURATION + "_bucket", with(moderate, "le", "+Inf"))).isEqualTo(5);
        final Map<String, String> complex = Map.of("agent_type", "support-bot", "complexity", "complex");
        assertThat(scrape.value(DURATION + "_bucket", with(complex, "le", "120.0"))).isZero();
        assertThat(scrape.value(DURATION + "_bucket", with(complex, "le", "+Inf"))).isEqualTo(1);
        assertThat(scrape.value("genops_agent_interactions_total", Map.of("agent_type", "support-bot",
            "outcome", "ok"))).isEqualTo(7);
    }

    @Test
    void shouldFoldAgentTypesBeyondTheCapIntoOther() throws Exception {
        exporter = ephemeral().maxAgentTypes(2).build();
        final TestEvent event = TestEvent.bareInteraction().cost(10);
        for (final String agent : List.of("support-bot-1", "support-bot-2", "triage-7", "refund-1", "sales-3",
            "refund-2")) {
            exporter.add(event.agentId(agent).latency(Duration.ofMillis(10)));
        }

        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.labelValues("genops_agent_interactions_total", "agent_type"))
            .containsExactly("other", "support-bot", "triage");
        assertThat(scrape.labelValues(COST_NANOS, "agent_type")).containsExactly("other", "support-bot", "triage");
        assertThat(scrape.value(DURATION + "_count", Map.of("agent_type", "other", "complexity", "simple")))
            .isEqualTo(3);
        assertThat(scrape.value(COST_NANOS, Map.of("team", "support", "project", "chat", "agent_type", "other")))
            .isEqualTo(30);
        assertThat(scrape.value("genops_prometheus_label_overflow_total", Map.of("label", "agent_type")))
            .isEqualTo(3);
    }

    @Test
    void shouldFoldTeamsProjectsAndModelsBeyondTheirCaps() throws Exception {
        exporter = ephemeral().maxTeams(1).maxProjects(1).maxModels(1).build();
        final TestEvent event = TestEvent.bareInteraction().tokens(10, 0, 0, 5, 0).cost(1);

        exporter.add(event.team("support").project("chat").model("gpt-4o"));
        exporter.add(event.team("billing").project("voice").model("claude-sonnet"));
        exporter.add(event.team("x".repeat(10)).project("y").model("z"));

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.labelValues(COST_NANOS, "team")).containsExactly("other", "support");
        assertThat(scrape.labelValues(COST_NANOS, "project")).containsExactly("chat", "other");
        assertThat(scrape.labelValues("genops_tokens_total", "model")).containsExactly("gpt-4o", "other");
        assertThat(scrape.value("genops_tokens_total", Map.of("model", "other", "kind", "input"))).isEqualTo(20);
        assertThat(scrape.value("genops_prometheus_label_overflow_total", Map.of("label", "team"))).isEqualTo(2);
        assertThat(scrape.value("genops_prometheus_label_overflow_total", Map.of("label", "model"))).isEqualTo(2);
    }

    @Test
    void shouldCapCostLabelCombinationsIntoAllOther() throws Exception {
        exporter = ephemeral().maxCostSeries(2).build();
        final TestEvent event = TestEvent.bareInteraction().cost(5);

        exporter.add(event.team("a"));
        exporter.add(event.team("b"));
        exporter.add(event.team("c"));
        exporter.add(event.team("d"));

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.labelValues(COST_NANOS, "team")).containsExactly("a", "b", "other");
        assertThat(scrape.value(COST_NANOS, Map.of("team", "other", "project", "other", "agent_type", "other")))
            .isEqualTo(10);
        assertThat(scrape.sum(COST_NANOS, labels -> true)).isEqualTo(20);
    }

    @Test
    void shouldCountEventsByKindVerdictAndSampling() throws Exception {
        exporter = ephemeral().build();
        final TestEvent event = TestEvent.bareInteraction();

        exporter.add(event);
        exporter.add(event.sampled(false));
        exporter.add(event.policy(PolicyResult.BLOCKED));
        exporter.add(event.kind(EventKind.SIGNAL).policy(PolicyResult.WARNING).sampled(true));
        exporter.add(event.kind(EventKind.ALERT).name("high_latency").policy(PolicyResult.ALLOWED));

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.value("genops_events_total", events("interaction", "allowed", "true"))).isEqualTo(1);
        assertThat(scrape.value("genops_events_total", events("interaction", "allowed", "false"))).isEqualTo(1);
        assertThat(scrape.value("genops_events_total", events("interaction", "blocked", "false"))).isEqualTo(1);
        assertThat(scrape.value("genops_events_total", events("signal", "warning", "true"))).isEqualTo(1);
        assertThat(scrape.value("genops_events_total", events("alert", "allowed", "true"))).isEqualTo(1);
        assertThat(scrape.value("genops_events_total", events("alert", "rate_limited", "false"))).isZero();
        assertThat(scrape.sum("genops_events_total", labels -> true)).isEqualTo(5);
        assertThat(scrape.sum("genops_agent_interactions_total", labels -> true)).isEqualTo(3);
    }

    @Test
    void shouldCountEventsByAgentGroupAndKind() throws Exception {
        exporter = ephemeral().build();

        exporter.add(TestEvent.bareInteraction().group("critical"));
        exporter.add(TestEvent.bareInteraction().group("critical"));
        exporter.add(TestEvent.bareInteraction().group("critical").kind(EventKind.SIGNAL));
        exporter.add(TestEvent.bareInteraction());

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.labelValues("genops_agent_group_events_total", "agent_group"))
            .containsExactly("critical", "default");
        assertThat(scrape.value("genops_agent_group_events_total", Map.of("agent_group", "critical", "kind",
            "interaction"))).isEqualTo(2);
        assertThat(scrape.value("genops_agent_group_events_total", Map.of("agent_group", "critical", "kind",
            "signal"))).isEqualTo(1);
        assertThat(scrape.value("genops_agent_group_events_total", Map.of("agent_group", "default", "kind",
            "interaction"))).isEqualTo(1);
        assertThat(scrape.sum("genops_agent_group_events_total", labels -> true))
            .isEqualTo(scrape.sum("genops_events_total", labels -> true));
    }

    @Test
    void shouldCountTokensByDisjointKindsAndUnpricedInteractions() throws Exception {
        exporter = ephemeral().build();

        exporter.add(TestEvent.bareInteraction().tokens(1_000, 600, 100, 400, 150).unpriced(true).error("timeout"));

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.value("genops_tokens_total", Map.of("model", "gpt-4o", "kind", "input"))).isEqualTo(300);
        assertThat(scrape.value("genops_tokens_total", Map.of("model", "gpt-4o", "kind", "cache_read")))
            .isEqualTo(600);
        assertThat(scrape.value("genops_tokens_total", Map.of("model", "gpt-4o", "kind", "cache_creation")))
            .isEqualTo(100);
        assertThat(scrape.value("genops_tokens_total", Map.of("model", "gpt-4o", "kind", "output"))).isEqualTo(250);
        assertThat(scrape.value("genops_tokens_total", Map.of("model", "gpt-4o", "kind", "reasoning")))
            .isEqualTo(150);
        assertThat(scrape.sum("genops_tokens_total", labels -> true)).isEqualTo(1_400);
        assertThat(scrape.value("genops_unpriced_interactions_total", Map.of("model", "gpt-4o"))).isEqualTo(1);
        assertThat(scrape.value("genops_agent_interactions_total", Map.of("agent_type", "support-bot",
            "outcome", "error"))).isEqualTo(1);
    }

    @Test
    void shouldCountDistinctAgentsSeenWithinTheWindow() throws Exception {
        exporter = ephemeral().concurrentAgentsWindow(Duration.ofSeconds(60)).build();
        final TestEvent event = TestEvent.bareInteraction();

        exporter.add(event.agentId("support-bot-1").at(T0 - 90_000));
        exporter.add(event.agentId("support-bot-2").at(T0 - 30_000));
        exporter.add(event.agentId("support-bot-3").at(T0 - 1_000));
        exporter.add(event.agentId("support-bot-3").at(T0));
        exporter.add(event.agentId(null).at(T0));

        assertThat(Scrape.of(exporter.port()).value("genops_concurrent_agents_monitored")).isEqualTo(2);
        clock.set(T0 + 45_000);
        assertThat(Scrape.of(exporter.port()).value("genops_concurrent_agents_monitored")).isEqualTo(1);
    }

    @Test
    void shouldStopTrackingNewAgentsWhenTheTableIsFullAndCountThem() throws Exception {
        exporter = ephemeral().maxTrackedAgents(2).build();
        final TestEvent event = TestEvent.bareInteraction().at(T0);

        exporter.add(event.agentId("a-1"));
        exporter.add(event.agentId("b-1"));
        exporter.add(event.agentId("c-1"));
        exporter.add(event.agentId("a-1").at(T0 + 120_000));
        exporter.add(event.agentId("d-1"));
        clock.set(T0 + 120_000);

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.value("genops_concurrent_agents_monitored")).isEqualTo(2);
        assertThat(scrape.value("genops_prometheus_label_overflow_total", Map.of("label", "recent_agents")))
            .isEqualTo(1);
    }

    @Test
    void shouldUseTheConfiguredAgentTypeRuleAndCountEventsItCannotType() throws Exception {
        exporter = ephemeral().agentType(id -> {
            if (id.startsWith("bad")) {
                throw new IllegalStateException("no type for " + id);
            }
            return id.substring(0, id.indexOf('/'));
        }).build();

        exporter.add(TestEvent.bareInteraction().agentId("billing/eu-1"));
        exporter.add(TestEvent.bareInteraction().agentId("bad-1"));

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.labelValues("genops_agent_interactions_total", "agent_type")).containsExactly("billing");
        assertThat(scrape.value("genops_prometheus_exporter_errors_total", Map.of("source", "event"))).isEqualTo(1);
    }

    @Test
    void shouldExposeRegisteredGaugesAndCountersReadAtScrapeTime() throws Exception {
        exporter = ephemeral().build();
        final AtomicLong dropped = new AtomicLong(3);
        exporter.selfMetric(SelfMetric.DROPPED, dropped::get)
            .selfMetric(SelfMetric.EXPORTER_LAG_SECONDS, "otlp", () -> 2_500)
            .selfMetric(SelfMetric.EXPORTER_LAG_SECONDS, "raindrop", () -> 0)
            .gauge("app_queue_depth", "Items waiting", () -> 12)
            .counter("app_requests_total", "Requests served", Map.of("route", "/chat"), () -> 99);

        dropped.set(5);
        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.value("genops_pipeline_events_dropped_total")).isEqualTo(5);
        assertThat(scrape.value("genops_exporter_lag_seconds", Map.of("exporter", "otlp"))).isEqualTo(2.5);
        assertThat(scrape.value("genops_exporter_lag_seconds", Map.of("exporter", "raindrop"))).isZero();
        assertThat(scrape.value("app_queue_depth")).isEqualTo(12);
        assertThat(scrape.value("app_requests_total", Map.of("route", "/chat"))).isEqualTo(99);
    }

    @Test
    void attach_exposesThePipelinesCountsLagsAndBudgets_keepingWhatTheApplicationRegistered() throws Exception {
        exporter = ephemeral().build();
        exporter.selfMetric(SelfMetric.DROPPED, () -> 77);
        final FixedReadings pipeline = new FixedReadings().set(PipelineCount.DROPPED, 5)
            .set(PipelineCount.REJECTED_RATE_LIMITED, 4).set(PipelineCount.RING_CAPACITY, 1024);
        pipeline.exporters.add(new ExporterReading("otlp", 900, 2, 3, 40, 1_500, 4));
        pipeline.budgets.add(new BudgetReading("team=support", "daily", 750_000_000L, 1_000_000_000L));

        exporter.attach(pipeline);
        pipeline.set(PipelineCount.REJECTED_RATE_LIMITED, 6);
        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.value("genops_pipeline_events_dropped_total")).as("the application's own, kept")
            .isEqualTo(77);
        assertThat(scrape.value("genops_pipeline_events_rejected_rate_limited_total")).as("read at scrape time")
            .isEqualTo(6);
        assertThat(scrape.value("genops_pipeline_ring_capacity_slots")).isEqualTo(1024);
        assertThat(scrape.value("genops_pipeline_events_accepted_total")).isZero();
        assertThat(scrape.value("genops_exporter_events_exported_total", Map.of("exporter", "otlp"))).isEqualTo(900);
        assertThat(scrape.value("genops_exporter_lag_records", Map.of("exporter", "otlp"))).isEqualTo(40);
        assertThat(scrape.value("genops_exporter_restarts_total", Map.of("exporter", "otlp"))).isEqualTo(4);
        assertThat(scrape.value("genops_exporter_lag_seconds", Map.of("exporter", "otlp"))).isEqualTo(1.5);
        assertThat(scrape.value(MetricNames.BUDGET_UTILIZATION, Map.of("scope", "team=support", "window", "daily")))
            .isEqualTo(0.75);

        assertThat(pipeline.timings).as("asked the pipeline for its callers' timings").hasSize(1);
        pipeline.timings.get(0).interactionTracked(400);
        pipeline.timings.get(0).interactionTracked(600);
        pipeline.timings.get(0).alertCreated(2_000);
        final Scrape timed = Scrape.of(exporter.port());
        assertThat(timed.value(MetricNames.TRACKING_DURATION + "_count")).isEqualTo(2);
        assertThat(timed.value(MetricNames.TRACKING_DURATION + "_sum")).isCloseTo(1e-6, within(1e-12));
        assertThat(timed.value(MetricNames.ALERT_CREATION + "_count")).isEqualTo(1);
        assertThat(timed.value(MetricNames.SIGNAL_OVERHEAD + "_count")).isZero();
        assertThat(Arrays.stream(SelfMetric.values()).filter(m -> m.labelName() == null).map(Enum::name))
            .as("every pipeline count has its metric, and every unlabelled metric is a pipeline count")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(PipelineCount.values()).map(Enum::name).toList());
    }

    @Test
    void shouldRefuseNamesThatAreInvalidTakenOrInconsistent() {
        exporter = ephemeral().jvmMetrics(true).build();
        exporter.gauge("app_depth", "Depth", Map.of("queue", "a"), () -> 1);

        assertThatThrownBy(() -> exporter.counter("app_requests", "Requests", () -> 1))
            .hasMessageContaining("must end in _total");
        assertThatThrownBy(() -> exporter.gauge("app_requests_total", "Requests", () -> 1))
            .hasMessageContaining("must not end in");
        assertThatThrownBy(() -> exporter.gauge("app-depth", "Depth", () -> 1))
            .hasMessageContaining("app-depth");
        assertThatThrownBy(() -> exporter.counter("genops_events_total", "Events", () -> 1))
            .hasMessageContaining("already exposed");
        assertThatThrownBy(() -> exporter.gauge("process_resident_memory_bytes", "RSS", () -> 1))
            .hasMessageContaining("already exposed");
        assertThatThrownBy(() -> exporter.gauge("app_depth", "Depth", Map.of("queue", "a"), () -> 2))
            .hasMessageContaining("already has a series");
        assertThatThrownBy(() -> exporter.gauge("app_depth", "Depth", Map.of("pool", "b"), () -> 2))
            .hasMessageContaining("already registered");
        assertThatThrownBy(() -> exporter.gauge("app_other", " ", () -> 2)).hasMessageContaining("help");
        assertThatThrownBy(() -> exporter.selfMetric(SelfMetric.EXPORTER_LAG_RECORDS, () -> 1))
            .hasMessageContaining("takes the label 'exporter'");
        assertThatThrownBy(() -> exporter.selfMetric(SelfMetric.DROPPED, "otlp", () -> 1))
            .hasMessageContaining("takes no label");
    }

    @Test
    void shouldLeaveOutAFailingCallbackAndCountItWithoutFailingTheScrape() throws Exception {
        exporter = ephemeral().build();
        exporter.gauge("app_broken", "Throws", () -> {
            throw new IllegalStateException("broken");
        });
        exporter.counter("app_backwards_total", "Negative", () -> -1);
        exporter.gauge("app_fine", "Works", () -> 7);

        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.has("app_broken")).isFalse();
        assertThat(scrape.has("app_backwards_total")).isFalse();
        assertThat(scrape.value("app_fine")).isEqualTo(7);
        // The error counter is read before the callbacks in a scrape: it shows the previous scrape's failures.
        assertThat(Scrape.of(exporter.port()).value("genops_prometheus_exporter_errors_total",
            Map.of("source", "callback"))).isEqualTo(2);
    }

    @Test
    void shouldExposeBudgetStateAndUtilizationFromTheSource() throws Exception {
        exporter = ephemeral().build();
        exporter.budgets(() -> List.of(new BudgetReading("team=support", "daily", 40_000_000_000L, 50_000_000_000L),
            new BudgetReading("team=billing", "monthly", 1_000_000_000L, 0),
            new BudgetReading("team=support", "daily", 1, 1)));

        final Scrape scrape = Scrape.of(exporter.port());

        final Map<String, String> support = Map.of("scope", "team=support", "window", "daily");
        assertThat(scrape.value("genops_budget_utilization_ratio", support)).isEqualTo(0.8);
        assertThat(scrape.value("genops_budget_consumed_usd", support)).isEqualTo(40);
        assertThat(scrape.value("genops_budget_allocated_usd", support)).isEqualTo(50);
        assertThat(scrape.value("genops_budget_consumed_usd", Map.of("scope", "team=billing", "window", "monthly")))
            .isEqualTo(1);
        assertThat(scrape.labelValues("genops_budget_utilization_ratio", "scope")).containsExactly("team=support");
        assertThatThrownBy(() -> exporter.budgets(List::of)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRecordCallerSideOverheadsHandedOverByTheApplication() throws Exception {
        exporter = ephemeral().build();

        exporter.recordSignalOverhead(300);
        exporter.recordSignalOverhead(1_500);
        exporter.recordAlertCreation(20_000);

        final Scrape scrape = Scrape.of(exporter.port());
        assertThat(scrape.value("genops_performance_signal_overhead_seconds_count")).isEqualTo(2);
        assertThat(scrape.value("genops_performance_signal_overhead_seconds_bucket", Map.of("le", "5.0E-7")))
            .isEqualTo(1);
        assertThat(scrape.value("genops_alert_creation_duration_seconds_sum")).isCloseTo(2e-5, within(1e-15));
        assertThatThrownBy(() -> exporter.recordAlertCreation(-1)).hasMessageContaining("nanos");
    }

    @Test
    void shouldExposeProcessMemoryThroughTheJvmMetrics() throws Exception {
        exporter = ephemeral().jvmMetrics(true).build();

        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.value("process_resident_memory_bytes")).isPositive();
        assertThat(scrape.sum("jvm_memory_used_bytes", labels -> "heap".equals(labels.get("area")))).isPositive();
    }

    @Test
    void shouldExposeProcessMemoryByAreaUnderAGenopsName_withoutTheJvmSeries() throws Exception {
        final Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9999999 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n");
        exporter = ephemeral().procStatus(status).build();

        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.value(PROCESS_MEMORY, Map.of("area", "resident"))).as("123456 KiB")
            .isEqualTo(123_456 * 1024.0);
        assertThat(scrape.value(PROCESS_MEMORY, Map.of("area", "heap"))).isPositive()
            .isLessThanOrEqualTo(Runtime.getRuntime().totalMemory());
        assertThat(scrape.value(PROCESS_MEMORY, Map.of("area", "nonheap"))).isPositive();
        assertThat(scrape.labelValues(PROCESS_MEMORY, "area")).containsExactly("heap", "nonheap", "resident");
        assertThat(scrape.body()).doesNotContain("process_resident_memory_bytes").doesNotContain("jvm_memory");
    }

    @Test
    void processMemory_withoutAStatusFile_leavesTheResidentSeriesOutAndCountsNothing() throws Exception {
        exporter = ephemeral().procStatus(dir.resolve("absent")).build();

        Scrape.of(exporter.port());
        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.labelValues(PROCESS_MEMORY, "area")).containsExactly("heap", "nonheap");
        assertThat(scrape.value("genops_prometheus_exporter_errors_total", Map.of("source", "process_memory")))
            .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Name:\tjava\n", "VmRSS:\t12 MB\n", "VmRSS:\tmany kB\n", "VmRSS:\n",
        "VmRSS:\t99999999999999999 kB\n"})
    void processMemory_ofAStatusFileItCannotRead_leavesTheResidentSeriesOutAndCountsIt(final String text)
        throws Exception {
        final Path status = dir.resolve("status");
        Files.writeString(status, text);
        exporter = ephemeral().procStatus(status).build();

        Scrape.of(exporter.port());
        final Scrape scrape = Scrape.of(exporter.port());

        assertThat(scrape.labelValues(PROCESS_MEMORY, "area")).containsExactly("heap", "nonheap");
        assertThat(scrape.value("genops_prometheus_exporter_errors_total", Map.of("source", "process_memory")))
            .as("one failed read per scrape, the second scrape showing the first").isEqualTo(1);
    }

    /** Both read the same line of the real file within one scrape; only the memory touched in between differs. */
    @Test
    void processMemory_onLinux_agreesWithTheClientsResidentMemory() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc/self/status here");
        exporter = ephemeral().jvmMetrics(true).build();

        final Scrape scrape = Scrape.of(exporter.port());

        final double resident = scrape.value(PROCESS_MEMORY, Map.of("area", "resident"));
        assertThat(resident).isCloseTo(scrape.value("process_resident_memory_bytes"), within(resident / 10));
    }

    @Test
    void shouldUseARegistryOfItsOwn() throws Exception {
        exporter = ephemeral().build();
        try (PrometheusExporter second = ephemeral().name("prometheus-2").build()) {
            exporter.add(TestEvent.bareInteraction().cost(9));

            assertThat(second.registry()).isNotSameAs(exporter.registry());
            assertThat(Scrape.of(second.port()).sum(COST_NANOS, labels -> true)).isZero();
            assertThat(Scrape.of(exporter.port()).sum(COST_NANOS, labels -> true)).isEqualTo(9);
        }
    }

    @Test
    void close_afterClose_stopsTheEndpointAndIsIdempotent() throws Exception {
        exporter = ephemeral().build();
        final int port = exporter.port();

        exporter.close();
        exporter.close();

        assertThatThrownBy(() -> Scrape.of(port)).isInstanceOf(ConnectException.class);
    }

    @Test
    void close_withNoTimeLeft_doesNotWaitForAScrapeUnderWay() throws Exception {
        exporter = ephemeral().build();
        final int port = exporter.port();
        try (Socket scraper = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // A scraper that has sent half a request and stalls: the server holds the connection open.
            scraper.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(
                StandardCharsets.US_ASCII));
            scraper.getOutputStream().flush();
            Thread.sleep(100);

            final long started = System.nanoTime();
            exporter.close(Duration.ZERO);
            final long tookNanos = System.nanoTime() - started;

            assertThat(tookNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
            assertThatThrownBy(() -> Scrape.of(port)).isInstanceOf(ConnectException.class);
            scraper.setSoTimeout(2_000);
            assertThat(scraper.getInputStream().read()).as("the stalled scrape's connection was closed, unanswered")
                .isEqualTo(-1);
        }
    }

    @Test
    void build_portInUse_failsNamingTheAddress() {
        exporter = ephemeral().build();

        assertThatThrownBy(() -> PrometheusExporter.builder().port(exporter.port()).jvmMetrics(false).build())
            .isInstanceOf(UncheckedIOException.class).hasMessageContaining("127.0.0.1:" + exporter.port());
    }

    @Test
    void builder_badSettings_failNamingTheSetting() {
        final PrometheusExporter.Builder builder = PrometheusExporter.builder();

        assertThatThrownBy(() -> builder.port(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> builder.maxAgentTypes(0)).hasMessageContaining("maxAgentTypes");
        assertThatThrownBy(() -> builder.maxTeams(1_000_000)).hasMessageContaining("maxTeams");
        assertThatThrownBy(() -> builder.host(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> builder.concurrentAgentsWindow(Duration.ofMillis(10)))
            .hasMessageContaining("concurrentAgentsWindow");
        assertThatThrownBy(() -> builder.name("")).hasMessageContaining("name");
        assertThatThrownBy(() -> builder.name("metrics/../../x")).hasMessageContaining("position file");
    }

    private static Map<String, String> events(final String kind, final String policy, final String sampled) {
        return Map.of("kind", kind, "policy_result", policy, "sampled", sampled);
    }

    private static Map<String, String> with(final Map<String, String> labels, final String name, final String value) {
        final Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(name, value);
        return all;
    }
}
