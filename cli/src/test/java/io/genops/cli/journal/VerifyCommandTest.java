package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @Test
    void anIntactJournalShowsItsRecordsAndTimes(@TempDir final Path directory) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();

        final CommandRun run = CommandRun.of("verify", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Journal " + journal, "intact records           16",
            "first record             2026-11-30T10:00:00Z", "last record              " + TestJournal.END,
            "damaged or out of chain  0", "Every checksum and each cycle's hash chain verified.");
    }

    @Test
    void journalIsRequired() {
        final CommandRun run = CommandRun.of("verify");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--journal=DIR'");
    }
}
