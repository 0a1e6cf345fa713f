package io.genops.core.journal;

import io.genops.core.event.EventView;

/**
 * The budget names a record can hold, {@code scope:key:window}, as two codes: the record keeps the scope
 * and window codes and takes the key from the event's own attribution strings, so naming the budget costs
 * no string bytes. The scope and window words are the pipeline's {@code BudgetScope} and
 * {@code BudgetWindow} labels; the codes are their positions below and must never be reordered.
 */
final class BudgetNames {
    static final int TEAM = 0;
    static final int PROJECT = 1;
    static final int CUSTOMER = 2;
    static final int TEAM_PROJECT = 3;
    private static final String[] SCOPES = {"team", "project", "customer", "team_project"};
    private static final String[] WINDOWS = {"daily", "weekly", "monthly"};

    private BudgetNames() {
    }

    /**
     * The scope code in the low two bits and the window code in the next two of {@code event}'s budget.
     *
     * @throws IllegalArgumentException when the name is not {@code scope:key:window} with a scope and window
     *     of the layout and a key that is the event's own for that scope
     */
    static int code(final String name, final EventView event) {
        final int first = name.indexOf(':');
        final int last = name.lastIndexOf(':');
        if (first < 0 || last == first) {
            throw refused(name, "is not of the form scope:key:window");
        }
        final int scope = indexOf(SCOPES, name, 0, first);
        final int window = indexOf(WINDOWS, name, last + 1, name.length());
        if (scope < 0 || window < 0) {
            throw refused(name, "names a scope or window other than " + String.join(", ", SCOPES) + " and "
                + String.join(", ", WINDOWS));
        }
        if (!keyMatches(scope, name, first + 1, last, event)) {
            throw refused(name, "has a key other than the event's own " + SCOPES[scope]);
        }
        return scope | window << 2;
    }

    /** Whether {@code code} names a window of the layout; the scope's two bits are all taken. */
    static boolean valid(final int code) {
        return (code >>> 2 & 3) < WINDOWS.length;
    }

    /** The name of {@link #code}'s budget whose key is {@code first}, or {@code first/second} for team and project. */
    static String name(final int code, final String first, final String second) {
        final String key = second == null ? first : first + "/" + second;
        return SCOPES[code & 3] + ":" + key + ":" + WINDOWS[code >>> 2 & 3];
    }

    private static int indexOf(final String[] words, final String name, final int from, final int to) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() == to - from && name.startsWith(words[i], from)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean keyMatches(final int scope, final String name, final int from, final int to,
        final EventView event) {
        switch (scope) {
            case TEAM:
                return regionIs(name, from, to, event.team());
            case PROJECT:
                return regionIs(name, from, to, event.project());
            case CUSTOMER:
                return regionIs(name, from, to, event.customerId());
            default:
                final String team = event.team();
                return team != null && to - from > team.length() && name.charAt(from + team.length()) == '/'
                    && regionIs(name, from, from + team.length(), team)
                    && regionIs(name, from + team.length() + 1, to, event.project());
        }
    }

    private static boolean regionIs(final String name, final int from, final int to, final String key) {
        return key != null && key.length() == to - from && name.startsWith(key, from);
    }

    private static IllegalArgumentException refused(final String name, final String why) {
        return new IllegalArgumentException("budget name '" + name + "' " + why + "; a journal record cannot hold it");
    }
}
