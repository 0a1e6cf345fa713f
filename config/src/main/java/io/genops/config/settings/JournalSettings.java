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
 * @param syncOnFlush    whether a flush also forces the journal to the storage device
 * @param retentionAge   journal days that ended longer ago are deleted; empty keeps every day
 * @param retentionBytes the oldest days are deleted while the files exceed this; empty for no limit
 */
public record JournalSettings(boolean enabled, Path directory, boolean syncOnFlush, Optional<Duration> retentionAge,
    OptionalLong retentionBytes) {
}
