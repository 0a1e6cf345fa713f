package io.genops.cli.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.genops.cli.support.Csv;
import io.genops.cli.support.DamageLog;
import io.genops.cli.support.JournalDirectories;
import io.genops.cli.support.Json;
import io.genops.cli.support.OutputFormat;
import io.genops.cli.support.Table;
import io.genops.cli.support.Text;
import io.genops.cli.support.TimeConverter;
import io.genops.cli.support.ZoneConverter;
import io.genops.config.settings.BudgetSettings;
import io.genops.config.settings.GenOpsConfiguration;
import io.genops.pipeline.BudgetScope;
import io.genops.pipeline.BudgetStatus;
import io.genops.pipeline.BudgetWindow;
import io.genops.pipeline.journal.JournalFilter;
import io.genops.pipeline.journal.JournalReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genops budgets}: budget status per scope and window, summed from the journal.
 *
 * <p>It reads the journal rather than starting a pipeline over it: a journal has one writer, held by an
 * operating-system lock, so a second pipeline could not open a journal that a running service writes,
 * and reading needs no lock at all. The journal holds spend, not limits; limits come from options so
 * that remaining budget and utilization can be shown.
 */
@Command(name = "budgets",
    header = "Budget spend, limits and utilization per scope and window, from the journal.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Prints the spend of every team, project, customer and team with project in the day, ISO week (from "
            + "Monday) and month that contain --at (default: now), summed from audit journals as the pipeline "
            + "charges its budgets, with the remaining budget and utilization of the limits given.",
        "",
        "A journal is read without disturbing the service that writes it.",
        ""},
    footer = {
        "",
        "Limits: SCOPE=USD sets every key of a scope, SCOPE:KEY=USD one key (its own limit wins). Scopes are team, "
            + "project, customer and team_project, whose keys read team/project. Each scope, and each key, takes one "
            + "limit per window. --config FILE adds the limits of a GenOps configuration (genops.budgets.limits and "
            + ".defaults); an option's limit wins over one from the file. Example:",
        "  genops budgets --journal ./genops-data/journal --daily-budget team=50 --daily-budget team:sales=120 "
            + "--monthly-budget customer=500",
        "",
        "Exit status: 0 when the journal was read, 1 when some records were damaged or could not be reached or it "
            + "cannot be read, 2 for bad options."})
