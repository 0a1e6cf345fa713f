package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands that read several journals refuse one journal named twice, which would count its records twice. */
class RepeatedJournalTest {
    @TempDir
    static Path shared;
    private static TestJournal.Written written;
    private static Path journal;

    @BeforeAll
    static void writeJournal() {
        written = TestJournal.write(shared.resolve("journal"));
        journal = written.directory().toAbsolutePath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "budgets"})
    void theSameNameTwiceIsAUsageError(final String command) {
        final CommandRun run = CommandRun.of(command, "--journal", journal.toString(), "--journal",
            journal.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("--journal names " + journal + " twice; give each journal once")
            .contains("Usage: genops " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "budgets"})
    void anotherSpellingOfTheSameDirectoryIsAUsageError(final String command) throws IOException {
        final String spelled = journal.resolve(".") + "/";

        final CommandRun run = CommandRun.of(command, "--journal", journal.toString(), "--journal", spelled);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--journal names one directory twice: " + journal + " and "
            + journal.resolve(".") + " are both " + journal.toRealPath() + "; give each journal once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "budgets"})
    void aLinkToADirectoryAlreadyNamedIsAUsageError(final String command) throws IOException {
        final Path link = Files.createSymbolicLink(shared.resolve("link-for-" + command), journal);

        final CommandRun run = CommandRun.of(command, "--journal", link.toString(), "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--journal names one directory twice: " + link + " and " + journal
            + " are both " + journal.toRealPath());
    }

    @Test
    void twoJournalsAreAddedUp(@TempDir final Path directory) throws IOException {
        final Path other = TestJournal.write(directory.resolve("journal")).directory();

        final Map<String, Object> report = ReplayCommandTest.json("replay", "--journal", journal.toString(),
            "--journal", other.toString(), "--format", "json");

        assertThat(report.get("records")).isEqualTo(2 * written.records());
    }
}
