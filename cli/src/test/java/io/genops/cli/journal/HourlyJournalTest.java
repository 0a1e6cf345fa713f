package io.genops.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import io.genops.cli.JsonTree;
import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.journal.RecordCodec;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.JournalReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands over a journal written with hourly cycles: each takes the cycle from the journal itself. The
 * journal has three past hours, as a pipeline running then would have left them (its records copied, chained
 * afresh, into the hour of their time).
 */
class HourlyJournalTest {
    private static final String MARKED = "marked-bot";
    private static final DateTimeFormatter HOUR_FILE = DateTimeFormatter.ofPattern("yyyyMMdd-HH'F.cq4'")
        .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path journal;
    private Instant twoHoursAgo;

    @BeforeEach
    void writeThreeHours() {
        journal = dir.resolve("journal");
        final Instant now = Instant.now();
        twoHoursAgo = now.minus(Duration.ofHours(2));
        writeHour(now.minus(Duration.ofHours(3)), 2);
        writeHour(twoHoursAgo, 3);
        writeHour(now.minus(Duration.ofHours(1)), 4);
    }

    @Test
    void verify_walksEveryHour() {
        final CommandRun run = CommandRun.of("verify", "--journal", journal.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("intact records           12", "damaged or out of chain  0");
    }

    @Test
    void replay_fromATime_startsAtItsHour() throws IOException {
        final Map<String, Object> all = JsonTree.object(CommandRun.of("replay", "--journal", journal.toString(),
            "--format", "json", "--by", "day").out());
        final CommandRun since = CommandRun.of("replay", "--journal", journal.toString(), "--format", "json",
            "--from", twoHoursAgo.toString());

        assertThat(all.get("records")).isEqualTo(9L);
        assertThat(all.get("difference_usd")).isEqualTo("0.00");
        assertThat(since.exitCode()).as(since.err()).isZero();
        assertThat(JsonTree.object(since.out()).get("records")).isEqualTo(7L);
    }

    @Test
    void aDamagedRecord_isNamedByItsHour() throws IOException {
        damageMarked(journal.resolve(HOUR_FILE.format(twoHoursAgo)));

        final CommandRun run = CommandRun.of("verify", "--journal", journal.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        final String hour = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH':00Z'").withZone(ZoneOffset.UTC)
            .format(twoHoursAgo);
        assertThat(run.out()).contains("intact records           11")
            .containsPattern("[0-9a-f]+ \\(" + hour + ", record 1 of the hour\\)\\s+checksum mismatch");
    }

    /** Interactions stamped {@code when}, the second of agent {@value #MARKED}, and their session's record. */
    private void writeHour(final Instant when, final int interactions) {
        final Path scratch = dir.resolve("scratch-" + when.toEpochMilli());
        final Interaction interaction = Interaction.builder().model("gpt-4o-mini").inputTokens(1000)
            .outputTokens(200).build();
        try (GenOps genops = GenOps.builder().journal(scratch).clock(Clock.fixed(when, ZoneOffset.UTC)).build();
             MonitoringSession session = genops.openSession("hour", Attribution.team("support"))) {
            for (int i = 0; i < interactions; i++) {
                session.trackInteraction(i == 1 ? MARKED : "bot", interaction);
            }
        }
        final RecordCodec codec = new RecordCodec();
        final long[] link = {0};
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal)
            .rollCycle(JournalCycle.FAST_HOURLY.rollCycle()).timeProvider(new SetTimeProvider(when)).build();
             ExcerptAppender appender = queue.createAppender();
             JournalReader reader = JournalReader.open(scratch)) {
            reader.readAll((index, record) -> {
                final int length = codec.encode(record, link[0]);
                try (DocumentContext document = appender.writingDocument()) {
                    document.wire().bytes().write(codec.buffer(), 0, length);
                }
                link[0] = codec.link(length);
            });
        }
    }

    /** Changes one byte of the record naming {@value #MARKED} in {@code cycleFile}, as a disk error would. */
    private static void damageMarked(final Path cycleFile) throws IOException {
        final byte[] bytes = Files.readAllBytes(cycleFile);
        final byte[] mark = MARKED.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= bytes.length - mark.length; i++) {
            if (Arrays.equals(bytes, i, i + mark.length, mark, 0, mark.length)) {
                try (RandomAccessFile file = new RandomAccessFile(cycleFile.toFile(), "rw")) {
                    file.seek(i);
                    file.write('X');
                }
                return;
            }
        }
        throw new IllegalStateException("no record names " + MARKED + " in " + cycleFile);
    }
}
