package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.alert.FiredAlert;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.event.Severity;
import io.genops.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SamplingAndAlertsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void sampling_decidesExportOnly_andAccountingSeesEverything() {
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        try (GenOps genops = TestTables.builder().samplingRate(EventKind.INTERACTION, 0.1).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 20_000; i++) {
                session.trackInteraction("bot", interaction);
            }
            assertThat(genops.flush(WAIT)).isTrue();

            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.sampledIn() + metrics.sampledOut()).isEqualTo(20_000);
            assertThat(metrics.sampledIn()).isBetween(1_600L, 2_400L);
            assertThat(metrics.totalCost()).isEqualTo(Money.usdNanos(20_000L * 3_000_000));
        }
    }

    @Test
    void sampling_byConversation_keepsOrDropsAConversationWhole() {
        final Map<String, Boolean> decisions = new ConcurrentHashMap<>();
        final Map<String, Boolean> mixed = new ConcurrentHashMap<>();
        final PipelineStage watch = new PipelineStage() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                final Boolean before = decisions.putIfAbsent(event.conversationId(), event.sampled());
                if (before != null && before != event.sampled()) {
                    mixed.put(event.conversationId(), true);
                }
            }
        };
        try (GenOps genops = TestTables.builder().stage(watch).samplingRate(EventKind.INTERACTION, 0.5).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int c = 0; c < 200; c++) {
                final Interaction interaction = Interaction.builder().model(TestTables.MODEL)
                    .conversationId("conversation-" + c).inputTokens(1).build();
                for (int i = 0; i < 5; i++) {
                    session.trackInteraction("bot", interaction);
                }
            }
            assertThat(genops.flush(WAIT)).isTrue();

            assertThat(mixed).isEmpty();
            assertThat(decisions.values().stream().filter(kept -> kept).count()).isBetween(60L, 140L);
        }
    }

    @Test
    void alertRule_firesOnceWithinItsCooldown_andReachesItsChannel() {
        final CapturingChannel pager = new CapturingChannel("pager");
        final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
        try (GenOps genops = TestTables.builder().clock(clock).alertChannel(pager)
            .alertBatchAge(Duration.ofMillis(10)).build();
             MonitoringSession session = genops.openSession("s")) {
            session.createAlert("slow_agent", AlertRule.builder().condition("latency_ms > 2000")
                .severity(Severity.CRITICAL).channel("pager").cooldown(Duration.ofMinutes(5)).build());
            final Interaction slow = Interaction.builder().model(TestTables.MODEL)
                .latency(Duration.ofMillis(2500)).build();
            final Interaction fast = Interaction.builder().model(TestTables.MODEL)
                .latency(Duration.ofMillis(200)).build();
            session.trackInteraction("support-1", fast);
            session.trackInteraction("support-1", slow);
            session.trackInteraction("support-1", slow);
            clock.advance(Duration.ofMinutes(6));
            session.trackInteraction("support-1", slow);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();

            assertThat(pager.alerts()).hasSize(2);
            final FiredAlert first = pager.alerts().get(0);
            assertThat(first.rule()).isEqualTo("slow_agent");
            assertThat(first.scope()).isEqualTo("agent=support-1");
            assertThat(first.value()).isEqualTo(2500.0);
            assertThat(first.threshold()).isEqualTo(2000.0);
            assertThat(genops.metrics().alertsSuppressed()).isEqualTo(1);
            assertThat(genops.metrics().alertsDelivered()).isEqualTo(2);
        }
    }

    @Test
    void alertRule_onASignal_andAFailingChannel_isCountedNotFatal() {
        final CapturingChannel broken = new CapturingChannel("broken");
        broken.failing(true);
        try (GenOps genops = TestTables.builder().alertChannel(broken).alertBatchAge(Duration.ofMillis(10)).build();
             MonitoringSession session = genops.openSession("s")) {
            session.createAlert("quality_drop", AlertRule.builder().condition("response_quality < 0.5")
                .channel("broken").channel("nowhere").cooldown(Duration.ZERO).build());
            for (int i = 0; i < 3; i++) {
                session.trackSignal("response_quality", PerformanceSignal.builder().value(0.2).build());
            }
            session.trackSignal("response_quality", PerformanceSignal.builder().value(0.9).build());
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();
            assertThat(genops.flush(WAIT)).isTrue();

            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.alertsFired()).isEqualTo(3);
            assertThat(metrics.alertsFailed()).isEqualTo(3);
            assertThat(metrics.alertsUnroutable()).isEqualTo(3);
            assertThat(metrics.processed()).as("5 calls and 3 firings, priced and journaled").isEqualTo(8);
        }
    }
}
