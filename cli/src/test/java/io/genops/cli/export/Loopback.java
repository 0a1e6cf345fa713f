package io.genops.cli.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Real HTTP servers on 127.0.0.1 for the tests that configure exporters and channels: an OTLP/HTTP
 * receiver that decodes spans with the official protobuf classes, and a webhook that keeps each body.
 */
public final class Loopback implements AutoCloseable {
    /** Spans received on {@code /v1/traces}. */
    public final AtomicLong spans = new AtomicLong();
    /** Requests on {@code /v1/logs} and {@code /v1/metrics}, accepted and not decoded. */
    public final AtomicLong otherOtlpRequests = new AtomicLong();
    /** The Authorization header of each OTLP request, "" when absent. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** Each webhook body, as text, and the path it was posted to before it. */
    public final List<String> webhookPosts = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    private Loopback() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/v1/", this::otlp);
        server.createContext("/hooks/", this::webhook);
        server.start();
    }

    /** Both servers, started on one ephemeral port. */
    public static Loopback start() throws IOException {
        return new Loopback();
    }

    /** The OTLP/HTTP base URL. */
    public String otlpUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A webhook URL whose path ends in {@code token}, as chat webhooks carry theirs. */
    public String webhookUrl(final String token) {
        return otlpUrl() + "/hooks/" + token;
    }

    private void otlp(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final byte[] body = body(exchange);
            final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            if (exchange.getRequestURI().getPath().equals("/v1/traces")) {
                spans.addAndGet(ExportTraceServiceRequest.parseFrom(body).getResourceSpansList().stream()
                    .flatMap(resource -> resource.getScopeSpansList().stream())
                    .mapToLong(scope -> scope.getSpansCount()).sum());
                final byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                otherOtlpRequests.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }

    private void webhook(final HttpExchange exchange) throws IOException {
        try (exchange) {
            webhookPosts.add(exchange.getRequestURI().getPath() + " "
                + new String(body(exchange), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static byte[] body(final HttpExchange exchange) throws IOException {
        final boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream raw = exchange.getRequestBody();
             InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
