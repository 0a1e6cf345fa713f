package io.genops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process run of the {@code genops} command with captured output.
 *
 * @param exitCode what the process would exit with
 * @param out      what it wrote to stdout
 * @param err      what it wrote to stderr through picocli
 */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = GenOpsCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
