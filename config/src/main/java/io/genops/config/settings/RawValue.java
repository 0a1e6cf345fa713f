package io.genops.config.settings;

import java.util.List;
import java.util.Map;

/**
 * A value as a source wrote it, before its key's type reads it: one piece of text, a list of them, a
 * map of them, or an explicit null. The environment and system properties only ever give text; a file
 * gives whatever shape it holds, and the type decides whether that shape fits.
 */
sealed interface RawValue {
    /** One value, such as {@code 4096} or {@code 250ms}. */
    record Text(String text) implements RawValue {
    }

    /** A YAML or JSON list of values. */
    record Items(List<String> items) implements RawValue {
    }

    /** A YAML or JSON object of values, such as headers. */
    record Entries(Map<String, String> entries) implements RawValue {
    }

    /** An explicit {@code null}, or a key without a value in YAML: unsets an optional key. */
    record Null() implements RawValue {
    }

    /** What the value is, for "expected a list, found one value" messages. */
    default String shape() {
        if (this instanceof Items) {
            return "a list";
        }
        if (this instanceof Entries) {
            return "an object";
        }
        return this instanceof Null ? "null" : "a single value";
    }
}
