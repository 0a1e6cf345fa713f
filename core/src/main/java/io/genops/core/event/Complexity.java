package io.genops.core.event;

import java.util.Locale;

/** How demanding an operation is; the platform price table gives each level a factor. */
public enum Complexity {
    SIMPLE, MODERATE, COMPLEX, ENTERPRISE;

    private static final Complexity[] VALUES = values();

    /** Parses a name in any case, such as {@code "moderate"}; an unknown name lists the known ones. */
    public static Complexity parse(final String name) {
        return Names.parse(VALUES, name, "complexity");
    }

    /** The lower-case name used in files and exported attributes. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
