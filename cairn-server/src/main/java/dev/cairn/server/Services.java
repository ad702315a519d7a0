package dev.cairn.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.server.artifact.ArtifactService;
import dev.cairn.server.live.EventBus;
import dev.cairn.server.live.LiveEvents;
import dev.cairn.server.run.RunKey;
import dev.cairn.server.run.RunService;
import dev.cairn.server.store.Database;
import dev.cairn.server.sweep.SweepService;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's services, wired once at start-up and handed to the routes. Each package adds its service
 * here (runs, metrics, sweeps, artifacts, ...).
 */
public final class Services implements AutoCloseable {
    /** Events a browser may have waiting before it is told to resync (it refetches instead). */
    private static final int LIVE_QUEUE_EVENTS = 2000;

    private final Database database;
    private final ServerOptions options;
    private final Clock clock;
    private final ScheduledExecutorService background;
    private final RunService runs;
    private final LiveEvents live;
    private final SweepService sweeps;
    private final ArtifactService artifacts;

    private Services(Database database, ServerOptions options, Clock clock) {
        this.database = database;
        this.options = options;
        this.clock = clock;
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cairn-background");
            thread.setDaemon(true);
            return thread;
        });
        this.live = new LiveEvents(new EventBus(LIVE_QUEUE_EVENTS), this::findRun);
        this.runs = new RunService(database, options, clock, live);
        this.sweeps = new SweepService(database, runs, live, clock);
        this.artifacts = new ArtifactService(database, options, clock);
    }

    static Services create(Database database, ServerOptions options, Clock clock) {
        return new Services(database, options, clock);
    }

    public Database database() {
        return database;
    }

    public ServerOptions options() {
        return options;
    }

    public Clock clock() {
        return clock;
    }

    public RunService runs() {
        return runs;
    }

    private ObjectNode findRun(RunKey key) {
        return runs.find(key);
    }

    /** Changes pushed to watching browsers ({@code GET /api/v1/events/{entity}/{project}}). */
    public LiveEvents live() {
        return live;
    }

    public SweepService sweeps() {
        return sweeps;
    }

    public ArtifactService artifacts() {
        return artifacts;
    }

    /** Starts periodic work such as marking silent runs crashed. */
    void startBackgroundWork() {
        every(runs.reaper().periodMs(), runs.reaper()::runScheduled);
    }

    /** Runs {@code task} every {@code periodMs} on the background thread; failures are logged, not fatal. */
    void every(long periodMs, Runnable task) {
        background.scheduleWithFixedDelay(task, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        live.bus().close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
