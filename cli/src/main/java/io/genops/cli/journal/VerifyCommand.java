package io.genops.cli.journal;

import io.genops.cli.support.DamageLog;
import io.genops.cli.support.JournalDirectories;
import io.genops.cli.support.Table;
import io.genops.cli.support.Text;
import io.genops.pipeline.journal.JournalVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genops verify}: checks every record's checksum and each cycle's hash chain, and lists what is wrong. */
@Command(name = "verify",
    header = "Checks every record's checksum and each cycle's hash chain; lists damaged records.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Walks audit journals record by record: checks each record's CRC-32C checksum and version, and the hash "
            + "chain that links each record of a cycle file (a day, or an hour, as the journal was written) to the "
            + "one before it, so a record removed, reordered or altered shows. Prints the records, the first and "
            + "last record time, and every damaged or out-of-chain record with its index (hexadecimal, as "
            + "Chronicle's tools print it) and where it lies in its cycle.",
        ""},
    footer = {"", "Exit status: 0 when every journal is intact, 1 when any record is damaged or out of chain or a "
            + "journal cannot be read, 2 for bad options."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", arity = "1..*", required = true, paramLabel = "DIR",
        description = "a journal directory, such as ./genops-data/journal; several are verified one by one")
    private List<Path> journals;

    @Override
    public Integer call() {
        final String repeated = JournalDirectories.repeated(journals);
        if (repeated != null) {
            throw new ParameterException(spec.commandLine(), repeated);
        }
        journals.forEach(JournalDirectories::require);
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        int exitCode = 0;
        for (final Path journal : journals) {
            final JournalVerifier.Report report = JournalDirectories.reading(journal,
                () -> JournalVerifier.verify(journal));
            print(out, report);
            out.flush();
            if (report.problems() > 0) {
                err.printf(Locale.ROOT, "genops verify: %s: %s damaged or out-of-chain records%n", journal,
                    Text.count(report.problems()));
                exitCode = 1;
            }
            if (report.unreachable() > 0) {
                err.println("genops verify: " + journal + ": " + DamageLog.unreachableProblem(report.unreachable()));
                exitCode = 1;
            }
            err.flush();
        }
        return exitCode;
    }

    private static void print(final PrintWriter out, final JournalVerifier.Report report) {
        out.printf(Locale.ROOT, "Journal %s%n", report.journal());
        final Table summary = new Table("", "").leftAligned(2);
        summary.row("intact records", Text.count(report.records()));
        summary.row("first record", Text.time(report.firstMillis()));
        summary.row("last record", Text.time(report.lastMillis()));
        summary.row("damaged or out of chain", Text.count(report.problems()));
        if (report.unreachable() > 0) {
            summary.row("indexed but unreachable", Text.count(report.unreachable()));
        }
        summary.print(out);
        if (report.intact()) {
            out.println("Every checksum and each cycle's hash chain verified.");
            out.println();
            return;
        }
        out.println();
        if (report.listed().isEmpty()) {
            return;
        }
        final Table problems = new Table("index", "problem").leftAligned(2);
        for (final JournalVerifier.Problem problem : report.listed()) {
            problems.row(Text.index(problem.index()) + " (" + problem.position() + ")",
                problem.description());
        }
        problems.print(out);
        if (report.problems() > report.listed().size()) {
            out.printf(Locale.ROOT, "  ... and %s more, not listed%n", Text.count(report.problems()
                - report.listed().size()));
        }
        out.println();
    }
}
