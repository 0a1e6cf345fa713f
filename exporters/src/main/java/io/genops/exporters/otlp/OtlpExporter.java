package io.genops.exporters.otlp;

import io.genops.core.Checks;
import io.genops.core.event.EventKind;
import io.genops.core.event.EventView;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.export.PipelineReadings;
import io.genops.exporters.otlp.internal.BatchPart;
import io.genops.exporters.internal.http.FailureLog;
import io.genops.exporters.otlp.internal.Checked;
import io.genops.exporters.otlp.internal.EventMapping;
import io.genops.exporters.otlp.internal.EventMetrics;
import io.genops.exporters.otlp.internal.PipelineFigures;
import io.genops.exporters.otlp.internal.Refusals;
import io.genops.exporters.otlp.internal.Telemetry;
import io.genops.exporters.otlp.internal.Transport;
import io.genops.exporters.otlp.internal.TransportSettings;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Exports journaled events to an OpenTelemetry collector over OTLP, through the official exporters
 * ({@code OtlpHttpSpanExporter}, {@code OtlpGrpcLogRecordExporter}, ...): interactions and closed sessions
 * as spans, signals and alerts as log records, and metrics of every event. An export runner drives it from the journal;
 * there is no SDK tracer, span processor or metric reader in between: the runner is the batching, and
 * the journal is the buffer.
 *
 * <pre>{@code
 * OtlpExporter otlp = OtlpExporter.builder()
 *     .endpoint(URI.create("https://collector.example.com:4318"))
 *     .header("Authorization", "Bearer " + token)      // sent, never logged or printed
 *     .serviceName("support-chat")
 *     .build();
 * new ExportRunner(otlp, journalDir, 512, batchAgeNanos, 0, backoffNanos, maxBackoffNanos).start();
 * }</pre>
 *
 * <h2>Interactions: spans</h2>
 * Each sampled interaction becomes one span named {@code invoke_agent {agent id}}, kind {@code INTERNAL},
 * from {@code epochMillis − latency} to {@code epochMillis}, status {@code ERROR} with the error type as
 * description (and attribute {@code error.type}) when the interaction failed, {@code UNSET} otherwise.
 * <table>
 *   <caption>Span attributes (absent when the event has no value for them)</caption>
 *   <tr><th>attribute</th><th>from</th></tr>
 *   <tr><td>{@code gen_ai.operation.name}</td><td>{@code invoke_agent}</td></tr>
 *   <tr><td>{@code gen_ai.provider.name}, {@code gen_ai.request.model}</td><td>provider, model</td></tr>
 *   <tr><td>{@code gen_ai.agent.id}, {@code gen_ai.agent.name}</td><td>agent id (both)</td></tr>
 *   <tr><td>{@code gen_ai.conversation.id}</td><td>conversation id</td></tr>
 *   <tr><td>{@code gen_ai.usage.input_tokens}, {@code .output_tokens}, {@code .cache_read.input_tokens},
 *       {@code .cache_creation.input_tokens}, {@code .reasoning.output_tokens}</td>
 *       <td>token counts, always present (input includes cached, output includes reasoning)</td></tr>
 *   <tr><td>{@code genops.agent_group}</td><td>the agent group whose settings governed the event
 *       ({@code default} when it matched none)</td></tr>
 *   <tr><td>{@code genops.team}, {@code .project}, {@code .environment}, {@code .customer_id},
 *       {@code .cost_center}, {@code .feature}, {@code .session_id}</td><td>attribution, session</td></tr>
 *   <tr><td>{@code genops.cost.total}</td><td>total cost in USD as a double, for display</td></tr>
 *   <tr><td>{@code genops.cost.total_nanos}</td><td>the same, exact: a long of USD nanos (1e-9 USD); sum
 *       this one</td></tr>
 *   <tr><td>{@code genops.cost.currency}, {@code genops.cost.model}</td><td>{@code USD}; the model priced</td></tr>
 *   <tr><td>{@code genops.cost.overridden}, {@code genops.cost.unpriced}</td><td>{@code true} when the
 *       caller's cost replaced the computed one / when the model had no price</td></tr>
 *   <tr><td>{@code genops.tokens.input}, {@code .output}, {@code .total}</td><td>input, output, their sum</td></tr>
 *   <tr><td>{@code genops.policy.result}, {@code genops.policy.reason}</td><td>{@code ALLOWED}, {@code WARNING},
 *       {@code BLOCKED} or {@code RATE_LIMITED}; the reason unless {@code NONE}</td></tr>
 *   <tr><td>{@code genops.budget.name}</td><td>of the budgets the event was charged to, the one closest to
 *       its limit (the highest share spent), as {@code scope:key:window}, such as {@code team:support:daily};
 *       this and the four below are absent for an event charged to no budget</td></tr>
 *   <tr><td>{@code genops.budget.allocated}, {@code .consumed}, {@code .remaining}</td><td>that budget's
 *       limit, its window's spend once this event was charged, and the difference (negative once the spend
 *       passed the limit), in USD as doubles</td></tr>
 *   <tr><td>{@code genops.budget.utilization_percent}</td><td>consumed as a percentage of allocated, the double
 *       nearest to the exact quotient of the two amounts in nanodollars; above 100 past the limit</td></tr>
 *   <tr><td>{@code genops.complexity}</td><td>{@code simple}, {@code moderate}, {@code complex} or
 *       {@code enterprise}, the platform price factor</td></tr>
 *   <tr><td>{@code genops.event.sequence}</td><td>the event's sequence in its pipeline</td></tr>
 *   <tr><td>{@code genops.event.stage_failed}</td><td>{@code true} when a pipeline stage failed on it</td></tr>
 * </table>
 * The budget figures are those the journal record holds, as the budget stage saw them when it charged
 * the event; a collector sees a window's spend grow span by span, never a later state. The user id and
 * message content are never exported.
 *
 * <h2>Sessions: one trace each, under a session span</h2>
 * All spans and log records of a session share one trace id, 128 bits of SHA-256 of the session id, so a
 * trace view shows the session as a whole and any tool can compute its trace id. When the session closes,
 * its journal record (kind {@code SESSION}) becomes the trace's root span, named {@code session {name}}
 * (the session's name, or its id when it has none): no semantic convention names sessions, and
 * {@code session} followed by the name a user gave it reads as such in any trace view, beside the
 * children's {@code invoke_agent {agent}}. Kind {@code INTERNAL}; it starts when the session opened
 * (close time minus its duration) and ends when it closed; status {@code UNSET}.
 * <table>
 *   <caption>Session span attributes</caption>
 *   <tr><th>attribute</th><th>from</th></tr>
 *   <tr><td>{@code genops.session_id}, {@code genops.session.name}</td><td>the session's id and name</td></tr>
 *   <tr><td>{@code genops.team}, ..., {@code genops.agent_group}, {@code genops.event.sequence}</td>
 *       <td>the session's attribution and agent group, and its record's sequence, as on any span</td></tr>
 *   <tr><td>{@code genops.session.operations}</td><td>interactions, signals and alert rules counted</td></tr>
 *   <tr><td>{@code genops.session.cost.total}, {@code .total_nanos}, {@code genops.cost.currency}</td>
 *       <td>the session's total cost as a double and exact in USD nanos; {@code USD}. Not
 *       {@code genops.cost.total_nanos}: a sum of that attribute over all spans counts each cost once</td></tr>
 *   <tr><td>{@code genops.session.totals_partial}</td><td>{@code true} when the session's close timed out
 *       before every operation was counted, so the totals fall short</td></tr>
 * </table>
 * The session span's id is 64 bits of the same digest as the trace id, so it depends on the session id
 * alone: every interaction span of the session names it as its parent, and every log record of the
 * session carries it as its span id, from the first batch on, before the session's record (written when
 * it closes, after its events) has arrived, and a batch sent again carries the same ids. Interaction span
 * ids come from the session id, sequence and time. A session that never closes (the process stopped first,
 * or its record could not be journaled; see {@code PipelineMetrics.sessionsUnrecorded}) has no session
 * span: its children point to a parent that never arrives, which trace backends show as a trace with a
 * missing root. Events outside a session are roots of a trace of their own.
 *
 * <h2>Signals and alerts: log records</h2>
 * A signal becomes a log record with event name {@code genops.signal}, severity INFO, body
 * {@code "<name> = <value>"} and attributes {@code genops.signal.name}, {@code .value}, {@code .threshold}
 * (when set) and {@code .frequency}; an alert becomes {@code genops.alert}, severity WARN, body the rule's
 * name, with {@code genops.alert.name}, {@code genops.alert.channel_count} and {@code genops.alert.fired}:
 * true for a rule's firing, which also carries {@code genops.alert.value} and {@code .threshold}, false for
 * the rule's creation. Both kinds carry the attribution,
 * cost, policy and budget attributes above, {@code gen_ai.agent.id} and {@code gen_ai.conversation.id} when
 * present, and the trace id of their session. Log records rather than span events, because a span event
 * needs a span to belong to: a signal or an alert is its own journal record, arrives in its own batch,
 * may be sampled when no interaction around it is, and spans cannot be amended once sent. Log records
 * stand alone, carry a severity, are searched in log backends, and still join their session's trace by
 * trace id. The journal record of an alert holds no severity, so every alert is WARN.
 *
 * <h2>Metrics: every event, sampled or not</h2>
 * {@link #sampledOnly()} is {@code false}: the runner hands over every event; spans and log records are
 * made for the sampled ones only, and the metrics count all of them. All metrics are cumulative, start
 * when the exporter is built, and carry the dimensions {@code genops.event.kind}, {@code genops.agent_group},
 * {@code genops.team}, {@code .project}, {@code .environment}, {@code gen_ai.provider.name},
 * {@code gen_ai.request.model}, {@code error.type}, {@code genops.policy.result} and {@code .reason}
 * (customer, session and agent ids are left out: they grow without bound). At most {@code maxMetricSeries}
 * combinations are kept; events beyond go to one series marked {@code otel.metric.overflow=true}, so totals
 * stay exact.
 * <ul>
 *   <li>{@code genops.events} (sum, {@code {event}}): events; by policy result, the budget and policy
 *       outcomes;</li>
 *   <li>{@code genops.cost.nanos} (sum, {@code {nUSD}}): exact cost; {@code genops.cost} (sum,
 *       {@code {USD}}): the same in USD as a double, computed from the exact total at each export;</li>
 *   <li>{@code genops.tokens} (sum, {@code {token}}) by {@code genops.token.type}: {@code input},
 *       {@code output}, {@code cache_read}, {@code cache_creation}, {@code reasoning};</li>
 *   <li>{@code gen_ai.client.token.usage} (histogram, {@code {token}}) by {@code gen_ai.token.type}
 *       {@code input}/{@code output}, and {@code gen_ai.client.operation.duration} (histogram, {@code s}),
 *       both for interactions (the duration for those that report a latency), with the buckets the GenAI
 *       conventions advise;</li>
 *   <li>the running pipeline's own figures once it {@linkplain #attach attaches} them: drops, refusals by
 *       reason, budget utilization, and every exporter's lag and restarts ({@link PipelineFigures});</li>
 *   <li>gauges registered with {@link #gauge}, for figures the application keeps itself.</li>
 * </ul>
 * Metrics are exported with the first send, then with the first send at least {@code metricInterval}
 * after the previous metric export, and at {@link #close(Duration) close}, when time is left for it. While
 * the journal has nothing new (a pipeline that is idle, or that refuses every call, journals nothing), the
 * runner's {@link #idle} calls export them every {@code metricInterval} too, without waiting for the answer,
 * so refusals, drops, budget utilization and lag keep moving on the collector. A failed metric export never
 * holds a batch back: the next one carries the same totals.
 *
 * <h2>Sending, retrying, results</h2>
 * Spans and log records go in requests of at most {@code requestSize} items, each started as soon as its
 * items are added and one of {@code maxConcurrentRequests} places is free; {@link #send()} starts the
 * rest as places free up (and the metrics when due), and waits for the answers up to {@code timeout}:
 * all accepted answers {@link ExportResult#SUCCESS}; anything else
 * (refused connection, timeout, an error status) answers {@link ExportResult#RETRY} and keeps the batch.
 * The next send repeats only the requests not yet accepted, and does not repeat one still waiting for
 * its answer, so a batch reaches the collector once unless an answer is lost. The official exporters'
 * own retries are off; the runner retries with its backoff. {@link ExportResult#FAILED} is answered only
 * when every request has been answered and the ones not accepted were refused for good, an HTTP 400 or a
 * gRPC {@code INVALID_ARGUMENT} ({@code Refusals}): sending those again would get the same answer, and the
 * runner counts their events as failed ({@link #undelivered()}). Any other failure, 401, 403 and 404
 * included, is retried until it passes or the runner's {@code maxAttempts} gives the batch up.
 *
 * <h2>Logs and secrets</h2>
 * Failed sends, failed metric exports, unreadable gauges and events that could not be converted are each
 * warned about on the SLF4J logger {@value #LOGGER_NAME} at most once a minute, with the count since the
 * previous warning.
 * Header values never appear in logs, messages or {@link #toString()}. The official exporters log their
 * own failures through {@code java.util.logging} (logger {@code io.opentelemetry.exporter}), throttled;
 * route it with {@code jul-to-slf4j} or silence it as you see fit. {@link #stats()} counts everything.
 *
 * <p>Only the runner's thread calls {@code add}, {@code send}, {@code discard} and {@code close};
 * {@link #stats()}, {@link #gauge} and {@link #toString()} may be called from any thread.
 */
public final class OtlpExporter implements Exporter {
    public static final String DEFAULT_NAME = "otlp";
    /** The SLF4J logger of every OTLP exporter's warnings. */
    public static final String LOGGER_NAME = "io.genops.exporters.otlp";
    public static final String DEFAULT_SERVICE_NAME = "genops";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_METRIC_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_METRIC_SERIES = 2000;
    public static final int DEFAULT_REQUEST_SIZE = 512;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;
    static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);
    static final Duration LONGEST_METRIC_INTERVAL = Duration.ofHours(1);
    static final int MOST_METRIC_SERIES = 100_000;
    static final int LARGEST_REQUEST = 100_000;
    static final int MOST_CONCURRENT_REQUESTS = 64;

    private final String name;
    private final String description;
    private final String target;
    private final long timeoutNanos;
    private final long metricIntervalNanos;
    private final Transport transport;
    private final EventMapping mapping;
    private final EventMetrics metrics;
    private final BatchPart<SpanData> spans;
    private final BatchPart<LogRecordData> logs;
    private final FailureLog sendFailures = failureLog("sends of this exporter",
        "The export runner keeps the batch and offers it again");
    private final FailureLog metricFailures = failureLog("metric exports of this exporter",
        "The next export carries the same cumulative totals");
    private final FailureLog mappingFailures = failureLog("conversions of this exporter",
        "Those events are counted in the metrics but not exported");
    private final FailureLog closeFailures = failureLog("final metric exports of this exporter",
        "The collector keeps the totals of the last metric export it accepted");
    private final FailureLog figureFailures = failureLog("reads of the pipeline's figures",
        "The event metrics went out; the figures were left out, in whole or in part");

    private final AtomicLong spansExported = new AtomicLong();
    private final AtomicLong logsExported = new AtomicLong();
    private final AtomicLong sends = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private final AtomicLong discardedBatches = new AtomicLong();
    private final AtomicLong metricExports = new AtomicLong();
    private final AtomicLong failedMetricExports = new AtomicLong();
    private final AtomicLong unmappedEvents = new AtomicLong();
    /** Events of the current batch that could not be mapped; runner thread only. */
    private int unmappedInBatch;
    /** Whether the last send delivered the batch, so the next add starts a new one; runner thread only. */
    private boolean batchSettled;

    private final Telemetry telemetry;
    private final long startEpochNanos;
    private volatile PipelineFigures figures;

    // Runner thread only.
    private CompletableResultCode metricsPending;
    private long lastMetricAttemptNanos;
    private boolean metricsAttempted;
    private boolean lastMetricExportFailed;
    private boolean closed;

    private OtlpExporter(final Builder b, final Transport transport, final Telemetry telemetry) {
        this.name = b.name;
        this.description = b.describe();
        this.target = Checked.shown(b.target()) + " over " + b.protocol;
        this.timeoutNanos = b.timeout.toNanos();
        this.metricIntervalNanos = b.metricInterval.toNanos();
        this.transport = transport;
        this.telemetry = telemetry;
        this.startEpochNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        this.mapping = new EventMapping(telemetry);
        this.metrics = new EventMetrics(telemetry, b.maxMetricSeries, startEpochNanos,
            failureLog("gauge reads", "A gauge that cannot be read is left out of that export"));
        this.spans = new BatchPart<>(transport::exportSpans, b.requestSize, b.maxConcurrentRequests, Refusals::forGood);
        this.logs = new BatchPart<>(transport::exportLogs, b.requestSize, b.maxConcurrentRequests, Refusals::forGood);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code false}: every event is counted in the metrics; spans and logs are made for sampled ones only. */
    @Override
    public boolean sampledOnly() {
        return false;
    }

    @Override
    public void add(final EventView event) {
        if (batchSettled) {
            batchSettled = false;
            unmappedInBatch = 0;
        }
        metrics.record(event);
        if (!event.sampled()) {
            return;
        }
        try {
            if (event.kind() == EventKind.INTERACTION) {
                spans.add(mapping.span(event));
            } else if (event.kind() == EventKind.SESSION) {
                spans.add(mapping.sessionSpan(event));
            } else {
                logs.add(mapping.log(event));
            }
        } catch (final RuntimeException e) {
            unmappedEvents.incrementAndGet();
            unmappedInBatch++;
            mappingFailures.failed("OTLP exporter '" + name + "' could not turn event " + event.sequence()
                + " into a span or log record (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public ExportResult send() {
        sends.incrementAndGet();
        final long now = System.nanoTime();
        final long deadline = now + timeoutNanos;
        spans.start();
        logs.start();
        if (metricsDue(now)) {
            startMetrics(now);
        }
        spansExported.addAndGet(spans.await(deadline));
        logsExported.addAndGet(logs.await(deadline));
        awaitMetrics(deadline);
        if (spans.complete() && logs.complete()) {
            spans.clear();
            logs.clear();
            batchSettled = true;
            return ExportResult.SUCCESS;
        }
        failedSends.incrementAndGet();
        if (spans.settled() && logs.settled()) {
            final String refusal = spans.refusal() != null ? spans.refusal() : logs.refusal();
            sendFailures.failed("OTLP exporter '" + name + "' had " + spans.refused() + " spans and " + logs.refused()
                + " log records refused for good by " + target + " (" + refusal + "); the rest were accepted");
            return ExportResult.FAILED;
        }
        sendFailures.failed("OTLP exporter '" + name + "' could not deliver " + spans.undelivered() + " spans and "
            + logs.undelivered() + " log records to " + target + " (" + failure() + ")");
        return ExportResult.RETRY;
    }

    /**
     * Exports the metrics when an interval has passed since the last attempt, and collects the answer to
     * an earlier one if it has come, without waiting for either.
     */
    @Override
    public void idle() {
        final long now = System.nanoTime();
        awaitMetrics(now);
        if (metricsPending == null && hasMetrics() && intervalPassed(now)) {
            startMetrics(now);
        }
    }

    /**
     * The batch's spans and log records not accepted (none after a success), and its events that could not
     * be turned into either.
     */
    @Override
    public int undelivered() {
        return spans.undelivered() + logs.undelivered() + unmappedInBatch;
    }

    @Override
    public void discard() {
        spans.clear();
        logs.clear();
        unmappedInBatch = 0;
        discardedBatches.incrementAndGet();
    }

    /** {@link #close(Duration)} within the exporter's timeout. */
    @Override
    public void close() {
        close(Duration.ofNanos(timeoutNanos));
    }

    /**
     * Exports the metrics a last time and shuts the official exporters down, all within {@code within} or the
     * exporter's timeout, whichever is shorter; idempotent. A metric export still unanswered then, or one there
     * was no time left to start, is abandoned: counted in {@link OtlpExporterStats#failedMetricExports()} and
     * warned about, not waited for. The collector then keeps the totals of the last export it accepted.
     */
    @Override
    public void close(final Duration within) {
        Objects.requireNonNull(within, "within");
        if (closed) {
            return;
        }
        closed = true;
        final long deadline = System.nanoTime() + Math.max(0, Math.min(timeoutNanos, saturatedNanos(within)));
        awaitMetrics(deadline);
        if (metricsPending == null && hasMetrics()) {
            if (deadline - System.nanoTime() > 0) {
                startMetrics(System.nanoTime());
                awaitMetrics(deadline);
            } else {
                abandonMetrics("no time left at close to start it");
            }
        }
        if (metricsPending != null) {
            abandonMetrics("no answer by the close deadline");
        }
        transport.shutdown(Math.max(0, deadline - System.nanoTime()));
    }

    /** Counts and warns about the final metric export, given up at close for {@code reason}. */
    private void abandonMetrics(final String reason) {
        metricsPending = null;
        failedMetricExports.incrementAndGet();
        closeFailures.failed("OTLP exporter '" + name + "' gave up its final metric export to " + target + " ("
            + reason + ")");
    }

    /** {@code duration} in nanoseconds, {@link Long#MAX_VALUE} for one too long to count them. */
    private static long saturatedNanos(final Duration duration) {
        try {
            return duration.toNanos();
        } catch (final ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Registers a gauge exported with the metrics from now on, read on the exporter's thread at each
     * metric export: any figure the application keeps itself (the pipeline's own come through
     * {@link #attach}). Thread-safe.
     *
     * @param name        the metric's name, such as {@code app.queue.depth}; OpenTelemetry's
     *                    instrument-name rule applies, and the name must be new
     * @param description what it measures; may be empty
     * @param unit        its unit, such as {@code {record}} or {@code ms}; may be empty
     * @param supplier    reads the value; one that throws is skipped for that export and warned about
     */
    public void gauge(final String name, final String description, final String unit, final LongSupplier supplier) {
        metrics.gauge(name, description, unit, supplier);
    }

    /**
     * Exports the pipeline's own figures with the metrics from now on: drops, refusals by reason, budget
     * utilization and every exporter's lag (see {@link PipelineFigures}). A pipeline calls this once as it
     * starts.
     */
    @Override
    public void attach(final PipelineReadings pipeline) {
        figures = new PipelineFigures(telemetry, Objects.requireNonNull(pipeline, "pipeline"), startEpochNanos);
    }

    /** What the exporter has done since it was built. */
    public OtlpExporterStats stats() {
        return new OtlpExporterStats(metrics.recorded(), spansExported.get(), logsExported.get(), sends.get(),
            failedSends.get(), discardedBatches.get(), metricExports.get(), failedMetricExports.get(),
            metrics.overflowed(), unmappedEvents.get());
    }

    /** The settings, with header values masked. */
    @Override
    public String toString() {
        return "OtlpExporter{name=" + name + ", " + description + "}";
    }

    /** Whether a send should start a metric export: an interval has passed, or the last one failed. */
    private boolean metricsDue(final long now) {
        return metricsPending == null && hasMetrics() && (lastMetricExportFailed || intervalPassed(now));
    }

    /** Whether no metric export was tried yet, or the interval has passed since the last try. */
    private boolean intervalPassed(final long now) {
        return !metricsAttempted || now - lastMetricAttemptNanos >= metricIntervalNanos;
    }

    /** Adds the pipeline's figures, if attached; one that cannot be read leaves them out of this export only. */
    private void collectFigures(final List<MetricData> collected, final long epochNanos) {
        final PipelineFigures pipeline = figures;
        if (pipeline == null) {
            return;
        }
        final int before = collected.size();
        try {
            pipeline.collect(collected, epochNanos);
            if (pipeline.budgetsLeftOut() > 0) {
                figureFailures.failed("OTLP exporter '" + name + "' left " + pipeline.budgetsLeftOut() + " budgets "
                    + "out of genops.budget.utilization, past the first " + PipelineFigures.MAX_BUDGETS);
            }
        } catch (final RuntimeException e) {
            collected.subList(before, collected.size()).clear();
            figureFailures.failed("OTLP exporter '" + name + "' could not read the pipeline's own figures ("
                + e.getClass().getSimpleName() + ")");
        }
    }

    private boolean hasMetrics() {
        return !metrics.isEmpty() || figures != null;
    }

    private void startMetrics(final long now) {
        metricsAttempted = true;
        lastMetricAttemptNanos = now;
        try {
            final long epochNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
            final List<MetricData> collected = new ArrayList<>(metrics.collect(epochNanos));
            collectFigures(collected, epochNanos);
            metricsPending = transport.exportMetrics(collected);
        } catch (final RuntimeException e) {
            metricsPending = CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    /** Waits for a pending metric export until {@code deadline}; one still unanswered is checked next time. */
    private void awaitMetrics(final long deadline) {
        if (metricsPending == null) {
            return;
        }
        metricsPending.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!metricsPending.isDone()) {
            return;
        }
        lastMetricExportFailed = !metricsPending.isSuccess();
        if (lastMetricExportFailed) {
            failedMetricExports.incrementAndGet();
            final Throwable failure = metricsPending.getFailureThrowable();
            metricFailures.failed("OTLP exporter '" + name + "' could not export metrics to " + target + " ("
                + (failure == null ? "the export failed" : failure.getClass().getSimpleName()) + ")");
        } else {
            metricExports.incrementAndGet();
        }
        metricsPending = null;
    }

    private static FailureLog failureLog(final String what, final String consequence) {
        return new FailureLog(LOGGER_NAME, what, consequence, FailureLog.DEFAULT_INTERVAL_NANOS, System::nanoTime);
    }

    private String failure() {
        final String reason = spans.complete() ? logs.lastFailure() : spans.lastFailure();
        return reason == null ? "no answer" : reason;
    }

    /**
     * Settings of an {@link OtlpExporter}; each setter checks its value and names it when refusing, and
     * {@link #build()} checks what depends on several.
     */
    public static final class Builder {
        private String name = DEFAULT_NAME;
        private OtlpProtocol protocol = OtlpProtocol.HTTP_PROTOBUF;
        private URI endpoint;
        private boolean gzip = true;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private Duration timeout = DEFAULT_TIMEOUT;
        private String serviceName = DEFAULT_SERVICE_NAME;
        private final Map<String, String> resourceAttributes = new LinkedHashMap<>();
        private Path trustedCertificates;
        private Path clientKey;
        private Path clientCertificate;
        private Duration metricInterval = DEFAULT_METRIC_INTERVAL;
        private int maxMetricSeries = DEFAULT_MAX_METRIC_SERIES;
        private int requestSize = DEFAULT_REQUEST_SIZE;
        private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;

        private Builder() {
        }

        /**
         * The exporter's name, default {@value OtlpExporter#DEFAULT_NAME}; it also names the runner's
         * position file, so keep it across restarts and give two OTLP exporters of one journal two names.
         */
        public Builder name(final String name) {
            this.name = Checks.exporterName(name);
            return this;
        }

        /** HTTP/protobuf (default) or gRPC. */
        public Builder protocol(final OtlpProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * The collector: for HTTP/protobuf the base URI, to which {@code /v1/traces}, {@code /v1/logs} and
         * {@code /v1/metrics} are appended (default {@code http://localhost:4318}); for gRPC scheme, host
         * and port only (default {@code http://localhost:4317}). Use {@code https} for TLS.
         */
        public Builder endpoint(final URI endpoint) {
            this.endpoint = Checked.endpoint(endpoint);
            return this;
        }

        /**
         * Whether requests are gzip-compressed; default {@code true}. Compression shrinks a span's bytes
         * several times and roughly triples the CPU it costs to send; for a collector on the same host
         * or network, turn it off.
         */
        public Builder gzip(final boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /**
         * Adds a header (gRPC metadata) to every request, such as {@code Authorization}; a second call with
         * the same name, in any case, replaces the value. The value is sent and never shown.
         */
        public Builder header(final String name, final String value) {
            Checked.header(name, value);
            headers.remove(name);
            headers.put(name, value);
            return this;
        }

        /** How long connecting, and each send as a whole, may take; positive, at most 10 minutes; default 10 s. */
        public Builder timeout(final Duration timeout) {
            this.timeout = Checked.positive(timeout, LONGEST_TIMEOUT, "timeout");
            return this;
        }

        /** The resource attribute {@code service.name}; default {@value OtlpExporter#DEFAULT_SERVICE_NAME}. */
        public Builder serviceName(final String serviceName) {
            this.serviceName = Checks.nonBlank(serviceName, "serviceName");
            return this;
        }

        /**
         * Adds a resource attribute, such as {@code deployment.environment.name}; a second call with the
         * same key replaces the value. {@code service.name} is set with {@link #serviceName}.
         */
        public Builder resourceAttribute(final String key, final String value) {
            Checks.nonBlank(key, "resource attribute key");
            Objects.requireNonNull(value, "resource attribute '" + key + "' value");
            if (key.equals("service.name")) {
                throw new IllegalArgumentException("resource attribute 'service.name' is set with serviceName(...)");
            }
            resourceAttributes.put(key, value);
            return this;
        }

        /** A PEM file of the certificates to trust for an {@code https} endpoint; read by {@link #build()}. */
        public Builder trustedCertificates(final Path pemFile) {
            this.trustedCertificates = Objects.requireNonNull(pemFile, "trustedCertificates");
            return this;
        }

        /** PEM files of the client's private key and certificate, for mutual TLS; read by {@link #build()}. */
        public Builder clientTls(final Path privateKeyPem, final Path certificatePem) {
            this.clientKey = Objects.requireNonNull(privateKeyPem, "clientTls private key");
            this.clientCertificate = Objects.requireNonNull(certificatePem, "clientTls certificate");
            return this;
        }

        /** The least time between two metric exports; positive, at most an hour; default 10 s. */
        public Builder metricInterval(final Duration interval) {
            this.metricInterval = Checked.positive(interval, LONGEST_METRIC_INTERVAL, "metricInterval");
            return this;
        }

        /** The most metric series kept before events go to the overflow series; 1 to 100,000; default 2000. */
        public Builder maxMetricSeries(final int series) {
            Checks.positive(series, "maxMetricSeries");
            if (series > MOST_METRIC_SERIES) {
                throw new IllegalArgumentException("maxMetricSeries must be at most " + MOST_METRIC_SERIES + ": "
                    + series);
            }
            this.maxMetricSeries = series;
            return this;
        }

        /**
         * The most spans, or log records, one request carries; 1 to 100,000; default 512. A batch with more
         * is sent in several requests, each started as soon as its items are added, so the collector
         * receives the start of a large batch while the runner is still reading the rest of it from the
         * journal.
         */
        public Builder requestSize(final int items) {
            Checks.positive(items, "requestSize");
            if (items > LARGEST_REQUEST) {
                throw new IllegalArgumentException("requestSize must be at most " + LARGEST_REQUEST + ": " + items);
            }
            this.requestSize = items;
            return this;
        }

        /**
         * The most requests of one signal under way at once; 1 to 64; default 4. Further requests of a
         * batch wait for an answer to free a place. Over HTTP/protobuf each request under way holds a
         * sender thread of the exporter's own pool, sized for this; over gRPC, OkHttp sends at most five
         * to one host at a time and queues the rest.
         */
        public Builder maxConcurrentRequests(final int requests) {
            Checks.positive(requests, "maxConcurrentRequests");
            if (requests > MOST_CONCURRENT_REQUESTS) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at most " + MOST_CONCURRENT_REQUESTS
                    + ": " + requests);
            }
            this.maxConcurrentRequests = requests;
            return this;
        }

        /**
         * Reads the TLS files and builds the exporter; its connections open on the first send.
         *
         * @throws IllegalArgumentException when a gRPC endpoint has a path or a TLS file cannot be read
         */
        public OtlpExporter build() {
            final URI target = target();
            if (protocol == OtlpProtocol.GRPC && target.getRawPath() != null && !target.getRawPath().isEmpty()
                && !target.getRawPath().equals("/")) {
                throw new IllegalArgumentException("endpoint of a gRPC exporter must have no path: "
                    + Checked.shown(target));
            }
            final TransportSettings settings = new TransportSettings(target, protocol == OtlpProtocol.GRPC, gzip,
                Collections.unmodifiableMap(new LinkedHashMap<>(headers)), timeout,
                Checked.pem(trustedCertificates, "trustedCertificates"),
                Checked.pem(clientKey, "clientTls private key"),
                Checked.pem(clientCertificate, "clientTls certificate"), maxConcurrentRequests);
            return new OtlpExporter(this, Transport.create(settings), new Telemetry(resource(),
                Telemetry.defaultScope()));
        }

        private URI target() {
            return endpoint == null ? protocol.defaultEndpoint() : endpoint;
        }

        private Resource resource() {
            final AttributesBuilder attributes = Attributes.builder();
            resourceAttributes.forEach(attributes::put);
            attributes.put("service.name", serviceName);
            return Resource.getDefault().merge(Resource.create(attributes.build()));
        }

        /** The settings as shown by the exporter's {@code toString()}: header names only. */
        String describe() {
            return "protocol=" + protocol + ", endpoint=" + Checked.shown(target()) + ", gzip=" + gzip + ", headers="
                + headers.keySet() + " (values hidden), timeout=" + timeout + ", requestSize=" + requestSize
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", service=" + serviceName;
        }
    }
}
