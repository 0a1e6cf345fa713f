package io.genops.config.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value of every key after precedence: for each key some source set, the value from the source of
 * highest precedence; for every other key, its default.
 */
final class Values {
    /** The winning value of one key: {@code null} when an optional key was unset on purpose. */
    record Resolved(KeyIndex.Match match, Object value, Source source) {
    }

    private final Map<String, Resolved> byName;

    Values(final Map<String, Resolved> byName) {
        this.byName = byName;
    }

    static Values empty() {
        return new Values(Map.of());
    }

    <T> T get(final ConfigKey<T> key) {
        return value(key, key.name());
    }

    <T> T get(final ConfigKey<T> template, final String entry) {
        return value(template, template.nameFor(entry));
    }

    Source source(final ConfigKey<?> key) {
        return source(key.name());
    }

    Source source(final ConfigKey<?> template, final String entry) {
        return source(template.nameFor(entry));
    }

    /** The entries any source names under the templates that start with {@code group}, sorted by name. */
    Set<String> entries(final String group) {
        final Set<String> entries = new TreeSet<>();
        byName.values().stream().filter(resolved -> resolved.match().entry() != null)
            .filter(resolved -> resolved.match().key().name().startsWith(group))
            .forEach(resolved -> entries.add(resolved.match().entry()));
        return entries;
    }

    /**
     * The key set first for {@code entry} under the templates that start with {@code group}, by layer and then
     * line: where the entry is named, for a problem with the entry as a whole. {@code null} when no source set any.
     */
    Resolved named(final String group, final String entry) {
        return byName.values().stream().filter(resolved -> entry.equals(resolved.match().entry()))
            .filter(resolved -> resolved.match().key().name().startsWith(group))
            .min(Comparator.comparing((Resolved resolved) -> resolved.source().layer())
                .thenComparingInt(resolved -> resolved.source().line())
                .thenComparing(resolved -> resolved.match().name()))
            .orElse(null);
    }

    /** Every key with its value as people see it (secrets masked) and where the value came from. */
    List<EffectiveValue> effective() {
        final List<EffectiveValue> effective = new ArrayList<>();
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            if (!key.isTemplate()) {
                effective.add(effective(key, key.name()));
            }
        }
        for (final ConfigKey<?> template : ConfigKeys.all()) {
            if (template.isTemplate()) {
                final String group = template.name().substring(0, template.name().indexOf(ConfigKey.ENTRY));
                entries(group).forEach(entry -> effective.add(effective(template, template.nameFor(entry))));
            }
        }
        return Collections.unmodifiableList(effective);
    }

    private <T> EffectiveValue effective(final ConfigKey<T> key, final String name) {
        final T value = value(key, name);
        final String shown = value == null ? "(" + key.defaultText() + ")" : key.type().show(value);
        return new EffectiveValue(name, shown, source(name));
    }

    @SuppressWarnings("unchecked")
    private <T> T value(final ConfigKey<T> key, final String name) {
        final Resolved resolved = byName.get(name);
        return resolved == null ? key.defaultValue() : (T)resolved.value();
    }

    private Source source(final String name) {
        final Resolved resolved = byName.get(name);
        return resolved == null ? Source.defaults() : resolved.source();
    }
}
