package io.genops.core.policy;

/** The governance verdict recorded with every accepted event; the code is stable for binary records. */
public enum PolicyResult {
    ALLOWED(0), WARNING(1), BLOCKED(2), RATE_LIMITED(3);

    private static final PolicyResult[] VALUES = values();

    private final int code;

    PolicyResult(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PolicyResult ofCode(final int code) {
        for (final PolicyResult result : VALUES) {
            if (result.code == code) {
                return result;
            }
        }
        throw new IllegalArgumentException("policy result code " + code + " is unknown");
    }
}
