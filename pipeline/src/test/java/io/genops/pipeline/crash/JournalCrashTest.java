package io.genops.pipeline.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.JournalException;
import io.genops.pipeline.journal.Journals;
import io.genops.pipeline.journal.Replayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.table.AbstractTSQueueLock;
import net.openhft.chronicle.threads.Pauser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing pipeline with SIGKILL and checks what a crash must not break: every event a
 * flush confirmed is in the journal, the reader opens it at once and hands over no damaged record,
 * a pipeline restarted over it starts at once with each team's spend today rebuilt to the
 * nanodollar, appends after the crash without breaking the hash chain, and a replay adds up to
 * what the reader read.
 *
 * <p>The writer is a {@link CrashWriter} in a child JVM; the kill comes at a random moment (seeded)
 * between 200 ms and 1.5 s after its first confirmed flush, when it is usually inside an append.
 */
class JournalCrashTest {
    private static final long SEED = 20_261_203L;
    private static final int FLUSH_EVERY = 2_000;
    private static final int APPENDED_AFTER_RESTART = 100;
    private static final int TORN_EVENTS = 5_000;
    private static final Duration WRITER_READY_LIMIT = Duration.ofSeconds(20);
    private static final Duration OPEN_LIMIT = Duration.ofSeconds(10);
    private static final Duration RESTART_LIMIT = Duration.ofSeconds(10);

    private final Random random = new Random(SEED);

    @TempDir
    Path root;

    @Test
    void shouldKeepEveryConfirmedEvent_whenAFreshWriterIsKilledAtRandom() throws Exception {
        for (int trial = 0; trial < 5; trial++) {
            final GovernancePolicy policy = trial % 2 == 0 ? GovernancePolicy.ENFORCED : GovernancePolicy.ADVISORY;
            final int threads = trial % 3 == 2 ? 1 : 2;
            final Path directory = Files.createDirectories(root.resolve("trial-" + trial));
            final Path journal = directory.resolve("journal");

            final long confirmed = killWhileWriting(directory, journal, policy, threads, "writer");

            final Instant now = Instant.now();
            final JournalSnapshot crashed = checkAfterCrash(journal, confirmed, 0, now);
            checkRestart(journal, policy, crashed, now);
        }
    }

    @Test
    void shouldRestartAndKeepEveryConfirmedEvent_whenKilledAgainAndAgainOverOneJournal() throws Exception {
        final Path journal = root.resolve("journal");
        JournalSnapshot crashed = null;
        Instant now = null;
        long before = 0;
        for (int kill = 0; kill < 3; kill++) {
            final long confirmed = killWhileWriting(root, journal, GovernancePolicy.ENFORCED, 2, "writer-" + kill);

            now = Instant.now();
            crashed = checkAfterCrash(journal, confirmed, before, now);
            before = crashed.records();
        }
        checkRestart(journal, GovernancePolicy.ENFORCED, crashed, now);
    }

    @Test
    void shouldHideATornRecordAndRefuseASecondWriter_whileTheKilledWriterWasInsideAnAppend() throws Exception {
        final Path journal = root.resolve("journal");
        final long confirmed;
        try (WriterProcess writer = startTornWriter(journal, 0)) {
            assertThatThrownBy(() -> CrashTables.builder(journal, GovernancePolicy.ADVISORY).build())
                .isInstanceOf(JournalException.class)
                .hasMessageContaining(journal.toString()).hasMessageContaining("another process");
            confirmed = writer.kill();
        }

        checkTornRecordInvisible(journal, confirmed);
    }

    /**
     * A writer killed inside an append on one day and restarted on the next leaves the old cycle
     * ending in a torn record; readers must still go on into the new cycle.
     */
    @Test
    void shouldReadOnIntoTheNextCycle_whenAWriterKilledInsideAnAppendRestartsTheNextDay() throws Exception {
        final Path journal = root.resolve("journal");
        final long confirmed;
        try (WriterProcess writer = startTornWriter(journal, 1)) {
            confirmed = writer.kill();
        }

        checkTornRecordInvisible(journal, confirmed);
    }

