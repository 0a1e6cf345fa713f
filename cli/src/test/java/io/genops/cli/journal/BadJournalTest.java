package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every journal command does with a journal it cannot use: one line on stderr that names the
 * directory (and the record's index when one record is at fault), exit status 1, never a stack trace.
 */
class BadJournalTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "tail", "budgets", "exporters"})
    void aMissingDirectoryIsNamed(final String command) {
        final Path missing = directory.resolve("nowhere");

        final CommandRun run = CommandRun.of(command, "--journal", missing.toString());

        assertOneLine(run, "genops " + command + ": " + missing + " does not exist; expected a GenOps journal "
            + "directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "tail", "budgets", "exporters"})
    void aDirectoryWithoutAJournalIsNamed(final String command) throws IOException {
        Files.writeString(directory.resolve("notes.txt"), "not a journal");

        final CommandRun run = CommandRun.of(command, "--journal", directory.toString());

        assertOneLine(run, "genops " + command + ": " + directory + " holds no journal (no *.cq4 cycle files)");
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        final Path file = Files.writeString(directory.resolve("journal.cq4"), "x");

        final CommandRun run = CommandRun.of("verify", "--journal", file.toString());

        assertOneLine(run, "genops verify: " + file + " is a file, not a directory; expected a GenOps journal "
            + "directory");
    }

    @Test
    void aCycleFileOfRandomBytesIsNamed() throws IOException {
        final byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Files.write(directory.resolve("20261203L.cq4"), noise);

        final CommandRun run = CommandRun.of("replay", "--journal", directory.toString());

        assertOneLine(run, "genops replay: " + directory.resolve("20261203L.cq4") + " is not a journal cycle file: "
            + "it does not start with a Chronicle Queue header");
    }

    @Test
    void aDamagedRecordIsListedByVerifyWithItsIndex() throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        TestJournal.damage(journal);

        final CommandRun run = CommandRun.of("verify", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("intact records           15", "damaged or out of chain  1")
            .containsPattern("[0-9a-f]+ \\(\\d{4}-\\d\\d-\\d\\d, record 14 of the day\\)\\s+checksum mismatch");
        assertOneLine(run, "genops verify: " + journal + ": 1 damaged or out-of-chain records");
    }

    @Test
    void replayOfADamagedJournalReportsTheRestAndFails() throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        TestJournal.damage(journal);

        final CommandRun run = CommandRun.of("replay", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("14 records matched", "Damaged or out-of-chain records: 1");
        assertThat(run.err().lines()).singleElement().asString()
            .matches("genops replay: " + journal + ": record [0-9a-f]+: checksum mismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "tail", "budgets"})
    void aRecordOfANewerVersionIsNamedWithItsIndex(final String command) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        TestJournal.appendNewerVersion(journal);

        final CommandRun run = command.equals("budgets")
            ? CommandRun.of(command, "--journal", journal.toString(), "--at", "2026-12-02")
            : CommandRun.of(command, "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
            .matches("genops " + command + ": " + journal + ": record [0-9a-f]+: record of a newer version");
    }

    @Test
    void verifyListsARecordOfANewerVersion() {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        TestJournal.appendNewerVersion(journal);

        final CommandRun run = CommandRun.of("verify", "--journal", journal.toString());

        assertThat(run.out()).containsPattern("record 16 of the day\\)\\s+record of a newer version");
        assertOneLine(run, "genops verify: " + journal + ": 1 damaged or out-of-chain records");
    }

    @Test
    void aCycleFileCutShortIsReportedByVerify() throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        cutShort(journal);

        final CommandRun run = CommandRun.of("verify", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("genops verify: " + journal + ": ").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "tail", "budgets"})
    void aCycleFileCutShortFailsEveryReaderAsItFailsVerify(final String command) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        cutShort(journal);
        final String verified = CommandRun.of("verify", "--journal", journal.toString()).err();
        final String unreachable = "genops verify: " + journal + ": ";
        assertThat(verified).containsPattern(unreachable + "\\d+ records listed in the journal's index cannot be "
            + "reached");

        final CommandRun run = command.equals("budgets")
            ? CommandRun.of(command, "--journal", journal.toString(), "--at", "2026-12-02")
            : CommandRun.of(command, "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines()).as("the count verify gives").contains(verified.lines()
            .filter(line -> line.contains("cannot be reached")).findFirst().orElseThrow()
            .replace("genops verify: ", "genops " + command + ": "));
    }

    @Test
    void replayOfACycleFileCutShortSaysWhatTheTotalsMiss() throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        cutShort(journal);

        final CommandRun run = CommandRun.of("replay", "--journal", journal.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("\"unreachable\":[1-9]");
    }

    /** Cuts the cycle file a little before the marked record, as a full disk or a careless copy would. */
    private static void cutShort(final Path journal) throws IOException {
        final long cut = TestJournal.markOffset(journal) - 200;
        try (RandomAccessFile file = new RandomAccessFile(TestJournal.cycleFile(journal).toFile(), "rw")) {
            file.setLength(cut);
        }
    }

    private static void assertOneLine(final CommandRun run, final String line) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(line);
    }
}
