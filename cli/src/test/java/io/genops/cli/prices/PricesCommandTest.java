package io.genops.cli.prices;

import static org.assertj.core.api.Assertions.assertThat;

import io.genops.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesCommandTest {

    @Test
    void listsTheBundledTablePerMillionTokens() {
        final CommandRun run = CommandRun.of("prices");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Model prices of bundled: ")
            .containsPattern("gpt-4o-mini\\s+openai\\s+0\\.15\\s+0\\.075\\s+0\\.15\\s+0\\.60\\s+0\\.60")
            .containsPattern("claude-sonnet-4-5\\s+anthropic");
    }

    @Test
    void oneModelIsFoundAsThePipelineFindsIt() {
        final CommandRun run = CommandRun.of("prices", "--model", "openai/gpt-4o-mini-2024-07-18");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("gpt-4o-mini in bundled (provider openai)").contains("0.075");
        assertThat(run.out().lines()).hasSize(3);
    }

    @Test
    void tiersAreListedUnderTheirModel(@TempDir final Path directory) throws IOException {
        final Path file = Files.writeString(directory.resolve("prices.json"),
            "{\"format\": \"genops-model-prices/1\", \"currency\": \"USD\", \"unit\": \"per_million_tokens\", "
            + "\"models\": {\"long-one\": {\"input\": "
            + "\"1.25\", \"output\": \"10\", \"tiers\": [{\"above_input_tokens\": 200000, \"input\": \"2.5\", "
            + "\"output\": \"15\"}]}}}");

        final CommandRun run = CommandRun.of("prices", "--file", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Model prices of " + file + ": 1 models")
            .containsPattern("long-one\\s+-\\s+1\\.25\\s+1\\.25\\s+1\\.25\\s+10\\.00\\s+10\\.00")
            .containsPattern("above 200,000 input tokens\\s+2\\.50\\s+2\\.50\\s+2\\.50\\s+15\\.00\\s+15\\.00");
    }

    @Test
    void anUnknownModelFailsWithSimilarNames() {
        final CommandRun run = CommandRun.of("prices", "--model", "gpt-4");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
            .startsWith("genops prices: no price for model 'gpt-4' in bundled; similar: ").contains("gpt-4o");
    }

    @Test
    void aFileWithErrorsNamesLineAndKey(@TempDir final Path directory) throws IOException {
        final Path file = Files.writeString(directory.resolve("litellm.json"), "{\n  \"gpt-4o\": {\n"
            + "    \"input_cost_per_token\": \"cheap\",\n    \"output_cost_per_token\": 1e-5}\n}\n");

        final CommandRun run = CommandRun.of("prices", "--file", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).singleElement().asString()
            .startsWith("genops prices: " + file + ":3: gpt-4o.input_cost_per_token: ");
    }
}
