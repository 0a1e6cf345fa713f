package io.genops.config;

import com.fasterxml.jackson.core.JsonToken;
import io.genops.core.event.Complexity;
import io.genops.core.event.Frequency;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.PlatformPriceTable.Band;
import io.genops.core.pricing.PlatformPriceTable.Discount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The monitoring platform's price file, {@value #FORMAT}. Prices, factors and discounts are decimal
 * strings in USD; bounds and counts are JSON integers.
 *
 * <pre>
 * {
 *     "format": "genops-platform-prices/1",
 *     "currency": "USD",
 *     "interaction": {"base": "0.001", "complexity": {...}, "payload_chars": [bands]},
 *     "signal": {"base": "0.01", "complexity": {...}, "frequency": {"low": "0.8", ...}},
 *     "alert": {"base": ["0.05", "0.10"], "complexity": {...}, "channels": [bands]},
 *     "volume_discounts": [{"from_monthly_interactions": 1000, "discount": "0.05"}, ...]
 * }
 * </pre>
 *
 * <p>A {@code base} is one price or a list of parts that are added, the way the alert price is
 * quoted. A {@code complexity} or {@code frequency} object gives a factor for every level, by its
 * lower-case name. Bands are listed in ascending order, each {@code {"below": bound, "factor": f}}
 * applying below its bound and from the previous one; the last band leaves out {@code below} and
 * covers everything above. Every key is required and every unknown key is an error.
 */
final class PlatformFormat {
    static final String FORMAT = PriceTables.PLATFORM_FORMAT;

    private static final String FORMAT_KEY = "format";
    private static final String CURRENCY_KEY = "currency";
    private static final String INTERACTION_KEY = "interaction";
    private static final String SIGNAL_KEY = "signal";
    private static final String ALERT_KEY = "alert";
    private static final String DISCOUNTS_KEY = "volume_discounts";
    private static final String BASE_KEY = "base";
    private static final String COMPLEXITY_KEY = "complexity";
    private static final String BELOW_KEY = "below";
    private static final String FACTOR_KEY = "factor";
    private static final String FROM_KEY = "from_monthly_interactions";
    private static final String DISCOUNT_KEY = "discount";

    private static final List<String> TOP_KEYS =
        List.of(FORMAT_KEY, CURRENCY_KEY, INTERACTION_KEY, SIGNAL_KEY, ALERT_KEY, DISCOUNTS_KEY);
    private static final List<String> BAND_KEYS = List.of(BELOW_KEY, FACTOR_KEY);
    private static final List<String> DISCOUNT_KEYS = List.of(FROM_KEY, DISCOUNT_KEY);

    private PlatformFormat() {
    }

    static PlatformPriceTable read(final JsonCursor cursor) {
        final PlatformPriceTable.Builder builder = PlatformPriceTable.builder();
        cursor.startDocument();
        final ObjectKeys keys = new ObjectKeys(cursor, TOP_KEYS, TOP_KEYS);
        for (String key = keys.next(); key != null; key = keys.next()) {
            readTopLevel(cursor, key, builder);
        }
        cursor.endDocument();
        return builder.build();
    }

    private static void readTopLevel(final JsonCursor cursor, final String key,
        final PlatformPriceTable.Builder builder) {
        switch (key) {
            case FORMAT_KEY:
                cursor.readExpected(FORMAT, "unsupported format; this reader knows " + FORMAT);
                break;
            case CURRENCY_KEY:
                cursor.readExpected("USD", "unsupported currency; platform prices are in USD");
                break;
            case INTERACTION_KEY:
                readInteraction(cursor, builder);
                break;
            case SIGNAL_KEY:
                readSignal(cursor, builder);
                break;
            case ALERT_KEY:
                readAlert(cursor, builder);
                break;
            case DISCOUNTS_KEY:
                builder.volumeDiscounts(readDiscounts(cursor));
                break;
            default:
                throw new AssertionError("ObjectKeys admitted '" + key + "'");
        }
    }

    private static void readInteraction(final JsonCursor cursor, final PlatformPriceTable.Builder builder) {
        final Operation<List<Band>> interaction = readOperation(cursor, "payload_chars", PlatformFormat::readBands);
        builder.interaction(interaction.base, interaction.complexity, interaction.factors);
    }

    private static void readSignal(final JsonCursor cursor, final PlatformPriceTable.Builder builder) {
        final Operation<Map<Frequency, BigDecimal>> signal =
            readOperation(cursor, "frequency", c -> readLevels(c, Frequency.class));
        builder.signal(signal.base, signal.complexity, signal.factors);
    }

    private static void readAlert(final JsonCursor cursor, final PlatformPriceTable.Builder builder) {
        final Operation<List<Band>> alert = readOperation(cursor, "channels", PlatformFormat::readBands);
        builder.alert(alert.base, alert.complexity, alert.factors);
    }

