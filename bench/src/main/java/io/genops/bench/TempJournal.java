package io.genops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh journal directory for one measurement, removed afterwards. A pipeline rebuilds today's
 * budgets and the month's volume from its journal when it starts, so a journal shared between runs
 * would make each run start from the last one's state, and grow without end.
 */
final class TempJournal implements AutoCloseable {
    private final Path directory;

    TempJournal() {
        try {
            this.directory = Files.createTempDirectory("genops-bench-journal-");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create a temporary journal directory", e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Removes the directory; call it after the pipeline that wrote it has closed. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toArray(Path[]::new)) {
                Files.deleteIfExists(path);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot remove the temporary journal " + directory, e);
        }
    }
}
