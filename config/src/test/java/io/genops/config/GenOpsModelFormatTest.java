package io.genops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenOpsModelFormatTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackTheBundledTableItWrote() {
        final Path file = dir.resolve("prices.json");

        PriceTables.writeGenOps(PriceTables.bundledModels(), file);

        assertSamePrices(PriceTables.readGenOps(file), PriceTables.bundledModels());
    }

    @Test
    void shouldCarryEveryLiteLlmPriceThroughOurFormat() {
        final ModelPriceTable liteLlm = PriceTables.readLiteLlm(SharedData.file(SharedData.LITELLM_PRICES));
        final Path file = dir.resolve("frozen.json");

        PriceTables.writeGenOps(liteLlm, file);
        final ModelPriceTable frozen = PriceTables.readModels(file);

        assertThat(frozen.source()).isEqualTo(file.toString());
        assertSamePrices(frozen, liteLlm);
    }

    @Test
    void shouldWriteDecimalStringsPerMillionAndLeaveDefaultsOut() throws IOException {
        final Path file = dir.resolve("one.json");
        final ModelPrice gpt4o = ModelPrice.of("gpt-4o", "openai", new TokenRates(2_500_000, 10_000_000,
            1_250_000, 2_500_000, 10_000_000));

        PriceTables.writeGenOps(ModelPriceTable.of("test", List.of(gpt4o)), file);

        assertThat(Files.readString(file)).isEqualTo("""
            {
                "format": "genops-model-prices/1",
                "currency": "USD",
                "unit": "per_million_tokens",
                "models": {
                    "gpt-4o": {
                        "provider": "openai",
                        "input": "2.50",
                        "output": "10.00",
                        "cache_read": "1.25"
                    }
                }
            }
            """);
    }

    @Test
    void shouldFillUnstatedKindsFromTheEntryAndFromEachTier() {
        final Path file = TempJson.write(dir, "tiers.json", """
            {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens", "models": {
                "m": {"input": "1.00", "output": "4.00", "reasoning": "8.00",
                      "tiers": [{"above_input_tokens": 1000, "input": "2.00", "output": "6.00"}]}
            }}
            """);

        final ModelPrice price = PriceTables.readGenOps(file).find("m");

        assertThat(price.provider()).isNull();
        assertThat(price.base()).isEqualTo(new TokenRates(1_000_000, 4_000_000, 1_000_000, 1_000_000, 8_000_000));
        assertThat(price.tiers().get(0).rates())
            .isEqualTo(new TokenRates(2_000_000, 6_000_000, 2_000_000, 2_000_000, 6_000_000));
    }

    @Test
    void shouldKeepTheSmallestPricePerMillionExactly() {
        final Path file = TempJson.write(dir, "tiny.json", """
            {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens",
             "models": {"tiny": {"input": "0.000001", "output": "0"}}}
            """);

        assertThat(PriceTables.readGenOps(file).find("tiny").base().inputPicos()).isEqualTo(1);
    }

    @Test
    void shouldDetectOurFormatInAStream() throws IOException {
        final ModelPriceTable table;
        try (InputStream in = PriceTables.class.getResourceAsStream(PriceTables.MODEL_RESOURCE)) {
            table = PriceTables.readModels(in, "prices-in-a-jar.json");
        }

        assertThat(table.source()).isEqualTo("prices-in-a-jar.json");
        assertSamePrices(table, PriceTables.bundledModels());
    }

    @Test
    void shouldRefuseOurFormatWhenAskedForLiteLlm() {
        final Path file = dir.resolve("ours.json");
        PriceTables.writeGenOps(PriceTables.bundledModels(), file);

        assertThatThrownBy(() -> PriceTables.readLiteLlm(file))
            .isInstanceOf(PriceTableException.class)
            .hasMessageContaining("declares a format");
    }

    private static void assertSamePrices(final ModelPriceTable actual, final ModelPriceTable expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (final ModelPrice price : expected.prices()) {
            final ModelPrice read = actual.find(price.model());
            assertThat(read.model()).isEqualTo(price.model());
            assertThat(read.provider()).as(price.model()).isEqualTo(price.provider());
            assertThat(read.base()).as(price.model()).isEqualTo(price.base());
            assertThat(read.tiers()).as(price.model()).isEqualTo(price.tiers());
        }
    }
}
