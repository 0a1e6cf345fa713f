package io.genops.pipeline.crash;

import io.genops.core.journal.RecordCodec;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.ShutdownReport;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The process {@link JournalCrashTest} kills: a pipeline over a journal directory, fed as fast as
 * one or two threads can, that prints {@code confirmed <n>} each time a flush returned true, where
 * {@code n} counts the events accepted before that flush began. Every such event must be in the
 * journal whenever the process dies.
 *
 * <pre>
 *  run  &lt;journal&gt; &lt;ENFORCED|ADVISORY&gt; &lt;threads&gt; &lt;flushEvery&gt;   write until killed
 *  torn &lt;journal&gt; &lt;events&gt; &lt;daysAgo&gt;                       write, then stop inside an append
 * </pre>
 *
 * <p>The process ends by itself when its standard input closes, so it cannot outlive the test JVM.
 */
public final class CrashWriter {
    static final String CONFIRMED = "confirmed ";
    /** Printed by {@code torn} once it holds an unfinished record. */
    static final String TORN = "torn";

    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
    private static final PrintStream OUT = System.out;

    private CrashWriter() {
    }

    public static void main(final String[] args) throws Exception {
        endWhenTheParentGoes();
        final Path journal = Path.of(args[1]);
        switch (args[0]) {
            case "run":
                run(journal, GovernancePolicy.valueOf(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
                break;
            case "torn":
                torn(journal, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + Arrays.toString(args));
        }
    }

    private static void run(final Path journal, final GovernancePolicy policy, final int threads,
        final int flushEvery) throws InterruptedException {
        final GenOps genops = CrashTables.builder(journal, policy).build();
        final AtomicLong accepted = new AtomicLong();
        final Thread[] producers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            producers[t] = new Thread(() -> produce(genops, accepted, flushEvery, id), "crash-producer-" + t);
            producers[t].start();
        }
        for (final Thread producer : producers) {
            producer.join();
        }
    }

    /** Alternates the two teams; under an enforced policy support's events are refused once its budget is spent. */
    private static void produce(final GenOps genops, final AtomicLong accepted, final int flushEvery, final int id) {
        try (MonitoringSession session = genops.openSession("crash-" + id)) {
            long calls = 0;
            while (true) {
                final String team = (calls & 1) == 0 ? CrashTables.SUPPORT : CrashTables.SALES;
                try {
                    if (session.trackInteraction("crash-agent", CrashTables.interactionOf(team))) {
                        accepted.incrementAndGet();
                    }
                } catch (final BudgetExceededException expected) {
                    // Refused at the call: never accepted, so never counted.
                }
                if (++calls % flushEvery == 0) {
                    final long before = accepted.get();
                    if (genops.flush(FLUSH_TIMEOUT)) {
                        confirm(before);
                    }
                }
            }
        }
    }

    /**
     * Writes {@code events} through a pipeline and closes it, then starts one more record by hand,
     * writes two thirds of it and stops there, as a writer killed inside an append leaves it. With
     * {@code daysAgo} above 0 all of it lands in the cycle of that many days ago: the pipeline writes
     * to a scratch journal, whose records are copied into that cycle, re-chained, before the torn one.
     */
    private static void torn(final Path journal, final int events, final int daysAgo) {
        final Instant when = Instant.now().minus(Duration.ofDays(daysAgo));
        final Path written = daysAgo == 0 ? journal : journal.resolveSibling(journal.getFileName() + "-scratch");
        final GenOps genops = CrashTables.builder(written, GovernancePolicy.ADVISORY)
            .clock(Clock.fixed(when, ZoneOffset.UTC)).build();
        try (MonitoringSession session = genops.openSession("torn")) {
            for (int i = 0; i < events; i++) {
                session.trackInteraction("crash-agent", CrashTables.interactionOf(CrashTables.SALES));
            }
        }
        final ShutdownReport closed = genops.close(FLUSH_TIMEOUT);
        // The interactions and the session's record.
        final boolean allJournaled = closed.clean() && closed.metrics().journaled() == events + 1;

        final SingleChronicleQueue queue = daysAgo == 0 ? Journals.openForWriting(journal)
            : SingleChronicleQueueBuilder.binary(journal).rollCycle(Journals.DEFAULT_CYCLE.rollCycle())
                .timeProvider(new SetTimeProvider(when)).build();
        final ExcerptAppender appender = queue.createAppender();
        final RecordCodec codec = new RecordCodec();
        final long[] previousLink = {0};
        final int[] length = {0};
        try (JournalReader reader = JournalReader.open(written)) {
            reader.readAll((index, record) -> {
                length[0] = codec.encode(record, previousLink[0]);
                if (daysAgo > 0) {
                    try (DocumentContext document = appender.writingDocument()) {
                        document.wire().bytes().write(codec.buffer(), 0, length[0]);
                    }
                    previousLink[0] = codec.link(length[0]);
                }
            });
        }
        if (allJournaled) {
            confirm(events);
        }

        final DocumentContext unfinished = appender.writingDocument();
        unfinished.wire().bytes().write(codec.buffer(), 0, length[0] * 2 / 3);
        OUT.println(TORN);
        OUT.flush();
        while (true) {
            LockSupport.park();
        }
    }

    private static void confirm(final long count) {
        synchronized (OUT) {
            OUT.println(CONFIRMED + count);
            OUT.flush();
        }
    }

    private static void endWhenTheParentGoes() {
        final Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    continue;
                }
            } catch (final IOException ignored) {
                // A broken pipe means the parent is gone as well.
            }
            Runtime.getRuntime().halt(3);
        }, "crash-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
