package io.genops.pipeline.soak;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;

/**
 * Runs {@code events} events across {@code sessions} sessions, each opened, used and closed in turn,
 * and prints the live heap after a full collection at each tenth of the run, as {@code heap <bytes>}.
 * Started in a child JVM with a small heap by {@link LongRunningMemoryTest}.
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(final String[] args) {
        final long events = Long.parseLong(args[0]);
        final int sessions = Integer.parseInt(args[1]);
        final long perSession = events / sessions;
        final Interaction[] interactions = interactions();
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (GenOps genops = GenOps.builder().noJournal().ringSize(16_384)
            .modelPrices(ModelPriceTable.of("soak", List.of(ModelPrice.of("m", "acme", TokenRates.of(1_000, 2_000)))))
            .build()) {
            for (int s = 0; s < sessions; s++) {
                try (MonitoringSession session = genops.openSession("soak",
                    Attribution.builder().team("team-" + s % 20).customerId("customer-" + s).build())) {
                    for (long i = 0; i < perSession; i++) {
                        session.trackInteraction("agent-" + (s % 500), interactions[(int)(i % interactions.length)]);
                    }
                    session.trackSignal("quality", PerformanceSignal.builder().value(s % 10).build());
                }
                if ((s + 1) % (sessions / 10) == 0) {
                    genops.flush(Duration.ofMinutes(1));
                    System.gc();
                    System.out.println("heap " + memory.getHeapMemoryUsage().getUsed());
                }
            }
            System.out.println("processed " + genops.metrics().processed());
        }
    }

    private static Interaction[] interactions() {
        final Interaction[] interactions = new Interaction[16];
        for (int i = 0; i < interactions.length; i++) {
            interactions[i] = Interaction.builder().model("m").inputTokens(100 + i).outputTokens(50 + i)
                .latency(Duration.ofMillis(100 + i)).conversationId("conversation-" + i).build();
        }
        return interactions;
    }
}
