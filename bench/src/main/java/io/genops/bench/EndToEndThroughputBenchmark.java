package io.genops.bench;

import io.genops.core.event.Interaction;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.MonitoringSession;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through every stage, with one producer: each invocation publishes
 * {@value #EVENTS} interactions and waits until the last one has passed every stage, so the score
 * (operations per second, one operation per event) is the pipeline's sustained rate, not how fast
 * the ring fills. The pipeline runs with its defaults: blocking backpressure, the sleeping consumer
 * wait, one consumer thread on a 2-core machine, and the audit journal (in a fresh directory); the
 * {@code journaled} parameter also measures it without, to show what the journal costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EndToEndThroughputBenchmark.EVENTS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EndToEndThroughputBenchmark {
    /** Events per invocation: enough that the final flush's wait is a small share of the time. */
    static final int EVENTS = 100_000;
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    @Param({"true", "false"})
    public boolean journaled;

    private TempJournal journal;
    private GenOps genops;
    private MonitoringSession session;
    private Interaction[] interactions;
    private String[] agents;

    @Setup(Level.Trial)
    public void start() {
        journal = new TempJournal();
        final GenOpsBuilder builder = GenOps.builder().team("support");
        genops = (journaled ? builder.journal(journal.directory()) : builder.noJournal()).build();
        session = genops.openSession("throughput");
        interactions = Fixtures.interactions();
        agents = Fixtures.agents();
    }

    @TearDown(Level.Trial)
    public void stop() {
        genops.close();
        journal.close();
    }

    @Benchmark
    public boolean publishThenFlush() {
        for (int i = 0; i < EVENTS; i++) {
            session.trackInteraction(agents[i & Fixtures.MASK], interactions[i & Fixtures.MASK]);
        }
        if (!genops.flush(FLUSH_TIMEOUT)) {
            throw new IllegalStateException("the pipeline did not drain " + EVENTS + " events within " + FLUSH_TIMEOUT);
        }
        return true;
    }
}
