package io.genops.cli.demo;

import io.genops.cli.StatusLine;
import io.genops.cli.support.HttpUri;
import io.genops.cli.support.ConfigSources;
import io.genops.config.settings.ConfigLoader;
import io.genops.config.settings.ConfigurationException;
import io.genops.config.settings.EffectiveValue;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.config.settings.SamplingSettings;
import io.genops.config.settings.Source;
import io.genops.core.event.EventKind;
import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.BackpressurePolicy;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genops demo}: a synthetic day of the guide's agent teams, compressed into seconds.
 *
 * <p>The default workload is 300,000 calls at 20,000 per second, 15 seconds. That rate is forty
 * times the 500 interactions per second at which the guide's autoscaler adds a pod, so it is a busy
 * pod, yet it leaves a 2-core machine mostly idle: the caller-side latency then shows what one call
 * costs in a healthy service rather than under saturation. {@code --rate 0} shows the other end.
 */
@Command(name = "demo",
    header = "Runs a synthetic multi-team agent workload through a real pipeline and reports.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Runs a synthetic workload of support, sales, technical and billing agents through a GenOps pipeline: "
            + "interactions on real models with realistic token counts, performance signals, alert rules, "
            + "multi-agent customer conversations and daily team budgets, from several threads at once.",
        "",
        "Reports throughput, the caller-side time of each trackInteraction call, cost by team and agent, "
            + "budget use, alerts and every counter of the pipeline. Progress shows on stderr when it is a "
            + "terminal; delivered alerts are logged to stderr; the report goes to stdout.",
        "",
        "The demo reads its GenOps configuration as config check does: --config FILE, else the file GENOPS_CONFIG "
            + "names, else genops.yaml, genops.yml or genops.json in the working directory; GENOPS_* variables and "
            + "genops.* system properties over it; --profile and --preset over the profile and preset the sources "
            + "name. The exporters and alert channels they turn on always run, and the settings they give an "
            + "exporter apply to it when an option turns it on: --otlp, --prometheus-port and --raindrop-url set "
            + "the endpoint, port or URL of their exporter over every source, while its headers, write key, "
            + "timeouts and the rest still come from the sources; --webhook adds a channel named webhook. When a "
            + "source sets something besides exporters and channels, the run starts from that configuration: "
            + "--policy, --budget, --backpressure, --sampling and --sample-rate, when given, win over it. When "
            + "none does, the demo's own defaults below apply. What runs is listed on stderr, secrets masked.",
        "",
        "The demo keeps its own journal whatever the configuration says: a new directory for each run, the one "
            + "--journal names, or none with --no-journal; genops.journal.directory and genops.journal.enabled are "
            + "not read (the journal's roll cycle, sync and retention are).",
        ""},
    footer = {"", "Exit status: 0 when the run completed, 1 when it failed, 2 for bad options."})
public final class DemoCommand implements Callable<Integer> {
    private static final long MAX_EVENTS = 1_000_000_000L;

    private final ConfigSources sources;

    @Spec
    private CommandSpec spec;

    private int agents;
    private int threads;
    private long events;
    private long rate;
    private double sampleRate;

    @Option(names = "--policy", order = 5, paramLabel = "advisory|enforced", defaultValue = "advisory",
        description = "advisory records and alerts when a budget is spent; enforced also refuses further "
            + "interactions of that team, counted as rejected (default: ${DEFAULT-VALUE})")
    private GovernancePolicy policy;

    @Option(names = "--budget", order = 6, paramLabel = "USD|auto", defaultValue = BudgetOption.AUTO_NAME,
        converter = BudgetOption.Converter.class,
        description = "daily budget of each team; auto gives each team " + DemoRun.AUTO_BUDGET_PERCENT
            + "%% of what it is forecast to spend in this run, so every threshold is crossed (default: "
            + "${DEFAULT-VALUE})")
    private BudgetOption budget;

    @Option(names = "--backpressure", order = 7, paramLabel = "block|drop|fail", defaultValue = "block",
        description = "what a call does when the ring is full: wait, or give up and count the event as "
            + "dropped (default: ${DEFAULT-VALUE})")
    private BackpressurePolicy backpressure;

