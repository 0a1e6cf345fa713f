package io.genops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenOpsCommandTest {

    @Test
    void withoutACommandSaysWhatThereIs() {
        final CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("name a command, such as 'genops demo'").contains("demo");
    }

    @Test
    void unknownCommandIsAUsageError() {
        final CommandRun run = CommandRun.of("deploy");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'deploy'");
    }

    @Test
    void versionNamesTheJavaItRunsOn() {
        final CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("genops ").contains("Java " + Runtime.version().feature());
    }
}
