package io.genops.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of one object in a strict format: each key read is checked against the allowed ones, and
 * when the object ends every required key must have appeared. A missing key is reported at the line
 * where its object starts, under the path it should have had.
 */
final class ObjectKeys {
    private final JsonCursor cursor;
    private final List<String> allowed;
    private final List<String> required;
    private final Set<String> seen = new HashSet<>();
    private final String path;
    private final int line;

    /** Starts reading an object whose opening brace the cursor has just entered. */
    ObjectKeys(final JsonCursor cursor, final List<String> allowed, final List<String> required) {
        this.cursor = cursor;
        this.allowed = allowed;
        this.required = required;
        this.path = cursor.path();
        this.line = cursor.line();
    }

    /** The next key, or {@code null} once the object has ended and all required keys were present. */
    String next() {
        final String key = cursor.nextKey();
        if (key == null) {
            requireAll();
        } else if (!allowed.contains(key)) {
            throw cursor.unknownKey(allowed);
        } else {
            seen.add(key);
        }
        return key;
    }

    private void requireAll() {
        for (final String key : required) {
            if (!seen.contains(key)) {
                final String keyPath = path.isEmpty() ? key : path + '.' + key;
                throw cursor.error(keyPath, line, "required key '" + key + "' is missing");
            }
        }
    }
}
