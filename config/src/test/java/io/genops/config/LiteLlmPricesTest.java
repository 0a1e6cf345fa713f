package io.genops.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.genops.core.money.Money;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Reads the real LiteLLM table kept in the shared data directory. */
class LiteLlmPricesTest {
    private static final List<String> BASE_KEYS = List.of("input_cost_per_token", "output_cost_per_token");

    private static Path file;
    private static ModelPriceTable table;

    @BeforeAll
    static void readOnce() {
        file = SharedData.file(SharedData.LITELLM_PRICES);
        table = PriceTables.readLiteLlm(file);
    }

    @Test
    void shouldPriceGpt4oExactly() {
        final ModelPrice gpt4o = table.find("gpt-4o");

        assertThat(gpt4o.provider()).isEqualTo("openai");
        assertThat(gpt4o.base()).isEqualTo(new TokenRates(2_500_000, 10_000_000, 1_250_000, 2_500_000, 10_000_000));
        assertThat(Money.usdNanos(gpt4o.costNanos(1000, 500, 0, 0, 0))).isEqualTo(Money.usd("0.0075"));
    }

    @Test
    void shouldPriceCacheReadsOfGpt4oMini() {
        final ModelPrice mini = table.find("gpt-4o-mini");

        assertThat(mini.base().inputPicos()).isEqualTo(150_000);
        assertThat(mini.base().outputPicos()).isEqualTo(600_000);
        assertThat(mini.base().cacheReadPicos()).isEqualTo(75_000);
        // 2,000 uncached at 0.15/M + 8,000 cached at 0.075/M + 1,000 output at 0.60/M
        assertThat(mini.costNanos(10_000, 1000, 8000, 0, 0)).isEqualTo(1_500_000);
    }

    @Test
    void shouldSwitchToTheLongContextTierAboveItsThreshold() {
        final ModelPrice gemini = table.find("gemini-2.5-pro");

        assertThat(gemini.tiers()).containsExactly(new ModelPrice.Tier(200_000,
            new TokenRates(2_500_000, 15_000_000, 250_000, 250_000, 15_000_000)));
        assertThat(Money.usdNanos(gemini.costNanos(200_000, 1000, 0, 0, 0))).isEqualTo(Money.usd("0.26"));
        assertThat(Money.usdNanos(gemini.costNanos(250_000, 1000, 0, 0, 0))).isEqualTo(Money.usd("0.64"));
    }

    @Test
    void shouldFillKindsATierLeavesOutFromTheTierItself() {
        final TokenRates gpt54Tier = table.find("gpt-5.4").tiers().get(0).rates();
        final TokenRates sonnetTier = table.find("claude-sonnet-4-5").tiers().get(0).rates();

        assertThat(table.find("gpt-5.4").tiers().get(0).aboveInputTokens()).isEqualTo(272_000);
        assertThat(gpt54Tier.cacheCreationPicos()).as("no cache-write price anywhere: the tier's input")
            .isEqualTo(gpt54Tier.inputPicos()).isEqualTo(5_000_000);
        assertThat(sonnetTier.reasoningPicos()).as("no reasoning price anywhere: the tier's output")
            .isEqualTo(22_500_000);
        assertThat(sonnetTier.cacheCreationPicos()).isEqualTo(7_500_000);
    }

    @Test
    void shouldIgnoreServiceTierAndOneHourCacheKeys() {
        final TokenRates sonnet = table.find("claude-3-7-sonnet-20250219").base();

        assertThat(sonnet.cacheCreationPicos()).as("not cache_creation_input_token_cost_above_1hr")
            .isEqualTo(3_750_000);
        assertThat(table.find("gpt-4o").base().inputPicos()).as("not input_cost_per_token_priority")
            .isEqualTo(2_500_000);
        assertThat(table.find("claude-3-7-sonnet-20250219").tiers()).isEmpty();
    }

    @Test
    void shouldLoadEveryEntryWithTokenPricesAndSkipTheRest() throws IOException {
        final Map<String, BigDecimal[]> stated = statedBasePrices(file);
        final LiteLlmFormat.Result result;
        try (JsonCursor cursor = JsonCursor.open(Files.readAllBytes(file), file.toString())) {
            result = LiteLlmFormat.read(cursor, file.toString());
        }

        assertThat(stated).hasSize(218);
        assertThat(result.table().size()).isEqualTo(217);
        assertThat(result.skipped()).containsExactly("gpt-realtime-whisper");
        stated.forEach((model, prices) -> {
            if (prices[0] != null || prices[1] != null) {
                final TokenRates rates = result.table().find(model).base();
                assertThat(rates.inputPicos()).as(model).isEqualTo(picos(prices[0]));
                assertThat(rates.outputPicos()).as(model).isEqualTo(picos(prices[1]));
            }
        });
    }

    @Test
    void shouldPriceAMissingSideAtZero() {
        final TokenRates image = table.find("gpt-image-1").base();

        assertThat(image.inputPicos()).isEqualTo(5_000_000);
        assertThat(image.outputPicos()).as("billed per image token, a kind this table does not read").isZero();
    }

    @Test
    void shouldNameTheFileAsSourceAndFindProviderPrefixedDatedNames() {
        assertThat(table.source()).isEqualTo(file.toString());
        assertThat(table.find("openai/GPT-4o-mini-2024-07-18").model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(table.find("anthropic/claude-haiku-4-5").provider()).isEqualTo("anthropic");
    }

    @Test
    void shouldNameTheEntriesItLeavesOutInOneLogLine() {
        final Logger logger = (Logger)LoggerFactory.getLogger(PriceTables.class);
        final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        try {
            PriceTables.readLiteLlm(file);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(null);
            logger.setAdditive(true);
        }

        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
            .isEqualTo("Read 217 model prices from " + file
                + "; 1 without a per-token price left out: gpt-realtime-whisper");
    }

    @Test
    void shouldDetectTheFormatWhenReadingModels() {
        assertThat(PriceTables.readModels(file).size()).isEqualTo(table.size());
    }

    /** The file's own input and output prices per entry, found by a plain walk over the JSON (null when absent). */
    private static Map<String, BigDecimal[]> statedBasePrices(final Path file) throws IOException {
        final Map<String, BigDecimal[]> stated = new LinkedHashMap<>();
        try (JsonParser json = JsonCursor.FACTORY.createParser(file.toFile())) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                final String model = json.currentName();
                final BigDecimal[] prices = new BigDecimal[2];
                json.nextToken();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    final int index = BASE_KEYS.indexOf(json.currentName());
                    json.nextToken();
                    if (index >= 0) {
                        prices[index] = new BigDecimal(json.getText());
                    }
                    json.skipChildren();
                }
                stated.put(model, prices);
            }
        }
        return stated;
    }

    private static long picos(final BigDecimal perToken) {
        return perToken == null ? 0 : perToken.movePointRight(12).longValueExact();
    }
}
