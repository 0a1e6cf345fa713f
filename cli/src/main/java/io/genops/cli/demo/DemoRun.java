package io.genops.cli.demo;

import io.genops.cli.StatusLine;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.SamplingPolicy;
import io.genops.pipeline.ShutdownReport;
import io.genops.pipeline.export.ExporterStatus;
import java.io.PrintWriter;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the demo: builds the scripts, starts a pipeline for the plan, opens a session per team
 * and the teams' alert rules, lets the producers loose together, then drains, closes and collects
 * what happened into a {@link DemoReport}.
 */
final class DemoRun {
    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    /** With an automatic budget each team gets this share of its forecast spend, so it runs out late in the run. */
    static final int AUTO_BUDGET_PERCENT = 70;

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(5);
    /** With exporters, what close() gets beyond the rest of the export wait: the events are drained already. */
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(1);
    private static final long PROGRESS_INTERVAL_MS = 250;
    private static final long EXPORT_POLL_MS = 50;
    private static final int BAR_WIDTH = 24;

    private final DemoPlan plan;
    private final StatusLine status;
    private final PrintWriter notices;

    /** A run of {@code plan} that draws progress on {@code status} and tells what runs on {@code notices}. */
    DemoRun(final DemoPlan plan, final StatusLine status, final PrintWriter notices) {
        this.plan = plan;
        this.status = status;
        this.notices = notices;
    }

    DemoReport execute() throws InterruptedException {
        final Workload workload = new Workload(plan.agents(), plan.seed());
        final List<Step[]> scripts = new ArrayList<>();
        for (int thread = 0; thread < plan.threads(); thread++) {
            scripts.add(workload.script(thread, plan.threads()));
        }
        final DemoExporters exporters = new DemoExporters(plan.destinations(), plan.configuration());
        try (GenOps genops = pipeline(budgets(scripts), exporters)) {
            notices.println("Running with (secrets masked):");
            exporters.active().forEach(line -> notices.println("  " + line));
            if (exporters.prometheusUrl() != null) {
                notices.println("Prometheus metrics at " + exporters.prometheusUrl() + " until the report");
            }
            notices.flush();
            return run(genops, scripts, exporters);
        }
    }

    /** Each team's daily budget: the one asked for, or a share of what the team is forecast to spend. */
    private Map<Team, Money> budgets(final List<Step[]> scripts) {
        final Map<Team, Money> budgets = new EnumMap<>(Team.class);
        if (plan.budget().configured()) {
            return budgets;
        }
        if (!plan.budget().isAuto()) {
            for (final Team team : Team.values()) {
                budgets.put(team, plan.budget().perTeam());
            }
            return budgets;
        }
        new SpendForecast().byTeam(scripts, plan).forEach((team, nanos) -> {
            final long share = Math.multiplyExact(nanos, AUTO_BUDGET_PERCENT) / 100;
            if (share > 0) {
                budgets.put(team, Money.usdNanos(share));
            }
        });
        return budgets;
    }

    private GenOps pipeline(final Map<Team, Money> budgets, final DemoExporters exporters) {
        final GenOpsBuilder builder = GenOps.builder();
        final GenOpsConfiguration config = plan.configuration();
        builder.configuration(config);
        if (config.attribution().project() == null) {
            builder.project("customer-experience");
        }
        if (config.attribution().environment() == null) {
            builder.environment("demo");
        }
        builder.policy(plan.policy()).backpressure(plan.backpressure());
        if (!plan.configuredSampling()) {
            sampling(builder);
        }
        budgets.forEach((team, limit) -> builder.dailyBudget(team.wireName(), limit));
        if (plan.journal().enabled()) {
            builder.journal(plan.journal().directory());
        } else {
            builder.noJournal();
        }
        exporters.addTo(builder);
        return builder.build();
    }

    /** The sampling the options ask for; without them, a configuration's sampling stands. */
    private void sampling(final GenOpsBuilder builder) {
        if (plan.sampling() == SamplingMode.ADAPTIVE) {
            builder.sampling(SamplingPolicy.adaptive().lowerIsWorse(Workload.RESPONSE_QUALITY, Workload.CONFIDENCE)
                .build());
        } else {
            builder.samplingRate(EventKind.INTERACTION, plan.sampleRate())
                .samplingRate(EventKind.SIGNAL, plan.sampleRate());
        }
    }

