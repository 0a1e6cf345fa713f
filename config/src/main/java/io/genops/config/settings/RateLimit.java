package io.genops.config.settings;

import java.util.Objects;

/**
 * A rate limit: events per second for one team or agent, or, with no key, for every one without a limit
 * of its own; bursts of up to one second's worth. Written {@code agent:triage-bot=50} and
 * {@code team=500} in every source.
 *
 * @param scope           what the limit counts events of
 * @param key             the team or agent id; {@code null} for a default limit
 * @param eventsPerSecond the limit, from 1 to 1e9
 */
public record RateLimit(Scope scope, String key, long eventsPerSecond) {
    /** The most events per second a limit may allow, as the pipeline's builder accepts. */
    public static final long MAX_EVENTS_PER_SECOND = 1_000_000_000L;

    /** Mirrors the pipeline's {@code RateLimitScope}; a test in the pipeline keeps the two in step. */
    public enum Scope {
        TEAM, AGENT
    }

    public RateLimit {
        Objects.requireNonNull(scope, "scope");
    }

    /** Whether the limit holds for every key of its scope without a limit of its own. */
    public boolean isDefault() {
        return key == null;
    }

    /** The limit as written in a configuration: {@code agent:triage-bot=50}. */
    String text() {
        return Parsers.label(scope) + (key == null ? "" : ":" + key) + '=' + eventsPerSecond;
    }

    @Override
    public String toString() {
        return text();
    }
}
