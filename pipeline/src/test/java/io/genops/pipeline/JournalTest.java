package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.Attribution;
import io.genops.core.event.AlertRule;
import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.core.event.PerformanceSignal;
import io.genops.core.money.Money;
import io.genops.core.policy.BudgetExceededException;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.AuditReport.Dimension;
import io.genops.pipeline.journal.JournalException;
import io.genops.pipeline.journal.JournalFilter;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Replayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final String[] TEAMS = {"support", "sales", "billing"};

    @TempDir
    Path journal;

    @Test
    void replay_withTheLiveTables_reproducesEveryTotalToTheNanodollar() {
        final PipelineMetrics live = runWorkload(TestTables.builder().journal(journal)
            .samplingRate(EventKind.INTERACTION, 0.1), 3_000);

        final AuditReport report = replay(TestTables.models());

        assertThat(live.journaled()).isEqualTo(live.accepted());
        // Sampled-out events are journaled too; the session's own record is journaled but not reported.
        assertThat(report.records()).isEqualTo(live.accepted() - 1);
        assertThat(report.recordedTotal()).isEqualTo(live.totalCost());
        assertThat(report.recomputedTotal()).isEqualTo(live.totalCost());
        assertThat(report.difference().isZero()).isTrue();
        assertThat(report.damaged()).isZero();
        for (final String team : TEAMS) {
            assertThat(report.by(Dimension.TEAM).get(team).recorded()).isEqualTo(live.costByTeam().get(team));
        }
        assertThat(report.by(Dimension.DAY)).hasSize(1);
    }

    @Test
    void replay_withAnotherTable_reportsTheDifferencePerModel() {
        runWorkload(TestTables.builder().journal(journal), 300);
        final ModelPriceTable doubled = ModelPriceTable.of("doubled", List.of(ModelPrice.of(TestTables.MODEL, "acme",
            new TokenRates(2_000_000, 4_000_000, 1_000_000, 2_500_000, 6_000_000))));

        final AuditReport report = replay(doubled);

        final long[] modelNanos = {0};
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (!record.costOverridden()) {
                    modelNanos[0] += record.modelCostNanos();
                }
            });
        }
        // Doubling every token rate doubles each computed model cost; overridden costs stay as they were.
        assertThat(modelNanos[0]).isPositive();
        assertThat(report.by(Dimension.MODEL).get(TestTables.MODEL).difference())
            .isEqualTo(Money.usdNanos(modelNanos[0]));
        assertThat(report.difference()).isEqualTo(Money.usdNanos(modelNanos[0]));
    }

    @Test
    void replay_withATableWithoutTheModel_countsItsMissingPrices_butNotForOverriddenCosts() {
        runWorkload(TestTables.builder().journal(journal), 300);
        final ModelPriceTable other = ModelPriceTable.of("other", List.of(ModelPrice.of("other-model", "acme",
            new TokenRates(1_000_000, 2_000_000, 500_000, 1_250_000, 3_000_000))));

        final AuditReport report = replay(other);

        final long[] computed = {0};
        final long[] overridden = {0};
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.readAll((index, record) -> {
                if (TestTables.MODEL.equals(record.model())) {
                    (record.costOverridden() ? overridden : computed)[0]++;
                }
            });
        }
        assertThat(overridden[0]).isPositive();
        assertThat(report.missingPrices()).containsExactly(Map.entry(TestTables.MODEL, computed[0]));
    }

    @Test
    void dailyBudgets_surviveARestartOverTheSameJournal() {
        final Interaction interaction = Interaction.builder()
            .model(TestTables.MODEL).inputTokens(1000).outputTokens(500).build();
        final GenOpsBuilder builder = TestTables.builder().journal(journal).policy(GovernancePolicy.ENFORCED)
            .dailyBudget("support", Money.usd("0.03"));
        try (GenOps first = builder.build();
             MonitoringSession session = first.openSession("before", Attribution.team("support"))) {
            for (int i = 0; i < 7; i++) {
                session.trackInteraction("bot", interaction);
            }
        }

        try (GenOps second = builder.build();
             MonitoringSession session = second.openSession("after", Attribution.team("support"))) {
            assertThat(second.budgetStatus("support").consumed()).isEqualTo(Money.usd("0.021"));
            for (int i = 0; i < 3; i++) {
                session.trackInteraction("bot", interaction);
            }
            assertThat(second.flush(Duration.ofSeconds(10))).isTrue();
            assertThatThrownBy(() -> session.trackInteraction("bot", interaction))
                .isInstanceOf(BudgetExceededException.class);
        }

        final AuditReport report = replay(TestTables.models());
        assertThat(report.records()).isEqualTo(10);
        assertThat(report.damaged()).as("the hash chain continues across the restart").isZero();
        assertThat(report.by(Dimension.TEAM).get("support").recorded()).isEqualTo(Money.usd("0.03"));
    }

    @Test
    void reader_filtersByTeamAndModel_andHandsOverEveryField() {
        runWorkload(TestTables.builder().journal(journal), 300);
        final List<String> seen = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)
            .filter(JournalFilter.ALL.team("sales").model(TestTables.MODEL))) {
            reader.readAll((index, record) -> seen.add(record.team() + "/" + record.model() + "/" + record.kind()
                + "/" + record.agentId() + "/" + record.sessionId().startsWith("workload-")));
            assertThat(reader.damaged()).isZero();
        }
        assertThat(seen).isNotEmpty().allMatch(line -> line.startsWith("sales/test-model/INTERACTION/agent-")
            && line.endsWith("/true"));
    }

    @Test
    void reader_refusesADirectoryWithoutAJournal() {
        assertThatThrownBy(() -> JournalReader.open(journal.resolve("missing")))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("missing").hasMessageContaining("not a directory");
        assertThatThrownBy(() -> JournalReader.open(journal))
            .isInstanceOf(JournalException.class).hasMessageContaining("holds no journal");
    }

    @Test
    void noJournal_writesNothing() {
        final PipelineMetrics metrics = runWorkload(TestTables.builder().noJournal(), 100);

        assertThat(metrics.journaled()).isZero();
        assertThat(journal.toFile().list()).isEmpty();
    }

    private AuditReport replay(final ModelPriceTable prices) {
        return Replayer.builder().journal(journal).modelPrices(prices).platformPrices(TestTables.flatPlatform())
            .build().run();
    }

    /** Interactions of three teams (some unknown models, cached tokens, overrides), signals and rules. */
    private static PipelineMetrics runWorkload(final GenOpsBuilder builder, final int interactions) {
        final GenOps genops = builder.build();
        try (MonitoringSession session = genops.openSession("workload")) {
            session.createAlert("slow", AlertRule.builder().condition("latency_ms > 1000").channel("log")
                .channel("pager").build());
            for (int i = 0; i < interactions; i++) {
                session.trackInteraction("agent-" + (i % 7), interaction(i));
                if (i % 10 == 0) {
                    session.trackSignal("response_quality", PerformanceSignal.builder().value(0.5 + (i % 5) / 10.0)
                        .frequency("high").attribution(Attribution.team(TEAMS[i % 3])).build());
                }
            }
        }
        return genops.close(Duration.ofSeconds(10)).metrics();
    }

    private static Interaction interaction(final int i) {
        final Interaction.Builder builder = Interaction.builder()
            .model(i % 11 == 0 ? "unknown-model" : TestTables.MODEL)
            .inputTokens(1000 + i % 13).cacheReadTokens(i % 5 * 10).outputTokens(500).reasoningTokens(i % 3)
            .latency(Duration.ofMillis(100 + i % 1500))
            .performance(Map.of("response_quality", 0.9))
            .attribution(Attribution.builder().team(TEAMS[i % 3]).customerId("customer-" + i % 4).build());
        if (i % 17 == 0) {
            builder.cost(Money.usd(i % 2 == 0 ? "0" : "0.5"));
        }
        return builder.build();
    }
}