    /**
     * A JVM restarted in a container usually gets the same process id as the one that was killed,
     * so Chronicle cannot tell the append lock the dead writer left from one it holds itself; left
     * alone, it spins for its 15 s timeout and then refuses every append. Simulated here by leaving
     * that lock set under this test JVM's own process id.
     */
    @Test
    void shouldStartAtOnce_whenADeadWriterWithThisSameProcessIdLeftTheAppendLock() {
        final Path journal = root.resolve("journal");
        final Instant now = Instant.now();
        appendAndClose(journal, GovernancePolicy.ADVISORY, now);
        leaveAppendLockedByThisProcess(journal);

        final PipelineMetrics metrics = assertTimeoutPreemptively(RESTART_LIMIT,
            () -> appendAndClose(journal, GovernancePolicy.ADVISORY, now), "restarting under the same process id");

        assertThat(metrics.journaled()).as("the interactions and the session's record")
            .isEqualTo(APPENDED_AFTER_RESTART + 1);
        assertThat(metrics.failedEvents()).isZero();
        final JournalSnapshot after = JournalSnapshot.read(journal, epochDay(now));
        assertThat(after.records()).isEqualTo(2L * APPENDED_AFTER_RESTART);
        assertThat(after.damage()).isEmpty();
    }

    /** Runs a writer until its first confirmed flush, waits a random while, kills it; returns what it confirmed. */
    private long killWhileWriting(final Path directory, final Path journal, final GovernancePolicy policy,
        final int threads, final String name) throws InterruptedException {
        try (WriterProcess writer = WriterProcess.start(directory, name, "run", journal.toString(), policy.name(),
            Integer.toString(threads), Integer.toString(FLUSH_EVERY))) {
            assertThat(writer.awaitConfirmation(WRITER_READY_LIMIT))
                .as("%s confirmed a flush within %s; its log:%n%s", name, WRITER_READY_LIMIT, writer.logTail())
                .isTrue();
            // The one deliberate sleep: when the kill lands is the point of the test.
            Thread.sleep(200 + random.nextInt(1_300));
            assertThat(writer.alive()).as("%s was still writing when the kill came; its log:%n%s", name,
                writer.logTail()).isTrue();
            return writer.kill();
        }
    }

    /** Starts a writer that journals {@link #TORN_EVENTS} events {@code daysAgo} days back, then stops mid-append. */
    private static WriterProcess startTornWriter(final Path journal, final int daysAgo) throws InterruptedException {
        final WriterProcess writer = WriterProcess.start(journal.getParent(), "torn-" + daysAgo, "torn",
            journal.toString(), Integer.toString(TORN_EVENTS), Integer.toString(daysAgo));
        if (!writer.awaitTorn(WRITER_READY_LIMIT)) {
            writer.close();
            throw new AssertionError("the writer did not stop inside an append; its log:\n" + writer.logTail());
        }
        return writer;
    }

    /** Exactly the journaled events are read, the torn record never; a restart then appends after them. */
    private static void checkTornRecordInvisible(final Path journal, final long confirmed) {
        final Instant now = Instant.now();
        final JournalSnapshot crashed = checkAfterCrash(journal, confirmed, 0, now);
        assertThat(confirmed).isEqualTo(TORN_EVENTS);
        assertThat(crashed.records()).as("the unfinished record is invisible").isEqualTo(TORN_EVENTS);
        assertThat(crashed.damage()).isEmpty();
        checkRestart(journal, GovernancePolicy.ADVISORY, crashed, now);
    }

    /** The journal opens at once and holds every confirmed event, with at most a torn last record. */
    private static JournalSnapshot checkAfterCrash(final Path journal, final long confirmed, final long before,
        final Instant now) {
        final JournalSnapshot crashed = assertTimeoutPreemptively(OPEN_LIMIT,
            () -> JournalSnapshot.read(journal, epochDay(now)), "reading the journal after the kill");

        assertThat(confirmed).as("the writer confirmed at least one flush").isPositive();
        assertThat(crashed.records()).as("intact records, beside %d confirmed on top of %d before", confirmed, before)
            .isGreaterThanOrEqualTo(before + confirmed);
        assertThat(crashed.implausible()).as("damaged records handed over as intact").isEmpty();
        assertThat(crashed.damage()).as("damage reported by the reader").hasSizeLessThanOrEqualTo(1);
        assertThat(crashed.damageOnlyAtTheTail()).as("damage only at the tail: %s", crashed).isTrue();
        return crashed;
    }

