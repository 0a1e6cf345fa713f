package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConversationTest {
    @Test
    void conversation_groupsAgents_emitsFlowSignals_andASummaryAtClose() {
        final List<String> signals = new CopyOnWriteArrayList<>();
        final List<String> customers = new CopyOnWriteArrayList<>();
        final PipelineStage watch = new PipelineStage() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public void onEvent(final EventView event, final boolean endOfBatch) {
                customers.add(event.customerId() + "/" + event.conversationId());
                if (event.kind() == EventKind.SIGNAL) {
                    signals.add(event.name() + "=" + (long)event.value());
                }
            }
        };
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        try (GenOps genops = TestTables.builder().stage(watch).conversationFlowInterval(5).build()) {
            final Conversation conversation = genops.openConversation("conv_123", "customer_456");
            final String[] agents = {"triage", "billing", "escalation"};
            for (int i = 0; i < 12; i++) {
                conversation.trackInteraction(agents[i % 3], interaction);
            }
            conversation.close();

            assertThat(conversation.interactionCount()).isEqualTo(12);
            assertThat(conversation.agentsInvolved()).containsExactlyInAnyOrder(agents);
            assertThat(signals).containsExactly("conversation_flow_metrics=5", "conversation_flow_metrics=10",
                "conversation_summary=12");
            assertThat(customers).hasSize(15).allMatch("customer_456/conv_123"::equals);
            // 12 interactions at 0.003 and 3 signals at 0.01.
            assertThat(conversation.totalCost()).isEqualTo(Money.usd("0.066"));
        }
    }

    @Test
    void flowSignal_waitingForASlotWhenThePipelineCloses_isLeftOut_andTheInteractionStaysAccepted()
        throws Exception {
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        final GateStage gate = new GateStage();
        final GenOps genops = TestTables.builder().stage(gate).ringSize(8).backpressure(BackpressurePolicy.BLOCK)
            .conversationFlowInterval(8).build();
        final Conversation conversation = genops.openConversation("c1", "customer-1");
        for (int i = 0; i < 7; i++) {
            conversation.trackInteraction("bot", interaction);
        }
        gate.awaitHeld();

        // The eighth interaction takes the ring's last slot; its flow signal waits for one the held stage keeps.
        final AtomicReference<Object> eighth = new AtomicReference<>();
        final Thread caller = new Thread(() -> {
            try {
                eighth.set(conversation.trackInteraction("bot", interaction));
            } catch (final RuntimeException e) {
                eighth.set(e);
            }
        });
        caller.start();
        while (caller.getState() != Thread.State.TIMED_WAITING && caller.isAlive()) {
            Thread.onSpinWait();
        }
        final ShutdownReport report = genops.close(Duration.ofMillis(100));
        caller.join(10_000);
        gate.open();

        assertThat(eighth.get()).isEqualTo(true);
        assertThat(conversation.interactionCount()).isEqualTo(8);
        assertThat(conversation.signalsRecorded()).isZero();
        assertThat(report.metrics().rejectedInvalid()).as("the flow signal, refused by the close").isEqualTo(1);
    }

    @Test
    void conversationInASession_countsTowardsBoth() {
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        try (GenOps genops = TestTables.builder().conversationFlowInterval(100).build();
             MonitoringSession session = genops.openSession("shift")) {
            try (Conversation conversation = session.openConversation("c1", "customer-1")) {
                conversation.trackInteraction("bot", interaction);
                conversation.trackInteraction("bot", interaction);
            }
            session.trackInteraction("bot", interaction);
            session.close();

            assertThat(session.operationCount()).isEqualTo(4);
            assertThat(session.totalCost()).isEqualTo(Money.usd("0.019"));
        }
    }
}
