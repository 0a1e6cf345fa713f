package io.genops.cli;

import io.genops.cli.demo.DemoCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code genops} command. Each tool is a subcommand in a class of its own, registered in the
 * {@code subcommands} list below; this class only parses, dispatches and turns failures into a
 * one-line message and an exit code (0 success, 1 failure, 2 bad usage).
 */
@Command(name = "genops", mixinStandardHelpOptions = true, versionProvider = GenOpsCommand.Version.class,
    description = "Governs AI agents from inside the JVM: exact pricing, attribution, budgets, sampling, alerts.",
    subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class GenOpsCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process with their own writers. */
    public static CommandLine commandLine() {
        final CommandLine commandLine = new CommandLine(new GenOpsCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(GenOpsCommand::reportFailure);
        return commandLine;
    }

    /** Without a subcommand there is nothing to do but say what there is. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as 'genops demo'");
    }

    /** A failing command prints one line a user can act on, not a stack trace. */
    private static int reportFailure(final Exception failure, final CommandLine commandLine,
        final ParseResult parseResult) {
        final PrintWriter err = commandLine.getErr();
        final String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        err.println(commandLine.getColorScheme().errorText("genops " + commandLine.getCommandName() + ": " + message));
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /** The version the build wrote into the jar's manifest; "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            final String version = GenOpsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"genops " + (version != null ? version : "development"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
