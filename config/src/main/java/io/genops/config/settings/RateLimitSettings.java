package io.genops.config.settings;

import java.util.List;

/**
 * Rate limits per team and agent, checked on the caller's thread: an enforced policy refuses a call over
 * the limit, an advisory one marks the event.
 *
 * @param limits   limits for one team or agent each
 * @param defaults limits for every team or agent without its own
 */
public record RateLimitSettings(List<RateLimit> limits, List<RateLimit> defaults) {
    public RateLimitSettings {
        limits = List.copyOf(limits);
        defaults = List.copyOf(defaults);
    }

    /** Whether any limit is set, for one key or as a default. */
    public boolean any() {
        return !limits.isEmpty() || !defaults.isEmpty();
    }
}
