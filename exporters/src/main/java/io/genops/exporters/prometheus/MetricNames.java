package io.genops.exporters.prometheus;

import java.util.List;

/**
 * The names of the series {@link PrometheusExporter} exposes, in one place so dashboards, alert rules
 * and the autoscaler example can be checked against them. The pipeline's own counts, registered by the
 * application, are named in {@link SelfMetric}.
 *
 * <table>
 *   <caption>Series counted from the journal's events (every event, sampled or not)</caption>
 *   <tr><th>name</th><th>type</th><th>labels</th><th>what</th></tr>
 *   <tr><td>{@value #EVENTS}</td><td>counter</td><td>kind, policy_result, sampled</td>
 *       <td>events by kind ({@code interaction}, {@code signal}, {@code alert}), governance verdict
 *       ({@code allowed}, {@code warning}, {@code blocked}, {@code rate_limited}) and export sampling
 *       ({@code true}, {@code false}); every combination exists from the start at 0</td></tr>
 *   <tr><td>{@value #GROUP_EVENTS}</td><td>counter</td><td>agent_group, kind</td>
 *       <td>events by agent group ({@code default} for those of no declared group) and kind; a group's
 *       series appear with its first event. Groups are declared in configuration, at most 64</td></tr>
 *   <tr><td>{@value #INTERACTIONS}</td><td>counter</td><td>agent_type, outcome</td>
 *       <td>agent interactions; outcome {@code ok} or {@code error} (the interaction carried an error type)</td></tr>
 *   <tr><td>{@value #INTERACTION_DURATION}</td><td>histogram</td><td>agent_type, complexity</td>
 *       <td>the interactions' own latency as the caller recorded it, in seconds; interactions recorded
 *       without a latency are counted in {@value #INTERACTIONS} only</td></tr>
 *   <tr><td>{@value #MONITORING_COST_USD}</td><td>counter</td><td>team, project, agent_type</td>
 *       <td>cost of every event in USD: the caller's override when given, else model plus platform cost
 *       (what budgets are charged)</td></tr>
 *   <tr><td>{@value #COST_NANODOLLARS}</td><td>counter</td><td>team, project, agent_type</td>
 *       <td>the same sum, exact, in nanodollars</td></tr>
 *   <tr><td>{@value #TOKENS}</td><td>counter</td><td>model, kind</td>
 *       <td>interaction tokens. The kinds are disjoint, so summing them gives the total: {@code input}
 *       (input not read from or written to a cache), {@code cache_read}, {@code cache_creation},
 *       {@code output} (output other than reasoning) and {@code reasoning}. OpenTelemetry's input
 *       tokens are {@code input + cache_read + cache_creation}; its output tokens
 *       {@code output + reasoning}</td></tr>
 *   <tr><td>{@value #UNPRICED_INTERACTIONS}</td><td>counter</td><td>model</td>
 *       <td>interactions whose model had no price, so their tokens were priced at zero</td></tr>
 *   <tr><td>{@value #CONCURRENT_AGENTS}</td><td>gauge</td><td></td>
 *       <td>distinct agent ids with an event in the recent window (default one minute)</td></tr>
 * </table>
 *
 * <table>
 *   <caption>The process, read at each scrape</caption>
 *   <tr><th>name</th><th>type</th><th>labels</th><th>what</th></tr>
 *   <tr><td>{@value #PROCESS_MEMORY}</td><td>gauge</td><td>area</td>
 *       <td>bytes of memory: {@code heap} and {@code nonheap} used by the JVM (its {@code MemoryMXBean}),
 *       {@code resident} in RAM ({@code VmRSS} of {@code /proc/self/status}; absent where that file is not,
 *       as off Linux). Exposed whether or not the JVM series below are</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Series the running pipeline feeds once attached (or the application, through the hooks)</caption>
 *   <tr><th>name</th><th>type</th><th>labels</th><th>what</th></tr>
 *   <tr><td>{@value #TRACKING_DURATION}</td><td>histogram</td><td></td>
 *       <td>caller-side time of a {@code trackInteraction} call, refusals included: the library's own
 *       overhead, about one call in 64 timed</td></tr>
 *   <tr><td>{@value #SIGNAL_OVERHEAD}</td><td>histogram</td><td></td>
 *       <td>caller-side time of a {@code trackSignal} call, about one call in 64 timed</td></tr>
 *   <tr><td>{@value #ALERT_CREATION}</td><td>histogram</td><td></td>
 *       <td>caller-side time of creating an alert rule, every one timed</td></tr>
 *   <tr><td>{@value #BUDGET_CONSUMED_USD}</td><td>gauge</td><td>scope, window</td>
 *       <td>spend in the budget's current window</td></tr>
 *   <tr><td>{@value #BUDGET_ALLOCATED_USD}</td><td>gauge</td><td>scope, window</td>
 *       <td>the budget's limit; 0 when none</td></tr>
 *   <tr><td>{@value #BUDGET_UTILIZATION}</td><td>gauge</td><td>scope, window</td>
 *       <td>consumed ÷ allocated (1 = fully spent); absent for budgets without a limit</td></tr>
 * </table>
 *
 * <table>
 *   <caption>The exporter's own health</caption>
 *   <tr><th>name</th><th>type</th><th>labels</th><th>what</th></tr>
 *   <tr><td>{@value #LABEL_OVERFLOW}</td><td>counter</td><td>label</td>
 *       <td>events whose label value was folded into {@code other} by a cap: {@code team},
 *       {@code project}, {@code agent_type}, {@code model}, {@code agent_group}, {@code cost_series} (the
 *       combinations of the cost counters), {@code recent_agents} (the concurrent-agents table was full) or
 *       {@code budget} (readings beyond 1000 per scrape)</td></tr>
 *   <tr><td>{@value #EXPORTER_ERRORS}</td><td>counter</td><td>source</td>
 *       <td>{@code event}: an event the exporter could not count (such as a throwing agent-type
 *       function); {@code callback}: a registered gauge, counter or budget source that threw or
 *       answered a negative count; {@code process_memory}: a scrape whose {@code /proc/self/status} could
 *       not be read or parsed (a scrape reads this counter before the others, so their failures show from
 *       the next scrape on)</td></tr>
 * </table>
 *
 * Plus the JVM and process series of the Prometheus client's {@code JvmMetrics} unless switched off,
 * among them {@code process_resident_memory_bytes} and {@code jvm_memory_used_bytes}.
 */
