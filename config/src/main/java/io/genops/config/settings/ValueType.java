package io.genops.config.settings;

import io.genops.core.event.Condition;
import io.genops.core.money.CurrencyTable;
import io.genops.core.money.Money;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The type of a configuration key: how its text is read and checked, how its value is shown, and how
 * the accepted values read in words. One type serves every source, so {@code 250ms} means the same in
 * a file, a variable and a property. Lists are YAML or JSON lists in a file and comma-separated text
 * elsewhere; maps are objects in a file and {@code name=value,name=value} elsewhere.
 *
 * @param <T> the Java type of the value
 */
public abstract class ValueType<T> {
    private final String name;
    private final String allowed;

    ValueType(final String name, final String allowed) {
        this.name = name;
        this.allowed = allowed;
    }

    /** What kind of value it is, for the reference table: {@code integer}, {@code duration}, {@code list}. */
    public String name() {
        return name;
    }

    /** The accepted values in words, such as {@code a power of two from 2 to 1073741824}. */
    public String allowed() {
        return allowed;
    }

    /** Whether values are secret: masked when shown, never quoted in messages, refused from system properties. */
    public boolean secret() {
        return false;
    }

    /** The value as people see it; a secret comes out masked. */
    public abstract String show(T value);

    /** Reads a value as a source wrote it. */
    abstract T read(RawValue raw) throws InvalidValue;

    /** The value as a source would write it, secrets included; for typed builder calls and profiles. */
    abstract RawValue write(T value);

    /** Whether an object in a file at this key is the value itself rather than a level of further keys. */
    boolean readsObjects() {
        return false;
    }

    /**
     * {@code value} as read from a configuration file in {@code directory}, {@code null} for the working
     * directory: a relative path is taken from there. Other values mean the same wherever they are written.
     */
    T inFileDirectory(final T value, final Path directory) {
        return value;
    }

    static ValueType<Integer> integer(final int min, final int max) {
        return scalar("integer", "a whole number from " + min + " to " + max,
            text -> Parsers.integer(text, min, max), String::valueOf);
    }

    static ValueType<Integer> positive() {
        return scalar("integer", "a positive whole number", text -> Parsers.integer(text, 1, Integer.MAX_VALUE),
            String::valueOf);
    }

    static ValueType<Integer> powerOfTwo(final int min, final int max) {
        return scalar("integer", "a power of two from " + min + " to " + max,
            text -> Parsers.powerOfTwo(text, min, max), String::valueOf);
    }

    static ValueType<Long> byteSize() {
        return scalar("size", "a positive number of bytes, with an optional unit KiB, MiB, GiB or TiB, e.g. 10GiB",
            Parsers::byteSize, Parsers::showBytes);
    }

    static ValueType<Money> usd() {
        return scalar("amount", "a positive USD amount with at most nine decimals, such as 0.001", Parsers::usd,
            amount -> Money.format(amount.nanos()));
    }

    static ValueType<Boolean> bool() {
        return scalar("boolean", "true or false", Parsers::bool, String::valueOf);
    }

    static ValueType<Double> decimal(final double min, final boolean minIncluded, final double max) {
        final String range = (minIncluded ? "[" : "(") + Parsers.showDecimal(min) + ", " + Parsers.showDecimal(max)
            + "]";
        return scalar("decimal", "a number in " + range, text -> Parsers.decimal(text, min, minIncluded, max),
            Parsers::showDecimal);
    }

    static ValueType<Double> fraction() {
        return decimal(0, true, 1);
    }

    static ValueType<Duration> duration(final Duration min, final boolean minIncluded, final Duration max) {
        final String range = (minIncluded ? "[" : "(") + Parsers.showDuration(min) + ", "
            + Parsers.showDuration(max) + "]";
        return scalar("duration", "a duration in " + range + " such as 250ms, 10s, 5m, 1h, 2d or PT10S",
            text -> Parsers.duration(text, min, minIncluded, max), Parsers::showDuration);
    }

    static <E extends Enum<E>> ValueType<E> oneOf(final Class<E> type) {
        final E[] values = type.getEnumConstants();
        final List<String> labels = new ArrayList<>();
        for (final E value : values) {
            labels.add(Parsers.label(value));
        }
        return scalar("enum", "one of " + String.join(", ", labels), text -> Parsers.oneOf(text, values, labels),
            Parsers::label);
    }

    static ValueType<String> text() {
        return scalar("string", "any text that is not blank", Parsers::text, Function.identity());
    }

    /** The name of a channel, rule or other named entry: what a variable name can carry back unchanged. */
    static ValueType<String> entryName() {
        return scalar("name", "lower-case letters, digits and inner hyphens, such as ops-pager", Parsers::entryName,
            Function.identity());
    }

    static ValueType<String> agentPattern() {
        return scalar("pattern", "an agent id in which * matches any run of characters, such as critical-* or "
            + "*-billing", Parsers::agentPattern, Function.identity());
    }

    static ValueType<Path> path() {
        return new PathType();
    }

