package io.genops.cli.export;

import io.genops.exporters.otlp.OtlpExporter;
import io.genops.pipeline.GenOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An application in a process of its own that opens a pipeline on an existing journal with an OTLP
 * exporter, as a restarted service does, and runs until its standard input ends; then it closes the
 * pipeline and exits. Its exporter resumes from the position the journal keeps for it.
 */
public final class ExportingApplication {
    static final String EXPORTER = "otlp";

    private ExportingApplication() {
    }

    /** Arguments: the journal directory, the collector's URL and the export batch size. */
    public static void main(final String[] args) throws IOException {
        final OtlpExporter otlp = OtlpExporter.builder().name(EXPORTER).endpoint(URI.create(args[1]))
            .timeout(Duration.ofSeconds(2)).build();
        try (GenOps genops = GenOps.builder().journal(Path.of(args[0])).exporter(otlp)
            .exportBatchSize(Integer.parseInt(args[2])).exportBatchAge(Duration.ofMillis(20))
            .exportBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).closeTimeout(Duration.ofSeconds(30))
            .build()) {
            while (System.in.read() >= 0) {
                // Runs until the parent closes the pipe or kills the process.
            }
        }
    }

    /**
     * Starts the application in a child JVM with this JVM's {@code java}, class path and flags (Chronicle
     * Queue needs some of them), minus agents and debuggers; its output goes to {@code log}.
     */
    static Process start(final Path log, final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-javaagent") && !argument.startsWith("-agent")
                && !argument.startsWith("-Xdebug") && !argument.startsWith("-Xrunjdwp")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExportingApplication.class.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }
}
