package io.genops.pipeline.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CrashWriter} in a child JVM: the same {@code java}, class path and JVM flags as this one
 * (so Chronicle gets the flags it needs), minus agents and debuggers, with a small heap. Its
 * standard output is read on a thread of its own; its log goes to a file beside the journal.
 */
final class WriterProcess implements AutoCloseable {
    private static final String HEAP = "-Xmx256m";

    private final Process process;
    private final Path log;
    private final Thread outputReader;
    private final AtomicLong confirmed = new AtomicLong(-1);
    private final CountDownLatch firstConfirmation = new CountDownLatch(1);
    private final CountDownLatch torn = new CountDownLatch(1);

    private WriterProcess(final Process process, final Path log) {
        this.process = process;
        this.log = log;
        this.outputReader = new Thread(this::readOutput, "crash-writer-output-" + process.pid());
        this.outputReader.setDaemon(true);
        this.outputReader.start();
    }

    /** Starts {@code CrashWriter} with {@code args} in {@code workDirectory}. */
    static WriterProcess start(final Path workDirectory, final String name, final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (inherited(argument)) {
                command.add(argument);
            }
        }
        command.add(HEAP);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashWriter.class.getName());
        command.addAll(List.of(args));
        final Path log = workDirectory.resolve(name + ".log");
        try {
            return new WriterProcess(new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectError(log.toFile()).start(), log);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Keeps the flags Chronicle needs; drops agents, debuggers and heap sizes. */
    private static boolean inherited(final String argument) {
        return !(argument.startsWith("-javaagent") || argument.startsWith("-agentlib")
            || argument.startsWith("-agentpath") || argument.startsWith("-Xdebug") || argument.startsWith("-Xrunjdwp")
            || argument.startsWith("-Xmx") || argument.startsWith("-Xms"));
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(CrashWriter.CONFIRMED)) {
                    final long count = Long.parseLong(line.substring(CrashWriter.CONFIRMED.length()).trim());
                    confirmed.accumulateAndGet(count, Math::max);
                    firstConfirmation.countDown();
                } else if (line.equals(CrashWriter.TORN)) {
                    torn.countDown();
                }
            }
        } catch (final IOException | NumberFormatException ignored) {
            // The process died mid-line; what was confirmed before stays confirmed.
        }
    }

    /** Waits for the first {@code confirmed} line; false when the process died or the time ran out first. */
    boolean awaitConfirmation(final Duration timeout) throws InterruptedException {
        return firstConfirmation.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the writer holds an unfinished record. */
    boolean awaitTorn(final Duration timeout) throws InterruptedException {
        return torn.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Kills the process with SIGKILL, waits for it to be gone, then for its last output line.
     *
     * @return the highest count it confirmed, -1 when none
     */
    long kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the writer " + process.pid() + " outlived SIGKILL by 10 s");
        }
        outputReader.join(TimeUnit.SECONDS.toMillis(10));
        return confirmed.get();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The last lines the writer logged, for failure messages. */
    String logTail() {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (final IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if it still runs, as when a check failed before the planned kill. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (final InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