    /** Reads {@code {"base": ..., "complexity": {...}, factorsKey: ...}}; all three are required. */
    private static <F> Operation<F> readOperation(final JsonCursor cursor, final String factorsKey,
        final Function<JsonCursor, F> factorsReader) {
        cursor.startObject();
        final List<String> allowed = List.of(BASE_KEY, COMPLEXITY_KEY, factorsKey);
        final ObjectKeys keys = new ObjectKeys(cursor, allowed, allowed);
        final Operation<F> operation = new Operation<>();
        for (String key = keys.next(); key != null; key = keys.next()) {
            if (key.equals(BASE_KEY)) {
                operation.base = readBase(cursor);
            } else if (key.equals(COMPLEXITY_KEY)) {
                operation.complexity = readLevels(cursor, Complexity.class);
            } else {
                operation.factors = factorsReader.apply(cursor);
            }
        }
        return operation;
    }

    /** One price, or a list of parts that are added. */
    private static BigDecimal readBase(final JsonCursor cursor) {
        if (cursor.peek() != JsonToken.START_ARRAY) {
            return readNonNegative(cursor, "price");
        }
        cursor.startArray();
        BigDecimal sum = null;
        while (cursor.nextElement()) {
            final BigDecimal part = readNonNegative(cursor, "price");
            sum = sum == null ? part : sum.add(part);
        }
        if (sum == null) {
            throw cursor.error("a base written as parts needs at least one part");
        }
        return sum;
    }

    /** A factor for every constant of {@code levels}, keyed by its lower-case name. */
    private static <E extends Enum<E>> Map<E, BigDecimal> readLevels(final JsonCursor cursor, final Class<E> levels) {
        final List<String> names = Arrays.stream(levels.getEnumConstants())
            .map(level -> level.name().toLowerCase(Locale.ROOT))
            .toList();
        cursor.startObject();
        final ObjectKeys keys = new ObjectKeys(cursor, names, names);
        final Map<E, BigDecimal> factors = new EnumMap<>(levels);
        for (String key = keys.next(); key != null; key = keys.next()) {
            factors.put(Enum.valueOf(levels, key.toUpperCase(Locale.ROOT)), readNonNegative(cursor, "factor"));
        }
        return factors;
    }

    private static List<Band> readBands(final JsonCursor cursor) {
        final List<Band> bands = new ArrayList<>();
        cursor.startArray();
        while (cursor.nextElement()) {
            final Band previous = bands.isEmpty() ? null : bands.get(bands.size() - 1);
            if (previous != null && previous.below() == Long.MAX_VALUE) {
                throw cursor.error("a band follows an open-ended one; only the last band may leave out 'below'");
            }
            bands.add(readBand(cursor, previous == null ? 0 : previous.below()));
        }
        if (bands.isEmpty() || bands.get(bands.size() - 1).below() != Long.MAX_VALUE) {
            throw cursor.error("the last band must leave out 'below' so that it covers every larger value");
        }
        return bands;
    }

    private static Band readBand(final JsonCursor cursor, final long previousBelow) {
        cursor.startObject();
        final ObjectKeys keys = new ObjectKeys(cursor, BAND_KEYS, List.of(FACTOR_KEY));
        long below = Long.MAX_VALUE;
        BigDecimal factor = null;
        for (String key = keys.next(); key != null; key = keys.next()) {
            if (key.equals(BELOW_KEY)) {
                below = cursor.readCount();
                if (below <= previousBelow) {
                    throw cursor.error("bounds must ascend: " + below + " is not above " + previousBelow);
                }
            } else {
                factor = readNonNegative(cursor, "factor");
            }
        }
        return new Band(below, factor);
    }

    private static List<Discount> readDiscounts(final JsonCursor cursor) {
        final List<Discount> discounts = new ArrayList<>();
        cursor.startArray();
        while (cursor.nextElement()) {
            final long previousFrom = discounts.isEmpty() ? -1 : discounts.get(discounts.size() - 1).fromInteractions();
            discounts.add(readDiscount(cursor, previousFrom));
        }
        return discounts;
    }

    private static Discount readDiscount(final JsonCursor cursor, final long previousFrom) {
        cursor.startObject();
        final ObjectKeys keys = new ObjectKeys(cursor, DISCOUNT_KEYS, DISCOUNT_KEYS);
        long from = 0;
        BigDecimal fraction = null;
        for (String key = keys.next(); key != null; key = keys.next()) {
            if (key.equals(FROM_KEY)) {
                from = cursor.readCount();
                if (from <= previousFrom) {
                    throw cursor.error("discounts must ascend: " + from + " is not above " + previousFrom);
                }
            } else {
                fraction = readNonNegative(cursor, "discount");
                if (fraction.compareTo(BigDecimal.ONE) > 0) {
                    throw cursor.error("discount " + fraction.toPlainString() + " is more than 1; write 5 % as 0.05");
                }
            }
        }
        return new Discount(from, fraction);
    }

    private static BigDecimal readNonNegative(final JsonCursor cursor, final String what) {
        final BigDecimal value = cursor.readDecimalString();
        if (value.signum() < 0) {
            throw cursor.error(what + " " + value.toPlainString() + " is negative");
        }
        return value;
    }

    /** What one operation is priced by, while its section is read. */
    private static final class Operation<F> {
        private BigDecimal base;
        private Map<Complexity, BigDecimal> complexity;
        private F factors;
    }
}
