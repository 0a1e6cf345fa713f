package io.genops.bench;

import io.genops.core.journal.RecordCodec;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.journal.JournalReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to encode one journal record, the journal stage's own share of an event apart from Chronicle
 * Queue: {@code encode} writes {@value #RECORDS} interactions of the support shift (15 attribution and
 * identity strings, token counts, costs, the checksum) one after another into the codec's buffer,
 * chaining each to the one before as the journal does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordCodecBenchmark {
    static final int RECORDS = 1_024;

    private final RecordCodec codec = new RecordCodec();
    private CopiedEvent[] records;

    /** Journals the shift, then keeps each record's fields as plain fields, as the pipeline's slots hold them. */
    @Setup(Level.Trial)
    public void journal() {
        final List<CopiedEvent> events = new ArrayList<>(RECORDS);
        try (TempJournal journal = new TempJournal()) {
            Fixtures.journalShift(GenOps.builder(), journal.directory(), RECORDS);
            try (JournalReader reader = JournalReader.open(journal.directory())) {
                reader.readAll((index, record) -> {
                    events.add(CopiedEvent.of(record));
                });
            }
        }
        records = events.toArray(CopiedEvent[]::new);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long encode() {
        long link = 0;
        for (final CopiedEvent record : records) {
            link = codec.link(codec.encode(record, link));
        }
        return link;
    }
}
