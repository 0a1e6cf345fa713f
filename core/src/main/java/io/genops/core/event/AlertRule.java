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
 * complexity the platform prices it by.
 *
 * <p>The rule keeps its state per key of its {@link AlertScope} (default {@link AlertScope#GLOBAL}: one
 * key for the whole pipeline): a fired alert is not repeated for the same rule and key within the
 * cooldown, and windowed metrics ({@link Condition#windowed()}) aggregate the last {@link #windowNanos()}
 * of that key's events. Percentiles and rates hold nothing until the window has {@link #minSamples()}
 * samples, so one slow call or one error among three does not page anyone.
 *
 * <pre>{@code
 * AlertRule.builder().condition("cost_usd_per_hour > 20").scope(AlertScope.TEAM)
 *     .window(Duration.ofMinutes(15)).severity(Severity.CRITICAL).channel("pager").build();
 * }</pre>
 */
public final class AlertRule {
    public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(1);
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration MIN_WINDOW = Duration.ofSeconds(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(31);
    public static final int DEFAULT_MIN_SAMPLES = 10;

    private final List<Condition> conditions;
    private final Severity severity;
    private final List<String> channels;
    private final Complexity complexity;
    private final long cooldownNanos;
    private final Attribution attribution;
    private final long costOverrideNanos;
    private final AlertScope scope;
    private final long windowNanos;
    private final int minSamples;
    private final String group;

    private AlertRule(final Builder b) {
        this.conditions = List.copyOf(b.conditions);
        this.severity = b.severity;
        this.channels = List.copyOf(b.channels);
        this.complexity = b.complexity;
        this.cooldownNanos = b.cooldown.toNanos();
        this.attribution = b.attribution;
        this.costOverrideNanos = b.costOverrideNanos;
        this.scope = b.scope;
        this.windowNanos = b.window.toNanos();
        this.minSamples = b.minSamples;
        this.group = b.group;
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

    /** What the rule keeps its cooldown and windows per; {@link AlertScope#GLOBAL} by default. */
    public AlertScope scope() {
        return scope;
    }

    /** The span windowed metrics aggregate over; {@link #DEFAULT_WINDOW} unless set. */
    public long windowNanos() {
        return windowNanos;
    }

    /** Samples a window needs before its percentiles and rates are read; {@value #DEFAULT_MIN_SAMPLES} by default. */
    public int minSamples() {
        return minSamples;
    }

    /**
     * The agent group whose events alone the rule reads, or {@code null} when it reads the events of
     * every group.
     */
    public String group() {
        return group;
    }

    /** Whether any condition reads a metric over the window. */
    public boolean windowed() {
        for (final Condition condition : conditions) {
            if (condition.windowed()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "AlertRule{conditions=" + conditions + ", severity=" + severity + ", channels=" + channels
            + ", complexity=" + complexity + ", scope=" + scope + ", window=" + Duration.ofNanos(windowNanos)
            + ", minSamples=" + minSamples + (group == null ? "" : ", group=" + group) + '}';
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
        private AlertScope scope = AlertScope.GLOBAL;
        private Duration window = DEFAULT_WINDOW;
        private int minSamples = DEFAULT_MIN_SAMPLES;
        private String group;

        private Builder() {
        }

        /**
         * Limits the rule to the events of one agent group; by default it reads the events of every
         * group. The pipeline refuses a rule naming a group it does not declare.
         */
        public Builder group(final String group) {
            this.group = Checks.nonBlank(group, "alert rule group");
            return this;
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

        /** Keeps the rule's cooldown and windows per team, project, customer or agent; default global. */
        public Builder scope(final AlertScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        public Builder scope(final String scope) {
            return scope(AlertScope.parse(scope));
        }

        /** The span windowed metrics aggregate over, from 1 second to 31 days; default 5 minutes. */
        public Builder window(final Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("window must lie in [1 s, 31 days]: " + window);
            }
            this.window = window;
            return this;
        }

        /** Samples a window needs before its percentiles and rates are read; default 10. */
        public Builder minSamples(final int samples) {
            this.minSamples = Checks.positive(samples, "minSamples");
            return this;
        }

        public AlertRule build() {
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("an alert rule needs at least one condition");
            }
            if (scope != AlertScope.GLOBAL && conditions.stream()
                .anyMatch(condition -> Condition.REJECTION_RATE.equals(condition.metric()))) {
                throw new IllegalArgumentException("rejection_rate is counted on the callers' threads before an event "
                    + "has a scope key, so it needs the global scope, not " + scope.label());
            }
            return new AlertRule(this);
        }
    }
}
