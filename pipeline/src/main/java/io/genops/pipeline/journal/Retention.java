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
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes whole past cycles of a journal (days, hours or minutes, as its {@link JournalCycle} has
 * it): those that ended more than {@code maxAge} ago by the pipeline's clock, then the oldest while
 * the journal's cycle files exceed {@code maxBytes}. The pipeline applies it when the journal opens
 * and, off the pipeline's threads, each time the journal rolls to a new cycle; the cycle being written
 * is never deleted, so the files can exceed {@code maxBytes} by what the current cycle holds, and a
 * shorter cycle gives a tighter bound. Sizes are the files' apparent sizes; Chronicle pre-allocates
 * cycle files sparsely, so the space they take on disk is usually smaller.
 *
 * <p>Cycles from the one holding the oldest record an exporter has not settled are kept whatever the
 * limits say. Only the exporters the caller names count: a position file of an exporter that is no
 * longer run ({@code <journal>/exporters/<name>.position}) would otherwise hold every later cycle
 * forever. Such files are reported in the {@link Outcome}, not read. A named exporter without a
 * position file has settled nothing yet and, when it starts, reads the journal from its first record,
 * so it holds every cycle, as one whose position says it settled nothing does.
 */
public final class Retention {
    /** Keeps everything. */
    public static final Retention KEEP_ALL = new Retention(null, 0, Clock.systemUTC());
    /** File name suffix of an exporter's position in the journal's {@value #POSITIONS} directory. */
    public static final String POSITION_SUFFIX = ".position";
    /** The journal's subdirectory of export positions. */
    public static final String POSITIONS = "exporters";

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

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

    /** Whether neither limit is set, so nothing is ever deleted. */
    public boolean keepsAll() {
        return maxAge == null && maxBytes == 0;
    }

    /**
     * Applies the limits to {@code queue}'s directory, keeping the cycle the queue's clock is in and
     * every later one; for a journal nobody appends to yet.
     *
     * @param exporters the names of the exporters that read the journal; only their positions hold cycles
     */
    public Outcome apply(final SingleChronicleQueue queue, final Collection<String> exporters) throws IOException {
        return apply(queue, exporters, queue.cycle());
    }

    /**
     * Applies the limits to {@code queue}'s directory, keeping {@code writing} and every later cycle,
     * and the cycle the queue's clock is in.
     *
     * @param exporters the names of the exporters that read the journal; only their positions hold cycles
     * @param writing   the oldest cycle an appender may be writing: the one its last record went to
     */
    public Outcome apply(final SingleChronicleQueue queue, final Collection<String> exporters, final int writing)
        throws IOException {
        if (keepsAll()) {
            return Outcome.NOTHING;
        }
        final Path directory = queue.file().toPath();
        final Positions positions = positions(directory, exporters, queue.rollCycle());
        final List<CycleFile> cycles = cycleFiles(directory, queue);
        final int current = Math.min(queue.cycle(), writing);
        final List<CycleFile> overLimits = doomed(cycles, current, queue);
        final int keepFrom = Math.min(current, positions.oldest());
        final List<Path> deleted = new ArrayList<>();
        for (final CycleFile cycle : overLimits) {
            if (cycle.cycle < keepFrom) {
                Files.deleteIfExists(cycle.file);
                deleted.add(cycle.file);
            }
        }
        if (!deleted.isEmpty()) {
            queue.refreshDirectoryListing();
            LOG.info("Journal retention deleted {} past cycle files from {}", deleted.size(), directory);
        }
        return new Outcome(deleted, heldBack(overLimits, positions.cycles), positions.settledNothing(),
            positions.stale);
    }