public final class MetricNames {
    public static final String EVENTS = "genops_events_total";
    public static final String GROUP_EVENTS = "genops_agent_group_events_total";
    public static final String INTERACTIONS = "genops_agent_interactions_total";
    public static final String INTERACTION_DURATION = "genops_agent_interaction_duration_seconds";
    public static final String MONITORING_COST_USD = "genops_agent_monitoring_cost_usd_total";
    public static final String COST_NANODOLLARS = "genops_cost_nanodollars_total";
    public static final String TOKENS = "genops_tokens_total";
    public static final String UNPRICED_INTERACTIONS = "genops_unpriced_interactions_total";
    public static final String CONCURRENT_AGENTS = "genops_concurrent_agents_monitored";
    public static final String PROCESS_MEMORY = "genops_process_memory_bytes";
    public static final String TRACKING_DURATION = "genops_interaction_tracking_duration_seconds";
    public static final String SIGNAL_OVERHEAD = "genops_performance_signal_overhead_seconds";
    public static final String ALERT_CREATION = "genops_alert_creation_duration_seconds";
    public static final String BUDGET_CONSUMED_USD = "genops_budget_consumed_usd";
    public static final String BUDGET_ALLOCATED_USD = "genops_budget_allocated_usd";
    public static final String BUDGET_UTILIZATION = "genops_budget_utilization_ratio";
    public static final String LABEL_OVERFLOW = "genops_prometheus_label_overflow_total";
    public static final String EXPORTER_ERRORS = "genops_prometheus_exporter_errors_total";

    /** Every name above: none of them can be taken by a registered gauge or counter. */
    public static final List<String> ALL = List.of(EVENTS, GROUP_EVENTS, INTERACTIONS, INTERACTION_DURATION,
        MONITORING_COST_USD, COST_NANODOLLARS, TOKENS, UNPRICED_INTERACTIONS, CONCURRENT_AGENTS, PROCESS_MEMORY,
        TRACKING_DURATION, SIGNAL_OVERHEAD, ALERT_CREATION, BUDGET_CONSUMED_USD, BUDGET_ALLOCATED_USD,
        BUDGET_UTILIZATION, LABEL_OVERFLOW, EXPORTER_ERRORS);

    private MetricNames() {
    }
}
