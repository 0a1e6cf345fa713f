package io.genops.bench;

import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.pipeline.ConsumerWait;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.PipelineStage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Weighs the consumer's idle wait: for each {@link ConsumerWait} (and a few park times of the
 * sleeping one) it measures what the choice costs under load and what it costs at rest.
 *
 * <ul>
 *   <li><b>throughput</b>: one producer publishes a burst of events, then waits until all have passed
 *       every stage; the median of several bursts, after warm-up bursts.</li>
 *   <li><b>idle CPU</b>: the CPU time the consumer threads ({@code genops-stage-*}) burn while
 *       nothing arrives, as a share of one core.</li>
 *   <li><b>wake-up</b>: after a quiet spell, how long one event takes from the call to the end of the
 *       built-in stages (seen by a stage of our own appended after them); the median of several.</li>
 *   <li><b>paced call</b>: the caller-side time of one call when calls come at a steady
 *       {@value #PACED_RATE} per second, so the consumer is idle between most of them: the case of a
 *       chat backend, where waking the consumer may fall to the caller.</li>
 * </ul>
 *
 * <p>A plain program rather than JMH: idle CPU and wake-up after a pause are not per-operation times.
 * Each configuration gets a fresh pipeline in the same JVM, one after another, with the audit journal
 * in a fresh directory; {@code --no-journal} leaves the journal out, so that the wait's own share of
 * the throughput is not hidden behind the journal's.
 */
public final class WaitStrategyHarness {
    private static final int BURST = 1_000_000;
    private static final int WARM_UP_BURSTS = 3;
    private static final int MEASURED_BURSTS = 5;
    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final int WAKE_UPS = 21;
    private static final Duration QUIET_SPELL = Duration.ofMillis(20);
    private static final long ARRIVAL_POLL_NANOS = 50_000;
    private static final int PACED_RATE = 20_000;
    private static final int PACED_CALLS = 40_000;
    private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WaitStrategyHarness() {
    }

    /** A way of waiting, as the table shows it. */
    private record Choice(String label, ConsumerWait strategy, Duration park) {
        GenOpsBuilder configure(final GenOpsBuilder builder) {
            builder.consumerWait(strategy);
            return park == null ? builder : builder.consumerPark(park);
        }
    }

    private static final List<Choice> CHOICES = List.of(
        new Choice("SLEEPING, park 10 us", ConsumerWait.SLEEPING, Duration.ofNanos(10_000)),
        new Choice("SLEEPING, park 100 us (default)", ConsumerWait.SLEEPING, Duration.ofNanos(100_000)),
        new Choice("SLEEPING, park 300 us", ConsumerWait.SLEEPING, Duration.ofNanos(300_000)),
        new Choice("SLEEPING, park 1 ms", ConsumerWait.SLEEPING, Duration.ofMillis(1)),
        new Choice("YIELDING", ConsumerWait.YIELDING, null),
        new Choice("BLOCKING", ConsumerWait.BLOCKING, null),
        new Choice("BUSY_SPIN", ConsumerWait.BUSY_SPIN, null));

    public static void main(final String[] args) {
        final boolean journaled = !Arrays.asList(args).contains("--no-journal");
        if (!THREADS.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        System.out.println(journaled ? "Pipeline with the audit journal" : "Pipeline in memory only (--no-journal)");
        System.out.printf(Locale.ROOT, "%-32s %12s %10s %12s %12s %14s %14s%n", "consumer wait", "events/s",
            "idle CPU", "wake-up p50", "wake-up max", "paced call p50", "paced call p99");
        for (final Choice choice : CHOICES) {
            measure(choice, journaled);
        }
    }

    private static void measure(final Choice choice, final boolean journaled) {
        final ArrivalStage arrivals = new ArrivalStage();
        try (TempJournal journal = new TempJournal();
             GenOps genops = pipeline(choice, journaled ? journal : null, arrivals);
             MonitoringSession session = genops.openSession("wait-strategy")) {
            final double eventsPerSecond = throughput(genops, session);
            final double idleShare = idleCpuShare();
            final long[] wakeUps = wakeUps(session, arrivals);
            final Histogram paced = pacedCalls(session);
            System.out.printf(Locale.ROOT, "%-32s %,12.0f %9.1f%% %12s %12s %14s %14s%n", choice.label(),
                eventsPerSecond, 100 * idleShare, micros(wakeUps[wakeUps.length / 2]),
                micros(wakeUps[wakeUps.length - 1]), nanos(paced.getValueAtPercentile(50)),
                nanos(paced.getValueAtPercentile(99)));
        }
    }

    private static GenOps pipeline(final Choice choice, final TempJournal journal, final ArrivalStage arrivals) {
        final GenOpsBuilder builder = choice.configure(GenOps.builder().team("support").stage(arrivals));
        return (journal != null ? builder.journal(journal.directory()) : builder.noJournal()).build();
    }

    /** The median rate of the measured bursts. */
    private static double throughput(final GenOps genops, final MonitoringSession session) {
        final Interaction[] interactions = Fixtures.interactions();
        final String[] agents = Fixtures.agents();
        for (int i = 0; i < WARM_UP_BURSTS; i++) {
            burst(genops, session, interactions, agents);
        }
        final double[] rates = new double[MEASURED_BURSTS];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = BURST / (burst(genops, session, interactions, agents) / 1e9);
        }
        Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    /** Nanoseconds from the first call of a burst until its last event has passed every stage. */
    private static long burst(final GenOps genops, final MonitoringSession session, final Interaction[] interactions,
        final String[] agents) {
        final long startNanos = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            session.trackInteraction(agents[i & Fixtures.MASK], interactions[i & Fixtures.MASK]);
        }
        if (!genops.flush(FLUSH_TIMEOUT)) {
            throw new IllegalStateException("the pipeline did not drain a burst within " + FLUSH_TIMEOUT);
        }
        return System.nanoTime() - startNanos;
    }

    /** The consumer threads' CPU time over an idle spell, as a share of one core's time. */
    private static double idleCpuShare() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        final long[] ids = stageThreadIds();
        final long cpuBefore = cpuNanos(ids);
        final long wallBefore = System.nanoTime();
        LockSupport.parkNanos(IDLE.toNanos());
        return (double)(cpuNanos(ids) - cpuBefore) / (System.nanoTime() - wallBefore);
    }

    private static long[] stageThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.isAlive() && thread.getName().startsWith("genops-stage-"))
            .mapToLong(Thread::getId)
            .toArray();
    }

    private static long cpuNanos(final long[] threadIds) {
        long total = 0;
        for (final long id : threadIds) {
            total += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return total;
    }

    /** Sorted times from a call after a quiet spell until the event has passed the built-in stages. */
    private static long[] wakeUps(final MonitoringSession session, final ArrivalStage arrivals) {
        final Interaction interaction = Fixtures.interactions()[0];
        final long[] wakeUps = new long[WAKE_UPS];
        for (int i = 0; i < wakeUps.length; i++) {
            LockSupport.parkNanos(QUIET_SPELL.toNanos());
            final long seen = arrivals.count;
            final long startNanos = System.nanoTime();
            session.trackInteraction("support-agent-01", interaction);
            while (arrivals.count == seen) {
                // Park, not spin: on two cores a spinning caller would take the core the consumer needs.
                // The arrival time is taken by the stage itself, so this thread's own wake-up is not measured.
                LockSupport.parkNanos(ARRIVAL_POLL_NANOS);
            }
            wakeUps[i] = arrivals.lastNanos - startNanos;
        }
        Arrays.sort(wakeUps);
        return wakeUps;
    }

    /** Caller-side times of calls at a steady {@value #PACED_RATE} per second, in nanoseconds. */
    private static Histogram pacedCalls(final MonitoringSession session) {
        final Interaction[] interactions = Fixtures.interactions();
        final String[] agents = Fixtures.agents();
        final Histogram times = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        final long intervalNanos = TimeUnit.SECONDS.toNanos(1) / PACED_RATE;
        final long startNanos = System.nanoTime();
        for (int i = 0; i < PACED_CALLS; i++) {
            final long waitNanos = startNanos + i * intervalNanos - System.nanoTime();
            if (waitNanos > 0) {
                LockSupport.parkNanos(waitNanos);
            }
            final long callNanos = System.nanoTime();
            session.trackInteraction(agents[i & Fixtures.MASK], interactions[i & Fixtures.MASK]);
            times.recordValue(Math.min(System.nanoTime() - callNanos, times.getHighestTrackableValue()));
        }
        return times;
    }

    private static String nanos(final long nanos) {
        return nanos < 10_000 ? nanos + " ns" : micros(nanos);
    }

    private static String micros(final long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }

    /** Counts the events that reached the end of the built-in stages, and notes when the latest did. */
    private static final class ArrivalStage implements PipelineStage {
        /** Written before {@link #count}, so a reader that sees the new count sees this time. */
        volatile long lastNanos;
        volatile long count;

        @Override
        public String name() {
            return "arrival";
        }

        @Override
        public void onEvent(final EventView event, final boolean endOfBatch) {
            lastNanos = System.nanoTime();
            count = count + 1;
        }
    }
}
