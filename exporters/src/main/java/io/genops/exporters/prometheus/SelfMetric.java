package io.genops.exporters.prometheus;

/**
 * The pipeline's own counts under their standard names, so the dashboard in {@code deploy/grafana} finds
 * them. A pipeline registers all of them, read at scrape time, when it {@linkplain PrometheusExporter#attach
 * attaches} its figures; {@link PrometheusExporter#selfMetric} registers one by hand, for a count the
 * application keeps itself:
 * <pre>{@code
 * exporter.selfMetric(SelfMetric.DROPPED, () -> myOwnQueue.dropped());
 * }</pre>
 * Entries whose {@link #labelName()} is not {@code null} take that label's value at registration, once
 * per exporter (or other subject) they describe.
 */
public enum SelfMetric {
    ACCEPTED("genops_pipeline_events_accepted_total", true, null, 1,
        "Events the pipeline accepted into its ring"),
    PROCESSED("genops_pipeline_events_processed_total", true, null, 1,
        "Accepted events that have passed every stage"),
    DROPPED("genops_pipeline_events_dropped_total", true, null, 1,
        "Events refused because the ring was full"),
    REJECTED_BUDGET("genops_pipeline_events_rejected_budget_total", true, null, 1,
        "Events refused at the call by an enforced budget"),
    REJECTED_RATE_LIMITED("genops_pipeline_events_rejected_rate_limited_total", true, null, 1,
        "Events refused at the call by an enforced rate limit"),
    REJECTED_INVALID("genops_pipeline_events_rejected_invalid_total", true, null, 1,
        "Calls refused for bad input or because the pipeline was closed"),
    FAILED("genops_pipeline_events_failed_total", true, null, 1,
        "Accepted events on which at least one stage failed (still accounted)"),
    STAGE_FAILURES("genops_pipeline_stage_failures_total", true, null, 1,
        "Stage invocations that threw"),
    RING_REMAINING("genops_pipeline_ring_remaining_slots", false, null, 1,
        "Free slots in the pipeline's ring"),
    RING_CAPACITY("genops_pipeline_ring_capacity_slots", false, null, 1,
        "Slots in the pipeline's ring"),
    ALERTS_FIRED("genops_pipeline_alerts_fired_total", true, null, 1,
        "Alerts raised by rules and budgets"),
    ALERTS_FAILED("genops_pipeline_alerts_failed_total", true, null, 1,
        "Alert deliveries whose channel failed"),
    ALERTS_DROPPED("genops_pipeline_alerts_dropped_total", true, null, 1,
        "Alerts lost because the delivery queue was full"),
    SESSIONS_UNRECORDED("genops_pipeline_sessions_unrecorded_total", true, null, 1,
        "Closed sessions whose session record is not in the journal"),
    EXPORTER_EXPORTED("genops_exporter_events_exported_total", true, "exporter", 1,
        "Events an exporter delivered"),
    EXPORTER_FAILED("genops_exporter_events_failed_total", true, "exporter", 1,
        "Events an exporter did not deliver: refused, given up after its attempts, or not taken"),
    EXPORTER_RETRIES("genops_exporter_retries_total", true, "exporter", 1,
        "Sends an exporter retried"),
    EXPORTER_RESTARTS("genops_exporter_restarts_total", true, "exporter", 1,
        "Times an exporter's runner started over after an error that escaped a run; rising, nothing is exported"),
    EXPORTER_LAG_RECORDS("genops_exporter_lag_records", false, "exporter", 1,
        "Journal records an exporter has not settled yet"),
    /** Supplied in milliseconds, exposed in seconds. */
    EXPORTER_LAG_SECONDS("genops_exporter_lag_seconds", false, "exporter", 1000,
        "How far behind the journal an exporter is, in seconds: the age of the oldest record it has not "
            + "settled yet (0 when caught up)");

    private final String metricName;
    private final boolean counter;
    private final String labelName;
    private final long divisor;
    private final String help;

    SelfMetric(final String metricName, final boolean counter, final String labelName, final long divisor,
        final String help) {
        this.metricName = metricName;
        this.counter = counter;
        this.labelName = labelName;
        this.divisor = divisor;
        this.help = help;
    }

    /** The exposed name; counters end in {@code _total}. */
    public String metricName() {
        return metricName;
    }

    public boolean counter() {
        return counter;
    }

    /** The one label the series takes, or {@code null} for a single series. */
    public String labelName() {
        return labelName;
    }

    /** What the supplied value is divided by before it is exposed (1000 turns milliseconds into seconds). */
    public long divisor() {
        return divisor;
    }

    public String help() {
        return help;
    }
}
