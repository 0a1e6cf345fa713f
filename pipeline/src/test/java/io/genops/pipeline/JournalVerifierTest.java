package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.pipeline.journal.JournalVerifier;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalVerifierTest {
    private static final String MARK = "tamper-target-team";

    @TempDir
    Path journal;

    @Test
    void verify_anUntouchedJournal_findsEveryRecordIntact() {
        write(200);

        final JournalVerifier.Report report = JournalVerifier.verify(journal);

        assertThat(report.intact()).isTrue();
        assertThat(report.records()).as("200 interactions and the session's record").isEqualTo(201);
        assertThat(report.firstMillis()).isLessThanOrEqualTo(report.lastMillis());
    }

    @Test
    void verify_aRecordAlteredOnDisk_reportsItWithItsIndex() throws IOException {
        write(200);
        flipFirstByteOf(MARK);

        final JournalVerifier.Report report = JournalVerifier.verify(journal);

        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).isEqualTo(1);
        assertThat(report.records()).isEqualTo(200);
        assertThat(report.listed()).singleElement().satisfies(problem -> {
            assertThat(problem.description()).isEqualTo("checksum mismatch");
            assertThat(problem.indexHex()).isNotBlank();
        });
    }

    private void write(final int interactions) {
        final Interaction plain = Interaction.builder().model(TestTables.MODEL).inputTokens(10).build();
        final Interaction marked = Interaction.builder().model(TestTables.MODEL).inputTokens(10)
            .attribution(Attribution.team(MARK)).build();
        try (GenOps genops = TestTables.builder().journal(journal).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < interactions; i++) {
                session.trackInteraction("bot", i == interactions / 2 ? marked : plain);
            }
        }
    }

    /** Changes one byte inside the only record that names {@code text}, as a careless edit would. */
    private void flipFirstByteOf(final String text) throws IOException {
        final byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(journal)) {
            for (final Path file : (Iterable<Path>)files::iterator) {
                if (file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX) && flip(file, needle)) {
                    return;
                }
            }
        }
        throw new AssertionError("no record names " + text);
    }

    private static boolean flip(final Path file, final byte[] needle) throws IOException {
        final byte[] content = Files.readAllBytes(file);
        for (int i = 0; i + needle.length <= content.length; i++) {
            if (matchesAt(content, i, needle)) {
                try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
                    raw.seek(i);
                    raw.write(content[i] ^ 0x20);
                }
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(final byte[] content, final int offset, final byte[] needle) {
        for (int j = 0; j < needle.length; j++) {
            if (content[offset + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }
}