    /**
     * A pipeline restarted over the crashed journal starts within a bound, has each team's spend of
     * the day rebuilt exactly, appends after the crash; a replay then matches the reader.
     */
    private static void checkRestart(final Path journal, final GovernancePolicy policy, final JournalSnapshot crashed,
        final Instant now) {
        final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        final PipelineMetrics metrics = assertTimeoutPreemptively(RESTART_LIMIT, () -> {
            try (GenOps genops = CrashTables.builder(journal, policy).clock(clock).build()) {
                assertThat(genops.budgetStatus(CrashTables.SUPPORT).consumed())
                    .isEqualTo(Money.usdNanos(crashed.teamNanosOnDay(CrashTables.SUPPORT)));
                assertThat(genops.budgetStatus(CrashTables.SALES).consumed())
                    .isEqualTo(Money.usdNanos(crashed.teamNanosOnDay(CrashTables.SALES)));
                return append(genops);
            }
        }, "restarting over the crashed journal");
        assertThat(metrics.journaled()).as("the interactions and the session's record")
            .isEqualTo(APPENDED_AFTER_RESTART + 1);

        final AuditReport report = Replayer.builder().journal(journal).modelPrices(CrashTables.models())
            .platformPrices(CrashTables.platform()).build().run();
        assertThat(report.records()).isEqualTo(crashed.records() + APPENDED_AFTER_RESTART);
        assertThat(report.damaged()).as("the hash chain goes on across the crash")
            .isEqualTo(crashed.damage().size());
        assertThat(report.recordedTotal()).isEqualTo(Money.usdNanos(
            crashed.totalNanos() + APPENDED_AFTER_RESTART * CrashTables.INTERACTION_NANOS));
        assertThat(report.recomputedTotal()).isEqualTo(report.recordedTotal());
    }

    private static PipelineMetrics appendAndClose(final Path journal, final GovernancePolicy policy,
        final Instant now) {
        try (GenOps genops = CrashTables.builder(journal, policy).clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
            return append(genops);
        }
    }

    /** Appends sales interactions (never refused) and returns the metrics once they are all journaled. */
    private static PipelineMetrics append(final GenOps genops) {
        try (MonitoringSession session = genops.openSession("after-crash")) {
            for (int i = 0; i < APPENDED_AFTER_RESTART; i++) {
                session.trackInteraction("after-crash", CrashTables.interactionOf(CrashTables.SALES));
            }
        }
        assertThat(genops.flush(Duration.ofSeconds(10))).as("flush after the restart").isTrue();
        return genops.metrics();
    }

    /**
     * Takes Chronicle's append lock under this JVM's process id and closes without releasing it, as
     * an appender killed inside {@code writingDocument} leaves it.
     */
    private static void leaveAppendLockedByThisProcess(final Path journal) {
        try (SingleChronicleQueue queue = rawQueue(journal);
             TableStoreWriteLock lock = appendLockOf(queue)) {
            lock.lock();
        }
        try (SingleChronicleQueue queue = rawQueue(journal);
             TableStoreWriteLock lock = appendLockOf(queue)) {
            assertThat(lock.lockedBy()).as("the append lock stays set after its holder is gone")
                .isNotEqualTo(AbstractTSQueueLock.UNLOCKED);
        }
    }

    private static SingleChronicleQueue rawQueue(final Path journal) {
        return SingleChronicleQueueBuilder.binary(journal).rollCycle(Journals.DEFAULT_CYCLE.rollCycle()).build();
    }

    /** A handle on the lock Chronicle's appenders take around each record, kept in {@code metadata.cq4t}. */
    private static TableStoreWriteLock appendLockOf(final SingleChronicleQueue queue) {
        return new TableStoreWriteLock(queue.metaStore(), Pauser::balanced, 1_000L);
    }

    private static long epochDay(final Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), 86_400_000L);
    }
}
