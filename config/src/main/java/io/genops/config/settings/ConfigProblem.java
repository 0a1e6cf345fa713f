package io.genops.config.settings;

import java.util.Objects;

/**
 * One thing wrong with a configuration. Reads {@code genops.yaml:12: genops.pipeline.ring-size: '1000' is
 * not a power of two (allowed: a power of two from 2 to 1073741824)}, so an editor or a terminal can jump to
 * the spot. A secret's value never appears.
 *
 * @param key     the key, such as {@code genops.pipeline.ring-size}; {@code genops.config} for a file that cannot
 *                be read as a whole
 * @param source  where the offending value came from
 * @param message what is wrong
 * @param allowed what would be right, in words; never blank, so every problem says what to write instead
 */
public record ConfigProblem(String key, Source source, String message, String allowed) {
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(allowed, "allowed");
        if (allowed.isBlank()) {
            throw new IllegalArgumentException("the problem at " + key + " says nothing of what is allowed");
        }
    }

    @Override
    public String toString() {
        final String named = source.name().equals(key) ? "" : key + ": ";
        return source + ": " + named + message + " (allowed: " + allowed + ")";
    }
}
