package io.genops.cli.demo;

import io.genops.core.event.Complexity;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic workload: agents spread over the teams, and for each producer thread a script of
 * pre-built calls that the thread cycles through.
 *
 * <p>Everything is built before the clock starts, as a real caller builds its events in its own
 * code: the demo means to measure the library's calls, not the making of their arguments. The
 * scripts are drawn from a fixed seed, so two runs with the same options make the same calls.
 */
final class Workload {
    static final String RESPONSE_QUALITY = "response_quality";
    static final String LATENCY_P95 = "latency_p95_ms";
    static final String CONFIDENCE = "confidence_score";

    /** Calls per script; long enough that agents, models and sizes mix well before it repeats. */
    static final int SCRIPT_LENGTH = 4_096;
    /** One call in this many is a performance signal, as in the guide's sampled signal monitoring. */
    private static final int SIGNAL_EVERY = 10;
    /** Share of interactions that are part of a multi-agent customer conversation. */
    private static final int CONVERSATIONAL_PERCENT = 30;
    /** Share of calls that hit the provider's prompt cache, for models whose profile caches at all. */
    private static final int CACHE_HIT_PERCENT = 50;
    /** Share of calls that take 1.5 to 3 times the profile's slowest latency. */
    private static final int STRAGGLER_PERCENT = 2;
    /** A rough size of a token in characters of English text. */
    private static final int CHARS_PER_TOKEN = 4;

    private final List<Agent> agents;
    private final long seed;

    Workload(final int agentCount, final long seed) {
        final List<Agent> all = new ArrayList<>(agentCount);
        final Team[] teams = Team.values();
        for (int i = 0; i < agentCount; i++) {
            all.add(Agent.of(teams[i % teams.length], i / teams.length + 1));
        }
        this.agents = List.copyOf(all);
        this.seed = seed;
    }

    List<Agent> agents() {
        return agents;
    }

    /**
     * The script of producer {@code thread} of {@code threads}. Each thread rotates through every
     * agent, starting at its own offset so that the threads do not move in step.
     */
    Step[] script(final int thread, final int threads) {
        final SplittableRandom random = new SplittableRandom(seed + thread);
        final int offset = thread * agents.size() / threads;
        final Step[] script = new Step[SCRIPT_LENGTH];
        for (int i = 0; i < script.length; i++) {
            final Agent agent = agents.get((offset + i) % agents.size());
            script[i] = random.nextInt(SIGNAL_EVERY) == 0 ? signal(agent, random)
                : Step.interaction(agent, interaction(agent, random), random.nextInt(100) < CONVERSATIONAL_PERCENT);
        }
        return script;
    }

    private static Interaction interaction(final Agent agent, final SplittableRandom random) {
        final CallProfile call = agent.team().call(random.nextDouble());
        final long input = between(random, call.minInput(), call.maxInput());
        final long output = between(random, call.minOutput(), call.maxOutput());
        final boolean cacheHit = random.nextInt(100) < CACHE_HIT_PERCENT;
        return Interaction.builder()
            .model(call.model())
            .provider(call.provider())
            .inputTokens(input)
            .cacheReadTokens(cacheHit ? input * call.cachedPercent() / 100 : 0)
            .outputTokens(output)
            .reasoningTokens(output * call.reasoningPercent() / 100)
            .latency(Duration.ofMillis(latencyMs(call, random)))
            .complexity(call.complexity())
            .payloadChars((input + output) * CHARS_PER_TOKEN)
            .performance(Map.of(CONFIDENCE, hundredths(between(random, 55, 99))))
            .attribution(agent.attribution())
            .build();
    }

    private static long latencyMs(final CallProfile call, final SplittableRandom random) {
        final long latency = between(random, call.minLatencyMs(), call.maxLatencyMs());
        if (random.nextInt(100) < STRAGGLER_PERCENT) {
            return call.maxLatencyMs() * between(random, 15, 30) / 10;
        }
        return latency;
    }

    /** A quality score or a latency report about the agent, at the team's reporting frequency. */
    private static Step signal(final Agent agent, final SplittableRandom random) {
        final PerformanceSignal.Builder signal = PerformanceSignal.builder()
            .agentId(agent.id())
            .frequency(agent.team().signalFrequency())
            .attribution(agent.attribution());
        if (random.nextBoolean()) {
            signal.value(hundredths(between(random, 50, 99))).threshold(0.7).complexity(Complexity.MODERATE);
            return Step.signal(agent, RESPONSE_QUALITY, signal.build());
        }
        signal.value(between(random, 400, 3_200)).threshold(2_500).complexity(Complexity.SIMPLE);
        return Step.signal(agent, LATENCY_P95, signal.build());
    }

    private static long between(final SplittableRandom random, final long min, final long max) {
        return random.nextLong(min, max + 1);
    }

    private static double hundredths(final long value) {
        return value / 100.0;
    }
}
