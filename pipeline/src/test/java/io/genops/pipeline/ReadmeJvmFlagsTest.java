package io.genops.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's list of JVM flags equal to the one the build gives every JVM: surefire starts
 * this test's JVM with the root pom's flags property, so its arguments are the list.
 */
class ReadmeJvmFlagsTest {
    @Test
    void readmeFlags_areExactlyTheBuildsChronicleFlags() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final int start = readme.indexOf("```jvm-flags") + "```jvm-flags".length();
        final List<String> documented = Arrays.stream(readme.substring(start, readme.indexOf("```", start))
            .split("\\s+")).filter(flag -> !flag.isBlank()).collect(Collectors.toList());
        final List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(flag -> flag.startsWith("--add-") || flag.startsWith("-Dchronicle."))
            .collect(Collectors.toList());

        assertThat(documented).hasSize(12).containsExactlyInAnyOrderElementsOf(running);
    }
}
