package io.genops.pipeline.journal;

import io.genops.config.PriceTables;
import io.genops.core.event.EventKind;
import io.genops.core.event.Interaction;
import io.genops.core.journal.RecordView;
import io.genops.core.pricing.EventPricer;
import io.genops.core.pricing.ModelPriceTable;
import io.genops.core.pricing.PlatformPriceTable;
import io.genops.core.pricing.PriceCache;
import io.genops.pipeline.journal.AuditReport.Dimension;
import io.genops.pipeline.journal.AuditReport.Line;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Runs journal records through the same pricing as the live pipeline, with a chosen price table,
 * and reports recorded against recomputed costs per team, project, customer, model, agent group and day.
 * Several journals (one per pod) merge into one report.
 *
 * <p>Every record of a journal is priced, in order, so the month's volume discount is reproduced;
 * the filter decides only which records are reported. A closed session's record costs nothing and
 * is counted apart ({@link AuditReport#sessions()}): its operations are reported, one by one. A
 * replay with the tables the pipeline ran with reproduces its costs exactly when the journal holds
 * the whole month.
 */
public final class Replayer {
    private static final int PROGRESS_EVERY = 1 << 16;

    private final List<Path> journals;
    private final ModelPriceTable modelPrices;
    private final PlatformPriceTable platformPrices;
    private final JournalFilter filter;
    private final JournalReader.DamageHandler damageHandler;
    private final LongConsumer progress;

    private Replayer(final Builder builder) {
        this.journals = List.copyOf(builder.journals);
        this.modelPrices = builder.modelPrices != null ? builder.modelPrices : PriceTables.bundledModels();
        this.platformPrices = builder.platformPrices != null ? builder.platformPrices : PriceTables.bundledPlatform();
        this.filter = builder.filter;
        this.damageHandler = builder.damageHandler;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads every journal and returns the merged report. */
    public AuditReport run() {
        final AuditReport merged = new AuditReport();
        final long[] read = {0};
        for (final Path journal : journals) {
            merged.merge(replay(journal, read));
        }
        return merged;
    }

    private AuditReport replay(final Path journal, final long[] read) {
        final AuditReport report = new AuditReport();
        final EventPricer pricer = new EventPricer(new PriceCache(modelPrices, 4096), platformPrices);
        final DayLines days = new DayLines(report);
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.onDamage(new Counting(report));
            reader.readAll((index, record) -> {
                account(record, pricer, report, days);
                if (++read[0] % PROGRESS_EVERY == 0) {
                    progress.accept(read[0]);
                }
            });
        }
        return report;
    }

    private void account(final RecordView record, final EventPricer pricer, final AuditReport report,
        final DayLines days) {
        try {
            pricer.price(record, record.costOverridden() ? record.costNanos() : Interaction.NO_OVERRIDE);
        } catch (final ArithmeticException e) {
            report.countUnpriceable();
            return;
        }
        if (!filter.matches(record)) {
            return;
        }
        // An overridden cost is recomputed as the override, whatever the table: no price is missing from it.
        if (pricer.unpriced() && !record.unpriced() && !record.costOverridden()) {
            report.countMissingPrice(record.model());
        }
        if (record.kind() == EventKind.SESSION) {
            report.countSession();
            return;
        }
        final long recorded = record.costNanos();
        final long recomputed = pricer.totalNanos();
        report.total().add(recorded, recomputed);
        report.line(Dimension.TEAM, record.team()).add(recorded, recomputed);
        report.line(Dimension.PROJECT, record.project()).add(recorded, recomputed);
        report.line(Dimension.CUSTOMER, record.customerId()).add(recorded, recomputed);
        report.line(Dimension.MODEL, record.model()).add(recorded, recomputed);
        report.line(Dimension.GROUP, record.group()).add(recorded, recomputed);
        days.lineFor(record.epochMillis()).add(recorded, recomputed);
        report.countPolicy(record.policyResult());
        report.seen(record.epochMillis());
    }

    /** Counts damage in the report of one journal before passing it on to the replay's handler. */
    private final class Counting implements JournalReader.DamageHandler {
        private final AuditReport report;

        Counting(final AuditReport report) {
            this.report = report;
        }

        @Override
        public void onDamage(final Path journal, final long index, final String problem) {
            report.countDamaged();
            damageHandler.onDamage(journal, index, problem);
        }

        @Override
        public void onUnreachable(final Path journal, final long records) {
            report.countUnreachable(records);
            damageHandler.onUnreachable(journal, records);
        }
    }

    /** The day row of the last record, kept so consecutive records of one day make no day key. */
    private static final class DayLines {
        private final AuditReport report;
        private long day = Long.MIN_VALUE;
        private Line line;

        DayLines(final AuditReport report) {
            this.report = report;
        }

        Line lineFor(final long epochMillis) {
            final long recordDay = Math.floorDiv(epochMillis, 86_400_000L);
            if (recordDay != day) {
                day = recordDay;
                line = report.line(Dimension.DAY, LocalDate.ofEpochDay(recordDay).toString());
            }
            return line;
        }
    }

    /** Chooses journals, prices and filter. */
    public static final class Builder {
        private final List<Path> journals = new ArrayList<>();
        private ModelPriceTable modelPrices;
        private PlatformPriceTable platformPrices;
        private JournalFilter filter = JournalFilter.ALL;
        private JournalReader.DamageHandler damageHandler = (journal, index, problem) -> { };
        private LongConsumer progress = records -> { };

        private Builder() {
        }

        /** Adds a journal directory; each is replayed on its own and the reports merged. */
        public Builder journal(final Path directory) {
            journals.add(Objects.requireNonNull(directory, "journal"));
            return this;
        }

        /** Model prices to recompute with; default the bundled table. */
        public Builder modelPrices(final ModelPriceTable prices) {
            this.modelPrices = Objects.requireNonNull(prices, "modelPrices");
            return this;
        }

        public Builder platformPrices(final PlatformPriceTable prices) {
            this.platformPrices = Objects.requireNonNull(prices, "platformPrices");
            return this;
        }

        public Builder filter(final JournalFilter journalFilter) {
            this.filter = Objects.requireNonNull(journalFilter, "filter");
            return this;
        }

        public Builder onDamage(final JournalReader.DamageHandler handler) {
            this.damageHandler = Objects.requireNonNull(handler, "onDamage");
            return this;
        }

        /** Told the running count of records read, every 65,536 records. */
        public Builder progress(final LongConsumer consumer) {
            this.progress = Objects.requireNonNull(consumer, "progress");
            return this;
        }

        public Replayer build() {
            if (journals.isEmpty()) {
                throw new IllegalStateException("a replay needs at least one journal directory");
            }
            journals.forEach(Journals::requireJournal);
            return new Replayer(this);
        }
    }
}
