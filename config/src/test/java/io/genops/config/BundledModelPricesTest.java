package io.genops.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.core.money.Money;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BundledModelPricesTest {
    /** Bundled names that LiteLLM lists only with a release date. */
    private static final Map<String, String> LITELLM_NAMES = Map.of(
        "claude-3-7-sonnet", "claude-3-7-sonnet-20250219",
        "claude-sonnet-4", "claude-sonnet-4-20250514");

    private final ModelPriceTable bundled = PriceTables.bundledModels();

    @Test
    void shouldHoldTheWidelyUsedModelsOfEachProvider() {
        assertThat(bundled.source()).isEqualTo(PriceTables.BUNDLED);
        assertThat(bundled.size()).isEqualTo(25);
        assertThat(bundled.prices()).extracting(ModelPrice::provider)
            .containsOnly("openai", "anthropic", "google", "deepseek");
        assertThat(bundled.prices()).extracting(ModelPrice::model).contains("gpt-4o", "gpt-4o-mini", "gpt-4.1",
            "gpt-4.1-mini", "o3", "o4-mini", "gpt-5", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1",
            "claude-3-7-sonnet", "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.0-flash", "deepseek-chat",
            "deepseek-reasoner");
    }

    @Test
    void shouldAgreeWithThePublicPriceFactsForEveryModel() {
        final ModelPriceTable liteLlm = PriceTables.readLiteLlm(SharedData.file(SharedData.LITELLM_PRICES));

        for (final ModelPrice price : bundled.prices()) {
            final ModelPrice fact = liteLlm.find(LITELLM_NAMES.getOrDefault(price.model(), price.model()));
            assertThat(fact).as(price.model()).isNotNull();
            assertThat(price.base()).as(price.model()).isEqualTo(fact.base());
            assertThat(price.tiers()).as(price.model()).isEqualTo(fact.tiers());
        }
    }

    @Test
    void shouldPriceGpt4oAsTheLiteLlmTableDoes() {
        assertThat(Money.usdNanos(bundled.find("gpt-4o").costNanos(1000, 500, 0, 0, 0))).isEqualTo(Money.usd("0.0075"));
    }

    @Test
    void shouldFindDatedAndPrefixedNamesOfBundledModels() {
        assertThat(bundled.find("claude-3-7-sonnet-20250219").model()).isEqualTo("claude-3-7-sonnet");
        assertThat(bundled.find("google/Gemini-2.5-Pro").model()).isEqualTo("gemini-2.5-pro");
        assertThat(bundled.find("gpt-4o-2024-08-06").model()).isEqualTo("gpt-4o");
        assertThat(bundled.find("llama-3-70b")).isNull();
    }

    @Test
    void shouldReturnTheSameTableOnEveryCall() {
        assertThat(PriceTables.bundledModels()).isSameAs(bundled);
    }
}
