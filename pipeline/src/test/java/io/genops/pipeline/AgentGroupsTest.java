package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.policy.PolicyReason;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.AuditReport.Dimension;
import io.genops.pipeline.journal.JournalFilter;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Replayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent groups in a real pipeline: policy, sampling, export, alert rules and cost alerts per group. */
class AgentGroupsTest {
    /** Each interaction costs 0.003 USD on the test tables. */
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
    private static final Interaction SLOW = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(10).outputTokens(5).latency(Duration.ofSeconds(3)).build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path journal;

    @Test
    void enforcedGroup_isRefusedOnAnExceededBudget_whileAnAdvisoryGroupPassesWithAWarning() {
        final AgentGroup strict = AgentGroup.builder().matchAgents("billing-*").policy(GovernancePolicy.ENFORCED)
            .build();
        try (GenOps genops = TestTables.builder().journal(journal).policy(GovernancePolicy.ADVISORY)
            .agentGroup("strict", strict).dailyBudget("support", Money.usd("0.003")).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            assertThat(session.trackInteraction("billing-1", INTERACTION)).isTrue();
            assertThat(genops.flush(WAIT)).isTrue();

            assertThatThrownBy(() -> session.trackInteraction("billing-2", INTERACTION))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("team=support");
            assertThat(session.trackInteraction("faq-1", INTERACTION)).isTrue();
            assertThat(genops.flush(WAIT)).isTrue();

            final Map<String, GroupMetrics> groups = genops.metrics().groups();
            assertThat(groups.keySet()).containsExactly("strict", "default");
            assertThat(groups.get("strict").refused()).isEqualTo(1);
            assertThat(groups.get("strict").events()).isEqualTo(1);
            assertThat(groups.get("default").refused()).isZero();
            assertThat(groups.get("default").events()).isEqualTo(1);
        }
        final List<String> records = records(journal);
        assertThat(records).containsExactly("billing-1 strict WARNING/BUDGET_EXCEEDED",
            "faq-1 default WARNING/BUDGET_EXCEEDED");
    }

