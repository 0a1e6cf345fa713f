package io.genops.pipeline.internal;

import io.genops.core.Attribution;
import io.genops.core.event.AgentPattern;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.event.GroupAttribute;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.AgentGroup;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One agent group resolved for the hot path: its criteria as arrays, its policy and cost-alert switch
 * filled in from the pipeline's, its sampling rates in millionths ({@link #FOLLOW} where the pipeline's
 * sampling decides), and its counts. The default group is one too, with no criteria and the pipeline's settings.
 */
public final class CompiledGroup {
    /** A rate the group leaves to the pipeline's sampling policy. */
    static final int FOLLOW = -1;

    final String name;
    /** Position in declaration order; the default group's is the number of declared groups. */
    final int index;
    final AgentPattern[] patterns;
    final GroupAttribute[] attributes;
    final String[] values;
    final GovernancePolicy policy;
    final int[] ratePpmByKind;
    final boolean export;
    final boolean costAlerts;

    /** Calls refused by an enforced budget or rate limit; caller threads, rare path. */
    final LongAdder refused = new LongAdder();
    /** Single writer, the sampling stage's thread. */
    final AtomicLong events = new AtomicLong();
    final AtomicLong exported = new AtomicLong();
    final AtomicLong costNanos = new AtomicLong();

    private CompiledGroup(final String name, final int index, final AgentPattern[] patterns,
        final GroupAttribute[] attributes, final String[] values, final GovernancePolicy policy,
        final int[] ratePpmByKind, final boolean export, final boolean costAlerts) {
        this.name = name;
        this.index = index;
        this.patterns = patterns;
        this.attributes = attributes;
        this.values = values;
        this.policy = policy;
        this.ratePpmByKind = ratePpmByKind;
        this.export = export;
        this.costAlerts = costAlerts;
    }

    /** A declared group, its unset policy and cost-alert switch filled in by the pipeline's. */
    static CompiledGroup of(final String name, final int index, final AgentGroup group,
        final GovernancePolicy pipelinePolicy, final boolean pipelineCostAlerts) {
        final int[] rates = new int[EventKind.values().length];
        for (final EventKind kind : EventKind.values()) {
            final double rate = group.samplingRate(kind);
            rates[kind.ordinal()] = Double.isNaN(rate) ? FOLLOW : (int)Math.round(rate * SamplingStage.RATE_SCALE);
        }
        final GroupAttribute[] attributes = new GroupAttribute[group.attributes().size()];
        final String[] values = new String[attributes.length];
        int i = 0;
        for (final Map.Entry<GroupAttribute, String> attribute : group.attributes().entrySet()) {
            attributes[i] = attribute.getKey();
            values[i++] = attribute.getValue();
        }
        return new CompiledGroup(name, index, group.agentPatterns().toArray(new AgentPattern[0]), attributes, values,
            group.policy().orElse(pipelinePolicy), rates, group.export(),
            group.costAlerts().orElse(pipelineCostAlerts));
    }

    /** The default group: every event that matches no declared group, under the pipeline's own settings. */
    static CompiledGroup defaultGroup(final int index, final GovernancePolicy pipelinePolicy,
        final boolean pipelineCostAlerts) {
        final int[] rates = new int[EventKind.values().length];
        Arrays.fill(rates, FOLLOW);
        return new CompiledGroup(EventView.DEFAULT_GROUP, index, new AgentPattern[0], new GroupAttribute[0],
            new String[0], pipelinePolicy, rates, true, pipelineCostAlerts);
    }

    /** Whether the group matches by agent id at all. */
    boolean matchesAgents() {
        return patterns.length > 0;
    }

    /** Whether any pattern matches {@code agentId}; allocates nothing. */
    boolean agentMatches(final String agentId) {
        for (final AgentPattern pattern : patterns) {
            if (pattern.matches(agentId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every attribute the group matches equals the event's: the event's own attribution over
     * {@code base} (the session's over the client's), and an interaction's model and provider.
     */
    boolean attributesMatch(final Attribution own, final Attribution base, final String model,
        final String provider) {
        for (int i = 0; i < attributes.length; i++) {
            if (!values[i].equals(valueOf(attributes[i], own, base, model, provider))) {
                return false;
            }
        }
        return true;
    }

    private static String valueOf(final GroupAttribute attribute, final Attribution own, final Attribution base,
        final String model, final String provider) {
        switch (attribute) {
            case TEAM:
                return own.team() != null ? own.team() : base.team();
            case PROJECT:
                return own.project() != null ? own.project() : base.project();
            case ENVIRONMENT:
                return own.environment() != null ? own.environment() : base.environment();
            case CUSTOMER_ID:
                return own.customerId() != null ? own.customerId() : base.customerId();
            case COST_CENTER:
                return own.costCenter() != null ? own.costCenter() : base.costCenter();
            case FEATURE:
                return own.feature() != null ? own.feature() : base.feature();
            case MODEL:
                return model;
            case PROVIDER:
                return provider;
            default:
                throw new IllegalStateException("no value for " + attribute);
        }
    }

    public String name() {
        return name;
    }

}
