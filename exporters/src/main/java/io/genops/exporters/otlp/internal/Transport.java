package io.genops.exporters.otlp.internal;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The three official OTLP exporters (spans, log records, metrics) of one protocol, configured alike:
 * endpoint, compression, headers, timeout, TLS material. Two settings are fixed here:
 * <ul>
 *   <li>their own retries are off ({@code setRetryPolicy(null)}): the export runner retries with its own
 *       backoff and keeps the batch meanwhile, and a second retry loop inside would only hold the
 *       runner's thread past the timeout;</li>
 *   <li>their self-telemetry goes to a no-op meter provider: by default they would ask
 *       {@code GlobalOpenTelemetry}, and that first call fixes the global instance, which would then
 *       refuse the application's own {@code GlobalOpenTelemetry.set}.</li>
 *   <li>HTTP/protobuf is sent with the JDK's {@code HttpClient}, not OkHttp: OkHttp leaves Nagle's
 *       algorithm on, so the tail of each request body waits for the receiver's delayed acknowledgement,
 *       about 40 ms on Linux, and a runner sending one batch at a time spends most of its time in that
 *       wait (on loopback: 60,000 events/s through OkHttp; through the JDK's client, which sets
 *       {@code TCP_NODELAY}, and with the batching changes since, above 1,000,000). gRPC still goes
 *       through OkHttp, the only gRPC sender that needs no grpc-java channel, and its requests wait the
 *       same way: a lone request of 300 spans took 51 ms over gRPC against 11 ms over HTTP/protobuf
 *       to loopback servers that set {@code TCP_NODELAY}. Several requests in flight hide most of it
 *       (at four, both protocols were bound by the test server), but the lowest latency and the
 *       highest rates are over HTTP/protobuf.</li>
 *   <li>The HTTP senders run their requests on one pool of this transport's own, with room for every
 *       request the exporter lets be under way: the official sender's own pool refuses, rather than
 *       queues, what passes five requests (or the number of cores), and a refused request is a failed
 *       one.</li>
 * </ul>
 */
public final class Transport {
    /**
     * Finds the exporters' pluggable parts as their own class loader would, except that the HTTP sender
     * is always the JDK's, even with OkHttp's on the class path for gRPC.
     */
    private static final ComponentLoader JDK_HTTP_SENDER = new ComponentLoader() {
        private final ComponentLoader classPath = ComponentLoader.forClassLoader(Transport.class.getClassLoader());

        @Override
        public <T> Iterable<T> load(final Class<T> type) {
            return type == HttpSenderProvider.class ? List.of(type.cast(new JdkHttpSenderProvider()))
                : classPath.load(type);
        }
    };

    private final SpanExporter spans;
    private final LogRecordExporter logs;
    private final MetricExporter metrics;
    /** The HTTP senders' pool; {@code null} for gRPC. */
    private final ExecutorService senders;

    private Transport(final SpanExporter spans, final LogRecordExporter logs, final MetricExporter metrics,
        final ExecutorService senders) {
        this.spans = spans;
        this.logs = logs;
        this.metrics = metrics;
        this.senders = senders;
    }

    /** Builds the exporters; their HTTP clients connect lazily, on the first export. */
    public static Transport create(final TransportSettings settings) {
        if (settings.grpc()) {
            return new Transport(grpcSpans(settings), grpcLogs(settings), grpcMetrics(settings), null);
        }
        // Spans and logs each up to their limit, and one metric export.
        final ExecutorService senders = Executors.newFixedThreadPool(2 * settings.maxConcurrentRequests() + 1,
            Transport::senderThread);
        return new Transport(httpSpans(settings, senders), httpLogs(settings, senders), httpMetrics(settings, senders),
            senders);
    }

    public CompletableResultCode exportSpans(final Collection<SpanData> batch) {
        return spans.export(batch);
    }

    public CompletableResultCode exportLogs(final Collection<LogRecordData> batch) {
        return logs.export(batch);
    }

    public CompletableResultCode exportMetrics(final Collection<MetricData> batch) {
        return metrics.export(batch);
    }

    /**
     * Shuts the three exporters down, waiting at most {@code timeoutNanos} for requests under way, then
     * interrupts the HTTP senders still sending. The shutdown runs on a thread of its own, because the
     * official HTTP sender closes its client there, and on Java 21 and later {@code HttpClient.close()}
     * blocks until every request under way has ended, however long its timeout; that thread ends once
     * the interrupted requests have.
     */
    public void shutdown(final long timeoutNanos) {
        final Thread closer = new Thread(() -> CompletableResultCode.ofAll(List.of(spans.shutdown(), logs.shutdown(),
            metrics.shutdown())).join(timeoutNanos, TimeUnit.NANOSECONDS), "genops-otlp-shutdown");
        closer.setDaemon(true);
        closer.start();
        try {
            TimeUnit.NANOSECONDS.timedJoin(closer, timeoutNanos);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (senders != null) {
                senders.shutdownNow();
            }
        }
    }

