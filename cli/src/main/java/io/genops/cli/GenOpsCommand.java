package io.genops.cli;

import io.genops.cli.config.ConfigCommand;
import io.genops.cli.demo.DemoCommand;
import io.genops.cli.journal.BudgetsCommand;
import io.genops.cli.journal.ExportersCommand;
import io.genops.cli.journal.ReplayCommand;
import io.genops.cli.journal.TailCommand;
import io.genops.cli.journal.VerifyCommand;
import io.genops.cli.prices.PricesCommand;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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
    subcommands = {DemoCommand.class, ReplayCommand.class, VerifyCommand.class, TailCommand.class,
        BudgetsCommand.class, ExportersCommand.class, PricesCommand.class, ConfigCommand.class,
        CommandLine.HelpCommand.class})
public final class GenOpsCommand implements Runnable {
    /**
     * The official OTLP exporters log each failed request with its stack trace through
     * {@code java.util.logging}; the command's OTLP exporter already warns about failed sends on SLF4J,
     * once a minute with counts, so theirs is switched off. Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger OTEL_LOG = java.util.logging.Logger.getLogger("io.opentelemetry");

    static {
        OTEL_LOG.setLevel(java.util.logging.Level.OFF);
    }

    @Spec
    private CommandSpec spec;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The configured command line whose commands {@code factory} makes; tests give commands their own sources. */
    public static CommandLine commandLine(final CommandLine.IFactory factory) {
        final CommandLine commandLine = new CommandLine(new GenOpsCommand(), factory);
        versionEverywhere(commandLine, new Version());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(GenOpsCommand::reportFailure);
        return commandLine;
    }

    /**
     * Every subcommand's help lists {@code -V, --version}; the same provider makes it print the version of
     * the whole command there too, instead of nothing.
     */
    private static void versionEverywhere(final CommandLine commandLine, final IVersionProvider version) {
        for (final CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.getCommandSpec().versionProvider(version);
            versionEverywhere(subcommand, version);
        }
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
        err.println(commandLine.getColorScheme().errorText("genops " + commandLine.getCommandName() + ": "
            + describe(failure)));
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * The failure as one line: its message, with the reason of an I/O failure appended (the messages of
     * our libraries name the file, the JDK's exception says what was wrong with it).
     */
    static String describe(final Throwable failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        if (failure instanceof UncheckedIOException && failure.getCause() != null) {
            message += ": " + reason(failure.getCause());
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String reason(final Throwable cause) {
        if (cause instanceof NoSuchFileException) {
            return "no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileSystemException && ((FileSystemException)cause).getReason() != null) {
            return ((FileSystemException)cause).getReason();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
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
