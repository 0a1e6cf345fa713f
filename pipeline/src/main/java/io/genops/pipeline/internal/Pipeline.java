package io.genops.pipeline.internal;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.genops.core.export.Exporter;
import io.genops.core.export.PipelineCount;
import io.genops.core.money.Money;
import io.genops.core.pricing.EventPricer;
import io.genops.core.pricing.PriceCache;
import io.genops.pipeline.AlertMetrics;
import io.genops.pipeline.GroupMetrics;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.PipelineStage;
import io.genops.pipeline.ShutdownReport;
import io.genops.pipeline.export.ExportRunner;
import io.genops.pipeline.export.ExporterStatus;
import io.genops.pipeline.journal.Journals;
import io.genops.pipeline.journal.RetentionStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles and runs one pipeline: the ring, the stages split over the configured number of
 * consumer threads, the alert dispatcher, the export runners, and journal retention's thread.
 *
 * <pre>
 *  callers ──► Ingest ──► ring ──► [cost ► budget ► sampling ► journal ► alert ► user stages] ──► settle
 *                                         │ budget gates ◄──┘      │
 *                                         └───────────────► alert dispatcher ──► channels
 * </pre>
 *
 * <p>Under content capture with redaction, a redact stage runs between sampling and the journal.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final long DRAIN_PARK_NANOS = 50_000;
    /** Longest park of an idle {@code SLEEPING} consumer: its wake-up latency after a quiet spell. */
    static final long MAX_IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    private final Settings settings;
    private final PipelineCounters counters = new PipelineCounters();
    private final GroupMatcher groups;
    private final Disruptor<EventSlot> disruptor;
    private final RingBuffer<EventSlot> ring;
    private final Ingest ingest;
    private final BudgetBook budgets;
    private final AlertDispatcher dispatcher;
    private final AlertJournal alertJournal;
    private final PriceCache priceCache;
    private final EventPricer pricer;
    private final SingleChronicleQueue journal;
    private final JournalStage journalStage;
    private final JournalRetention retention;
    private final CostTotals byTeam;
    private final CostTotals byAgent;
    private final CostTotals byModel;
    private final List<StageRunner> runners = new ArrayList<>();
    private final List<ExportRunner> exportRunners = new ArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Readings readings = new Readings(this);
    private final CallTimers timers = new CallTimers();
    private final Object closeLock = new Object();
    private ShutdownReport shutdownReport;

    public Pipeline(final Settings settings) {
        this.settings = settings;
        this.groups = new GroupMatcher(settings.agentGroups(), settings.policy(), settings.costAlerts(),
            settings.maxTrackedKeys());
        this.budgets = new BudgetBook(settings.budgetLimits(), settings.budgetZone(), settings.maxTrackedKeys());
        this.dispatcher = new AlertDispatcher(settings.alertChannels(), settings.defaultAlertChannels(),
            settings.alertQueueCapacity(), settings.alertBatchSize(), settings.alertBatchAge().toNanos());
        this.priceCache = new PriceCache(settings.modelPrices(), settings.priceCacheCapacity());
        this.pricer = new EventPricer(priceCache, settings.platformPrices());
        this.byTeam = new CostTotals(settings.maxTrackedKeys());
        this.byAgent = new CostTotals(settings.maxTrackedKeys());
        this.byModel = new CostTotals(settings.maxTrackedKeys());
        this.disruptor = new Disruptor<>(EventSlot::new, settings.ringSize(), this::newThread, ProducerType.MULTI,
            waitStrategy(settings));
        this.disruptor.setDefaultExceptionHandler(new LastResortHandler());
        this.alertJournal = new AlertJournal(disruptor.getRingBuffer(), settings.alertQueueCapacity(),
            groups.defaultGroup());
        this.dispatcher.journalTo(alertJournal);
        if (settings.journaled()) {
            final JournalRecovery recovery = recover();
            this.journal = Journals.openForWriting(settings.journalDirectory(), settings.journalCycle());
            this.retention = JournalRetention.of(settings.journalRetention(), journal, exporterNames(settings));
            retention.applyNow();
            this.journalStage = new JournalStage(journal, retention::rolled, recovery.lastCycle,
                recovery.lastLink);
        } else {
            this.journal = null;
            this.retention = null;
            this.journalStage = null;
        }
        wireStages();
        this.dispatcher.start();
        if (retention != null) {
            retention.start();
        }
        this.ring = disruptor.start();
        this.ingest = new Ingest(ring, settings, groups, budgets, counters, timers);
        startExporters();
    }

    /** The names of the exporters that read the journal, whose positions alone hold retention back. */
    private static List<String> exporterNames(final Settings settings) {
        final List<String> names = new ArrayList<>();
        settings.export().exporters().forEach(exporter -> names.add(exporter.name()));
        return names;
    }

    private void startExporters() {
        final Settings.Export export = settings.export();
        for (final Exporter exporter : export.exporters()) {
            exportRunners.add(new ExportRunner(exporter, settings.journalDirectory(), export.batchSize(),
                export.batchAge().toNanos(), export.maxAttempts(), export.initialBackoff().toNanos(),
                export.maxBackoff().toNanos(), settings.clock()));
        }
        // Live before the exporters see them: an exporter may read the list of exporters as it attaches.
        readings.started();
        for (final Exporter exporter : export.exporters()) {
            try {
                exporter.attach(readings);
            } catch (final RuntimeException e) {
                LOG.warn("Exporter '{}' could not take the pipeline's own figures; it runs without them.",
                    exporter.name(), e);
            }
        }
        exportRunners.forEach(ExportRunner::start);
    }

    /** Where callers' call times go, for the exporters that asked for them. */
    CallTimers timers() {
        return timers;
    }

    /** The current value of one of the pipeline's own counts, for its exporters. */
    long count(final PipelineCount count) {
        return switch (count) {
            case ACCEPTED -> ring.getCursor() + 1 - counters.cancelledClaims.sum();
            case PROCESSED -> counters.processed.get();
            case DROPPED -> counters.dropped.sum();
            case REJECTED_BUDGET -> counters.rejectedBudget.sum();
            case REJECTED_RATE_LIMITED -> counters.rejectedRateLimited.sum();
            case REJECTED_INVALID -> counters.rejectedInvalid.sum() + counters.rejectedClosed.sum();
            case FAILED -> counters.failedEvents.get();
            case STAGE_FAILURES -> counters.stageFailures.get();
            case RING_REMAINING -> ring.remainingCapacity();
            case RING_CAPACITY -> ring.getBufferSize();
            case ALERTS_FIRED -> counters.alertsFired.get();
            case ALERTS_FAILED -> dispatcher.failed();
            case ALERTS_DROPPED -> dispatcher.dropped();
            case SESSIONS_UNRECORDED -> counters.sessionsUnrecorded.sum();
        };
    }

    /** Each exporter's progress. */
    public List<ExporterStatus> exporterStatuses() {
        final List<ExporterStatus> statuses = new ArrayList<>(exportRunners.size());
        exportRunners.forEach(runner -> statuses.add(runner.status()));
        return statuses;
    }

    /** What journal retention has done and what holds it back. */
    public RetentionStatus retentionStatus() {
        return retention == null ? RetentionStatus.INACTIVE : retention.status();
    }

    private void wireStages() {
        final List<Stage> stages = new ArrayList<>();
        stages.add(new CostStage(pricer, counters, byTeam, byAgent, byModel));
        final BudgetStage budgetStage = new BudgetStage(budgets, settings.budgetThresholdPercents(),
            settings.budgetWarningPercent(), dispatcher, counters, settings.costEstimates().reconcileEvery());
        budgetStage.prime(settings.clock().millis());
        stages.add(budgetStage);
        stages.add(new SamplingStage(settings.sampling(), counters));
        final Settings.Redaction redaction = settings.redaction();
        if (settings.captureContent() && redaction.active()) {
            // Before the journal: nothing that keeps or exports the texts sees them unredacted.
            stages.add(new RedactStage(new Redactor(redaction.rules(), redaction.custom()), counters));
        }
        if (journalStage != null) {
            stages.add(journalStage);
        }
        stages.add(new AlertStage(dispatcher, alertJournal, budgets, counters, settings, groups));
        for (final PipelineStage custom : settings.customStages()) {
            stages.add(new UserStage(custom));
        }

        final int groups = Math.min(settings.stageThreads(), stages.size());
        EventHandlerGroup<EventSlot> chain = null;
        for (int g = 0; g < groups; g++) {
            final List<Stage> group = stages.subList(g * stages.size() / groups, (g + 1) * stages.size() / groups);
            final StageRunner runner = new StageRunner(group, g == groups - 1, counters, settings.errorHandler());
            runners.add(runner);
            chain = chain == null ? disruptor.handleEventsWith(runner) : chain.then(runner);
        }
    }

    /** Rebuilds the open budget windows and the month's volume from the journal, so both survive a restart. */
    private JournalRecovery recover() {
        final long now = settings.clock().millis();
        final JournalRecovery recovery = JournalRecovery.read(settings.journalDirectory(), now, budgets, pricer);
        counters.monthInteractions.lazySet(pricer.monthInteractions());
        if (recovery.records > 0) {
            LOG.info("Journal {} resumed: {} records read back, open budget windows and the month's volume rebuilt",
                settings.journalDirectory(), recovery.records);
        }
        return recovery;
    }

    private static WaitStrategy waitStrategy(final Settings settings) {
        switch (settings.consumerWait()) {
            case YIELDING:
                return new YieldingWaitStrategy();
            case BLOCKING:
                return new BlockingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            case SLEEPING:
            default:
                return new BackoffWaitStrategy(settings.consumerParkNanos(), MAX_IDLE_PARK_NANOS);
        }
    }

    private Thread newThread(final Runnable task) {
        final Thread thread = new Thread(task, "genops-stage-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    public Ingest ingest() {
        return ingest;
    }

    public BudgetBook budgets() {
        return budgets;
    }

    /** Interactions counted this month so far, which set the platform's volume discount. */
    public long monthInteractions() {
        return counters.monthInteractions.get();
    }

    public Settings settings() {
        return settings;
    }

    /** The highest sequence every stage has finished with. */
    private long processedSequence() {
        return ring.getMinimumGatingSequence();
    }

    /**
     * Waits until every event accepted before the call has passed every stage, and so is in the
     * journal's memory-mapped file; with sync on flush, also forces that file to the device.
     *
     * @return false on timeout, or when the sync failed
     */
    public boolean flush(final long timeoutNanos) {
        final long target = ring.getCursor();
        final long deadline = System.nanoTime() + timeoutNanos;
        while (processedSequence() < target) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(DRAIN_PARK_NANOS);
        }
        return !settings.journalSyncOnFlush() || journalStage == null || syncJournal();
    }

    private boolean syncJournal() {
        try {
            journalStage.sync();
            return true;
        } catch (final IOException e) {
            LOG.warn("Could not force the journal {} to disk: {}", settings.journalDirectory(), e.getMessage());
            return false;
        }
    }

    /** Waits until {@code scope}'s events are all processed; false on timeout. */
    public boolean settle(final Scope scope, final long timeoutNanos) {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (!scope.settled()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(DRAIN_PARK_NANOS);
        }
        return true;
    }

    /** Refuses new calls, drains until the deadline, stops the threads; idempotent. */
    public ShutdownReport close(final long timeoutNanos) {
        synchronized (closeLock) {
            if (shutdownReport == null) {
                shutdownReport = shutDown(System.nanoTime() + timeoutNanos);
            }
            return shutdownReport;
        }
    }

    private ShutdownReport shutDown(final long deadline) {
        ingest.close();
        alertJournal.close();
        boolean drained = true;
        while (processedSequence() < ring.getCursor()) {
            if (System.nanoTime() - deadline >= 0) {
                drained = false;
                break;
            }
            LockSupport.parkNanos(DRAIN_PARK_NANOS);
        }
        disruptor.halt();
        ingest.halted();
        joinThreads(deadline);
        final long undrained = Math.max(0, ring.getCursor() - processedSequence() - counters.cancelledClaims.sum());
        boolean exported = true;
        // All runners use the time left, not only the first one waited for.
        exportRunners.forEach(runner -> runner.stopBy(deadline));
        for (final ExportRunner runner : exportRunners) {
            exported &= runner.stop(deadline);
        }
        final int undelivered = dispatcher.stop(deadline);
        if (journal != null) {
            // The stage threads have stopped, so nothing asks for retention any more.
            retention.stop(deadline);
            journal.close();
        }
        final ShutdownReport report = new ShutdownReport(drained && undrained == 0, undrained, undelivered,
            exported, metrics());
        if (!report.clean()) {
            LOG.warn("GenOps closed with work left behind: {} events had not passed every stage, {} alerts were "
                + "not delivered, and exporters {} before the deadline; the journal keeps what exporters missed.",
                undrained, undelivered, exported ? "caught up" : "had not caught up");
        }
        return report;
    }

    private void joinThreads(final long deadline) {
        for (final Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public boolean awaitAlerts(final long timeoutNanos) {
        return dispatcher.awaitIdle(System.nanoTime() + timeoutNanos);
    }

    public PipelineMetrics metrics() {
        final List<PipelineMetrics.StageGroup> groups = new ArrayList<>();
        for (final StageRunner runner : runners) {
            groups.add(new PipelineMetrics.StageGroup(runner.name(), runner.batches(), runner.events(),
                runner.maxBatch()));
        }
        return new PipelineMetrics(ring.getCursor() + 1 - counters.cancelledClaims.sum(), counters.processed.get(),
            counters.dropped.sum(), counters.rejectedBudget.sum(),
            counters.rejectedInvalid.sum() + counters.rejectedClosed.sum(), counters.failedEvents.get(),
            counters.stageFailures.get(), counters.unpricedEvents.get(), counters.sampledIn.get(),
            counters.sampledOut.get(), counters.alertsFired.get(), counters.alertsSuppressed.get(),
            dispatcher.delivered(), dispatcher.failed(), dispatcher.dropped(), dispatcher.unroutable(),
            priceCache.hits(), priceCache.misses(), ring.getBufferSize(), ring.remainingCapacity(),
            journalStage == null ? 0 : journalStage.appended(), Money.usdNanos(counters.totalCostNanos.get()),
            money(byTeam), money(byAgent), money(byModel), groups, counters.sampling.snapshot(),
            new AlertMetrics(counters.alertStateKeys.get(), counters.alertStateEvictions.get(),
                counters.alertRulesRejected.get(), alertJournal.journaled(), alertJournal.unjournaled()),
            counters.rejectedRateLimited.sum(), groupMetrics(), counters.sessionsUnrecorded.sum(),
            new PipelineMetrics.CostEstimates(counters.estimatedInteractions.get(),
                Money.usdNanos(counters.estimateDriftNanos.get()), counters.estimateSettlements.get()),
            counters.redactions.get());
    }

    /** Per agent group, declared ones in order and the default last: a handful of entries at most. */
    private Map<String, GroupMetrics> groupMetrics() {
        final Map<String, GroupMetrics> metrics = new LinkedHashMap<>();
        for (final CompiledGroup group : groups.all()) {
            metrics.put(group.name, new GroupMetrics(group.events.get(), group.exported.get(), group.refused.sum(),
                Money.usdNanos(group.costNanos.get())));
        }
        return metrics;
    }

    private static Map<String, Money> money(final CostTotals totals) {
        final Map<String, Money> money = new LinkedHashMap<>();
        totals.snapshot().forEach((key, nanos) -> money.put(key, Money.usdNanos(nanos)));
        return money;
    }

    /** Catches what escapes a runner (it catches nearly everything) so no consumer thread dies. */
    private final class LastResortHandler implements ExceptionHandler<EventSlot> {
        private final AtomicInteger logged = new AtomicInteger();

        @Override
        public void handleEventException(final Throwable error, final long sequence, final EventSlot event) {
            PipelineCounters.increment(counters.stageFailures);
            if (logged.getAndIncrement() < 10) {
                LOG.error("A pipeline thread caught an unexpected error on event {}; it carries on.", sequence, error);
            }
        }

        @Override
        public void handleOnStartException(final Throwable error) {
            LOG.error("A pipeline thread failed to start.", error);
        }

        @Override
        public void handleOnShutdownException(final Throwable error) {
            LOG.error("A pipeline thread failed while stopping.", error);
        }
    }
}
