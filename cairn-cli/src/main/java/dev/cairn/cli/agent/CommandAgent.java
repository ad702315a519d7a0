package dev.cairn.cli.agent;

import dev.cairn.client.sweep.NextTrial;
import dev.cairn.client.sweep.SweepController;
import dev.cairn.core.sweep.SweepConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ./cairn agent}: runs a sweep's trials as child processes, one per slot at a time (one slot, or
 * one per GPU with {@code --gpus}), until the sweep hands out no more or {@code count} trials ran.
 *
 * <pre>{@code
 * SweepController sweep = new SweepClient(url, null).controller(SweepRef.parse("alice/mnist/sw4k2p9q", null, null));
 * List<TrialResult> results = new CommandAgent(sweep, settings).run();
 * }</pre>
 *
 * <p>When the sweep is paused, or running with no point free now, a slot waits {@code pollMs} and asks
 * again; when it is finished, stopped or canceled, the slot ends. An unreachable server is retried the
 * same way, so agents outlive a server restart.
 */
public final class CommandAgent {
    private final SweepController controller;
    private final AgentSettings settings;
    private final List<TrialProcess> live = new CopyOnWriteArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final List<Thread> slots = new CopyOnWriteArrayList<>();
    private volatile boolean isShuttingDown;

    public CommandAgent(SweepController controller, AgentSettings settings) {
        this.controller = controller;
        this.settings = settings;
    }

    /**
     * Runs trials until done; returns them in the order they ended.
     *
     * @throws IOException when the sweep's config can't be read (the server is unreachable)
     * @throws dev.cairn.core.sweep.SweepConfigException when the sweep's command can't be built from it
     */
    public List<TrialResult> run() throws IOException, InterruptedException {
        SweepConfig config = SweepConfig.fromMap(controller.config());
        List<TrialResult> results = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (String gpu : settings.slots()) {
            Thread slot = new Thread(() -> {
                try {
                    runSlot(config, gpu, results);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "cairn-agent-slot-" + (gpu == null ? "0" : "gpu" + gpu));
            slot.start();
            slots.add(slot);
        }
        for (Thread slot : slots) {
            slot.join();
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        return List.copyOf(results);
    }

    /**
     * Terminates the running trials (the agent was told to quit) and waits until their runs are reported
     * {@code killed}, at most the kill grace time and a few seconds more.
     */
    public void shutdown() throws InterruptedException {
        isShuttingDown = true;
        for (TrialProcess trial : live) {
            trial.terminate();
        }
        long deadline = System.currentTimeMillis() + settings.killGraceMs() + 5_000;
        for (Thread slot : slots) {
            slot.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    private void runSlot(SweepConfig config, String gpu, List<TrialResult> results) throws InterruptedException {
        while (!isShuttingDown) {
            if (settings.count() > 0 && started.incrementAndGet() > settings.count()) {
                return;
            }
            NextTrial trial = next();
            if (trial.isSweepOver()) {
                settings.out().println("cairn agent: sweep " + controller.sweep() + " is " + trial.sweepState()
                        + "; no more trials");
                return;
            }
            if (!trial.hasRun()) {
                if (settings.count() > 0) {
                    started.decrementAndGet();
                }
                Thread.sleep(settings.pollMs());
                continue;
            }
            TrialProcess process = new TrialProcess(controller, config, settings, gpu);
            live.add(process);
            try {
                results.add(process.run(trial));
            } finally {
                live.remove(process);
            }
        }
    }

    /** The next trial; an unreachable server is asked again after {@code pollMs}, as a paused sweep is. */
    private NextTrial next() throws InterruptedException {
        boolean warned = false;
        while (true) {
            try {
                return controller.next(settings.agentName());
            } catch (IOException e) {
                if (!warned) {
                    settings.err().println("cairn agent: " + e.getMessage() + "; asking again every "
                            + settings.pollMs() / 1000.0 + " s");
                    warned = true;
                }
                Thread.sleep(settings.pollMs());
            }
        }
    }
}
