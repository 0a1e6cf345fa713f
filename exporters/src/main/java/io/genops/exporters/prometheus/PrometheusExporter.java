package io.genops.exporters.prometheus;

import io.genops.core.Checks;
import io.genops.core.event.EventView;
import io.genops.core.export.BudgetReading;
import io.genops.core.export.CallTimings;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.export.PipelineReadings;
import io.genops.exporters.prometheus.internal.AgentTypes;
import io.genops.exporters.prometheus.internal.CallbackMetrics;
import io.genops.exporters.prometheus.internal.EventMetrics;
import io.genops.exporters.prometheus.internal.ProcessMemory;
import io.genops.exporters.prometheus.internal.ThrottledWarning;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Serves GenOps metrics at {@code http://host:port/metrics} for Prometheus to scrape: counts, costs,
 * tokens and latencies of every journaled event (see {@link MetricNames} for each series and its
 * labels), gauges and counters the application registers (the pipeline's own counts under the names of
 * {@link SelfMetric}, budget utilization), the process's memory by area ({@value MetricNames#PROCESS_MEMORY}:
 * heap, nonheap, resident), and the JVM and process series of the Prometheus client.
 *
 * <h2>Counting, and what a restart does</h2>
 * An export runner feeds the exporter from the journal: {@link #add} counts each event at once, and
 * {@link #send} always answers {@link ExportResult#SUCCESS}, since metrics are scraped and there is
 * nothing to send. The runner therefore never offers a batch twice, and moves its saved position past
 * each batch right after the send: within one process every event is counted exactly once.
 * <p>
 * Counters live in memory. A new process starts them at zero, and Prometheus expects exactly that: its
 * {@code rate()} and {@code increase()} take a drop in a counter as a reset and count from zero again, so
 * nothing is lost or counted twice across an orderly restart. The runner resumes after its saved
 * position, so the new process counts only the events the old one had not settled, among them those
 * journaled while no runner ran: they arrive in a burst, and a rate over a short range shows a spike.
 * After a crash, or a stop whose deadline passed while a batch was still being read, that batch (at most
 * the runner's batch size) is offered again; if the old process had been scraped after adding it, those
 * events appear in both processes' counts. The first start of an exporter with a new
 * {@link Builder#name name} on an existing journal counts the whole journal.
 *
 * <h2>Label cardinality</h2>
 * Every label value that comes from callers is capped: the first {@code maxTeams}, {@code maxProjects},
 * {@code maxAgentTypes} and {@code maxModels} distinct values (100 each by default) get their own
 * series, later ones are reported as {@code other}, and each fold is counted in
 * {@value MetricNames#LABEL_OVERFLOW}. Values are never evicted (a series that vanished and came back
 * would split its history). Values longer than 128 characters are folded too; missing ones read
 * {@code none}. The cost counters also cap their team × project × agent-type combinations
 * ({@code maxCostSeries}, 1000 by default). Per-user and per-conversation values are never labels.
 *
 * <h2>Agent type</h2>
 * Agent ids become the {@code agent_type} label through a function, by default: an id ending in a dash
 * and digits is an instance of the type before the dash ({@code support-bot-3} → {@code support-bot});
 * any other id is its own type. {@link Builder#agentType} replaces the rule; the function is called once
 * per event and must be fast. The {@code maxAgentTypes} cap applies to what it returns, so with
 * {@code Function.identity()} it caps agent ids directly.
 *
 * <h2>What the journal cannot tell</h2>
 * A record holds its event's budget only as it stood when the event was charged, so the budget series
 * ({@value MetricNames#BUDGET_UTILIZATION} and its kin) show every budget's current state from a source
 * read at scrape time: the pipeline's, once {@linkplain #attach attached}, or the application's through
 * {@link #budgets}. The caller-side cost of the calls (which the Python adapter's users chart) is in no
 * record either. Once attached, the pipeline times it through {@link CallTimings}: about one
 * {@code trackInteraction} and one {@code trackSignal} call in {@value CallTimings#SAMPLE_EVERY}, refusals
 * included, and every alert rule it creates, into {@value MetricNames#TRACKING_DURATION},
 * {@value MetricNames#SIGNAL_OVERHEAD} and {@value MetricNames#ALERT_CREATION}. Only a sample, because two
 * clock reads cost about 40 ns ({@code System.nanoTime()} measured at 20 ns a read on the 2-core reference
 * machine), a seventh of the 300 ns a whole call may take; the {@code bench} module measures every call. An
 * application that times calls of its own, or runs this exporter without a pipeline, hands the durations
 * to {@link #recordSignalOverhead} and {@link #recordAlertCreation}; they go into the same histograms.
 *
 * <h2>Threads and security</h2>
 * Only the export runner's thread calls {@link #add}; registration, the record methods and scrapes are
 * thread-safe. Scrapes are served by at most two daemon threads. The endpoint has no authentication and
 * listens on loopback by default; in a container listen on {@code 0.0.0.0} and keep the port inside
 * the cluster. Nothing secret is exposed: no API key, no message content, no user or conversation id.
 */
public final class PrometheusExporter implements Exporter {
    public static final String DEFAULT_NAME = "prometheus";
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The port commonly used by Prometheus exporters embedded in applications. */
    public static final int DEFAULT_PORT = 9464;
    public static final int DEFAULT_MAX_LABEL_VALUES = 100;
    public static final int DEFAULT_MAX_COST_SERIES = 1000;
    public static final int DEFAULT_MAX_TRACKED_AGENTS = 10_000;
    public static final Duration DEFAULT_CONCURRENT_AGENTS_WINDOW = Duration.ofMinutes(1);
    /** Caller-side overhead buckets, seconds: 100 ns to 10 ms. */
    static final double[] OVERHEAD_BUCKETS = {1e-7, 2.5e-7, 5e-7, 1e-6, 2.5e-6, 5e-6, 1e-5, 1e-4, 1e-3, 1e-2};
    private static final double NANOS_PER_SECOND = 1e9;
    /** How long one reading of the exporters serves the series of a scrape. */
    private static final long SCRAPE_READING_NANOS = 100_000_000L;

    private final String name;
    private final String host;
    private final PrometheusRegistry registry;
    private final EventMetrics events;
    private final CallbackMetrics callbacks;
    private final Histogram tracking;
    private final Histogram signalOverhead;
    private final Histogram alertCreation;
    private final CounterDataPoint eventErrors;
    private final ThrottledWarning warning = new ThrottledWarning();
    private final Set<String> builtInNames;
    private final HTTPServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PrometheusExporter(final Builder b, final PrometheusRegistry registry, final Instruments instruments,
        final Set<String> builtInNames, final HTTPServer server) {
        this.name = b.name;
        this.host = b.host;
        this.registry = registry;
        this.events = instruments.events;
        this.callbacks = instruments.callbacks;
        this.tracking = instruments.tracking;
        this.signalOverhead = instruments.signalOverhead;
        this.alertCreation = instruments.alertCreation;
        this.eventErrors = instruments.eventErrors;
        this.builtInNames = builtInNames;
        this.server = server;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /** False: metrics count every event, sampled for export or not. */
    @Override
    public boolean sampledOnly() {
        return false;
    }

    /** Counts the event; an event that cannot be counted is itself counted and warned about, never thrown. */
    @Override
    public void add(final EventView event) {
        try {
            events.record(event);
        } catch (final RuntimeException e) {
            eventErrors.inc();
            warning.warn("Exporter '" + name + "' could not count an event of sequence " + event.sequence(), e);
        }
    }

    /** Always {@link ExportResult#SUCCESS}: {@link #add} already counted the batch, and scrapes read it. */
    @Override
    public ExportResult send() {
        return ExportResult.SUCCESS;
    }

    /**
     * Nothing to forget: {@link #send} never fails, so the runner gives a batch up only when a stop's deadline
     * passes while the batch is read. Its events stay counted, and the next start offers them again.
     */
    @Override
    public void discard() {
    }

    /**
     * Stops the endpoint; the counts stay readable through {@link #registry()}. Idempotent. The server stops
     * without waiting for scrapes under way: their connections are closed, and a scrape already being answered
     * finishes on its own daemon thread.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
    }

    /** {@link #close()}, which waits for no scrape and so keeps to any {@code within}. */
    @Override
    public void close(final Duration within) {
        Objects.requireNonNull(within, "within");
        close();
    }

    /** The port the endpoint listens on: the configured one, or the one the system chose for port 0. */
    public int port() {
        return server.getPort();
    }

    public String host() {
        return host;
    }

    /** This exporter's own registry (never the client's default one), for an application's own endpoint. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * Exposes a gauge whose value {@code value} supplies at each scrape, such as
     * {@code genops_pipeline_ring_remaining_slots}.
     *
     * @throws IllegalArgumentException when the name is not a valid Prometheus name, ends in a suffix
     *     Prometheus reserves ({@code _total}, {@code _count}, ...), is already exposed, or the help is blank
     */
    public PrometheusExporter gauge(final String name, final String help, final LongSupplier value) {
        return gauge(name, help, Map.of(), value);
    }

    /**
     * Exposes one labelled series of a gauge; further calls with the same name, help and label names add
     * series with other label values.
     */
    public PrometheusExporter gauge(final String name, final String help, final Map<String, String> labels,
        final LongSupplier value) {
        callbacks.register(name, help, false, labels, value, 1, builtInNames);
        return this;
    }

    /**
     * Exposes a counter whose value {@code value} supplies at each scrape; the name must end in
     * {@code _total}. The value must never go down while the process lives (Prometheus reads a drop as a
     * restart); a negative answer leaves the series out of that scrape.
     */
    public PrometheusExporter counter(final String name, final String help, final LongSupplier value) {
        return counter(name, help, Map.of(), value);
    }

    /** Exposes one labelled series of a counter, as {@link #gauge(String, String, Map, LongSupplier)} does. */
    public PrometheusExporter counter(final String name, final String help, final Map<String, String> labels,
        final LongSupplier value) {
        callbacks.register(name, help, true, labels, value, 1, builtInNames);
        return this;
    }

    /**
     * Exposes one of the pipeline's own counts under its standard name.
     *
     * @throws IllegalArgumentException when the metric takes a label ({@link SelfMetric#labelName()})
     */
    public PrometheusExporter selfMetric(final SelfMetric metric, final LongSupplier value) {
        if (metric.labelName() != null) {
            throw new IllegalArgumentException(metric + " takes the label '" + metric.labelName() + "'; "
                + "use selfMetric(metric, labelValue, value)");
        }
        callbacks.register(metric.metricName(), metric.help(), metric.counter(), Map.of(), value, metric.divisor(),
            builtInNames);
        return this;
    }

    /**
     * Exposes one series of a pipeline count that takes a label, such as the exporter whose lag it is.
     *
     * @throws IllegalArgumentException when the metric takes no label, or that label value is registered
     */
    public PrometheusExporter selfMetric(final SelfMetric metric, final String labelValue, final LongSupplier value) {
        if (metric.labelName() == null) {
            throw new IllegalArgumentException(metric + " takes no label; use selfMetric(metric, value)");
        }
        callbacks.register(metric.metricName(), metric.help(), metric.counter(),
            Map.of(metric.labelName(), Checks.nonBlank(labelValue, metric.labelName())), value, metric.divisor(),
            builtInNames);
        return this;
    }

    /**
     * Sets where budget states come from, read at each scrape: {@value MetricNames#BUDGET_CONSUMED_USD},
     * {@value MetricNames#BUDGET_ALLOCATED_USD} and {@value MetricNames#BUDGET_UTILIZATION} by scope and
     * window. At most 1000 readings per scrape are exposed; a reading repeating a scope and window is
     * left out. With the pipeline: {@code budgets(() -> genOps.budgetStatuses().stream().map(s -> new
     * BudgetReading(s.scope(), s.window(), s.consumed().nanos(), s.allocated().nanos())).toList())}.
     *
     * @throws IllegalStateException when a source is already set
     */
    public PrometheusExporter budgets(final Supplier<? extends Iterable<BudgetReading>> source) {
        callbacks.budgets(source);
        return this;
    }

    /**
     * Exposes the pipeline's own counts, each exporter's progress and the budgets under their standard
     * names ({@link SelfMetric}, {@value MetricNames#BUDGET_UTILIZATION} and its kin), read at each scrape,
     * and has the pipeline time a sample of its callers' calls into {@value MetricNames#TRACKING_DURATION},
     * {@value MetricNames#SIGNAL_OVERHEAD} and {@value MetricNames#ALERT_CREATION}. A pipeline calls this
     * once as it starts; a series the application registered itself under the same
     * name and labels, or a budget source it set, is left as it is.
     */
    @Override
    public void attach(final PipelineReadings pipeline) {
        for (final PipelineCount count : PipelineCount.values()) {
            final SelfMetric metric = SelfMetric.valueOf(count.name());
            if (!callbacks.has(metric.metricName(), Map.of())) {
                selfMetric(metric, () -> pipeline.count(count));
            }
        }
        final Supplier<List<ExporterReading>> exporters = recent(pipeline::exporters);
        for (final ExporterReading exporter : pipeline.exporters()) {
            final String subject = exporter.name();
            attachExporter(exporters, subject, SelfMetric.EXPORTER_EXPORTED, ExporterReading::exported);
            attachExporter(exporters, subject, SelfMetric.EXPORTER_FAILED, ExporterReading::failedEvents);
            attachExporter(exporters, subject, SelfMetric.EXPORTER_RETRIES, ExporterReading::retries);
            attachExporter(exporters, subject, SelfMetric.EXPORTER_RESTARTS, ExporterReading::restarts);
            attachExporter(exporters, subject, SelfMetric.EXPORTER_LAG_RECORDS, ExporterReading::lagRecords);
            attachExporter(exporters, subject, SelfMetric.EXPORTER_LAG_SECONDS, ExporterReading::lagMillis);
        }
        if (!callbacks.hasBudgets()) {
            budgets(pipeline::budgets);
        }
        pipeline.onCallTimings(new CallTimings() {
            @Override
            public void interactionTracked(final long nanos) {
                tracking.observe(nanos / NANOS_PER_SECOND);
            }

            @Override
            public void signalTracked(final long nanos) {
                signalOverhead.observe(nanos / NANOS_PER_SECOND);
            }

            @Override
            public void alertCreated(final long nanos) {
                alertCreation.observe(nanos / NANOS_PER_SECOND);
            }
        });
    }

    private void attachExporter(final Supplier<List<ExporterReading>> exporters, final String subject,
        final SelfMetric metric, final ToLongFunction<ExporterReading> field) {
        if (callbacks.has(metric.metricName(), Map.of(metric.labelName(), subject))) {
            return;
        }
        selfMetric(metric, subject, () -> {
            for (final ExporterReading reading : exporters.get()) {
                if (reading.name().equals(subject)) {
                    return field.applyAsLong(reading);
                }
            }
            return 0;
        });
    }

    /**
     * {@code source}'s answer, read again only when the last is older than a scrape takes, so the five
     * series of every exporter in one scrape come from one reading of all of them.
     */
    private static <T> Supplier<T> recent(final Supplier<T> source) {
        final AtomicReference<Reading<T>> last = new AtomicReference<>();
        return () -> {
            final long now = System.nanoTime();
            final Reading<T> cached = last.get();
            if (cached != null && now - cached.atNanos < SCRAPE_READING_NANOS) {
                return cached.value;
            }
            final T value = source.get();
            last.set(new Reading<>(now, value));
            return value;
        };
    }

    /** A value and when it was read. */
    private record Reading<T>(long atNanos, T value) {
    }

    /** Records how long the caller spent recording one performance signal. Thread-safe. */
    public void recordSignalOverhead(final long nanos) {
        signalOverhead.observe(Checks.nonNegative(nanos, "nanos") / NANOS_PER_SECOND);
    }

    /** Records how long the caller spent creating one alert. Thread-safe. */
    public void recordAlertCreation(final long nanos) {
        alertCreation.observe(Checks.nonNegative(nanos, "nanos") / NANOS_PER_SECOND);
    }

    @Override
    public String toString() {
        return "PrometheusExporter[" + name + " at http://" + host + ":" + port() + "/metrics]";
    }

    private static Histogram overheadHistogram(final PrometheusRegistry registry, final String name,
        final String help) {
        return Histogram.builder().name(name).help(help).withoutExemplars().classicOnly()
            .classicUpperBounds(OVERHEAD_BUCKETS).register(registry);
    }

    /** The metrics an exporter updates, registered before its endpoint serves a first scrape. */
    private record Instruments(EventMetrics events, CallbackMetrics callbacks, Histogram tracking,
        Histogram signalOverhead, Histogram alertCreation, CounterDataPoint eventErrors,
        CounterDataPoint processMemoryErrors) {

        static Instruments register(final Builder b, final PrometheusRegistry registry) {
            final Counter overflow = Counter.builder().name(MetricNames.LABEL_OVERFLOW).withoutExemplars()
                .help("Events whose label value was folded into 'other' by a cardinality cap, by label")
                .labelNames("label").register(registry);
            final Counter errors = Counter.builder().name(MetricNames.EXPORTER_ERRORS).withoutExemplars()
                .help("Events the exporter could not count (event) and metric callbacks that failed (callback)")
                .labelNames("source").register(registry);
            final EventMetrics events = new EventMetrics(registry, overflow, new EventMetrics.Caps(b.maxTeams,
                b.maxProjects, b.maxAgentTypes, b.maxModels, b.maxCostSeries, b.maxTrackedAgents,
                b.concurrentAgentsWindow.toMillis()), b.agentType, b.clockMillis);
            final CallbackMetrics callbacks = new CallbackMetrics(errors.labelValues("callback"),
                overflow.labelValues("budget"));
            registry.register(callbacks);
            final Histogram tracking = overheadHistogram(registry, MetricNames.TRACKING_DURATION,
                "Caller-side time of a trackInteraction call, about one in 64 timed");
            final Histogram signalOverhead = overheadHistogram(registry, MetricNames.SIGNAL_OVERHEAD,
                "Caller-side time of a trackSignal call, about one in 64 timed");
            final Histogram alertCreation = overheadHistogram(registry, MetricNames.ALERT_CREATION,
                "Caller-side time to create an alert rule");
            if (b.jvmMetrics) {
                JvmMetrics.builder().register(registry);
            }
            return new Instruments(events, callbacks, tracking, signalOverhead, alertCreation,
                errors.labelValues("event"), errors.labelValues("process_memory"));
        }
    }

    /** Settings of a {@link PrometheusExporter}; each setter checks its value and names it when refusing. */
    public static final class Builder {
        private static final int MAX_LABEL_VALUES = 100_000;
        private static final int MAX_TRACKED = 10_000_000;

        private String name = DEFAULT_NAME;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private int maxTeams = DEFAULT_MAX_LABEL_VALUES;
        private int maxProjects = DEFAULT_MAX_LABEL_VALUES;
        private int maxAgentTypes = DEFAULT_MAX_LABEL_VALUES;
        private int maxModels = DEFAULT_MAX_LABEL_VALUES;
        private int maxCostSeries = DEFAULT_MAX_COST_SERIES;
        private int maxTrackedAgents = DEFAULT_MAX_TRACKED_AGENTS;
        private Duration concurrentAgentsWindow = DEFAULT_CONCURRENT_AGENTS_WINDOW;
        private Function<String, String> agentType = AgentTypes::fromId;
        private boolean jvmMetrics = true;
        private LongSupplier clockMillis = System::currentTimeMillis;
        private Path procStatus = ProcessMemory.PROC_STATUS;

        private Builder() {
        }

        /** The exporter's name, which also names its position in the journal: keep it across restarts. */
        public Builder name(final String name) {
            this.name = Checks.exporterName(name);
            return this;
        }

        /** The address to listen on; default {@value #DEFAULT_HOST}; {@code 0.0.0.0} for every interface. */
        public Builder host(final String host) {
            this.host = Checks.nonBlank(host, "host");
            return this;
        }

        /** The port to listen on, 0 to 65535; 0 lets the system choose (see {@link #port()}); default 9464. */
        public Builder port(final int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Distinct {@code team} label values before others fold into {@code other}; default 100. */
        public Builder maxTeams(final int max) {
            this.maxTeams = capped(max, MAX_LABEL_VALUES, "maxTeams");
            return this;
        }

        /** Distinct {@code project} label values; default 100. */
        public Builder maxProjects(final int max) {
            this.maxProjects = capped(max, MAX_LABEL_VALUES, "maxProjects");
            return this;
        }

        /** Distinct {@code agent_type} label values (agent ids through {@link #agentType}); default 100. */
        public Builder maxAgentTypes(final int max) {
            this.maxAgentTypes = capped(max, MAX_LABEL_VALUES, "maxAgentTypes");
            return this;
        }

        /** Distinct {@code model} label values; default 100. */
        public Builder maxModels(final int max) {
            this.maxModels = capped(max, MAX_LABEL_VALUES, "maxModels");
            return this;
        }

        /** Team × project × agent-type combinations of the cost counters; default 1000. */
        public Builder maxCostSeries(final int max) {
            this.maxCostSeries = capped(max, MAX_LABEL_VALUES, "maxCostSeries");
            return this;
        }

        /** Agent ids held for {@value MetricNames#CONCURRENT_AGENTS}; default 10,000. */
        public Builder maxTrackedAgents(final int max) {
            this.maxTrackedAgents = capped(max, MAX_TRACKED, "maxTrackedAgents");
            return this;
        }

        /** How recent an agent's last event must be for it to count as concurrent; at least 1 s; default 1 min. */
        public Builder concurrentAgentsWindow(final Duration window) {
            Objects.requireNonNull(window, "concurrentAgentsWindow");
            if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("concurrentAgentsWindow must be between 1 s and 1 day: " + window);
            }
            this.concurrentAgentsWindow = window;
            return this;
        }

        /**
         * How an agent id becomes the {@code agent_type} label; called once per event with a non-null id.
         * A {@code null} or blank answer reads {@code none}; a throwing function leaves its event uncounted
         * (and counted in {@value MetricNames#EXPORTER_ERRORS}).
         */
        public Builder agentType(final Function<String, String> agentType) {
            this.agentType = Objects.requireNonNull(agentType, "agentType");
            return this;
        }

        /** Whether to expose the JVM and process series ({@code jvm_*}, {@code process_*}); default true. */
        public Builder jvmMetrics(final boolean enabled) {
            this.jvmMetrics = enabled;
            return this;
        }

        /** The file the resident memory is read from, for tests. */
        Builder procStatus(final Path file) {
            this.procStatus = Objects.requireNonNull(file, "procStatus");
            return this;
        }

        /** The wall clock of the concurrent-agents window, for tests. */
        Builder clockMillis(final LongSupplier clock) {
            this.clockMillis = Objects.requireNonNull(clock, "clockMillis");
            return this;
        }

        /**
         * Registers the metrics and starts listening.
         *
         * @throws UncheckedIOException when the address cannot be bound (in use, or not local)
         */
        public PrometheusExporter build() {
            final PrometheusRegistry registry = new PrometheusRegistry();
            final Instruments instruments = Instruments.register(this, registry);
            // Taken before any callback exists and before process memory is read, so neither runs here; the
            // process memory's name is among the GenOps names no callback may take anyway.
            final Set<String> builtInNames = registry.scrape().stream().map(MetricSnapshot::getMetadata)
                .map(MetricMetadata::getPrometheusName).collect(Collectors.toUnmodifiableSet());
            registry.register(new ProcessMemory(procStatus, instruments.processMemoryErrors()));
            final ExecutorService executor = httpExecutor();
            final HTTPServer server;
            try {
                server = HTTPServer.builder().hostname(host).port(port).registry(registry).executorService(executor)
                    .buildAndStart();
            } catch (final IOException e) {
                executor.shutdown();
                throw new UncheckedIOException("could not listen on " + host + ":" + port + " for /metrics: " + e,
                    e);
            }
            return new PrometheusExporter(this, registry, instruments, builtInNames, server);
        }

        private static int capped(final int value, final int max, final String field) {
            Checks.positive(value, field);
            if (value > max) {
                throw new IllegalArgumentException(field + " must be at most " + max + ": " + value);
            }
            return value;
        }

        /** Two daemon threads at most, idle ones ending after a minute; a burst past the queue runs inline. */
        private static ExecutorService httpExecutor() {
            final AtomicInteger count = new AtomicInteger();
            final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(16), runnable -> {
                    final Thread thread = new Thread(runnable, "genops-prometheus-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }
}
