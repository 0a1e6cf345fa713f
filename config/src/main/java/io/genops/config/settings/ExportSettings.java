package io.genops.config.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Exporters: the export runner's batches and retries, which the pipeline applies, and each exporter's
 * settings, from which an {@link io.genops.config.spi.ExporterProvider} on the class path (the
 * {@code genops-exporters} module has one for each) builds it.
 *
 * @param batchSize      most events an exporter sends at once
 * @param batchAge       the longest an exporter waits to fill a batch
 * @param maxAttempts    sends of one batch before it is given up; 0 retries until delivered or refused as undeliverable
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
     * @param enabled             whether it runs
     * @param endpoint            the collector; empty for the protocol's usual local address
     * @param protocol            HTTP/protobuf or gRPC
     * @param headers             headers (gRPC metadata) sent with every request, values secret
     * @param timeout             how long connecting, and each send, may take
     * @param gzip                whether requests are compressed
     * @param serviceName         the resource attribute {@code service.name}
     * @param resourceAttributes  further resource attributes
     * @param trustedCertificates a PEM file of the certificates to trust; empty for the JVM's own
     * @param clientKey           a PEM file of the client's private key for mutual TLS, with the certificate
     * @param clientCertificate   a PEM file of the client's certificate for mutual TLS, with the key
     * @param metricInterval      the least time between two metric exports
     * @param maxMetricSeries     metric series kept before the overflow series
     * @param requestSize         the most spans, or log records, one request carries
     * @param maxConcurrentRequests the most requests of one signal under way at once
     */
    public record Otlp(boolean enabled, Optional<URI> endpoint, Protocol protocol, Map<String, Secret> headers,
        Duration timeout, boolean gzip, String serviceName, Map<String, String> resourceAttributes,
        Optional<Path> trustedCertificates, Optional<Path> clientKey, Optional<Path> clientCertificate,
        Duration metricInterval, int maxMetricSeries, int requestSize, int maxConcurrentRequests) {
        /** Mirrors the exporters' {@code OtlpProtocol}. */
        public enum Protocol {
            HTTP_PROTOBUF, GRPC
        }

        public Otlp {
            headers = Map.copyOf(headers);
            resourceAttributes = Map.copyOf(resourceAttributes);
        }
    }

    /**
     * The {@code /metrics} endpoint Prometheus scrapes, and the caps on its label values.
     *
     * @param enabled                whether it runs
     * @param host                   the address to listen on
     * @param port                   the port to listen on; 0 lets the system choose
     * @param maxTeams               distinct {@code team} label values before others fold into {@code other}
     * @param maxProjects            distinct {@code project} label values
     * @param maxAgentTypes          distinct {@code agent_type} label values
     * @param maxModels              distinct {@code model} label values
     * @param maxCostSeries          team, project and agent-type combinations of the cost counters
     * @param maxTrackedAgents       agent ids held to count concurrent agents
     * @param concurrentAgentsWindow how recent an agent's last event must be to count as concurrent
     * @param jvmMetrics             whether the JVM and process series are served too
     */
    public record Prometheus(boolean enabled, String host, int port, int maxTeams, int maxProjects,
        int maxAgentTypes, int maxModels, int maxCostSeries, int maxTrackedAgents, Duration concurrentAgentsWindow,
        boolean jvmMetrics) {
    }

    /**
     * Raindrop AI's ingestion API.
     *
     * @param enabled             whether it runs
     * @param url                 the API's base URL
     * @param writeKey            the write key; required when enabled
     * @param timeout             how long connecting, and each request, may take
     * @param maxEventsPerRequest events per request, at most 50
     * @param maxRetryAfterWait   the longest sleep at a time to honour a Retry-After; 0 leaves it to the runner
     */
    public record Raindrop(boolean enabled, URI url, Optional<Secret> writeKey, Duration timeout,
        int maxEventsPerRequest, Duration maxRetryAfterWait) {
    }
}
