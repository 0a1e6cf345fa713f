package io.genops.config;

import java.util.Collection;

/**
 * Finds the known word a mistyped one was probably meant to be, for "did you mean" hints. Public for
 * {@code io.genops.config.settings}, which suggests configuration keys the same way.
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The candidate closest to {@code word} by edit distance, or {@code null} when none is close
     * enough to be a typo: at most two edits, or a third of the word's length for longer words.
     */
    public static String closest(final String word, final Collection<String> candidates) {
        final int limit = Math.max(2, word.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : candidates) {
            final int distance = editDistance(word, candidate);
            if (distance <= limit && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from {@code a} to {@code b}. */
    static int editDistance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
