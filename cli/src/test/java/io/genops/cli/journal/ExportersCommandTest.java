package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.pipeline.export.ExportPosition;
import io.genops.pipeline.journal.JournalReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void aJournalWithoutExportersSaysSo(@TempDir final Path directory) {
        final Path journal = TestJournal.write(directory.resolve("journal")).directory();

        final CommandRun run = CommandRun.of("exporters", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("no exporter has recorded a position");
    }
}
