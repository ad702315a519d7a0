package dev.cairn.bench;

import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from starting {@code java -jar cairn.jar server} on a fresh data folder to its first healthy
 * answer: the "ready in under 3 s" figure. Prints {@code server.ready: X ms} (median of 5 starts).
 * Runs only from the packaged jar, which it starts as a separate process, as a user would.
 */
final class StartupBench {
    private static final int STARTS = 5;
    private static final long GIVE_UP_MS = 60_000;

    private StartupBench() {
    }

    static void run(PrintStream out, String ignoredDbUrl) throws Exception {
        Path jar = Path.of(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!jar.toString().endsWith(".jar")) {
            throw new BenchSetupException("run it from the packaged jar: ./cairn bench startup");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Double> readyMs = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            readyMs.add(timeOneStart(java, jar));
        }
        Collections.sort(readyMs);
        out.printf(Locale.ROOT, "server.ready: %.0f ms%n", readyMs.get(STARTS / 2));
    }

    private static double timeOneStart(String java, Path jar) throws Exception {
        Path data = BenchRuns.scratch("cairn-bench-startup");
        int port = freePort();
        long startNanos = System.nanoTime();
        Process server = new ProcessBuilder(java, "-jar", jar.toString(), "server", "--port", Integer.toString(port),
                "--data", data.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (!isHealthy(port)) {
                if (!server.isAlive() || System.nanoTime() - startNanos > TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MS)) {
                    throw new IllegalStateException("the server did not answer within " + GIVE_UP_MS + " ms");
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - startNanos) / 1e6;
        } finally {
            server.destroy();
            server.waitFor(15, TimeUnit.SECONDS);
            BenchRuns.delete(data);
        }
    }

    private static boolean isHealthy(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/health").toURL().openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
