package dev.cairn.cli;

import dev.cairn.server.http.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code cairn} command line: one jar holds the server, the CLI and the benchmarks.
 *
 * <pre>{@code
 * ./cairn server                      # start the tracking server
 * ./cairn runs list alice/mnist       # a table of runs
 * ./cairn sweep sweep.yaml --project mnist && ./cairn agent alice/mnist/sw4k2p9q
 * ./cairn --help                      # every command
 * }</pre>
 *
 * <p>Tests run commands in-process with {@link #execute(PrintWriter, PrintWriter, String...)}.
 */
@Command(name = "cairn", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Main.CairnVersion.class, usageHelpAutoWidth = true,
        description = "Cairn: a self-hosted experiment tracker.",
        subcommands = {ServerCommand.class, SyncCommand.class, RunsCommand.class, SweepCli.class, AgentCommand.class,
                BenchCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogs();
        int exitCode = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(exitCode);
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code (0 ok, 1 failure, 2 usage). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(Main::reportFailure);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** {@code cairn} alone: say what there is to run. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CliException) {
            err.println("cairn: " + e.getMessage());
        } else {
            err.println("cairn: unexpected failure (please report it): " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * Jetty logs every start-up step at INFO, and Javalin logs a failed start before throwing it; the server
     * command prints its own one-line summary and its own message for a failed start.
     */
    private static void quietLibraryLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty",
                System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn"));
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin",
                System.getProperty("org.slf4j.simpleLogger.log.io.javalin", "off"));
    }

    /** {@code --version}: Cairn's version, from the jar manifest. */
    static final class CairnVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cairn " + Version.current()};
        }
    }
}
