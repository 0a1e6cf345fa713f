package io.genops.config.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems and warnings of one load, so that all of them can be reported at once: first
 * what is wrong with single values, by source from the file up and by line within the file, then the
 * settings that contradict each other.
 */
final class Problems {
    private static final Comparator<Found> ORDER = Comparator.comparing(Found::crossCheck)
        .thenComparing(found -> found.problem().source().layer())
        .thenComparingInt(found -> found.problem().source().line());

    private final List<Found> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean crossChecks;

    /** A problem and the phase it was found in. */
    private record Found(ConfigProblem problem, boolean crossCheck) {
    }

    void add(final String key, final Source source, final String message, final String allowed) {
        problems.add(new Found(new ConfigProblem(key, source, message, allowed), crossChecks));
    }

    /** Marks the problems added from now on as settings that contradict each other. */
    void startCrossChecks() {
        crossChecks = true;
    }

    void warn(final String warning) {
        warnings.add(warning);
    }

    /** Whether a problem was already found with a key whose name starts with {@code prefix}. */
    boolean anyUnder(final String prefix) {
        return problems.stream().anyMatch(found -> found.problem().key().startsWith(prefix));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<ConfigProblem> problems() {
        return problems.stream().sorted(ORDER).map(Found::problem).toList();
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
