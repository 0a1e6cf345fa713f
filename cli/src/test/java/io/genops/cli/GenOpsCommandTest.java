package io.genops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void helpListsEveryCommand() {
        final CommandRun run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "replay", "verify", "tail", "budgets", "exporters", "prices", "config");
    }

    @Test
    void aFailureIsOneLineWithTheReasonOfAnIoError() {
        final String line = GenOpsCommand.describe(new java.io.UncheckedIOException("cannot read price table x.json",
            new java.nio.file.AccessDeniedException("x.json")));

        assertThat(line).isEqualTo("cannot read price table x.json: permission denied");
        assertThat(GenOpsCommand.describe(new IllegalStateException("first\n  second"))).isEqualTo("first second");
    }

    @Test
    void versionNamesTheJavaItRunsOn() {
        final CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("genops ").contains("Java " + Runtime.version().feature());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo --version", "replay -V", "prices --version", "config check -V"})
    void everySubcommandPrintsTheVersionItsHelpPromises(final String command) {
        final CommandRun run = CommandRun.of(command.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(CommandRun.of("--version").out()).startsWith("genops ");
    }
}
