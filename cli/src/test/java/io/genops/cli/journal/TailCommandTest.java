package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.Interaction;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailCommandTest {

    @Test
    void printsTheLastRecordsOldestFirst(@TempDir final Path directory) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();

        final CommandRun run = CommandRun.of("tail", "--journal", journal.toString(), "-n", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        final List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(TestJournal.END + " interaction sales")
            .contains(TestJournal.MARKED_AGENT + "  " + TestJournal.MARKED_GROUP + " ", "gpt-4o-mini",
                "in 1,000 out 500", " USD ");
        assertThat(lines.get(1)).as("the record the session left when it closed")
            .startsWith(TestJournal.END + " session     -          -                  default    session test-shift")
            .contains("15 ops ", " total 0.0", "0.00 USD", "ALLOWED", "sampled");
    }

    @Test
    void alertRecordsSayWhetherARuleWasCreatedOrFired(@TempDir final Path directory) {
        final Path journal = directory.resolve("journal");
        final AlertRule slow = AlertRule.builder().condition("latency_ms > 2000").build();
        try (GenOps genops = GenOps.builder().journal(journal).alertBatchAge(Duration.ofMillis(5)).build();
             MonitoringSession session = genops.openSession("shift", Attribution.team("support"))) {
            assertThat(session.createAlert("slow_call", slow)).isTrue();
            session.trackInteraction("bot", Interaction.builder().model("gpt-4o-mini").provider("openai")
                .inputTokens(100).outputTokens(20).latency(Duration.ofMillis(2500)).build());
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(genops.awaitAlerts(Duration.ofSeconds(10))).isTrue();
            assertThat(genops.flush(Duration.ofSeconds(10))).isTrue();
        }

        final CommandRun run = CommandRun.of("tail", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(line -> line.contains(" alert "))).hasSize(2)
            .anySatisfy(line -> assertThat(line).contains(" rule slow_call "))
            .anySatisfy(line -> assertThat(line).contains(" fired slow_call=2500 (threshold 2000) "));
    }

    @Test
    void filtersApplyToTheLastRecords(@TempDir final Path directory) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();

        final CommandRun run = CommandRun.of("tail", "--journal", journal.toString(), "-n", "100", "--team", "sales");

        assertThat(run.out().lines()).hasSize(5).allMatch(line -> line.contains(" sales "));
    }

    @Test
    void followPrintsRecordsAsAPipelineAppendsThem(@TempDir final Path directory) throws Exception {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        final CompletableFuture<CommandRun> tail = CompletableFuture.supplyAsync(() -> CommandRun.of("tail",
            "--journal", journal.toString(), "-n", "0", "--follow", "--stop-after", "3"));

        Thread.sleep(500);
        try (GenOps genops = GenOps.builder().journal(journal).build();
             MonitoringSession session = genops.openSession("late-shift")) {
            for (int i = 0; i < 5; i++) {
                session.trackInteraction("late-agent-" + i, Interaction.builder().model("gpt-4o").inputTokens(10)
                    .outputTokens(5).attribution(Attribution.team("night")).build());
            }
            genops.flush(Duration.ofSeconds(5));
        }

        final CommandRun run = tail.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(6).filteredOn(line -> line.contains(" night ")).hasSize(5);
        assertThat(run.out().lines().toList().get(5)).contains(" session late-shift ", "5 ops ");
        assertThat(run.out()).contains("late-agent-0", "late-agent-4");
    }

    @Test
    void stopAfterNeedsFollow(@TempDir final Path directory) {
        final CommandRun run = CommandRun.of("tail", "--journal", directory.toString(), "--stop-after", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--stop-after needs --follow");
    }
}
