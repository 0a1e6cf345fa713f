package io.genops.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelPriceTableTest {
    private static final ModelPrice GPT_4O = ModelPrice.of("gpt-4o", "openai", TokenRates.of(2_500_000, 10_000_000));
    private static final ModelPrice DATED = ModelPrice.of("gpt-4o-2024-05-13", "openai", TokenRates.of(5_000_000,
        15_000_000));
    private static final ModelPrice PREFIXED = ModelPrice.of("azure/gpt-4o", "azure", TokenRates.of(2_600_000,
        11_000_000));

    private final ModelPriceTable table = ModelPriceTable.of("test", List.of(GPT_4O, DATED, PREFIXED));

    @Test
    void find_exactName_winsOverEveryVariant() {
        assertThat(table.find("gpt-4o")).isSameAs(GPT_4O);
        assertThat(table.find("gpt-4o-2024-05-13")).as("a dated entry of its own").isSameAs(DATED);
        assertThat(table.find("azure/gpt-4o")).as("a prefixed entry of its own").isSameAs(PREFIXED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GPT-4o", "openai/gpt-4o", "OpenAI/GPT-4O", "gpt-4o-20240806", "gpt-4o-2024-08-06",
        "openai/gpt-4o-2024-08-06", "Azure-EU/GPT-4o-20241120"})
    void find_commonVariantOfAName_findsTheBaseEntry(final String reported) {
        assertThat(table.find(reported)).isSameAs(GPT_4O);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4", "gpt-4o-mini", "gpt-4o-2024", "gpt-4o-202408", "openai/", "", "gpt-4o/"})
    void find_nameOfNoEntry_isNull(final String reported) {
        assertThat(table.find(reported)).isNull();
    }

    @Test
    void find_null_namesTheParameter() {
        assertThatNullPointerException().isThrownBy(() -> table.find(null)).withMessage("model");
    }

    @Test
    void of_modelListedTwice_isRefusedNamingTheSource() {
        final List<ModelPrice> twice = List.of(GPT_4O, GPT_4O);

        assertThatIllegalArgumentException().isThrownBy(() -> ModelPriceTable.of("prices.json", twice))
            .withMessage("prices.json: model 'gpt-4o' is listed twice");
    }

    @Test
    void with_overrides_replaceAndAddEntries() {
        final ModelPrice cheaper = ModelPrice.of("gpt-4o", "openai", TokenRates.of(1, 1));
        final ModelPrice added = ModelPrice.of("in-house", null, TokenRates.of(0, 0));

        final ModelPriceTable merged = table.with(ModelPriceTable.of("overrides", List.of(cheaper, added)));

        assertThat(merged.source()).isEqualTo("test + overrides");
        assertThat(merged.size()).isEqualTo(4);
        assertThat(merged.find("gpt-4o")).isSameAs(cheaper);
        assertThat(merged.find("in-house")).isSameAs(added);
        assertThat(table.find("gpt-4o")).as("the original is unchanged").isSameAs(GPT_4O);
    }

    @Test
    void prices_areListedInTheOrderGivenAndCannotBeChanged() {
        assertThat(table.prices()).containsExactly(GPT_4O, DATED, PREFIXED);
        assertThat(table.prices()).isUnmodifiable();
    }
}
