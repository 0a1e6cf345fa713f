package io.genops.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.pipeline.journal.JournalException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void read_ofAnEmptyFile_isTheStart(@TempDir final Path journal) throws Exception {
        Files.createDirectories(ExportPosition.file(journal, "otlp").getParent());
        Files.createFile(ExportPosition.file(journal, "otlp"));

        assertThat(ExportPosition.read(journal, "otlp")).isEqualTo(ExportPosition.START);
    }

    @Test
    void read_ofAFileOpenedButNeverSaved_isTheStart(@TempDir final Path journal) {
        ExportPosition.open(journal, "otlp").close();

        assertThat(ExportPosition.file(journal, "otlp")).hasSize(48);
        assertThat(ExportPosition.read(journal, "otlp")).isEqualTo(ExportPosition.START);
    }

    @Test
    void read_ofAFirstSaveNotYetChecked_isTheStart(@TempDir final Path journal) throws Exception {
        ExportPosition.open(journal, "otlp").close();
        final ByteBuffer slots = ByteBuffer.allocate(48).putLong(0, 1).putLong(8, 42);
        Files.write(ExportPosition.file(journal, "otlp"), slots.array());

        assertThat(ExportPosition.read(journal, "otlp")).isEqualTo(ExportPosition.START);
    }

    @Test
    void read_ofASaveTornBesideACheckedOne_isTheCheckedOne(@TempDir final Path journal) throws Exception {
        try (ExportPosition position = ExportPosition.open(journal, "otlp")) {
            position.save(41);
            position.save(42);
        }
        final Path file = ExportPosition.file(journal, "otlp");
        final ByteBuffer slots = ByteBuffer.wrap(Files.readAllBytes(file));
        slots.putLong(0, 3).putLong(8, 43);
        Files.write(file, slots.array());

        assertThat(ExportPosition.read(journal, "otlp")).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 47, 49, 4096})
    void read_ofAFileOfAnotherSize_isRefusedNamingIt(final int size, @TempDir final Path journal) throws Exception {
        Files.createDirectories(ExportPosition.file(journal, "otlp").getParent());
        Files.write(ExportPosition.file(journal, "otlp"), new byte[size]);

        assertThatThrownBy(() -> ExportPosition.read(journal, "otlp")).isInstanceOf(JournalException.class)
            .hasMessage("the export position " + ExportPosition.file(journal, "otlp") + " is damaged: it holds "
                + size + " bytes, where a position takes 48 (or 0 before its first save); delete it to export the "
                + "journal again from its start");
        assertThatThrownBy(() -> ExportPosition.open(journal, "otlp")).as("a runner does not start over silently")
            .isInstanceOf(JournalException.class).hasMessageContaining("is damaged");
        assertThat(Files.size(ExportPosition.file(journal, "otlp"))).as("left as it was").isEqualTo(size);
    }

    @Test
    void read_ofSlotsWithoutACheckedPosition_isRefusedNamingTheFile(@TempDir final Path journal) throws Exception {
        final byte[] noise = new byte[48];
        new Random(7).nextBytes(noise);
        Files.createDirectories(ExportPosition.file(journal, "otlp").getParent());
        Files.write(ExportPosition.file(journal, "otlp"), noise);

        assertThatThrownBy(() -> ExportPosition.read(journal, "otlp")).isInstanceOf(JournalException.class)
            .hasMessage("the export position " + ExportPosition.file(journal, "otlp") + " is damaged: neither of its "
                + "two slots holds a position whose check matches; delete it to export the journal again from its "
                + "start");
    }
}
