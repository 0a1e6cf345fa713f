package io.genops.exporters.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An OTLP/HTTP collector stand-in: the JDK's HTTP server on 127.0.0.1, answering {@code /v1/traces},
 * {@code /v1/logs} and {@code /v1/metrics} with the official protobuf messages, gzip-aware. It can be
 * stopped (its port closed) and started again on the same port, and a path can be told to answer an
 * error status instead of accepting.
 */
final class OtlpHttpReceiver implements AutoCloseable {
    /** The official exporters log every failure through java.util.logging; the tests provoke failures. */
    private static final Logger OTEL_EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");

    static {
        OTEL_EXPORTER_LOG.setLevel(Level.OFF);
        TestLogs.quietExporterWarnings();
    }

    final Received received = new Received();
    /** Paths that answer this status instead of accepting, such as {@code "/v1/logs" → 503}. */
    final Map<String, Integer> failing = new ConcurrentHashMap<>();
    /** Requests received by path, answered or refused. */
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private volatile int port;
    /** Serves HTTPS with this context; {@code null} for plain HTTP. */
    private final SSLContext tls;
    /** Whether a TLS client must present a certificate the context's trust managers accept. */
    private final boolean clientCertificates;
    private HttpServer server;
    private ExecutorService executor;

    private OtlpHttpReceiver(final int port, final SSLContext tls, final boolean clientCertificates)
        throws IOException {
        this.port = port;
        this.tls = tls;
        this.clientCertificates = clientCertificates;
        start();
    }

    /** A receiver on an ephemeral port, started; it keeps that port when started again. */
    static OtlpHttpReceiver create() throws IOException {
        return new OtlpHttpReceiver(0, null, false);
    }

    /** A receiver on {@code port}, started. */
    static OtlpHttpReceiver onPort(final int port) throws IOException {
        return new OtlpHttpReceiver(port, null, false);
    }

    /** A receiver serving HTTPS with {@code tls} on an ephemeral port, started. */
    static OtlpHttpReceiver tls(final SSLContext tls) throws IOException {
        return new OtlpHttpReceiver(0, tls, false);
    }

    /** A receiver serving HTTPS with {@code tls} that admits only clients with a certificate {@code tls} trusts. */
    static OtlpHttpReceiver mutualTls(final SSLContext tls) throws IOException {
        return new OtlpHttpReceiver(0, tls, true);
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        final InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            server = HttpServer.create(address, 64);
        } else {
            final HttpsServer https = HttpsServer.create(address, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(final HttpsParameters parameters) {
                    final SSLParameters ssl = tls.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(clientCertificates);
                    parameters.setSSLParameters(ssl);
                }
            });
            server = https;
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/v1/traces", exchange -> handle(exchange, "traces"));
        server.createContext("/v1/logs", exchange -> handle(exchange, "logs"));
        server.createContext("/v1/metrics", exchange -> handle(exchange, "metrics"));
        server.start();
        port = server.getAddress().getPort();
    }

    /** Closes the port and every open connection. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    URI endpoint() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    private void handle(final HttpExchange exchange, final String signal) throws IOException {
        try (exchange) {
            final byte[] body = body(exchange);
            final String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
            final Integer status = failing.get(path);
            if (status != null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            final byte[] answer = accept(signal, body);
            final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.authorizations.add(authorization == null ? "" : authorization);
            final String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            received.encodings.add(encoding == null ? "identity" : encoding);
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static byte[] body(final HttpExchange exchange) throws IOException {
        final boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream raw = exchange.getRequestBody();
             InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        }
    }

    private byte[] accept(final String signal, final byte[] body) throws IOException {
        switch (signal) {
            case "traces":
                received.traces.add(ExportTraceServiceRequest.parseFrom(body));
                return ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            case "logs":
                received.logs.add(ExportLogsServiceRequest.parseFrom(body));
                return ExportLogsServiceResponse.getDefaultInstance().toByteArray();
            default:
                received.metrics.add(ExportMetricsServiceRequest.parseFrom(body));
                return ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