    /**
     * The past cycles over the limits, oldest first: too old, or the oldest while the files are too
     * big. Those from the oldest unsettled cycle on are kept all the same; the size is counted as if
     * they were not, so each exporter holds what it alone would keep.
     */
    private List<CycleFile> doomed(final List<CycleFile> cycles, final int current, final SingleChronicleQueue queue) {
        final long lengthMillis = queue.rollCycle().lengthInMillis();
        final Instant now = clock.instant();
        long total = 0;
        for (final CycleFile cycle : cycles) {
            total += cycle.bytes;
        }
        final List<CycleFile> doomed = new ArrayList<>();
        for (int i = 0; i < cycles.size() && cycles.get(i).cycle < current; i++) {
            final CycleFile cycle = cycles.get(i);
            final Instant end = Instant.ofEpochMilli(queue.epoch() + (cycle.cycle + 1L) * lengthMillis);
            final boolean tooOld = maxAge != null && end.plus(maxAge).isBefore(now);
            final boolean tooBig = maxBytes > 0 && total > maxBytes;
            if (tooOld || tooBig) {
                total -= cycle.bytes;
                doomed.add(cycle);
            }
        }
        return doomed;
    }

    /** Per exporter, the cycles over the limits that it keeps: those from the cycle of its oldest unsettled record. */
    private static Map<String, Integer> heldBack(final List<CycleFile> overLimits, final Map<String, Integer> from) {
        final Map<String, Integer> held = new LinkedHashMap<>();
        from.forEach((exporter, cycle) -> {
            final int count = (int)overLimits.stream().filter(file -> file.cycle >= cycle).count();
            if (count > 0) {
                held.put(exporter, count);
            }
        });
        return held;
    }

    /**
     * Per named exporter, the cycle of the oldest record it has not settled ({@code Integer.MIN_VALUE}
     * when it settled nothing), and the position files of exporters not named.
     */
    private static Positions positions(final Path directory, final Collection<String> exporters,
        final RollCycle rollCycle) throws IOException {
        final Map<String, Integer> cycles = new LinkedHashMap<>();
        for (final String exporter : exporters) {
            cycles.put(exporter, cycleOf(directory, exporter, rollCycle));
        }
        final List<Path> stale = new ArrayList<>();
        final Path folder = directory.resolve(POSITIONS);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (final Path file : (Iterable<Path>)files::iterator) {
                    final String name = file.getFileName().toString();
                    if (name.endsWith(POSITION_SUFFIX)
                        && !cycles.containsKey(name.substring(0, name.length() - POSITION_SUFFIX.length()))) {
                        stale.add(file);
                    }
                }
            }
        }
        stale.sort(null);
        return new Positions(cycles, stale);
    }

    private static int cycleOf(final Path directory, final String exporter, final RollCycle rollCycle) {
        if (!Files.exists(ExportPosition.file(directory, exporter))) {
            return Integer.MIN_VALUE;
        }
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

    /**
     * What one application of the limits did.
     *
     * @param deleted        the cycle files deleted, oldest first
     * @param heldBack       per named exporter that keeps past cycles over the limits, how many: the
     *                       cycles from its oldest unsettled record on, which would have gone without it
     * @param settledNothing the named exporters that have settled no record yet, and so hold every cycle
     * @param stalePositions position files of exporters that were not named, which hold nothing
     */
    public record Outcome(List<Path> deleted, Map<String, Integer> heldBack, List<String> settledNothing,
        List<Path> stalePositions) {
        /** The outcome of limits that keep everything. */
        public static final Outcome NOTHING = new Outcome(List.of(), Map.of(), List.of(), List.of());

        public Outcome {
            deleted = List.copyOf(deleted);
            heldBack = Collections.unmodifiableMap(new LinkedHashMap<>(heldBack));
            settledNothing = List.copyOf(settledNothing);
            stalePositions = List.copyOf(stalePositions);
        }

        /** The past cycles over the limits kept for some exporter: as many as the exporter holding the most keeps. */
        public int cyclesHeldBack() {
            return heldBack.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** The named exporters' oldest unsettled cycles, and the position files of others. */
    private record Positions(Map<String, Integer> cycles, List<Path> stale) {
        int oldest() {
            return cycles.values().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE);
        }

        List<String> settledNothing() {
            final List<String> names = new ArrayList<>();
            cycles.forEach((exporter, cycle) -> {
                if (cycle == Integer.MIN_VALUE) {
                    names.add(exporter);
                }
            });
            return names;
        }
    }

    /** One cycle file: where it is, its cycle, its apparent size. */
    private record CycleFile(Path file, int cycle, long bytes) {
    }
}
