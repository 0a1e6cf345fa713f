package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.alert.FiredAlert;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Races and extremes: a call racing close, an amount near the long range, restarts, a failing exporter. */
class EdgeCasesTest {
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();

    @TempDir
    Path journal;

    @Test
    void aCallRacingClose_isEitherRecordedOrRefused_neverAcceptedAndLost() throws Exception {
        final HoldingClock clock = new HoldingClock();
        final GenOps genops = TestTables.builder().clock(clock).build();
        final MonitoringSession session = genops.openSession("s");
        final AtomicReference<Throwable> outcome = new AtomicReference<>();
        final Thread caller = new Thread(() -> {
            try {
                session.trackInteraction("bot", INTERACTION);
            } catch (final RuntimeException e) {
                outcome.set(e);
            }
        });
        clock.hold();
        caller.start();
        assertThat(clock.held.await(10, TimeUnit.SECONDS)).isTrue();

        final ShutdownReport report = genops.close(Duration.ofSeconds(5));
        clock.release();
        caller.join(10_000);

        assertThat(outcome.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(report.clean()).isTrue();
        assertThat(genops.metrics().accepted()).isZero();
        assertThat(genops.metrics().rejectedInvalid()).isEqualTo(1);
    }

    @Test
    void enforced_anOverrideNearTheLongRange_isRefused_andTheBudgetKeepsHolding() {
        try (GenOps genops = TestTables.builder().policy(GovernancePolicy.ENFORCED)
            .dailyBudget("support", Money.usd("1")).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            final Interaction huge = Interaction.builder().model(TestTables.MODEL)
                .cost(Money.usdNanos(Long.MAX_VALUE - 10)).build();
            assertThatThrownBy(() -> session.trackInteraction("bot", huge)).isInstanceOf(BudgetExceededException.class);

            final Interaction big = Interaction.builder().model(TestTables.MODEL).cost(Money.usd("0.9")).build();
            session.trackInteraction("bot", big);
            assertThatThrownBy(() -> session.trackInteraction("bot", big)).isInstanceOf(BudgetExceededException.class);
            assertThat(genops.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(genops.budgetStatus("support").consumed()).isEqualTo(Money.usd("0.9"));
        }
    }

    @Test
    void tokenCountsTooLargeToPrice_areRefusedAtTheCall() {
        try (GenOps genops = TestTables.builder().build();
             MonitoringSession session = genops.openSession("s")) {
            final Interaction absurd = Interaction.builder().model(TestTables.MODEL).inputTokens(Long.MAX_VALUE / 2)
                .cost(Money.usd("0.01")).build();
            assertThatThrownBy(() -> session.trackInteraction("bot", absurd))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large to price");
            assertThatThrownBy(() -> Interaction.builder().inputTokens(0).cacheReadTokens(Long.MAX_VALUE)
                .cacheCreationTokens(1).build()).isInstanceOf(IllegalArgumentException.class);
            assertThat(genops.metrics().accepted()).isZero();
        }
    }

    @Test
    void aRestart_doesNotRaiseAgainTheBudgetAlertsTheFirstRunRaised() {
        final CapturingChannel first = new CapturingChannel("log");
        try (GenOps genops = TestTables.builder().journal(journal).alertChannel(first)
            .alertBatchAge(Duration.ofMillis(10)).dailyBudget("support", Money.usd("0.01")).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            for (int i = 0; i < 3; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
            assertThat(genops.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(genops.awaitAlerts(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(first.alerts()).extracting(FiredAlert::threshold).containsExactly(50.0, 80.0);

        final CapturingChannel second = new CapturingChannel("log");
        try (GenOps genops = TestTables.builder().journal(journal).alertChannel(second)
            .alertBatchAge(Duration.ofMillis(10)).dailyBudget("support", Money.usd("0.01")).build();
             MonitoringSession session = genops.openSession("s", Attribution.team("support"))) {
            session.trackInteraction("bot", INTERACTION);
            assertThat(genops.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(genops.awaitAlerts(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(second.alerts()).as("only the threshold crossed after the restart").extracting(FiredAlert::threshold)
            .containsExactly(100.0);
    }

    @Test
    void anExporterThatThrows_neverStopsItsRunner() {
        final AtomicLong delivered = new AtomicLong();
        final Exporter flaky = new Exporter() {
            private long batch;
            private int sends;

            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void add(final EventView event) {
                if (event.sequence() == 7) {
                    throw new IllegalStateException("cannot map event 7");
                }
                batch++;
            }

            @Override
            public ExportResult send() {
                if (++sends == 1) {
                    throw new IllegalStateException("the first send blows up");
                }
                delivered.addAndGet(batch);
                batch = 0;
                return ExportResult.SUCCESS;
            }

            @Override
            public void discard() {
                batch = 0;
            }
        };
        final GenOps genops = TestTables.builder().journal(journal).exporter(flaky)
            .exportBatchAge(Duration.ofMillis(5)).exportBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
        try (MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 100; i++) {
                session.trackInteraction("bot", INTERACTION);
            }
        }
        final ShutdownReport report = genops.close(Duration.ofSeconds(10));

        assertThat(report.exportersCaughtUp()).isTrue();
        // 100 interactions and the session's record, less the one event the exporter could not take.
        assertThat(delivered.get()).isEqualTo(100);
        assertThat(genops.exporterStatuses()).singleElement().satisfies(status -> {
            assertThat(status.failedEvents()).isEqualTo(1);
            assertThat(status.retries()).isEqualTo(1);
        });
    }

    /** A clock whose next reading can be held, so a call can be parked inside the pipeline. */
    private static final class HoldingClock extends Clock {
        final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holding;

        void hold() {
            holding = true;
        }

        void release() {
            released.countDown();
        }

        @Override
        public long millis() {
            if (holding) {
                holding = false;
                held.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return System.currentTimeMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }
}
