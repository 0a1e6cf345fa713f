package io.genops.exporters.prometheus.internal;

import io.genops.exporters.prometheus.MetricNames;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@value MetricNames#PROCESS_MEMORY} by {@code area}, read at each scrape: {@code heap} and
 * {@code nonheap}, the bytes the JVM's memory pools use (its {@link MemoryMXBean}), and {@code resident},
 * the process's resident set from the {@code VmRSS} line of {@code /proc/self/status}. Where that file does
 * not exist (not Linux) the resident series is left out; a file that cannot be read or parsed leaves it out
 * too, and is counted and warned about at most once a minute.
 */
public final class ProcessMemory implements MultiCollector {
    /** Where Linux reports the process's memory. */
    public static final Path PROC_STATUS = Path.of("/proc/self/status");
    private static final String RESIDENT_LINE = "VmRSS:";
    private static final long BYTES_PER_KIB = 1024;
    /** What {@link #residentBytes()} answers when there is no resident figure to expose. */
    private static final long NONE = -1;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Path status;
    private final CounterDataPoint failures;
    private final ThrottledWarning warning = new ThrottledWarning();

    /**
     * @param status   the {@code /proc/<pid>/status} file to read the resident set from
     * @param failures counts the scrapes whose file could not be read or parsed
     */
    public ProcessMemory(final Path status, final CounterDataPoint failures) {
        this.status = status;
        this.failures = failures;
    }

    @Override
    public MetricSnapshots collect() {
        final GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(MetricNames.PROCESS_MEMORY)
            .help("Memory of the process in bytes: heap and nonheap used by the JVM, resident in RAM (Linux)");
        gauge.dataPoint(point("heap", memory.getHeapMemoryUsage().getUsed()));
        gauge.dataPoint(point("nonheap", memory.getNonHeapMemoryUsage().getUsed()));
        final long resident = residentBytes();
        if (resident != NONE) {
            gauge.dataPoint(point("resident", resident));
        }
        return MetricSnapshots.of(gauge.build());
    }

    private static GaugeDataPointSnapshot point(final String area, final long bytes) {
        return GaugeDataPointSnapshot.builder().labels(Labels.of("area", area)).value(bytes).build();
    }

    /** The {@code VmRSS} figure in bytes (the file gives KiB), or {@link #NONE}. */
    private long residentBytes() {
        final List<String> lines;
        try {
            lines = Files.readAllLines(status, StandardCharsets.US_ASCII);
        } catch (final NoSuchFileException absent) {
            return NONE;
        } catch (final IOException e) {
            return failed("could not be read: " + e);
        }
        for (final String line : lines) {
            if (line.startsWith(RESIDENT_LINE)) {
                return parse(line);
            }
        }
        return failed("has no " + RESIDENT_LINE + " line");
    }

    /** A line such as {@code VmRSS:   123456 kB}. */
    private long parse(final String line) {
        final String[] words = line.substring(RESIDENT_LINE.length()).trim().split("\\s+");
        if (words.length != 2 || !"kB".equals(words[1])) {
            return failed("has a " + RESIDENT_LINE + " line of another form: '" + line + "'");
        }
        try {
            return Math.multiplyExact(Long.parseLong(words[0]), BYTES_PER_KIB);
        } catch (final NumberFormatException | ArithmeticException e) {
            return failed("has a " + RESIDENT_LINE + " line whose figure is not a size: '" + line + "'");
        }
    }

    private long failed(final String why) {
        failures.inc();
        warning.warn(status + " " + why + "; " + MetricNames.PROCESS_MEMORY + "{area=\"resident\"} is left out of "
            + "this scrape", null);
        return NONE;
    }
}
