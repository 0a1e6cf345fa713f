package io.genops.cli.journal;

import io.genops.cli.support.JournalDirectories;
import io.genops.cli.support.Table;
import io.genops.cli.support.Text;
import io.genops.pipeline.export.ExportPosition;
import io.genops.pipeline.journal.JournalException;
import io.genops.pipeline.journal.JournalReader;
import io.genops.pipeline.journal.Retention;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genops exporters}: where each exporter of a journal has got to. An export runner keeps the
 * index of the last record it settled in {@code <journal>/exporters/<name>.position}; this command reads
 * those files and counts the records after each position.
 */
@Command(name = "exporters",
    header = "Each exporter's position in a journal and how far behind it is.",
    mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Prints each exporter's position in an audit journal (the last record it settled, from "
            + "DIR/exporters/NAME.position), the time of that record, and its lag: how many records follow it and "
            + "how far behind the newest record it is (for an exporter that settled nothing yet, counted from the "
            + "first record).",
        "Retention counts only the exporters a pipeline runs: the position of an exporter it no longer runs "
            + "holds no cycles back, and its file can be deleted once that exporter is gone for good.",
        "",
        "Position files are only read, never changed, so read access to the journal is enough. An empty one is an "
            + "exporter that settled nothing yet; one of another size than a position, or whose two slots hold no "
            + "position with a matching check, is shown as unreadable and named on stderr.",
        ""},
    footer = {"", "Exit status: 0 when the positions were read, 1 when the journal or a position cannot be read, "
            + "2 for bad options."})
public final class ExportersCommand implements Callable<Integer> {
    private static final String SUFFIX = Retention.POSITION_SUFFIX;

    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR",
        description = "the journal directory, such as ./genops-data/journal")
    private Path journal;

    @Override
    public Integer call() throws IOException {
        JournalDirectories.require(journal);
        final PrintWriter out = spec.commandLine().getOut();
        final Newest newest = JournalDirectories.reading(journal, this::newest);
        out.printf(Locale.ROOT, "Exporters of %s: %s records, the newest at %s (index %s)%n", journal,
            Text.count(newest.records), Text.time(newest.millis), newest.records == 0 ? Text.NONE
                : Text.index(newest.index));
        final List<String> names = exporterNames();
        if (names.isEmpty()) {
            out.printf(Locale.ROOT, "  no exporter has recorded a position (no %s files in %s)%n", SUFFIX,
                journal.resolve(Retention.POSITIONS));
            out.flush();
            return 0;
        }
        final Table table = new Table("exporter", "position", "record time", "behind, records", "behind, time")
            .leftAligned(3);
        final List<String> unreadable = new ArrayList<>();
        for (final String name : names) {
            final long position;
            try {
                position = ExportPosition.read(journal, name);
            } catch (final JournalException e) {
                unreadable.add(e.getMessage());
                table.row(name, "unreadable", Text.NONE, Text.NONE, Text.NONE);
                continue;
            }
            table.row(JournalDirectories.reading(journal, () -> row(name, position, newest)));
        }
        table.print(out);
        out.flush();
        final PrintWriter err = spec.commandLine().getErr();
        unreadable.forEach(problem -> err.println("genops exporters: " + problem));
        err.flush();
        return unreadable.isEmpty() ? 0 : 1;
    }

    private List<String> exporterNames() throws IOException {
        final Path directory = journal.resolve(Retention.POSITIONS);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                .filter(file -> file.endsWith(SUFFIX))
                .map(file -> file.substring(0, file.length() - SUFFIX.length()))
                .sorted()
                .collect(Collectors.toList());
        }
    }

    private String[] row(final String name, final long position, final Newest newest) {
        final Behind behind = behind(position);
        final long since = behind.positionMillis != Long.MIN_VALUE ? behind.positionMillis : behind.firstWaitingMillis;
        final String lagTime = behind.records == 0 ? "0 s (caught up)" : since == Long.MIN_VALUE ? Text.NONE
            : Text.duration((newest.millis - since) * 1_000_000L);
        return new String[] {name, position == ExportPosition.START ? "none yet" : Text.index(position),
            Text.time(behind.positionMillis), Text.count(behind.records), lagTime};
    }

    /** The records after {@code position} and the time of the record at it; the whole journal when there is none. */
    private Behind behind(final long position) {
        final Behind behind = new Behind();
        try (JournalReader reader = JournalReader.open(journal)) {
            if (position != ExportPosition.START && moveTo(reader, position)) {
                reader.next((index, record) -> behind.positionMillis = record.epochMillis());
            }
            behind.records = reader.readAll((index, record) -> {
                if (behind.firstWaitingMillis == Long.MIN_VALUE) {
                    behind.firstWaitingMillis = record.epochMillis();
                }
            });
        }
        return behind;
    }

    /** False when the record at {@code position} is gone (retention deleted its cycle): then all records are behind. */
    private static boolean moveTo(final JournalReader reader, final long position) {
        try {
            reader.fromIndex(position);
            return true;
        } catch (final JournalException e) {
            return false;
        }
    }

    private Newest newest() {
        final Newest newest = new Newest();
        try (JournalReader reader = JournalReader.open(journal)) {
            newest.records = reader.readAll((index, record) -> {
                newest.index = index;
                newest.millis = record.epochMillis();
            });
        }
        return newest;
    }

    /** The journal's newest record. */
    private static final class Newest {
        long records;
        long index;
        long millis = Long.MIN_VALUE;
    }

    /** How far an exporter is behind. */
    private static final class Behind {
        long records;
        /** The time of the record at the position, when there is one. */
        long positionMillis = Long.MIN_VALUE;
        /** The time of the first record after the position: the lag counts from it when nothing was settled. */
        long firstWaitingMillis = Long.MIN_VALUE;
    }
}
