package io.genops.config.settings;

import io.genops.config.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the key a name stands for, in any of its forms: {@code genops.pipeline.ring-size} in a file or a
 * system property, {@code GENOPS_PIPELINE_RING_SIZE} in the environment, and the same for every entry
 * of a template such as {@code genops.alerts.rules.<name>.severity}; and suggests the nearest key for
 * one that matches none.
 */
final class KeyIndex {
    private static final String PREFIX = "genops.";
    private static final String VARIABLE_PREFIX = "GENOPS_";
    private static final Map<String, ConfigKey<?>> BY_NAME = new HashMap<>();
    private static final Map<String, ConfigKey<?>> BY_VARIABLE = new HashMap<>();
    private static final List<ConfigKey<?>> TEMPLATES = new ArrayList<>();

    static {
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            if (key.isTemplate()) {
                TEMPLATES.add(key);
            } else {
                BY_NAME.put(key.name(), key);
                BY_VARIABLE.put(key.environmentVariable(), key);
            }
        }
        // Longest suffix first, so GENOPS_ALERTS_RULES_X_MIN_SAMPLES finds min-samples before anything shorter.
        TEMPLATES.sort((a, b) -> Integer.compare(b.name().length() - b.name().indexOf(ConfigKey.ENTRY),
            a.name().length() - a.name().indexOf(ConfigKey.ENTRY)));
    }

    /** A name matched to its key: the key as named, and the entry for a template key. */
    record Match(ConfigKey<?> key, String name, String entry) {
    }

    private KeyIndex() {
    }

    /** The key {@code name} stands for, or {@code null}; an entry must be a valid entry name. */
    static Match match(final String name) {
        final ConfigKey<?> key = BY_NAME.get(name);
        if (key != null) {
            return new Match(key, name, null);
        }
        for (final ConfigKey<?> template : TEMPLATES) {
            final String entry = template.entryOf(name);
            if (entry != null) {
                return new Match(template, name, entry);
            }
        }
        return null;
    }

    /** The key environment variable {@code variable} stands for, or {@code null}. */
    static Match matchVariable(final String variable) {
        final ConfigKey<?> key = BY_VARIABLE.get(variable);
        if (key != null) {
            return new Match(key, key.name(), null);
        }
        for (final ConfigKey<?> template : TEMPLATES) {
            final String entry = template.entryOfVariable(variable);
            if (entry != null) {
                return new Match(template, template.nameFor(entry), entry);
            }
        }
        return null;
    }

    /** The key that {@code variable} would name by the usual rule, when that key is read from another variable. */
    static ConfigKey<?> readElsewhere(final String variable) {
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            if (!key.isTemplate() && ConfigKey.variableOf(key.name()).equals(variable)
                && !key.environmentVariable().equals(variable)) {
                return key;
            }
        }
        return null;
    }

    /** Whether a file's object at {@code name} is one value, such as a map of headers. */
    static boolean readsObjects(final String name) {
        final Match match = match(name);
        return match != null && match.key().type().readsObjects();
    }

    /**
     * Whether an unknown system property or variable is meant for us: its first part after the prefix is
     * a section of keys, or close to one. Others, such as a test's {@code genops.test.seed}, are left alone.
     */
    static boolean claims(final String name) {
        final String rest = name.startsWith(VARIABLE_PREFIX)
            ? name.substring(VARIABLE_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.')
            : name.substring(PREFIX.length());
        final int dot = rest.indexOf('.');
        final String section = dot < 0 ? rest : rest.substring(0, dot);
        return ConfigKeys.sections().containsKey(section)
            || Suggestions.closest(section, ConfigKeys.sections().keySet()) != null;
    }

    /**
     * The key or variable nearest to an unknown {@code name}, for a "did you mean" hint; {@code null} if none.
     * Templates compete with the name's own segments put in for the entry, so a mistyped section or field of an
     * entry's key is suggested with the entry the name meant.
     */
    static String suggest(final String name) {
        final boolean variable = name.startsWith(VARIABLE_PREFIX);
        final List<String> candidates = new ArrayList<>(variable ? BY_VARIABLE.keySet() : BY_NAME.keySet());
        for (final ConfigKey<?> template : TEMPLATES) {
            if (variable) {
                candidates.addAll(filled(template.environmentVariable(), "<NAME>", name, '_', true));
            } else {
                candidates.addAll(filled(template.name(), ConfigKey.ENTRY, name, '.', false));
            }
        }
        return Suggestions.closest(name, candidates);
    }

    /** What may follow {@code name}'s parent: the keys and groups of keys beside it, for an unknown key's message. */
    static List<String> siblings(final String name) {
        final String parent = name.substring(0, name.lastIndexOf('.') + 1);
        final Set<String> siblings = new LinkedHashSet<>();
        for (final ConfigKey<?> key : ConfigKeys.all()) {
            final String candidate = key.isTemplate() ? key.nameFor(entryAt(key, name)) : key.name();
            if (candidate.startsWith(parent)) {
                final int dot = candidate.indexOf('.', parent.length());
                final int end = dot < 0 ? candidate.length() : dot;
                siblings.add(candidate.substring(parent.length(), end));
            }
        }
        return new ArrayList<>(siblings);
    }

    /**
     * {@code pattern} with each run of {@code name}'s segments in place of {@code placeholder}: one segment in a
     * key's name, any number in a variable, where an entry's hyphens are underscores like the separators.
     */
    private static List<String> filled(final String pattern, final String placeholder, final String name,
        final char separator, final boolean spans) {
        final String[] segments = name.split(Pattern.quote(String.valueOf(separator)), -1);
        final List<String> filled = new ArrayList<>();
        for (int first = 1; first < segments.length; first++) {
            final StringBuilder entry = new StringBuilder();
            for (int last = first; last < segments.length && (spans || last == first); last++) {
                entry.append(last == first ? "" : String.valueOf(separator)).append(segments[last]);
                filled.add(pattern.replace(placeholder, entry));
            }
        }
        return filled;
    }

    private static String entryAt(final ConfigKey<?> template, final String name) {
        final String prefix = template.name().substring(0, template.name().indexOf(ConfigKey.ENTRY));
        if (!name.startsWith(prefix) || name.length() <= prefix.length()) {
            return ConfigKey.ENTRY;
        }
        final int end = name.indexOf('.', prefix.length());
        return end < 0 ? name.substring(prefix.length()) : name.substring(prefix.length(), end);
    }
}
