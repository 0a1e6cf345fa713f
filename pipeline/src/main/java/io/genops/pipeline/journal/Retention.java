package io.genops.pipeline.journal;

import io.genops.pipeline.export.ExportPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole past cycles of a journal (days, hours, as it rolls): those that ended more than
 * {@code maxAge} ago by the pipeline's clock, then the oldest while the journal's cycle files exceed
 * {@code maxBytes}. Runs when the journal opens and when it rolls to a new cycle; the cycle being
 * written is never deleted, so the files can exceed {@code maxBytes} by what the current cycle holds,
 * and a shorter {@link JournalCycle} gives a tighter bound. Cycles from the one holding the oldest
 * record some exporter has not settled are kept whatever the limits say. Sizes are the files' apparent
 * sizes; Chronicle pre-allocates cycle files sparsely, so the space they take on disk is usually smaller.
 */
public final class Retention {
    /** Keeps everything. */
    public static final Retention KEEP_ALL = new Retention(null, 0, Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final String POSITION_SUFFIX = ".position";

    private final Duration maxAge;
    private final long maxBytes;
    private final Clock clock;

    /**
     * @param maxAge   cycles that ended longer ago are deleted; {@code null} keeps any age
     * @param maxBytes the journal's files are kept under this size; 0 keeps any size
     * @param clock    the clock ages are measured by
     */
    public Retention(final Duration maxAge, final long maxBytes, final Clock clock) {
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public boolean keepsAll() {
        return maxAge == null && maxBytes == 0;
    }

    /** Applies the limits to {@code queue}'s directory, keeping the cycle being written and every later one. */
    public void apply(final SingleChronicleQueue queue) {
        if (keepsAll()) {
            return;
        }
        final Path directory = queue.file().toPath();
        try {
            final List<CycleFile> cycles = cycleFiles(directory, queue);
            final int keepFrom = Math.min(queue.cycle(), oldestUnexported(directory, queue.rollCycle()));
            final List<Path> doomed = doomed(cycles, keepFrom, queue);
            for (final Path file : doomed) {
                Files.deleteIfExists(file);
            }
            if (!doomed.isEmpty()) {
                queue.refreshDirectoryListing();
                LOG.info("Journal retention deleted {} past cycle files from {}", doomed.size(), directory);
            }
        } catch (final IOException e) {
            LOG.warn("Journal retention could not clean {}: {}", directory, e.getMessage());
        }
    }

    /** The past cycles to delete, oldest first: too old, or the oldest while the files are too big. */
    private List<Path> doomed(final List<CycleFile> cycles, final int keepFrom, final SingleChronicleQueue queue) {
        final long lengthMillis = queue.rollCycle().lengthInMillis();
        final Instant now = clock.instant();
        long total = 0;
        for (final CycleFile cycle : cycles) {
            total += cycle.bytes;
        }
        final List<Path> doomed = new ArrayList<>();
        for (int i = 0; i < cycles.size() && cycles.get(i).cycle < keepFrom; i++) {
            final CycleFile cycle = cycles.get(i);
            final Instant end = Instant.ofEpochMilli(queue.epoch() + (cycle.cycle + 1L) * lengthMillis);
            final boolean tooOld = maxAge != null && end.plus(maxAge).isBefore(now);
            final boolean tooBig = maxBytes > 0 && total > maxBytes;
            if (tooOld || tooBig) {
                total -= cycle.bytes;
                doomed.add(cycle.file);
            }
        }
        return doomed;
    }

    /**
     * The cycle of the oldest record some exporter has not settled yet, or {@code Integer.MAX_VALUE} when
     * there are no exporters: retention never deletes what is still to be exported. An exporter that has
     * settled nothing holds the whole journal.
     */
    private static int oldestUnexported(final Path directory, final RollCycle rollCycle) throws IOException {
        final Path positions = directory.resolve("exporters");
        int oldest = Integer.MAX_VALUE;
        if (!Files.isDirectory(positions)) {
            return oldest;
        }
        try (Stream<Path> files = Files.list(positions)) {
            for (final Path file : (Iterable<Path>)files::iterator) {
                final String name = file.getFileName().toString();
                if (name.endsWith(POSITION_SUFFIX)) {
                    oldest = Math.min(oldest, cycleOf(directory, name, rollCycle));
                }
            }
        }
        return oldest;
    }

    private static int cycleOf(final Path directory, final String positionFile, final RollCycle rollCycle) {
        final String exporter = positionFile.substring(0, positionFile.length() - POSITION_SUFFIX.length());
        try (ExportPosition position = ExportPosition.open(directory, exporter)) {
            final long index = position.load();
            return index == ExportPosition.START ? Integer.MIN_VALUE : rollCycle.toCycle(index);
        }
    }

    /**
     * The journal's cycle files, oldest first, each with its cycle number read from its name in the roll
     * cycle's own format; a file whose name is not of that format is left alone.
     */
    private static List<CycleFile> cycleFiles(final Path directory, final SingleChronicleQueue queue)
        throws IOException {
        final RollCycle rollCycle = queue.rollCycle();
        final DateTimeFormatter names = new DateTimeFormatterBuilder().appendPattern(rollCycle.format())
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter(Locale.ROOT);
        final List<CycleFile> cycles = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (final Path file : (Iterable<Path>)files::iterator) {
                final String name = file.getFileName().toString();
                if (!name.endsWith(Journals.CYCLE_SUFFIX)) {
                    continue;
                }
                final String stamp = name.substring(0, name.length() - Journals.CYCLE_SUFFIX.length());
                try {
                    final long startMillis = LocalDateTime.parse(stamp, names).toInstant(ZoneOffset.UTC).toEpochMilli();
                    final int cycle = (int)Math.floorDiv(startMillis - queue.epoch(), rollCycle.lengthInMillis());
                    cycles.add(new CycleFile(file, cycle, Files.size(file)));
                } catch (final DateTimeParseException e) {
                    LOG.debug("Journal retention leaves {} alone: not a cycle file of {}", file, rollCycle);
                }
            }
        }
        cycles.sort((a, b) -> Integer.compare(a.cycle, b.cycle));
        return cycles;
    }

    /** One cycle file: where it is, its cycle, its apparent size. */
    private record CycleFile(Path file, int cycle, long bytes) {
    }
}
