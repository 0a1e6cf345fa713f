package io.genops.exporters.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genops.core.event.EventKind;
import io.genops.core.export.BudgetReading;
import io.genops.core.export.ExportResult;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import io.genops.exporters.FixedReadings;
import io.genops.exporters.testing.TestEvent;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exporter's metrics, as a real OTLP/HTTP receiver decodes them. */
class OtlpExporterMetricsTest {
    private OtlpHttpReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = OtlpHttpReceiver.create();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private OtlpExporter.Builder builder() {
        return OtlpExporter.builder().endpoint(receiver.endpoint()).timeout(Duration.ofSeconds(10));
    }

    @Test
    void metrics_countEveryEvent_sampledOrNot_andCostSumsToTheNanodollar() {
        final List<TestEvent> events = mixedEvents(300);
        try (OtlpExporter exporter = builder().build()) {
            TestEvent.feed(exporter, events.subList(0, 100));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            TestEvent.feed(exporter, events.subList(100, 300));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }

        final Metric costNanos = metric("genops.cost.nanos");
        assertThat(costNanos.getSum().getIsMonotonic()).isTrue();
        assertThat(costNanos.getSum().getAggregationTemporality())
            .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
        assertThat(costNanos.getUnit()).isEqualTo("{nUSD}");
        assertThat(sum(costNanos, p -> true)).isEqualTo(total(events, TestEvent::costNanos));
        assertThat(metric("genops.cost").getSum().getDataPointsList().stream().mapToDouble(NumberDataPoint::getAsDouble)
            .sum()).isCloseTo(total(events, TestEvent::costNanos) / 1e9, within(1e-9));

        final Metric counted = metric("genops.events");
        assertThat(sum(counted, p -> true)).isEqualTo(300);
        assertThat(sum(counted, p -> "interaction".equals(attribute(p, "genops.event.kind"))))
            .isEqualTo(events.stream().filter(e -> e.kind() == EventKind.INTERACTION).count());
        assertThat(sum(counted, p -> "BLOCKED".equals(attribute(p, "genops.policy.result"))
            && "BUDGET_EXCEEDED".equals(attribute(p, "genops.policy.reason"))))
            .as("policy outcomes by result")
            .isEqualTo(events.stream().filter(e -> e.policyResult() == PolicyResult.BLOCKED).count());
        assertThat(sum(counted, p -> "team-1".equals(attribute(p, "genops.team"))))
            .isEqualTo(events.stream().filter(e -> "team-1".equals(e.team())).count());
        assertThat(sum(counted, p -> "critical".equals(attribute(p, "genops.agent_group"))))
            .as("events by agent group").isEqualTo(events.stream().filter(e -> "critical".equals(e.group())).count());
        assertThat(receiver.received.spans().size()).as("only sampled interactions become spans")
            .isLessThan((int)events.stream().filter(e -> e.kind() == EventKind.INTERACTION).count());
    }

