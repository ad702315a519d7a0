package dev.cairn.client.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPU metrics from {@code nvidia-smi}, when it is on the PATH.
 *
 * <pre>{@code
 * Map<String, Double> gpu = NvidiaSmi.parse("0, 87, 10240, 81559, 64, 301.55\n");
 * gpu.get("gpu.0.memory_percent");   // 12.55...
 * }</pre>
 */
public final class NvidiaSmi {
    static final List<String> QUERY = List.of("nvidia-smi",
            "--query-gpu=index,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw",
            "--format=csv,noheader,nounits");
    private static final long TIMEOUT_MS = 5_000;

    private NvidiaSmi() {
    }

    /** Whether nvidia-smi can be asked at all; checked once per run. */
    public static boolean isAvailable() {
        return Command.isOnPath("nvidia-smi");
    }

    /** Asks nvidia-smi now; empty when it fails. */
    public static Map<String, Double> sample() {
        String output = Command.run(null, QUERY, TIMEOUT_MS, 64 * 1024, null);
        return output == null ? Map.of() : parse(output);
    }

    /**
     * Parses the CSV lines of {@link #QUERY}: one GPU per line, in the query's column order. Fields that
     * the GPU does not report ({@code [N/A]}, {@code [Not Supported]}) are left out; so are malformed lines.
     */
    public static Map<String, Double> parse(String csv) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String line : csv.split("\\R")) {
            String[] fields = line.split(",");
            if (fields.length < 6) {
                continue;
            }
            Double index = number(fields[0]);
            if (index == null) {
                continue;
            }
            String prefix = "gpu." + index.intValue() + ".";
            Double utilization = number(fields[1]);
            Double memoryUsedMb = number(fields[2]);
            Double memoryTotalMb = number(fields[3]);
            put(metrics, prefix + "utilization_percent", utilization);
            put(metrics, prefix + "memory_used_mb", memoryUsedMb);
            if (memoryUsedMb != null && memoryTotalMb != null && memoryTotalMb > 0) {
                metrics.put(prefix + "memory_percent", 100.0 * memoryUsedMb / memoryTotalMb);
            }
            put(metrics, prefix + "temperature_c", number(fields[4]));
            put(metrics, prefix + "power_w", number(fields[5]));
        }
        return metrics;
    }

    private static void put(Map<String, Double> metrics, String key, Double value) {
        if (value != null) {
            metrics.put(key, value);
        }
    }

    private static Double number(String field) {
        try {
            double value = Double.parseDouble(field.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
