package io.genops.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.TokenRates;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Our own model price format, {@value #FORMAT}: USD per million tokens, each price a decimal string
 * so that no JSON tool on the way turns it into a binary fraction.
 *
 * <pre>
 * {
 *     "format": "genops-model-prices/1",
 *     "currency": "USD",
 *     "unit": "per_million_tokens",
 *     "models": {
 *         "gpt-4o": {"provider": "openai", "input": "2.50", "output": "10.00", "cache_read": "1.25"},
 *         "gemini-2.5-pro": {
 *             "provider": "google", "input": "1.25", "output": "10.00", "cache_read": "0.125",
 *             "tiers": [{"above_input_tokens": 200000, "input": "2.50", "output": "15.00", "cache_read": "0.25"}]
 *         }
 *     }
 * }
 * </pre>
 *
 * <p>An entry needs {@code input} and {@code output}; {@code cache_read} and {@code cache_creation}
 * default to its {@code input}, {@code reasoning} to its {@code output}, and {@code provider} is
 * optional. A tier prices every token of a request whose input exceeds {@code above_input_tokens}; it
 * needs {@code input} and {@code output} of its own and fills in the other kinds from them in the same
 * way. A price has at most six decimals, which is 1e-12 per token. Every key is checked: an unknown
 * one is an error that names the nearest known key.
 */
final class GenOpsModelFormat {
    static final String FORMAT = PriceTables.MODEL_FORMAT;
    static final String FORMAT_KEY = "format";

    private static final String CURRENCY_KEY = "currency";
    private static final String UNIT_KEY = "unit";
    private static final String MODELS_KEY = "models";
    private static final String PROVIDER_KEY = "provider";
    private static final String TIERS_KEY = "tiers";
    private static final String ABOVE_KEY = "above_input_tokens";
    private static final String CURRENCY = "USD";
    private static final String UNIT = "per_million_tokens";
    /** Decimals of a per-million price that make a whole picounit per token. */
    private static final int PER_MILLION_SCALE = 6;

    private static final List<String> TOP_KEYS = List.of(FORMAT_KEY, CURRENCY_KEY, UNIT_KEY, MODELS_KEY);
    private static final List<String> REQUIRED_RATES = List.of("input", "output");
    private static final List<String> ENTRY_KEYS =
        List.of(PROVIDER_KEY, "input", "output", "cache_read", "cache_creation", "reasoning", TIERS_KEY);
    private static final List<String> TIER_KEYS =
        List.of(ABOVE_KEY, "input", "output", "cache_read", "cache_creation", "reasoning");
    private static final List<String> REQUIRED_TIER_KEYS = List.of(ABOVE_KEY, "input", "output");

    private GenOpsModelFormat() {
    }

    static ModelPriceTable read(final JsonCursor cursor, final String source) {
        cursor.startDocument();
        final ObjectKeys keys = new ObjectKeys(cursor, TOP_KEYS, TOP_KEYS);
        List<ModelPrice> prices = List.of();
        for (String key = keys.next(); key != null; key = keys.next()) {
            switch (key) {
                case FORMAT_KEY:
                    cursor.readExpected(FORMAT, "unsupported format; this reader knows " + FORMAT);
                    break;
                case CURRENCY_KEY:
                    cursor.readExpected(CURRENCY, "unsupported currency; model prices are in USD");
                    break;
                case UNIT_KEY:
                    cursor.readExpected(UNIT, "unsupported unit; prices are written " + UNIT);
                    break;
                case MODELS_KEY:
                    prices = readModels(cursor);
                    break;
                default:
                    throw new AssertionError("ObjectKeys admitted '" + key + "'");
            }
        }
        cursor.endDocument();
        if (prices.isEmpty()) {
            throw cursor.error(MODELS_KEY, 1, "no model prices: a price table names at least one model");
        }
        return ModelPriceTable.of(source, prices);
    }

    /** Writes {@code table} in this format; prices equal to the defaults a reader would fill in are left out. */
    static void write(final ModelPriceTable table, final OutputStream out) throws IOException {
        try (JsonGenerator json = JsonCursor.FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(prettyPrinter());
            json.writeStartObject();
            json.writeStringField(FORMAT_KEY, FORMAT);
            json.writeStringField(CURRENCY_KEY, CURRENCY);
            json.writeStringField(UNIT_KEY, UNIT);
            json.writeObjectFieldStart(MODELS_KEY);
            for (final ModelPrice price : table.prices()) {
                writeEntry(json, price);
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static List<ModelPrice> readModels(final JsonCursor cursor) {
        final List<ModelPrice> prices = new ArrayList<>();
        cursor.startObject();
        for (String model = cursor.nextKey(); model != null; model = cursor.nextKey()) {
            if (model.isBlank()) {
                throw cursor.error("a model name must not be blank");
            }
            prices.add(readEntry(cursor, model));
        }
        return prices;
    }

    private static ModelPrice readEntry(final JsonCursor cursor, final String model) {
        cursor.startObject();
        final ObjectKeys keys = new ObjectKeys(cursor, ENTRY_KEYS, REQUIRED_RATES);
        final StatedRates rates = new StatedRates();
        String provider = null;
        List<ModelPrice.Tier> tiers = List.of();
        for (String key = keys.next(); key != null; key = keys.next()) {
            if (key.equals(PROVIDER_KEY)) {
                provider = readProvider(cursor);
            } else if (key.equals(TIERS_KEY)) {
                tiers = readTiers(cursor);
            } else {
                rates.set(TokenKind.ofGenOpsKey(key), readPerMillion(cursor));
            }
        }
        return ModelPrice.of(model, provider, rates.toRates(), tiers);
    }

    private static List<ModelPrice.Tier> readTiers(final JsonCursor cursor) {
        final List<ModelPrice.Tier> tiers = new ArrayList<>();
        final Set<Long> thresholds = new HashSet<>();
        cursor.startArray();
        while (cursor.nextElement()) {
            tiers.add(readTier(cursor, thresholds));
        }
        return tiers;
    }

    private static ModelPrice.Tier readTier(final JsonCursor cursor, final Set<Long> thresholds) {
        cursor.startObject();
        final ObjectKeys keys = new ObjectKeys(cursor, TIER_KEYS, REQUIRED_TIER_KEYS);
        final StatedRates rates = new StatedRates();
        long aboveInputTokens = 0;
        for (String key = keys.next(); key != null; key = keys.next()) {
            if (key.equals(ABOVE_KEY)) {
                aboveInputTokens = cursor.readCount();
                if (!thresholds.add(aboveInputTokens)) {
                    throw cursor.error("another tier already starts above " + aboveInputTokens + " input tokens");
                }
            } else {
                rates.set(TokenKind.ofGenOpsKey(key), readPerMillion(cursor));
            }
        }
        return new ModelPrice.Tier(aboveInputTokens, rates.toRates());
    }

    private static String readProvider(final JsonCursor cursor) {
        final String provider = cursor.readString();
        if (provider.isBlank()) {
            throw cursor.error("provider must not be blank; leave the key out when it is unknown");
        }
        return provider;
    }

    /** A price per million tokens, as picounits per token: exact, or an error. */
    private static long readPerMillion(final JsonCursor cursor) {
        final BigDecimal perMillion = cursor.readDecimalString();
        final String written = perMillion.toPlainString();
        if (perMillion.signum() < 0) {
            throw cursor.error("price " + written + " is negative");
        }
        if (perMillion.stripTrailingZeros().scale() > PER_MILLION_SCALE) {
            throw cursor.error("price " + written + " has more than " + PER_MILLION_SCALE
                + " decimals; per million tokens that is finer than 1e-12 per token, the finest price kept");
        }
        try {
            return perMillion.movePointRight(PER_MILLION_SCALE).longValueExact();
        } catch (final ArithmeticException e) {
            throw cursor.error("price " + written + " is too large");
        }
    }

    private static void writeEntry(final JsonGenerator json, final ModelPrice price) throws IOException {
        json.writeObjectFieldStart(price.model());
        if (price.provider() != null) {
            json.writeStringField(PROVIDER_KEY, price.provider());
        }
        writeRates(json, price.base());
        if (!price.tiers().isEmpty()) {
            json.writeArrayFieldStart(TIERS_KEY);
            for (final ModelPrice.Tier tier : price.tiers()) {
                json.writeStartObject();
                json.writeNumberField(ABOVE_KEY, tier.aboveInputTokens());
                writeRates(json, tier.rates());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeRates(final JsonGenerator json, final TokenRates rates) throws IOException {
        final TokenRates defaults = TokenRates.of(rates.inputPicos(), rates.outputPicos());
        for (final TokenKind kind : TokenKind.ALL) {
            final long picos = kind.picos(rates);
            final boolean required = kind == TokenKind.INPUT || kind == TokenKind.OUTPUT;
            if (required || picos != kind.picos(defaults)) {
                json.writeStringField(kind.genOpsKey(), perMillionText(picos));
            }
        }
    }

    /** Picounits per token as a price per million tokens with at least two decimals, such as {@code "2.50"}. */
    static String perMillionText(final long picosPerToken) {
        BigDecimal perMillion = BigDecimal.valueOf(picosPerToken, PER_MILLION_SCALE).stripTrailingZeros();
        if (perMillion.scale() < 2) {
            perMillion = perMillion.setScale(2, RoundingMode.UNNECESSARY);
        }
        return perMillion.toPlainString();
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        final DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    }
}
