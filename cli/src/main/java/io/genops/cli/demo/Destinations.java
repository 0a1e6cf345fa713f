package io.genops.cli.demo;

import java.net.URI;
import java.time.Duration;

/**
 * Where the demo sends what the pipeline produces besides its report: alerts to a webhook, events to an
 * OpenTelemetry collector, metrics to a Prometheus endpoint, events to Raindrop.
 *
 * @param webhook        the webhook alert channel's endpoint, or {@code null}
 * @param otlp           the OTLP/HTTP collector's base URI, or {@code null}
 * @param prometheusPort the loopback port of the {@code /metrics} endpoint (0 picks one), or {@code null}
 * @param raindrop       Raindrop's API base URI, or {@code null}
 * @param raindropKeyEnv the environment variable that holds the Raindrop write key
 * @param exportWait     how long the demo waits, after its calls, for exporters to catch up with the journal
 */
record Destinations(URI webhook, URI otlp, Integer prometheusPort, URI raindrop, String raindropKeyEnv,
    Duration exportWait) {

    static final Destinations NONE = new Destinations(null, null, null, null, "RAINDROP_WRITE_KEY",
        Duration.ofSeconds(10));

    boolean anyExporter() {
        return otlp != null || prometheusPort != null || raindrop != null;
    }
}
