package dev.cairn.cli;

import dev.cairn.cli.agent.AgentSettings;
import dev.cairn.cli.agent.CommandAgent;
import dev.cairn.cli.agent.TrialResult;
import dev.cairn.client.sweep.FunctionAgent;
import dev.cairn.client.sweep.SweepController;
import dev.cairn.client.sweep.SweepRef;
import dev.cairn.core.sweep.SweepConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn agent SWEEP}: runs a sweep's trials on this machine, each as a child process of the sweep's
 * command, until the sweep has no more or {@code --count} trials ran.
 *
 * <pre>{@code
 * ./cairn agent alice/mnist/sw4k2p9q --gpus 0,1     # two trials at a time, one per GPU
 * }</pre>
 */
@Command(name = "agent", description = "Run a sweep's trials on this machine, one at a time or one per GPU.")
final class AgentCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "entity/project/sweep_id, or the id with --entity/--project")
    String sweep;

    @Mixin
    SweepTarget target;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "run at most N trials, then exit (default: until the sweep has no more)")
    int count;

    @Option(names = "--gpus", paramLabel = "IDS", split = ",",
            description = "run one trial per GPU in parallel, each with CUDA_VISIBLE_DEVICES set to its id, e.g. 0,1,2")
    List<String> gpus = new ArrayList<>();

    @Option(names = "--interpreter", paramLabel = "PROGRAM", defaultValue = AgentSettings.DEFAULT_INTERPRETER,
            description = "what $${interpreter} in the sweep's command runs (default: ${DEFAULT-VALUE})")
    String interpreter;

    @Option(names = "--heartbeat-ms", hidden = true, defaultValue = "" + AgentSettings.DEFAULT_HEARTBEAT_MS)
    long heartbeatMs;

    @Option(names = "--poll-ms", hidden = true, defaultValue = "" + AgentSettings.DEFAULT_POLL_MS)
    long pollMs;

    @Option(names = "--kill-grace-ms", hidden = true, defaultValue = "" + AgentSettings.DEFAULT_KILL_GRACE_MS)
    long killGraceMs;

    @Override
    public Integer call() throws Exception {
        if (count < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count " + count + " must be 0 (no limit) or more");
        }
        for (String gpu : gpus) {
            if (!gpu.strip().matches("[0-9A-Za-z-]+")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--gpus '" + gpu + "' is not a GPU id; write the ids nvidia-smi shows, e.g. --gpus 0,1");
            }
        }
        SweepRef ref = target.ref(sweep);
        SweepController controller = target.client().controller(ref);
        Path workDir = Files.createTempDirectory("cairn-agent-");
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        AgentSettings settings = new AgentSettings(interpreter, gpus.stream().map(String::strip).toList(), count,
                FunctionAgent.agentName(), target.connection.baseUrl(), target.connection.apiKey(), System.getenv(),
                workDir, heartbeatMs, pollMs, killGraceMs, out, err);
        CommandAgent agent = new CommandAgent(controller, settings);
        Thread stopTrials = new Thread(() -> {
            try {
                agent.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cairn-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(stopTrials);
        List<TrialResult> results;
        try {
            results = target.call(() -> {
                try {
                    return agent.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("the agent was interrupted", e);
                }
            });
        } catch (SweepConfigException e) {
            throw new CliException("the sweep " + ref + " has a config this agent cannot run: " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopTrials);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
            deleteQuietly(workDir);
        }
        out.println("cairn agent: " + results.size() + " trial" + (results.size() == 1 ? "" : "s") + " run: "
                + results.stream().filter(r -> r.state().equals("finished")).count() + " finished, "
                + results.stream().filter(r -> r.state().equals("failed")).count() + " failed, "
                + results.stream().filter(r -> r.state().equals("killed")).count() + " killed");
        out.flush();
        return 0;
    }

    /** The trials' args files are only needed while they run. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
