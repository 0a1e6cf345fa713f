package io.genops.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files of the shared data directory that sits beside the project. The build passes its location as
 * the system property {@code genops.shared.data}; a run from an IDE falls back to {@code ../shared/data}
 * from the project root or from a module directory.
 */
final class SharedData {
    static final String LITELLM_PRICES = "litellm-model-prices.json";

    private SharedData() {
    }

    static Path file(final String name) {
        final List<Path> tried = new ArrayList<>();
        final String property = System.getProperty("genops.shared.data");
        if (property != null) {
            tried.add(Path.of(property, name));
        }
        tried.add(Path.of("..", "shared", "data", name));
        tried.add(Path.of("..", "..", "shared", "data", name));
        for (final Path candidate : tried) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared data file " + name + " not found; looked at " + tried
            + " (set -Dgenops.shared.data to its directory)");
    }
}
