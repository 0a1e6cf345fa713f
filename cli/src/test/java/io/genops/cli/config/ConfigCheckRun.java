package io.genops.cli.config;

import io.genops.cli.CommandRun;
import io.genops.cli.GenOpsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code genops} in-process with {@code config check} reading no environment and no system properties. */
final class ConfigCheckRun {
    private ConfigCheckRun() {
    }

    static CommandRun of(final Path workingDirectory, final String... args) {
        final CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(final Class<K> type) throws Exception {
                if (type == ConfigCheckCommand.class) {
                    return type.cast(new ConfigCheckCommand(Map.of(), Map.of(), workingDirectory));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = GenOpsCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
