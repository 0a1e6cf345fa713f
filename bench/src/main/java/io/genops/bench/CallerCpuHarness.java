package io.genops.bench;

import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.MonitoringSession;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The CPU time the caller's thread spends per {@code trackInteraction}, by the thread's own CPU clock:
 * unlike a wall-clock benchmark on two cores, it does not count the moments the scheduler gives the
 * caller's core to the consumer, so small differences between configurations show through. It compares
 * callers that price each interaction (exact) with callers that charge a fixed estimate, under the
 * advisory and the enforced policy, in rounds that alternate the configurations.
 *
 * <pre>
 * java @bench/target/genops-jvm.options -cp bench/target/benchmarks.jar \
 *     io.genops.bench.CallerCpuHarness [rounds, default 3] [calls per measurement, default 5000000]
 * </pre>
 */
public final class CallerCpuHarness {
    private static final int WARM_UP_CALLS = 2_000_000;
    private static final Money UNREACHABLE_LIMIT = Money.usd("5000000");

    private CallerCpuHarness() {
    }

    public static void main(final String[] args) {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("round  policy    costs  caller CPU ns/call  wall ns/call");
        for (int round = 1; round <= rounds; round++) {
            for (final GovernancePolicy policy : GovernancePolicy.values()) {
                for (final boolean fixed : new boolean[] {false, true}) {
                    final double[] figures = measure(threads, policy, fixed, calls);
                    System.out.printf("%5d  %-8s  %-5s  %18.1f  %12.1f%n", round, policy, fixed ? "fixed" : "exact",
                        figures[0], figures[1]);
                }
            }
        }
    }

    /** CPU and wall nanoseconds per call over {@code calls} calls, after a warm-up of the same pipeline. */
    private static double[] measure(final ThreadMXBean threads, final GovernancePolicy policy, final boolean fixed,
        final int calls) {
        final GenOpsBuilder builder = GenOps.builder().noJournal().team("support").policy(policy)
            .dailyBudget(UNREACHABLE_LIMIT);
        if (fixed) {
            builder.costEstimate(Money.usd("0.001"), 100);
        }
        final Interaction[] interactions = Fixtures.interactions();
        final String[] agents = Fixtures.agents();
        try (GenOps genops = builder.build(); MonitoringSession session = genops.openSession("caller-cpu")) {
            track(session, interactions, agents, WARM_UP_CALLS);
            genops.flush(Duration.ofSeconds(30));
            final long cpuStart = threads.getCurrentThreadCpuTime();
            final long wallStart = System.nanoTime();
            track(session, interactions, agents, calls);
            final long wall = System.nanoTime() - wallStart;
            final long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            genops.flush(Duration.ofSeconds(30));
            return new double[] {(double)cpu / calls, (double)wall / calls};
        }
    }

    private static void track(final MonitoringSession session, final Interaction[] interactions,
        final String[] agents, final int calls) {
        for (int i = 0; i < calls; i++) {
            session.trackInteraction(agents[i % agents.length], interactions[i & Fixtures.MASK]);
        }
    }
}
