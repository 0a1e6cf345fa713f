package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CostEstimateTest {
    /** 0.003 USD exactly on the test tables: 0.002 of tokens and the 0.001 platform fee. */
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
    private static final Money ESTIMATE = Money.usd("0.001");
    private static final Attribution SUPPORT = Attribution.team("support");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void estimatedInteractions_areChargedTheirExactCost_andTheDriftIsCounted() {
        try (GenOps genops = TestTables.builder().costEstimate(ESTIMATE, 100).build();
             MonitoringSession session = genops.openSession("shift", SUPPORT)) {
            for (int i = 0; i < 10; i++) {
                assertThat(session.trackInteraction("bot", INTERACTION)).isTrue();
            }
            assertThat(genops.flush(WAIT)).isTrue();

            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.totalCost()).isEqualTo(Money.usd("0.03"));
            assertThat(session.totalCost()).isEqualTo(Money.usd("0.03"));
            assertThat(metrics.costByTeam()).containsEntry("support", Money.usd("0.03"));
            assertThat(metrics.estimates().interactions()).isEqualTo(10);
            assertThat(metrics.estimates().drift()).isEqualTo(Money.usd("0.02"));
        }
    }

    @Test
    void withoutAnEstimate_nothingIsEstimated() {
        try (GenOps genops = TestTables.builder().build();
             MonitoringSession session = genops.openSession("shift", SUPPORT)) {
            session.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();

            assertThat(genops.metrics().estimates()).isEqualTo(
                new PipelineMetrics.CostEstimates(0, Money.usdNanos(0), 0));
        }
    }

    @Test
    void anExplicitCost_isNotAnEstimate() {
        final Interaction priced = Interaction.builder().model(TestTables.MODEL).inputTokens(1000).outputTokens(500)
            .cost(Money.usd("0.5")).build();
        try (GenOps genops = TestTables.builder().costEstimate(ESTIMATE, 100).build();
             MonitoringSession session = genops.openSession("shift", SUPPORT)) {
            session.trackInteraction("bot", priced);
            assertThat(genops.flush(WAIT)).isTrue();

            assertThat(genops.metrics().totalCost()).isEqualTo(Money.usd("0.5"));
            assertThat(genops.metrics().estimates().interactions()).isZero();
        }
    }

    @Test
    void enforced_reservesTheEstimate_andOnceSettledRefusesByTheExactSpend() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED).costEstimate(ESTIMATE, 100)
            .dailyBudget("support", Money.usd("0.03")).build();
             MonitoringSession session = genops.openSession("shift", SUPPORT)) {
            for (int i = 0; i < 10; i++) {
                assertThat(session.trackInteraction("bot", INTERACTION)).isTrue();
            }
            assertThat(genops.flush(WAIT)).isTrue();

            // Reserved at 0.001 each the gate would read 0.01; settled, it reads the exact 0.03.
            assertThat(genops.checkBudget(SUPPORT, Money.usd("0")).spent()).isEqualTo(Money.usd("0.03"));
            assertThat(genops.budgetStatus("support").consumed()).isEqualTo(Money.usd("0.03"));
            assertThatThrownBy(() -> session.trackInteraction("bot", INTERACTION))
                .isInstanceOf(BudgetExceededException.class);
            assertThat(genops.metrics().estimates().settlements()).isPositive();
        }
    }

    @Test
    void withinABatch_theGateIsSettledEveryReconcileEveryInteractions() throws InterruptedException {
        final GateStage gate = new GateStage();
        final AtomicReference<GenOps> pipeline = new AtomicReference<>();
        final List<Money> gateReadings = new CopyOnWriteArrayList<>();
        final PipelineStage watch = new PipelineStage() {
            @Override
            public String name() {
                return "gate-watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                gateReadings.add(pipeline.get().checkBudget(SUPPORT, Money.usd("0")).spent());
            }
        };
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED).costEstimate(ESTIMATE, 3)
            .dailyBudget("support", Money.usd("10")).stage(gate).stage(watch).build();
             MonitoringSession session = genops.openSession("shift", SUPPORT)) {
            pipeline.set(genops);
            session.trackInteraction("bot", INTERACTION);
            gate.awaitHeld();
            for (int i = 0; i < 9; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
            gate.open();
            assertThat(genops.flush(WAIT)).isTrue();

            // The first event was a batch of its own, settled at its end to 0.003 before the gate held it; the
            // nine queued behind it reserved 0.001 each (0.012 in all) and form one batch, settled every third.
            assertThat(gateReadings).containsExactly(usd("0.012"), usd("0.012"), usd("0.012"), usd("0.018"),
                usd("0.018"), usd("0.018"), usd("0.024"), usd("0.024"), usd("0.024"), usd("0.03"));
            assertThat(genops.metrics().totalCost()).isEqualTo(usd("0.03"));
        }
    }

    @Test
    void tokenCountsTooLargeToPrice_areStillRefusedAtTheCall() {
        final Interaction huge = Interaction.builder().model(TestTables.MODEL).inputTokens(Long.MAX_VALUE / 2)
            .outputTokens(0).build();
        try (GenOps genops = TestTables.builder().costEstimate(ESTIMATE, 100).build();
             MonitoringSession session = genops.openSession("shift", SUPPORT)) {
            assertThatThrownBy(() -> session.trackInteraction("bot", huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large to price exactly");
            assertThat(genops.metrics().accepted()).isZero();
        }
    }

    @Test
    void costEstimate_mustBeAPositiveUsdAmount() {
        assertThatThrownBy(() -> GenOps.builder().costEstimate(Money.usd("0"), 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costEstimate");
        assertThatThrownBy(() -> GenOps.builder().costEstimate(Money.of("0.001", "EUR"), 10))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costEstimate");
        assertThatThrownBy(() -> GenOps.builder().costEstimate(ESTIMATE, 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reconcileEvery");
    }

    private static Money usd(final String amount) {
        return Money.usd(amount);
    }
}
