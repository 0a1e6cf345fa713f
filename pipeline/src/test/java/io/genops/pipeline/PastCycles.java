package io.genops.pipeline;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.journal.RecordCodec;
import io.genops.pipeline.journal.JournalCycle;
import io.genops.pipeline.journal.JournalReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Journals with cycles in the past, as a pipeline running at those times would have left them. The
 * journal's cycle follows the wall clock, not the pipeline's, so a real pipeline writes the records (stamped
 * by a fixed clock) into a scratch journal, and they are copied, chained afresh, into the cycle of their
 * time.
 */
final class PastCycles {
    /** 0.003 USD on the test tables. */
    static final Interaction INTERACTION = Interaction.builder()
        .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();

    private PastCycles() {
    }

    /**
     * Writes {@code interactions} of team support stamped {@code when}, and their session's record, into the
     * cycle of {@code when} of the journal in {@code journal}, of {@code cycle}; that cycle must be new.
     *
     * @return the records written
     */
    static int write(final Path journal, final JournalCycle cycle, final Instant when, final int interactions) {
        final Path scratch = journal.resolveSibling(journal.getFileName() + "-" + when.toEpochMilli());
        try (GenOps genops = TestTables.builder().journal(scratch).clock(Clock.fixed(when, ZoneOffset.UTC)).build();
             MonitoringSession session = genops.openSession("past", Attribution.team("support"))) {
            for (int i = 0; i < interactions; i++) {
                session.trackInteraction("bot-" + i, INTERACTION);
            }
        }
        final RecordCodec codec = new RecordCodec();
        final long[] link = {0};
        final int[] written = {0};
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal).rollCycle(cycle.rollCycle())
            .timeProvider(new SetTimeProvider(when)).build();
             ExcerptAppender appender = queue.createAppender();
             JournalReader reader = JournalReader.open(scratch)) {
            reader.readAll((index, record) -> {
                final int length = codec.encode(record, link[0]);
                try (DocumentContext document = appender.writingDocument()) {
                    document.wire().bytes().write(codec.buffer(), 0, length);
                }
                link[0] = codec.link(length);
                written[0]++;
            });
        }
        return written[0];
    }

    /** The journal's cycle files, by name. */
    static List<String> cycleFiles(final Path journal) {
        try (Stream<Path> files = Files.list(journal)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".cq4")).sorted()
                .collect(Collectors.toList());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
