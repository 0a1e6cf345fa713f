package io.genops.bench;

import io.genops.core.event.EventKind;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.otlp.internal.EventMapping;
import io.genops.exporters.otlp.internal.Telemetry;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.journal.JournalReader;
import io.opentelemetry.exporter.internal.otlp.traces.LowAllocationTraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU one journaled event costs on its way out through OTLP, piece by piece, each on one thread:
 * <ul>
 *   <li>{@code runnerPath}: what the export runner's thread does per event: read the record from the
 *       journal, check it, count it in the metrics, and for the sampled ones ({@code sampling}, a tenth
 *       by default) build the span (the batch is dropped every 16,384 events instead of sent, so the
 *       start of each request, which sizes its spans on this thread too, is not included); with
 *       {@code -p sampling=0} it is the cost, and the allocation, of an event counted and not exported;</li>
 *   <li>{@code readPath}: the same reading and checking with nothing done with the record, the floor
 *       under {@code runnerPath} that the exporter does not set;</li>
 *   <li>{@code dimensionsPath}: reading, checking and asking the record for the ten dimensions every
 *       event is counted by in the metrics (kind, agent group, attribution, provider, model, error type,
 *       policy result and reason): what the journal view's decoding of them costs beyond {@code readPath};</li>
 *   <li>{@code serializeSpan} and {@code serializeSpanGzip}: what the official exporter's HTTP thread
 *       does per sampled span, in requests of 512: the OTLP protobuf encoding, without and with gzip.</li>
 * </ul>
 * Times are per event for {@code runnerPath} and per span for the others; at a sampling rate {@code r}
 * an event costs {@code runnerPath + r × serializeSpan(Gzip)} of CPU, plus the pipeline's own work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExportPathBenchmark {
    static final int RECORDS = 200_000;
    static final int REQUEST = 512;
    private static final int BATCH = 16_384;

    /** The share of interactions sampled, as the pipeline that writes the journal is told. */
    @Param({"0.1"})
    public double sampling;

    private TempJournal journal;
    private OtlpExporter exporter;
    private List<SpanData> spans;
    private final LowAllocationTraceRequestMarshaler marshaler = new LowAllocationTraceRequestMarshaler();
    private int next;

    @Setup(Level.Trial)
    public void write() {
        journal = new TempJournal();
        Fixtures.journalShift(GenOps.builder().samplingRate(EventKind.INTERACTION, sampling), journal.directory(),
            RECORDS);
        // Never sends: no request fills up before the batch is dropped, so the endpoint is never dialled.
        exporter = OtlpExporter.builder().endpoint(URI.create("http://127.0.0.1:9")).requestSize(100_000).build();
        final EventMapping mapping = new EventMapping(new Telemetry(Resource.getDefault(), Telemetry.defaultScope()));
        spans = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal.directory())) {
            reader.readAll((index, record) -> {
                if (record.sampled()) {
                    spans.add(mapping.span(record));
                }
            });
        }
        System.out.printf("%n%d of %d interactions sampled%n", spans.size(), RECORDS);
        if (spans.size() >= REQUEST) {
            marshaler.initialize(spans.subList(0, REQUEST));
            System.out.printf("%.0f bytes per span in an uncompressed request%n",
                (double)marshaler.getBinarySerializedSize() / REQUEST);
            marshaler.reset();
        }
    }

    @TearDown(Level.Trial)
    public void remove() {
        exporter.close();
        journal.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long runnerPath() {
        final long[] added = {0};
        try (JournalReader reader = JournalReader.open(journal.directory())) {
            reader.readAll((index, record) -> {
                exporter.add(record);
                if (++added[0] % BATCH == 0) {
                    exporter.discard();
                }
            });
        }
        exporter.discard();
        return added[0];
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long readPath() {
        final long[] sum = {0};
        try (JournalReader reader = JournalReader.open(journal.directory())) {
            reader.readAll((index, record) -> sum[0] += record.sequence());
        }
        return sum[0];
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void dimensionsPath(final Blackhole sink) {
        try (JournalReader reader = JournalReader.open(journal.directory())) {
            reader.readAll((index, record) -> {
                sink.consume(record.kind());
                sink.consume(record.group());
                sink.consume(record.team());
                sink.consume(record.project());
                sink.consume(record.environment());
                sink.consume(record.provider());
                sink.consume(record.model());
                sink.consume(record.error());
                sink.consume(record.policyResult());
                sink.consume(record.policyReason());
            });
        }
    }

    @Benchmark
    @OperationsPerInvocation(REQUEST)
    public int serializeSpan() throws IOException {
        return serialize(Discard.INSTANCE);
    }

    @Benchmark
    @OperationsPerInvocation(REQUEST)
    public int serializeSpanGzip() throws IOException {
        try (GZIPOutputStream gzip = new GZIPOutputStream(Discard.INSTANCE)) {
            return serialize(gzip);
        }
    }

    private int serialize(final OutputStream out) throws IOException {
        if (spans.size() < REQUEST) {
            throw new IllegalStateException("span serialization needs at least " + REQUEST + " sampled interactions, "
                + "the journal has " + spans.size() + ": run it with a higher sampling");
        }
        if (next + REQUEST > spans.size()) {
            next = 0;
        }
        marshaler.initialize(spans.subList(next, next + REQUEST));
        next += REQUEST;
        try {
            marshaler.writeBinaryTo(out);
            return marshaler.getBinarySerializedSize();
        } finally {
            marshaler.reset();
        }
    }

    /** Discards what is written to it. */
    private static final class Discard extends OutputStream {
        static final Discard INSTANCE = new Discard();

        @Override
        public void write(final int b) {
        }

        @Override
        public void write(final byte[] b, final int off, final int len) {
        }
    }
}
