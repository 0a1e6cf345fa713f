package io.genops.pipeline.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Ten million events across a hundred thousand sessions in a JVM of 256 MiB: the run completes and
 * the live heap after a full collection stays flat, because per-session state is constant-size and
 * closed sessions are released.
 */
class LongRunningMemoryTest {
    private static final long EVENTS = 10_000_000;
    private static final int SESSIONS = 100_000;

    @Test
    void tenMillionEventsAcrossAHundredThousandSessions_keepTheLiveHeapFlat() throws Exception {
        final Process child = new ProcessBuilder(command()).redirectErrorStream(true).start();
        final List<Long> heap = new ArrayList<>();
        final List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("heap ")) {
                    heap.add(Long.parseLong(line.substring(5)));
                }
            }
        }
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(String.join("\n", output)).isZero();
        // Each session adds its signal and, once closed, its session record.
        assertThat(output).contains("processed " + (EVENTS + 2 * SESSIONS));
        assertThat(heap).hasSize(10);
        final long settled = heap.get(1);
        assertThat(heap.subList(1, heap.size())).as("live heap after each tenth, in bytes: " + heap)
            .allSatisfy(bytes -> assertThat(bytes).isLessThan(settled + 16L * 1024 * 1024));
    }

    private static List<String> command() {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(flag -> !flag.startsWith("-Xmx") && !flag.startsWith("-agentlib") && !flag.startsWith("-javaagent"))
            .collect(Collectors.toList()));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SoakMain.class.getName());
        command.add(Long.toString(EVENTS));
        command.add(Integer.toString(SESSIONS));
        return command;
    }
}
