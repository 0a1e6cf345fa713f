package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.cli.support.Text;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every journal command does with a journal it cannot use: one line on stderr that names the
 * directory (and the record's index when one record is at fault), exit status 1, never a stack trace;
 * and that reading, whatever it finds, leaves the journal as it was.
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

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "tail", "budgets", "exporters"})
    void aCycleFileCutShortIsNamedInOneLineAndLeftAsItIs(final String command) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        final Path cycleFile = TestJournal.cycleFile(journal);
        final long cut = TestJournal.markOffset(journal) - 200;
        try (RandomAccessFile file = new RandomAccessFile(cycleFile.toFile(), "rw")) {
            file.setLength(cut);
        }

        final CommandRun run = CommandRun.of(command, "--journal", journal.toString());

        assertThat(run.err().lines()).singleElement().asString().startsWith("genops " + command + ": " + cycleFile
            + " was cut short: its own header says it holds at least ").endsWith(" bytes, but it has " + Text.count(cut)
            + "; the records past its end are lost");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Files.size(cycleFile)).as("a reader never grows the file back").isEqualTo(cut);
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "tail", "budgets"})
    void aCycleFileOverwrittenFailsEveryReaderAsItFailsVerify(final String command) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        overwriteFromMark(journal);
        final String verified = CommandRun.of("verify", "--journal", journal.toString()).err();
        assertThat(verified).containsPattern("genops verify: " + journal + ": \\d+ records listed in the journal's "
            + "index cannot be reached");

        final CommandRun run = command.equals("budgets")
            ? CommandRun.of(command, "--journal", journal.toString(), "--at", "2026-12-02")
            : CommandRun.of(command, "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines()).as("the count verify gives").contains(verified.lines()
            .filter(line -> line.contains("cannot be reached")).findFirst().orElseThrow()
            .replace("genops verify: ", "genops " + command + ": "));
    }

    @Test
    void replayOfACycleFileOverwrittenSaysWhatTheTotalsMiss() throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        overwriteFromMark(journal);

        final CommandRun run = CommandRun.of("replay", "--journal", journal.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("\"unreachable\":[1-9]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "tail", "budgets", "exporters"})
    void readingLeavesEveryFileOfTheJournalAsItWas(final String command) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        final Map<Path, String> before = digests(journal);

        final CommandRun run = CommandRun.of(command, "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(digests(journal)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay", "verify", "tail", "budgets", "exporters"})
    void aJournalWithoutItsMetadataIsNamedAndNotRepaired(final String command) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        final Path metadata = journal.resolve(Journals.METADATA_FILE);
        Files.delete(metadata);

        final CommandRun run = CommandRun.of(command, "--journal", journal.toString());

        assertOneLine(run, "genops " + command + ": " + journal + " has no metadata.cq4t, the file in which a "
            + "journal keeps its roll cycle; a journal copied without it cannot be read, so copy it too");
        assertThat(metadata).doesNotExist();
    }

    private static Map<Path, String> digests(final Path journal) throws IOException {
        final Map<Path, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(journal)) {
            for (final Path file : files.toList()) {
                final MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                digests.put(file.getFileName(), HexFormat.of().formatHex(digest.digest()));
            }
        }
        return digests;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zeroes the cycle file from a little before the marked record on, as a bad copy would. */
    private static void overwriteFromMark(final Path journal) throws IOException {
        final long from = TestJournal.markOffset(journal) - 200;
        try (RandomAccessFile file = new RandomAccessFile(TestJournal.cycleFile(journal).toFile(), "rw")) {
            file.seek(from);
            file.write(new byte[1 << 16]);
        }
    }

    private static void assertOneLine(final CommandRun run, final String line) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(line);
    }
}
