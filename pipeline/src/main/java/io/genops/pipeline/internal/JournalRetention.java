package io.genops.pipeline.internal;

import io.genops.pipeline.journal.Retention;
import io.genops.pipeline.journal.RetentionStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journal retention for one running pipeline: applies the limits with the exporters the pipeline runs,
 * keeps the figures {@link RetentionStatus} shows, and says once per start what holds retention back
 * that a user should know about: position files of exporters no longer run (which hold nothing, but
 * are worth deleting) and exporters of this pipeline that keep cycles past the limits.
 */
final class JournalRetention {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRetention.class);

    /** One application of the limits; {@code writing} is the oldest cycle an appender may be writing. */
    interface Run {
        Retention.Outcome apply(int writing) throws IOException;
    }

    private final Run run;
    private final boolean active;
    private final Path directory;
    private final List<String> exporters;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong filesDeleted = new AtomicLong();
    private volatile Retention.Outcome latest = Retention.Outcome.NOTHING;
    /** Touched by one thread at a time: the one opening the pipeline, then the one running retention. */
    private final Set<Path> warnedStale = new HashSet<>();
    private final Set<String> warnedHolders = new HashSet<>();

    JournalRetention(final Run run, final boolean active, final Path directory, final List<String> exporters) {
        this.run = run;
        this.active = active;
        this.directory = directory;
        this.exporters = List.copyOf(exporters);
    }

    /** Retention of {@code queue} by {@code retention}, counting the positions of {@code exporters} only. */
    static JournalRetention of(final Retention retention, final SingleChronicleQueue queue,
        final List<String> exporters) {
        return new JournalRetention(writing -> retention.apply(queue, exporters, writing), !retention.keepsAll(),
            queue.file().toPath(), exporters);
    }

    /** Applies the limits on the calling thread, keeping {@code writing} and later cycles; never throws. */
    void applyNow(final int writing) {
        if (!active) {
            return;
        }
        runs.incrementAndGet();
        try {
            final Retention.Outcome outcome = run.apply(writing);
            latest = outcome;
            filesDeleted.addAndGet(outcome.deleted().size());
            warnOnce(outcome);
        } catch (final IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("Journal retention could not clean {}: {}", directory, e.toString());
        }
    }

    private void warnOnce(final Retention.Outcome outcome) {
        for (final Path stale : outcome.stalePositions()) {
            if (warnedStale.add(stale)) {
                warnStale(stale);
            }
        }
        outcome.heldBack().forEach((exporter, cycles) -> {
            if (warnedHolders.add(exporter)) {
                final String why = outcome.settledNothing().contains(exporter) ? "has settled no record yet"
                    : "has not settled their records yet";
                LOG.warn("Journal retention keeps {} past cycles of {} beyond its age or size limit because exporter "
                    + "'{}' {}; the journal grows until that exporter catches up. Check its progress with "
                    + "GenOps.exporterStatuses() or 'genops exporters --journal {}'.", cycles, directory, exporter,
                    why, directory);
            }
        });
    }

    private void warnStale(final Path stale) {
        final String file = stale.getFileName().toString();
        final String name = file.substring(0, file.length() - Retention.POSITION_SUFFIX.length());
        LOG.warn("Journal retention ignores {}: this pipeline runs no exporter named '{}' (it runs {}), so that "
            + "position holds no cycles back. Delete the file if that exporter will not read this journal again; "
            + "should it run again, it resumes from the oldest cycle still kept.", stale, name,
            exporters.isEmpty() ? "none" : String.join(", ", exporters));
    }

    RetentionStatus status() {
        if (!active) {
            return RetentionStatus.INACTIVE;
        }
        final Retention.Outcome outcome = latest;
        return new RetentionStatus(true, runs.get(), failures.get(), filesDeleted.get(), outcome.cyclesHeldBack(),
            outcome.heldBack(), outcome.stalePositions());
    }
}
