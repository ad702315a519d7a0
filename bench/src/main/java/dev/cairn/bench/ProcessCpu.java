package dev.cairn.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time this JVM has used (all its threads: SDK, server, JIT, GC). On a machine shared with other work,
 * wall-clock rates move with the load; CPU per point moves much less, so it is printed beside them.
 *
 * <pre>{@code
 * long before = ProcessCpu.nanos();
 * work();
 * double cpuSeconds = (ProcessCpu.nanos() - before) / 1e9;
 * }</pre>
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used so far, or -1 where the JVM cannot tell. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
