package io.genops.core.event;

import java.util.Objects;

/**
 * A pattern over agent ids in which {@code *} matches any run of characters, the empty run included:
 * {@code critical-*} matches {@code critical-billing}, {@code *-billing} matches {@code eu-billing},
 * and a pattern without {@code *} matches only itself. Every other character matches itself, case
 * included. The characters {@code ? [ ] { }}, which other glob dialects treat as wildcards, are
 * refused so that a pattern never means less than its author thought.
 *
 * <p>{@link #matches} allocates nothing and takes time linear in the id for a pattern without
 * {@code *} or ending in its only {@code *}, and at most the product of the id's length and the
 * pattern's otherwise. Immutable.
 */
public final class AgentPattern {
    private static final String REFUSED = "?[]{}";

    private final String pattern;

    private AgentPattern(final String pattern) {
        this.pattern = pattern;
    }

    /**
     * The pattern {@code pattern}.
     *
     * @throws IllegalArgumentException when it is blank, holds white space, or holds {@code ? [ ] { }}
     */
    public static AgentPattern of(final String pattern) {
        Objects.requireNonNull(pattern, "agent pattern");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("an agent pattern must not be blank");
        }
        final String problem = problem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException("agent pattern '" + pattern + "' " + problem);
        }
        return new AgentPattern(pattern);
    }

    /**
     * What keeps {@code pattern} from being an agent pattern, worded to follow the pattern in a message
     * (such as {@code holds '?'; only * is a wildcard, ...}), or {@code null} when it is one or is blank.
     */
    public static String problem(final String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            final char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                return "holds white space; agent ids have none";
            }
            if (REFUSED.indexOf(c) >= 0) {
                return "holds '" + c + "'; only * is a wildcard, matching any run of characters";
            }
        }
        return null;
    }

    /** Whether {@code agentId} matches; {@code null} matches nothing. */
    public boolean matches(final String agentId) {
        if (agentId == null) {
            return false;
        }
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < agentId.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (p < pattern.length() && pattern.charAt(p) == agentId.charAt(s)) {
                p++;
                s++;
            } else if (star >= 0) {
                // Let the last star swallow one more character and try the rest again.
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return pattern;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof AgentPattern && ((AgentPattern)other).pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }
}