    @Test
    void groupSampling_rateZeroExportsNothing_whileAnotherGroupExportsAll() {
        final AgentGroup quiet = AgentGroup.builder().matchAgents("faq-*").samplingRate(0).build();
        final AgentGroup loud = AgentGroup.builder().matchAgents("critical-*").samplingRate(1).build();
        final AgentGroup silent = AgentGroup.builder().matchAgents("preview-*").export(false).build();
        try (GenOps genops = TestTables.builder().journal(journal).samplingRate(EventKind.INTERACTION, 0.5)
            .samplingRate(EventKind.SIGNAL, 0.5).agentGroup("quiet", quiet).agentGroup("loud", loud)
            .agentGroup("silent", silent).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 50; i++) {
                session.trackInteraction("faq-" + i, INTERACTION);
                session.trackInteraction("critical-" + i, INTERACTION);
                session.trackSignal("tone", PerformanceSignal.builder().agentId("faq-" + i).value(0.5).build());
            }
            session.trackInteraction("faq-err", Interaction.builder().model(TestTables.MODEL).error("Timeout")
                .build());
            session.trackInteraction("preview-err", Interaction.builder().model(TestTables.MODEL).error("Timeout")
                .build());
            assertThat(genops.flush(WAIT)).isTrue();

            final Map<String, GroupMetrics> groups = genops.metrics().groups();
            assertThat(groups.get("quiet").events()).isEqualTo(101);
            assertThat(groups.get("quiet").exported()).as("only the error, which is always kept").isEqualTo(1);
            assertThat(groups.get("loud").exported()).isEqualTo(50);
            assertThat(groups.get("silent").exported()).as("not even the error").isZero();
        }
        final Map<String, long[]> sampledByGroup = new TreeMap<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                final long[] counts = sampledByGroup.computeIfAbsent(record.group(), g -> new long[2]);
                counts[record.sampled() ? 1 : 0]++;
            });
        }
        assertThat(sampledByGroup.get("quiet")).containsExactly(100, 1);
        assertThat(sampledByGroup.get("loud")).containsExactly(0, 50);
        assertThat(sampledByGroup.get("silent")).containsExactly(1, 0);
    }

    @Test
    void groupScopedRule_firesOnlyForItsGroupsEvents() {
        final CapturingChannel ops = new CapturingChannel("ops");
        final AgentGroup critical = AgentGroup.builder().matchAgents("critical-*")
            .alertRule("critical_tokens", AlertRule.builder().condition("total_tokens > 10").channel("ops").build())
            .build();
        try (GenOps genops = TestTables.builder().alertChannel(ops).alertBatchAge(Duration.ofMillis(5))
            .agentGroup("critical", critical)
            .alertRule("critical_slow", AlertRule.builder().condition("latency_ms > 1000").group("critical")
                .channel("ops").build())
            .build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            session.trackInteraction("faq-1", SLOW);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();
            assertThat(ops.alerts()).as("a default-group agent fires neither rule").isEmpty();

            session.trackInteraction("critical-1", SLOW);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();

            assertThat(ops.alerts()).extracting(FiredAlert::rule)
                .containsExactlyInAnyOrder("critical_slow", "critical_tokens");
            assertThat(ops.alerts()).allMatch(alert -> alert.scope().equals("agent=critical-1"));
        }
    }

    @Test
    void costAlertsOff_raisesNoCostAlertsForTheGroup_butItsSpendIsCharged() {
        final CapturingChannel ops = new CapturingChannel("ops");
        final AgentGroup cheap = AgentGroup.builder().matchAgents("faq-*").costAlerts(false).build();
        try (GenOps genops = TestTables.builder().alertChannel(ops).defaultAlertChannels("ops")
            .alertBatchAge(Duration.ofMillis(5)).agentGroup("cheap", cheap)
            .dailyBudget("support", Money.usd("0.009"))
            .alertRule("spend", AlertRule.builder().condition("cost_usd > 0").channel("ops").build())
            .build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 3; i++) {
                session.trackInteraction("faq-" + i, INTERACTION);
            }
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();

            assertThat(ops.alerts()).as("no budget threshold and no cost rule for the group").isEmpty();
            assertThat(genops.budgetStatus("support").consumed()).isEqualTo(Money.usd("0.009"));

            session.trackInteraction("support-bot", INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
            assertThat(genops.awaitAlerts(WAIT)).isTrue();
            assertThat(ops.alerts()).extracting(FiredAlert::rule).contains("spend",
                "budget.team.support.daily");
            assertThat(ops.alerts().stream().filter(alert -> alert.rule().startsWith("budget.")).count())
                .as("the thresholds the group passed silently, raised once by the next alerting event")
                .isEqualTo(3);
        }
    }

    @Test
    void groupOfEveryEvent_isJournaled_andReplayTotalsEachGroupToTheNanodollar() {
        final AgentGroup critical = AgentGroup.builder().matchAgents("critical-*").build();
        final PipelineMetrics live;
        try (GenOps genops = TestTables.builder().journal(journal).agentGroup("critical", critical).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            for (int i = 0; i < 20; i++) {
                session.trackInteraction(i % 4 == 0 ? "critical-" + i : "faq-" + i, INTERACTION);
            }
            session.trackSignal("tone", PerformanceSignal.builder().agentId("critical-9").value(1).build());
            assertThat(genops.flush(WAIT)).isTrue();
            live = genops.metrics();
        }

        final AuditReport report = Replayer.builder().journal(journal).modelPrices(TestTables.models())
            .platformPrices(TestTables.flatPlatform()).build().run();
        final Map<String, AuditReport.Line> byGroup = report.by(Dimension.GROUP);
        assertThat(byGroup.keySet()).containsExactly("critical", "default");
        assertThat(byGroup.get("critical").records()).isEqualTo(6);
        assertThat(byGroup.get("default").records()).isEqualTo(15);
        assertThat(byGroup.get("critical").recorded()).isEqualTo(live.groups().get("critical").cost());
        assertThat(byGroup.get("default").recorded()).isEqualTo(live.groups().get("default").cost());
        assertThat(byGroup.get("critical").difference().isZero()).isTrue();

        final AuditReport criticalOnly = Replayer.builder().journal(journal).modelPrices(TestTables.models())
            .platformPrices(TestTables.flatPlatform()).filter(JournalFilter.ALL.group("critical")).build().run();
        assertThat(criticalOnly.records()).isEqualTo(6);
        final AuditReport defaultOnly = Replayer.builder().journal(journal).modelPrices(TestTables.models())
            .platformPrices(TestTables.flatPlatform()).filter(JournalFilter.ALL.group(EventView.DEFAULT_GROUP))
            .build().run();
        assertThat(defaultOnly.records()).isEqualTo(15);
    }

    @Test
    void builder_refusesBadGroupsAtTheCall() {
        final AgentGroup critical = AgentGroup.builder().matchAgents("critical-*").build();
        final GenOpsBuilder builder = TestTables.builder().agentGroup("critical", critical);

        assertThatThrownBy(() -> builder.agentGroup("critical", critical))
            .hasMessage("an agent group named 'critical' was already declared");
        assertThatThrownBy(() -> builder.agentGroup("Default", critical))
            .hasMessage("agentGroup name 'Default' is reserved for the events that match no group");
        assertThatThrownBy(() -> builder.agentGroup(" ", critical)).hasMessageContaining("agentGroup name");
        assertThatThrownBy(() -> AgentGroup.builder().matchAgents("critical-?"))
            .hasMessageContaining("only * is a wildcard");
        assertThatThrownBy(() -> AgentGroup.builder().samplingRate(EventKind.SIGNAL, 1.5))
            .hasMessage("samplingRate for SIGNAL must lie in [0, 1]: 1.5");
        assertThatThrownBy(() -> builder.agentGroup("other", AgentGroup.builder().matchAgents("x-*")
            .alertRule("r", AlertRule.builder().condition("latency_ms > 1").group("critical").build()).build()))
            .hasMessage("agentGroup 'other' carries alertRule 'r', which is limited to group 'critical'");
    }

    @Test
    void build_refusesARuleOfAnUndeclaredGroup_andRuleNamesSharedWithAGroup() {
        final AlertRule rule = AlertRule.builder().condition("latency_ms > 1").build();
        assertThatThrownBy(() -> TestTables.builder()
            .alertRule("slow", AlertRule.builder().condition("latency_ms > 1").group("critical").build()).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("alertRule 'slow' is limited to agent group 'critical', which was not declared; declared: ");
        assertThatThrownBy(() -> TestTables.builder().alertRule("slow", rule)
            .agentGroup("critical", AgentGroup.builder().matchAgents("c-*").alertRule("slow", rule).build()).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("agent group 'critical' carries alertRule 'slow', a name the pipeline already uses; rule "
                + "names are shared");
    }

    @Test
    void createAlert_namingAnUndeclaredGroup_isRefusedAtTheCall() {
        try (GenOps genops = TestTables.builder()
            .agentGroup("critical", AgentGroup.builder().matchAgents("critical-*").build()).build();
             MonitoringSession session = genops.openSession("shift")) {
            assertThatThrownBy(() -> session.createAlert("slow", AlertRule.builder().condition("latency_ms > 1")
                .group("premium").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the alert rule names agent group 'premium', which this pipeline does not declare; "
                    + "declared: critical, default");
            assertThat(session.createAlert("slow", AlertRule.builder().condition("latency_ms > 1")
                .group("critical").build())).isTrue();
        }
    }

    /** Each interaction record of the journal as "agent group policy/reason". */
    private static List<String> records(final Path journal) {
        final List<String> records = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (record.kind() == EventKind.INTERACTION) {
                    records.add(record.agentId() + " " + record.group() + " " + record.policyResult()
                        + (record.policyReason() == PolicyReason.NONE ? "" : "/" + record.policyReason()));
                }
            });
        }
        return records;
    }
}
