package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.pipeline.export.ExportPosition;
import io.genops.pipeline.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportersCommandTest {

    @Test
    void showsEachPositionWithTheRecordsBehindIt(@TempDir final Path directory) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        final List<Long> indexes = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> indexes.add(index));
        }
        try (ExportPosition otlp = ExportPosition.open(journal, "otlp");
             ExportPosition raindrop = ExportPosition.open(journal, "raindrop");
             ExportPosition fresh = ExportPosition.open(journal, "prometheus")) {
            otlp.save(indexes.get(indexes.size() - 1));
            raindrop.save(indexes.get(9));
        }

        final CommandRun run = CommandRun.of("exporters", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("16 records, the newest at " + TestJournal.END)
            .containsPattern("otlp\\s+" + Long.toHexString(indexes.get(15)) + "\\s+" + TestJournal.END
                + "\\s+0\\s+0 s \\(caught up\\)")
            .containsPattern("prometheus\\s+none yet\\s+-\\s+16\\s+")
            .containsPattern("raindrop\\s+" + Long.toHexString(indexes.get(9)) + "\\s+2026-12-02T09:00:00Z\\s+6\\s+"
                + "3.00 h");
    }

    @Test
    void aDamagedPositionIsNamedOnStderrAndFailsTheCommand(@TempDir final Path directory) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        try (ExportPosition otlp = ExportPosition.open(journal, "otlp")) {
            otlp.save(lastIndex(journal));
        }
        final byte[] noise = new byte[48];
        new Random(11).nextBytes(noise);
        Files.write(ExportPosition.file(journal, "raindrop"), noise);
        Files.write(ExportPosition.file(journal, "webhook"), new byte[] {1, 2, 3});

        final CommandRun run = CommandRun.of("exporters", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("otlp\\s+[0-9a-f]+\\s+" + TestJournal.END + "\\s+0\\s+")
            .containsPattern("raindrop\\s+unreadable\\s+-\\s+-\\s+-")
            .containsPattern("webhook\\s+unreadable\\s+-\\s+-\\s+-");
        assertThat(run.err().lines()).containsExactly(
            "genops exporters: the export position " + ExportPosition.file(journal, "raindrop") + " is damaged: "
                + "neither of its two slots holds a position whose check matches; delete it to export the journal "
                + "again from its start",
            "genops exporters: the export position " + ExportPosition.file(journal, "webhook") + " is damaged: "
                + "it holds 3 bytes, where a position takes 48 (or 0 before its first save); delete it to export "
                + "the journal again from its start");
    }

    @Test
    void anEmptyPositionIsAnExporterThatSettledNothingYet(@TempDir final Path directory) throws IOException {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();
        Files.createDirectories(ExportPosition.file(journal, "otlp").getParent());
        Files.createFile(ExportPosition.file(journal, "otlp"));

        final CommandRun run = CommandRun.of("exporters", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("otlp\\s+none yet\\s+-\\s+16\\s+");
    }

    @Test
    void aJournalWithoutExportersSaysSo(@TempDir final Path directory) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();

        final CommandRun run = CommandRun.of("exporters", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no exporter has recorded a position");
    }

    private static long lastIndex(final Path journal) {
        final long[] last = {-1};
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> last[0] = index);
        }
        return last[0];
    }
}
