package io.genops.config;

import com.fasterxml.jackson.core.JsonToken;
import io.genops.core.money.UnitPrice;
import io.genops.core.pricing.ModelPrice;
import io.genops.core.pricing.ModelPriceTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: an object of model name to an object
 * of facts, prices in USD per single token written as JSON numbers such as {@code 2.5e-06}.
 *
 * <p>Only the per-token prices are read: {@code input_cost_per_token}, {@code output_cost_per_token},
 * {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
 * {@code output_cost_per_reasoning_token}, each of them again as a long-context tier under
 * {@code <key>_above_<N>k_tokens} (the tier applies above N × 1000 input tokens), and
 * {@code litellm_provider}. Every other key is the business of other tools and is skipped: service
 * tiers ({@code _priority}, {@code _flex}, {@code _batches}), one-hour cache writes, audio and image
 * prices, limits, flags and nested objects. The keys that are read, though, must hold exact,
 * non-negative prices no finer than 1e-12, or the whole file is refused.
 *
 * <p>A kind of token a tier leaves out costs what the entry's base rates state for that kind; when
 * the base rates do not state it either, it follows the tier's own input or output price, the rule
 * of {@link StatedRates#toRates()}. An entry that prices neither input nor output tokens (models
 * billed per image or per second, and LiteLLM's {@code sample_spec} example) is not a token price:
 * it is left out, and its name is returned among the skipped ones.
 */
final class LiteLlmFormat {
    /** The documentation entry at the top of LiteLLM's file; it describes the keys, it prices nothing. */
    private static final String SAMPLE_SPEC = "sample_spec";

    /** {@code <kind key>_above_<N>k_tokens}; twelve digits at most keep N × 1000 within a {@code long}. */
    private static final Pattern TIER_KEY = Pattern.compile("(.+)_above_(\\d{1,12})k_tokens");

    private LiteLlmFormat() {
    }

    /** What a read produced: the table, and the entries left out because they have no per-token price. */
    record Result(ModelPriceTable table, List<String> skipped) {
    }

    static Result read(final JsonCursor cursor, final String source) {
        final List<ModelPrice> prices = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        cursor.startDocument();
        for (String model = cursor.nextKey(); model != null; model = cursor.nextKey()) {
            if (model.equals(SAMPLE_SPEC)) {
                cursor.skipValue();
                skipped.add(model);
                continue;
            }
            final Entry entry = readEntry(cursor, model);
            if (entry.base.pricesTokens()) {
                prices.add(entry.toPrice(model));
            } else {
                skipped.add(model);
            }
        }
        cursor.endDocument();
        if (prices.isEmpty()) {
            // Any JSON object reads as a LiteLLM table; one that prices nothing would reprice every token at zero.
            throw cursor.error("", 1, "no model prices: read as LiteLLM's table, since it declares no \"format\", "
                + "and none of its " + skipped.size() + " top-level keys is a model with input_cost_per_token or "
                + "output_cost_per_token");
        }
        return new Result(ModelPriceTable.of(source, prices), List.copyOf(skipped));
    }

    private static Entry readEntry(final JsonCursor cursor, final String model) {
        if (model.isBlank()) {
            throw cursor.error("a model name must not be blank");
        }
        if (model.equals(GenOpsModelFormat.FORMAT_KEY) && cursor.peek() == JsonToken.VALUE_STRING) {
            throw cursor.error("this file declares a format, so it is not a LiteLLM table;"
                + " read it with PriceTables.readModels, which follows the declared format");
        }
        cursor.startObject();
        final Entry entry = new Entry();
        for (String key = cursor.nextKey(); key != null; key = cursor.nextKey()) {
            readKey(cursor, key, entry);
        }
        return entry;
    }

    private static void readKey(final JsonCursor cursor, final String key, final Entry entry) {
        if (key.equals("litellm_provider")) {
            entry.provider = cursor.readString();
            return;
        }
        final TokenKind kind = TokenKind.ofLiteLlmKey(key);
        if (kind != null) {
            entry.base.set(kind, readPicos(cursor));
            return;
        }
        final Matcher tier = TIER_KEY.matcher(key);
        final TokenKind tierKind = tier.matches() ? TokenKind.ofLiteLlmKey(tier.group(1)) : null;
        if (tierKind != null) {
            final long aboveInputTokens = Long.parseLong(tier.group(2)) * 1000;
            entry.tiers.computeIfAbsent(aboveInputTokens, n -> new StatedRates()).set(tierKind, readPicos(cursor));
        } else {
            cursor.skipValue();
        }
    }

    private static long readPicos(final JsonCursor cursor) {
        final BigDecimal perToken = cursor.readNumber();
        try {
            return UnitPrice.of(perToken).picos();
        } catch (final IllegalArgumentException e) {
            throw cursor.error(e.getMessage());
        }
    }

    /** One model's stated rates while its keys are being read. */
    private static final class Entry {
        private String provider;
        private final StatedRates base = new StatedRates();
        private final Map<Long, StatedRates> tiers = new TreeMap<>();

        ModelPrice toPrice(final String model) {
            final List<ModelPrice.Tier> priced = new ArrayList<>(tiers.size());
            tiers.forEach((above, rates) -> priced.add(new ModelPrice.Tier(above, rates.over(base).toRates())));
            return ModelPrice.of(model, provider, base.toRates(), priced);
        }
    }
}
