package io.genops.cli.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on 127.0.0.1 that decodes each request with the official OTLP protobuf classes
 * and keeps, of every span and log record, its {@code genops.event.sequence} (how many it has seen in
 * all, and which) and the spend of the budget it names. It can close its port and open it again.
 */
final class OtlpCollector implements AutoCloseable {
    final AtomicLong spans = new AtomicLong();
    final AtomicLong logRecords = new AtomicLong();
    /** The budget spend each charged event carried, by sequence; session spans carry none. */
    final Map<Long, Double> budgetConsumed = new ConcurrentSkipListMap<>();
    final Map<Long, Long> costNanos = new ConcurrentHashMap<>();
    final Set<String> budgetNames = ConcurrentHashMap.newKeySet();
    /** Spans and log records without {@code genops.event.sequence}: none are expected. */
    final AtomicLong unsequenced = new AtomicLong();
    private final Set<Long> sequences = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private volatile long answerDelayMillis;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    OtlpCollector() throws IOException {
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

    /** Holds every answer back this long from now on, as a busy collector does. */
    void delayAnswers(final Duration delay) {
        answerDelayMillis = delay.toMillis();
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
            final String path = exchange.getRequestURI().getPath();
            if ("/v1/traces".equals(path)) {
                traces(ExportTraceServiceRequest.parseFrom(body));
            } else if ("/v1/logs".equals(path)) {
                logs(ExportLogsServiceRequest.parseFrom(body));
            }
            pause();
            // An empty export response encodes as no bytes at all.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void pause() {
        try {
            Thread.sleep(answerDelayMillis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void traces(final ExportTraceServiceRequest request) {
        for (final ResourceSpans resource : request.getResourceSpansList()) {
            for (final ScopeSpans scope : resource.getScopeSpansList()) {
                for (final Span span : scope.getSpansList()) {
                    spans.incrementAndGet();
                    item(span.getAttributesList());
                }
            }
        }
    }

    private void logs(final ExportLogsServiceRequest request) {
        for (final ResourceLogs resource : request.getResourceLogsList()) {
            for (final ScopeLogs scope : resource.getScopeLogsList()) {
                for (final LogRecord log : scope.getLogRecordsList()) {
                    logRecords.incrementAndGet();
                    item(log.getAttributesList());
                }
            }
        }
    }

    private void item(final List<KeyValue> attributes) {
        Long sequence = null;
        Double consumed = null;
        long cost = 0;
        for (final KeyValue attribute : attributes) {
            switch (attribute.getKey()) {
                case "genops.event.sequence":
                    sequence = attribute.getValue().getIntValue();
                    break;
                case "genops.cost.total_nanos":
                    cost = attribute.getValue().getIntValue();
                    break;
                case "genops.budget.consumed":
                    consumed = attribute.getValue().getDoubleValue();
                    break;
                case "genops.budget.name":
                    budgetNames.add(attribute.getValue().getStringValue());
                    break;
                default:
                    break;
            }
        }
        if (sequence == null) {
            // Counted, not asserted: a failure on the server's thread would only fail the request.
            unsequenced.incrementAndGet();
            return;
        }
        received.incrementAndGet();
        sequences.add(sequence);
        if (consumed != null) {
            budgetConsumed.put(sequence, consumed);
            costNanos.put(sequence, cost);
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
