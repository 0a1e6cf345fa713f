package io.genops.core.event;

import io.genops.core.Attribution;
import io.genops.core.Checks;
import io.genops.core.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * A measured figure about an agent, such as response quality or a latency, with an optional
 * threshold it should stay under. Immutable.
 */
public final class PerformanceSignal {
    private final String agentId;
    private final double value;
    private final double threshold;
    private final Frequency frequency;
    private final Complexity complexity;
    private final Map<String, String> attributes;
    private final Attribution attribution;
    private final long costOverrideNanos;

    private PerformanceSignal(final Builder b) {
        this.agentId = b.agentId;
        this.value = b.value;
        this.threshold = b.threshold;
        this.frequency = b.frequency;
        this.complexity = b.complexity;
        this.attributes = Map.copyOf(b.attributes);
        this.attribution = b.attribution;
        this.costOverrideNanos = b.costOverrideNanos;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The agent the signal is about, or {@code null}. */
    public String agentId() {
        return agentId;
    }

    public double value() {
        return value;
    }

    public boolean hasThreshold() {
        return !Double.isNaN(threshold);
    }

    /** The threshold, or {@code NaN} when none was set. */
    public double threshold() {
        return threshold;
    }

    public Frequency frequency() {
        return frequency;
    }

    public Complexity complexity() {
        return complexity;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Attribution attribution() {
        return attribution;
    }

    public boolean hasCostOverride() {
        return costOverrideNanos != Interaction.NO_OVERRIDE;
    }

    public long costOverrideNanos() {
        return costOverrideNanos;
    }

    @Override
    public String toString() {
        return "PerformanceSignal{agentId=" + agentId + ", value=" + value + ", threshold=" + threshold
            + ", frequency=" + frequency + ", complexity=" + complexity + '}';
    }

    /** Builds a {@link PerformanceSignal}. */
    public static final class Builder {
        private String agentId;
        private double value;
        private double threshold = Double.NaN;
        private Frequency frequency = Frequency.STANDARD;
        private Complexity complexity = Complexity.SIMPLE;
        private Map<String, String> attributes = Map.of();
        private Attribution attribution = Attribution.EMPTY;
        private long costOverrideNanos = Interaction.NO_OVERRIDE;

        private Builder() {
        }

        public Builder agentId(final String agentId) {
            this.agentId = Checks.nonBlank(agentId, "agentId");
            return this;
        }

        public Builder value(final double value) {
            this.value = Checks.finite(value, "value");
            return this;
        }

        public Builder threshold(final double threshold) {
            this.threshold = Checks.finite(threshold, "threshold");
            return this;
        }

        public Builder frequency(final Frequency frequency) {
            this.frequency = Objects.requireNonNull(frequency, "frequency");
            return this;
        }

        public Builder frequency(final String frequency) {
            return frequency(Frequency.parse(frequency));
        }

        public Builder complexity(final Complexity complexity) {
            this.complexity = Objects.requireNonNull(complexity, "complexity");
            return this;
        }

        public Builder complexity(final String complexity) {
            return complexity(Complexity.parse(complexity));
        }

        public Builder attributes(final Map<String, String> attributes) {
            this.attributes = Checks.attributes(attributes, "attributes");
            return this;
        }

        public Builder attribution(final Attribution attribution) {
            this.attribution = Objects.requireNonNull(attribution, "attribution");
            return this;
        }

        public Builder cost(final Money cost) {
            this.costOverrideNanos = Checks.costOverride(cost);
            return this;
        }

        public PerformanceSignal build() {
            return new PerformanceSignal(this);
        }
    }
}
