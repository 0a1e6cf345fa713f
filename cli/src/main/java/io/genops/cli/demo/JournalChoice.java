package io.genops.cli.demo;

import io.genops.pipeline.journal.Journals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the demo's pipeline keeps its audit journal. By default a new directory for each run under
 * {@code ./genops-data}, kept afterwards so that {@code genops replay}, {@code verify}, {@code tail},
 * {@code budgets} and {@code exporters} can be tried on it. A fresh journal also makes each run start a
 * fresh day: the pipeline rebuilds today's spend from its journal when it starts, so a journal given
 * again with {@code --journal} makes a run start where the last one ended, over budget.
 *
 * @param directory    the journal's directory, absolute; {@code null} when there is none
 * @param fresh        whether the journal starts empty: its directory held no journal before this run
 * @param runDirectory the directory made for this run, which holds the journal's; {@code null} when the
 *                     journal's directory was named by {@code --journal}, or there is none
 */
record JournalChoice(Path directory, boolean fresh, Path runDirectory) {
    static final JournalChoice NONE = new JournalChoice(null, false, null);
    /** Where fresh journals go: {@code ./genops-data/demo-20261203-173657/journal}. */
    static final Path DATA = Path.of("genops-data");

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("'demo-'yyyyMMdd-HHmmss",
        Locale.ROOT);

    /** The journal in {@code directory}, fresh when the directory is missing or holds no journal yet. */
    static JournalChoice at(final Path directory) {
        final Path absolute = directory.toAbsolutePath().normalize();
        return new JournalChoice(absolute, !holdsJournal(absolute), null);
    }

    /**
     * A new, empty directory for this run, named after the local time it started; a second run within
     * the same second gets a suffix.
     */
    static JournalChoice fresh(final LocalDateTime now) {
        final Path data = DATA.toAbsolutePath().normalize();
        final String name = RUN_NAME.format(now);
        try {
            Files.createDirectories(data);
            for (int attempt = 1; ; attempt++) {
                final Path run = data.resolve(attempt == 1 ? name : name + "-" + attempt);
                if (!Files.exists(run)) {
                    Files.createDirectory(run);
                    return new JournalChoice(run.resolve("journal"), true, run);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a directory for the demo's journal under " + data, e);
        }
    }

    /**
     * Removes a fresh run directory that holds no journal yet, after a run that failed before its
     * first record; a journal with records is always kept.
     */
    void discardIfUnused() {
        if (runDirectory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(runDirectory)) {
            final List<Path> all = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            if (all.stream().noneMatch(JournalChoice::isCycle)) {
                for (final Path path : all) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (final IOException ignored) {
            // An empty directory left behind is harmless; the run's own failure is what the user needs to see.
        }
    }

    private static boolean holdsJournal(final Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.anyMatch(JournalChoice::isCycle);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the journal directory " + directory, e);
        }
    }

    private static boolean isCycle(final Path path) {
        return path.toString().endsWith(Journals.CYCLE_SUFFIX);
    }

    boolean enabled() {
        return directory != null;
    }

    /** How the report names it. */
    String describe() {
        return enabled() ? directory.toString() : "none (memory only)";
    }
}
