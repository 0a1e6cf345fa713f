package io.genops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Asserts that a reader refuses a file with an error that points at the right key and line. */
final class Refusals {
    private Refusals() {
    }

    /** Reads {@code file} expecting a refusal at {@code key} on {@code line}; returns it for further checks. */
    static PriceTableException assertRefused(final Path file, final Consumer<Path> reader, final String key,
        final int line, final String problem) {
        final PriceTableException refusal = catchThrowableOfType(PriceTableException.class, () -> reader.accept(file));

        assertThat(refusal).as("reading %s should fail with a PriceTableException", file).isNotNull();
        assertThat(refusal.file()).isEqualTo(file.toString());
        assertThat(refusal.key()).isEqualTo(key);
        assertThat(refusal.line()).isEqualTo(line);
        assertThat(refusal.getMessage()).startsWith(file + ":" + line + ": ").contains(key).contains(problem);
        return refusal;
    }
}
