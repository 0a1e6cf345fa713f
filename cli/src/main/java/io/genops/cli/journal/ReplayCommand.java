package io.genops.cli.journal;

import io.genops.cli.StatusLine;
import io.genops.cli.support.DamageLog;
import io.genops.cli.support.FilterOptions;
import io.genops.cli.support.JournalDirectories;
import io.genops.cli.support.OutputFormat;
import io.genops.cli.support.Text;
import io.genops.config.PriceTables;
import io.genops.pipeline.journal.AuditReport;
import io.genops.pipeline.journal.AuditReport.Dimension;
import io.genops.pipeline.journal.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genops replay}: prices journaled events again, with the bundled tables or another model price
 * file, and prints what the journal recorded beside what the prices give, per team, project, customer,
 * model, agent group or day. Several journals (one per pod) merge into one report.
 */
@Command(name = "replay",
    header = "Re-prices journaled events: recorded against recomputed cost per team, project, model, group or day.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Replays audit journals: every record is priced again, in order, with the bundled price tables or the "
            + "ones given, and the cost each record recorded is set beside the recomputed one. Prints the totals "
            + "per team, project, customer, model, agent group or day, the counts by policy result, and the damaged "
            + "records.",
        "",
        "Filters choose which records are reported; every record is still priced, so monthly volume discounts "
            + "come out as they did live.",
        ""},
    footer = {"", "Exit status: 0 when every record was read and priced, 1 when some were damaged, could not be "
            + "reached or could not be priced or a file could not be used, 2 for bad options."})
public final class ReplayCommand implements Callable<Integer> {
    private static final int DAMAGE_LINES = 10;
    private static final int BAR_WIDTH = 24;
    private static final int MODELS_NAMED = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", arity = "1..*", required = true, paramLabel = "DIR", order = 1,
        description = "a journal directory, such as ./genops-data/journal; several (one per pod) are merged")
    private List<Path> journals;

    @Option(names = "--prices", paramLabel = "FILE", order = 2,
        description = "model prices to recompute with: LiteLLM's model_prices_and_context_window.json or a "
            + "genops-model-prices/1 file (default: the bundled table)")
    private Path prices;

    @Option(names = "--platform-prices", paramLabel = "FILE", order = 3,
        description = "platform prices in the genops-platform-prices/1 format (default: the bundled table)")
    private Path platformPrices;

    @Option(names = "--by", paramLabel = "team|project|customer|model|group|day", defaultValue = "team", order = 4,
        description = "the dimension the totals are broken down by; days are UTC (default: ${DEFAULT-VALUE})")
    private Dimension by;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table", order = 5,
        description = "table for a person; csv prints the rows only; json one object on one line (default: "
            + "${DEFAULT-VALUE})")
    private OutputFormat format;

    @Mixin
    private FilterOptions filter;

    @Option(names = "--no-progress", order = 40, description = "do not draw the progress line on a terminal")
    private boolean noProgress;

    @Override
    public Integer call() {
        final String problem = filter.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        final String repeated = JournalDirectories.repeated(journals);
        if (repeated != null) {
            throw new ParameterException(spec.commandLine(), repeated);
        }
        journals.forEach(JournalDirectories::require);
        final Replayer.Builder replayer = Replayer.builder().filter(filter.filter());
        journals.forEach(replayer::journal);
        if (prices != null) {
            replayer.modelPrices(PriceTables.readModels(prices));
        }
        if (platformPrices != null) {
            replayer.platformPrices(PriceTables.readPlatform(platformPrices));
        }
        final DamageLog damage;
        final AuditReport report;
        try (StatusLine status = StatusLine.open(!noProgress)) {
            damage = new DamageLog(status.showing() ? new PrintWriter(System.err, true) : spec.commandLine().getErr(),
                "genops replay", DAMAGE_LINES);
            replayer.onDamage(damage);
            if (status.showing()) {
                final long total = recordsIn(journals);
                final long startNanos = System.nanoTime();
                replayer.progress(read -> status.show(progress(read, total, startNanos)));
            }
            final Replayer replay = replayer.build();
            report = JournalDirectories.reading(journals.size() == 1 ? journals.get(0) : journals, replay::run);
        }
        final ReplayOutput output = new ReplayOutput(spec.commandLine().getOut(), journals, source(prices),
            source(platformPrices), by);
        output.print(report, format);
        final int exitCode = damage.finish();
        final PrintWriter err = spec.commandLine().getErr();
        if (report.missingPriceRecords() > 0) {
            err.println("genops replay: " + Text.count(report.missingPriceRecords()) + " records are of models "
                + source(prices) + " has no price for, though the journal priced them, so their model cost is "
                + "recomputed as zero: " + models(report.missingPrices()));
        }
        if (report.unpriceable() > 0) {
            err.println("genops replay: " + Text.count(report.unpriceable()) + " records have token counts these "
                + "prices cannot price without overflow; they are left out of the totals");
        }
        err.flush();
        return report.missingPriceRecords() > 0 || report.unpriceable() > 0 ? 1 : exitCode;
    }

    /** The models with the most records first, as {@code gpt-4o (1,200), o4-mini (3)}, the first few only. */
    private static String models(final Map<String, Long> counts) {
        final String named = counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(MODELS_NAMED).map(model -> model.getKey() + " (" + Text.count(model.getValue()) + ")")
            .collect(Collectors.joining(", "));
        return counts.size() > MODELS_NAMED ? named + " and " + (counts.size() - MODELS_NAMED) + " more" : named;
    }

    private static String source(final Path file) {
        return file == null ? PriceTables.BUNDLED : file.toString();
    }

    /** Records in all the journals as their indexes list them, for the progress bar only. */
    private static long recordsIn(final List<Path> directories) {
        return directories.stream().mapToLong(JournalDirectories::indexedRecords).sum();
    }

    private static String progress(final long read, final long total, final long startNanos) {
        final double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-9);
        final long shown = Math.min(read, Math.max(total, 1));
        final int filled = (int)(BAR_WIDTH * shown / Math.max(total, 1));
        return String.format(Locale.ROOT, "replaying [%s%s] %3d%%  %,d/%,d records  %,.0f records/s",
            "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), 100 * shown / Math.max(total, 1), read, total,
            read / seconds);
    }
}