    @Option(names = "--journal", order = 9, paramLabel = "DIR",
        description = "keep the audit journal in DIR; today's spend then carries over from run to run, as in "
            + "production (default: a new directory for each run, ./genops-data/demo-<date>-<time>/journal, kept)")
    private Path journalDirectory;

    @Option(names = "--no-journal", order = 10, description = "run without the audit journal, in memory only")
    private boolean noJournal;

    @Option(names = "--seed", order = 11, paramLabel = "N", defaultValue = "20261203",
        description = "seed of the scripted calls; equal seeds and options make equal calls (default: "
            + "${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--json", order = 12, description = "print the report as one JSON object instead of tables")
    private boolean json;

    @Option(names = "--no-progress", order = 13, description = "do not draw the progress line on a terminal")
    private boolean noProgress;

    @Option(names = "--sampling", order = 14, paramLabel = "adaptive|fixed", defaultValue = "adaptive",
        description = "adaptive samples each event kind or signal name per agent by how its values behave (first "
            + "events, trending worse, high variance, stable); fixed exports --sample-rate of each kind (default: "
            + "${DEFAULT-VALUE})")
    private SamplingMode sampling;

    @Option(names = "--webhook", order = 15, paramLabel = "URL", converter = HttpUri.Webhook.class,
        description = "also deliver every alert as JSON POSTs to URL (a webhook alert channel beside the log)")
    private URI webhook;

    @Option(names = "--otlp", order = 16, paramLabel = "URL", converter = HttpUri.class,
        description = "export to an OpenTelemetry collector over OTLP/HTTP at URL, such as http://localhost:4318: "
            + "sampled interactions as spans, signals and alerts as log records, metrics of every event")
    private URI otlp;

    @Option(names = "--prometheus-port", order = 17, paramLabel = "PORT",
        description = "serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the demo runs (0 picks a "
            + "free port); the address is printed on stderr")
    private Integer prometheusPort;

    @Option(names = "--raindrop-url", order = 18, paramLabel = "URL", converter = HttpUri.class,
        description = "send sampled interactions and signals to Raindrop's ingestion API at URL, such as "
            + "https://api.raindrop.ai/v1; the write key comes from the environment")
    private URI raindropUrl;

    @Option(names = "--raindrop-key-env", order = 19, paramLabel = "NAME", defaultValue = "RAINDROP_WRITE_KEY",
        description = "the environment variable holding the Raindrop write key (default: ${DEFAULT-VALUE})")
    private String raindropKeyEnv;

    @Option(names = "--export-wait", order = 20, paramLabel = "SECONDS", defaultValue = "10",
        description = "after the last call, how long to wait for exporters to catch up with the journal before "
            + "the report (default: ${DEFAULT-VALUE})")
    private long exportWaitSeconds;

    @Option(names = "--config", order = 21, paramLabel = "FILE",
        description = "start from the GenOps configuration in FILE (genops.yaml or .json) rather than the one "
            + "GENOPS_CONFIG names or the working directory holds: its budgets, policy, sampling, alert rules, "
            + "limits, exporters and alert channels apply unless the options above say otherwise")
    private Path config;

    @Option(names = "--profile", order = 22, paramLabel = "dev|staging|prod",
        description = "the deployment profile, over any the sources name; its defaults lie beneath everything "
            + "the sources set")
    private String profile;

    @Option(names = "--preset", order = 23, paramLabel = "NAME",
        description = "the workload preset, such as high-frequency or memory-constrained, over any the sources "
            + "name")
    private String preset;

    /** Reads the process's environment, system properties and working directory, as a pipeline would. */
    public DemoCommand() {
        this.sources = ConfigSources.ofProcess();
    }

    /** Reads the given sources instead of the process's, so a test does not depend on its machine. */
    DemoCommand(final Map<String, String> environment, final Map<String, String> systemProperties,
        final Path workingDirectory) {
        this.sources = new ConfigSources(environment, systemProperties, workingDirectory);
    }

