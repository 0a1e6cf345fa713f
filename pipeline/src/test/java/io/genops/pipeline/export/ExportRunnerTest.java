package io.genops.pipeline.export;

import static io.genops.pipeline.export.TestJournal.sleepUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ExportRunnerTest {
    @TempDir
    Path journal;

    @Test
    void runner_withAReceiverThatFailsAtFirst_deliversEveryEventAndSavesItsPosition() {
        TestJournal.write(journal, 10_000, 1.0);
        final RecordingExporter flaky = new RecordingExporter("otlp", true, attempt -> attempt <= 3
            ? ExportResult.RETRY : ExportResult.SUCCESS);

        final ExporterStatus status = runUntil(flaky, () -> flaky.delivered.size());

        assertThat(new HashSet<>(flaky.delivered)).hasSize(10_001);
        assertThat(status.retries()).isEqualTo(3);
        assertThat(status.exported()).isEqualTo(10_001);
        assertThat(status.lagRecords()).isZero();

        final RecordingExporter again = new RecordingExporter("otlp", true, attempt -> ExportResult.SUCCESS);
        TestJournal.write(journal, 500, 1.0);
        runUntil(again, () -> again.delivered.size() >= 501 ? 10_502 : 0);
        assertThat(again.delivered).as("a restart resumes after the saved position").hasSize(501);
    }

    @Test
    void runner_stoppedMidBatch_offersTheUnsettledBatchAgainOnTheNextStart() {
        TestJournal.write(journal, 2_000, 1.0);
        final RecordingExporter stuck = new RecordingExporter("stuck", true, attempt -> ExportResult.RETRY);
        final ExportRunner first = runner(stuck);
        first.start();
        sleepUntil(() -> stuck.sends >= 2);
        first.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50));

        final RecordingExporter recovered = new RecordingExporter("stuck", true, attempt -> ExportResult.SUCCESS);
        runUntil(recovered, () -> recovered.delivered.size());
        assertThat(new HashSet<>(recovered.delivered)).hasSize(2_001);
    }

    @Test
    void runner_givesUpRefusedBatches_countsThem_andSamplingDecidesWhatSpanExportersSee() {
        TestJournal.write(journal, 3_000, 0.1);
        final RecordingExporter refusing = new RecordingExporter("refusing", true, attempt -> ExportResult.FAILED);
        final RecordingExporter metrics = new RecordingExporter("metrics", false, attempt -> ExportResult.SUCCESS);

        final ExporterStatus refused = runUntil(refusing, () -> refusing.sends > 0 ? (int)refusing.adds : 0);
        final ExporterStatus counted = runUntil(metrics, () -> metrics.delivered.size());

        assertThat(refused.failedEvents()).isEqualTo(refusing.adds).isBetween(150L, 450L);
        assertThat(refused.exported()).isZero();
        assertThat(counted.exported()).as("an exporter of metrics sees every event").isEqualTo(3_001);
    }

    @Test
    void stop_withASlowHealthyExporterAndABacklog_endsBetweenBatchesByTheDeadline_andLeavesTheRestForTheNextStart() {
        TestJournal.write(journal, 20_000, 1.0);
        final SlowExporter slow = new SlowExporter("slow", TimeUnit.MILLISECONDS.toNanos(40), 0);

        final ExporterStatus stopped = stopWithABacklog(slow);

        assertThat(stopped.exported()).isEqualTo(slow.delivered.size()).isPositive();
        assertThat(stopped.lagRecords()).as("the records left behind")
            .isEqualTo(20_001 - slow.delivered.size()).isPositive();
        final RecordingExporter rest = new RecordingExporter("slow", true, attempt -> ExportResult.SUCCESS);
        runUntil(rest, () -> rest.delivered.size());
        assertThat(rest.delivered).as("no batch was recorded as settled without being delivered")
            .doesNotContainAnyElementsOf(slow.delivered);
        assertThat(new HashSet<>(rest.delivered)).hasSize(20_001 - slow.delivered.size());
    }

    @Test
    void stop_withAnExporterThatDoesItsWorkInAddAndSendsAtOnce_endsByTheDeadline() {
        TestJournal.write(journal, 20_000, 1.0);
        // Shaped like the Prometheus exporter: add counts, send answers SUCCESS at once.
        final SlowExporter counting = new SlowExporter("counting", 0, TimeUnit.MICROSECONDS.toNanos(200));

        final ExporterStatus stopped = stopWithABacklog(counting);

        assertThat(stopped.lagRecords()).isEqualTo(20_001 - counting.delivered.size()).isPositive();
    }

    @Test
    void stop_closesTheExporterWithinWhatIsLeftOfTheDeadline_soASlowCloseEndsWithIt() {
        TestJournal.write(journal, 100, 1.0);
        // Its own close would take 5 s; told a time, it takes all of it.
        final ClosingExporter slowToClose = new ClosingExporter("closing", ExportResult.SUCCESS,
            TimeUnit.SECONDS.toNanos(5));
        final ExportRunner runner = runner(slowToClose);
        runner.start();
        sleepUntil(() -> runner.status().lagRecords() == 0 && runner.status().position() >= 0);

        final long started = System.nanoTime();
        final long deadline = started + TimeUnit.MILLISECONDS.toNanos(400);
        assertThat(runner.stop(deadline)).as("caught up").isTrue();
        final long tookNanos = System.nanoTime() - started;

        assertThat(slowToClose.closedWithin).singleElement().satisfies(within -> assertThat(within.toNanos())
            .as("what was left of the deadline once caught up").isPositive()
            .isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(400)));
        assertThat(slowToClose.closedWithoutTime).isZero();
        assertThat(runner.status().running()).as("the runner's thread has ended").isFalse();
        assertThat(tookNanos).as("stop ends by its deadline and the runner's grace")
            .isLessThan(TimeUnit.MILLISECONDS.toNanos(400 + ExportRunner.STOP_GRACE_MILLIS + 300));
    }

    @Test
    void stop_pastTheDeadline_closesTheExporterWithNoTimeLeft() {
        TestJournal.write(journal, 100, 1.0);
        final ClosingExporter stuck = new ClosingExporter("stuck", ExportResult.RETRY, TimeUnit.SECONDS.toNanos(5));
        final ExportRunner runner = runner(stuck);
        runner.start();
        sleepUntil(() -> stuck.sends >= 2);

        final long started = System.nanoTime();
        assertThat(runner.stop(started + TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
        final long tookNanos = System.nanoTime() - started;

        assertThat(stuck.closedWithin).containsExactly(Duration.ZERO);
        assertThat(stuck.closedWithoutTime).isZero();
        assertThat(runner.status().running()).isFalse();
        assertThat(tookNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(100 + ExportRunner.STOP_GRACE_MILLIS + 300));
    }

    @Test
    void anExporterThatThrowsOnClose_isWarnedAbout_andTheRunnerStillEnds() {
        TestJournal.write(journal, 10, 1.0);
        final ClosingExporter throwing = new ClosingExporter("throwing", ExportResult.SUCCESS, -1);
        final Logger log = (Logger)LoggerFactory.getLogger(ExportRunner.class);
        final ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            final ExportRunner runner = runner(throwing);
            runner.start();
            sleepUntil(() -> runner.status().lagRecords() == 0 && runner.status().position() >= 0);

            assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();

            assertThat(throwing.closedWithin).hasSize(1);
            assertThat(runner.status().running()).isFalse();
            assertThat(runner.status().exported()).isEqualTo(11);
            assertThat(logged.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).isEqualTo("Exporter 'throwing' failed to close "
                    + "(java.lang.IllegalStateException: connection already gone); its connections may linger "
                    + "until the process ends.");
            });
        } finally {
            log.detachAppender(logged);
        }
    }

    @Test
    void anExporterThrowingErrors_neitherEndsTheRunnerNorLosesItsBatch() {
        TestJournal.write(journal, 10, 1.0);
        final RecordingExporter recording = new RecordingExporter("erring", true, attempt -> ExportResult.SUCCESS);
        final Exporter erring = new Exporter() {
            private int sends;

            @Override
            public String name() {
                return recording.name();
            }

            @Override
            public void add(final EventView event) {
                recording.add(event);
            }

            @Override
            public ExportResult send() {
                if (++sends == 1) {
                    throw new NoClassDefFoundError("io/example/MissingCodec");
                }
                if (sends == 2) {
                    throw new AssertionError("an assert of the exporter's own, run with -ea");
                }
                return recording.send();
            }

            @Override
            public void idle() {
                throw new StackOverflowError();
            }

            @Override
            public void discard() {
                recording.discard();
            }
        };
        final ExportRunner runner = runner(erring);
        runner.start();
        sleepUntil(() -> runner.status().lagRecords() == 0 && runner.status().position() >= 0);
        TestJournal.sleepMillis(3 * Exporter.IDLE_INTERVAL_MILLIS);

        final ExporterStatus status = runner.status();
        assertThat(status.running()).isTrue();
        assertThat(status.retries()).as("an error in send is a receiver asking to retry").isEqualTo(2);
        assertThat(status.exported()).isEqualTo(11);
        assertThat(status.restarts()).isZero();
        assertThat(new HashSet<>(recording.delivered)).hasSize(11);
        assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();
    }

    @Test
    void anUnreadablePosition_restartsTheRunnerWithBackoff_untilItCanBeRead() throws Exception {
        TestJournal.write(journal, 100, 1.0);
        final Path position = ExportPosition.file(journal, "blocked");
        // A directory where the position file belongs: opening it fails until it is gone.
        Files.createDirectories(position.resolve("in-the-way"));
        final RecordingExporter exporter = new RecordingExporter("blocked", true, attempt -> ExportResult.SUCCESS);
        final ExportRunner runner = runner(exporter);
        runner.start();
        sleepUntil(() -> runner.status().restarts() >= 3);
        assertThat(runner.status().running()).isTrue();
        assertThat(runner.status().lagRecords()).as("counted though nothing can be exported").isEqualTo(101);
        assertThat(exporter.delivered).isEmpty();

        Files.delete(position.resolve("in-the-way"));
        Files.delete(position);
        sleepUntil(() -> runner.status().lagRecords() == 0 && runner.status().position() >= 0);

        assertThat(new HashSet<>(exporter.delivered)).hasSize(101);
        assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();
        assertThat(ExportPosition.read(journal, "blocked")).isEqualTo(runner.status().position());
    }

    @Test
    void anExporterAskingForAShorterBatchAge_getsItsBatchesSentThen() {
        TestJournal.write(journal, 10, 1.0);
        final RecordingExporter hurried = new RecordingExporter("hurried", true, attempt -> ExportResult.SUCCESS) {
            @Override
            public Duration maxBatchAge() {
                return Duration.ofMillis(50);
            }
        };
        // The pipeline's own age is an hour: only the exporter's can end a batch of 11 records in 256.
        final ExportRunner runner = new ExportRunner(hurried, journal, 256, TimeUnit.HOURS.toNanos(1), 0,
            TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(4));
        runner.start();
        sleepUntil(() -> hurried.sends > 0);
        assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();
        assertThat(hurried.sendSizes.get(0)).isEqualTo(11);
    }

    @Test
    void whileTheJournalHasNothingNew_theExporterIsCalledIdle_aboutOncePerInterval() {
        TestJournal.write(journal, 10, 1.0);
        final RecordingExporter exporter = new RecordingExporter("idle", true, attempt -> ExportResult.SUCCESS);
        final ExportRunner runner = runner(exporter);
        runner.start();
        sleepUntil(() -> runner.status().lagRecords() == 0 && runner.status().position() >= 0);
        final int before = exporter.idles;
        TestJournal.sleepMillis(10 * Exporter.IDLE_INTERVAL_MILLIS);
        final int during = exporter.idles - before;
        assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();

        // Ten intervals: not every park (2 ms), and not never; the bounds leave room for a slow machine.
        assertThat(during).isBetween(3, 11);
    }

    /** Starts a runner on the backlog, stops it soon after its first batch, and checks it ended in time. */
    private ExporterStatus stopWithABacklog(final SlowExporter exporter) {
        final ExportRunner runner = runner(exporter);
        runner.start();
        sleepUntil(() -> !exporter.delivered.isEmpty());

        final long started = System.nanoTime();
        final long deadline = started + TimeUnit.MILLISECONDS.toNanos(300);
        exporter.stopsBy(deadline);
        final boolean caughtUp = runner.stop(deadline);
        final long tookNanos = System.nanoTime() - started;

        final ExporterStatus status = runner.status();
        assertThat(caughtUp).isFalse();
        assertThat(status.running()).as("the runner's thread has ended").isFalse();
        assertThat(tookNanos).as("stop returns about by its deadline").isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(exporter.sendsAfterStop()).as("no send starts once the deadline has passed").isZero();
        return status;
    }

    private ExporterStatus runUntil(final RecordingExporter exporter, final LongSupplier progress) {
        final ExportRunner runner = runner(exporter);
        runner.start();
        final long deadline = System.nanoTime() + TestJournal.WAIT_NANOS;
        while (runner.status().lagRecords() > 0 || progress.getAsLong() == 0 || runner.status().position() < 0) {
            assertThat(System.nanoTime()).as("the runner catches up in time").isLessThan(deadline);
            TestJournal.sleepMillis(5);
        }
        assertThat(runner.stop(System.nanoTime() + TestJournal.WAIT_NANOS)).isTrue();
        return runner.status();
    }

    private ExportRunner runner(final Exporter exporter) {
        return new ExportRunner(exporter, journal, 256, TimeUnit.MILLISECONDS.toNanos(20), 0,
            TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(4));
    }

    /**
     * Answers every send alike, and records how it was closed: {@link #close()} would take
     * {@code closeNanos}; {@link #close(Duration)} takes the time it is given, at most that, and throws when
     * {@code closeNanos} is negative.
     */
    private static final class ClosingExporter implements Exporter {
        final List<Duration> closedWithin = new CopyOnWriteArrayList<>();
        volatile int closedWithoutTime;
        volatile int sends;
        private final String name;
        private final ExportResult answer;
        private final long closeNanos;

        ClosingExporter(final String name, final ExportResult answer, final long closeNanos) {
            this.name = name;
            this.answer = answer;
            this.closeNanos = closeNanos;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void add(final EventView event) {
        }

        @Override
        public ExportResult send() {
            sends++;
            return answer;
        }

        @Override
        public void discard() {
        }

        @Override
        public void close() {
            closedWithoutTime++;
            SlowExporter.work(closeNanos);
        }

        @Override
        public void close(final Duration within) {
            closedWithin.add(within);
            if (closeNanos < 0) {
                throw new IllegalStateException("connection already gone");
            }
            SlowExporter.work(Math.min(closeNanos, within.toNanos()));
        }
    }

    /**
     * A healthy exporter that takes its time: each send and each add waits as told, ignoring interrupts as
     * a blocking client may, then succeeds. Remembers what it delivered, and counts the sends begun after
     * the stop deadline it was told.
     */
    private static final class SlowExporter implements Exporter {
        final List<String> delivered = new CopyOnWriteArrayList<>();
        private final String name;
        private final long sendNanos;
        private final long addNanos;
        private final List<String> batch = new ArrayList<>();
        private volatile long stopDeadlineNanos = Long.MAX_VALUE;
        private volatile int sendsAfterStop;

        SlowExporter(final String name, final long sendNanos, final long addNanos) {
            this.name = name;
            this.sendNanos = sendNanos;
            this.addNanos = addNanos;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean sampledOnly() {
            return false;
        }

        @Override
        public void add(final EventView event) {
            work(addNanos);
            batch.add(event.sessionId() + "#" + event.sequence());
        }

        @Override
        public ExportResult send() {
            if (System.nanoTime() - stopDeadlineNanos >= 0) {
                sendsAfterStop++;
            }
            work(sendNanos);
            delivered.addAll(batch);
            batch.clear();
            return ExportResult.SUCCESS;
        }

        @Override
        public void discard() {
            batch.clear();
        }

        void stopsBy(final long deadlineNanos) {
            stopDeadlineNanos = deadlineNanos;
        }

        int sendsAfterStop() {
            return sendsAfterStop;
        }

        private static void work(final long nanos) {
            final long end = System.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }
}
