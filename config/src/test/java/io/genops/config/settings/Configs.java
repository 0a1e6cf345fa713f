package io.genops.config.settings;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Loaders that see only what a test gives them, files written line by line, and problems as text. */
final class Configs {
    private Configs() {
    }

    /** A loader with no environment, no system properties, and {@code directory} as working directory. */
    static ConfigLoader isolated(final Path directory) {
        return GenOpsConfiguration.loader().environment(Map.of()).systemProperties(Map.of())
            .workingDirectory(directory);
    }

    /** Writes {@code lines} to {@code directory/name}, one a line, so line numbers can be asserted. */
    static Path write(final Path directory, final String name, final String... lines) {
        final Path file = directory.resolve(name);
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Loads, expecting a {@link ConfigurationException}, and returns its problems as text. */
    static List<String> problems(final ConfigLoader loader) {
        final AtomicReference<List<String>> problems = new AtomicReference<>();
        assertThatThrownBy(loader::load).isInstanceOfSatisfying(ConfigurationException.class, e -> problems.set(
            e.problems().stream().map(ConfigProblem::toString).toList()));
        return problems.get();
    }

    /** Loads, expecting a {@link ConfigurationException}, and returns its message. */
    static String message(final ConfigLoader loader) {
        final AtomicReference<String> message = new AtomicReference<>();
        assertThatThrownBy(loader::load).isInstanceOfSatisfying(ConfigurationException.class,
            e -> message.set(e.getMessage()));
        return message.get();
    }

    /** The source of {@code key} in {@code config}, as text. */
    static String source(final GenOpsConfiguration config, final String key) {
        return config.values().stream().filter(value -> value.key().equals(key)).findFirst()
            .orElseThrow(() -> new AssertionError(key + " is not among the values")).source().toString();
    }
}
