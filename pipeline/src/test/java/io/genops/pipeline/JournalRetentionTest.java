package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.entry;

import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.pipeline.export.ExportPosition;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.RetentionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and sync on flush in a running pipeline: past cycles deleted by age and by size, those an
 * exporter of the pipeline still has to read kept (and said so), positions of exporters no longer run
 * ignored (and said so), and a flush that forces the file being written.
 */
class JournalRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path journal;
    private List<String> pastCycles;

    /** An hourly journal with cycles six, four and two hours back. */
    @BeforeEach
    void pastCycles() {
        journal = dir.resolve("journal");
        final Instant now = Instant.now();
        for (final int hoursAgo : new int[] {6, 4, 2}) {
            PastCycles.write(journal, JournalCycle.FAST_HOURLY, now.minus(Duration.ofHours(hoursAgo)), 2);
        }
        pastCycles = PastCycles.cycleFiles(journal);
        assertThat(pastCycles).hasSize(3);
    }

    @Test
    void retentionAge_deletesTheCyclesThatEndedLongerAgo_whenTheJournalOpens() {
        open(hourly().journalRetentionAge(Duration.ofMinutes(150)));

        assertThat(PastCycles.cycleFiles(journal)).as("the cycle of two hours ago ended less than 150 min ago")
            .contains(pastCycles.get(2)).doesNotContain(pastCycles.get(0), pastCycles.get(1));
        assertThat(readBack()).as("the kept cycle and the new record").isEqualTo(3 + 1 + 1);
    }

    @Test
    void retentionBytes_deletesTheOldestCycles_untilTheFilesFit() throws IOException {
        final long limit = size(pastCycles.get(1)) + size(pastCycles.get(2));

        final List<String> kept;
        try (GenOps genops = hourly().journalRetentionBytes(limit).build();
             MonitoringSession session = genops.openSession("now")) {
            assertThat(PastCycles.cycleFiles(journal)).as("at open").doesNotContain(pastCycles.get(0));
            session.trackInteraction("bot", PastCycles.INTERACTION);
            assertThat(genops.flush(WAIT)).isTrue();
            // The roll to the new hour asks the retention thread for a run; a close would drop it, so wait.
            kept = awaitCycleFiles(2);
        }
        assertThat(kept).as("at open the oldest goes; once the new hour's file is there, the next oldest")
            .hasSize(2).doesNotContain(pastCycles.get(0), pastCycles.get(1)).contains(pastCycles.get(2));
        long total = 0;
        for (final String file : kept) {
            total += size(file);
        }
        assertThat(total).isLessThanOrEqualTo(limit);
    }

    @Test
    void cyclesAnExporterHasNotSettled_areKept_whateverTheLimits() throws IOException {
        try (ExportPosition otlp = ExportPosition.open(journal, "otlp")) {
            otlp.save(firstIndexOf(pastCycles.size() - 2));
        }

        open(hourly().journalRetentionAge(Duration.ofMinutes(1)).journalRetentionBytes(1).exporter(stuck("otlp")));

        assertThat(PastCycles.cycleFiles(journal)).as("from the exporter's cycle on").doesNotContain(pastCycles.get(0))
            .contains(pastCycles.get(1), pastCycles.get(2));

        try (ExportPosition otlp = ExportPosition.open(journal, "otlp")) {
            otlp.save(ExportPosition.START);
        }
        final List<String> before = PastCycles.cycleFiles(journal);
        open(hourly().journalRetentionAge(Duration.ofMinutes(1)).exporter(stuck("otlp")));
        assertThat(PastCycles.cycleFiles(journal)).as("an exporter that settled nothing holds every cycle")
            .containsAll(before);
    }

    @Test
    void thePositionOfAnExporterNoLongerRun_holdsNothing_andIsNamedOnceInAWarning() {
        try (ExportPosition raindrop = ExportPosition.open(journal, "raindrop")) {
            raindrop.save(ExportPosition.START);
        }
        final Path stale = journal.resolve("exporters").resolve("raindrop.position");

        try (LogCapture log = LogCapture.of("io.genops.pipeline.internal.JournalRetention");
             GenOps genops = hourly().journalRetentionAge(Duration.ofMinutes(150)).build()) {
            assertThat(PastCycles.cycleFiles(journal)).as("no exporter is run: raindrop's position holds nothing")
                .contains(pastCycles.get(2)).doesNotContain(pastCycles.get(0), pastCycles.get(1));
            final RetentionStatus status = genops.journalRetention();
            assertThat(status.active()).isTrue();
            assertThat(status.stalePositions()).containsExactly(stale);
            assertThat(status.filesDeleted()).isEqualTo(2);
            assertThat(status.cyclesHeldBack()).isZero();
            assertThat(log.warnings()).as("one sentence naming the file and what to do").singleElement()
                .asString().contains(stale.toString(), "no exporter named 'raindrop'", "Delete the file");
        }
    }

    @Test
    void anExporterRunThatSettledNothing_holdsEveryCycle_countedAndWarnedOfOnce() {
        final GenOpsBuilder builder = hourly().journalRetentionAge(Duration.ofMinutes(150)).exporter(stuck("otlp"))
            .exporter(stuck("webhook"));
        try (LogCapture log = LogCapture.of("io.genops.pipeline.internal.JournalRetention");
             GenOps genops = builder.build()) {
            assertThat(PastCycles.cycleFiles(journal)).containsAll(pastCycles);
            final RetentionStatus status = genops.journalRetention();
            assertThat(status.runs()).isEqualTo(1);
            assertThat(status.cyclesHeldBack()).as("the cycles of six and four hours ago").isEqualTo(2);
            assertThat(status.heldBackBy()).containsOnly(entry("otlp", 2), entry("webhook", 2));
            assertThat(status.stalePositions()).isEmpty();
            assertThat(log.warnings()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .contains("keeps 2 past cycles of " + journal, "has settled no record yet"));
            assertThat(log.warnings()).anySatisfy(warning -> assertThat(warning).contains("'otlp'"))
                .anySatisfy(warning -> assertThat(warning).contains("'webhook'"));
        }
    }

    @Test
    void retentionRunsOnItsOwnThread_whichCloseStops() {
        final Thread retention;
        try (GenOps genops = hourly().journalRetentionAge(Duration.ofDays(1)).build()) {
            retention = retentionThread();
            assertThat(retention).as("started with the pipeline").isNotNull();
            assertThat(retention.isDaemon()).isTrue();
        }
        assertThat(retention.isAlive()).as("stopped by close").isFalse();
        assertThat(retentionThread()).isNull();
    }

    @Test
    void noLimits_reportNothing_andStartNoThread() {
        try (GenOps genops = hourly().build()) {
            assertThat(genops.journalRetention()).isEqualTo(RetentionStatus.INACTIVE);
            assertThat(retentionThread()).isNull();
        }
    }

    @Test
    void syncOnFlush_forcesTheFileBeingWritten_andAFlushWhoseSyncFailsSaysSo() throws IOException {
        for (final boolean sync : new boolean[] {true, false}) {
            try (GenOps genops = hourly().journalSyncOnFlush(sync).build();
                 MonitoringSession session = genops.openSession("sync")) {
                session.trackInteraction("bot", PastCycles.INTERACTION);
                assertThat(genops.flush(WAIT)).isTrue();

                final Path current = newest();
                final Path away = current.resolveSibling("away");
                Files.move(current, away);
                try {
                    assertThat(genops.flush(WAIT)).as("sync " + sync + ": the file to force is gone")
                        .isEqualTo(!sync);
                } finally {
                    Files.move(away, current, StandardCopyOption.ATOMIC_MOVE);
                }
                assertThat(genops.flush(WAIT)).isTrue();
            }
        }
    }

    private GenOpsBuilder hourly() {
        return TestTables.builder().journal(journal).journalRollCycle(JournalCycle.FAST_HOURLY)
            .closeTimeout(Duration.ofMillis(300));
    }

    /** An exporter named {@code name} whose receiver never takes a batch, so it settles nothing. */
    private static Exporter stuck(final String name) {
        return new Exporter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void add(final EventView event) {
            }

            @Override
            public ExportResult send() {
                return ExportResult.RETRY;
            }

            @Override
            public void discard() {
            }
        };
    }

    /** Starts a pipeline on the journal, records one interaction, and closes it. */
    private static void open(final GenOpsBuilder builder) {
        try (GenOps genops = builder.build(); MonitoringSession session = genops.openSession("now")) {
            session.trackInteraction("bot", PastCycles.INTERACTION);
        }
    }

    /** The cycle files once there are {@code count} of them, or as they are after {@link #WAIT}. */
    private List<String> awaitCycleFiles(final int count) {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        List<String> files = PastCycles.cycleFiles(journal);
        while (files.size() != count && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            files = PastCycles.cycleFiles(journal);
        }
        return files;
    }

    /** The running thread named genops-retention, or null. */
    private static Thread retentionThread() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().equals("genops-retention") && thread.isAlive()).findFirst()
            .orElse(null);
    }

    private long readBack() {
        try (JournalReader reader = JournalReader.open(journal)) {
            return reader.readAll((index, record) -> { });
        }
    }

    /** The index of the first record of the {@code n}th cycle file, counting from 0. */
    private long firstIndexOf(final int n) {
        final long[] first = {-1};
        final int[] cycles = {0};
        final int[] last = {Integer.MIN_VALUE};
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (reader.cycle() != last[0]) {
                    last[0] = reader.cycle();
                    if (cycles[0]++ == n) {
                        first[0] = index;
                    }
                }
            });
        }
        assertThat(first[0]).isNotNegative();
        return first[0];
    }

    private long size(final String cycleFile) throws IOException {
        return Files.size(journal.resolve(cycleFile));
    }

    private Path newest() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.filter(file -> file.toString().endsWith(".cq4")).max(Path::compareTo).orElseThrow();
        }
    }
}
