package io.genops.core.event;

/** The kinds of event that flow through the pipeline; the code is stable and used in binary records. */
public enum EventKind {
    INTERACTION(1), SIGNAL(2), ALERT(3);

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
