package io.genops.cli.journal;

import io.genops.cli.support.DamageLog;
import io.genops.cli.support.FilterOptions;
import io.genops.cli.support.JournalDirectories;
import io.genops.pipeline.journal.JournalReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genops tail}: the last records of a journal as readable lines, and with {@code --follow} the
 * new ones as a running pipeline appends them, like {@code tail -f}. Reading never disturbs the writer:
 * a journal has one writer and any number of readers.
 */
@Command(name = "tail",
    header = "Prints a journal's last records as readable lines; --follow prints new ones as they come.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Prints the last records of an audit journal, one line each: time, kind, team, agent, model (or the "
            + "signal and its value, or the alert rule created, or fired with its value and threshold), tokens, "
            + "cost, policy verdict, and whether the record was "
            + "sampled for export. With --follow it keeps printing records as they are appended, until "
            + "interrupted.",
        ""},
    footer = {"", "Exit status: 0 when the records were printed, 1 when some were damaged or could not be reached "
            + "or the journal cannot be read, 2 for bad options."})
public final class TailCommand implements Callable<Integer> {
    private static final int DAMAGE_LINES = 10;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", order = 1,
        description = "the journal directory, such as ./genops-data/journal")
    private Path journal;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10", order = 2,
        description = "how many of the last records to print first (default: ${DEFAULT-VALUE})")
    private int lines;

    @Option(names = {"-f", "--follow"}, order = 3, description = "keep printing records as they are appended")
    private boolean follow;

    @Option(names = "--stop-after", paramLabel = "SECONDS", order = 4,
        description = "with --follow, stop after this many seconds (default: follow until interrupted)")
    private Double stopAfterSeconds;

    @Mixin
    private FilterOptions filter;

    @Override
    public Integer call() {
        check();
        JournalDirectories.require(journal);
        final PrintWriter out = spec.commandLine().getOut();
        final DamageLog damage = new DamageLog(spec.commandLine().getErr(), "genops tail", DAMAGE_LINES);
        final RecordLine line = new RecordLine();
        JournalDirectories.reading(journal, () -> {
            try (JournalReader reader = JournalReader.open(journal).filter(filter.filter()).onDamage(damage)) {
                final long[] last = lastIndexes(reader);
                printLast(last, line, out);
                if (follow) {
                    follow(reader, line, out);
                }
            }
            return null;
        });
        return damage.finish();
    }

    private void check() {
        if (lines < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--lines': " + lines
                + " is negative");
        }
        if (stopAfterSeconds != null && !(stopAfterSeconds > 0)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--stop-after': "
                + stopAfterSeconds + " is not a positive number of seconds");
        }
        if (stopAfterSeconds != null && !follow) {
            throw new ParameterException(spec.commandLine(), "--stop-after needs --follow");
        }
        final String problem = filter.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    /**
     * Reads the whole journal once, keeping the indexes of the last {@code lines} matching records in a
     * ring; returns them oldest first. The reader is left at the end, where following goes on.
     */
    private long[] lastIndexes(final JournalReader reader) {
        final long[] ring = new long[lines];
        final long[] seen = {0};
        reader.readAll((index, record) -> {
            if (ring.length > 0) {
                ring[(int)(seen[0] % ring.length)] = index;
            }
            seen[0]++;
        });
        final int kept = (int)Math.min(seen[0], ring.length);
        final long[] oldestFirst = new long[kept];
        for (int i = 0; i < kept; i++) {
            oldestFirst[i] = ring[(int)((seen[0] - kept + i) % ring.length)];
        }
        return oldestFirst;
    }

    /** Prints the records at {@code indexes} with a second reader; damage there was already reported once. */
    private void printLast(final long[] indexes, final RecordLine line, final PrintWriter out) {
        if (indexes.length == 0) {
            return;
        }
        final long lastIndex = indexes[indexes.length - 1];
        try (JournalReader reader = JournalReader.open(journal)) {
            reader.filter(filter.filter()).fromIndex(indexes[0]);
            final boolean[] done = {false};
            while (!done[0]) {
                final int step = reader.next((index, record) -> {
                    out.println(line.format(record));
                    done[0] = index == lastIndex;
                });
                done[0] |= step < 0;
            }
        }
        out.flush();
    }

    private void follow(final JournalReader reader, final RecordLine line, final PrintWriter out) {
        final boolean bounded = stopAfterSeconds != null;
        final long deadline = bounded ? System.nanoTime() + (long)(stopAfterSeconds * 1e9) : 0;
        while (!Thread.currentThread().isInterrupted() && (!bounded || System.nanoTime() - deadline < 0)) {
            final int step = reader.next((index, record) -> out.println(line.format(record)));
            if (step < 0) {
                out.flush();
                LockSupport.parkNanos(bounded ? Math.max(1, Math.min(IDLE_PARK_NANOS, deadline - System.nanoTime()))
                    : IDLE_PARK_NANOS);
            }
        }
        out.flush();
    }
}
