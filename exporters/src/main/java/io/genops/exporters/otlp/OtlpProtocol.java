package io.genops.exporters.otlp;

import java.net.URI;

/** How an {@link OtlpExporter} talks to its collector. */
public enum OtlpProtocol {
    /** OTLP over HTTP with protobuf bodies, to {@code <endpoint>/v1/traces}, {@code /v1/logs}, {@code /v1/metrics}. */
    HTTP_PROTOBUF(URI.create("http://localhost:4318")),
    /**
     * OTLP over gRPC (HTTP/2) to the endpoint's host and port; the endpoint has no path. Sent through
     * OkHttp, each request of which can wait about 40 ms on a delayed acknowledgement; prefer
     * {@link #HTTP_PROTOBUF} where the collector offers both and the rate is high.
     */
    GRPC(URI.create("http://localhost:4317"));

    private final URI defaultEndpoint;

    OtlpProtocol(final URI defaultEndpoint) {
        this.defaultEndpoint = defaultEndpoint;
    }

    /** The collector's usual address for this protocol on the local host. */
    public URI defaultEndpoint() {
        return defaultEndpoint;
    }
}
