package io.genops.cli.demo;

import java.nio.file.Path;

/**
 * Where the demo's pipeline keeps its audit journal. By default a temporary directory removed after
 * the run: the pipeline rebuilds today's spend from its journal when it starts, so a kept journal
 * makes each run start where the last one ended, over budget.
 *
 * @param directory the journal's directory, or {@code null} for a temporary one or none
 * @param enabled   whether there is a journal at all
 */
record JournalChoice(Path directory, boolean enabled) {
    static final JournalChoice TEMPORARY = new JournalChoice(null, true);
    static final JournalChoice NONE = new JournalChoice(null, false);

    static JournalChoice at(final Path directory) {
        return new JournalChoice(directory, true);
    }

    boolean temporary() {
        return enabled && directory == null;
    }

    /** How the report names it. */
    String describe() {
        if (!enabled) {
            return "none (memory only)";
        }
        return temporary() ? "temporary, removed after the run" : directory.toString();
    }
}