    @Option(names = "--agents", order = 1, paramLabel = "N", defaultValue = "20",
        description = "agents, spread over the four teams in turn (default: ${DEFAULT-VALUE})")
    void agents(final int value) {
        this.agents = (int)within("--agents", value, 1, 1_000);
    }

    @Option(names = "--threads", order = 2, paramLabel = "N", defaultValue = "4",
        description = "producer threads calling the pipeline at once (default: ${DEFAULT-VALUE})")
    void threads(final int value) {
        this.threads = (int)within("--threads", value, 1, 64);
    }

    @Option(names = "--events", order = 3, paramLabel = "N", defaultValue = "300000",
        description = "calls in all, interactions and one in ten a performance signal (default: ${DEFAULT-VALUE})")
    void events(final long value) {
        this.events = within("--events", value, 1, MAX_EVENTS);
    }

    @Option(names = "--rate", order = 4, paramLabel = "EVENTS_PER_S", defaultValue = "20000",
        description = "calls per second over all threads, 0 for as fast as they go (default: ${DEFAULT-VALUE})")
    void rate(final long value) {
        this.rate = within("--rate", value, 0, MAX_EVENTS);
    }

    @Option(names = "--sample-rate", order = 8, paramLabel = "FRACTION", defaultValue = "0.1",
        description = "with --sampling fixed, the share of interactions and signals marked for export; "
            + "accounting always sees every event (default: ${DEFAULT-VALUE})")
    void sampleRate(final double value) {
        if (!(value >= 0 && value <= 1)) {
            throw invalid("--sample-rate", value + " is not a fraction in [0, 1]");
        }
        this.sampleRate = value;
    }

    @Override
    public Integer call() throws InterruptedException {
        final Destinations destinations = destinations();
        final DemoConfiguration configuration;
        try {
            configuration = configuration(destinations);
        } catch (final ConfigurationException e) {
            return unusable(e);
        }
        announce(configuration);
        final JournalChoice journal = journal(destinations, configuration.configuration());
        final DemoPlan plan = plan(configuration, journal, destinations);
        final DemoReport report;
        try (StatusLine status = StatusLine.open(!noProgress)) {
            report = new DemoRun(plan, status, spec.commandLine().getErr()).execute();
        } catch (final RuntimeException e) {
            journal.discardIfUnused();
            throw e;
        }
        if (json) {
            new ReportJson(spec.commandLine().getOut()).print(report);
        } else {
            new ReportTable(spec.commandLine().getOut()).print(report);
        }
        return 0;
    }

    /** The plan: the options, over the configuration's settings where an option was left at its default. */
    private DemoPlan plan(final DemoConfiguration loaded, final JournalChoice journal,
        final Destinations destinations) {
        final GenOpsConfiguration configuration = loaded.configuration();
        if (!loaded.shapesRun()) {
            return new DemoPlan(agents, threads, events, rate, policy, backpressure, budget, sampling, sampleRate,
                journal, seed, destinations, configuration, false);
        }
        final boolean configuredSampling = !given("--sampling") && !given("--sample-rate");
        final SamplingSettings settings = configuration.sampling();
        final SamplingMode mode = !configuredSampling ? sampling
            : settings.mode() == SamplingSettings.Mode.FIXED ? SamplingMode.FIXED : SamplingMode.ADAPTIVE;
        final double share = configuredSampling ? settings.rates().getOrDefault(EventKind.INTERACTION, 1.0)
            : sampleRate;
        return new DemoPlan(agents, threads, events, rate, given("--policy") ? policy : configuration.policy(),
            given("--backpressure") ? backpressure
                : BackpressurePolicy.valueOf(configuration.pipeline().backpressure().name()),
            given("--budget") ? budget : BudgetOption.CONFIGURED, mode, share, journal, seed, destinations,
            configuration, configuredSampling);
    }

