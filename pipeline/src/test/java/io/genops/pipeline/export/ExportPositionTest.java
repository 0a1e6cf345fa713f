package io.genops.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportPositionTest {

    @Test
    void read_seesTheNewestSave(@TempDir final Path journal) {
        try (ExportPosition position = ExportPosition.open(journal, "otlp")) {
            position.save(41);
            position.save(42);

            assertThat(ExportPosition.read(journal, "otlp")).isEqualTo(42).isEqualTo(position.load());
        }
    }

    @Test
    void read_ofAnExporterThatSavedNothing_isTheStart_andCreatesNoFile(@TempDir final Path journal) {
        assertThat(ExportPosition.read(journal, "raindrop")).isEqualTo(ExportPosition.START);

        assertThat(journal.resolve("exporters")).doesNotExist();
    }

    @Test
    void read_ofATornFile_isTheStart(@TempDir final Path journal) throws Exception {
        Files.createDirectories(journal.resolve("exporters"));
        Files.write(journal.resolve("exporters").resolve("otlp.position"), new byte[7]);

        assertThat(ExportPosition.read(journal, "otlp")).isEqualTo(ExportPosition.START);
    }
}
