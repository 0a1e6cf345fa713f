package io.genops.config.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The audit journal.
 *
 * @param enabled        whether events are journaled; off keeps the pipeline in memory only
 * @param directory      the journal's directory
 * @param rollCycle      how often a new journal starts a new cycle file
 * @param syncOnFlush    whether a flush also forces the journal to the storage device
 * @param retentionAge   journal cycles that ended longer ago are deleted; empty keeps every cycle
 * @param retentionBytes the oldest cycles are deleted while the files exceed this; empty for no limit
 */
public record JournalSettings(boolean enabled, Path directory, RollCycle rollCycle, boolean syncOnFlush,
    Optional<Duration> retentionAge, OptionalLong retentionBytes) {
    /** Mirrors the pipeline's {@code JournalCycle}; a test in the pipeline keeps the two in step. */
    public enum RollCycle {
        LARGE_DAILY, XLARGE_DAILY, FAST_HOURLY, TEN_MINUTELY, FIVE_MINUTELY
    }
}
