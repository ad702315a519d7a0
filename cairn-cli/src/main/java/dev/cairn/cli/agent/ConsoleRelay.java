package dev.cairn.cli.agent;

import dev.cairn.client.sweep.ConsoleLine;
import dev.cairn.client.sweep.SweepController;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A trial's console: reads the child's stdout and stderr line by line, echoes each line on the agent's
 * terminal prefixed with the run id, and keeps it, numbered across both streams, until {@link #ship} posts
 * it to the run. Lines a failed post could not deliver are posted again next time; the server replaces a
 * line it already has, so nothing is doubled.
 *
 * <pre>{@code
 * ConsoleRelay relay = ConsoleRelay.start(process, runId, System.out, System.err);
 * relay.ship(controller);          // every heartbeat
 * relay.awaitEnd(); relay.ship(controller);
 * }</pre>
 */
final class ConsoleRelay {
    /** Longest text kept for one line; a program printing binary data can't make a line unbounded. */
    static final int MAX_LINE_CHARS = 16 * 1024;
    /** Most lines in one post. */
    static final int MAX_BATCH_LINES = 1_000;

    private final String runId;
    private final AtomicLong nextLine = new AtomicLong();
    private final List<ConsoleLine> pending = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    private ConsoleRelay(String runId) {
        this.runId = runId;
    }

    static ConsoleRelay start(Process process, String runId, PrintStream out, PrintStream err) {
        ConsoleRelay relay = new ConsoleRelay(runId);
        relay.read(process.getInputStream(), "stdout", out);
        relay.read(process.getErrorStream(), "stderr", err);
        return relay;
    }

    /** A relay for a trial whose child never started: it only carries {@link #note}s. */
    static ConsoleRelay withoutProcess(String runId) {
        return new ConsoleRelay(runId);
    }

    /** Keeps an extra line, such as the reason a child could not start. */
    void note(String stream, String text) {
        synchronized (pending) {
            pending.add(new ConsoleLine(stream, nextLine.getAndIncrement(), text));
        }
    }

    /** Waits until both streams are closed (the child and whatever inherited them have exited). */
    void awaitEnd(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (Thread reader : readers) {
            reader.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    /** Posts the lines kept so far; on failure keeps them for the next call. */
    void ship(SweepController controller) throws IOException {
        while (true) {
            List<ConsoleLine> batch;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(pending.subList(0, Math.min(MAX_BATCH_LINES, pending.size())));
            }
            controller.console(runId, batch);
            synchronized (pending) {
                pending.subList(0, batch.size()).clear();
            }
        }
    }

    private void read(InputStream stream, String name, PrintStream echo) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String text;
                while ((text = in.readLine()) != null) {
                    if (text.length() > MAX_LINE_CHARS) {
                        text = text.substring(0, MAX_LINE_CHARS);
                    }
                    synchronized (pending) {
                        // numbered under the same lock as the list, so lines stay in number order
                        pending.add(new ConsoleLine(name, nextLine.getAndIncrement(), text));
                    }
                    echo.println("[" + runId + "] " + text);
                }
            } catch (IOException e) {
                // The child closed the pipe abruptly (killed); what was read is kept.
            }
        }, "cairn-agent-" + name + "-" + runId);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }
}