    @Test
    void tokensAndDurations_areCountedByTypeAndInHistograms() {
        final List<TestEvent> events = mixedEvents(200);
        try (OtlpExporter exporter = builder().build()) {
            TestEvent.feed(exporter, events);
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }
        final List<TestEvent> interactions = events.stream().filter(e -> e.kind() == EventKind.INTERACTION).toList();

        final Metric tokens = metric("genops.tokens");
        assertThat(sum(tokens, p -> "input".equals(attribute(p, "genops.token.type"))))
            .isEqualTo(total(interactions, e -> e.inputTokens()));
        assertThat(sum(tokens, p -> "output".equals(attribute(p, "genops.token.type"))))
            .isEqualTo(total(interactions, e -> e.outputTokens()));
        assertThat(sum(tokens, p -> "cache_read".equals(attribute(p, "genops.token.type"))))
            .isEqualTo(total(interactions, e -> e.cacheReadTokens()));
        assertThat(sum(tokens, p -> "cache_creation".equals(attribute(p, "genops.token.type"))))
            .isEqualTo(total(interactions, e -> e.cacheCreationTokens()));
        assertThat(sum(tokens, p -> "reasoning".equals(attribute(p, "genops.token.type"))))
            .isEqualTo(total(interactions, e -> e.reasoningTokens()));

        final Metric duration = metric("gen_ai.client.operation.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        final List<HistogramDataPoint> durations = duration.getHistogram().getDataPointsList();
        assertThat(durations.stream().mapToLong(HistogramDataPoint::getCount).sum()).as("timed interactions only")
            .isEqualTo(interactions.stream().filter(e -> e.latencyNanos() > 0).count())
            .isLessThan(interactions.size());
        assertThat(durations.stream().mapToDouble(HistogramDataPoint::getSum).sum())
            .isCloseTo(total(interactions, e -> e.latencyNanos()) / 1e9, within(1e-6));
        assertThat(durations).allSatisfy(point -> {
            assertThat(point.getExplicitBoundsList()).startsWith(0.01, 0.02, 0.04).endsWith(81.92);
            assertThat(point.getBucketCountsList().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(point.getCount());
            assertThat(Received.attributes(point.getAttributesList())).containsEntry("gen_ai.operation.name",
                "invoke_agent");
        });

        final List<HistogramDataPoint> usage = metric("gen_ai.client.token.usage").getHistogram().getDataPointsList();
        assertThat(usage.stream().filter(p -> "input".equals(Received.attributes(p.getAttributesList())
            .get("gen_ai.token.type"))).mapToDouble(HistogramDataPoint::getSum).sum())
            .isEqualTo((double)total(interactions, e -> e.inputTokens()));
    }

    @Test
    void seriesLimit_sendsFurtherCombinationsToTheOverflowSeries_keepingTotalsExact() {
        final List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            final TestEvent event = TestEvent.interaction(i, "s", "bot");
            event.team("team-" + (i % 5));
            events.add(event);
        }
        final OtlpExporterStats stats;
        try (OtlpExporter exporter = builder().maxMetricSeries(2).build()) {
            TestEvent.feed(exporter, events);
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            stats = exporter.stats();
        }

        final Metric counted = metric("genops.events");
        assertThat(counted.getSum().getDataPointsList()).hasSize(3);
        assertThat(sum(counted, p -> true)).isEqualTo(50);
        assertThat(sum(counted, p -> Boolean.TRUE.equals(Received.attributes(p.getAttributesList())
            .get("otel.metric.overflow")))).isEqualTo(30).isEqualTo(stats.overflowEvents());
        assertThat(sum(metric("genops.cost.nanos"), p -> true)).isEqualTo(total(events, TestEvent::costNanos));
    }

    @Test
    void gauges_areExportedWithTheMetrics_andABrokenOneIsSkipped() {
        try (OtlpExporter exporter = builder().build()) {
            exporter.gauge("app.queue.depth", "Requests waiting", "{request}", () -> 42);
            exporter.gauge("genops.broken", "", "", () -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(() -> exporter.gauge("app.queue.depth", "", "", () -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already taken");
            assertThatThrownBy(() -> exporter.gauge("genops.events", "", "", () -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already taken");
            assertThatThrownBy(() -> exporter.gauge("genops.export.lag", "", "", () -> 1))
                .as("the pipeline figures' names are taken too").hasMessageContaining("already taken");
            assertThatThrownBy(() -> exporter.gauge("1bad name", "", "", () -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gauge name '1bad name'");
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }

        final Metric depth = metric("app.queue.depth");
        assertThat(depth.getGauge().getDataPoints(0).getAsInt()).isEqualTo(42);
        assertThat(depth.getUnit()).isEqualTo("{request}");
        assertThat(receiver.received.lastMetric("genops.broken")).isEmpty();
    }

    @Test
    void attachedPipelineFigures_goOutWithTheMetrics_dropsRefusalsBudgetsAndLag() {
        final FixedReadings pipeline = new FixedReadings().set(PipelineCount.DROPPED, 3)
            .set(PipelineCount.REJECTED_BUDGET, 7).set(PipelineCount.REJECTED_RATE_LIMITED, 2)
            .set(PipelineCount.REJECTED_INVALID, 1);
        pipeline.exporters.add(new ExporterReading("otlp", 10, 0, 0, 120, 2_500, 3));
        pipeline.budgets.add(new BudgetReading("team=support", "daily", 250_000_000L, 1_000_000_000L));
        pipeline.budgets.add(new BudgetReading("team=ops", "daily", 5L, 0L));
        try (OtlpExporter exporter = builder().build()) {
            exporter.attach(pipeline);
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
        }

        final Metric dropped = metric("genops.pipeline.events.dropped");
        assertThat(dropped.getSum().getIsMonotonic()).isTrue();
        assertThat(sum(dropped, p -> true)).isEqualTo(3);
        final Metric rejected = metric("genops.pipeline.events.rejected");
        assertThat(sum(rejected, p -> "budget".equals(attribute(p, "genops.rejection.reason")))).isEqualTo(7);
        assertThat(sum(rejected, p -> "rate_limit".equals(attribute(p, "genops.rejection.reason")))).isEqualTo(2);
        assertThat(sum(rejected, p -> "invalid".equals(attribute(p, "genops.rejection.reason")))).isEqualTo(1);
        final Metric utilization = metric("genops.budget.utilization");
        assertThat(utilization.getGauge().getDataPointsList()).as("only budgets with a limit").singleElement()
            .satisfies(point -> {
                assertThat(point.getAsDouble()).isEqualTo(0.25);
                assertThat(Received.attributes(point.getAttributesList())).containsEntry("genops.budget.scope",
                    "team=support").containsEntry("genops.budget.window", "daily");
            });
        assertThat(metric("genops.export.lag").getGauge().getDataPoints(0).getAsInt()).isEqualTo(120);
        assertThat(metric("genops.export.delay").getGauge().getDataPoints(0).getAsDouble()).isEqualTo(2.5);
        assertThat(sum(metric("genops.export.restarts"), p -> true)).isEqualTo(3);
        assertThat(Received.attributes(metric("genops.export.lag").getGauge().getDataPoints(0).getAttributesList()))
            .containsEntry("genops.exporter", "otlp");
    }

    @Test
    void figuresThatCannotBeRead_areLeftOut_whileTheEventMetricsGoOut() {
        final FixedReadings broken = new FixedReadings() {
            @Override
            public List<BudgetReading> budgets() {
                throw new IllegalStateException("journal closed");
            }
        };
        try (OtlpExporter exporter = builder().build()) {
            exporter.attach(broken);
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            assertThat(exporter.stats().failedMetricExports()).isZero();
        }
        assertThat(receiver.received.lastMetric("genops.events")).isPresent();
        assertThat(receiver.received.lastMetric("genops.pipeline.events.dropped")).as("no half of the figures")
            .isEmpty();
    }

    @Test
    void metrics_goOutWithTheFirstSend_thenAtMostOncePerInterval_andAtClose() {
        try (OtlpExporter exporter = builder().metricInterval(Duration.ofHours(1)).build()) {
            for (int i = 0; i < 5; i++) {
                TestEvent.feed(exporter, TestEvent.interaction(i, "s", "bot"));
                assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            }
            assertThat(receiver.received.metrics).hasSize(1);
            assertThat(exporter.stats().metricExports()).isEqualTo(1);
        }
        assertThat(receiver.received.metrics).hasSize(2);
        assertThat(sum(metric("genops.events"), p -> true)).as("close exports the final totals").isEqualTo(5);
    }

    @Test
    void idle_exportsThePipelinesFiguresOncePerInterval_soRefusalsMoveWhileNothingIsJournaled() {
        final FixedReadings pipeline = new FixedReadings().set(PipelineCount.REJECTED_BUDGET, 7);
        try (OtlpExporter exporter = builder().metricInterval(Duration.ofMillis(300)).build()) {
            exporter.attach(pipeline);
            exporter.idle();
            awaitMetricRequests(1);
            exporter.idle();
            pipeline.set(PipelineCount.REJECTED_BUDGET, 9);
            exporter.idle();
            assertThat(receiver.received.metrics).as("not again within the interval").hasSize(1);

            sleepMillis(350);
            exporter.idle();
            awaitMetricRequests(2);
            final Metric rejected = metric("genops.pipeline.events.rejected");
            assertThat(sum(rejected, p -> "budget".equals(attribute(p, "genops.rejection.reason")))).isEqualTo(9);
            final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (exporter.stats().metricExports() < 2) {
                assertThat(System.nanoTime()).as("the answers are collected by later calls").isLessThan(deadline);
                exporter.idle();
                sleepMillis(5);
            }
            assertThat(receiver.received.metrics).as("and no export started meanwhile").hasSize(2);
            assertThat(exporter.stats().sends()).as("no batch was sent").isZero();
        }
    }

    private void awaitMetricRequests(final int count) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (receiver.received.metrics.size() < count) {
            assertThat(System.nanoTime()).as("%d metric requests arrive", count).isLessThan(deadline);
            sleepMillis(5);
        }
    }

    private static void sleepMillis(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aFailedMetricExport_neverHoldsTheBatchBack() {
        receiver.failing.put("/v1/metrics", 500);
        try (OtlpExporter exporter = builder().build()) {
            TestEvent.feed(exporter, TestEvent.interaction(1, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            assertThat(exporter.stats().failedMetricExports()).isEqualTo(1);

            receiver.failing.clear();
            TestEvent.feed(exporter, TestEvent.interaction(2, "s", "bot"));
            assertThat(exporter.send()).isEqualTo(ExportResult.SUCCESS);
            assertThat(exporter.stats().metricExports()).as("a failed export is tried again at the next send")
                .isEqualTo(1);
        }
        assertThat(sum(metric("genops.events"), p -> true)).isEqualTo(2);
    }

    /** Interactions over two teams and three models, some unsampled, blocked or cached, plus signals and alerts. */
    private static List<TestEvent> mixedEvents(final int count) {
        final List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final TestEvent event;
            if (i % 10 == 9) {
                event = TestEvent.signal(i, "s" + i % 7, "latency_ms", i);
            } else if (i % 25 == 24) {
                event = TestEvent.alert(i, "cost-spike", 2);
            } else {
                event = TestEvent.interaction(i, "s" + i % 7, "bot-" + i % 3);
                event.model("model-" + i % 3);
                event.cacheReadTokens(i % 4 == 0 ? 30 : 0);
                event.cacheCreationTokens(i % 5 == 0 ? 7 : 0);
                event.reasoningTokens(i % 2);
                // The journal keeps microseconds; every eighth interaction reports no latency at all.
                event.latencyNanos(i % 8 == 0 ? 0 : 3_000_000L * i + 17_000);
                event.modelCostNanos(1_234_567_891L + i * 3L);
            }
            event.team("team-" + i % 2);
            if (i % 4 == 0) {
                event.group("critical");
            }
            event.sampled(i % 3 != 0);
            if (i % 11 == 0) {
                event.policy(PolicyResult.BLOCKED, PolicyReason.BUDGET_EXCEEDED);
            }
            events.add(event);
        }
        return events;
    }

    private Metric metric(final String name) {
        return receiver.received.lastMetric(name)
            .orElseThrow(() -> new AssertionError("no metric " + name + " was received"));
    }

    private static long sum(final Metric metric, final Predicate<NumberDataPoint> which) {
        return metric.getSum().getDataPointsList().stream().filter(which).mapToLong(NumberDataPoint::getAsInt).sum();
    }

    private static Object attribute(final NumberDataPoint point, final String key) {
        return Received.attributes(point.getAttributesList()).get(key);
    }

    private static long total(final List<TestEvent> events, final ToLongFunction<TestEvent> field) {
        return events.stream().mapToLong(field).sum();
    }
}
