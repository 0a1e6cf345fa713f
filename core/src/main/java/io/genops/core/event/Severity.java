package io.genops.core.event;

import java.util.Locale;

/** How urgent a fired alert is. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    private static final Severity[] VALUES = values();

    public static Severity parse(final String name) {
        return Names.parse(VALUES, name, "severity");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
