package dev.cairn.client.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.Cairn;
import dev.cairn.client.CairnException;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Run;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.ResumeMode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The in-process agent behind {@link Cairn#agent}: asks the controller for trials and runs each as a call
 * of a Java function in this JVM, with the trial's run started by {@link Cairn#init}.
 */
public final class FunctionAgent {
    /** How long to wait before asking again when the sweep is paused or has no free point now. */
    static final long POLL_MS = 2_000;
    /** How long an unreachable server is tried before the agent gives up. */
    static final long UNREACHABLE_LIMIT_MS = 120_000;

    private final SweepController controller;
    private final InitOptions base;
    private final PrintStream err;

    public FunctionAgent(SweepController controller, InitOptions base, PrintStream err) {
        this.controller = controller;
        this.base = base;
        this.err = err;
    }

    /**
     * Runs trials until the sweep hands out no more or {@code count} trials ran (0 or less: no limit).
     * A trial whose function throws is finished as {@code failed} and the agent goes on with the next.
     *
     * @return how many trials ran
     */
    public int run(int count, Consumer<Run> train) {
        String agentName = agentName();
        int ran = 0;
        while (count <= 0 || ran < count) {
            NextTrial trial = next(agentName);
            if (trial.isSweepOver()) {
                break;
            }
            if (!trial.hasRun()) {
                sleep(POLL_MS);
                continue;
            }
            ran++;
            runTrial(trial, train);
        }
        return ran;
    }

    private void runTrial(NextTrial trial, Consumer<Run> train) {
        SweepRef sweep = controller.sweep();
        Run run = Cairn.init(base.toBuilder().entity(sweep.entity()).project(sweep.project()).id(trial.runId())
                .resume(ResumeMode.ALLOW).sweepId(sweep.id()).config(config(trial)).build());
        try {
            train.accept(run);
            run.finish(0);
        } catch (RuntimeException | Error e) {
            err.println("cairn: trial " + trial.runId() + " of sweep " + sweep + " failed: " + e);
            e.printStackTrace(err);
            run.finish(1);
        }
    }

    /** The base options' config (defaults) with the trial's parameters over it. */
    private Map<String, Object> config(NextTrial trial) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (base.config() != null) {
            config.putAll(Json.mapper().convertValue(base.config(), new TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        config.putAll(trial.params());
        return config;
    }

    private NextTrial next(String agentName) {
        long giveUpAt = System.currentTimeMillis() + UNREACHABLE_LIMIT_MS;
        while (true) {
            try {
                return controller.next(agentName);
            } catch (IOException e) {
                if (System.currentTimeMillis() > giveUpAt) {
                    throw new CairnException("the sweep " + controller.sweep() + " has not answered for "
                            + UNREACHABLE_LIMIT_MS / 1000 + " s (" + e.getMessage() + "); the agent stops", e);
                }
                sleep(POLL_MS);
            }
        }
    }

    /** {@code host-pid}: kept on each run's metadata, so a run can be traced to the agent that ran it. */
    public static String agentName() {
        String jvm = ManagementFactory.getRuntimeMXBean().getName();
        return jvm.contains("@") ? jvm.substring(jvm.indexOf('@') + 1) + "-" + ProcessHandle.current().pid() : jvm;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException("the sweep agent was interrupted", e);
        }
    }
}
