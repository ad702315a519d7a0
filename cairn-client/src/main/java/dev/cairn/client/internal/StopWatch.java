package dev.cairn.client.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Heartbeats a sweep run every few seconds and remembers when the answer says {@code "stop":true}
 * (hyperband stopped the run, or the sweep was canceled). The sender heartbeats only when it has been
 * idle for a long while, so a run that logs all the time would otherwise never hear the signal.
 *
 * <pre>{@code
 * StopWatch watch = StopWatch.start(transport, 2_000);
 * while (!watch.isStopRequested()) { train(); }
 * watch.close();
 * }</pre>
 */
public final class StopWatch implements AutoCloseable {
    /** How often a sweep run asks whether it should stop. */
    public static final long INTERVAL_MS = 2_000;

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Object monitor = new Object();
    private volatile boolean closed;

    private StopWatch() {
    }

    /** A watch that never hears anything: for runs outside a sweep. */
    public static StopWatch none() {
        StopWatch watch = new StopWatch();
        watch.closed = true;
        return watch;
    }

    public static StopWatch start(RunApi api, long intervalMs) {
        StopWatch watch = new StopWatch();
        Session.daemon(() -> watch.loop(api, intervalMs), "cairn-stop-watch");
        return watch;
    }

    public boolean isStopRequested() {
        return stopRequested.get();
    }

    private void loop(RunApi api, long intervalMs) {
        while (!closed) {
            try {
                Reply reply = api.heartbeat();
                if (reply.isSuccess() && reply.json().path("stop").asBoolean(false)) {
                    stopRequested.set(true);
                }
            } catch (IOException e) {
                // The server is away; the next beat asks again, and the sender keeps the records meanwhile.
            }
            synchronized (monitor) {
                try {
                    if (!closed) {
                        monitor.wait(intervalMs);
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
