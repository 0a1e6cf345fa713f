package io.genops.config.settings;

import java.util.List;

/**
 * A configuration that cannot be used: every problem found in every source, reported together so they
 * can be fixed in one pass. Thrown by {@link ConfigLoader#load()} before anything starts.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    ConfigurationException(final List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems: first those of single values, by source from the file up and by line within the file,
     * then settings that contradict each other.
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(final List<ConfigProblem> problems) {
        final StringBuilder message = new StringBuilder("The GenOps configuration has ").append(problems.size())
            .append(problems.size() == 1 ? " problem:" : " problems:");
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  - ").append(problem));
        return message.toString();
    }
}
