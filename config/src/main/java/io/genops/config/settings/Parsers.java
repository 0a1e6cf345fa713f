package io.genops.config.settings;

import io.genops.config.Suggestions;
import io.genops.core.UrlText;
import io.genops.core.event.AgentPattern;
import io.genops.core.event.Condition;
import io.genops.core.money.CurrencyTable;
import io.genops.core.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text readers behind {@link ValueType}; each refuses with an {@link InvalidValue} that never quotes the text. */
final class Parsers {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,18})\\s*(ns|us|µs|ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d{1,19})\\s*(B|KiB|MiB|GiB|TiB)?",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTRY_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String[] DURATION_UNITS = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final long[] DURATION_NANOS = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
        1_000_000_000L, 1_000_000L, 1_000L, 1L};
    private static final String[] BYTE_UNITS = {"TiB", "GiB", "MiB", "KiB"};

    private Parsers() {
    }

    static int integer(final String text, final int min, final int max) throws InvalidValue {
        final long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (final NumberFormatException e) {
            throw InvalidValue.because("is not a whole number");
        }
        if (value < min || value > max) {
            throw InvalidValue.because("lies outside " + min + " to " + max);
        }
        return (int)value;
    }

    static int powerOfTwo(final String text, final int min, final int max) throws InvalidValue {
        final int value = integer(text, min, max);
        if (Integer.bitCount(value) != 1) {
            throw InvalidValue.because("is not a power of two");
        }
        return value;
    }

    static long byteSize(final String text) throws InvalidValue {
        final Matcher matcher = BYTES.matcher(text);
        if (!matcher.matches()) {
            throw InvalidValue.because("is not a size such as 500000000, 512MiB or 10GiB (units are binary: KiB, MiB, "
                + "GiB, TiB)");
        }
        final String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        final int shift = unit.equalsIgnoreCase("B") ? 0 : 10 * (1 + "KMGT".indexOf(Character.toUpperCase(
            unit.charAt(0))));
        try {
            final long bytes = Math.multiplyExact(Long.parseLong(matcher.group(1)), 1L << shift);
            if (bytes <= 0) {
                throw InvalidValue.because("is not positive");
            }
            return bytes;
        } catch (final ArithmeticException | NumberFormatException e) {
            throw InvalidValue.because("is too large");
        }
    }

    static String showBytes(final long bytes) {
        for (int i = 0; i < BYTE_UNITS.length; i++) {
            final long unit = 1L << (10 * (BYTE_UNITS.length - i));
            if (bytes % unit == 0) {
                return bytes / unit + BYTE_UNITS[i];
            }
        }
        return String.valueOf(bytes);
    }

    static boolean bool(final String text) throws InvalidValue {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw InvalidValue.because("is not true or false");
    }

    static double decimal(final String text, final double min, final boolean minIncluded, final double max)
        throws InvalidValue {
        final double value;
        try {
            value = Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            throw InvalidValue.because("is not a number");
        }
        if (!Double.isFinite(value) || value > max || value < min || (!minIncluded && value == min)) {
            throw InvalidValue.because("lies outside " + (minIncluded ? "[" : "(") + showDecimal(min) + ", "
                + showDecimal(max) + "]");
        }
        return value;
    }

    static String showDecimal(final double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static Duration duration(final String text, final Duration min, final boolean minIncluded, final Duration max)
        throws InvalidValue {
        final Duration value = duration(text);
        final int low = value.compareTo(min);
        if (low < 0 || (low == 0 && !minIncluded) || value.compareTo(max) > 0) {
            throw InvalidValue.because("lies outside " + (minIncluded ? "[" : "(") + showDuration(min) + ", "
                + showDuration(max) + "]");
        }
        return value;
    }

    private static Duration duration(final String text) throws InvalidValue {
        if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P")) {
            try {
                return Duration.parse(text);
            } catch (final DateTimeParseException e) {
                throw InvalidValue.because("is not an ISO-8601 duration such as PT10S");
            }
        }
        final Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw InvalidValue.because("is not a duration such as 250ms, 10s, 5m, 1h, 2d or PT10S");
        }
        final String unit = matcher.group(2).equals("µs") ? "us" : matcher.group(2);
        for (int i = 0; i < DURATION_UNITS.length; i++) {
            if (DURATION_UNITS[i].equals(unit)) {
                try {
                    return Duration.ofNanos(Math.multiplyExact(Long.parseLong(matcher.group(1)), DURATION_NANOS[i]));
                } catch (final ArithmeticException e) {
                    throw InvalidValue.because("is too long");
                }
            }
        }
        throw new IllegalStateException("duration unit " + unit + " has no length");
    }

    /** The shortest exact form: {@code 100us}, {@code 10s}, {@code 5m}; a duration beyond 292 years as ISO-8601. */
    static String showDuration(final Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        final long nanos;
        try {
            nanos = duration.toNanos();
        } catch (final ArithmeticException e) {
            return duration.toString();
        }
        for (int i = 0; i < DURATION_UNITS.length; i++) {
            if (nanos % DURATION_NANOS[i] == 0) {
                return nanos / DURATION_NANOS[i] + DURATION_UNITS[i];
            }
        }
        return nanos + "ns";
    }

    /** An enum constant as configurations write it: {@code ZERO_AND_COUNT} becomes {@code zero-and-count}. */
    static String label(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E oneOf(final String text, final E[] values, final List<String> labels)
        throws InvalidValue {
        final String wanted = text.toLowerCase(Locale.ROOT).replace('_', '-');
        final int index = labels.indexOf(wanted);
        if (index >= 0) {
            return values[index];
        }
        final String closest = Suggestions.closest(wanted, labels);
        throw InvalidValue.because("is not one of the allowed values" + (closest == null ? ""
            : "; did you mean '" + closest + "'?"));
    }

    static String text(final String text) throws InvalidValue {
        if (text.isBlank()) {
            throw InvalidValue.complete("is blank");
        }
        return text.strip();
    }

    static String entryName(final String text) throws InvalidValue {
        if (!ENTRY_NAME.matcher(text).matches()) {
            throw InvalidValue.because("is not a name of lower-case letters, digits and inner hyphens");
        }
        return text;
    }

    /** An agent-id pattern: {@code *} matches any run of characters, other glob wildcards are refused. */
    static String agentPattern(final String text) throws InvalidValue {
        final String problem = AgentPattern.problem(text);
        if (problem != null) {
            throw InvalidValue.because(problem);
        }
        try {
            return AgentPattern.of(text).toString();
        } catch (final IllegalArgumentException e) {
            throw InvalidValue.because("is not an agent pattern: " + e.getMessage());
        }
    }

    static Path path(final String text) throws InvalidValue {
        try {
            return Path.of(text(text));
        } catch (final InvalidPathException e) {
            throw InvalidValue.because("is not a valid path");
        }
    }

    static URI url(final String text) throws InvalidValue {
        final URI uri;
        try {
            uri = new URI(text);
        } catch (final URISyntaxException e) {
            throw InvalidValue.because("is not a valid URL");
        }
        final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw InvalidValue.because("is not an absolute http or https URL with a host");
        }
        return uri;
    }

    /**
     * A URL that names a server, not a credential: user information, a query or a fragment is refused, so
     * that nothing secret can hide in a value that is shown (credentials go in headers).
     */
    static URI endpoint(final String text) throws InvalidValue {
        if (UrlText.carriesUserInfo(text)) {
            // Checked before the URL is read: a refusal further down quotes the value, and this is likely a
            // credential.
            throw InvalidValue.complete("the URL carries user information (not shown); put credentials in a header");
        }
        final URI uri = url(text);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw InvalidValue.complete("the URL has a query or a fragment (not shown), which an endpoint does not "
                + "take");
        }
        return uri;
    }

    static Secret secretText(final String text) throws InvalidValue {
        if (text.isEmpty() || !text.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw InvalidValue.because("is empty or holds a character other than visible ASCII, which an HTTP "
                + "header cannot carry");
        }
        return Secret.of(text);
    }

    /**
     * A header value: visible ASCII characters with spaces only between them. That is an HTTP field value (RFC
     * 9110) without the tabs HTTP would allow, as the same headers go out as gRPC metadata, whose values are
     * printable ASCII and spaces. {@link ValueType} trims the text first, so surrounding white space never
     * reaches here from a source.
     */
    static Secret secretHeaderValue(final String text) throws InvalidValue {
        if (text.isEmpty()) {
            throw InvalidValue.because("is empty");
        }
        if (!text.chars().allMatch(c -> c >= ' ' && c < 127)) {
            throw InvalidValue.because("holds a character other than visible ASCII and spaces, such as a tab or a "
                + "line break");
        }
        if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            throw InvalidValue.because("begins or ends with a space");
        }
        return Secret.of(text);
    }

    static ZoneId zone(final String text) throws InvalidValue {
        try {
            return ZoneId.of(text).normalized();
        } catch (final DateTimeException e) {
            throw InvalidValue.because("is not a time-zone id such as UTC or Europe/Berlin");
        }
    }

    static String showZone(final ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    static Condition condition(final String text) throws InvalidValue {
        try {
            return Condition.parse(text);
        } catch (final IllegalArgumentException e) {
            throw InvalidValue.complete(e.getMessage());
        }
    }

    static String showCondition(final Condition condition) {
        return condition.metric() + ' ' + condition.comparator().symbol() + ' ' + showDecimal(condition.threshold());
    }

    /** Reads {@code scope:key:window=USD}; the key may itself hold colons, so scope and window are the outer parts. */
    static BudgetLimit budgetLimit(final String text) throws InvalidValue {
        final int equals = text.lastIndexOf('=');
        final String where = equals < 0 ? text : text.substring(0, equals);
        final int first = where.indexOf(':');
        final int last = where.lastIndexOf(':');
        if (equals < 0 || first < 0 || last == first) {
            throw InvalidValue.because("does not read scope:key:window=USD, such as team:support:daily=50.00");
        }
        final BudgetLimit.Scope scope = part(where.substring(0, first), BudgetLimit.Scope.values(), "scope");
        final String key = text(where.substring(first + 1, last));
        if (scope == BudgetLimit.Scope.TEAM_PROJECT && key.indexOf('/') <= 0) {
            throw InvalidValue.because("has a team-project key that does not read team/project");
        }
        final BudgetLimit.Window window = part(where.substring(last + 1), BudgetLimit.Window.values(), "window");
        return new BudgetLimit(scope, key, window, usd(text.substring(equals + 1)));
    }

    /** Reads {@code scope:window=USD}. */
    static BudgetLimit defaultBudget(final String text) throws InvalidValue {
        final int equals = text.lastIndexOf('=');
        final int colon = text.indexOf(':');
        if (equals < 0 || colon < 0 || colon > equals || text.lastIndexOf(':') != colon) {
            throw InvalidValue.because("does not read scope:window=USD, such as team:daily=100");
        }
        final BudgetLimit.Scope scope = part(text.substring(0, colon), BudgetLimit.Scope.values(), "scope");
        final BudgetLimit.Window window = part(text.substring(colon + 1, equals), BudgetLimit.Window.values(),
            "window");
        return new BudgetLimit(scope, null, window, usd(text.substring(equals + 1)));
    }

    /** Reads {@code scope:key=N}; the key may hold colons. */
    static RateLimit rateLimit(final String text) throws InvalidValue {
        final int equals = text.lastIndexOf('=');
        final int colon = text.indexOf(':');
        if (equals < 0 || colon < 0 || colon > equals) {
            throw InvalidValue.because("does not read scope:key=events-per-second, such as agent:triage-bot=50");
        }
        final String key = text(text.substring(colon + 1, equals));
        if (key.equals("*")) {
            throw InvalidValue.because("names the key '*'; a limit for every key is a default, such as team=500");
        }
        return new RateLimit(part(text.substring(0, colon), RateLimit.Scope.values(), "scope"), key,
            eventsPerSecond(text.substring(equals + 1)));
    }

    /** Reads {@code scope=N}. */
    static RateLimit defaultRateLimit(final String text) throws InvalidValue {
        final int equals = text.lastIndexOf('=');
        if (equals < 0 || text.indexOf(':') >= 0) {
            throw InvalidValue.because("does not read scope=events-per-second, such as team=500");
        }
        return new RateLimit(part(text.substring(0, equals), RateLimit.Scope.values(), "scope"), null,
            eventsPerSecond(text.substring(equals + 1)));
    }

    private static long eventsPerSecond(final String text) throws InvalidValue {
        try {
            final long value = Long.parseLong(text.strip().replace("_", ""));
            if (value >= 1 && value <= RateLimit.MAX_EVENTS_PER_SECOND) {
                return value;
            }
        } catch (final NumberFormatException e) {
            throw InvalidValue.because("has a rate that is not a whole number of events per second");
        }
        throw InvalidValue.because("has a rate outside 1 to " + RateLimit.MAX_EVENTS_PER_SECOND + " events per second");
    }

    private static <E extends Enum<E>> E part(final String text, final E[] values, final String what)
        throws InvalidValue {
        final List<String> labels = new ArrayList<>();
        for (final E value : values) {
            labels.add(label(value));
        }
        try {
            return oneOf(text.strip(), values, labels);
        } catch (final InvalidValue e) {
            throw InvalidValue.because("has the " + what + " '" + text.strip() + "', which " + e.getMessage()
                + " (" + String.join(", ", labels) + ")");
        }
    }

    static Money usd(final String text) throws InvalidValue {
        final Money amount;
        try {
            amount = Money.usd(text);
        } catch (final IllegalArgumentException e) {
            throw InvalidValue.because("has an amount that is not a USD amount with at most nine decimals");
        }
        if (amount.nanos() <= 0) {
            throw InvalidValue.because("has an amount that is not positive");
        }
        return amount;
    }

    static CurrencyTable currencies(final Map<String, String> rates) throws InvalidValue {
        final CurrencyTable.Builder table = CurrencyTable.builder();
        for (final Map.Entry<String, String> rate : rates.entrySet()) {
            try {
                table.rate(rate.getKey(), rate.getValue().strip());
            } catch (final IllegalArgumentException e) {
                throw InvalidValue.complete(rate.getKey() + ": " + e.getMessage());
            }
        }
        return table.build();
    }

    static Map<String, String> showCurrencies(final CurrencyTable table) {
        final Map<String, String> rates = new LinkedHashMap<>();
        table.rates().forEach((code, rate) -> rates.put(code, rate.stripTrailingZeros().toPlainString()));
        return rates;
    }

    /** Splits comma-separated text into stripped items; blank text is an empty list. */
    static List<String> split(final String text) {
        final List<String> items = new ArrayList<>();
        if (text.isBlank()) {
            return items;
        }
        for (final String item : text.split(",", -1)) {
            items.add(item.strip());
        }
        return items;
    }

    /**
     * Splits {@code name=value,name=value}; a value may hold '=' but not ','. A name given twice is refused, as a
     * file's object refuses it. Never quotes a value.
     */
    static Map<String, String> pairs(final String text) throws InvalidValue {
        final Map<String, String> pairs = new LinkedHashMap<>();
        final List<String> items = split(text);
        for (int i = 0; i < items.size(); i++) {
            final int equals = items.get(i).indexOf('=');
            if (equals <= 0) {
                throw InvalidValue.complete("entry " + (i + 1) + " does not read name=value");
            }
            final String name = items.get(i).substring(0, equals).strip();
            if (pairs.put(name, items.get(i).substring(equals + 1).strip()) != null) {
                throw InvalidValue.complete("'" + name + "' is set twice");
            }
        }
        return pairs;
    }
}
