package io.genops.cli.support;

import io.genops.pipeline.journal.JournalReader;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Tells the user about damaged and out-of-chain records as a read meets them: one line each on stderr,
 * naming the journal and the record's index, up to a limit, then a count of the rest; and, in one line
 * per journal, about records its index lists that could not be reached. The command exits with 1 when
 * there were any, after its report.
 */
public final class DamageLog implements JournalReader.DamageHandler {
    private final PrintWriter err;
    private final String command;
    private final int limit;
    private long count;
    private long unreachable;

    public DamageLog(final PrintWriter err, final String command, final int limit) {
        this.err = err;
        this.command = command;
        this.limit = limit;
    }

    @Override
    public void onDamage(final Path journal, final long index, final String problem) {
        count++;
        if (count <= limit) {
            err.println(command + ": " + journal + ": record " + Text.index(index) + ": " + problem);
            err.flush();
        }
    }

    @Override
    public void onUnreachable(final Path journal, final long records) {
        unreachable += records;
        err.println(command + ": " + journal + ": " + unreachableProblem(records));
        err.flush();
    }

    /** What {@code records} unreachable records mean, for every command that reads a journal to its end. */
    public static String unreachableProblem(final long records) {
        return Text.count(records) + " records listed in the journal's index cannot be reached; a cycle file was "
            + "cut short or overwritten";
    }

    /** Damaged and out-of-chain records. */
    public long count() {
        return count;
    }

    /** Records the journals' indexes list that could not be reached. */
    public long unreachable() {
        return unreachable;
    }

    /** Says how many were not listed, if any; returns the exit code: 1 when any record was damaged or unreachable. */
    public int finish() {
        if (count > limit) {
            err.println(command + ": " + Text.count(count - limit) + " more damaged or out-of-chain records not "
                + "listed; 'genops verify --journal DIR' lists them all");
            err.flush();
        }
        return count > 0 || unreachable > 0 ? 1 : 0;
    }
}
