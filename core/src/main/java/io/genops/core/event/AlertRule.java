package io.genops.core.event;

import io.genops.core.Attribution;
import io.genops.core.Checks;
import io.genops.core.money.Money;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alert rule: conditions that must all hold, a severity, the channels to notify, and the
 * complexity the platform prices it by. A fired alert is not repeated for the same rule within its
 * cooldown.
 */
public final class AlertRule {
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(1);

    private final List<Condition> conditions;
    private final Severity severity;
    private final List<String> channels;
    private final Complexity complexity;
    private final long cooldownNanos;
    private final Attribution attribution;
    private final long costOverrideNanos;

    private AlertRule(final Builder b) {
        this.conditions = List.copyOf(b.conditions);
        this.severity = b.severity;
        this.channels = List.copyOf(b.channels);
        this.complexity = b.complexity;
        this.cooldownNanos = b.cooldown.toNanos();
        this.attribution = b.attribution;
        this.costOverrideNanos = b.costOverrideNanos;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public Severity severity() {
        return severity;
    }

    /** Names of the notification channels, such as {@code "log"}, {@code "slack"} or {@code "pagerduty"}. */
    public List<String> channels() {
        return channels;
    }

    public Complexity complexity() {
        return complexity;
    }

    public long cooldownNanos() {
        return cooldownNanos;
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
        return "AlertRule{conditions=" + conditions + ", severity=" + severity + ", channels=" + channels
            + ", complexity=" + complexity + '}';
    }

    /** Builds an {@link AlertRule}; at least one condition is required. */
    public static final class Builder {
        private final List<Condition> conditions = new ArrayList<>();
        private Severity severity = Severity.WARNING;
        private final List<String> channels = new ArrayList<>();
        private Complexity complexity = Complexity.SIMPLE;
        private Duration cooldown = DEFAULT_COOLDOWN;
        private Attribution attribution = Attribution.EMPTY;
        private long costOverrideNanos = Interaction.NO_OVERRIDE;

        private Builder() {
        }

        public Builder condition(final Condition condition) {
            conditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** Adds a condition written as {@code "metric comparator threshold"}. */
        public Builder condition(final String condition) {
            return condition(Condition.parse(condition));
        }

        public Builder severity(final Severity severity) {
            this.severity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public Builder severity(final String severity) {
            return severity(Severity.parse(severity));
        }

        public Builder channel(final String channel) {
            channels.add(Checks.nonBlank(channel, "channel"));
            return this;
        }

        public Builder channels(final List<String> channels) {
            Objects.requireNonNull(channels, "channels").forEach(this::channel);
            return this;
        }

        public Builder complexity(final Complexity complexity) {
            this.complexity = Objects.requireNonNull(complexity, "complexity");
            return this;
        }

        public Builder complexity(final String complexity) {
            return complexity(Complexity.parse(complexity));
        }

        public Builder cooldown(final Duration cooldown) {
            Objects.requireNonNull(cooldown, "cooldown");
            if (cooldown.isNegative()) {
                throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
            }
            this.cooldown = cooldown;
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

        public AlertRule build() {
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("an alert rule needs at least one condition");
            }
            return new AlertRule(this);
        }
    }
}
