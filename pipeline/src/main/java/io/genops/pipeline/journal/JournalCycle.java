package io.genops.pipeline.journal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/**
 * How often a journal starts a new cycle file, chosen among the Chronicle Queue roll cycles that index
 * enough records for the pipeline's target of a million events a second on average. The cycle bounds
 * how many records one file can hold (Chronicle refuses an append past it), how large a file grows,
 * and how finely retention can delete: it removes whole past cycles.
 *
 * <table>
 *   <caption>The cycles and their capacity</caption>
 *   <tr><th>cycle</th><th>one file per</th><th>records a file</th><th>records a second, on average</th></tr>
 *   <tr><td>{@link #LARGE_DAILY}</td><td>UTC day</td><td>2^37</td><td>1.59 million</td></tr>
 *   <tr><td>{@link #XLARGE_DAILY}</td><td>UTC day</td><td>2^38</td><td>3.18 million</td></tr>
 *   <tr><td>{@link #FAST_HOURLY}</td><td>hour</td><td>2^32</td><td>1.19 million</td></tr>
 *   <tr><td>{@link #TEN_MINUTELY}</td><td>10 minutes</td><td>2^30</td><td>1.79 million</td></tr>
 *   <tr><td>{@link #FIVE_MINUTELY}</td><td>5 minutes</td><td>2^30</td><td>3.58 million</td></tr>
 * </table>
 *
 * <p>Chronicle's default daily cycle ({@code FAST_DAILY}, 2^32 a day) tops out near 50 thousand a
 * second and is not offered. A journal keeps the cycle it was created with; readers take it from the
 * journal's metadata ({@link Journals#rollCycleOf}).
 */
public enum JournalCycle {
    /** One file per UTC day, 2^37 records; the default. */
    LARGE_DAILY(LargeRollCycles.LARGE_DAILY),
    /** One file per UTC day, 2^38 records, for days of more than 1.6 million records a second on average. */
    XLARGE_DAILY(LargeRollCycles.XLARGE_DAILY),
    /** One file per hour, 2^32 records. */
    FAST_HOURLY(RollCycles.FAST_HOURLY),
    /** One file per 10 minutes, 2^30 records. */
    TEN_MINUTELY(RollCycles.TEN_MINUTELY),
    /** One file per 5 minutes, 2^30 records. */
    FIVE_MINUTELY(RollCycles.FIVE_MINUTELY);

    private final RollCycle rollCycle;

    JournalCycle(final RollCycle rollCycle) {
        this.rollCycle = rollCycle;
    }

    /** The Chronicle Queue roll cycle. */
    public RollCycle rollCycle() {
        return rollCycle;
    }

    /** How long one cycle lasts. */
    public Duration length() {
        return Duration.ofMillis(rollCycle.lengthInMillis());
    }

    /** The name used in configurations: {@code large-daily}, {@code fast-hourly}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The offered cycle that is {@code rollCycle}, if it is one. */
    public static Optional<JournalCycle> of(final RollCycle rollCycle) {
        for (final JournalCycle cycle : values()) {
            if (cycle.rollCycle.equals(rollCycle)) {
                return Optional.of(cycle);
            }
        }
        return Optional.empty();
    }
}
