package io.genops.config.settings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every entry of every source by its key's type and keeps, for each key, the value from the source
 * of highest precedence. Every entry is read, not only the winners, so a bad value in the file is
 * reported even while the environment overrides it: the file would fail on the next machine.
 */
final class Resolver {
    private final Problems problems;
    private final Map<String, Values.Resolved> winners = new HashMap<>();

    private Resolver(final Problems problems) {
        this.problems = problems;
    }

    static Values resolve(final List<RawEntry> entries, final Problems problems) {
        final Resolver resolver = new Resolver(problems);
        entries.forEach(resolver::accept);
        return new Values(resolver.winners);
    }

    private void accept(final RawEntry entry) {
        final KeyIndex.Match match = KeyIndex.match(entry.name());
        if (match == null) {
            unknown(entry);
            return;
        }
        if (!match.key().inFile() && entry.source().layer() == Source.Layer.FILE) {
            problems.add(entry.name(), entry.source(), "names the configuration file, so it cannot be set inside one",
                "a system property, the environment variable " + match.key().environmentVariable() + " or the loader");
            return;
        }
        if (match.entry() != null && !validEntry(match, entry.source())) {
            return;
        }
        final Object value;
        try {
            value = read(match.key(), entry);
        } catch (final InvalidValue e) {
            problems.add(entry.name(), entry.source(), e.about(subject(match.key(), entry.value())),
                match.key().type().allowed());
            return;
        }
        final Values.Resolved winner = winners.get(entry.name());
        if (winner == null || entry.source().layer().compareTo(winner.source().layer()) >= 0) {
            winners.put(entry.name(), new Values.Resolved(match, value, entry.source()));
        }
    }

    /** The entry's value; one from a configuration file as meant there, such as a path beside the file. */
    private static <T> T read(final ConfigKey<T> key, final RawEntry entry) throws InvalidValue {
        if (entry.value() instanceof RawValue.Null) {
            if (key.defaultValue() != null || key.required()) {
                throw InvalidValue.complete("has no value, and the key cannot be unset");
            }
            return null;
        }
        final T value = key.type().read(entry.value());
        if (entry.source().layer() != Source.Layer.FILE) {
            return value;
        }
        return key.type().inFileDirectory(value, Path.of(entry.source().name()).getParent());
    }

    private void unknown(final RawEntry entry) {
        final String closest = KeyIndex.suggest(entry.name());
        final String hint = closest == null ? "" : "; did you mean " + closest + "?";
        final List<String> siblings = KeyIndex.siblings(entry.name());
        problems.add(entry.name(), entry.source(), "is not a configuration key" + hint, siblings.isEmpty()
            ? "the keys in docs/configuration.md" : String.join(", ", siblings));
    }

    /** An entry's name must survive the trip through a variable name, so the environment can override it. */
    private boolean validEntry(final KeyIndex.Match match, final Source source) {
        try {
            Parsers.entryName(match.entry());
            return true;
        } catch (final InvalidValue e) {
            problems.add(match.name(), source, e.about("the name '" + match.entry() + "'"),
                "names of lower-case letters, digits and inner hyphens, such as ops-pager");
            return false;
        }
    }

    /** What stands for the value in a message: the value itself, or words when it is secret. */
    private static String subject(final ConfigKey<?> key, final RawValue value) {
        if (key.secret()) {
            return "the value (not shown, the key is secret)";
        }
        return value instanceof RawValue.Text ? "'" + ((RawValue.Text)value).text().strip() + "'" : value.shape();
    }
}
