package io.genops.bench;

import io.genops.core.event.Complexity;
import io.genops.core.event.Interaction;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.MonitoringSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The events the benchmarks record: a fixed mix of interactions on real models of the bundled price
 * table, with cache reads and reasoning where those models have them, built once before measuring.
 * A real caller builds its event in its own code; the benchmarks measure the library's call only.
 */
final class Fixtures {
    /** A power of two, so that a benchmark picks the next event with a mask rather than a division. */
    static final int SIZE = 8;
    static final int MASK = SIZE - 1;

    private Fixtures() {
    }

    static Interaction[] interactions() {
        final Interaction[] mix = {
            interaction("gpt-4o-mini", 1_200, 0, 300, 0, Complexity.SIMPLE),
            interaction("gpt-4o", 3_500, 1_400, 700, 0, Complexity.MODERATE),
            interaction("claude-sonnet-4-5", 24_000, 20_000, 1_800, 0, Complexity.COMPLEX),
            interaction("o4-mini", 6_000, 1_000, 4_000, 3_000, Complexity.COMPLEX),
            interaction("gemini-2.5-flash", 2_000, 0, 500, 150, Complexity.SIMPLE),
            interaction("claude-haiku-4-5", 1_800, 1_000, 400, 0, Complexity.MODERATE),
            interaction("gpt-4.1-mini", 1_500, 750, 350, 0, Complexity.SIMPLE),
            interaction("deepseek-chat", 2_500, 1_000, 450, 0, Complexity.SIMPLE),
        };
        return mix;
    }

    /** Agent ids, one per interaction of the mix, across the four teams of the guide. */
    static String[] agents() {
        return new String[] {"support-agent-01", "sales-agent-01", "technical-agent-01", "technical-agent-02",
            "billing-agent-01", "support-agent-02", "billing-agent-02", "sales-agent-02"};
    }

    /**
     * Journals {@code count} interactions of the mix, recorded by the mix's agents in one session of
     * team support, project helpdesk, environment prod, through a pipeline that {@code builder} starts
     * from, then closes the pipeline: what the reading benchmarks read back.
     */
    static void journalShift(final GenOpsBuilder builder, final Path journal, final int count) {
        final Interaction[] interactions = interactions();
        final String[] agents = agents();
        try (GenOps genops = builder.team("support").project("helpdesk").environment("prod").journal(journal).build();
             MonitoringSession session = genops.openSession("customer_support_shift")) {
            for (int i = 0; i < count; i++) {
                session.trackInteraction(agents[i % agents.length], interactions[i % interactions.length]);
            }
        }
    }

    private static Interaction interaction(final String model, final long input, final long cacheRead,
        final long output, final long reasoning, final Complexity complexity) {
        return Interaction.builder()
            .model(model)
            .inputTokens(input)
            .cacheReadTokens(cacheRead)
            .outputTokens(output)
            .reasoningTokens(reasoning)
            .latency(Duration.ofMillis(900))
            .complexity(complexity)
            .payloadChars((input + output) * 4)
            .performance(Map.of("confidence_score", 0.9))
            .build();
    }
}
