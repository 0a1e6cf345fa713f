package io.genops.config.settings;

/**
 * A value its type cannot read. The message never quotes the value: it is either a predicate such as
 * {@code is not a power of two}, to which the caller adds the value when the key is not secret, or a
 * complete sentence about the value's shape or parts, phrased so that it gives nothing secret away.
 */
final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean complete;

    private InvalidValue(final String message, final boolean complete) {
        super(message, null, false, false);
        this.complete = complete;
    }

    /** A problem read after the value, such as {@code is not a whole number}. */
    static InvalidValue because(final String predicate) {
        return new InvalidValue(predicate, false);
    }

    /** A problem that reads on its own, such as {@code expected one value, found a list}. */
    static InvalidValue complete(final String message) {
        return new InvalidValue(message, true);
    }

    /** The problem about {@code subject}: the quoted value, or words that stand in for a secret one. */
    String about(final String subject) {
        return complete ? getMessage() : subject + ' ' + getMessage();
    }
}
