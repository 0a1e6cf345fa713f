package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.AlertRule;
import io.genops.core.event.AlertScope;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windowed rules, scopes, cooldowns per key, rules from configuration and the journaling of firings. */
class AlertRulesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** 0.003 USD on the test tables: 0.001 input, 0.001 output, 0.001 platform. */
    private static final Interaction CALL = Interaction.builder().model(TestTables.MODEL)
        .inputTokens(1000).outputTokens(500).latency(Duration.ofMillis(400)).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final CapturingChannel ops = new CapturingChannel("ops");

    private GenOpsBuilder builder() {
        return TestTables.builder().clock(clock).alertChannel(ops).alertBatchAge(Duration.ofMillis(5));
    }

    /** Waits until every event passed every stage, every alert was delivered, and its firing was processed. */
    private static void settle(final GenOps genops) {
        assertThat(genops.flush(WAIT)).isTrue();
        assertThat(genops.awaitAlerts(WAIT)).isTrue();
        assertThat(genops.flush(WAIT)).isTrue();
    }

    private static Interaction latency(final long millis) {
        return Interaction.builder().model(TestTables.MODEL).inputTokens(10).latency(Duration.ofMillis(millis))
            .build();
    }

    @Test
    void costRatePerTeam_firesOnceWhenCrossing_andEachTeamHasItsOwnState() {
        final AlertRule rule = AlertRule.builder().condition("cost_usd_per_minute > 0.01").scope(AlertScope.TEAM)
            .window(Duration.ofMinutes(1)).cooldown(Duration.ofMinutes(10)).channel("ops").build();
        try (GenOps genops = builder().alertRule("team_spend", rule).build();
             MonitoringSession support = genops.openSession("s", Attribution.team("support"));
             MonitoringSession sales = genops.openSession("s", Attribution.team("sales"))) {
            for (int i = 0; i < 3; i++) {
                support.trackInteraction("bot", CALL);
                sales.trackInteraction("bot", CALL);
            }
            settle(genops);
            assertThat(ops.alerts()).as("0.009 USD in the minute is under the threshold").isEmpty();

            for (int i = 0; i < 10; i++) {
                support.trackInteraction("bot", CALL);
            }
            sales.trackInteraction("bot", CALL);
            settle(genops);

            assertThat(ops.alerts()).extracting(FiredAlert::scope).containsExactly("team=support", "team=sales");
            assertThat(ops.alerts()).allSatisfy(alert -> {
                assertThat(alert.metric()).isEqualTo("cost_usd_per_minute");
                assertThat(alert.value()).isCloseTo(0.012, within(1e-12));
                assertThat(alert.message()).contains("over the last 1m");
            });
            assertThat(genops.metrics().alertsSuppressed()).as("support matched 9 more times").isEqualTo(9);

            clock.advance(Duration.ofMinutes(5));
            for (int i = 0; i < 5; i++) {
                support.trackInteraction("bot", CALL);
            }
            settle(genops);
            assertThat(ops.alerts()).as("crossed again, but within the cooldown").hasSize(2);

            clock.advance(Duration.ofMinutes(6));
            for (int i = 0; i < 5; i++) {
                support.trackInteraction("bot", CALL);
            }
            settle(genops);
            assertThat(ops.alerts()).as("after the cooldown a match fires again").hasSize(3);
            assertThat(genops.metrics().alerts().stateKeys()).isEqualTo(2);
        }
    }

    @Test
    void latencyP95_firesWhenTheWindowsP95Crosses_notOnASingleOutlier() {
        final AlertRule rule = AlertRule.builder().condition("latency_ms_p95 > 2000").window(Duration.ofMinutes(5))
            .channel("ops").build();
        try (GenOps genops = builder().alertRule("slow_p95", rule).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 39; i++) {
                session.trackInteraction("bot", latency(500));
            }
            session.trackInteraction("bot", latency(30_000));
            settle(genops);
            assertThat(ops.alerts()).as("p95 of 40 is the 38th smallest: 500 ms").isEmpty();

            for (int i = 0; i < 10; i++) {
                session.trackInteraction("bot", latency(3_000));
            }
            settle(genops);

            assertThat(ops.alerts()).hasSize(1);
            final FiredAlert alert = ops.alerts().get(0);
            assertThat(alert.scope()).isEqualTo("global");
            assertThat(alert.metric()).isEqualTo("latency_ms_p95");
            assertThat(alert.value()).isCloseTo(3_000, within(3_000 * 0.06));

            final long suppressed = genops.metrics().alertsSuppressed();
            clock.advance(Duration.ofMinutes(6));
            for (int i = 0; i < 40; i++) {
                session.trackInteraction("bot", latency(500));
            }
            settle(genops);
            assertThat(ops.alerts()).as("the slow calls left the window").hasSize(1);
            assertThat(genops.metrics().alertsSuppressed()).isEqualTo(suppressed);
        }
    }

    @Test
    void errorRate_overAWindow_firesPerTeamOnceEnoughCallsFailed() {
        final AlertRule rule = AlertRule.builder().condition("error_rate > 0.2").scope("team")
            .window(Duration.ofMinutes(1)).minSamples(10).channel("ops").build();
        final Interaction failed = Interaction.builder().model(TestTables.MODEL).inputTokens(10).error("timeout")
            .build();
        try (GenOps genops = builder().alertRule("errors", rule).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            session.trackInteraction("bot", failed);
            session.trackInteraction("bot", failed);
            session.trackInteraction("bot", failed);
            settle(genops);
            assertThat(ops.alerts()).as("3 of 3 failed, but 10 calls are needed").isEmpty();

            for (int i = 0; i < 9; i++) {
                session.trackInteraction("bot", CALL);
            }
            settle(genops);
            assertThat(ops.alerts()).as("3 of 10 is 0.3; 3 of 11 and of 12 are suppressed").hasSize(1);
            assertThat(ops.alerts().get(0).value()).isEqualTo(0.3);
            assertThat(ops.alerts().get(0).scope()).isEqualTo("team=support");

            clock.advance(Duration.ofMinutes(2));
            for (int i = 0; i < 20; i++) {
                session.trackInteraction("bot", CALL);
            }
            session.trackInteraction("bot", failed);
            settle(genops);
            assertThat(ops.alerts()).as("the old failures left the window").hasSize(1);
            assertThat(genops.metrics().alertsSuppressed()).isEqualTo(2);
        }
    }

    @Test
    void signalOverThreshold_firesWhenASignalPassesItsOwnThreshold() {
        final AlertRule rule = AlertRule.builder().condition("signal_over_threshold > 0").scope(AlertScope.AGENT)
            .cooldown(Duration.ZERO).channel("ops").build();
        try (GenOps genops = builder().alertRule("over_threshold", rule).build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackSignal("error_ratio", PerformanceSignal.builder().agentId("bot-1").value(0.5).threshold(0.8)
                .build());
            session.trackSignal("error_ratio", PerformanceSignal.builder().agentId("bot-1").value(0.9).build());
            session.trackSignal("error_ratio", PerformanceSignal.builder().agentId("bot-1").value(0.9).threshold(0.8)
                .build());
            session.trackSignal("queue_depth", PerformanceSignal.builder().value(900).threshold(100).build());
            settle(genops);

            assertThat(ops.alerts()).as("a signal without an agent has no key in the agent scope").hasSize(1);
            final FiredAlert alert = ops.alerts().get(0);
            assertThat(alert.scope()).isEqualTo("agent=bot-1");
            assertThat(alert.value()).isEqualTo(0.9);
            assertThat(alert.threshold()).isEqualTo(0.8);
            assertThat(alert.message()).contains("signal error_ratio");
        }
    }

    @Test
    void budgetUtilization_customThreshold_firesOncePerTeamAtItsOwnPercent() {
        final AlertRule rule = AlertRule.builder().condition("budget_utilization_percent >= 65")
            .scope(AlertScope.TEAM).cooldown(Duration.ofHours(24)).channel("ops").build();
        try (GenOps genops = builder().dailyBudget("support", Money.usd("0.03")).alertRule("budget_65", rule).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            for (int i = 0; i < 6; i++) {
                session.trackInteraction("bot", CALL);
            }
            settle(genops);
            assertThat(ops.alerts()).as("60 %").isEmpty();

            for (int i = 0; i < 6; i++) {
                session.trackInteraction("bot", CALL);
            }
            settle(genops);

            assertThat(ops.alerts()).hasSize(1);
            final FiredAlert alert = ops.alerts().get(0);
            assertThat(alert.value()).isCloseTo(70.0, within(1e-9));
            assertThat(alert.threshold()).isEqualTo(65.0);
            assertThat(alert.message()).contains("team=support daily budget");
        }
    }

    @Test
    void eightProducersCrossingAtOnce_yieldExactlyOneAlert() throws Exception {
        final AlertRule rule = AlertRule.builder().condition("cost_usd_per_minute > 0.05")
            .window(Duration.ofMinutes(1)).cooldown(Duration.ofHours(1)).channel("ops").build();
        try (GenOps genops = builder().alertRule("burst", rule).build();
             MonitoringSession session = genops.openSession("s")) {
            final CountDownLatch start = new CountDownLatch(1);
            final ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                final List<Future<?>> producers = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    producers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 50; i++) {
                            session.trackInteraction("bot", CALL);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (final Future<?> producer : producers) {
                    producer.get();
                }
            } finally {
                pool.shutdownNow();
            }
            settle(genops);

            assertThat(ops.alerts()).hasSize(1);
            assertThat(genops.metrics().alertsFired()).isEqualTo(1);
            assertThat(genops.metrics().alertsSuppressed()).as("every later call of the 400 matched too")
                .isEqualTo(400 - 17);
        }
    }

    @Test
    void rulesFromConfiguration_fireWithoutCreateAlert_andFiringsArePricedAndJournaled() {
        final List<String> firings = new CopyOnWriteArrayList<>();
        final PipelineStage watch = new PipelineStage() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                if (event.kind() == EventKind.ALERT) {
                    firings.add(event.name() + "/" + event.team() + "/" + event.costNanos() + "/"
                        + event.channelCount());
                }
            }
        };
        final AlertRule rule = AlertRule.builder().condition("latency_ms > 2000").channel("ops").build();
        try (GenOps genops = builder().stage(watch).alertRule("slow_call", rule).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            session.trackInteraction("bot", latency(2500));
            settle(genops);

            assertThat(ops.alerts()).extracting(FiredAlert::rule).containsExactly("slow_call");
            assertThat(firings).as("priced at the flat table's 0.1 USD, charged to the client's team")
                .containsExactly("slow_call/platform/100000000/1");
            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.alerts().journaled()).isEqualTo(1);
            assertThat(metrics.alerts().unjournaled()).isZero();
            assertThat(metrics.processed()).isEqualTo(2);
            assertThat(metrics.costByTeam()).containsEntry("platform", Money.usd("0.1"));
        }
    }

    @Test
    void theJournal_tellsARulesFiring_withItsValueAndThreshold_fromTheRulesCreation(@TempDir final Path journal) {
        final AlertRule rule = AlertRule.builder().condition("latency_ms > 2000").channel("ops").build();
        try (GenOps genops = builder().journal(journal).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            assertThat(session.createAlert("slow_call", rule)).isTrue();
            session.trackInteraction("bot", latency(2500));
            settle(genops);
        }

        final List<String> alerts = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (record.kind() == EventKind.ALERT) {
                    alerts.add(record.name() + (record.alertFired() ? " fired at " + record.value() + " over "
                        + record.threshold() : " created"));
                }
            });
        }
        assertThat(alerts).containsExactly("slow_call created", "slow_call fired at 2500.0 over 2000.0");
    }

    @Test
    void ruleStates_stayUnderTheCap_withManyAgents() {
        final AlertRule rule = AlertRule.builder().condition("latency_ms_p95 > 60000").scope(AlertScope.AGENT)
            .channel("ops").build();
        try (GenOps genops = builder().alertRule("agent_p95", rule).maxAlertStateKeys(1_000).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int agent = 0; agent < 5_000; agent++) {
                session.trackInteraction("agent-" + agent, CALL);
            }
            settle(genops);

            final AlertMetrics alerts = genops.metrics().alerts();
            assertThat(alerts.stateKeys()).isEqualTo(1_000);
            assertThat(alerts.keysEvicted()).isEqualTo(4_000);
        }
    }

    @Test
    void ruleStates_evictTheLeastRecentlySeenKey() {
        final AlertRule rule = AlertRule.builder().condition("latency_ms > 1000").scope(AlertScope.AGENT)
            .cooldown(Duration.ofHours(1)).channel("ops").build();
        try (GenOps genops = builder().alertRule("slow_agent", rule).maxAlertStateKeys(3).build();
             MonitoringSession session = genops.openSession("s")) {
            for (final String agent : List.of("a", "b", "c", "a", "d", "b", "a")) {
                session.trackInteraction(agent, latency(1500));
            }
            settle(genops);

            assertThat(ops.alerts()).extracting(FiredAlert::scope).as("d evicts b, the oldest; b back evicts c")
                .containsExactly("agent=a", "agent=b", "agent=c", "agent=d", "agent=b");
            assertThat(genops.metrics().alertsSuppressed()).as("a, seen again each time, keeps its cooldown")
                .isEqualTo(2);
            assertThat(genops.metrics().alerts().keysEvicted()).isEqualTo(2);
        }
    }

    @Test
    void rejectionRate_countsCallsRefusedByAnEnforcedBudget() {
        final AlertRule rule = AlertRule.builder().condition("rejection_rate >= 0.5").window(Duration.ofMinutes(1))
            .minSamples(4).channel("ops").build();
        try (GenOps genops = builder().policy(GovernancePolicy.ENFORCED).dailyBudget("support", Money.usd("0.006"))
            .alertRule("refusals", rule).build();
             MonitoringSession support = genops.openSession("s", Attribution.team("support"));
             MonitoringSession sales = genops.openSession("s", Attribution.team("sales"))) {
            support.trackInteraction("bot", CALL);
            support.trackInteraction("bot", CALL);
            assertThat(genops.flush(WAIT)).isTrue();
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> support.trackInteraction("bot", CALL))
                    .isInstanceOf(BudgetExceededException.class);
            }
            sales.trackInteraction("bot", CALL);
            settle(genops);

            assertThat(ops.alerts()).as("3 refused of 6 calls").hasSize(1);
            assertThat(ops.alerts().get(0).value()).isEqualTo(0.5);
        }
    }

    @Test
    void alertRule_refusesARejectionRateOutsideTheGlobalScope() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().condition("rejection_rate > 0.1")
            .scope(AlertScope.TEAM).build()).withMessageContaining("global scope");
        assertThatIllegalArgumentException().isThrownBy(() -> AlertRule.builder().window(Duration.ofMillis(10)))
            .withMessageContaining("window");
    }
}
