package io.genops.config.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deployment profiles: defaults for a kind of environment, below everything a file, the environment,
 * system properties or the builder sets. Each follows the intent of the Raindrop performance guide's
 * environment-specific configuration; every value is listed in {@code docs/configuration.md}.
 */
public enum Profile {
    /**
     * Full telemetry and strict policy, so problems show up while they are cheap to fix: every event
     * exported within a fraction of a second, budgets enforced at the call, unpriced models refused.
     * Message content stays off: it is captured only where configured, and then redacted, as the guide
     * has it.
     */
    DEV("full telemetry and strict policy: every event exported, batches sent within 200 ms, budgets enforced "
        + "(USD 50 a team a day, the guide's figure) with cost alerts, unpriced models refused at the call; "
        + "message content stays off, captured only where configured",
        "genops.attribution.environment", "development",
        "genops.policy", "enforced",
        "genops.budgets.defaults", "team:daily=50.00",
        "genops.alerts.cost-alerts", "true",
        "genops.pricing.unknown-model", "fail",
        "genops.pipeline.capture-content", "false",
        "genops.sampling.mode", "fixed",
        "genops.sampling.rates.interaction", "1",
        "genops.sampling.rates.signal", "1",
        "genops.exporters.batch-age", "200ms",
        "genops.exporters.otlp.metric-interval", "5s",
        "genops.alerts.batch-age", "200ms"),
    /** Like production, with a little more telemetry for checking a release before it ships. */
    STAGING("production-like: advisory budgets (USD 200 a team a day) with cost alerts, adaptive sampling that "
        + "keeps five times prod's share of stable events, prod's export batching",
        "genops.attribution.environment", "staging",
        "genops.policy", "advisory",
        "genops.budgets.defaults", "team:daily=200.00",
        "genops.alerts.cost-alerts", "true",
        "genops.sampling.mode", "adaptive",
        "genops.sampling.adaptive.stable-rate", "0.05",
        "genops.sampling.adaptive.high-variance-rate", "0.25",
        "genops.exporters.batch-size", "2048",
        "genops.exporters.batch-age", "2s",
        "genops.exporters.otlp.metric-interval", "30s"),
    /** Minimal overhead with essential monitoring. */
    PROD("minimal overhead with essential monitoring: advisory budgets (USD 1000 a team a day) whose threshold "
        + "alerts stay on, adaptive sampling (errors, alerts and worsening trends in full, 10 % of highly "
        + "variable and 1 % of stable events), larger export batches sent less often, metrics every 30 s",
        "genops.attribution.environment", "production",
        "genops.policy", "advisory",
        "genops.budgets.defaults", "team:daily=1000.00",
        "genops.alerts.cost-alerts", "true",
        "genops.sampling.mode", "adaptive",
        "genops.sampling.adaptive.stable-rate", "0.01",
        "genops.sampling.adaptive.high-variance-rate", "0.1",
        "genops.exporters.batch-size", "2048",
        "genops.exporters.batch-age", "2s",
        "genops.exporters.otlp.metric-interval", "30s");

    private final String intent;
    private final Map<String, String> settings;

    Profile(final String intent, final String... keysAndValues) {
        this.intent = intent;
        this.settings = pairs(keysAndValues);
    }

    /** The name used in configurations: {@code dev}, {@code staging}, {@code prod}. */
    public String label() {
        return Parsers.label(this);
    }

    /** What the profile is for, in a sentence. */
    public String intent() {
        return intent;
    }

    /** The keys the profile sets and their values, as a file would write them. */
    public Map<String, String> settings() {
        return settings;
    }

    static Map<String, String> pairs(final String... keysAndValues) {
        final Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(pairs);
    }
}