    private static Thread senderThread(final Runnable task) {
        final Thread thread = new Thread(task, "genops-otlp-sender");
        thread.setDaemon(true);
        return thread;
    }

    private static OtlpHttpSpanExporter httpSpans(final TransportSettings s, final ExecutorService senders) {
        final OtlpHttpSpanExporterBuilder b = OtlpHttpSpanExporter.builder().setEndpoint(s.httpUrl("traces"))
            .setTimeout(s.timeout()).setConnectTimeout(s.timeout()).setCompression(s.compression())
            .setHeaders(s::headers).setRetryPolicy(null).setMeterProvider(MeterProvider::noop)
            .setComponentLoader(JDK_HTTP_SENDER).setExecutorService(senders);
        if (s.trustedCertificates() != null) {
            b.setTrustedCertificates(s.trustedCertificates());
        }
        if (s.clientKey() != null) {
            b.setClientTls(s.clientKey(), s.clientCertificate());
        }
        return b.build();
    }

    private static OtlpHttpLogRecordExporter httpLogs(final TransportSettings s, final ExecutorService senders) {
        final OtlpHttpLogRecordExporterBuilder b = OtlpHttpLogRecordExporter.builder().setEndpoint(s.httpUrl("logs"))
            .setTimeout(s.timeout()).setConnectTimeout(s.timeout()).setCompression(s.compression())
            .setHeaders(s::headers).setRetryPolicy(null).setMeterProvider(MeterProvider::noop)
            .setComponentLoader(JDK_HTTP_SENDER).setExecutorService(senders);
        if (s.trustedCertificates() != null) {
            b.setTrustedCertificates(s.trustedCertificates());
        }
        if (s.clientKey() != null) {
            b.setClientTls(s.clientKey(), s.clientCertificate());
        }
        return b.build();
    }

    private static OtlpHttpMetricExporter httpMetrics(final TransportSettings s, final ExecutorService senders) {
        final OtlpHttpMetricExporterBuilder b = OtlpHttpMetricExporter.builder().setEndpoint(s.httpUrl("metrics"))
            .setTimeout(s.timeout()).setConnectTimeout(s.timeout()).setCompression(s.compression())
            .setHeaders(s::headers).setRetryPolicy(null).setMeterProvider(MeterProvider::noop)
            .setComponentLoader(JDK_HTTP_SENDER).setExecutorService(senders);
        if (s.trustedCertificates() != null) {
            b.setTrustedCertificates(s.trustedCertificates());
        }
        if (s.clientKey() != null) {
            b.setClientTls(s.clientKey(), s.clientCertificate());
        }
        return b.build();
    }

    private static OtlpGrpcSpanExporter grpcSpans(final TransportSettings s) {
        final OtlpGrpcSpanExporterBuilder b = OtlpGrpcSpanExporter.builder().setEndpoint(s.grpcUrl())
            .setTimeout(s.timeout()).setConnectTimeout(s.timeout()).setCompression(s.compression())
            .setHeaders(s::headers).setRetryPolicy(null).setMeterProvider(MeterProvider::noop);
        if (s.trustedCertificates() != null) {
            b.setTrustedCertificates(s.trustedCertificates());
        }
        if (s.clientKey() != null) {
            b.setClientTls(s.clientKey(), s.clientCertificate());
        }
        return b.build();
    }

    private static OtlpGrpcLogRecordExporter grpcLogs(final TransportSettings s) {
        final OtlpGrpcLogRecordExporterBuilder b = OtlpGrpcLogRecordExporter.builder().setEndpoint(s.grpcUrl())
            .setTimeout(s.timeout()).setConnectTimeout(s.timeout()).setCompression(s.compression())
            .setHeaders(s::headers).setRetryPolicy(null).setMeterProvider(MeterProvider::noop);
        if (s.trustedCertificates() != null) {
            b.setTrustedCertificates(s.trustedCertificates());
        }
        if (s.clientKey() != null) {
            b.setClientTls(s.clientKey(), s.clientCertificate());
        }
        return b.build();
    }

    private static OtlpGrpcMetricExporter grpcMetrics(final TransportSettings s) {
        final OtlpGrpcMetricExporterBuilder b = OtlpGrpcMetricExporter.builder().setEndpoint(s.grpcUrl())
            .setTimeout(s.timeout()).setConnectTimeout(s.timeout()).setCompression(s.compression())
            .setHeaders(s::headers).setRetryPolicy(null).setMeterProvider(MeterProvider::noop);
        if (s.trustedCertificates() != null) {
            b.setTrustedCertificates(s.trustedCertificates());
        }
        if (s.clientKey() != null) {
            b.setClientTls(s.clientKey(), s.clientCertificate());
        }
        return b.build();
    }
}
