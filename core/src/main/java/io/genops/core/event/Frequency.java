package io.genops.core.event;

import java.util.Locale;

/** How often a performance signal is reported; the platform price table gives each a factor. */
public enum Frequency {
    LOW, STANDARD, HIGH, REALTIME;

    private static final Frequency[] VALUES = values();

    public static Frequency parse(final String name) {
        return Names.parse(VALUES, name, "frequency");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
