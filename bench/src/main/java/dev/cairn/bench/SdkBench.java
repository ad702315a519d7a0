package dev.cairn.bench;

import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Mode;
import dev.cairn.client.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code Run.log()} costs the training thread: 10 metrics per call, timed one call at a time with
 * {@link System#nanoTime()}. The run is offline, into a temporary folder, so the figures are the SDK's
 * own (copy, queue, and waits for the disk writer when the queue is full), not the network's.
 *
 * <pre>{@code
 * SdkBench.run(System.out);   // sdk.log.median: 0.250 us
 *                             // sdk.log.p99: 1.900 us
 * }</pre>
 */
public final class SdkBench {
    private static final int WARMUP_CALLS = 300_000;
    private static final int TIMED_CALLS = 1_000_000;
    private static final int METRICS = 10;

    private SdkBench() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    public static void run(PrintStream out) {
        Path dir;
        try {
            dir = Files.createTempDirectory("cairn-sdk-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long[] nanos = measure(dir);
            Arrays.sort(nanos);
            out.printf(Locale.ROOT, "sdk.log.median: %.3f us%n", percentile(nanos, 0.50) / 1000.0);
            out.printf(Locale.ROOT, "sdk.log.p99: %.3f us%n", percentile(nanos, 0.99) / 1000.0);
        } finally {
            deleteTree(dir);
        }
    }

    private static long[] measure(Path dir) {
        Run run = Cairn.init(InitOptions.builder().mode(Mode.OFFLINE).dir(dir).entity("bench").project("sdk")
                .sampleIntervalMs(0).build());
        // The maps are built before timing: making them is the caller's work, logging them is the SDK's.
        Map<String, Object>[] inputs = inputs(1024);
        try {
            for (int i = 0; i < WARMUP_CALLS; i++) {
                run.log(inputs[i & 1023]);
            }
            long[] nanos = new long[TIMED_CALLS];
            for (int i = 0; i < TIMED_CALLS; i++) {
                Map<String, Object> values = inputs[i & 1023];
                long start = System.nanoTime();
                run.log(values);
                nanos[i] = System.nanoTime() - start;
            }
            return nanos;
        } finally {
            run.finish();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] inputs(int count) {
        Map<String, Object>[] inputs = new Map[count];
        for (int i = 0; i < count; i++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int m = 0; m < METRICS; m++) {
                values.put("train/metric_" + m, Math.sin(i + m) * 0.5 + 0.5);
            }
            inputs[i] = values;
        }
        return inputs;
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; the OS cleans it up eventually.
        }
    }
}
