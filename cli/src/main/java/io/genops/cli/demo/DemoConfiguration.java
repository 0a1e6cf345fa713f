package io.genops.cli.demo;

import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.EffectiveValue;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.settings.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration a demo run starts from, and whether it shapes the run.
 *
 * <p>Exporters and alert channels are destinations, not part of the workload: a write key or a header
 * in the environment is there so that the demo's exporter can use it, not to replace the demo's own
 * policy, budgets and sampling with the registry's defaults. So only a value set under any other key
 * makes the configuration {@link #shapesRun() shape the run}; the configuration is handed to the
 * pipeline either way, for its exporters and channels.
 *
 * <p>The exporter options are written into the configuration as settings of their kind
 * ({@code --otlp URL} enables {@code otlp} at that endpoint), so every other setting of that exporter,
 * from any source, still applies to it.
 *
 * @param configuration the loaded configuration, the exporter options included
 * @param shapesRun     whether a source sets something besides exporters and alert channels
 * @param warnings      settings that are allowed but probably not meant, as the configuration tells them
 */
record DemoConfiguration(GenOpsConfiguration configuration, boolean shapesRun, List<String> warnings) {
    /** What the OTLP exporter calls the demo's service, unless a source names another. */
    static final String SERVICE_NAME = "genops-demo";

    private static final String EXPORTERS = "genops.exporters.";
    private static final String CHANNELS = "genops.alerts.channels.";
    private static final String OTLP = EXPORTERS + "otlp.";
    private static final String RAINDROP = EXPORTERS + "raindrop.";
    private static final String PROMETHEUS = EXPORTERS + "prometheus.";

    /**
     * Loads {@code loader}'s sources with the exporters of {@code destinations} over them; the Raindrop
     * write key is {@code raindropKey}, read by the caller from the variable the options name.
     */
    static DemoConfiguration load(final ConfigLoader loader, final Destinations destinations,
        final String raindropKey) {
        final List<String> warnings = new ArrayList<>();
        loader.warnings(warnings::add);
        if (destinations.otlp() != null) {
            loader.set(OTLP + "enabled", "true", "option --otlp");
            loader.set(OTLP + "protocol", "http-protobuf", "option --otlp");
            loader.set(OTLP + "endpoint", destinations.otlp().toString(), "option --otlp");
        }
        if (destinations.raindrop() != null) {
            loader.set(RAINDROP + "enabled", "true", "option --raindrop-url");
            loader.set(RAINDROP + "url", destinations.raindrop().toString(), "option --raindrop-url");
            loader.set(RAINDROP + "write-key", raindropKey, "environment variable " + destinations.raindropKeyEnv());
        }
        if (destinations.prometheusPort() != null) {
            loader.set(PROMETHEUS + "enabled", "true", "option --prometheus-port");
            loader.set(PROMETHEUS + "port", destinations.prometheusPort().toString(), "option --prometheus-port");
        }
        GenOpsConfiguration loaded = loader.load();
        if (destinations.otlp() != null && !explicit(loaded, OTLP + "service-name")) {
            warnings.clear();
            loaded = loader.set(OTLP + "service-name", SERVICE_NAME, "genops demo").load();
        }
        final boolean shapesRun = loaded.values().stream().filter(DemoConfiguration::shaping)
            .anyMatch(value -> value.source().layer() != Source.Layer.DEFAULT);
        return new DemoConfiguration(loaded, shapesRun, List.copyOf(warnings));
    }

    private static boolean explicit(final GenOpsConfiguration configuration, final String key) {
        return configuration.values().stream()
            .anyMatch(value -> value.key().equals(key) && value.source().explicit());
    }

    /** Whether {@code value} is a setting of the run rather than of an exporter or alert channel. */
    static boolean shaping(final EffectiveValue value) {
        return !value.key().startsWith(EXPORTERS) && !value.key().startsWith(CHANNELS);
    }
}
