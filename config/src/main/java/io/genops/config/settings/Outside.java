package io.genops.config.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the entries of system properties ({@code genops.*}) and of the environment ({@code GENOPS_*},
 * and the few variables a key names itself, such as {@code RAINDROP_WRITE_KEY}). An empty value counts as
 * unset, as shells and container files often leave one. A name that looks like ours but matches no key is
 * a problem with a suggestion; other names under the prefix, such as a test's {@code genops.test.seed},
 * are left alone.
 */
final class Outside {
    private Outside() {
    }

    static List<RawEntry> systemProperties(final Map<String, String> properties, final Problems problems) {
        final List<RawEntry> entries = new ArrayList<>();
        new TreeMap<>(properties).forEach((name, value) -> {
            if (!name.startsWith("genops.")) {
                return;
            }
            final Source source = Source.systemProperty(name);
            final KeyIndex.Match match = KeyIndex.match(name);
            if (match == null) {
                unknown(name, source, problems);
            } else if (match.key().secret()) {
                problems.add(name, source, "is secret, and system properties show in process listings",
                    "the environment variable " + match.key().environmentVariable().replace("<NAME>", upper(match))
                    + " or the file");
            } else if (!value.isEmpty()) {
                entries.add(new RawEntry(name, new RawValue.Text(value), source));
            }
        });
        return entries;
    }

    static List<RawEntry> environment(final Map<String, String> environment, final Problems problems) {
        final List<RawEntry> entries = new ArrayList<>();
        new TreeMap<>(environment).forEach((variable, value) -> {
            final KeyIndex.Match match = KeyIndex.matchVariable(variable);
            final Source source = Source.environment(variable);
            if (match == null) {
                if (variable.startsWith("GENOPS_")) {
                    unknown(variable, source, problems);
                }
            } else if (match.entry() != null && !validEntry(match.entry())) {
                problems.add(match.key().name(), source, "names the entry '" + match.entry() + "' (read in lower case, "
                    + "with hyphens for underscores), which is not a valid name", match.key().environmentVariable()
                    + " with <NAME> of capital letters and digits, single underscores between them");
            } else if (!value.isEmpty()) {
                entries.add(new RawEntry(match.name(), new RawValue.Text(value), source));
            }
        });
        return entries;
    }

    private static void unknown(final String name, final Source source, final Problems problems) {
        if (!KeyIndex.claims(name)) {
            return;
        }
        final ConfigKey<?> renamed = KeyIndex.readElsewhere(name);
        if (renamed != null) {
            problems.add(name, source, "is not read: " + renamed.name() + " comes from another variable",
                "the variable " + renamed.environmentVariable());
            return;
        }
        final String closest = KeyIndex.suggest(name);
        problems.add(name, source, "is not a configuration key" + (closest == null ? ""
            : "; did you mean " + closest + "?"), "the keys in docs/configuration.md");
    }

    private static boolean validEntry(final String entry) {
        try {
            Parsers.entryName(entry);
            return true;
        } catch (final InvalidValue e) {
            return false;
        }
    }

    private static String upper(final KeyIndex.Match match) {
        return match.entry() == null ? "" : match.entry().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
