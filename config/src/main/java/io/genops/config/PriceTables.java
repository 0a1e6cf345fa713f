package io.genops.config;

import com.fasterxml.jackson.core.JsonToken;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads model and platform price tables: the bundled ones, LiteLLM's
 * {@code model_prices_and_context_window.json}, and our own formats.
 *
 * <h2>Exactness</h2>
 * Every price is read from the decimal text of the file, never through {@code double}: model prices
 * become whole picounits (1e-12 USD) per token, platform prices exact decimals. A file that cannot be
 * used as written is refused whole with a {@link PriceTableException} naming the file, the key and
 * the line; a table is read exactly or not at all. A file that cannot be read at all is an
 * {@link UncheckedIOException}.
 *
 * <h2>LiteLLM's table</h2>
 * USD per single token as JSON numbers. Read are the input, output, cache-read, cache-creation and
 * reasoning prices, their long-context tiers ({@code input_cost_per_token_above_200k_tokens} applies
 * above 200,000 input tokens) and {@code litellm_provider}; every other key is skipped. A kind a tier
 * leaves out costs what the entry's base rates state for it, or follows the tier's own input or
 * output price when the entry states none. Entries that price neither input nor output tokens are
 * left out and named in one log line.
 *
 * <h2>Our model format, {@value #MODEL_FORMAT}</h2>
 * <pre>
 * {"format": "genops-model-prices/1", "currency": "USD", "unit": "per_million_tokens", "models": {
 *     "gemini-2.5-pro": {"provider": "google", "input": "1.25", "output": "10.00", "cache_read": "0.125",
 *         "tiers": [{"above_input_tokens": 200000, "input": "2.50", "output": "15.00", "cache_read": "0.25"}]}
 * }}
 * </pre>
 * USD per million tokens as decimal strings with at most six decimals. {@code input} and
 * {@code output} are required; {@code cache_read} and {@code cache_creation} default to the input
 * price and {@code reasoning} to the output price, within the entry and within each tier. Unknown
 * keys are errors.
 *
 * <h2>Our platform format, {@value #PLATFORM_FORMAT}</h2>
 * A base price, complexity factors and one more set of factors per operation (payload-size bands for
 * interactions, frequencies for signals, channel-count bands for alerts), and volume discounts; see
 * the bundled {@code genops-platform-prices.json} for a complete file.
 *
 * <p>The bundled model prices are the providers' public list prices as of 2026-07-24. Reading is
 * meant for start-up and reloads, not the hot path; the tables returned are immutable.
 */
public final class PriceTables {
    /** The {@link ModelPriceTable#source()} of the bundled model table. */
    public static final String BUNDLED = "bundled";
    /** The {@code "format"} of our model price files. */
    public static final String MODEL_FORMAT = "genops-model-prices/1";
    /** The {@code "format"} of our platform price files. */
    public static final String PLATFORM_FORMAT = "genops-platform-prices/1";

    static final String MODEL_RESOURCE = "genops-model-prices.json";
    static final String PLATFORM_RESOURCE = "genops-platform-prices.json";

    private static final Logger LOG = LoggerFactory.getLogger(PriceTables.class);
    /** How many skipped entries a log line names before it only counts them. */
    private static final int NAMED_IN_LOG = 10;

    private PriceTables() {
    }

    /** Our bundled model prices (source {@value #BUNDLED}): widely used models of the major providers. */
    public static ModelPriceTable bundledModels() {
        return BundledModels.TABLE;
    }

    /**
     * Reads a model price table in whichever format it is: ours when the top level declares
     * {@code "format"}, LiteLLM's otherwise. The table's source is the file's path.
     */
    public static ModelPriceTable readModels(final Path file) {
        return readModels(bytes(file), file.toString());
    }

    /** Like {@link #readModels(Path)}, from a stream named {@code source} in messages; the stream is closed. */
    public static ModelPriceTable readModels(final InputStream in, final String source) {
        return readModels(bytes(in, source), source);
    }

    /**
     * Reads LiteLLM's table. Entries without a per-token price (image, audio-per-second and similar
     * models, and the {@code sample_spec} example) are left out, and one log line at INFO names them.
     */
    public static ModelPriceTable readLiteLlm(final Path file) {
        return readLiteLlm(bytes(file), file.toString());
    }

    /** Reads a table in our own format, {@value #MODEL_FORMAT}. */
    public static ModelPriceTable readGenOps(final Path file) {
        return readGenOps(bytes(file), file.toString(), file.toString());
    }

    /**
     * Writes {@code table} in our own format, so that it reads back equal; a LiteLLM table written
     * this way becomes a small file of exact prices that can be reviewed and pinned.
     */
    public static void writeGenOps(final ModelPriceTable table, final Path file) {
        Objects.requireNonNull(table, "table");
        try (OutputStream out = Files.newOutputStream(file)) {
            GenOpsModelFormat.write(table, out);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write price table " + file, e);
        }
    }

    /** The bundled platform prices. */
    public static PlatformPriceTable bundledPlatform() {
        return BundledPlatform.TABLE;
    }

    /** Reads platform prices in our format, {@value #PLATFORM_FORMAT}. */
    public static PlatformPriceTable readPlatform(final Path file) {
        return readPlatform(bytes(file), file.toString());
    }

    /** Like {@link #readPlatform(Path)}, from a stream named {@code source} in messages; the stream is closed. */
    public static PlatformPriceTable readPlatform(final InputStream in, final String source) {
        return readPlatform(bytes(in, source), source);
    }

    private static ModelPriceTable readModels(final byte[] json, final String file) {
        return declaresFormat(json, file) ? readGenOps(json, file, file) : readLiteLlm(json, file);
    }

    private static ModelPriceTable readLiteLlm(final byte[] json, final String file) {
        final LiteLlmFormat.Result result;
        try (JsonCursor cursor = JsonCursor.open(json, file)) {
            result = LiteLlmFormat.read(cursor, file);
        }
        logSkipped(file, result);
        return result.table();
    }

    private static ModelPriceTable readGenOps(final byte[] json, final String file, final String source) {
        try (JsonCursor cursor = JsonCursor.open(json, file)) {
            return GenOpsModelFormat.read(cursor, source);
        }
    }

    private static PlatformPriceTable readPlatform(final byte[] json, final String file) {
        try (JsonCursor cursor = JsonCursor.open(json, file)) {
            return PlatformFormat.read(cursor);
        }
    }

    /** Whether the top level has a string {@code "format"}, which LiteLLM's table never has. */
    private static boolean declaresFormat(final byte[] json, final String file) {
        try (JsonCursor cursor = JsonCursor.open(json, file)) {
            cursor.startDocument();
            for (String key = cursor.nextKey(); key != null; key = cursor.nextKey()) {
                if (key.equals(GenOpsModelFormat.FORMAT_KEY)
                    && cursor.peek() == JsonToken.VALUE_STRING) {
                    return true;
                }
                cursor.skipValue();
            }
            return false;
        }
    }

    private static void logSkipped(final String file, final LiteLlmFormat.Result result) {
        final List<String> skipped = result.skipped();
        if (skipped.isEmpty()) {
            return;
        }
        final String named = String.join(", ", skipped.subList(0, Math.min(skipped.size(), NAMED_IN_LOG)));
        final String more = skipped.size() > NAMED_IN_LOG ? " and " + (skipped.size() - NAMED_IN_LOG) + " more" : "";
        LOG.info("Read {} model prices from {}; {} without a per-token price left out: {}{}",
            result.table().size(), file, skipped.size(), named, more);
    }

    private static byte[] bytes(final Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read price table " + file, e);
        }
    }

    private static byte[] bytes(final InputStream in, final String source) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        try (in) {
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read price table " + source, e);
        }
    }

    private static byte[] resource(final String name) {
        final InputStream in = PriceTables.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the bundled price table " + name + " is missing from the class path");
        }
        return bytes(in, name);
    }

    /** Loaded on first use, then shared: the bundled files never change while the JVM runs. */
    private static final class BundledModels {
        static final ModelPriceTable TABLE = readGenOps(resource(MODEL_RESOURCE), MODEL_RESOURCE, BUNDLED);
    }

    /** Loaded on first use, then shared. */
    private static final class BundledPlatform {
        static final PlatformPriceTable TABLE = readPlatform(resource(PLATFORM_RESOURCE), PLATFORM_RESOURCE);
    }
}
