package io.genops.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.otlp.OtlpExporterStats;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.export.ExportRunner;
import io.genops.pipeline.export.ExporterStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal → export runner → OTLP exporter → a real OTLP/HTTP receiver on loopback, with 100,000 events:
 * the receiver goes down for {@value #OUTAGE_SECONDS} s in the middle (the port is closed), comes back,
 * and everything arrives; then the runner is stopped mid-stream and a new one resumes from the saved
 * position, repeating at most one batch.
 *
 * <p>During the outage the runner retries every 50 to 400 ms, a few dozen failed sends in all. The cli
 * module has no OTLP protobuf classes on its test
 * classpath, so this receiver reads the protobuf wire format itself, and only what it needs: the
 * {@code genops.event.sequence} attribute of every span and log record. The exporters module's tests
 * decode every field with the official classes.
 */
class OtlpEndToEndTest {
    private static final int EVENTS = 100_000;
    /** Every 50th event is a signal, exported as a log record; the others are interactions, as spans. */
    private static final int SIGNAL_EVERY = 50;
    /** The events go through this many sessions, each of which journals its own record when it closes. */
    private static final int SESSIONS = 100;
    private static final int BATCH = 1_000;
    private static final int OUTAGE_SECONDS = 10;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** The official exporters log every failed request through java.util.logging; this test fails them on purpose. */
    private static final Logger OTEL_EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");

    static {
        OTEL_EXPORTER_LOG.setLevel(Level.OFF);
    }

    @TempDir
    Path journal;

    @Test
    void everyEvent_survivesACollectorOutage_andARestartRepeatsAtMostOneBatch() throws Exception {
        write();
        try (Collector collector = new Collector()) {
            final ClosingExporter first = new ClosingExporter(exporter(collector, "first"));
            final ExportRunner firstRunner = runner(first);
            firstRunner.start();
            waitFor(() -> collector.distinct() >= 25_000, "a quarter delivered");

            collector.stop();
            final long atStop = collector.total();
            Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
            final ExporterStatus during = firstRunner.status();
            assertThat(during.retries()).as("sends failed and were retried while the port was closed").isPositive();
            assertThat(collector.total() - atStop).as("nothing arrives through a closed port, bar a request already "
                + "being read when it closed").isLessThanOrEqualTo(BATCH);
            collector.start();
            final long restarted = System.nanoTime();
            final long deliveredBeforeRestart = collector.distinct();
            waitFor(() -> collector.distinct() > deliveredBeforeRestart, "delivery resumed after the outage");
            final Duration resumedAfter = Duration.ofNanos(System.nanoTime() - restarted);
            waitFor(() -> collector.distinct() >= 60_000, "three fifths delivered");

            firstRunner.stop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
            assertThat(first.closed.await(10, TimeUnit.SECONDS)).as("the first runner let go of its exporter").isTrue();
            final long duplicatesBeforeRestart = collector.total() - collector.distinct();

            final ClosingExporter second = new ClosingExporter(exporter(collector, "second"));
            final ExportRunner secondRunner = runner(second);
            secondRunner.start();
            waitFor(() -> collector.distinct() >= EVENTS + SESSIONS && secondRunner.status().lagRecords() == 0,
                "all delivered");
            assertThat(secondRunner.stop(System.nanoTime() + WAIT_NANOS)).isTrue();

            // Session spans carry their record's sequence too: every journal record arrives exactly once or more.
            assertThat(collector.distinct()).isEqualTo(EVENTS + SESSIONS);
            assertThat(collector.spans.get()).isGreaterThanOrEqualTo(EVENTS - EVENTS / SIGNAL_EVERY + SESSIONS);
            assertThat(collector.logRecords.get()).isGreaterThanOrEqualTo(EVENTS / SIGNAL_EVERY);
            assertThat(duplicatesBeforeRestart).as("the outage repeats at most the batch in flight")
                .isLessThanOrEqualTo(BATCH);
            assertThat(collector.total() - collector.distinct() - duplicatesBeforeRestart)
                .as("a restart repeats at most the one unsettled batch").isLessThanOrEqualTo(BATCH);
            final OtlpExporterStats firstStats = first.delegate.stats();
            final OtlpExporterStats secondStats = second.delegate.stats();
            assertThat(firstStats.eventsCounted() + secondStats.eventsCounted() - EVENTS - SESSIONS)
                .as("the metrics of the two exporters overlap by at most the re-offered batch")
                .isBetween(0L, (long)BATCH);
            assertThat(firstStats.failedSends()).isPositive();
            assertThat(resumedAfter).as("the runner's backoff is at most 400 ms, a send at most 2 s")
                .isLessThan(Duration.ofSeconds(5));
        }
    }

    private void write() {
        final Interaction interaction = Interaction.builder().model("m").provider("acme").inputTokens(120)
            .outputTokens(30).latency(Duration.ofMillis(420)).build();
        final PerformanceSignal signal = PerformanceSignal.builder().agentId("bot").value(0.93).build();
        try (GenOps genops = GenOps.builder().journal(journal).ringSize(4096).team("support")
            .modelPrices(ModelPriceTable.of("test", List.of(ModelPrice.of("m", "acme", TokenRates.of(1_000, 2_000)))))
            .build()) {
            for (int s = 0; s < SESSIONS; s++) {
                try (MonitoringSession session = genops.openSession("chat-" + s)) {
                    for (int i = 0; i < EVENTS / SESSIONS; i++) {
                        final boolean isSignal = (s * (EVENTS / SESSIONS) + i) % SIGNAL_EVERY == SIGNAL_EVERY - 1;
                        final boolean tracked = isSignal ? session.trackSignal("answer_quality", signal)
                            : session.trackInteraction("bot", interaction);
                        assertThat(tracked).isTrue();
                    }
                }
            }
        }
    }

    private static OtlpExporter exporter(final Collector collector, final String instance) {
        return OtlpExporter.builder().endpoint(collector.endpoint()).timeout(Duration.ofSeconds(2))
            .serviceName("e2e").resourceAttribute("service.instance.id", instance).build();
    }

    private ExportRunner runner(final Exporter exporter) {
        return new ExportRunner(exporter, journal, BATCH, TimeUnit.MILLISECONDS.toNanos(20), 0,
            TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(400));
    }

    private static void waitFor(final BooleanSupplier condition, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for: " + what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Passes everything to the OTLP exporter and tells when the runner has closed it. */
    private static final class ClosingExporter implements Exporter {
        final OtlpExporter delegate;
        final CountDownLatch closed = new CountDownLatch(1);

        ClosingExporter(final OtlpExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean sampledOnly() {
            return delegate.sampledOnly();
        }

        @Override
        public void add(final EventView event) {
            delegate.add(event);
        }

        @Override
        public ExportResult send() {
            return delegate.send();
        }

        @Override
        public void discard() {
            delegate.discard();
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                closed.countDown();
            }
        }
    }

    /**
     * An OTLP/HTTP receiver on 127.0.0.1 that keeps only the {@code genops.event.sequence} of what it
     * receives: how many it has seen in all, and which. It can close its port and open it again.
     */
    private static final class Collector implements AutoCloseable {
        final AtomicLong spans = new AtomicLong();
        final AtomicLong logRecords = new AtomicLong();
        private final Set<Long> sequences = ConcurrentHashMap.newKeySet();
        private final AtomicLong received = new AtomicLong();
        private final Map<String, Integer> attributeFields = Map.of("/v1/traces", 9, "/v1/logs", 6);
        private int port;
        private HttpServer server;
        private ExecutorService executor;

        Collector() throws IOException {
            start();
        }

        synchronized void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            executor = Executors.newFixedThreadPool(4);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
            port = server.getAddress().getPort();
        }

        synchronized void stop() {
            if (server != null) {
                server.stop(0);
                executor.shutdownNow();
                server = null;
            }
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }

        long distinct() {
            return sequences.size();
        }

        long total() {
            return received.get();
        }

        private void handle(final HttpExchange exchange) throws IOException {
            try (exchange) {
                final boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                final byte[] body;
                try (InputStream raw = exchange.getRequestBody();
                     InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                    body = in.readAllBytes();
                }
                final Integer attributes = attributeFields.get(exchange.getRequestURI().getPath());
                if (attributes != null) {
                    final AtomicLong counter = attributes == 9 ? spans : logRecords;
                    Wire.items(body, attributes, sequence -> {
                        counter.incrementAndGet();
                        received.incrementAndGet();
                        sequences.add(sequence);
                    });
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        }

        @Override
        public synchronized void close() {
            stop();
        }
    }

    /**
     * Just enough of the protobuf wire format to walk an OTLP export request: request → resource
     * spans or logs (field 1) → scope spans or logs (field 2) → span or log record (field 2) →
     * attribute (span field 9, log record field 6) → key (1) and value (2) → int value (3).
     */
    private static final class Wire {
        private static final byte[] SEQUENCE_KEY = "genops.event.sequence".getBytes(StandardCharsets.UTF_8);
        private static final int VARINT = 0;
        private static final int FIXED64 = 1;
        private static final int LENGTH = 2;
        private static final int FIXED32 = 5;
        private final byte[] bytes;
        private final int end;
        private int position;
        private int field;
        private int type;

        private Wire(final byte[] bytes, final int from, final int end) {
            this.bytes = bytes;
            this.position = from;
            this.end = end;
        }

        /** Calls {@code action} with the sequence attribute of every span or log record of a request. */
        static void items(final byte[] request, final int attributesField, final LongConsumer action) {
            final Wire top = new Wire(request, 0, request.length);
            while (top.next()) {
                final Wire resource = top.messageIf(1);
                while (resource != null && resource.next()) {
                    final Wire scope = resource.messageIf(2);
                    while (scope != null && scope.next()) {
                        final Wire item = scope.messageIf(2);
                        if (item != null) {
                            action.accept(item.sequence(attributesField));
                        }
                    }
                }
            }
        }

        private long sequence(final int attributesField) {
            while (next()) {
                final Wire attribute = messageIf(attributesField);
                if (attribute != null) {
                    final long value = attribute.sequenceValue();
                    if (value >= 0) {
                        return value;
                    }
                }
            }
            throw new AssertionError("a span or log record without genops.event.sequence");
        }

        /** The int value of a key-value pair whose key is genops.event.sequence, or -1. */
        private long sequenceValue() {
            boolean matches = false;
            long value = -1;
            while (next()) {
                if (field == 1 && type == LENGTH) {
                    final int length = (int)varint();
                    matches = Arrays.equals(bytes, position, position + length, SEQUENCE_KEY, 0,
                        SEQUENCE_KEY.length);
                    position += length;
                } else {
                    final Wire any = messageIf(2);
                    while (any != null && any.next()) {
                        if (any.field == 3 && any.type == VARINT) {
                            value = any.varint();
                        } else {
                            any.skip();
                        }
                    }
                }
            }
            return matches ? value : -1;
        }

        private boolean next() {
            if (position >= end) {
                return false;
            }
            final long tag = varint();
            field = (int)(tag >>> 3);
            type = (int)(tag & 7);
            return true;
        }

        /** The embedded message of the current field when it is {@code wanted}; otherwise skips it and gives null. */
        private Wire messageIf(final int wanted) {
            if (field != wanted || type != LENGTH) {
                skip();
                return null;
            }
            final int length = (int)varint();
            final Wire message = new Wire(bytes, position, position + length);
            position += length;
            return message;
        }

        private void skip() {
            switch (type) {
                case VARINT:
                    varint();
                    break;
                case FIXED64:
                    position += 8;
                    break;
                case LENGTH:
                    final int length = (int)varint();
                    position += length;
                    break;
                case FIXED32:
                    position += 4;
                    break;
                default:
                    throw new AssertionError("wire type " + type + " is not used by OTLP");
            }
        }

        private long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                final byte b = bytes[position++];
                result |= (long)(b & 0x7F) << shift;
                if (b >= 0) {
                    return result;
                }
            }
            throw new AssertionError("a varint longer than 64 bits");
        }
    }
}