    static ValueType<URI> endpoint() {
        return scalar("URL", "an absolute http or https URL without user information, query or fragment",
            Parsers::endpoint, URI::toString);
    }

    static ValueType<Secret> secretUrl() {
        return new Scalar<>("URL, secret", "an absolute http or https URL", text -> Secret.url(Parsers.url(text)),
            Secret::reveal, Secret::toString, true);
    }

    static ValueType<Secret> secretText() {
        return new Scalar<>("string, secret", "visible ASCII characters, no spaces", Parsers::secretText,
            Secret::reveal, Secret::toString, true);
    }

    static ValueType<Secret> secretHeaderValue() {
        return new Scalar<>("string, secret", "visible ASCII characters with spaces only between them, no tabs, as "
            + "both HTTP (RFC 9110) and gRPC metadata carry them; white space around the value is trimmed",
            Parsers::secretHeaderValue, Secret::reveal, Secret::toString, true);
    }

    static ValueType<ZoneId> zone() {
        return scalar("time zone", "a time-zone id such as UTC or Europe/Berlin", Parsers::zone, Parsers::showZone);
    }

    static ValueType<Condition> condition() {
        return scalar("condition", "'metric comparator threshold', such as 'cost_usd_per_hour > 20'",
            Parsers::condition, Parsers::showCondition);
    }

    static ValueType<BudgetLimit> budgetLimit() {
        return scalar("budget", "scope:key:window=USD, scope one of team, project, customer, team-project, window one "
            + "of daily, weekly, monthly, such as team:support:daily=50.00", Parsers::budgetLimit, BudgetLimit::text);
    }

    static ValueType<BudgetLimit> defaultBudget() {
        return scalar("budget", "scope:window=USD, such as team:daily=100", Parsers::defaultBudget,
            BudgetLimit::text);
    }

    static ValueType<RateLimit> rateLimit() {
        return scalar("rate limit", "scope:key=events per second, scope team or agent, from 1 to 1000000000, such as "
            + "agent:triage-bot=50", Parsers::rateLimit, RateLimit::text);
    }

    static ValueType<RateLimit> defaultRateLimit() {
        return scalar("rate limit", "scope=events per second, such as team=500", Parsers::defaultRateLimit,
            RateLimit::text);
    }

    static ValueType<CurrencyTable> currencies() {
        return new Mapped<>("currency rates", "CODE=rate per USD with at most six decimals, such as EUR=0.85,GBP=0.75",
            map(text()), Parsers::currencies, Parsers::showCurrencies);
    }

    static <E> ValueType<List<E>> list(final ValueType<E> element, final int min, final int max) {
        return new ListType<>(element, min, max);
    }

    static <V> ValueType<Map<String, V>> map(final ValueType<V> values) {
        return new MapType<>(values);
    }

    private static <T> ValueType<T> scalar(final String name, final String allowed, final Parser<T> parser,
        final Function<T, String> text) {
        return new Scalar<>(name, allowed, parser, text, text, false);
    }

    /** Turns a value of one type into another, refusing what the other cannot hold. */
    @FunctionalInterface
    interface Converter<A, B> {
        B convert(A value) throws InvalidValue;
    }

    /** Reads one piece of text, already stripped of surrounding white space. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws InvalidValue;
    }

    /** One value written as text. */
    private static class Scalar<T> extends ValueType<T> {
        private final Parser<T> parser;
        private final Function<T, String> text;
        private final Function<T, String> shown;
        private final boolean secret;

        Scalar(final String name, final String allowed, final Parser<T> parser, final Function<T, String> text,
            final Function<T, String> shown, final boolean secret) {
            super(name, allowed);
            this.parser = parser;
            this.text = text;
            this.shown = shown;
            this.secret = secret;
        }

        @Override
        public boolean secret() {
            return secret;
        }

        @Override
        public String show(final T value) {
            return shown.apply(value);
        }

        @Override
        T read(final RawValue raw) throws InvalidValue {
            if (raw instanceof RawValue.Text) {
                return parser.parse(((RawValue.Text)raw).text().strip());
            }
            throw InvalidValue.complete("expected one value, found " + raw.shape());
        }

        @Override
        RawValue write(final T value) {
            return new RawValue.Text(text.apply(value));
        }
    }

    /**
     * A file or directory. A relative path means one place whoever reads the source that wrote it: from a
     * configuration file, the file's directory, as a file names its neighbours; from a variable, a property or a
     * call, the working directory, as a shell would take it.
     */
    private static final class PathType extends Scalar<Path> {
        PathType() {
            super("path", "a file or directory path; a relative one is taken from the directory of the configuration "
                + "file that names it, or else from the working directory", Parsers::path, Path::toString,
                Path::toString, false);
        }

        @Override
        Path inFileDirectory(final Path value, final Path directory) {
            return directory == null || value.isAbsolute() ? value : directory.resolve(value);
        }
    }

