package io.genops.core.pricing;

/** What happens to an interaction whose model has no price. Never a silent zero. */
public enum UnknownModelPolicy {
    /** Reject the interaction at the call with an {@link IllegalArgumentException} naming the model. */
    FAIL,
    /** Price the model tokens at zero, count the event as unpriced and warn once per model. */
    ZERO_AND_COUNT
}
