package dev.cairn.bench;

import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dashboard at scale, in headless Debian chromium: fills a server through the ingestion API with a
 * project of 1,000 runs x 20 metrics x 10,000 steps ({@code bench/ui1k}), a project of 10,000 runs with
 * summaries ({@code bench/table10k}) and two runs of 20 and 1,000 metrics ({@code bench/wide}), then runs
 * {@code cairn-ui/e2e/bench-ui.mjs}, which prints {@code ui.charts}, {@code ui.table} and the run-page
 * figures. {@code CAIRN_BENCH_UI_RUNS}, {@code _STEPS} and {@code _TABLE_RUNS} shrink it for a quick look;
 * {@code CAIRN_BENCH_UI_DATA=DIR} keeps the SQLite data in DIR and reuses it next time (filling takes minutes).
 *
 * <pre>{@code
 * UiBench.run(System.out, null);   // needs node, cairn-ui/node_modules and /usr/bin/chromium
 * }</pre>
 */
final class UiBench {
    private static final int METRICS = 20;
    private static final int WIDE_METRICS = 1_000;
    private static final int WIDE_STEPS = 1_000;
    private static final int THREADS = 2;

    private UiBench() {
    }

    static void run(PrintStream out, String dbUrl) throws Exception {
        int runs = setting("CAIRN_BENCH_UI_RUNS", 1_000);
        int steps = setting("CAIRN_BENCH_UI_STEPS", 10_000);
        int tableRuns = setting("CAIRN_BENCH_UI_TABLE_RUNS", 10_000);
        Path script = script();
        String keep = System.getenv("CAIRN_BENCH_UI_DATA");
        Path data = keep == null || keep.isBlank() ? BenchRuns.scratch("cairn-bench-ui") : Files.createDirectories(Path.of(keep));
        try (CairnServer server = CairnServer.start(ServerOptions.local(data).withDbUrl(dbUrl))) {
            UiIngest ingest = new UiIngest(server.url());
            if (ingest.hasProject("bench", "wide")) {
                out.println("ui.setup: reusing the projects in " + data);
                browse(out, script, server.url());
                return;
            }
            long startNanos = System.nanoTime();
            inParallel(runs, i -> ingest.run("bench", "ui1k", String.format(Locale.ROOT, "r%04d", i),
                    config(i), METRICS, steps, i));
            double chartsSetupS = (System.nanoTime() - startNanos) / 1e9;
            out.printf(Locale.ROOT, "ui.setup.ingest: %.0f points/s (%d runs x %d metrics x %d steps in %.0f s)%n",
                    (double) runs * METRICS * steps / chartsSetupS, runs, METRICS, steps, chartsSetupS);
            inParallel(tableRuns, i -> ingest.run("bench", "table10k", String.format(Locale.ROOT, "t%05d", i),
                    config(i), METRICS, 1, 100_000 + i));
            ingest.run("bench", "wide", "narrow20", config(0), METRICS, WIDE_STEPS, 1);
            ingest.run("bench", "wide", "wide1000", config(0), WIDE_METRICS, WIDE_STEPS, 2);
            browse(out, script, server.url());
        } finally {
            if (keep == null || keep.isBlank()) {
                BenchRuns.delete(data);
            }
        }
    }

    private static String config(int i) {
        return String.format(Locale.ROOT, "{\"lr\":%s,\"batch\":%d,\"optimizer\":\"%s\"}",
                Math.pow(10, -4 + (i % 37) / 12.0), 16 << (i % 5), i % 3 == 0 ? "sgd" : "adam");
    }

    private interface RunMaker {
        void make(int index) throws Exception;
    }

    private static void inParallel(int count, RunMaker maker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    maker.make(index);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the browser script and copies its {@code key: value unit} lines to {@code out}. */
    private static void browse(PrintStream out, Path script, String url) throws Exception {
        Process node = new ProcessBuilder("node", script.toString(), url)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
            }
        }
        if (node.waitFor() != 0) {
            throw new IllegalStateException("the browser script " + script + " failed (exit " + node.exitValue()
                    + "); it needs node, cairn-ui/node_modules (npm ci) and chromium at /usr/bin/chromium");
        }
    }

    /** {@code cairn-ui/e2e/bench-ui.mjs} under the working folder or one above it (run from the repository). */
    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("cairn-ui/e2e/bench-ui.mjs");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new BenchSetupException("cairn-ui/e2e/bench-ui.mjs not found: run ./cairn bench ui from the repository's folder");
    }

    private static int setting(String name, int defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }
}
