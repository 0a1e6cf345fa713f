package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FailingStageTest {
    @Test
    void aThrowingStage_neverStopsThePipeline_andTheEventsStayAccounted() {
        final List<String> reported = new CopyOnWriteArrayList<>();
        final PipelineStage everyTenth = new PipelineStage() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                if (event.sequence() % 10 == 0) {
                    throw new IllegalStateException("flaky stage failed on " + event.sequence());
                }
            }
        };
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        try (GenOps genops = TestTables.builder().stage(everyTenth)
            .errorHandler((stage, event, error) -> reported.add(stage + ":" + error.getMessage())).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 1_000; i++) {
                session.trackInteraction("bot", interaction);
            }
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.processed()).isEqualTo(1_000);
            assertThat(metrics.failedEvents()).isEqualTo(100);
            assertThat(metrics.stageFailures()).isEqualTo(100);
            assertThat(metrics.totalCost()).isEqualTo(Money.usdNanos(1_000L * 3_000_000));
            assertThat(reported).hasSize(100).first().isEqualTo("flaky:flaky stage failed on 0");

            session.trackInteraction("bot", interaction);
            assertThat(genops.flush(Duration.ofSeconds(10))).as("the consumer thread is still alive").isTrue();
            assertThat(genops.metrics().processed()).isEqualTo(1_001);
        }
    }

    @Test
    void stagesOnSeveralThreads_runInOrderAndAccountEverything() {
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        try (GenOps genops = TestTables.builder().stageThreads(3).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 10_000; i++) {
                session.trackInteraction("bot", interaction);
            }
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            final PipelineMetrics metrics = genops.metrics();
            assertThat(metrics.stageGroups()).hasSize(3);
            assertThat(metrics.stageGroups()).allSatisfy(group -> assertThat(group.events()).isEqualTo(10_000));
            assertThat(metrics.totalCost()).isEqualTo(Money.usdNanos(10_000L * 3_000_000));
        }
    }
}
