package io.genops.pipeline;

import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.PlatformPriceTable.Band;
import io.genops.core.pricing.TokenRates;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small price tables with round numbers, so expected costs can be worked out by hand. */
final class TestTables {
    /** 1e-6 USD per input token, 2e-6 per output token: 1,000,000 and 2,000,000 picos. */
    static final String MODEL = "test-model";

    private TestTables() {
    }

    static ModelPriceTable models() {
        return ModelPriceTable.of("test", List.of(
            ModelPrice.of(MODEL, "acme", new TokenRates(1_000_000, 2_000_000, 500_000, 1_250_000, 3_000_000))));
    }

    /** 0.001 USD per interaction and 0.01 per signal and 0.1 per alert, all factors 1, no discounts. */
    static PlatformPriceTable flatPlatform() {
        return platform(List.of());
    }

    static PlatformPriceTable platform(final List<PlatformPriceTable.Discount> discounts) {
        final Map<Complexity, BigDecimal> ones = new EnumMap<>(Complexity.class);
        for (final Complexity complexity : Complexity.values()) {
            ones.put(complexity, BigDecimal.ONE);
        }
        final Map<Frequency, BigDecimal> frequencies = new EnumMap<>(Frequency.class);
        for (final Frequency frequency : Frequency.values()) {
            frequencies.put(frequency, BigDecimal.ONE);
        }
        return PlatformPriceTable.builder()
            .interaction(new BigDecimal("0.001"), ones, List.of(Band.open(BigDecimal.ONE)))
            .signal(new BigDecimal("0.01"), ones, frequencies)
            .alert(new BigDecimal("0.1"), ones, List.of(Band.open(BigDecimal.ONE)))
            .volumeDiscounts(discounts)
            .build();
    }

    /** A builder on the test tables with a small ring and no journal, for fast tests. */
    static GenOpsBuilder builder() {
        return GenOps.builder()
            .noJournal()
            .team("platform")
            .modelPrices(models())
            .platformPrices(flatPlatform())
            .ringSize(1024);
    }
}
