package io.genops.pipeline.internal;

import io.genops.core.Attribution;
import io.genops.core.event.EventView;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.AgentGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the agent group of an event on the caller's thread: the first declared group whose agent
 * patterns (if any) match the agent id and whose attributes (if any) equal the event's, else the
 * default group.
 *
 * <p>Patterns are the costly part, so which groups' patterns an agent id matches is worked out once per
 * id and kept as a bit mask (bit {@code i} for declared group {@code i}) in a direct-mapped cache of
 * about {@code maxTrackedKeys} slots: a hit costs one hash and one string comparison and allocates
 * nothing; a miss matches the id afresh and takes its slot, so ids seen lately stay cached however
 * many have come and gone. Attributes vary from event to event of one
 * agent, so they are compared on every call: a few string comparisons, and none at all while no group
 * matches by attribute. With no declared group at all, every event is the default group's at once.
 *
 * <p>Thread-safe: a slot holds one immutable entry, so a reader sees a whole entry or an older one,
 * and the groups are immutable, apart from their counters.
 */
public final class GroupMatcher {
    /** The most groups that can be declared: one bit each in a {@code long}. */
    public static final int MAX_GROUPS = EventView.MAX_DECLARED_GROUPS;

    private final CompiledGroup[] declared;
    private final CompiledGroup defaultGroup;
    private final Map<String, CompiledGroup> byName;
    private final boolean anyPatterns;
    /** The most slots of the agent cache. */
    private static final int MAX_SLOTS = 1 << 16;

    private final AgentMask[] agentMasks;

    /** Compiles {@code groups}, in declaration order, under the pipeline's {@code policy}, cost alerts on. */
    public GroupMatcher(final Map<String, AgentGroup> groups, final GovernancePolicy policy,
        final int maxCachedAgents) {
        this(groups, policy, true, maxCachedAgents);
    }

    /**
     * Compiles {@code groups}, in declaration order, under the pipeline's {@code policy} and cost-alert
     * switch, which also govern the default group.
     */
    public GroupMatcher(final Map<String, AgentGroup> groups, final GovernancePolicy policy,
        final boolean costAlerts, final int maxCachedAgents) {
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("at most " + MAX_GROUPS + " agent groups: " + groups.size());
        }
        final List<CompiledGroup> compiled = new ArrayList<>(groups.size());
        final Map<String, CompiledGroup> names = new LinkedHashMap<>();
        boolean patterns = false;
        for (final Map.Entry<String, AgentGroup> group : groups.entrySet()) {
            final CompiledGroup one = CompiledGroup.of(group.getKey(), compiled.size(), group.getValue(), policy,
                costAlerts);
            compiled.add(one);
            names.put(one.name, one);
            patterns |= one.matchesAgents();
        }
        this.declared = compiled.toArray(new CompiledGroup[0]);
        this.defaultGroup = CompiledGroup.defaultGroup(declared.length, policy, costAlerts);
        names.put(defaultGroup.name, defaultGroup);
        this.byName = Collections.unmodifiableMap(names);
        this.anyPatterns = patterns;
        this.agentMasks = new AgentMask[slots(maxCachedAgents)];
    }

    /**
     * The group of an event of {@code agentId} (may be {@code null}) with attribution {@code own} over
     * {@code base}, and an interaction's {@code model} and {@code provider} ({@code null} for others).
     */
    public CompiledGroup resolve(final String agentId, final Attribution own, final Attribution base,
        final String model, final String provider) {
        if (declared.length == 0) {
            return defaultGroup;
        }
        final long agentMask = anyPatterns && agentId != null ? agentMask(agentId) : 0L;
        for (final CompiledGroup group : declared) {
            if ((!group.matchesAgents() || (agentMask & 1L << group.index) != 0)
                && group.attributesMatch(own, base, model, provider)) {
                return group;
            }
        }
        return defaultGroup;
    }

    /** Which declared groups' patterns match {@code agentId}, from the cache while it has room. */
    private long agentMask(final String agentId) {
        final int hash = agentId.hashCode();
        final int slot = (hash ^ hash >>> 16) & agentMasks.length - 1;
        final AgentMask cached = agentMasks[slot];
        if (cached != null && cached.agentId.equals(agentId)) {
            return cached.mask;
        }
        long mask = 0;
        for (final CompiledGroup group : declared) {
            if (group.agentMatches(agentId)) {
                mask |= 1L << group.index;
            }
        }
        agentMasks[slot] = new AgentMask(agentId, mask);
        return mask;
    }

    /** The smallest power of two of at least {@code wanted} slots, between 1 and {@value #MAX_SLOTS}. */
    private static int slots(final int wanted) {
        final int bounded = Math.max(1, Math.min(wanted, MAX_SLOTS));
        return bounded == 1 ? 1 : Integer.highestOneBit(bounded - 1) << 1;
    }

    /** Which declared groups' patterns {@code agentId} matches. */
    private record AgentMask(String agentId, long mask) {
    }

    /** The group named {@code name}, the default included, or {@code null}. */
    public CompiledGroup named(final String name) {
        return byName.get(name);
    }

    public CompiledGroup defaultGroup() {
        return defaultGroup;
    }

    /** The names of every group, for messages. */
    public String names() {
        return String.join(", ", byName.keySet());
    }

    /** Every group, declared ones in order, then the default. */
    public List<CompiledGroup> all() {
        return List.copyOf(byName.values());
    }

    /** Agent ids whose matches are kept now; at most the cache's slots. */
    public int cachedAgents() {
        int cached = 0;
        for (final AgentMask entry : agentMasks) {
            cached += entry == null ? 0 : 1;
        }
        return cached;
    }
}
