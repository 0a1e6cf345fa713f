package io.genops.cli.journal;

import io.genops.core.Attribution;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.journal.RecordCodec;
import io.genops.core.money.Money;
import io.genops.pipeline.AgentGroup;
import io.genops.pipeline.BudgetScope;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.BudgetWindow;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A small journal written by a real pipeline with a clock of its own, over three days of one ISO week
 * (Monday 2026-11-30 to Wednesday 2026-12-02) and two months, and ways to damage one.
 *
 * <p>Every interaction is 1,000 input and 500 output tokens of {@code gpt-4o-mini}, whose bundled
 * model price is 0.15 and 0.60 USD per million: 450,000 nanodollars of model cost each, plus the
 * bundled platform fee.
 */
final class TestJournal {
    /** The pipeline's clock at the end of the writing: budgets are as of this time. */
    static final Instant END = Instant.parse("2026-12-02T12:00:00Z");
    static final long INTERACTIONS = 14;
    static final long MODEL_NANOS_PER_INTERACTION = 450_000;
    /** The agent of the one record {@link #damage} alters. */
    static final String MARKED_AGENT = "agent-with-a-mark";
    /** The agent group of the marked agent alone; every other record is in the default group. */
    static final String MARKED_GROUP = "marked";

    /** What the live pipeline said before it closed. */
    record Written(Path directory, Money totalCost, long records, List<BudgetStatus> budgets) {
    }

    private TestJournal() {
    }

    static Written write(final Path directory) {
        final SettableClock clock = new SettableClock(Instant.parse("2026-11-30T10:00:00Z"));
        try (GenOps genops = GenOps.builder().journal(directory).clock(clock)
            .defaultBudget(BudgetScope.TEAM, BudgetWindow.DAILY, Money.usd("1"))
            .defaultBudget(BudgetScope.TEAM, BudgetWindow.WEEKLY, Money.usd("5"))
            .defaultBudget(BudgetScope.PROJECT, BudgetWindow.MONTHLY, Money.usd("10"))
            .defaultBudget(BudgetScope.CUSTOMER, BudgetWindow.DAILY, Money.usd("2"))
            .defaultBudget(BudgetScope.TEAM_PROJECT, BudgetWindow.WEEKLY, Money.usd("3"))
            .agentGroup(MARKED_GROUP, AgentGroup.builder().matchAgents("agent-with-*").build())
            .build();
             MonitoringSession session = genops.openSession("test-shift")) {
            track(session, "support", "chat", "acme", 3);
            track(session, "sales", "mail", "globex", 2);
            clock.set(Instant.parse("2026-12-01T10:00:00Z"));
            track(session, "support", "chat", "globex", 2);
            track(session, "sales", "chat", "acme", 2);
            clock.set(Instant.parse("2026-12-02T09:00:00Z"));
            track(session, "support", "mail", "acme", 4);
            session.trackSignal("response_quality", PerformanceSignal.builder().agentId("support-bot").value(0.8)
                .attribution(attribution("support", "mail", "acme")).build());
            clock.set(END);
            session.trackInteraction(MARKED_AGENT, interaction("sales", "mail", "globex"));
            genops.flush(Duration.ofSeconds(10));
            return new Written(directory, genops.metrics().totalCost(), genops.metrics().journaled(),
                genops.budgetStatuses());
        }
    }

    private static void track(final MonitoringSession session, final String team, final String project,
        final String customer, final int count) {
        for (int i = 0; i < count; i++) {
            session.trackInteraction(team + "-bot", interaction(team, project, customer));
        }
    }

    private static Interaction interaction(final String team, final String project, final String customer) {
        return Interaction.builder().model("gpt-4o-mini").provider("openai").inputTokens(1_000).outputTokens(500)
            .latency(Duration.ofMillis(800)).attribution(attribution(team, project, customer)).build();
    }

    private static Attribution attribution(final String team, final String project, final String customer) {
        return Attribution.builder().team(team).project(project).customerId(customer).build();
    }

    /** The journal's one cycle file. */
    static Path cycleFile(final Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(Journals.CYCLE_SUFFIX)).findFirst().orElseThrow();
        }
    }

    /** Where in the cycle file the record of {@link #MARKED_AGENT} names it. */
    static long markOffset(final Path directory) throws IOException {
        final byte[] file = Files.readAllBytes(cycleFile(directory));
        final byte[] mark = MARKED_AGENT.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= file.length - mark.length; i++) {
            if (java.util.Arrays.equals(file, i, i + mark.length, mark, 0, mark.length)) {
                return i;
            }
        }
        throw new IllegalStateException("no record names " + MARKED_AGENT);
    }

    /** Changes one byte of the marked record, as a disk error or a hand edit would. */
    static void damage(final Path directory) throws IOException {
        final long offset = markOffset(directory);
        try (RandomAccessFile file = new RandomAccessFile(cycleFile(directory).toFile(), "rw")) {
            file.seek(offset);
            file.write('X');
        }
    }

    /** Appends a copy of the last record that claims a version this code does not know, checksum and all. */
    static void appendNewerVersion(final Path directory) {
        final RecordCodec codec = new RecordCodec();
        final int[] length = {0};
        try (JournalReader reader = JournalReader.open(directory)) {
            reader.readAll((index, record) -> length[0] = codec.encode(record, record.link()));
        }
        final byte[] bytes = codec.buffer();
        bytes[0] = RecordCodec.VERSION + 1;
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length[0] - 4);
        ByteBuffer.wrap(bytes, length[0] - 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int)crc.getValue());
        try (SingleChronicleQueue queue = Journals.openForWriting(directory);
             ExcerptAppender appender = queue.createAppender();
             DocumentContext document = appender.writingDocument()) {
            document.wire().bytes().write(bytes, 0, length[0]);
        }
    }

    /** A clock the test moves by hand. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(final Instant start) {
            this.now = start;
        }

        void set(final Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