    /** A value read as another type and converted, such as a currency table read as a map of rates. */
    private static final class Mapped<A, B> extends ValueType<B> {
        private final ValueType<A> inner;
        private final Converter<A, B> to;
        private final Function<B, A> back;

        Mapped(final String name, final String allowed, final ValueType<A> inner, final Converter<A, B> to,
            final Function<B, A> back) {
            super(name, allowed);
            this.inner = inner;
            this.to = to;
            this.back = back;
        }

        @Override
        public String show(final B value) {
            return inner.show(back.apply(value));
        }

        @Override
        B read(final RawValue raw) throws InvalidValue {
            return to.convert(inner.read(raw));
        }

        @Override
        RawValue write(final B value) {
            return inner.write(back.apply(value));
        }

        @Override
        boolean readsObjects() {
            return inner.readsObjects();
        }
    }

    /** A list: a list in a file, comma-separated text anywhere. */
    private static final class ListType<E> extends ValueType<List<E>> {
        private final ValueType<E> element;
        private final int min;
        private final int max;

        ListType(final ValueType<E> element, final int min, final int max) {
            super("list", (min > 0 ? min + " to " + max : "up to " + max) + " of " + element.allowed());
            this.element = element;
            this.min = min;
            this.max = max;
        }

        @Override
        public String show(final List<E> values) {
            final List<String> shown = new ArrayList<>();
            values.forEach(value -> shown.add(element.show(value)));
            return String.join(", ", shown);
        }

        @Override
        List<E> read(final RawValue raw) throws InvalidValue {
            final List<String> items;
            if (raw instanceof RawValue.Items) {
                items = ((RawValue.Items)raw).items();
            } else if (raw instanceof RawValue.Text) {
                items = Parsers.split(((RawValue.Text)raw).text());
            } else {
                throw InvalidValue.complete("expected a list, found " + raw.shape());
            }
            if (items.size() < min || items.size() > max) {
                throw InvalidValue.complete("has " + items.size() + (items.size() == 1 ? " item" : " items"));
            }
            final List<E> values = new ArrayList<>();
            final List<String> problems = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    values.add(element.read(new RawValue.Text(items.get(i))));
                } catch (final InvalidValue e) {
                    problems.add("item " + (i + 1) + ": " + e.about("'" + items.get(i).strip() + "'"));
                }
            }
            if (!problems.isEmpty()) {
                throw InvalidValue.complete(String.join("; ", problems));
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        RawValue write(final List<E> values) {
            final List<String> items = new ArrayList<>();
            for (final E value : values) {
                items.add(((RawValue.Text)element.write(value)).text());
            }
            return new RawValue.Items(items);
        }
    }

    /** Names with values: an object in a file, {@code name=value,name=value} anywhere. */
    private static final class MapType<V> extends ValueType<Map<String, V>> {
        private final ValueType<V> values;

        MapType(final ValueType<V> values) {
            super(values.secret() ? "map, secret values" : "map", "name=value pairs, each name once, values "
                + values.allowed());
            this.values = values;
        }

        @Override
        public boolean secret() {
            return values.secret();
        }

        @Override
        public String show(final Map<String, V> map) {
            final List<String> shown = new ArrayList<>();
            map.forEach((name, value) -> shown.add(name + '=' + values.show(value)));
            return String.join(", ", shown);
        }

        @Override
        Map<String, V> read(final RawValue raw) throws InvalidValue {
            final Map<String, String> entries;
            if (raw instanceof RawValue.Entries) {
                entries = ((RawValue.Entries)raw).entries();
            } else if (raw instanceof RawValue.Text) {
                entries = Parsers.pairs(((RawValue.Text)raw).text());
            } else {
                throw InvalidValue.complete("expected name=value pairs, found " + raw.shape());
            }
            final Map<String, V> map = new LinkedHashMap<>();
            final List<String> problems = new ArrayList<>();
            for (final Map.Entry<String, String> entry : entries.entrySet()) {
                final String name = entry.getKey().strip();
                final String text = Objects.requireNonNullElse(entry.getValue(), "");
                try {
                    if (name.isEmpty()) {
                        throw InvalidValue.complete("a name is blank");
                    }
                    if (map.containsKey(name)) {
                        throw InvalidValue.complete("the name is set twice");
                    }
                    map.put(name, values.read(new RawValue.Text(text)));
                } catch (final InvalidValue e) {
                    final String subject = values.secret() ? "the value (not shown)" : "'" + text + "'";
                    problems.add("'" + name + "': " + e.about(subject));
                }
            }
            if (!problems.isEmpty()) {
                throw InvalidValue.complete(String.join("; ", problems));
            }
            return Collections.unmodifiableMap(map);
        }

        @Override
        RawValue write(final Map<String, V> map) {
            final Map<String, String> entries = new LinkedHashMap<>();
            map.forEach((name, value) -> entries.put(name, ((RawValue.Text)values.write(value)).text()));
            return new RawValue.Entries(entries);
        }

        @Override
        boolean readsObjects() {
            return true;
        }
    }
}
