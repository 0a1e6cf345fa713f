package io.genops.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small JSON documents for tests; the text keeps its line breaks, so line numbers can be asserted. */
final class TempJson {
    private TempJson() {
    }

    static Path write(final Path dir, final String name, final String json) {
        final Path file = dir.resolve(name);
        try {
            Files.writeString(file, json);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
