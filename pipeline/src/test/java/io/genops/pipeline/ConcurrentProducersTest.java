package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentProducersTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 100_000;
    /** 1000 input tokens at 1e-6 plus 500 output tokens at 2e-6 plus the 0.001 platform fee. */
    private static final long NANOS_PER_EVENT = 3_000_000;

    @Test
    void shouldCountEveryEventAndCostExactlyWithEightProducers() throws Exception {
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        try (GenOps genops = TestTables.builder().ringSize(8192).build()) {
            final List<MonitoringSession> sessions = new ArrayList<>();
            final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            final CountDownLatch start = new CountDownLatch(1);
            final List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final MonitoringSession session = genops.openSession("producer-" + t,
                    Attribution.team("team-" + (t % 2)));
                sessions.add(session);
                final String agent = "agent-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        session.trackInteraction(agent, interaction);
                    }
                    return null;
                }));
            }

            start.countDown();
            for (final Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(genops.flush(Duration.ofSeconds(30))).isTrue();

            final long events = (long)THREADS * PER_THREAD;
            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.accepted()).isEqualTo(events);
            assertThat(metrics.processed()).isEqualTo(events);
            assertThat(metrics.dropped()).isZero();
            assertThat(metrics.failedEvents()).isZero();
            assertThat(metrics.totalCost()).isEqualTo(Money.usdNanos(events * NANOS_PER_EVENT));
            assertThat(metrics.costByTeam()).containsEntry("team-0", Money.usdNanos(events / 2 * NANOS_PER_EVENT))
                .containsEntry("team-1", Money.usdNanos(events / 2 * NANOS_PER_EVENT));
            for (final MonitoringSession session : sessions) {
                session.close();
                assertThat(session.operationCount()).isEqualTo(PER_THREAD);
                assertThat(session.totalCost()).isEqualTo(Money.usdNanos(PER_THREAD * NANOS_PER_EVENT));
            }
        }
    }
}
