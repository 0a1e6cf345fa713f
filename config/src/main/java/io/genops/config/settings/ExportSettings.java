package io.genops.config.settings;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Exporters: the export runner's batches and retries, which the pipeline applies, and each exporter's
 * endpoint, which whoever holds the exporter classes (the {@code genops-exporters} module) builds from.
 *
 * @param batchSize      most events an exporter sends at once
 * @param batchAge       the longest an exporter waits to fill a batch
 * @param maxAttempts    sends of one batch before it is given up; 0 retries until delivered
 * @param backoffInitial the pause after a first failed send, doubling after each further one
 * @param backoffMax     the longest pause
 * @param otlp           the OpenTelemetry exporter
 * @param prometheus     the Prometheus scrape endpoint
 * @param raindrop       the Raindrop AI exporter
 */
public record ExportSettings(int batchSize, Duration batchAge, int maxAttempts, Duration backoffInitial,
    Duration backoffMax, Otlp otlp, Prometheus prometheus, Raindrop raindrop) {
    /** Whether any exporter is on. */
    public boolean anyEnabled() {
        return otlp.enabled() || prometheus.enabled() || raindrop.enabled();
    }

    /**
     * OTLP to a collector.
     *
     * @param enabled     whether it runs
     * @param endpoint    the collector; empty for the protocol's usual local address
     * @param protocol    HTTP/protobuf or gRPC
     * @param headers     headers (gRPC metadata) sent with every request, values secret
     * @param timeout     how long connecting, and each send, may take
     * @param gzip        whether requests are compressed
     * @param serviceName the resource attribute {@code service.name}
     */
    public record Otlp(boolean enabled, Optional<URI> endpoint, Protocol protocol, Map<String, Secret> headers,
        Duration timeout, boolean gzip, String serviceName) {
        /** Mirrors the exporters' {@code OtlpProtocol}. */
        public enum Protocol {
            HTTP_PROTOBUF, GRPC
        }

        public Otlp {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * The {@code /metrics} endpoint Prometheus scrapes.
     *
     * @param enabled whether it runs
     * @param host    the address to listen on
     * @param port    the port to listen on; 0 lets the system choose
     */
    public record Prometheus(boolean enabled, String host, int port) {
    }

    /**
     * Raindrop AI's ingestion API.
     *
     * @param enabled  whether it runs
     * @param url      the API's base URL
     * @param writeKey the write key; required when enabled
     */
    public record Raindrop(boolean enabled, URI url, Optional<Secret> writeKey) {
    }
}
