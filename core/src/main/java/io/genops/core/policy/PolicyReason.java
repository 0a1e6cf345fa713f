package io.genops.core.policy;

/** Why a policy result is not plainly {@link PolicyResult#ALLOWED}; the code is stable for binary records. */
public enum PolicyReason {
    NONE(0), BUDGET_THRESHOLD(1), BUDGET_EXCEEDED(2), RATE_LIMITED(3);

    private static final PolicyReason[] VALUES = values();

    private final int code;

    PolicyReason(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static PolicyReason ofCode(final int code) {
        for (final PolicyReason reason : VALUES) {
            if (reason.code == code) {
                return reason;
            }
        }
        throw new IllegalArgumentException("policy reason code " + code + " is unknown");
    }
}
