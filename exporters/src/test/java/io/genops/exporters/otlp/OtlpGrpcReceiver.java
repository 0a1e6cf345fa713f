package io.genops.exporters.otlp;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An OTLP/gRPC collector stand-in: a grpc-netty server on 127.0.0.1 implementing the official trace,
 * logs and metrics services, recording the {@code authorization} metadata and {@code grpc-encoding}
 * of each call. It can be stopped and started again on the same port.
 */
final class OtlpGrpcReceiver implements AutoCloseable {
    private static final Logger OTEL_EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");
    private static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ENCODING =
        Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    static {
        OTEL_EXPORTER_LOG.setLevel(Level.OFF);
        TestLogs.quietExporterWarnings();
    }

    final Received received = new Received();
    /** The status log exports are answered with instead of being accepted; {@code null} accepts them. */
    volatile Status failingLogs;
    /** Log export calls received, answered or refused. */
    final AtomicInteger logRequests = new AtomicInteger();
    private volatile int port;
    private Server server;

    private OtlpGrpcReceiver() throws IOException {
        start();
    }

    static OtlpGrpcReceiver create() throws IOException {
        return new OtlpGrpcReceiver();
    }

    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        final ServerInterceptor headers = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(final ServerCall<Q, A> call, final Metadata metadata,
                final ServerCallHandler<Q, A> next) {
                final String authorization = metadata.get(AUTHORIZATION);
                final String encoding = metadata.get(ENCODING);
                received.authorizations.add(authorization == null ? "" : authorization);
                received.encodings.add(encoding == null ? "identity" : encoding);
                return next.startCall(call, metadata);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
            .addService(ServerInterceptors.intercept(new Traces(), headers))
            .addService(ServerInterceptors.intercept(new Logs(), headers))
            .addService(ServerInterceptors.intercept(new Metrics(), headers))
            .build().start();
        port = server.getPort();
    }

    synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stop();
    }

    private final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
        @Override
        public void export(final ExportTraceServiceRequest request,
            final StreamObserver<ExportTraceServiceResponse> answer) {
            received.traces.add(request);
            answer.onNext(ExportTraceServiceResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }

    private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
        @Override
        public void export(final ExportLogsServiceRequest request,
            final StreamObserver<ExportLogsServiceResponse> answer) {
            logRequests.incrementAndGet();
            final Status failing = failingLogs;
            if (failing != null) {
                answer.onError(failing.asRuntimeException());
                return;
            }
            received.logs.add(request);
            answer.onNext(ExportLogsServiceResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }

    private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
        @Override
        public void export(final ExportMetricsServiceRequest request,
            final StreamObserver<ExportMetricsServiceResponse> answer) {
            received.metrics.add(request);
            answer.onNext(ExportMetricsServiceResponse.getDefaultInstance());
            answer.onCompleted();
        }
    }
}
