package io.genops.pipeline.journal;

import io.genops.pipeline.export.ExportPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole past cycles (days) of a journal: those that ended more than {@code maxAge} ago, then
 * the oldest while the journal's files exceed {@code maxBytes}. The current cycle is never deleted.
 * Sizes are the files' apparent sizes; Chronicle pre-allocates cycle files sparsely, so the space
 * they take on disk is usually smaller. Days an exporter has not finished with are kept whatever the
 * limits say. Runs when the journal opens and when it rolls to a new day.
 */
public final class Retention {
    /** Keeps everything. */
    public static final Retention KEEP_ALL = new Retention(null, 0, Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final DateTimeFormatter CYCLE_NAME = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String POSITION_SUFFIX = ".position";

    private final Duration maxAge;
    private final long maxBytes;
    private final Clock clock;

    /**
     * @param maxAge   cycles that ended longer ago are deleted; {@code null} keeps any age
     * @param maxBytes the journal's files are kept under this size; 0 keeps any size
     */
    public Retention(final Duration maxAge, final long maxBytes, final Clock clock) {
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public boolean keepsAll() {
        return maxAge == null && maxBytes == 0;
    }

    /** Applies the limits to {@code queue}'s directory, keeping the cycle that holds today. */
    public void apply(final SingleChronicleQueue queue) {
        if (keepsAll()) {
            return;
        }
        try {
            final LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            final LocalDate unexported = oldestUnexported(queue.file().toPath(), queue.rollCycle(), today);
            final List<Path> past = pastCycles(queue.file().toPath(), unexported.isBefore(today) ? unexported : today);
            final List<Path> doomed = new ArrayList<>();
            long total = sizeOf(queue.file().toPath());
            for (final Path file : past) {
                final boolean tooOld = maxAge != null && endOf(file).plus(maxAge).isBefore(clock.instant());
                final boolean tooBig = maxBytes > 0 && total > maxBytes;
                if (tooOld || tooBig) {
                    total -= Files.size(file);
                    doomed.add(file);
                }
            }
            for (final Path file : doomed) {
                Files.deleteIfExists(file);
            }
            if (!doomed.isEmpty()) {
                queue.refreshDirectoryListing();
                LOG.info("Journal retention deleted {} past cycle files from {}", doomed.size(), queue.file());
            }
        } catch (final IOException e) {
            LOG.warn("Journal retention could not clean {}: {}", queue.file(), e.getMessage());
        }
    }

    /**
     * The day of the oldest record some exporter has not settled yet, or {@code today} when every
     * exporter is on today's cycle or there are none: retention never deletes what is still to be
     * exported. An exporter that has settled nothing holds the whole journal.
     */
    private static LocalDate oldestUnexported(final Path directory, final RollCycle rollCycle, final LocalDate today)
        throws IOException {
        final Path positions = directory.resolve("exporters");
        LocalDate oldest = today;
        if (!Files.isDirectory(positions)) {
            return oldest;
        }
        try (Stream<Path> files = Files.list(positions)) {
            for (final Path file : (Iterable<Path>)files::iterator) {
                final String name = file.getFileName().toString();
                if (name.endsWith(POSITION_SUFFIX)) {
                    oldest = min(oldest, dayOf(directory, name, rollCycle));
                }
            }
        }
        return oldest;
    }

    private static LocalDate dayOf(final Path directory, final String positionFile, final RollCycle rollCycle) {
        final String exporter = positionFile.substring(0, positionFile.length() - POSITION_SUFFIX.length());
        try (ExportPosition position = ExportPosition.open(directory, exporter)) {
            final long index = position.load();
            return index == ExportPosition.START ? LocalDate.EPOCH : LocalDate.ofEpochDay(rollCycle.toCycle(index));
        }
    }

    private static LocalDate min(final LocalDate a, final LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Cycle files of days before {@code today}, oldest first. */
    private static List<Path> pastCycles(final Path directory, final LocalDate today) throws IOException {
        final String todayName = today.format(CYCLE_NAME);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX))
                .filter(file -> file.getFileName().toString().compareTo(todayName) < 0)
                .sorted()
                .collect(Collectors.toList());
        }
    }

    private static Instant endOf(final Path cycleFile) {
        final String name = cycleFile.getFileName().toString();
        final LocalDate day = LocalDate.parse(name.substring(0, 8), CYCLE_NAME);
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static long sizeOf(final Path directory) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (final Path file : (Iterable<Path>)files::iterator) {
                if (file.getFileName().toString().endsWith(Journals.CYCLE_SUFFIX)) {
                    total += Files.size(file);
                }
            }
        }
        return total;
    }
}
