package io.genops.exporters.otlp.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What {@link Transport} needs, checked already: the endpoint (scheme, host, port and, for HTTP, an
 * optional path prefix), the protocol, compression, headers, timeout, TLS material in PEM, and how many
 * requests of one signal may be under way at once.
 */
public record TransportSettings(URI endpoint, boolean grpc, boolean gzip, Map<String, String> headers,
    Duration timeout, byte[] trustedCertificates, byte[] clientKey, byte[] clientCertificate,
    int maxConcurrentRequests) {

    /** The HTTP/protobuf URL of {@code signal} ({@code traces}, {@code logs}, {@code metrics}). */
    String httpUrl(final String signal) {
        final String base = endpoint.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/" + signal;
    }

    /** The gRPC target: scheme, host and port. */
    String grpcUrl() {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    }

    String compression() {
        return gzip ? "gzip" : "none";
    }
}
