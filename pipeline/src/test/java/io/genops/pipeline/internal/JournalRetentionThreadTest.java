package io.genops.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.Retention;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention after the journal has opened runs on its own thread: the journal stage, on the consumer
 * thread, asks and carries on while a run is stuck in the file system; requests made meanwhile are
 * merged into one; failures are counted and the thread survives them; close stops the thread.
 */
class JournalRetentionThreadTest {
    private static final long WAIT_MILLIS = 10_000;
    private static final long HOUR_MILLIS = TimeUnit.HOURS.toMillis(1);

    @TempDir
    Path dir;

    private final SetTimeProvider time = new SetTimeProvider(TimeUnit.DAYS.toMillis(20_000) * 1_000_000L);
    private SingleChronicleQueue queue;
    private final EventSlot event = new EventSlot();

    @BeforeEach
    void openJournal() {
        queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(JournalCycle.FAST_HOURLY.rollCycle())
            .timeProvider(time).build();
        event.kind = EventKind.SIGNAL;
        event.agentGroup = CompiledGroup.defaultGroup(0, GovernancePolicy.ADVISORY, true);
        event.name = "latency";
        event.resetDerived();
    }

    @AfterEach
    void closeJournal() {
        queue.close();
    }

    @Test
    void theStageDoesNotWaitForARunStuckInTheFileSystem_andRequestsMeanwhileAreMerged() throws Exception {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> writing = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final JournalRetention retention = retention(cycle -> {
            threads.add(Thread.currentThread().getName());
            writing.add(cycle);
            entered.countDown();
            try {
                if (!release.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new IOException("the test never released the deletion");
                }
            } catch (final InterruptedException e) {
                throw new InterruptedIOException("interrupted while deleting");
            }
            return Retention.Outcome.NOTHING;
        });
        final JournalStage stage = new JournalStage(queue, retention::rolled, Integer.MIN_VALUE, 0);
        retention.start();
        try {
            stage.onEvent(event, true);
            time.advanceMillis(HOUR_MILLIS);
            stage.onEvent(event, true);
            assertThat(entered.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("the roll asked for a run").isTrue();

            for (int hour = 0; hour < 2; hour++) {
                time.advanceMillis(HOUR_MILLIS);
                for (int i = 0; i < 1_000; i++) {
                    stage.onEvent(event, i == 999);
                }
            }

            assertThat(stage.appended()).as("appended while the run was stuck").isEqualTo(2 + 2_000);
            assertThat(writing).as("one run so far").hasSize(1);
            assertThat(retention.merged()).as("the third roll's request joined the second's").isEqualTo(1);
            release.countDown();
            await(() -> writing.size() == 2);
            assertThat(writing.get(1) - writing.get(0)).as("the queued run keeps the latest roll's cycle").isEqualTo(2);
            assertThat(threads).containsOnly(JournalRetention.THREAD_NAME);
        } finally {
            release.countDown();
            assertThat(retention.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS))).isTrue();
        }
        assertThat(retention.running()).isFalse();
        assertThat(retention.status().runs()).isEqualTo(2);
    }

    @Test
    void aFailingRun_isCounted_andTheThreadCarriesOn() {
        final AtomicInteger calls = new AtomicInteger();
        final JournalRetention retention = retention(cycle -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("disk gone");
            }
            if (calls.get() == 2) {
                throw new IllegalStateException("bad file");
            }
            return new Retention.Outcome(List.of(dir.resolve("old.cq4")), Map.of("otlp", 3), List.of(), List.of());
        });
        retention.start();
        try {
            for (int run = 1; run <= 3; run++) {
                retention.rolled(run);
                final int expected = run;
                await(() -> retention.status().runs() == expected && calls.get() == expected);
            }
            await(() -> retention.status().filesDeleted() == 1);
            assertThat(retention.status().failures()).isEqualTo(2);
            assertThat(retention.status().cyclesHeldBack()).isEqualTo(3);
            assertThat(retention.running()).isTrue();
        } finally {
            retention.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS));
        }
        assertThat(retention.running()).isFalse();
    }

    @Test
    void limitsThatKeepEverything_startNoThread() {
        final JournalRetention retention = JournalRetention.of(Retention.KEEP_ALL, queue, List.of());
        retention.applyNow();
        retention.start();
        retention.rolled(1);

        assertThat(retention.running()).isFalse();
        assertThat(retention.status().active()).isFalse();
        assertThat(retention.stop(System.nanoTime())).isTrue();
    }

    private JournalRetention retention(final JournalRetention.Run run) {
        return new JournalRetention(run, true, dir, List.of("otlp"), Duration.ofMinutes(10).toNanos());
    }

    private static void await(final BooleanSupplier condition) {
        final long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited too long").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
