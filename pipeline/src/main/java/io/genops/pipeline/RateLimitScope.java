package io.genops.pipeline;

import java.util.Locale;

/** What a rate limit counts events of. */
public enum RateLimitScope {
    TEAM, AGENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
