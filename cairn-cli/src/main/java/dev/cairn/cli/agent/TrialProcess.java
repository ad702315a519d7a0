package dev.cairn.cli.agent;

import dev.cairn.client.sweep.NextTrial;
import dev.cairn.client.sweep.SweepApiException;
import dev.cairn.client.sweep.SweepController;
import dev.cairn.core.sweep.CommandContext;
import dev.cairn.core.sweep.SweepCommand;
import dev.cairn.core.sweep.SweepConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One trial as a child process: writes {@code ${args_json_file}}, expands the sweep's command, starts it
 * with the sweep's environment variables, relays its console into the run, heartbeats the run while it
 * lives (terminating it when the answer says {@code stop}), and ends the run by the exit status unless
 * the run already ended (the SDK inside ended it).
 */
final class TrialProcess {
    /** How long the console readers may take after the child exited (a grandchild may hold the pipes). */
    private static final long CONSOLE_DRAIN_MS = 5_000;

    private final SweepController controller;
    private final SweepConfig config;
    private final AgentSettings settings;
    private final String gpu;
    private volatile Process process;
    private volatile boolean isStopRequested;

    TrialProcess(SweepController controller, SweepConfig config, AgentSettings settings, String gpu) {
        this.controller = controller;
        this.config = config;
        this.settings = settings;
        this.gpu = gpu;
    }

    TrialResult run(NextTrial trial) throws InterruptedException {
        String runId = trial.runId();
        Process child;
        ConsoleRelay relay;
        try {
            List<String> argv = command(trial);
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().clear();
            builder.environment().putAll(environment(runId));
            settings.out().println("cairn agent: trial " + runId + (gpu == null ? "" : " on GPU " + gpu) + ": "
                    + String.join(" ", argv));
            child = builder.start();
        } catch (IOException | RuntimeException e) {
            String reason = "cairn agent: cannot start trial " + runId + ": " + e.getMessage();
            settings.err().println(reason);
            relay = ConsoleRelay.withoutProcess(runId);
            return end(runId, relay, "failed", null, reason);
        }
        process = child;
        relay = ConsoleRelay.start(child, runId, settings.out(), settings.err());
        watch(child, runId, relay);
        int exitCode = child.waitFor();
        relay.awaitEnd(CONSOLE_DRAIN_MS);
        return end(runId, relay, TrialResult.stateFor(exitCode, isStopRequested), exitCode, null);
    }

    /** Stops the child now (the agent itself is shutting down): SIGTERM, then SIGKILL after the grace time. */
    void terminate() throws InterruptedException {
        Process child = process;
        if (child != null && child.isAlive()) {
            isStopRequested = true;
            terminate(child, settings.killGraceMs());
        }
    }

    List<String> command(NextTrial trial) throws IOException {
        Path argsFile = settings.workDir().resolve(trial.runId()).resolve("args.json");
        Files.createDirectories(argsFile.getParent());
        Files.writeString(argsFile, SweepCommand.argsJson(trial.params()));
        return SweepCommand.expand(config, trial.params(),
                CommandContext.of(settings.interpreter(), settings.environment(), argsFile.toString()));
    }

    /** The agent's environment plus what the SDK inside needs to find and resume the trial's run. */
    Map<String, String> environment(String runId) {
        Map<String, String> env = new HashMap<>(settings.environment());
        env.put("CAIRN_SWEEP_ID", controller.sweep().id());
        env.put("CAIRN_RUN_ID", runId);
        env.put("CAIRN_ENTITY", controller.sweep().entity());
        env.put("CAIRN_PROJECT", controller.sweep().project());
        env.put("CAIRN_BASE_URL", settings.baseUrl());
        if (settings.apiKey() != null) {
            env.put("CAIRN_API_KEY", settings.apiKey());
        } else {
            env.remove("CAIRN_API_KEY");
        }
        env.put("CAIRN_CONSOLE", "off");
        if (gpu != null) {
            env.put("CUDA_VISIBLE_DEVICES", gpu);
        }
        return env;
    }

    /** Heartbeats and ships the console until the child exits; terminates it when the run is told to stop. */
    private void watch(Process child, String runId, ConsoleRelay relay) throws InterruptedException {
        while (!child.waitFor(settings.heartbeatMs(), TimeUnit.MILLISECONDS)) {
            try {
                if (controller.heartbeat(runId) && !isStopRequested) {
                    isStopRequested = true;
                    settings.out().println("cairn agent: the sweep stopped trial " + runId + "; terminating it");
                    terminate(child, settings.killGraceMs());
                }
            } catch (IOException | SweepApiException e) {
                // The server is away or forgot the run; the child goes on, and the next beat asks again.
            }
            shipQuietly(relay);
        }
    }

    /** SIGTERM to the child and its descendants; SIGKILL to whatever still lives after {@code graceMs}. */
    static void terminate(Process child, long graceMs) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(child.descendants().toList());
        tree.add(child.toHandle());
        tree.forEach(ProcessHandle::destroy);
        if (!child.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            child.waitFor();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private TrialResult end(String runId, ConsoleRelay relay, String state, Integer exitCode, String note) {
        if (note != null) {
            relay.note("stderr", note);
        }
        shipQuietly(relay);
        try {
            String current = controller.runState(runId);
            // A program's own end stands, except after the agent stopped it: a Java child's shutdown hook,
            // run by SIGTERM before its SDK heard the stop, would otherwise leave the run failed.
            boolean isOpen = "running".equals(current) || "crashed".equals(current);
            if (isOpen || "killed".equals(state) && !"killed".equals(current)) {
                controller.endRun(runId, state, exitCode);
            }
        } catch (IOException | SweepApiException e) {
            settings.err().println("cairn agent: cannot report the end of trial " + runId + " (" + state
                    + "): " + e.getMessage());
        }
        settings.out().println("cairn agent: trial " + runId + " " + state
                + (exitCode == null ? "" : " (exit code " + exitCode + ")"));
        return new TrialResult(runId, state, exitCode);
    }

    private void shipQuietly(ConsoleRelay relay) {
        try {
            relay.ship(controller);
        } catch (IOException | SweepApiException e) {
            // kept for the next attempt
        }
    }
}
