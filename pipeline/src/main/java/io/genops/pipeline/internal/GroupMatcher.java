package io.genops.pipeline.internal;

import io.genops.core.Attribution;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.AgentGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the agent group of an event on the caller's thread: the first declared group whose agent
 * patterns (if any) match the agent id and whose attributes (if any) equal the event's, else the
 * default group.
 *
 * <p>Patterns are the costly part, so which groups' patterns an agent id matches is worked out once per
 * id and kept as a bit mask (bit {@code i} for declared group {@code i}) in a map bounded by
 * {@code maxTrackedKeys}. A hit costs one map lookup and allocates nothing; past the bound, ids are
 * matched afresh on every call, still without allocating. Attributes vary from event to event of one
 * agent, so they are compared on every call: a few string comparisons, and none at all while no group
 * matches by attribute. With no declared group at all, every event is the default group's at once.
 *
 * <p>Thread-safe: the map is concurrent and the groups immutable, apart from their counters.
 */
public final class GroupMatcher {
    /** The most groups that can be declared: one bit each in a {@code long}. */
    public static final int MAX_GROUPS = Long.SIZE;

    private final CompiledGroup[] declared;
    private final CompiledGroup defaultGroup;
    private final Map<String, CompiledGroup> byName;
    private final boolean anyPatterns;
    private final Map<String, Long> agentMasks = new ConcurrentHashMap<>();
    private final int maxCachedAgents;

    /** Compiles {@code groups}, in declaration order, under the pipeline's {@code policy}. */
    public GroupMatcher(final Map<String, AgentGroup> groups, final GovernancePolicy policy,
        final int maxCachedAgents) {
        if (groups.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("at most " + MAX_GROUPS + " agent groups: " + groups.size());
        }
        final List<CompiledGroup> compiled = new ArrayList<>(groups.size());
        final Map<String, CompiledGroup> names = new LinkedHashMap<>();
        boolean patterns = false;
        for (final Map.Entry<String, AgentGroup> group : groups.entrySet()) {
            final CompiledGroup one = CompiledGroup.of(group.getKey(), compiled.size(), group.getValue(), policy);
            compiled.add(one);
            names.put(one.name, one);
            patterns |= one.matchesAgents();
        }
        this.declared = compiled.toArray(new CompiledGroup[0]);
        this.defaultGroup = CompiledGroup.defaultGroup(declared.length, policy);
        names.put(defaultGroup.name, defaultGroup);
        this.byName = Collections.unmodifiableMap(names);
        this.anyPatterns = patterns;
        this.maxCachedAgents = maxCachedAgents;
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
        final Long cached = agentMasks.get(agentId);
        if (cached != null) {
            return cached;
        }
        long mask = 0;
        for (final CompiledGroup group : declared) {
            if (group.agentMatches(agentId)) {
                mask |= 1L << group.index;
            }
        }
        if (agentMasks.size() < maxCachedAgents) {
            agentMasks.put(agentId, mask);
        }
        return mask;
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

    /** Agent ids whose matches are kept; at most {@code maxTrackedKeys}. */
    public int cachedAgents() {
        return agentMasks.size();
    }
}
