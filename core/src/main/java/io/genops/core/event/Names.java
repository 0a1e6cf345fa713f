package io.genops.core.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Case-insensitive enum parsing with an error that lists the allowed names. */
final class Names {
    private Names() {
    }

    static <E extends Enum<E>> E parse(final E[] values, final String name, final String field) {
        Objects.requireNonNull(name, field);
        final String wanted = name.trim().toUpperCase(Locale.ROOT);
        for (final E value : values) {
            if (value.name().equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException(field + " '" + name + "' is unknown; expected one of "
            + Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
