package io.genops.config;

import static io.genops.config.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad model price file is refused whole, with the file, the key path and the line of the problem. */
class PriceTableErrorsTest {
    @TempDir
    Path dir;

    @Nested
    class LiteLlm {
        @Test
        void shouldRefuseANegativePrice() {
            final Path file = TempJson.write(dir, "negative.json", """
                {
                    "good": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
                    "bad": {
                        "litellm_provider": "openai",
                        "input_cost_per_token": -1e-06
                    }
                }
                """);

            assertRefused(file, PriceTables::readLiteLlm, "bad.input_cost_per_token", 5, "must not be negative");
        }

        @Test
        void shouldRefuseAPriceWrittenAsText() {
            final Path file = TempJson.write(dir, "text.json", """
                {
                    "bad": {"input_cost_per_token": 1e-06,
                            "output_cost_per_token": "2e-06"}
                }
                """);

            assertRefused(file, PriceTables::readLiteLlm, "bad.output_cost_per_token", 3,
                "expected a number, found a string");
        }

        @Test
        void shouldRefuseAPriceFinerThanAPicodollar() {
            final Path file = TempJson.write(dir, "fine.json", """
                {
                    "bad": {"input_cost_per_token": 1.5e-13, "output_cost_per_token": 1e-06}
                }
                """);

            assertRefused(file, PriceTables::readLiteLlm, "bad.input_cost_per_token", 2, "finer than 1e-12");
        }

        @Test
        void shouldRefuseABadTierPrice() {
            final Path file = TempJson.write(dir, "tier.json", """
                {
                    "bad": {
                        "input_cost_per_token": 1e-06,
                        "input_cost_per_token_above_200k_tokens": null
                    }
                }
                """);

            assertRefused(file, PriceTables::readLiteLlm, "bad.input_cost_per_token_above_200k_tokens", 4,
                "expected a number, found null");
        }

        @Test
        void shouldRefuseMalformedJson() {
            final Path file = TempJson.write(dir, "malformed.json", """
                {
                    "a": {"input_cost_per_token": 1e-06}
                    "b": {"input_cost_per_token": 1e-06}
                }
                """);

            assertRefused(file, PriceTables::readLiteLlm, "a", 3, "malformed JSON");
        }

        @Test
        void shouldRefuseAModelListedTwice() {
            final Path file = TempJson.write(dir, "twice.json", """
                {
                    "a": {"input_cost_per_token": 1e-06},
                    "a": {"input_cost_per_token": 2e-06}
                }
                """);

            assertRefused(file, PriceTables::readModels, "a", 3, "Duplicate");
        }

        @Test
        void shouldRefuseATruncatedFile() {
            final Path file = TempJson.write(dir, "truncated.json", "{\n    \"a\": {\"input_cost_per_token\": 1e-06\n");

            assertRefused(file, PriceTables::readLiteLlm, "a.input_cost_per_token", 3, "Unexpected end-of-input");
        }

        @Test
        void shouldRefuseADocumentThatIsNotAnObject() {
            final Path file = TempJson.write(dir, "array.json", "[1, 2]\n");

            assertRefused(file, PriceTables::readModels, "", 1, "must be a JSON object");
        }

        @Test
        void shouldIgnoreKeysItDoesNotPriceByWhateverTheirShape() {
            final Path file = TempJson.write(dir, "lenient.json", """
                {
                    "sample_spec": {"input_cost_per_token": 0.0, "max_tokens": "documentation"},
                    "m": {
                        "input_cost_per_token": 1e-06,
                        "input_cost_per_token_priority": "n/a",
                        "cache_creation_input_token_cost_above_1hr_above_200k_tokens": [1, 2],
                        "search_context_cost_per_query": {"search_context_size_low": 0.01},
                        "supports_vision": true,
                        "mode": null
                    }
                }
                """);

            assertThat(PriceTables.readLiteLlm(file).size()).isEqualTo(1);
        }
    }

    @Nested
    class NoModels {
        @Test
        void shouldRefuseAnEmptyObjectRatherThanPriceEveryTokenAtZero() {
            final Path file = TempJson.write(dir, "empty.json", "{}\n");

            assertRefused(file, PriceTables::readModels, "", 1, "no model prices: read as LiteLLM's table");
        }

