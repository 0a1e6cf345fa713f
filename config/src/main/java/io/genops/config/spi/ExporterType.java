package io.genops.config.spi;

import io.genops.config.settings.ConfigKey;
import io.genops.config.settings.ConfigKeys;
import io.genops.config.settings.ExportSettings;

/**
 * The exporters a configuration can turn on, each under {@code genops.exporters.<label>.*}. A configured
 * exporter is named by its label, which is also the name of its position in the journal.
 */
public enum ExporterType {
    OTLP("otlp", ConfigKeys.OTLP_ENABLED),
    PROMETHEUS("prometheus", ConfigKeys.PROMETHEUS_ENABLED),
    RAINDROP("raindrop", ConfigKeys.RAINDROP_ENABLED);

    private final String label;
    private final ConfigKey<Boolean> enabledKey;

    ExporterType(final String label, final ConfigKey<Boolean> enabledKey) {
        this.label = label;
        this.enabledKey = enabledKey;
    }

    /** The segment of the keys, such as {@code otlp}; also the configured exporter's name. */
    public String label() {
        return label;
    }

    /** The key that turns the exporter on, such as {@code genops.exporters.otlp.enabled}. */
    public ConfigKey<Boolean> enabledKey() {
        return enabledKey;
    }

    /** Whether {@code settings} turn this exporter on. */
    public boolean enabledIn(final ExportSettings settings) {
        return switch (this) {
            case OTLP -> settings.otlp().enabled();
            case PROMETHEUS -> settings.prometheus().enabled();
            case RAINDROP -> settings.raindrop().enabled();
        };
    }
}