    /**
     * The configuration loaded from the sources {@code config check} reads, in the same order, with
     * --config, --profile and --preset over them and the exporter options over everything; it shapes the
     * run only when a source sets something besides exporters and alert channels, so that a credential in
     * the environment does not replace the demo's own defaults with the registry's.
     */
    private DemoConfiguration configuration(final Destinations destinations) {
        final ConfigLoader loader = sources.loader(spec.commandLine(), config, "option --config", profile, preset);
        final String raindropKey = destinations.raindrop() == null ? null : DemoExporters.raindropKey(destinations);
        return DemoConfiguration.load(loader, destinations, raindropKey);
    }

    /** Prints each problem of an unusable configuration on a line of its own, as {@code config check} does. */
    private int unusable(final ConfigurationException problems) {
        final PrintWriter err = spec.commandLine().getErr();
        err.println("genops demo: " + problems.getMessage().strip());
        err.flush();
        return 1;
    }

    /**
     * Names on stderr the sources of the settings that shape the run, highest precedence first, since the
     * demo may find them on its own; then the configuration's warnings.
     */
    private void announce(final DemoConfiguration loaded) {
        final PrintWriter err = spec.commandLine().getErr();
        if (loaded.shapesRun()) {
            err.println("Configuration from " + String.join(", ", sourcesOf(loaded.configuration())));
        }
        loaded.warnings().forEach(warning -> err.println("Configuration warning: " + warning));
        err.flush();
    }

    private static Set<String> sourcesOf(final GenOpsConfiguration configuration) {
        final Set<String> sources = new LinkedHashSet<>();
        final Source.Layer[] layers = Source.Layer.values();
        for (int i = layers.length - 1; i >= 0; i--) {
            for (final EffectiveValue value : configuration.values()) {
                final Source source = value.source();
                if (source.layer() == layers[i] && source.layer() != Source.Layer.DEFAULT
                    && source.layer() != Source.Layer.BUILDER && DemoConfiguration.shaping(value)) {
                    sources.add(source.layer() == Source.Layer.FILE ? source.name() : source.toString());
                }
            }
        }
        return sources;
    }

    private boolean given(final String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private Destinations destinations() {
        if (prometheusPort != null && (prometheusPort < 0 || prometheusPort > 65_535)) {
            throw invalid("--prometheus-port", prometheusPort + " is not a port number in [0, 65535]");
        }
        if (exportWaitSeconds < 0 || exportWaitSeconds > 3_600) {
            throw invalid("--export-wait", exportWaitSeconds + " is outside [0, 3600] seconds");
        }
        if (raindropKeyEnv.isBlank()) {
            throw invalid("--raindrop-key-env", "the name is empty");
        }
        return new Destinations(webhook, otlp, prometheusPort, raindropUrl, raindropKeyEnv,
            Duration.ofSeconds(exportWaitSeconds));
    }

    /** The journal asked for; a fresh directory is made only once every option has been checked. */
    private JournalChoice journal(final Destinations destinations, final GenOpsConfiguration configuration) {
        if (noJournal && journalDirectory != null) {
            throw new ParameterException(spec.commandLine(), "--journal and --no-journal exclude each other");
        }
        if (noJournal && destinations.anyExporter()) {
            throw new ParameterException(spec.commandLine(), "exporters read the journal: --otlp, --prometheus-port "
                + "and --raindrop-url cannot be used with --no-journal");
        }
        if (noJournal && configuration.exporters().anyEnabled()) {
            throw new ParameterException(spec.commandLine(), "exporters read the journal: the configuration turns "
                + "on an exporter (genops.exporters.*.enabled), so --no-journal cannot be used with it");
        }
        if (noJournal) {
            return JournalChoice.NONE;
        }
        return journalDirectory != null ? JournalChoice.at(journalDirectory)
            : JournalChoice.fresh(LocalDateTime.now());
    }

    private long within(final String option, final long value, final long min, final long max) {
        if (value < min || value > max) {
            throw invalid(option, String.format(Locale.ROOT, "%,d is outside [%,d, %,d]", value, min, max));
        }
        return value;
    }

    private ParameterException invalid(final String option, final String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
