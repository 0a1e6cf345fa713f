package io.genops.bench;

import io.genops.core.money.Money;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Replayer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second read back from the journal and priced again: {@code replay} runs the
 * {@link Replayer} (checksums, hash chain, pricing with the bundled tables, totals per team, project,
 * customer, model and day) over {@value #RECORDS} journaled interactions; {@code read} only reads and
 * checks them. At setup it prints the bytes one record takes on disk (record plus Chronicle's 4-byte
 * header), measured from the records themselves. With {@code -p budget=daily} every interaction is
 * charged to its team's daily budget, so each record also carries that budget and its spend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ReplayBenchmark.RECORDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReplayBenchmark {
    static final int RECORDS = 1_000_000;
    private static final int CHRONICLE_HEADER_BYTES = 4;

    /** Far out of reach, so every interaction is charged and none is refused. */
    private static final Money UNREACHABLE_LIMIT = Money.usd("5000000");

    /** {@code none}: no budget applies. {@code daily}: the team's daily budget applies to every record. */
    @Param({"none"})
    public String budget;

    private TempJournal journal;

    @Setup(Level.Trial)
    public void write() {
        journal = new TempJournal();
        final GenOpsBuilder builder = GenOps.builder();
        if ("daily".equals(budget)) {
            builder.dailyBudget(UNREACHABLE_LIMIT);
        }
        Fixtures.journalShift(builder, journal.directory(), RECORDS);
        final long[] bytes = {0};
        try (JournalReader reader = JournalReader.open(journal.directory())) {
            reader.readAll((index, record) -> bytes[0] += record.length() + CHRONICLE_HEADER_BYTES);
        }
        System.out.printf("%nbytes per journaled interaction: %.1f%n", (double)bytes[0] / RECORDS);
    }

    @TearDown(Level.Trial)
    public void remove() {
        journal.close();
    }

    @Benchmark
    public long replay() {
        final AuditReport report = Replayer.builder().journal(journal.directory()).build().run();
        return report.records();
    }

    @Benchmark
    public long read() {
        try (JournalReader reader = JournalReader.open(journal.directory())) {
            return reader.readAll((index, record) -> { });
        }
    }
}
