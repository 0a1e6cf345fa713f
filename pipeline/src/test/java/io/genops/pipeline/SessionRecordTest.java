package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.EventKind;
import io.genops.core.event.GroupAttribute;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.journal.RecordView;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.policy.PolicyResult;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Replayer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The record a session journals when it closes, through a real pipeline and a real journal. */
class SessionRecordTest {
    private static final Instant OPENED = Instant.parse("2026-12-03T09:00:00Z");
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1_200).outputTokens(350).latency(Duration.ofMillis(840)).build();
    private static final Attribution SUPPORT = Attribution.builder().team("support").project("helpdesk")
        .customerId("acme").build();

    @TempDir
    Path journal;

    @Test
    void close_journalsOneSessionRecordWithTheSessionsNameAttributionTimesAndTotals() {
        final MutableClock clock = new MutableClock(OPENED);
        final MonitoringSession session;
        final PipelineMetrics live;
        try (GenOps genops = journaled().clock(clock).samplingRate(EventKind.INTERACTION, 0)
            .samplingRate(EventKind.SIGNAL, 0).build()) {
            session = genops.openSession("customer_support_shift", SUPPORT);
            for (int i = 0; i < 3; i++) {
                session.trackInteraction("support-bot-" + i, INTERACTION);
            }
            session.trackSignal("escalation_rate", PerformanceSignal.builder().value(0.2).build());
            clock.advance(Duration.ofMinutes(90));
            session.close();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            live = genops.metrics();
        }

        final List<Line> lines = read();
        final List<Line> sessions = lines.stream().filter(line -> line.kind == EventKind.SESSION).toList();
        assertThat(sessions).hasSize(1);
        final Line record = sessions.get(0);
        assertThat(record.sessionId).isEqualTo(session.id());
        assertThat(record.name).isEqualTo("customer_support_shift");
        assertThat(record.team).isEqualTo("support");
        assertThat(record.project).isEqualTo("helpdesk");
        assertThat(record.customerId).isEqualTo("acme");
        assertThat(record.environment).isNull();
        assertThat(record.agentId).isNull();
        assertThat(record.group).isEqualTo("default");
        assertThat(record.epochMillis).as("closed 90 minutes after it opened, by the pipeline's clock")
            .isEqualTo(OPENED.plus(Duration.ofMinutes(90)).toEpochMilli());
        assertThat(record.latencyNanos).as("the session's duration, in whole microseconds")
            .isEqualTo(session.duration().toNanos() / 1_000 * 1_000).isPositive();
        assertThat(record.sessionOperations).isEqualTo(session.operationCount()).isEqualTo(4);
        assertThat(record.sessionCostNanos).isEqualTo(session.totalCost().nanos()).isPositive();
        assertThat(record.sessionTotalsExact).isTrue();
        assertThat(record.costNanos).as("the record itself costs nothing").isZero();
        assertThat(record.policyResult).isEqualTo(PolicyResult.ALLOWED);
        assertThat(record.sampled).as("kept although every other kind is sampled at 0").isTrue();
        assertThat(lines).filteredOn(line -> line.kind != EventKind.SESSION).hasSize(4)
            .allSatisfy(line -> assertThat(line.sessionId).isEqualTo(session.id()))
            .noneMatch(line -> line.sampled);

        assertThat(live.journaled()).isEqualTo(live.accepted()).isEqualTo(5);
        assertThat(live.processed()).isEqualTo(5);
        assertThat(live.totalCost()).isEqualTo(session.totalCost());
        assertThat(live.sampledIn()).as("the session record").isEqualTo(1);
        assertThat(live.sessionsUnrecorded()).isZero();
        assertThat(live.groups().get("default").events()).as("the record is not an event of its group").isEqualTo(4);
    }

    @Test
    void replay_ofAJournalWithSessionRecords_reportsTheSameTotalsAndOnlyTheOperations() {
        final Money live;
        try (GenOps genops = journaled().build()) {
            for (int s = 0; s < 3; s++) {
                try (MonitoringSession session = genops.openSession("shift-" + s, SUPPORT)) {
                    session.trackInteraction("support-bot", INTERACTION);
                    session.trackInteraction("support-bot", INTERACTION);
                }
            }
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            live = genops.metrics().totalCost();
            assertThat(genops.metrics().journaled()).isEqualTo(9);
        }

        final AuditReport report = Replayer.builder().journal(journal).modelPrices(TestTables.models())
            .platformPrices(TestTables.flatPlatform()).build().run();

        assertThat(report.recordedTotal()).isEqualTo(live).isEqualTo(report.recomputedTotal());
        assertThat(report.records()).isEqualTo(6);
        assertThat(report.sessions()).isEqualTo(3);
        assertThat(report.policyCounts().get(PolicyResult.ALLOWED)).isEqualTo(6);
    }

    @Test
    void close_underABudgetPastItsWarning_chargesTheRecordNothingAndMarksItNothing() {
        final MonitoringSession session;
        final Money spent;
        try (GenOps genops = journaled().policy(GovernancePolicy.ADVISORY)
            .dailyBudget("support", Money.usdNanos(1)).build()) {
            session = genops.openSession("shift", SUPPORT);
            session.trackInteraction("support-bot", INTERACTION);
            session.close();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            spent = genops.budgetStatus("support").consumed();
        }

        final List<Line> lines = read();
        assertThat(spent).isEqualTo(session.totalCost());
        assertThat(lines.get(0).policyResult).as("the interaction passed the budget").isEqualTo(PolicyResult.WARNING);
        assertThat(lines.get(1).kind).isEqualTo(EventKind.SESSION);
        assertThat(lines.get(1).policyResult).isEqualTo(PolicyResult.ALLOWED);
    }

    @Test
    void close_ofASessionWhoseGroupExportsNothing_journalsTheRecordNotSampled() {
        try (GenOps genops = journaled().agentGroup("quiet", AgentGroup.builder()
            .matchAttribute(GroupAttribute.TEAM, "quiet").export(false).build()).build()) {
            genops.openSession("muted", Attribution.builder().team("quiet").build()).close();
            genops.openSession("heard", SUPPORT).close();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
        }

        final List<Line> lines = read();
        assertThat(lines).extracting(line -> line.name + "/" + line.group + "/" + line.sampled)
            .containsExactly("muted/quiet/false", "heard/default/true");
        assertThat(lines).allSatisfy(line -> assertThat(line.sessionOperations).isZero());
    }

    @Test
    void close_twice_journalsOneRecord() {
        try (GenOps genops = journaled().build()) {
            final MonitoringSession session = genops.openSession("shift");
            session.close();
            session.close();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(read()).hasSize(1);
    }

    @Test
    void close_afterThePipelineClosed_neitherThrowsNorRecordsAndIsCounted() {
        final GenOps genops = TestTables.builder().build();
        final MonitoringSession session = genops.openSession("late");
        session.trackInteraction("bot", INTERACTION);
        genops.close();

        session.close();

        assertThat(session.isClosed()).isTrue();
        assertThat(genops.metrics().sessionsUnrecorded()).isEqualTo(1);
        assertThat(genops.metrics().accepted()).isEqualTo(1);
    }

    /** The ring is full when the session closes: under every policy the close returns, records nothing, counts it. */
    @ParameterizedTest
    @EnumSource(BackpressurePolicy.class)
    void close_whenTheRingStaysFull_returnsWithoutTheRecordAndCountsItAsDroppedAndUnrecorded(
        final BackpressurePolicy policy) throws Exception {
        final GateStage gate = new GateStage();
        try (GenOps genops = TestTables.builder().ringSize(16).backpressure(policy)
            .closeTimeout(Duration.ofMillis(200)).stage(gate).build();
             MonitoringSession other = genops.openSession("other")) {
            final MonitoringSession held = genops.openSession("held");
            held.trackInteraction("bot", INTERACTION);
            gate.awaitHeld();
            for (int i = 0; i < 15; i++) {
                other.trackInteraction("bot", INTERACTION);
            }

            held.close();

            assertThat(held.isClosed()).isTrue();
            assertThat(genops.metrics().sessionsUnrecorded()).isEqualTo(1);
            assertThat(genops.metrics().dropped()).isEqualTo(1);
            gate.open();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(genops.metrics().accepted()).isEqualTo(16);
        }
    }

    @Test
    void close_whenItsEventsAreNotCountedInTime_journalsTheTotalsMarkedPartial() throws Exception {
        final GateStage gate = new GateStage();
        final MonitoringSession session;
        try (GenOps genops = journaled().closeTimeout(Duration.ofMillis(200)).stage(gate).build()) {
            session = genops.openSession("slow");
            session.trackInteraction("bot", INTERACTION);
            session.trackInteraction("bot", INTERACTION);
            gate.awaitHeld();
            session.close();
            gate.open();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
        }

        final Line record = read().get(2);
        assertThat(record.kind).isEqualTo(EventKind.SESSION);
        assertThat(record.sessionTotalsExact).isFalse();
        assertThat(record.sessionOperations).as("counted when the close gave up waiting").isLessThan(2);
        assertThat(session.operationCount()).as("the session's own totals catch up").isEqualTo(2);
    }

    @Test
    void samplingRate_ofSessions_isRefusedEverywhereItIsOffered() {
        assertThatThrownBy(() -> GenOps.builder().samplingRate(EventKind.SESSION, 0.5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session records");
        assertThatThrownBy(() -> SamplingPolicy.keepAll().withRate(EventKind.SESSION, 0.5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session records");
        assertThatThrownBy(() -> AgentGroup.builder().samplingRate(EventKind.SESSION, 0.5))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session records");
        assertThat(AgentGroup.builder().matchAgents("a-*").samplingRate(0.5).build().samplingRate(EventKind.SIGNAL))
            .isEqualTo(0.5);
        assertThat(SamplingPolicy.fixedRate(0.1).rate(EventKind.SESSION)).isEqualTo(1.0);
    }

    private GenOpsBuilder journaled() {
        return TestTables.builder().journal(journal);
    }

    private List<Line> read() {
        final List<Line> lines = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> lines.add(new Line(record)));
        }
        return lines;
    }

    /** A copy of the fields these tests read: the reader's view is reused. */
    private static final class Line {
        final EventKind kind;
        final long epochMillis;
        final String sessionId;
        final String name;
        final String team;
        final String project;
        final String environment;
        final String customerId;
        final String agentId;
        final String group;
        final long latencyNanos;
        final long costNanos;
        final long sessionOperations;
        final long sessionCostNanos;
        final boolean sessionTotalsExact;
        final PolicyResult policyResult;
        final boolean sampled;

        Line(final RecordView record) {
            kind = record.kind();
            epochMillis = record.epochMillis();
            sessionId = record.sessionId();
            name = record.name();
            team = record.team();
            project = record.project();
            environment = record.environment();
            customerId = record.customerId();
            agentId = record.agentId();
            group = record.group();
            latencyNanos = record.latencyNanos();
            costNanos = record.costNanos();
            sessionOperations = record.sessionOperations();
            sessionCostNanos = record.sessionCostNanos();
            sessionTotalsExact = record.sessionTotalsExact();
            policyResult = record.policyResult();
            sampled = record.sampled();
        }
    }
}
