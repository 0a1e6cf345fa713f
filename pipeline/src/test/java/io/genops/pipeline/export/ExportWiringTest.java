package io.genops.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.event.AlertRule;
import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.export.CallTimings;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.core.export.ExporterReading;
import io.genops.core.export.PipelineCount;
import io.genops.core.export.PipelineReadings;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.PipelineMetrics;
import io.genops.pipeline.ShutdownReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWiringTest {
    @TempDir
    Path journal;

    @Test
    void exportersConfiguredOnTheBuilder_receiveEveryEvent_andCloseWaitsForThemToCatchUp() {
        final CountingExporter counting = new CountingExporter();
        final GenOps genops = GenOps.builder().journal(journal).exporter(counting)
            .exportBatchAge(Duration.ofMillis(10)).build();
        try (MonitoringSession session = genops.openSession("export")) {
            for (int i = 0; i < 5_000; i++) {
                session.trackInteraction("bot", Interaction.builder().model("gpt-4o").inputTokens(10).build());
            }
        }

        final ShutdownReport report = genops.close(Duration.ofSeconds(20));

        assertThat(report.exportersCaughtUp()).isTrue();
        assertThat(report.clean()).isTrue();
        // The interactions and the session's record.
        assertThat(counting.delivered.get()).isEqualTo(5_001);
        assertThat(genops.exporterStatuses()).singleElement()
            .satisfies(status -> assertThat(status.exported()).isEqualTo(5_001));
    }

    @Test
    void close_withASlowExporterBehind_endsItsRunnerByTheDeadline_andReportsThatItDidNotCatchUp() {
        final CountingExporter slow = new CountingExporter("slow") {
            @Override
            public ExportResult send() {
                final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                // A blocking client that ignores interrupts: only the clock ends the wait.
                for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                return super.send();
            }
        };
        final GenOps genops = GenOps.builder().journal(journal).exporter(slow).exportBatchSize(64)
            .exportBatchAge(Duration.ofMillis(10)).build();
        try (MonitoringSession session = genops.openSession("slow")) {
            for (int i = 0; i < 5_000; i++) {
                session.trackInteraction("bot", Interaction.builder().model("gpt-4o").inputTokens(10).build());
            }
        }

        final ShutdownReport report = genops.close(Duration.ofMillis(500));

        assertThat(report.exportersCaughtUp()).isFalse();
        assertThat(report.clean()).isFalse();
        assertThat(genops.exporterStatuses()).singleElement().satisfies(status -> {
            assertThat(status.running()).as("the runner's thread has ended").isFalse();
            assertThat(status.exported()).isEqualTo(slow.delivered.get()).isPositive();
            assertThat(status.lagRecords()).as("the records left in the journal")
                .isEqualTo(5_001 - slow.delivered.get());
        });
    }

    @Test
    void exporters_withoutAJournal_areRefusedAtBuild() {
        assertThatThrownBy(() -> GenOps.builder().noJournal().exporter(new CountingExporter()).build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("exporters read the journal");
        assertThatThrownBy(() -> GenOps.builder().exporter(new CountingExporter()).exporter(new CountingExporter()))
            .hasMessageContaining("already added");
        assertThatThrownBy(() -> GenOps.builder().exporter(new CountingExporter("../../etc/passwd")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exporter name '../../etc/passwd'")
            .hasMessageContaining("position file");
    }

    @Test
    void everyExporter_isAttachedToThePipelinesOwnFigures_beforeItsFirstEvent() {
        final CountingExporter counting = new CountingExporter();
        final CountingExporter throwing = new CountingExporter("throwing") {
            @Override
            public void attach(final PipelineReadings pipeline) {
                throw new IllegalStateException("cannot take them");
            }
        };
        final GenOps genops = GenOps.builder().journal(journal).exporter(counting).exporter(throwing)
            .policy(GovernancePolicy.ENFORCED).dailyBudget("support", Money.usd("0.003"))
            .modelPrices(ModelPriceTable.of("test", List.of(ModelPrice.of("m", "acme", TokenRates.of(1_000_000, 0)))))
            .team("support").exportBatchAge(Duration.ofMillis(10)).build();
        int refused = 0;
        try (MonitoringSession session = genops.openSession("attach")) {
            final Interaction interaction = Interaction.builder().model("m").provider("acme").inputTokens(1000).build();
            for (int i = 0; i < 5; i++) {
                try {
                    session.trackInteraction("bot", interaction);
                } catch (final BudgetExceededException e) {
                    refused++;
                }
            }
        }
        genops.flush(Duration.ofSeconds(10));

        final PipelineReadings readings = counting.attached;
        assertThat(readings).as("attached before the first add").isNotNull();
        assertThat(counting.addedBeforeAttach).isFalse();
        final PipelineMetrics metrics = genops.metrics();
        assertThat(readings.count(PipelineCount.ACCEPTED)).isEqualTo(metrics.accepted()).isPositive();
        assertThat(readings.count(PipelineCount.REJECTED_BUDGET)).isEqualTo(metrics.rejectedBudget())
            .isEqualTo(refused).isPositive();
        assertThat(readings.count(PipelineCount.PROCESSED)).isEqualTo(metrics.processed());
        assertThat(readings.count(PipelineCount.RING_CAPACITY)).isEqualTo(metrics.ringCapacity());
        assertThat(readings.count(PipelineCount.SESSIONS_UNRECORDED)).isEqualTo(metrics.sessionsUnrecorded()).isZero();
        assertThat(readings.exporters()).extracting(ExporterReading::name).containsExactly("counting", "throwing");
        assertThat(counting.exportersAtAttach).as("every exporter is listed while they attach")
            .extracting(ExporterReading::name).containsExactly("counting", "throwing");
        assertThat(readings.budgets()).singleElement().satisfies(budget -> {
            assertThat(budget.allocatedNanos()).isEqualTo(3_000_000L);
            assertThat(budget.consumedNanos()).isPositive().isLessThanOrEqualTo(3_000_000L);
        });
        genops.close(Duration.ofSeconds(20));
        assertThat(throwing.delivered.get()).as("an exporter whose attach threw still runs")
            .isEqualTo(counting.delivered.get()).isPositive();
    }

    @Test
    void anExporterThatAsks_getsASampleOfTheCallersCallTimes_andEveryAlertRuleCreation() {
        final long[] timed = new long[3];
        final CountingExporter timing = new CountingExporter("timing") {
            @Override
            public void attach(final PipelineReadings pipeline) {
                pipeline.onCallTimings(new CallTimings() {
                    @Override
                    public synchronized void interactionTracked(final long nanos) {
                        timed[0]++;
                    }

                    @Override
                    public synchronized void signalTracked(final long nanos) {
                        timed[1]++;
                    }

                    @Override
                    public synchronized void alertCreated(final long nanos) {
                        timed[2]++;
                    }
                });
            }
        };
        final int calls = 64 * 40;
        try (GenOps genops = GenOps.builder().journal(journal).exporter(timing).team("support").build();
             MonitoringSession session = genops.openSession("timed")) {
            final Interaction interaction = Interaction.builder().model("gpt-4o").inputTokens(10).build();
            final PerformanceSignal signal = PerformanceSignal.builder().agentId("bot").value(1).build();
            for (int i = 0; i < calls; i++) {
                session.trackInteraction("bot", interaction);
                session.trackSignal("latency_ms", signal);
            }
            for (int i = 0; i < 3; i++) {
                session.createAlert("rule-" + i, AlertRule.builder().condition("latency_ms_p95 > 2000").build());
            }
        }
        synchronized (timing) {
            assertThat(timed[0]).as("about one interaction in 64 of " + calls).isBetween(1L, calls / 8L);
            assertThat(timed[1]).as("about one signal in 64 of " + calls).isBetween(1L, calls / 8L);
            assertThat(timed[2]).as("every alert rule").isEqualTo(3);
        }
    }

    /** Counts what it is given; every send succeeds. */
    private static class CountingExporter implements Exporter {
        final AtomicLong delivered = new AtomicLong();
        private final String name;
        private long batch;
        volatile PipelineReadings attached;
        volatile List<ExporterReading> exportersAtAttach;
        volatile boolean addedBeforeAttach;

        CountingExporter() {
            this("counting");
        }

        CountingExporter(final String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void attach(final PipelineReadings pipeline) {
            exportersAtAttach = pipeline.exporters();
            attached = pipeline;
        }

        @Override
        public void add(final EventView event) {
            addedBeforeAttach |= attached == null;
            batch++;
        }

        @Override
        public ExportResult send() {
            delivered.addAndGet(batch);
            batch = 0;
            return ExportResult.SUCCESS;
        }

        @Override
        public void discard() {
            batch = 0;
        }
    }
}
