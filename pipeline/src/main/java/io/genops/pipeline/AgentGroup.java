package io.genops.pipeline;

import io.genops.core.Checks;
import io.genops.core.event.AgentPattern;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.GroupAttribute;
import io.genops.core.policy.GovernancePolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for a group of agents that differ from the pipeline's own: which events belong to the
 * group, and for those events the governance policy, the sampling rates, whether they are exported
 * at all, whether cost alerts are raised, and alert rules of the group's own. Declared with
 * {@link GenOpsBuilder#agentGroup}; immutable.
 *
 * <pre>{@code
 * GenOps.builder()
 *     .policy(GovernancePolicy.ENFORCED)
 *     .agentGroup("lightweight", AgentGroup.builder()
 *         .matchAgents("faq-*", "*-preview")
 *         .policy(GovernancePolicy.ADVISORY)
 *         .samplingRate(EventKind.INTERACTION, 0.01)
 *         .costAlerts(false)
 *         .build())
 * }</pre>
 *
 * <p><b>Matching.</b> An event belongs to a group when its agent id matches any of the group's agent
 * patterns (when it has some) and every attribute the group matches equals the event's (when it has
 * some). Groups are tried in the order they were declared and the first match wins; an event that
 * matches none belongs to the default group, {@value io.genops.core.event.EventView#DEFAULT_GROUP},
 * which has the pipeline's own settings.
 *
 * <p><b>What is not set follows the pipeline.</b> A group without a policy has the pipeline's, one
 * without a cost-alert switch the pipeline's ({@link GenOpsBuilder#costAlerts}); an event kind without a
 * sampling rate of the group's is sampled by the pipeline's {@link SamplingPolicy}.
 * Budgets and rate limits are the pipeline's: a group decides whether passing them refuses the call
 * (enforced) or marks the event (advisory), not what they are.
 */
public final class AgentGroup {
    private final List<AgentPattern> agentPatterns;
    private final Map<GroupAttribute, String> attributes;
    private final GovernancePolicy policy;
    private final double[] samplingRates;
    private final boolean export;
    /** Null when the group follows the pipeline's switch. */
    private final Boolean costAlerts;
    private final Map<String, AlertRule> alertRules;

    private AgentGroup(final Builder builder) {
        this.agentPatterns = List.copyOf(builder.agentPatterns);
        this.attributes = Collections.unmodifiableMap(new EnumMap<>(builder.attributes));
        this.policy = builder.policy;
        this.samplingRates = builder.samplingRates.clone();
        this.export = builder.export;
        this.costAlerts = builder.costAlerts;
        this.alertRules = Collections.unmodifiableMap(new LinkedHashMap<>(builder.alertRules));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Patterns the agent id must match one of; empty when the group does not match by agent. */
    public List<AgentPattern> agentPatterns() {
        return agentPatterns;
    }

    /** Attributes the event must carry with exactly these values; empty when the group matches none. */
    public Map<GroupAttribute, String> attributes() {
        return attributes;
    }

    /** The group's policy; empty when its events follow the pipeline's. */
    public Optional<GovernancePolicy> policy() {
        return Optional.ofNullable(policy);
    }

    /** The share of the group's events of {@code kind} exported; {@code NaN} when the pipeline's sampling decides. */
    public double samplingRate(final EventKind kind) {
        return samplingRates[Objects.requireNonNull(kind, "kind").ordinal()];
    }

    /** Whether any of the group's events is exported; false exports none, not even alerts or errors. */
    public boolean export() {
        return export;
    }

    /**
     * Whether cost-rate and budget-threshold alerts are raised for the group's events; empty when the
     * group follows the pipeline's {@link GenOpsBuilder#costAlerts} switch, which is then what decides.
     */
    public Optional<Boolean> costAlerts() {
        return Optional.ofNullable(costAlerts);
    }

    /** Rules that read the group's events only, by name. */
    public Map<String, AlertRule> alertRules() {
        return alertRules;
    }

    @Override
    public String toString() {
        return "AgentGroup{agents=" + agentPatterns + ", attributes=" + attributes + ", policy="
            + (policy == null ? "pipeline's" : policy) + ", samplingRates=" + Arrays.toString(samplingRates)
            + ", export=" + export + ", costAlerts=" + (costAlerts == null ? "pipeline's" : costAlerts)
            + ", alertRules=" + alertRules.keySet() + '}';
    }

    /** Builds an {@link AgentGroup}; each setter refuses a bad value naming it, {@link #build} the whole. */
    public static final class Builder {
        private final List<AgentPattern> agentPatterns = new ArrayList<>();
        private final Map<GroupAttribute, String> attributes = new EnumMap<>(GroupAttribute.class);
        private GovernancePolicy policy;
        private final double[] samplingRates = nanRates();
        private boolean export = true;
        /** Null until set: the group follows the pipeline's switch. */
        private Boolean costAlerts;
        private final Map<String, AlertRule> alertRules = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds agent-id patterns, in which {@code *} matches any run of characters (see
         * {@link AgentPattern}); an event whose agent id matches any of them may belong to the group.
         */
        public Builder matchAgents(final String... patterns) {
            Objects.requireNonNull(patterns, "matchAgents");
            if (patterns.length == 0) {
                throw new IllegalArgumentException("matchAgents needs at least one pattern");
            }
            final List<AgentPattern> parsed = new ArrayList<>(patterns.length);
            for (final String pattern : patterns) {
                parsed.add(AgentPattern.of(pattern));
            }
            parsed.stream().filter(pattern -> !agentPatterns.contains(pattern)).forEach(agentPatterns::add);
            return this;
        }

        /** Requires the event's {@code attribute} to equal {@code value} exactly. */
        public Builder matchAttribute(final GroupAttribute attribute, final String value) {
            Objects.requireNonNull(attribute, "attribute");
            Checks.nonBlank(value, "matchAttribute " + attribute.label());
            final String earlier = attributes.get(attribute);
            if (earlier != null && !earlier.equals(value)) {
                throw new IllegalArgumentException("matchAttribute " + attribute.label() + " is already '" + earlier
                    + "'; an event has one " + attribute.label() + ", so it cannot also equal '" + value + "'");
            }
            attributes.put(attribute, value);
            return this;
        }

        /** The group's policy; by default its events follow the pipeline's. */
        public Builder policy(final GovernancePolicy groupPolicy) {
            this.policy = Objects.requireNonNull(groupPolicy, "policy");
            return this;
        }

        /**
         * The share, in [0, 1], of the group's events of {@code kind} exported, at a fixed rate (a
         * conversation's events together); alerts, errors and refused or warned events are still
         * exported, as under the pipeline's fixed rates. By default the pipeline's sampling decides.
         * {@link EventKind#SESSION} takes no rate: a session's record is exported unless {@link #export}
         * is off.
         */
        public Builder samplingRate(final EventKind kind, final double rate) {
            Objects.requireNonNull(kind, "kind");
            if (kind == EventKind.SESSION) {
                throw new IllegalArgumentException(SamplingPolicy.SESSION_RATE_REFUSED);
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("samplingRate for " + kind + " must lie in [0, 1]: " + rate);
            }
            samplingRates[kind.ordinal()] = rate;
            return this;
        }

        /** The same share of every event kind but sessions; see {@link #samplingRate(EventKind, double)}. */
        public Builder samplingRate(final double rate) {
            for (final EventKind kind : EventKind.values()) {
                if (kind != EventKind.SESSION) {
                    samplingRate(kind, rate);
                }
            }
            return this;
        }

        /**
         * Whether the group's events are exported at all; {@code false} exports none of them, alerts and
         * errors included. The journal, costs, budgets and metrics still see every event. Default true.
         */
        public Builder export(final boolean exported) {
            this.export = exported;
            return this;
        }

        /**
         * Whether cost alerts are raised for the group's events: with {@code false}, rules on
         * {@code cost_usd}, {@code cost_usd_per_minute}, {@code cost_usd_per_hour} and
         * {@code budget_utilization_percent} skip them and budget thresholds they cross raise nothing,
         * while budgets are still charged. By default the group follows the pipeline's switch,
         * {@link GenOpsBuilder#costAlerts}, which is on unless turned off.
         */
        public Builder costAlerts(final boolean raised) {
            this.costAlerts = raised;
            return this;
        }

        /**
         * A rule that reads the group's events only. A rule that names a group itself must name this one;
         * rule names share one space with the pipeline's rules.
         */
        public Builder alertRule(final String name, final AlertRule rule) {
            Checks.nonBlank(name, "alertRule name");
            Objects.requireNonNull(rule, "alertRule");
            if (alertRules.containsKey(name)) {
                throw new IllegalArgumentException("alertRule '" + name + "' was already added to this group");
            }
            alertRules.put(name, rule);
            return this;
        }

        /**
         * The group.
         *
         * @throws IllegalStateException when it matches by neither agent nor attribute
         */
        public AgentGroup build() {
            if (agentPatterns.isEmpty() && attributes.isEmpty()) {
                throw new IllegalStateException("an agent group needs matchAgents or matchAttribute; one that "
                    + "matched everything would be the pipeline's own settings");
            }
            return new AgentGroup(this);
        }

        private static double[] nanRates() {
            final double[] rates = new double[EventKind.values().length];
            Arrays.fill(rates, Double.NaN);
            return rates;
        }
    }
}
