package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.AlertRule;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's cost-alert switch in a running pipeline: budget thresholds, rules given to the builder
 * and rules created at run time through a session, for the default group and for agent groups.
 */
class CostAlertsTest {
    /** 0.003 USD on the test tables. */
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
    private static final Interaction SLOW = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(10).outputTokens(5).latency(Duration.ofSeconds(3)).build();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BUDGET_ALERT = "budget.team.support.daily";

    @TempDir
    Path dir;

    @Test
    void costAlertsOn_raiseBudgetThresholdsAndEveryCostRule() {
        final CapturingChannel ops = new CapturingChannel("ops");

        run(withRules(TestTables.builder(), ops), ops);

        assertThat(ops.alerts()).extracting(FiredAlert::rule)
            .containsOnly("spend", "hourly", "slow", BUDGET_ALERT);
    }

    @Test
    void costAlertsOff_silenceBudgetThresholdsAndCostRules_evenOnesCreatedAtRunTime_whileBudgetsStillHold() {
        final CapturingChannel ops = new CapturingChannel("ops");

        run(withRules(TestTables.builder().costAlerts(false), ops), ops);

        assertThat(ops.alerts()).as("only the rule on latency").extracting(FiredAlert::rule).containsExactly("slow");
    }

    @Test
    void aGroupFollowsTheSwitchUnlessItSetsItsOwn() {
        final CapturingChannel ops = new CapturingChannel("ops");
        final GenOpsBuilder builder = TestTables.builder().costAlerts(false).alertChannel(ops)
            .defaultAlertChannels("ops").alertBatchAge(Duration.ofMillis(5))
            .agentGroup("vip", AgentGroup.builder().matchAgents("vip-*").costAlerts(true).build())
            .agentGroup("faq", AgentGroup.builder().matchAgents("faq-*").build())
            .alertRule("spend", AlertRule.builder().condition("cost_usd > 0").channel("ops").build());
        try (GenOps genops = builder.build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            session.trackInteraction("faq-1", INTERACTION);
            session.trackInteraction("support-bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();
            assertThat(ops.alerts()).as("neither the following group nor the default group alerts").isEmpty();

            session.trackInteraction("vip-1", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();
            assertThat(ops.alerts()).as("the group that turns them on").extracting(FiredAlert::rule)
                .containsExactly("spend");
        }
    }

    @Test
    void theConfigurationsSwitch_governsTheRunningPipeline() {
        final GenOpsConfiguration off = GenOpsConfiguration.loader().environment(Map.of())
            .systemProperties(Map.of("genops.alerts.cost-alerts", "false", "genops.journal.enabled", "false"))
            .workingDirectory(dir).load();
        final CapturingChannel ops = new CapturingChannel("ops");

        run(withRules(GenOps.builder().configuration(off).modelPrices(TestTables.models())
            .platformPrices(TestTables.flatPlatform()).ringSize(1024), ops), ops);

        assertThat(ops.alerts()).extracting(FiredAlert::rule).containsExactly("slow");
    }

    /** An enforced budget of three interactions for team support, a cost and a latency rule, alerts to ops. */
    private static GenOpsBuilder withRules(final GenOpsBuilder builder, final CapturingChannel ops) {
        return builder.policy(GovernancePolicy.ENFORCED).alertChannel(ops).defaultAlertChannels("ops")
            .alertBatchAge(Duration.ofMillis(5)).dailyBudget("support", Money.usd("0.009"))
            .alertRule("spend", AlertRule.builder().condition("cost_usd > 0").channel("ops").build())
            .alertRule("slow", AlertRule.builder().condition("latency_ms > 1000").channel("ops").build());
    }

    /**
     * Creates a cost rule at run time (from a team without a budget, as its creation is priced), then spends
     * team support's whole budget, is refused once, and sends one slow interaction from another team.
     */
    private static void run(final GenOpsBuilder builder, final CapturingChannel ops) {
        try (GenOps genops = builder.build();
             MonitoringSession admin = genops.openSession("admin", Attribution.team("ops"));
             MonitoringSession support = genops.openSession("shift", Attribution.team("support"));
             MonitoringSession research = genops.openSession("lab", Attribution.team("research"))) {
            assertThat(admin.createAlert("hourly", AlertRule.builder().condition("cost_usd_per_hour > 0")
                .channel("ops").build())).isTrue();
            for (int i = 0; i < 3; i++) {
                support.trackInteraction("support-bot", INTERACTION);
            }
            assertThat(genops.flush(WAIT)).isTrue();
            assertThatThrownBy(() -> support.trackInteraction("support-bot", INTERACTION))
                .as("the budget still holds").isInstanceOf(BudgetExceededException.class);
            research.trackInteraction("lab-bot", SLOW);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();

            assertThat(genops.budgetStatus("support").consumed()).as("still charged").isEqualTo(Money.usd("0.009"));
        }
    }
}
