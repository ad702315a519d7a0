package dev.cairn.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn server} in a JVM of its own, started the way a user starts it, so tests can send it
 * SIGTERM or kill it with -9. Its output goes to a file in the data folder.
 */
final class ServerProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final Process process;
    final long startNanos;
    final int port;
    final Path log;

    private ServerProcess(Process process, long startNanos, int port, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code cairn server --port PORT --data DIR EXTRA...}; does not wait for it to be ready. */
    static ServerProcess start(Path dataDir, int port, String... extraArgs) throws IOException {
        Files.createDirectories(dataDir);
        Path log = Files.createTempFile(dataDir, "server-", ".log");
        List<String> command = new ArrayList<>(JavaProcess.command(Main.class.getName()));
        command.addAll(List.of("server", "--port", Integer.toString(port), "--data", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        long startNanos = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(process, startNanos, port, log);
    }

    /** A port that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls health until it answers 200; returns the milliseconds since the process was started. */
    long awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/api/v1/health")).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new AssertionError("server did not answer health within " + timeout + ":\n" + output());
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
