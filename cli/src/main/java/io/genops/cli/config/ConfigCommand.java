package io.genops.cli.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genops config}: the tools for a GenOps configuration, each a subcommand. */
@Command(name = "config", header = "Checks GenOps configurations.", mixinStandardHelpOptions = true,
    subcommands = ConfigCheckCommand.class)
public final class ConfigCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do but say what there is. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a config command, such as 'genops config check'");
    }
}