public final class BudgetsCommand implements Callable<Integer> {
    private static final int DAMAGE_LINES = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", arity = "1..*", required = true, paramLabel = "DIR", order = 1,
        description = "a journal directory, such as ./genops-data/journal; several (one per pod) are added up")
    private List<Path> journals;

    @Option(names = "--daily-budget", paramLabel = "SCOPE[:KEY]=USD", order = 2,
        converter = BudgetLimit.Converter.class, description = "a daily limit; repeatable")
    private List<BudgetLimit> daily = new ArrayList<>();

    @Option(names = "--weekly-budget", paramLabel = "SCOPE[:KEY]=USD", order = 3,
        converter = BudgetLimit.Converter.class, description = "a weekly limit (ISO weeks, from Monday); repeatable")
    private List<BudgetLimit> weekly = new ArrayList<>();

    @Option(names = "--monthly-budget", paramLabel = "SCOPE[:KEY]=USD", order = 4,
        converter = BudgetLimit.Converter.class, description = "a monthly limit; repeatable")
    private List<BudgetLimit> monthly = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", order = 5,
        description = "also take limits and the budget zone from a GenOps configuration file (genops.yaml or "
            + ".json), read as the pipeline reads it, GENOPS_* variables and profile included; options win")
    private Path config;

    @Option(names = "--scope", paramLabel = "team|project|customer|team_project", split = ",", order = 6,
        description = "only these scopes, comma-separated (default: all)")
    private List<BudgetScope> scopes = List.of(BudgetScope.values());

    @Option(names = "--window", paramLabel = "daily|weekly|monthly", split = ",", order = 7,
        description = "only these windows, comma-separated (default: all)")
    private List<BudgetWindow> windows = List.of(BudgetWindow.values());

    @Option(names = "--at", paramLabel = "TIME", converter = TimeConverter.class, order = 8,
        description = "show the windows that contain TIME, whole: an ISO time or a date (default: now)")
    private Instant at;

    @Option(names = "--zone", paramLabel = "ZONE", order = 9, converter = ZoneConverter.class,
        description = "the time zone whose calendar bounds the windows, as the pipeline's budgetZone: a region id "
            + "such as Europe/Paris, or UTC, or an offset such as +02:00 (default: the configuration's with --config, "
            + "else UTC)")
    private ZoneId zoneOption;

    private ZoneId zone = ZoneOffset.UTC;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table", order = 10,
        description = "table for a person, csv or json for programs (default: ${DEFAULT-VALUE})")
    private OutputFormat format;

    @Override
    public Integer call() {
        checkUsage();
        journals.forEach(JournalDirectories::require);
        final BudgetLedger.Limits limits = new BudgetLedger.Limits();
        if (config != null) {
            final BudgetSettings settings = GenOpsConfiguration.loader().file(config).load().budgets();
            zone = settings.zone();
            configured(limits, settings.defaults());
            configured(limits, settings.limits());
        }
        limits.add(BudgetWindow.DAILY, daily);
        limits.add(BudgetWindow.WEEKLY, weekly);
        limits.add(BudgetWindow.MONTHLY, monthly);
        if (zoneOption != null) {
            zone = zoneOption;
        }
        final Instant when = at != null ? at : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final BudgetLedger ledger = new BudgetLedger(when, zone);
        final DamageLog damage = new DamageLog(spec.commandLine().getErr(), "genops budgets", DAMAGE_LINES);
        final JournalFilter range = JournalFilter.ALL.from(ledger.earliest()).to(ledger.latest());
        for (final Path journal : journals) {
            JournalDirectories.reading(journal, () -> {
                try (JournalReader reader = JournalReader.open(journal)) {
                    reader.filter(range).onDamage(damage).from(ledger.earliest());
                    return reader.readAll((index, record) -> ledger.add(record));
                }
            });
        }
        final List<BudgetStatus> statuses = ledger.statuses(scopes, windows, limits);
        print(spec.commandLine().getOut(), when, statuses, damage);
        return damage.finish();
    }

    /** Refuses options that cannot go together, before anything is read. */
    private void checkUsage() {
        final String repeated = JournalDirectories.repeated(journals);
        if (repeated != null) {
            throw new ParameterException(spec.commandLine(), repeated);
        }
        oneEach("--daily-budget", daily);
        oneEach("--weekly-budget", weekly);
        oneEach("--monthly-budget", monthly);
    }

    /**
     * Refuses {@code limits} that give one scope, or one key, two limits: which was meant cannot be told. A
     * limit given as an option over one from {@code --config} is no such case; the option wins.
     */
    private void oneEach(final String option, final List<BudgetLimit> limits) {
        final Map<String, BudgetLimit> byTarget = new HashMap<>();
        for (final BudgetLimit limit : limits) {
            final BudgetLimit first = byTarget.putIfAbsent(limit.target(), limit);
            if (first != null) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + limit.target() + " is given two limits, " + Text.usd(first.limit()) + " and "
                    + Text.usd(limit.limit()) + "; give each scope, and each key of a scope, one limit per window");
            }
        }
    }

    /** Adds limits read from a configuration; its scopes and windows mirror the pipeline's, name for name. */
    private static void configured(final BudgetLedger.Limits limits,
        final List<io.genops.config.settings.BudgetLimit> configured) {
        for (final io.genops.config.settings.BudgetLimit limit : configured) {
            limits.add(BudgetWindow.valueOf(limit.window().name()), List.of(new BudgetLimit(
                BudgetScope.valueOf(limit.scope().name()), limit.key(), limit.limit())));
        }
    }

    private void print(final PrintWriter out, final Instant when, final List<BudgetStatus> statuses,
        final DamageLog damage) {
        switch (format) {
            case CSV:
                Csv.row(out, "scope", "window", "start", "consumed_usd", "allocated_usd", "remaining_usd",
                    "utilization_percent");
                statuses.forEach(s -> Csv.row(out, s.scope(), s.window(), s.start().toString(), Text.usd(s.consumed()),
                    s.hasLimit() ? Text.usd(s.allocated()) : "", s.hasLimit() ? Text.usd(s.remaining()) : "",
                    s.hasLimit() ? s.utilizationPercent().toPlainString() : ""));
                break;
            case JSON:
                Json.object(out, json -> json(json, when, statuses, damage));
                break;
            default:
                table(out, when, statuses);
                if (damage.unreachable() > 0) {
                    out.printf(Locale.ROOT, "  the sums miss %s records the journal's index lists but that cannot be "
                        + "reached%n", Text.count(damage.unreachable()));
                }
                break;
        }
        out.flush();
    }

    private void table(final PrintWriter out, final Instant when, final List<BudgetStatus> statuses) {
        out.printf(Locale.ROOT, "Budgets as of %s, %s calendar, from %s%n", when, Text.zone(zone),
            journals.size() == 1 ? journals.get(0) : journals);
        if (statuses.isEmpty()) {
            out.println("  no spend in these windows and no limit given");
            return;
        }
        final Table table = new Table("scope", "window", "from", "consumed USD", "allocated USD", "remaining USD",
            "utilization").leftAligned(3);
        for (final BudgetStatus s : statuses) {
            table.row(s.scope(), s.window(), s.start().toString(), Text.usd(s.consumed()),
                s.hasLimit() ? Text.usd(s.allocated()) : Text.NONE, s.hasLimit() ? Text.usd(s.remaining()) : Text.NONE,
                s.hasLimit() ? s.utilizationPercent().toPlainString() + " %" : Text.NONE);
        }
        table.print(out);
    }

    private void json(final JsonGenerator json, final Instant when, final List<BudgetStatus> statuses,
        final DamageLog damage) throws IOException {
        json.writeStringField("at", when.toString());
        json.writeStringField("zone", Text.zone(zone));
        json.writeArrayFieldStart("budgets");
        for (final BudgetStatus s : statuses) {
            json.writeStartObject();
            json.writeStringField("scope", s.scope());
            json.writeStringField("window", s.window());
            json.writeStringField("start", s.start().toString());
            json.writeStringField("consumed_usd", Text.usd(s.consumed()));
            if (s.hasLimit()) {
                json.writeStringField("allocated_usd", Text.usd(s.allocated()));
                json.writeStringField("remaining_usd", Text.usd(s.remaining()));
                json.writeStringField("utilization_percent", s.utilizationPercent().toPlainString());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("damaged", damage.count());
        json.writeNumberField("unreachable", damage.unreachable());
    }
}
