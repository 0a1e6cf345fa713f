package io.genops.bench;

import io.genops.core.event.GroupAttribute;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.AgentGroup;
import io.genops.pipeline.BackpressurePolicy;
import io.genops.pipeline.Conversation;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.MonitoringSession;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one {@code trackInteraction} call costs the caller's thread, with the event built beforehand.
 *
 * <p>The ring uses {@link BackpressurePolicy#BLOCK}, the default. When the single consumer keeps up,
 * a call never waits and this is the call's own cost. When it does not, the caller waits for free
 * slots and the figure becomes the consumer's cost per event: an upper bound, never an
 * underestimate. {@code DROP} would turn a slow consumer into a flood of cheap refusals and report
 * those instead, which is why it is not used. The sample-time mode separates the two: its median is
 * the call itself, its tail the waits. See {@code bench/README.md}.
 *
 * <p>Run with {@code -prof gc} for bytes allocated per call; the figure covers every thread of the
 * JVM, the consumer's included. A journal, when there is one, goes to a fresh directory.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrackInteractionBenchmark {
    /**
     * Enforcement reads the budget gate on every call; a limit this high keeps it open for the whole
     * run. (Far higher limits overflow the budget stage's percentage check, see README.)
     */
    private static final Money UNREACHABLE_LIMIT = Money.usd("5000000");

    /** {@code session}: a plain session. {@code conversation}: adds the conversation's own bookkeeping. */
    @Param({"session", "conversation"})
    public String target;

    /** {@code ENFORCED} adds the read of the team's budget gate; run it with {@code -p policy=ENFORCED}. */
    @Param({"ADVISORY"})
    public GovernancePolicy policy;

    /**
     * With the journal (the default) the consumer is slower than the caller, so back-to-back calls
     * end up waiting for it; without, the consumer keeps up and the mean is the call's own cost.
     */
    @Param({"true", "false"})
    public boolean journaled;

    /**
     * Agent groups declared: {@code 0}, or {@code 4} (three by agent pattern, one by team and pattern,
     * none matching the billing agents, so their events try every group before falling to the default).
     */
    @Param({"0"})
    public int groups;

    /**
     * {@code exact}: the caller prices each interaction (the default). {@code fixed}: the caller charges a
     * fixed 0.001 USD estimate and leaves pricing to the consumer, as the high-frequency preset does.
     */
    @Param({"exact"})
    public String costs;

    private TempJournal journal;
    private GenOps genops;
    private MonitoringSession session;
    private Conversation conversation;
    private Interaction[] interactions;
    private String[] agents;
    private int next;

    @Setup(Level.Trial)
    public void start() {
        journal = new TempJournal();
        final GenOpsBuilder builder = GenOps.builder()
            .team("support")
            .policy(policy)
            .dailyBudget(UNREACHABLE_LIMIT)
            .backpressure(BackpressurePolicy.BLOCK);
        if ("fixed".equals(costs)) {
            builder.costEstimate(Money.usd("0.001"), 100);
        }
        if (groups > 0) {
            builder.agentGroup("critical", AgentGroup.builder().matchAgents("critical-*", "*-agent-00").build())
                .agentGroup("sales", AgentGroup.builder().matchAgents("sales-*").samplingRate(0.1).build())
                .agentGroup("technical", AgentGroup.builder().matchAgents("technical-*").costAlerts(false).build())
                .agentGroup("support", AgentGroup.builder().matchAgents("support-agent-0*")
                    .matchAttribute(GroupAttribute.TEAM, "support").policy(GovernancePolicy.ENFORCED).build());
        }
        genops = (journaled ? builder.journal(journal.directory()) : builder.noJournal()).build();
        session = genops.openSession("benchmark");
        conversation = "conversation".equals(target) ? session.openConversation("benchmark-case", "customer-1")
            : null;
        interactions = Fixtures.interactions();
        agents = Fixtures.agents();
    }

    @TearDown(Level.Trial)
    public void stop() {
        genops.close();
        journal.close();
    }

    @Benchmark
    public boolean trackInteraction() {
        final int i = next++ & Fixtures.MASK;
        return conversation == null ? session.trackInteraction(agents[i], interactions[i])
            : conversation.trackInteraction(agents[i], interactions[i]);
    }
}
