package dev.cairn.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code cairn runs}: the group of commands that read runs from a server. */
@Command(name = "runs", description = "List, show and export runs on a Cairn server.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsExportCommand.class})
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
