package dev.cairn.client.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples the machine every interval on its own daemon thread and emits a {@code system} record:
 * CPU (system, and this process as a percent of one core), memory, the data folder's disk, network,
 * and GPUs via nvidia-smi. What the platform does not offer is left out. Byte counters count from the
 * run's start. Names carry units: {@code memory.used_mb}, {@code disk.read_bytes}, {@code gpu.0.power_w}.
 */
public final class SystemSampler implements AutoCloseable {
    private static final long MB = 1024 * 1024;

    private final ScheduledExecutorService executor;
    private final Path dataDir;
    private final long[] deviceMajorMinor;
    private final boolean hasGpu;
    private final long[] diskBaseline;
    private final long[] networkBaseline;
    private long lastProcessCpuNanos;
    private long lastWallNanos;

    private SystemSampler(Path dataDir) {
        this.dataDir = dataDir;
        this.deviceMajorMinor = deviceOf(dataDir);
        this.hasGpu = NvidiaSmi.isAvailable();
        this.diskBaseline = diskCounters();
        this.networkBaseline = ProcFiles.networkReceivedSentBytes(ProcFiles.read("/proc/net/dev"));
        this.lastProcessCpuNanos = processCpuNanos();
        this.lastWallNanos = System.nanoTime();
        this.executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "cairn-system-sampler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts sampling every {@code intervalMs}; each sample goes to {@code emit} as a system record. */
    public static SystemSampler start(Path dataDir, long intervalMs, Consumer<PendingRecord> emit) {
        SystemSampler sampler = new SystemSampler(dataDir);
        sampler.executor.scheduleAtFixedRate(() -> {
            try {
                emit.accept(PendingRecord.ofValues("system", sampler.sample(), PendingRecord.NO_STEP));
            } catch (RuntimeException e) {
                // A failed sample is skipped; the next one tries again.
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** One sample now. */
    Map<String, Object> sample() {
        Map<String, Object> values = new LinkedHashMap<>();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double systemLoad = os.getCpuLoad();
            if (systemLoad >= 0) {
                values.put("cpu_percent", 100 * systemLoad);
            }
        }
        long cpuNanos = processCpuNanos();
        long wallNanos = System.nanoTime();
        if (cpuNanos >= 0 && lastProcessCpuNanos >= 0 && wallNanos > lastWallNanos) {
            values.put("proc.cpu_percent", 100.0 * (cpuNanos - lastProcessCpuNanos) / (wallNanos - lastWallNanos));
        }
        lastProcessCpuNanos = cpuNanos;
        lastWallNanos = wallNanos;
        long rssBytes = ProcFiles.kilobytesField(ProcFiles.read("/proc/self/status"), "VmRSS");
        if (rssBytes >= 0) {
            values.put("proc.memory_rss_mb", (double) rssBytes / MB);
        }
        putMemory(values);
        putDisk(values);
        long[] network = ProcFiles.networkReceivedSentBytes(ProcFiles.read("/proc/net/dev"));
        if (network != null && networkBaseline != null) {
            values.put("network.recv_bytes", network[0] - networkBaseline[0]);
            values.put("network.sent_bytes", network[1] - networkBaseline[1]);
        }
        if (hasGpu) {
            values.putAll(NvidiaSmi.sample());
        }
        return values;
    }

    private static void putMemory(Map<String, Object> values) {
        String meminfo = ProcFiles.read("/proc/meminfo");
        long totalBytes = ProcFiles.kilobytesField(meminfo, "MemTotal");
        long availableBytes = ProcFiles.kilobytesField(meminfo, "MemAvailable");
        if ((totalBytes < 0 || availableBytes < 0)
                && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            totalBytes = os.getTotalMemorySize();
            availableBytes = os.getFreeMemorySize();
        }
        if (totalBytes > 0 && availableBytes >= 0) {
            values.put("memory.used_mb", (double) (totalBytes - availableBytes) / MB);
            values.put("memory.total_mb", (double) totalBytes / MB);
            values.put("memory.percent", 100.0 * (totalBytes - availableBytes) / totalBytes);
        }
    }

    private void putDisk(Map<String, Object> values) {
        try {
            FileStore store = Files.getFileStore(dataDir);
            long total = store.getTotalSpace();
            if (total > 0) {
                values.put("disk.used_percent", 100.0 * (total - store.getUnallocatedSpace()) / total);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // The folder vanished or the platform can't tell; leave it out.
        }
        long[] disk = diskCounters();
        if (disk != null && diskBaseline != null) {
            values.put("disk.read_bytes", disk[0] - diskBaseline[0]);
            values.put("disk.write_bytes", disk[1] - diskBaseline[1]);
        }
    }

    private long[] diskCounters() {
        return deviceMajorMinor == null ? null
                : ProcFiles.diskReadWriteBytes(ProcFiles.read("/proc/diskstats"), deviceMajorMinor[0], deviceMajorMinor[1]);
    }

    private static long[] deviceOf(Path dir) {
        try {
            return ProcFiles.majorMinor((Long) Files.getAttribute(dir, "unix:dev"));
        } catch (java.io.IOException | RuntimeException e) {
            return null; // not a Unix file system view
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