    private DemoReport run(final GenOps genops, final List<Step[]> scripts, final DemoExporters exporters)
        throws InterruptedException {
        final MonitoringSession[] sessions = openSessions(genops);
        final long alertRules = createAlertRules(sessions);
        final CountDownLatch startGate = new CountDownLatch(1);
        final List<Producer> producers = new ArrayList<>();
        for (int thread = 0; thread < scripts.size(); thread++) {
            producers.add(new Producer(thread, scripts.get(thread), plan, sessions, startGate));
        }

        final ExecutorService pool = Executors.newFixedThreadPool(producers.size(), producerThreads());
        try {
            final List<Future<CallCounts>> futures = new ArrayList<>();
            producers.forEach(producer -> futures.add(pool.submit(producer)));
            final long startNanos = System.nanoTime();
            startGate.countDown();
            final CallCounts calls = awaitProducers(futures, producers, genops, startNanos);
            final long endNanos = System.nanoTime();

            genops.flush(DRAIN_TIMEOUT);
            final long drainedNanos = System.nanoTime();
            for (final MonitoringSession session : sessions) {
                session.close();
            }
            genops.awaitAlerts(ALERT_TIMEOUT);
            final long exportDeadline = System.nanoTime() + plan.destinations().exportWait().toNanos();
            final List<ExporterStatus> exported = awaitExporters(genops, exporters, exportDeadline);
            final ShutdownReport shutdown = genops.close(exporters.any()
                ? CLOSE_MARGIN.plusNanos(Math.max(0, exportDeadline - System.nanoTime())) : DRAIN_TIMEOUT);
            return new DemoReport(plan, calls, alertRules, seconds(endNanos - startNanos),
                seconds(drainedNanos - endNanos), latency(producers), shutdown.metrics(), genops.budgetStatuses(),
                shutdown.clean(), exported, exporters.webhookStats(), exporters.prometheusUrl(),
                exporters.alertChannels());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until every exporter has settled every journaled record, or until {@code deadline}, and
     * returns their statuses then: once the pipeline is closed, their lag can no longer be read.
     */
    private static List<ExporterStatus> awaitExporters(final GenOps genops, final DemoExporters exporters,
        final long deadline) throws InterruptedException {
        if (!exporters.any()) {
            return List.of();
        }
        List<ExporterStatus> statuses = genops.exporterStatuses();
        while (statuses.stream().anyMatch(status -> status.lagRecords() > 0) && System.nanoTime() - deadline < 0) {
            Thread.sleep(EXPORT_POLL_MS);
            statuses = genops.exporterStatuses();
        }
        return statuses;
    }

    private static MonitoringSession[] openSessions(final GenOps genops) {
        final Team[] teams = Team.values();
        final MonitoringSession[] sessions = new MonitoringSession[teams.length];
        for (final Team team : teams) {
            sessions[team.ordinal()] = genops.openSession(team.wireName() + "-shift",
                Attribution.team(team.wireName()));
        }
        return sessions;
    }

    /**
     * Each team creates its own rules through its session; rules then watch every event. Creating a
     * rule is priced, so a team whose enforced budget is too small for it goes without.
     */
    private static long createAlertRules(final MonitoringSession[] sessions) {
        long created = 0;
        for (final Team team : Team.values()) {
            for (final Map.Entry<String, AlertRule> rule : team.alertRules().entrySet()) {
                try {
                    created += sessions[team.ordinal()].createAlert(rule.getKey(), rule.getValue()) ? 1 : 0;
                } catch (final BudgetExceededException e) {
                    LOG.warn("Team '{}' could not create alert rule '{}': {}", team.wireName(), rule.getKey(),
                        e.getMessage());
                }
            }
        }
        return created;
    }

    /** Waits for every producer, redrawing the progress line meanwhile; a producer's failure ends the run. */
    private CallCounts awaitProducers(final List<Future<CallCounts>> futures, final List<Producer> producers,
        final GenOps genops, final long startNanos) throws InterruptedException {
        final CallCounts total = new CallCounts();
        for (final Future<CallCounts> future : futures) {
            while (true) {
                try {
                    total.add(future.get(PROGRESS_INTERVAL_MS, TimeUnit.MILLISECONDS));
                    break;
                } catch (final TimeoutException e) {
                    showProgress(producers, genops, startNanos);
                } catch (final ExecutionException e) {
                    throw new IllegalStateException("a producer thread failed: " + e.getCause(), e.getCause());
                }
            }
        }
        return total;
    }

    private void showProgress(final List<Producer> producers, final GenOps genops, final long startNanos) {
        if (!status.showing()) {
            return;
        }
        final long done = producers.stream().mapToLong(Producer::completed).sum();
        final double elapsed = seconds(System.nanoTime() - startNanos);
        final int filled = (int)(BAR_WIDTH * done / plan.events());
        final PipelineMetrics metrics = genops.metrics();
        status.show(String.format("[%s%s] %3d%%  %,d/%,d events  %,.0f/s  %s USD  rejected %,d  alerts %,d",
            "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), 100 * done / plan.events(), done, plan.events(),
            done / Math.max(elapsed, 1e-9), cents(metrics.totalCost()), metrics.rejectedBudget(),
            metrics.alertsFired()));
    }

    /** A running total rounded to cents for the progress line only; the report prints exact amounts. */
    private static String cents(final Money amount) {
        return String.format("%,.2f", amount.toBigDecimal().setScale(2, RoundingMode.HALF_EVEN));
    }

    private static Histogram latency(final List<Producer> producers) {
        final Histogram merged = new Histogram(producers.get(0).latency().getHighestTrackableValue(), 3);
        producers.forEach(producer -> merged.add(producer.latency()));
        return merged;
    }

    private static double seconds(final long nanos) {
        return nanos / 1e9;
    }

    private static ThreadFactory producerThreads() {
        final AtomicInteger next = new AtomicInteger();
        return task -> {
            final Thread thread = new Thread(task, "demo-producer-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
