package io.genops.core.event;

/**
 * The kinds of event that flow through the pipeline; the code is stable and used in binary records.
 *
 * <p>{@link #SESSION} is the record of a monitoring session that has closed: its name, attribution,
 * open and close times and final totals. The pipeline writes it itself when the session closes; it
 * costs nothing, is charged to no budget, fires no alert rule, and is exported whenever its agent
 * group exports anything, since it is the parent of the session's exported events.
 */
public enum EventKind {
    INTERACTION(1), SIGNAL(2), ALERT(3), SESSION(4);

    private static final EventKind[] VALUES = values();

    private final int code;

    EventKind(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static EventKind ofCode(final int code) {
        for (final EventKind kind : VALUES) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("event kind code " + code + " is unknown");
    }
}
