package io.genops.exporters.prometheus.internal;

import io.genops.core.event.Complexity;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.policy.PolicyResult;
import io.genops.exporters.prometheus.MetricNames;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Turns each journaled event into counter increments and histogram observations. Every label value a
 * caller controls passes through a {@link LabelCap}; the enum-valued ones (kind, policy result,
 * complexity) are bounded by their types. The data points of each label combination are looked up once
 * and kept, so counting an event costs a few hash lookups and no label-array allocation.
 *
 * <p>{@link #record} is called by the export runner's thread only.
 */
public final class EventMetrics {
    /** Interaction latency buckets, seconds: from a cached answer to a long agentic turn. */
    static final double[] DURATION_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
    private static final double NANOS_PER_SECOND = 1e9;
    private static final EventKind[] KINDS = EventKind.values();
    private static final PolicyResult[] POLICIES = PolicyResult.values();
    private static final Complexity[] COMPLEXITIES = Complexity.values();
    private static final String[] TOKEN_KINDS = {"input", "cache_read", "cache_creation", "output", "reasoning"};
    /**
     * Agent-group labels kept: a pipeline declares at most 64 groups, plus {@code default}. Group names
     * come from configuration, not from callers, so this cap only guards against a journal merged from
     * pipelines with different groups.
     */
    static final int GROUP_LABELS = EventView.MAX_DECLARED_GROUPS + 1;

    private final LabelCap teams;
    private final LabelCap projects;
    private final LabelCap agentTypes;
    private final LabelCap models;
    private final LabelCap groups;
    private final Function<String, String> agentTypeOf;
    private final Counter events;
    private final CounterDataPoint[] eventPoints = new CounterDataPoint[KINDS.length * POLICIES.length * 2];
    private final Counter groupEvents;
    private final Map<String, CounterDataPoint[]> byGroup = new HashMap<>();
    private final Counter interactions;
    private final Histogram durations;
    private final Counter tokens;
    private final Counter unpriced;
    private final CostSeries cost;
    private final RecentAgents recentAgents;
    private final Map<String, AgentTypeSeries> byAgentType = new HashMap<>();
    private final Map<String, ModelSeries> byModel = new HashMap<>();

    /** Registers the event series in {@code registry}; {@code overflow} is the label-overflow counter. */
    public EventMetrics(final PrometheusRegistry registry, final Counter overflow, final Caps caps,
        final Function<String, String> agentTypeOf, final LongSupplier clockMillis) {
        this.teams = new LabelCap(caps.teams(), overflow.labelValues("team"));
        this.projects = new LabelCap(caps.projects(), overflow.labelValues("project"));
        this.agentTypes = new LabelCap(caps.agentTypes(), overflow.labelValues("agent_type"));
        this.models = new LabelCap(caps.models(), overflow.labelValues("model"));
        this.groups = new LabelCap(GROUP_LABELS, overflow.labelValues("agent_group"));
        this.agentTypeOf = agentTypeOf;
        this.events = Counter.builder().name(MetricNames.EVENTS).withoutExemplars()
            .help("Events by kind, governance verdict and export sampling; every event counts, sampled or not")
            .labelNames("kind", "policy_result", "sampled").register(registry);
        this.groupEvents = Counter.builder().name(MetricNames.GROUP_EVENTS).withoutExemplars()
            .help("Events by agent group and kind; every event counts, sampled or not")
            .labelNames("agent_group", "kind").register(registry);
        this.interactions = Counter.builder().name(MetricNames.INTERACTIONS).withoutExemplars()
            .help("Agent interactions by agent type and outcome (ok, error)")
            .labelNames("agent_type", "outcome").register(registry);
        this.durations = Histogram.builder().name(MetricNames.INTERACTION_DURATION).withoutExemplars()
            .help("Agent interaction latency as the caller recorded it, by agent type and complexity")
            .classicOnly().classicUpperBounds(DURATION_BUCKETS).labelNames("agent_type", "complexity")
            .register(registry);
        this.tokens = Counter.builder().name(MetricNames.TOKENS).withoutExemplars()
            .help("Interaction tokens by model and kind; the kinds are disjoint, so their sum is the total")
            .labelNames("model", "kind").register(registry);
        this.unpriced = Counter.builder().name(MetricNames.UNPRICED_INTERACTIONS).withoutExemplars()
            .help("Interactions whose model had no price, so their tokens were priced at zero")
            .labelNames("model").register(registry);
        this.cost = new CostSeries(CallbackMetrics.baseName(MetricNames.COST_NANODOLLARS),
            CallbackMetrics.baseName(MetricNames.MONITORING_COST_USD), caps.costSeries(),
            overflow.labelValues("cost_series"));
        registry.register(cost);
        this.recentAgents = new RecentAgents(caps.recentWindowMillis(), caps.trackedAgents(),
            overflow.labelValues("recent_agents"));
        GaugeWithCallback.builder().name(MetricNames.CONCURRENT_AGENTS)
            .help("Distinct agents with an event in the last " + caps.recentWindowMillis() / 1000 + " s")
            .callback(callback -> callback.call(recentAgents.count(clockMillis.getAsLong()))).register(registry);
        initEventPoints();
    }

    /**
     * Counts one event. A closed session's record counts in the event series under kind {@code session}
     * (sessions closed) and nowhere else: it costs nothing and has no agent.
     */
    public void record(final EventView event) {
        final EventKind kind = event.kind();
        eventPoint(kind, event.policyResult(), event.sampled()).inc();
        groupPoints(groups.resolve(event.group()))[kind.ordinal()].inc();
        if (kind == EventKind.SESSION) {
            return;
        }
        final String agentId = event.agentId();
        final String agentType = agentTypes.resolve(agentId == null ? null : agentTypeOf.apply(agentId));
        cost.add(teams.resolve(event.team()), projects.resolve(event.project()), agentType, event.costNanos());
        if (kind == EventKind.INTERACTION) {
            recordInteraction(event, agentType);
        }
        recentAgents.seen(agentId, event.epochMillis());
    }

    private void recordInteraction(final EventView event, final String agentType) {
        final AgentTypeSeries series = byAgentType.computeIfAbsent(agentType, AgentTypeSeries::new);
        (event.error() == null ? series.ok : series.error).inc();
        final long latencyNanos = event.latencyNanos();
        if (latencyNanos > 0) {
            series.duration(event.complexity()).observe(latencyNanos / NANOS_PER_SECOND);
        }
        final ModelSeries model = byModel.computeIfAbsent(models.resolve(event.model()), ModelSeries::new);
        final long cacheTokens = event.cacheReadTokens() + event.cacheCreationTokens();
        model.add(0, event.inputTokens() - cacheTokens);
        model.add(1, event.cacheReadTokens());
        model.add(2, event.cacheCreationTokens());
        model.add(3, event.outputTokens() - event.reasoningTokens());
        model.add(4, event.reasoningTokens());
        if (event.unpriced()) {
            model.unpriced().inc();
        }
    }

    /** The event series of one agent-group label, one per kind, all created with the group's first event. */
    private CounterDataPoint[] groupPoints(final String group) {
        CounterDataPoint[] points = byGroup.get(group);
        if (points == null) {
            points = new CounterDataPoint[KINDS.length];
            for (final EventKind kind : KINDS) {
                points[kind.ordinal()] = groupEvents.labelValues(group, wireName(kind));
            }
            byGroup.put(group, points);
        }
        return points;
    }

    /** Every kind × verdict × sampled combination exists at 0 from the start, so rate() sees the first event. */
    private void initEventPoints() {
        for (final EventKind kind : KINDS) {
            for (final PolicyResult policy : POLICIES) {
                for (int sampled = 0; sampled < 2; sampled++) {
                    eventPoints[eventIndex(kind, policy, sampled == 1)] = events.labelValues(wireName(kind),
                        wireName(policy), Boolean.toString(sampled == 1));
                }
            }
        }
    }

    private CounterDataPoint eventPoint(final EventKind kind, final PolicyResult policy, final boolean sampled) {
        if (policy == null) {
            return events.labelValues(wireName(kind), LabelCap.NONE, Boolean.toString(sampled));
        }
        return eventPoints[eventIndex(kind, policy, sampled)];
    }

    private static int eventIndex(final EventKind kind, final PolicyResult policy, final boolean sampled) {
        return (kind.ordinal() * POLICIES.length + policy.ordinal()) * 2 + (sampled ? 1 : 0);
    }

    private static String wireName(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The series of one agent-type label; histogram series appear per complexity on first use. */
    private final class AgentTypeSeries {
        private final String agentType;
        private final CounterDataPoint ok;
        private final CounterDataPoint error;
        private final DistributionDataPoint[] byComplexity = new DistributionDataPoint[COMPLEXITIES.length + 1];

        AgentTypeSeries(final String agentType) {
            this.agentType = agentType;
            this.ok = interactions.labelValues(agentType, "ok");
            this.error = interactions.labelValues(agentType, "error");
        }

        DistributionDataPoint duration(final Complexity complexity) {
            final int index = complexity == null ? COMPLEXITIES.length : complexity.ordinal();
            DistributionDataPoint point = byComplexity[index];
            if (point == null) {
                point = durations.labelValues(agentType, complexity == null ? LabelCap.NONE : complexity.wireName());
                byComplexity[index] = point;
            }
            return point;
        }
    }

    /** The token and unpriced series of one model label; token series appear per kind on first use. */
    private final class ModelSeries {
        private final String model;
        private final CounterDataPoint[] byKind = new CounterDataPoint[TOKEN_KINDS.length];
        private CounterDataPoint unpricedPoint;

        ModelSeries(final String model) {
            this.model = model;
        }

        void add(final int kind, final long count) {
            if (count <= 0) {
                return;
            }
            CounterDataPoint point = byKind[kind];
            if (point == null) {
                point = tokens.labelValues(model, TOKEN_KINDS[kind]);
                byKind[kind] = point;
            }
            point.inc(count);
        }

        CounterDataPoint unpriced() {
            if (unpricedPoint == null) {
                unpricedPoint = unpriced.labelValues(model);
            }
            return unpricedPoint;
        }
    }

    /**
     * The bounds on label values and tracked state.
     *
     * @param teams              distinct team labels
     * @param projects           distinct project labels
     * @param agentTypes         distinct agent-type labels
     * @param models             distinct model labels
     * @param costSeries         team × project × agent-type combinations of the cost counters
     * @param trackedAgents      agent ids held for the concurrent-agents gauge
     * @param recentWindowMillis how recent an agent's last event must be to count as concurrent
     */
    public record Caps(int teams, int projects, int agentTypes, int models, int costSeries, int trackedAgents,
        long recentWindowMillis) {
    }
}
