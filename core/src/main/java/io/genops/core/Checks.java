package io.genops.core;

import io.genops.core.money.Money;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Argument checks whose messages name the field and what is wrong with its value. Every public
 * entry point validates through these, so a caller always learns which field to fix.
 */
public final class Checks {
    /** An exporter's name also names its position file beside the journal: a plain file name. */
    private static final Pattern EXPORTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Checks() {
    }

    /** Requires a non-null, non-blank string. */
    public static String nonBlank(final String value, final String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    /**
     * Requires an exporter's name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or
     * digit, since it names the exporter's position file beside the journal.
     */
    public static String exporterName(final String name) {
        nonBlank(name, "exporter name");
        if (!EXPORTER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("exporter name '" + name + "' must be 1 to 64 letters, digits, '.', "
                + "'_' or '-', starting with a letter or digit: it names the exporter's position file");
        }
        return name;
    }

    /** Like {@link #nonBlank} but lets {@code null} through, for optional fields. */
    public static String optionalNonBlank(final String value, final String field) {
        return value == null ? null : nonBlank(value, field);
    }

    public static long nonNegative(final long value, final String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative: " + value);
        }
        return value;
    }

    public static int positive(final int value, final String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
        return value;
    }

    public static double finite(final double value, final String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number: " + value);
        }
        return value;
    }

    /** Requires {@code value.length() <= maxLength}; {@code null} passes. */
    public static String maxLength(final String value, final int maxLength, final String field) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(
                field + " is " + value.length() + " characters long; the limit is " + maxLength);
        }
        return value;
    }

    /** Requires a non-negative USD amount and returns its nanos. */
    public static long costOverride(final Money cost) {
        Objects.requireNonNull(cost, "cost");
        if (!Money.USD.equals(cost.currency()) || cost.nanos() < 0) {
            throw new IllegalArgumentException("cost must be a non-negative USD amount: " + cost);
        }
        return cost.nanos();
    }

    /** Requires non-blank keys and finite values. */
    public static Map<String, Double> finiteValues(final Map<String, Double> values, final String field) {
        Objects.requireNonNull(values, field);
        values.forEach((name, value) -> {
            nonBlank(name, field + " name");
            Objects.requireNonNull(value, field + " '" + name + "'");
            finite(value, field + " '" + name + "'");
        });
        return values;
    }

    /** Requires non-blank keys and non-null values. */
    public static Map<String, String> attributes(final Map<String, String> values, final String field) {
        Objects.requireNonNull(values, field);
        values.forEach((name, value) -> {
            nonBlank(name, field + " key");
            Objects.requireNonNull(value, field + " '" + name + "'");
        });
        return values;
    }
}
