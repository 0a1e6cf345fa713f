package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.Interaction;
import io.genops.core.event.Severity;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.policy.PolicyReason;
import io.genops.core.policy.PolicyResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BudgetPolicyTest {
    /** Each interaction costs 0.003 USD on the test tables. */
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void enforced_afterLimitReached_rejectsAtTheCallNamingTeamWindowLimitAndSpend() {
        final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
        try (GenOps genops = TestTables.builder().clock(clock).policy(GovernancePolicy.ENFORCED)
            .dailyBudget("support", Money.usd("0.03")).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 10; i++) {
                assertThat(session.trackInteraction("bot", INTERACTION)).isTrue();
            }
            assertThat(genops.flush(WAIT)).isTrue();

            assertThatThrownBy(() -> session.trackInteraction("bot", INTERACTION))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("team=support")
                .hasMessageContaining("daily 2026-12-03")
                .hasMessageContaining("0.03 USD")
                .hasMessageContaining("spend 0.03 USD");
            assertThat(genops.metrics().rejectedBudget()).isEqualTo(1);
            assertThat(genops.metrics().accepted()).isEqualTo(10);

            clock.advance(Duration.ofDays(1));
            assertThat(session.trackInteraction("bot", INTERACTION)).as("a new day has a fresh budget").isTrue();
        }
    }

    @Test
    void enforced_aConversationsOwnSignals_neverPassTheLimit_andNeverFailTheCall() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED).conversationFlowInterval(3)
            .dailyBudget("support", Money.usd("0.009")).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            final Conversation conversation = session.openConversation("case-1", "acme");
            for (int i = 0; i < 3; i++) {
                // The third fills the budget; its flow signal (0.01 USD) finds no room and is left out.
                assertThat(conversation.trackInteraction("bot", INTERACTION)).isTrue();
            }
            conversation.close();
            assertThat(genops.flush(WAIT)).isTrue();

            final BudgetStatus status = genops.budgetStatus("support");
            assertThat(status.consumed()).isEqualTo(Money.usd("0.009"));
            assertThat(genops.metrics().rejectedBudget()).as("the flow and the summary signal").isEqualTo(2);
            assertThat(genops.metrics().accepted()).isEqualTo(3);
            assertThat(conversation.totalCost()).as("its interactions only").isEqualTo(Money.usd("0.009"));
        }
    }

    @Test
    void enforced_otherTeam_isNotBlockedByAnExhaustedOne() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED)
            .dailyBudget("support", Money.usd("0.003")).build();
             MonitoringSession support = genops.openSession("s", Attribution.team("support"));
             MonitoringSession sales = genops.openSession("s", Attribution.team("sales"))) {
            support.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();

            assertThatThrownBy(() -> support.trackInteraction("bot", INTERACTION))
                .isInstanceOf(BudgetExceededException.class);
            assertThat(sales.trackInteraction("bot", INTERACTION)).isTrue();
        }
    }

    @Test
    void advisory_pastLimit_recordsWarningsAndNeverRejects() {
        final Map<PolicyReason, Long> reasons = new ConcurrentHashMap<>();
        final PipelineStage policyWatch = new PipelineStage() {
            @Override
            public String name() {
                return "policy-watch";
            }

            @Override
            public void onEvent(final io.genops.core.event.EventView event, final boolean endOfBatch) {
                if (event.policyResult() == PolicyResult.WARNING) {
                    reasons.merge(event.policyReason(), 1L, Long::sum);
                }
            }
        };
        try (GenOps genops = TestTables.builder().stage(policyWatch)
            .dailyBudget("support", Money.usd("0.03")).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 20; i++) {
                assertThat(session.trackInteraction("bot", INTERACTION)).isTrue();
            }
            assertThat(genops.flush(WAIT)).isTrue();

            assertThat(genops.metrics().rejectedBudget()).isZero();
            assertThat(genops.metrics().accepted()).isEqualTo(20);
            // 0.024 and 0.027 reach 80 %; from the tenth event on (0.030) the limit is reached.
            assertThat(reasons).containsEntry(PolicyReason.BUDGET_THRESHOLD, 2L)
                .containsEntry(PolicyReason.BUDGET_EXCEEDED, 11L);
            final BudgetStatus status = genops.budgetStatus("support");
            assertThat(status.consumed()).isEqualTo(Money.usd("0.06"));
            assertThat(status.remaining()).isEqualTo(Money.usd("0"));
            assertThat(status.utilizationPercent()).isEqualByComparingTo("200.00");
        }
    }

    @Test
    void thresholds_crossedByManyEvents_raiseOneAlertEachPerDay() {
        final CapturingChannel channel = new CapturingChannel("log");
        final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
        try (GenOps genops = TestTables.builder().clock(clock).alertChannel(channel)
            .alertBatchAge(Duration.ofMillis(20)).dailyBudget(Money.usd("0.03")).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 100; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();

            final List<FiredAlert> alerts = channel.alerts();
            assertThat(alerts).extracting(FiredAlert::threshold).containsExactly(50.0, 80.0, 100.0);
            assertThat(alerts).extracting(FiredAlert::severity)
                .containsExactly(Severity.INFO, Severity.WARNING, Severity.CRITICAL);
            assertThat(alerts).allSatisfy(alert -> assertThat(alert.scope()).isEqualTo("team=support"));

            clock.advance(Duration.ofDays(1));
            for (int i = 0; i < 10; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();
            assertThat(channel.alerts().stream().map(FiredAlert::threshold).collect(Collectors.toList()))
                .containsExactly(50.0, 80.0, 100.0, 50.0, 80.0, 100.0);
        }
    }
}
