package io.genops.cli.demo;

import io.genops.config.settings.ExportSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.spi.ConfiguredComponents;
import io.genops.exporters.alert.DeliveryStats;
import io.genops.exporters.alert.WebhookAlertChannel;
import io.genops.exporters.config.PrometheusExporterProvider;
import io.genops.exporters.prometheus.PrometheusExporter;
import io.genops.exporters.raindrop.RaindropExporter;
import io.genops.pipeline.GenOpsBuilder;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The webhook alert channel the demo's option asks for, and the Prometheus endpoint, added to the
 * pipeline's builder. The other exporters, the options' among them, are the configuration's, which the
 * builder makes itself: the demo writes its exporter options into the configuration
 * ({@link DemoConfiguration}), so an option's exporter also gets the settings of its kind that any source
 * gives, such as headers or a write key in the environment. The Prometheus endpoint is built here, through
 * the same provider the builder would use, only so that the demo can print its address; the builder then
 * drops the configured one of that name.
 */
final class DemoExporters {
    static final String WEBHOOK = "webhook";
    private static final String PROMETHEUS_KEYS = "genops.exporters.prometheus";

    private final Destinations destinations;
    private final GenOpsConfiguration configuration;
    private final ConfiguredComponents configured;
    private WebhookAlertChannel webhook;
    private PrometheusExporter prometheus;

    /** The options' webhook over {@code configuration}'s exporters and channels. */
    DemoExporters(final Destinations destinations, final GenOpsConfiguration configuration) {
        this.destinations = destinations;
        this.configuration = configuration;
        this.configured = ConfiguredComponents.resolve(configuration);
    }

    /** Builds the webhook channel and the Prometheus endpoint, when asked for, and adds them to {@code builder}. */
    void addTo(final GenOpsBuilder builder) {
        if (destinations.webhook() != null) {
            webhook = WebhookAlertChannel.builder(WEBHOOK, destinations.webhook()).build();
            builder.alertChannel(webhook).defaultAlertChannels(defaultChannels());
        }
        prometheus = prometheus();
        if (prometheus != null) {
            builder.exporter(prometheus);
        }
    }

    /**
     * The configuration's Prometheus endpoint, --prometheus-port's among them, or none. An address that
     * cannot be bound is told once, with where the port came from; the JDK's reason is the whole story.
     */
    private PrometheusExporter prometheus() {
        final ExportSettings.Prometheus settings = configuration.exporters().prometheus();
        if (!settings.enabled()) {
            return null;
        }
        try {
            return new PrometheusExporterProvider().create(configuration);
        } catch (final UncheckedIOException e) {
            final Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot serve Prometheus metrics on " + settings.host() + ":"
                + settings.port() + " (" + (destinations.prometheusPort() != null ? "--prometheus-port"
                : PROMETHEUS_KEYS + ".port") + "): " + cause.getMessage(), e);
        } catch (final RuntimeException e) {
            throw new IllegalStateException("the prometheus exporter (" + PROMETHEUS_KEYS + ".*) could not be "
                + "built: " + e.getMessage(), e);
        }
    }

    /** The configuration's default channels, the log unless it names others, and the webhook. */
    private String[] defaultChannels() {
        final Set<String> names = new LinkedHashSet<>(configuration.alerts().defaultChannels());
        names.add(WEBHOOK);
        return names.toArray(String[]::new);
    }

    /**
     * The channels an alert that names none goes to, as the demo's rules and every budget alert do: each
     * such alert is one delivery per channel, so the deliveries add up to the alerts times these.
     */
    List<String> alertChannels() {
        return webhook == null ? configuration.alerts().defaultChannels() : List.of(defaultChannels());
    }

    /**
     * What runs, one line each, secrets masked: each exporter and configured channel with the keys set
     * for it and where each came from, then the log and the webhook.
     */
    List<String> active() {
        final List<String> lines = new ArrayList<>();
        for (final ConfiguredComponents.Component component : configured.components()) {
            if (component.exporter() || webhook == null || !WEBHOOK.equals(component.name())) {
                lines.add((component.exporter() ? "exporter " : "alert channel ") + component.name() + ": "
                    + component.settings());
            }
        }
        lines.add("alert channel log (built in): the logger io.genops.alerts");
        if (webhook != null) {
            lines.add("alert channel " + WEBHOOK + " (--webhook): " + webhook);
        }
        return lines;
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

    /** Whether any exporter runs. */
    boolean any() {
        return !configured.exporterNames().isEmpty();
    }
}
