package io.genops.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.journal.Journals;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/** Writes journals for the export runner's tests through a real pipeline, and waits on conditions. */
final class TestJournal {
    static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private TestJournal() {
    }

    /**
     * Writes {@code interactions} in one session, and so {@code interactions + 1} records with the session's
     * own, stamped by {@code clock}.
     */
    static void write(final Path journal, final int interactions, final double samplingRate, final Clock clock) {
        final Interaction interaction = Interaction.builder().model("m").inputTokens(10).build();
        try (GenOps genops = GenOps.builder().journal(journal).ringSize(1024).clock(clock)
            .samplingRate(EventKind.INTERACTION, samplingRate)
            .modelPrices(ModelPriceTable.of("test", List.of(ModelPrice.of("m", "acme", TokenRates.of(1, 1)))))
            .build();
             MonitoringSession session = genops.openSession("export")) {
            for (int i = 0; i < interactions; i++) {
                session.trackInteraction("bot", interaction);
            }
        }
    }

    static void write(final Path journal, final int interactions, final double samplingRate) {
        write(journal, interactions, samplingRate, Clock.systemUTC());
    }

    /**
     * Writes {@code interactions + 1} records stamped {@code day} into the journal's cycle of that day, as a
     * pipeline running then would have: they are written through a pipeline into {@code scratch}, then copied
     * byte for byte into {@code journal} by a queue whose time is {@code day}.
     */
    static void writeOnDay(final Path journal, final Path scratch, final int interactions, final Instant day) {
        write(scratch, interactions, 1.0, Clock.fixed(day, ZoneOffset.UTC));
        try (SingleChronicleQueue from = Journals.openForReading(scratch);
             SingleChronicleQueue to = SingleChronicleQueueBuilder.binary(journal)
                 .rollCycle(Journals.DEFAULT_CYCLE.rollCycle()).timeProvider(new SetTimeProvider(day)).build()) {
            final ExcerptTailer tailer = from.createTailer();
            final ExcerptAppender appender = to.createAppender();
            for (boolean more = true; more; ) {
                try (DocumentContext in = tailer.readingDocument()) {
                    more = in.isPresent();
                    if (more) {
                        try (DocumentContext out = appender.writingDocument()) {
                            out.wire().bytes().write(in.wire().bytes());
                        }
                    }
                }
            }
        }
    }

    static void sleepUntil(final BooleanSupplier condition) {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition holds in time").isLessThan(deadline);
            sleepMillis(2);
        }
    }

    static void sleepMillis(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
