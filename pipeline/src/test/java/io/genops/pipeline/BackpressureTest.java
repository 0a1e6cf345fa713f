package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.event.Interaction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackpressureTest {
    private static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(10).outputTokens(10).build();
    private static final int RING = 16;

    @Test
    void drop_whenRingFull_returnsFalseAndCountsEveryDrop() throws Exception {
        final GateStage gate = new GateStage();
        try (GenOps genops = TestTables.builder().ringSize(RING).backpressure(BackpressurePolicy.DROP)
            .stage(gate).build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", INTERACTION);
            gate.awaitHeld();

            int accepted = 1;
            int refused = 0;
            for (int i = 0; i < 100; i++) {
                if (session.trackInteraction("bot", INTERACTION)) {
                    accepted++;
                } else {
                    refused++;
                }
            }
            gate.open();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();

            // The held event keeps its slot, so the ring holds it and RING - 1 more.
            assertThat(accepted).isEqualTo(RING);
            assertThat(genops.metrics().dropped()).isEqualTo(refused).isEqualTo(101 - accepted);
            assertThat(genops.metrics().accepted()).isEqualTo(accepted);
            assertThat(genops.metrics().processed()).isEqualTo(accepted);
        }
    }

    @Test
    void fail_whenRingFull_throwsAndCounts() throws Exception {
        final GateStage gate = new GateStage();
        try (GenOps genops = TestTables.builder().ringSize(RING).backpressure(BackpressurePolicy.FAIL)
            .stage(gate).build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", INTERACTION);
            gate.awaitHeld();
            for (int i = 0; i < RING - 1; i++) {
                session.trackInteraction("bot", INTERACTION);
            }

            assertThatThrownBy(() -> session.trackInteraction("bot", INTERACTION))
                .isInstanceOf(RingFullException.class)
                .hasMessageContaining("16 slots");
            assertThat(genops.metrics().dropped()).isEqualTo(1);
            gate.open();
        }
    }

    @Test
    void block_whenRingFull_waitsThenAcceptsEverything() throws Exception {
        final GateStage gate = new GateStage();
        try (GenOps genops = TestTables.builder().ringSize(RING).stage(gate).build();
             MonitoringSession session = genops.openSession("s")) {
            final Thread producer = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    session.trackInteraction("bot", INTERACTION);
                }
            });
            producer.start();
            gate.awaitHeld();
            producer.join(200);
            assertThat(producer.isAlive()).as("the producer waits while the ring is full").isTrue();

            gate.open();
            producer.join(10_000);
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(genops.metrics().accepted()).isEqualTo(200);
            assertThat(genops.metrics().processed()).isEqualTo(200);
            assertThat(genops.metrics().dropped()).isZero();
        }
    }
}
