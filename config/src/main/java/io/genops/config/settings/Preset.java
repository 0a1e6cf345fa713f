package io.genops.config.settings;

import java.util.Map;

/**
 * Presets for a kind of workload, applied over the profile and below everything set on purpose. They
 * follow the performance guide's tuning for high-frequency and memory-constrained deployments.
 */
public enum Preset {
    /**
     * Thousands of interactions a minute and up: a big ring, fixed cost estimates on the caller's thread
     * reconciled with the exact costs every 100 interactions (the guide's 0.001 USD and interval), 1 % fixed
     * sampling, cost alerts and budgets off, telemetry export off.
     */
    HIGH_FREQUENCY("a big ring, fixed cost estimates reconciled every 100 interactions, 1 % fixed sampling, cost "
        + "alerts and budgets off, telemetry export off",
        "genops.pipeline.ring-size", "262144",
        "genops.pricing.estimate", "0.001",
        "genops.pricing.reconcile-every", "100",
        "genops.policy", "advisory",
        "genops.budgets.limits", "",
        "genops.budgets.defaults", "",
        "genops.alerts.cost-alerts", "false",
        "genops.sampling.mode", "fixed",
        "genops.sampling.rates.interaction", "0.01",
        "genops.sampling.rates.signal", "0.01",
        "genops.exporters.otlp.enabled", "false",
        "genops.exporters.prometheus.enabled", "false",
        "genops.exporters.raindrop.enabled", "false"),
    /**
     * Small heaps: a small ring, tight caps on every per-key table and on the metric series an exporter
     * keeps should one be turned on, shorter strings, telemetry export off.
     */
    MEMORY_CONSTRAINED("a small ring, tight caps on per-key state and metric series, shorter strings, telemetry "
        + "export off",
        "genops.pipeline.ring-size", "1024",
        "genops.pricing.cache-capacity", "256",
        "genops.sampling.adaptive.max-keys", "10000",
        "genops.alerts.queue-capacity", "256",
        "genops.exporters.batch-size", "128",
        "genops.exporters.otlp.enabled", "false",
        "genops.exporters.otlp.max-metric-series", "500",
        "genops.exporters.otlp.request-size", "128",
        "genops.exporters.otlp.max-concurrent-requests", "2",
        "genops.exporters.prometheus.max-teams", "25",
        "genops.exporters.prometheus.max-projects", "25",
        "genops.exporters.prometheus.max-agent-types", "25",
        "genops.exporters.prometheus.max-models", "25",
        "genops.exporters.prometheus.max-cost-series", "250",
        "genops.exporters.prometheus.max-tracked-agents", "1000",
        "genops.exporters.raindrop.enabled", "false",
        "genops.limits.max-string-length", "128",
        "genops.limits.max-tracked-keys", "1000",
        "genops.limits.max-alert-rules", "100",
        "genops.limits.max-alert-state-keys", "1000");

    private final String intent;
    private final Map<String, String> settings;

    Preset(final String intent, final String... keysAndValues) {
        this.intent = intent;
        this.settings = Profile.pairs(keysAndValues);
    }

    /** The name used in configurations: {@code high-frequency}, {@code memory-constrained}. */
    public String label() {
        return Parsers.label(this);
    }

    public String intent() {
        return intent;
    }

    /** The keys the preset sets and their values, as a file would write them. */
    public Map<String, String> settings() {
        return settings;
    }
}
