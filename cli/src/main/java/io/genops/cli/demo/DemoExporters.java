package io.genops.cli.demo;

import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ConfiguredComponents;
import io.genops.core.export.Exporter;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.exporters.alert.WebhookAlertChannel;
import io.genops.exporters.config.PrometheusExporterProvider;
import io.genops.exporters.otlp.OtlpExporter;
import io.genops.exporters.prometheus.PrometheusExporter;
import io.genops.exporters.raindrop.RaindropExporter;
import io.genops.pipeline.GenOpsBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The webhook alert channel and the exporters the demo's options ask for, added to the pipeline's
 * builder, beside those a configuration file turns on. An option's exporter or channel is added by hand
 * under the name of the configured one of its kind ({@code otlp}, {@code prometheus}, {@code raindrop}),
 * so the builder drops the configured one: the option wins, whole. A configured Prometheus endpoint is
 * built here too, through the same provider the builder would use, so that the demo can print its
 * address. Every exporter gets the pipeline's own counts, lags and budgets from the pipeline itself.
 */
final class DemoExporters {
    static final String WEBHOOK = "webhook";
    private static final String SERVICE_NAME = "genops-demo";

    private final Destinations destinations;
    private final GenOpsConfiguration configuration;
    private final ConfiguredComponents configured;
    private final List<Exporter> exporters = new ArrayList<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private WebhookAlertChannel webhook;
    private PrometheusExporter prometheus;

    /** The options' destinations over {@code configuration}'s, which may be {@code null}. */
    DemoExporters(final Destinations destinations, final GenOpsConfiguration configuration) {
        this.destinations = destinations;
        this.configuration = configuration;
        this.configured = configuration == null ? ConfiguredComponents.none()
            : ConfiguredComponents.resolve(configuration);
    }

    /** Builds what was asked for and adds it to {@code builder}; on failure closes what it had built. */
    void addTo(final GenOpsBuilder builder) {
        try {
            if (destinations.webhook() != null) {
                webhook = WebhookAlertChannel.builder(WEBHOOK, destinations.webhook()).build();
                builder.alertChannel(webhook).defaultAlertChannels(defaultChannels());
            }
            if (destinations.raindrop() != null) {
                add(RaindropExporter.builder().baseUrl(destinations.raindrop()).writeKey(raindropKey()).build(),
                    "--raindrop-url");
            }
            if (destinations.otlp() != null) {
                add(OtlpExporter.builder().endpoint(destinations.otlp()).serviceName(SERVICE_NAME).build(), "--otlp");
            }
            prometheus = prometheus();
        } catch (final RuntimeException e) {
            exporters.forEach(Exporter::close);
            throw e;
        }
        exporters.forEach(builder::exporter);
    }

    /** The endpoint of --prometheus-port, else the configuration's, else none. */
    private PrometheusExporter prometheus() {
        if (destinations.prometheusPort() != null) {
            return add(PrometheusExporter.builder().port(destinations.prometheusPort()).build(), "--prometheus-port");
        }
        if (configuration == null || !configuration.exporters().prometheus().enabled()) {
            return null;
        }
        try {
            return add(new PrometheusExporterProvider().create(configuration), "genops.exporters.prometheus");
        } catch (final RuntimeException e) {
            throw new IllegalStateException("the prometheus exporter configured under genops.exporters.prometheus.* "
                + "could not be built: " + e.getMessage(), e);
        }
    }

    private <E extends Exporter> E add(final E exporter, final String origin) {
        exporters.add(exporter);
        origins.put(exporter.name(), origin);
        return exporter;
    }

    /** The configuration's default channels and the webhook, or the log and the webhook without one. */
    private String[] defaultChannels() {
        final Set<String> names = new LinkedHashSet<>(configuration == null ? List.of("log")
            : configuration.alerts().defaultChannels());
        names.add(WEBHOOK);
        return names.toArray(String[]::new);
    }

    /**
     * What runs, one line each, secrets masked: the options' exporters and channel as they describe
     * themselves, then the configured ones the options did not replace, with the keys set for them.
     */
    List<String> active() {
        final List<String> lines = new ArrayList<>();
        exporters.forEach(exporter -> lines.add("exporter " + exporter.name() + " (" + origins.get(exporter.name())
            + "): " + exporter));
        for (final ConfiguredComponents.Component component : configured.components()) {
            final String name = component.name();
            if (component.exporter() ? !origins.containsKey(name) : webhook == null || !WEBHOOK.equals(name)) {
                lines.add((component.exporter() ? "exporter " : "alert channel ") + name + " (configuration): "
                    + component.settings());
            }
        }
        lines.add("alert channel log (built in): the logger io.genops.alerts");
        if (webhook != null) {
            lines.add("alert channel " + WEBHOOK + " (--webhook): " + webhook);
        }
        return lines;
    }

    private String raindropKey() {
        return raindropKey(destinations);
    }

    /**
     * The write key from the environment variable {@code --raindrop-key-env} names; it is never printed.
     * The command calls this before it makes the run's journal directory, so a missing key leaves nothing.
     */
    static String raindropKey(final Destinations destinations) {
        final String name = destinations.raindropKeyEnv();
        final String key = System.getenv(name);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("--raindrop-url needs a Raindrop write key in the environment variable "
                + name + ", which is unset or empty" + (name.equals(RaindropExporter.WRITE_KEY_ENVIRONMENT_VARIABLE)
                ? "" : " (named by --raindrop-key-env)"));
        }
        return key.strip();
    }

    /** The Prometheus endpoint's address, or {@code null} without one. */
    String prometheusUrl() {
        return prometheus == null ? null : "http://" + prometheus.host() + ":" + prometheus.port() + "/metrics";
    }

    /** What the webhook channel did, or {@code null} without one. */
    DeliveryStats webhookStats() {
        return webhook == null ? null : webhook.stats();
    }

    /** Whether any exporter runs, the options' or the configuration's. */
    boolean any() {
        return !exporters.isEmpty() || !configured.exporterNames().isEmpty();
    }
}
