package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();

    @Test
    void flush_returnsOnlyWhenEveryAcceptedEventPassedEveryStage() {
        try (GenOps genops = TestTables.builder().build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 5_000; i++) {
                session.trackInteraction("bot", INTERACTION);
            }

            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            assertThat(genops.metrics().processed()).isEqualTo(5_000);
            assertThat(genops.metrics().totalCost()).isEqualTo(Money.usdNanos(5_000L * 3_000_000));
        }
    }

    @Test
    void flush_withAStuckStage_timesOutAndSaysSo() throws Exception {
        final GateStage gate = new GateStage();
        try (GenOps genops = TestTables.builder().stage(gate).build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", INTERACTION);
            gate.awaitHeld();

            assertThat(genops.flush(Duration.ofMillis(50))).isFalse();
            gate.open();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void close_drainsEverythingAndReportsClean() {
        final GenOps genops = TestTables.builder().build();
        final MonitoringSession session = genops.openSession("s");
        for (int i = 0; i < 10_000; i++) {
            session.trackInteraction("bot", INTERACTION);
        }

        final ShutdownReport report = genops.close(Duration.ofSeconds(10));

        assertThat(report.clean()).isTrue();
        assertThat(report.metrics().processed()).isEqualTo(10_000);
        assertThat(genops.close(Duration.ofSeconds(1))).as("closing again returns the same report").isSameAs(report);
    }

    @Test
    void close_withAStuckStage_reportsWhatCouldNotBeDrained() throws Exception {
        final GateStage gate = new GateStage();
        final GenOps genops = TestTables.builder().stage(gate).build();
        final MonitoringSession session = genops.openSession("s");
        for (int i = 0; i < 100; i++) {
            session.trackInteraction("bot", INTERACTION);
        }
        gate.awaitHeld();

        final ShutdownReport report = genops.close(Duration.ofMillis(100));
        gate.open();

        assertThat(report.drained()).isFalse();
        assertThat(report.undrainedEvents()).isEqualTo(100);
        assertThat(report.clean()).isFalse();
    }

    @Test
    void calls_afterClose_throwIllegalState() {
        final GenOps genops = TestTables.builder().build();
        final MonitoringSession session = genops.openSession("s");
        genops.close();

        assertThatThrownBy(() -> session.trackInteraction("bot", INTERACTION))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> genops.openSession("late")).isInstanceOf(IllegalStateException.class);
        assertThat(genops.metrics().accepted()).isZero();
    }

    @Test
    void session_closedByAnException_keepsItsCosts() {
        try (GenOps genops = TestTables.builder().build()) {
            MonitoringSession escaped = null;
            try (MonitoringSession session = genops.openSession("failing-shift")) {
                escaped = session;
                for (int i = 0; i < 1_000; i++) {
                    session.trackInteraction("bot", INTERACTION);
                }
                throw new IllegalStateException("the shift failed");
            } catch (final IllegalStateException expected) {
                assertThat(escaped.isClosed()).isTrue();
                assertThat(escaped.operationCount()).isEqualTo(1_000);
                assertThat(escaped.totalCost()).isEqualTo(Money.usdNanos(1_000L * 3_000_000));
            }
            assertThat(genops.metrics().totalCost()).isEqualTo(Money.usdNanos(1_000L * 3_000_000));
        }
    }

    @Test
    void sessions_withTheSameName_haveDistinctIds() {
        try (GenOps genops = TestTables.builder().build();
             MonitoringSession first = genops.openSession("shift");
             MonitoringSession second = genops.openSession("shift")) {
            assertThat(first.id()).isNotEqualTo(second.id()).startsWith("shift-");
            assertThatThrownBy(() -> {
                first.close();
                first.trackInteraction("bot", INTERACTION);
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining(first.id());
        }
    }
}
