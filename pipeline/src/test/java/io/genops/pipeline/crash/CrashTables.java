package io.genops.pipeline.crash;

import io.genops.core.Attribution;
import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.event.Interaction;
import io.genops.core.money.Money;
import io.genops.core.policy.GovernancePolicy;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.PlatformPriceTable.Band;
import io.genops.core.pricing.TokenRates;
import io.genops.pipeline.GenOps;
import io.genops.pipeline.GenOpsBuilder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one configuration the crash writer and the checks after a crash share: two teams with daily
 * budgets (one small enough to be spent), round prices and a single kind of interaction, so every
 * journaled record costs the same and a record that costs anything else cannot have come from the
 * writer.
 */
final class CrashTables {
    static final String SUPPORT = "support";
    static final String SALES = "sales";
    static final String MODEL = "crash-model";
    /** Reached within a second or so by a full-speed writer, so enforced trials also refuse events. */
    static final Money SUPPORT_DAILY_BUDGET = Money.usd("600");
    /** Never reached: it only makes the pipeline track sales' spend, which the checks compare too. */
    static final Money SALES_DAILY_BUDGET = Money.usd("1000000");
    /** 1,000 input tokens at 1e-6 USD, 500 output tokens at 2e-6 USD and the flat 0.001 USD platform fee. */
    static final long INTERACTION_NANOS = 3_000_000;

    private static final Interaction SUPPORT_INTERACTION = interaction(SUPPORT);
    private static final Interaction SALES_INTERACTION = interaction(SALES);

    private CrashTables() {
    }

    /** A pipeline over {@code journal} with {@code policy}; the ring is small to keep the writer's heap small. */
    static GenOpsBuilder builder(final Path journal, final GovernancePolicy policy) {
        return GenOps.builder()
            .journal(journal)
            .team(SALES)
            .policy(policy)
            .dailyBudget(SUPPORT, SUPPORT_DAILY_BUDGET)
            .dailyBudget(SALES, SALES_DAILY_BUDGET)
            .modelPrices(models())
            .platformPrices(platform())
            .ringSize(4096);
    }

    /** The interaction every event of the writer records, charged to {@code team}. */
    static Interaction interactionOf(final String team) {
        return SUPPORT.equals(team) ? SUPPORT_INTERACTION : SALES_INTERACTION;
    }

    static ModelPriceTable models() {
        return ModelPriceTable.of("crash", List.of(
            ModelPrice.of(MODEL, "acme", new TokenRates(1_000_000, 2_000_000, 500_000, 1_250_000, 3_000_000))));
    }

    /** 0.001 USD per interaction with every factor 1 and no volume discount. */
    static PlatformPriceTable platform() {
        final Map<Complexity, BigDecimal> complexities = new EnumMap<>(Complexity.class);
        for (final Complexity complexity : Complexity.values()) {
            complexities.put(complexity, BigDecimal.ONE);
        }
        final Map<Frequency, BigDecimal> frequencies = new EnumMap<>(Frequency.class);
        for (final Frequency frequency : Frequency.values()) {
            frequencies.put(frequency, BigDecimal.ONE);
        }
        return PlatformPriceTable.builder()
            .interaction(new BigDecimal("0.001"), complexities, List.of(Band.open(BigDecimal.ONE)))
            .signal(new BigDecimal("0.01"), complexities, frequencies)
            .alert(new BigDecimal("0.1"), complexities, List.of(Band.open(BigDecimal.ONE)))
            .volumeDiscounts(List.of())
            .build();
    }

    private static Interaction interaction(final String team) {
        return Interaction.builder()
            .model(MODEL)
            .inputTokens(1000)
            .outputTokens(500)
            .attribution(Attribution.team(team))
            .build();
    }
}
