package io.genops.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.event.EventView;
import io.genops.core.event.Interaction;
import io.genops.core.export.ExportResult;
import io.genops.core.export.Exporter;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.MonitoringSession;
import io.genops.pipeline.ShutdownReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
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
        assertThat(counting.delivered.get()).isEqualTo(5_000);
        assertThat(genops.exporterStatuses()).singleElement()
            .satisfies(status -> assertThat(status.exported()).isEqualTo(5_000));
    }

    @Test
    void exporters_withoutAJournal_areRefusedAtBuild() {
        assertThatThrownBy(() -> GenOps.builder().noJournal().exporter(new CountingExporter()).build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("exporters read the journal");
        assertThatThrownBy(() -> GenOps.builder().exporter(new CountingExporter()).exporter(new CountingExporter()))
            .hasMessageContaining("already added");
    }

    /** Counts what it is given; every send succeeds. */
    private static final class CountingExporter implements Exporter {
        final AtomicLong delivered = new AtomicLong();
        private long batch;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void add(final EventView event) {
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
