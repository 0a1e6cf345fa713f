package io.genops.cli.demo;

import io.genops.core.policy.GovernancePolicy;
import io.genops.pipeline.BackpressurePolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
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
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Runs a synthetic workload of support, sales, technical and billing agents through a GenOps pipeline: "
            + "interactions on real models with realistic token counts, performance signals, alert rules, "
            + "multi-agent customer conversations and daily team budgets, from several threads at once.",
        "",
        "Reports throughput, the caller-side time of each trackInteraction call, cost by team and agent, "
            + "budget use, alerts and every counter of the pipeline. Progress shows on stderr when it is a "
            + "terminal; delivered alerts are logged to stderr; the report goes to stdout.",
        ""},
    footer = {"", "Exit status: 0 when the run completed, 1 when it failed, 2 for bad options."})
public final class DemoCommand implements Callable<Integer> {
    private static final long MAX_EVENTS = 1_000_000_000L;

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
            + "production (default: a temporary directory, removed after the run)")
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
        description = "share of interactions and signals marked for export; accounting always sees every "
            + "event (default: ${DEFAULT-VALUE})")
    void sampleRate(final double value) {
        if (!(value >= 0 && value <= 1)) {
            throw invalid("--sample-rate", value + " is not a fraction in [0, 1]");
        }
        this.sampleRate = value;
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        final DemoPlan plan = new DemoPlan(agents, threads, events, rate, policy, backpressure, budget, sampleRate,
            journal(), seed);
        final DemoReport report;
        try (StatusLine status = StatusLine.open(!noProgress)) {
            report = new DemoRun(plan, status).execute();
        }
        if (json) {
            new ReportJson(spec.commandLine().getOut()).print(report);
        } else {
            new ReportTable(spec.commandLine().getOut()).print(report);
        }
        return 0;
    }

    private JournalChoice journal() {
        if (noJournal && journalDirectory != null) {
            throw new ParameterException(spec.commandLine(), "--journal and --no-journal exclude each other");
        }
        if (noJournal) {
            return JournalChoice.NONE;
        }
        return journalDirectory == null ? JournalChoice.TEMPORARY : JournalChoice.at(journalDirectory);
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