        @Test
        void shouldRefuseAnotherKindOfJsonFile() {
            final Path file = TempJson.write(dir, "cfg.json", "{\"genops\": {\"policy\": 3}}\n");

            assertRefused(file, PriceTables::readModels, "", 1, "none of its 1 top-level keys is a model with "
                + "input_cost_per_token or output_cost_per_token");
        }

        @Test
        void shouldRefuseOurFormatWithoutModels() {
            final Path file = TempJson.write(dir, "none.json", """
                {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens", "models": {}}
                """);

            assertRefused(file, PriceTables::readModels, "models", 1, "no model prices");
        }
    }

    @Nested
    class GenOps {
        @Test
        void shouldRefuseAnUnknownKeyAndSuggestTheIntendedOne() {
            final Path file = TempJson.write(dir, "typo.json", """
                {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens", "models": {
                    "gpt-4o": {"input": "2.50", "output": "10.00",
                               "cahce_read": "1.25"}
                }}
                """);

            final PriceTableException refusal = assertRefused(file, PriceTables::readModels,
                "models.gpt-4o.cahce_read", 3, "unknown key 'cahce_read'");
            assertThat(refusal).hasMessageContaining("did you mean 'cache_read'?")
                .hasMessageContaining("allowed: provider, input, output, cache_read, cache_creation, reasoning, tiers");
        }

        @Test
        void shouldRefuseAnEntryWithoutOutputAtTheLineItStarts() {
            final Path file = TempJson.write(dir, "missing.json", """
                {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens", "models": {
                    "gpt-4o": {
                        "input": "2.50"
                    }
                }}
                """);

            assertRefused(file, PriceTables::readGenOps, "models.gpt-4o.output", 2, "required key 'output' is missing");
        }

        @Test
        void shouldRefuseANegativePrice() {
            final Path file = modelFile("negative.json", "\"input\": \"-2.50\", \"output\": \"10.00\"");

            assertRefused(file, PriceTables::readGenOps, "models.m.input", 3, "price -2.50 is negative");
        }

        @Test
        void shouldRefuseAPriceFinerThanAPicodollarPerToken() {
            final Path file = modelFile("fine.json", "\"input\": \"0.0000001\", \"output\": \"10.00\"");

            assertRefused(file, PriceTables::readGenOps, "models.m.input", 3, "more than 6 decimals");
        }

        @Test
        void shouldRefuseAPriceWrittenAsAJsonNumber() {
            final Path file = modelFile("number.json", "\"input\": \"2.50\", \"output\": 10.0");

            assertRefused(file, PriceTables::readGenOps, "models.m.output", 3, "expected a decimal string");
        }

        @Test
        void shouldRefuseAPriceThatIsNotADecimal() {
            final Path file = modelFile("word.json", "\"input\": \"cheap\", \"output\": \"10.00\"");

            assertRefused(file, PriceTables::readGenOps, "models.m.input", 3, "\"cheap\" is not a decimal number");
        }

        @Test
        void shouldRefuseTwoTiersWithOneThreshold() {
            final Path file = modelFile("tiers.json", """
                "input": "1.00", "output": "2.00", "tiers": [
                        {"above_input_tokens": 1000, "input": "2.00", "output": "3.00"},
                        {"above_input_tokens": 1000, "input": "3.00", "output": "4.00"}]""");

            assertRefused(file, PriceTables::readGenOps, "models.m.tiers[1].above_input_tokens", 5,
                "another tier already starts above 1000 input tokens");
        }

        @Test
        void shouldRefuseAnotherFormatVersion() {
            final Path file = TempJson.write(dir, "v2.json", """
                {
                    "format": "genops-model-prices/2",
                    "models": {}
                }
                """);

            assertRefused(file, PriceTables::readModels, "format", 2, "this reader knows genops-model-prices/1");
        }

        @Test
        void shouldRefuseAMisspelledTopLevelKey() {
            final Path file = TempJson.write(dir, "top.json", """
                {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens",
                 "modles": {}}
                """);

            assertRefused(file, PriceTables::readGenOps, "modles", 2, "did you mean 'models'?");
        }

        private Path modelFile(final String name, final String entry) {
            return TempJson.write(dir, name, "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\",\n"
                + " \"unit\": \"per_million_tokens\", \"models\": {\n    \"m\": {" + entry + "}\n}}\n");
        }
    }
}
