package dev.cairn.bench;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every benchmark by name, for {@code ./cairn bench NAME}. Each prints {@code key: value unit} lines.
 *
 * <pre>{@code
 * Benchmarks.run("ingest", System.out, null);                                    // throw-away SQLite
 * Benchmarks.run("runs", System.out, "postgresql://cairn:cairn@127.0.0.1:5432/cairn");
 * }</pre>
 */
public final class Benchmarks {
    /** One benchmark; {@code dbUrl} is null for a throw-away SQLite store, and ignored where no store is involved. */
    @FunctionalInterface
    public interface Benchmark {
        void run(PrintStream out, String dbUrl) throws Exception;
    }

    /** A benchmark with what it measures and whether {@code --db} applies to it. */
    public record Entry(String description, boolean usesDatabase, Benchmark benchmark) {
    }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        ALL.put("sdk", new Entry("the cost of Run.log() with 10 metrics to the training thread (offline, no server)",
                false, (out, dbUrl) -> SdkBench.run(out)));
        ALL.put("python", new Entry("the cost of the Python client's log() with 10 metrics (offline), beside the Java SDK's",
                false, (out, dbUrl) -> PythonBench.run(out)));
        ALL.put("ingest", new Entry("points/s from one SDK client over loopback HTTP into a server, and the store's ceiling",
                true, IngestBench::run));
        ALL.put("history", new Entry("a 1,000-bucket downsample of a 10,000,000-point and a 10,000-point series",
                true, HistoryBench::run));
        ALL.put("runs", new Entry("the first page of a filtered, sorted list of a 100,000-run project over HTTP",
                true, RunsBench::run));
        ALL.put("startup", new Entry("time from starting the server process to its first healthy answer",
                false, StartupBench::run));
        ALL.put("ui", new Entry("the dashboard in headless chromium: charts of a 1,000-run project, a 10,000-run table, a 1,000-metric run",
                true, UiBench::run));
        ALL.put("sweep", new Entry("median regret of random vs bayes search on test functions, and one suggestion's p99",
                false, (out, dbUrl) -> SweepBench.run(out)));
        ALL.put("sweep-controller", new Entry("p50/p99 of the server's next trial (bayes, 200 finished trials) over HTTP",
                true, SweepControllerBench::run));
    }

    private Benchmarks() {
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(ALL.keySet());
    }

    /** The named benchmark; {@link IllegalArgumentException} naming the known ones when there is none. */
    public static Entry get(String name) {
        Entry entry = ALL.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no benchmark '" + name + "'; one of " + String.join(", ", names()));
        }
        return entry;
    }

    public static void run(String name, PrintStream out, String dbUrl) throws Exception {
        get(name).benchmark().run(out, dbUrl);
    }

    /** {@code java -cp cairn.jar dev.cairn.bench.Benchmarks NAME [DB_URL]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Benchmarks NAME [DB_URL]; NAME is one of " + String.join(", ", names()));
            System.exit(2);
        }
        run(args[0], System.out, args.length == 2 ? args[1] : null);
    }
}
