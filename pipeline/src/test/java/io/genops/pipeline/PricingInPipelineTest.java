package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.pricing.PlatformPriceTable.Discount;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingInPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void estimateCost_withTheBundledTables_pricesGpt4oExactly() {
        try (GenOps genops = GenOps.builder().noJournal().build()) {
            final CostEstimate estimate = genops.estimateCost(Interaction.builder()
                .model("gpt-4o").inputTokens(1000).outputTokens(500).build());

            assertThat(estimate.model()).isEqualTo(Money.usd("0.0075"));
            assertThat(estimate.platform()).isEqualTo(Money.usd("0.001"));
            assertThat(estimate.total()).isEqualTo(Money.usd("0.0085"));
            assertThat(estimate.modelPriced()).isTrue();
        }
    }

    @Test
    void cachedAndReasoningTokens_arePricedOnceAtTheirOwnRates() {
        try (GenOps genops = TestTables.builder().build();
             MonitoringSession session = genops.openSession("s")) {
            final Interaction interaction = Interaction.builder().model(TestTables.MODEL)
                .inputTokens(1000).cacheReadTokens(400).outputTokens(100).reasoningTokens(40).build();
            session.trackInteraction("bot", interaction);
            session.close();

            // 600 × 1e-6 + 400 × 0.5e-6 + 60 × 2e-6 + 40 × 3e-6 = 0.00104, plus the 0.001 platform fee.
            assertThat(session.totalCost()).isEqualTo(Money.usd("0.00204"));
            assertThat(genops.estimateCost(interaction).model()).isEqualTo(Money.usd("0.00104"));
        }
    }

    @Test
    void explicitZeroCost_staysZero_andUnknownModelsAreCountedNotSilent() {
        try (GenOps genops = TestTables.builder().build();
             MonitoringSession session = genops.openSession("s")) {
            session.trackInteraction("bot", Interaction.builder().model(TestTables.MODEL)
                .inputTokens(1000).cost(Money.usd("0")).build());
            session.trackInteraction("bot", Interaction.builder().model("mystery-model").inputTokens(1000).build());
            session.trackInteraction("bot", Interaction.builder().model("mystery-model").inputTokens(1000).build());
            session.close();

            // The override is zero; each unknown model event pays only the platform fee.
            assertThat(session.totalCost()).isEqualTo(Money.usd("0.002"));
            assertThat(genops.metrics().unpricedEvents()).isEqualTo(2);
            // One miss per distinct model, then hits.
            assertThat(genops.metrics().priceCacheMisses()).isEqualTo(2);
            assertThat(genops.metrics().priceCacheHits()).isEqualTo(1);
        }
    }

    @Test
    void volumeDiscount_appliesFromTheMonthsThreshold() {
        try (GenOps genops = TestTables.builder()
            .platformPrices(TestTables.platform(List.of(new Discount(3, new BigDecimal("0.10"))))).build();
             MonitoringSession session = genops.openSession("s")) {
            for (int i = 0; i < 5; i++) {
                session.trackInteraction("bot", Interaction.builder().model(TestTables.MODEL).build());
            }
            assertThat(genops.flush(WAIT)).isTrue();

            // Three at 0.001, then two at 0.0009.
            assertThat(genops.metrics().totalCost()).isEqualTo(Money.usd("0.0048"));
            assertThat(genops.estimateCost(Interaction.builder().build()).volumeDiscount())
                .isEqualByComparingTo("0.10");
        }
    }

    @Test
    void convert_usesTheConfiguredRates() {
        try (GenOps genops = TestTables.builder().build()) {
            assertThat(genops.convert(Money.usd("1.20"), "EUR")).isEqualTo(Money.of("1.02", "EUR"));
        }
    }
}
