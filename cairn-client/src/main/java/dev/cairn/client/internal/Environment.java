package dev.cairn.client.internal;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run comes from, captured once at init as its {@code metadata} record: host, OS, Java, command
 * line, working folder, user, CPUs, memory, git state and the jars on the class path. A value that can't
 * be read is left out rather than guessed.
 */
public final class Environment {
    private Environment() {
    }

    public static Map<String, Object> capture(Path workingDir) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("host", hostName());
        env.put("os", Map.of("name", System.getProperty("os.name", ""), "version", System.getProperty("os.version", ""),
                "arch", System.getProperty("os.arch", "")));
        env.put("java", Map.of("version", System.getProperty("java.version", ""),
                "vendor", System.getProperty("java.vendor", ""), "vm", System.getProperty("java.vm.name", "")));
        ProcessHandle.Info process = ProcessHandle.current().info();
        process.commandLine().ifPresent(line -> env.put("command_line", line));
        process.command().ifPresent(command -> env.put("executable", command));
        env.put("pid", ProcessHandle.current().pid());
        env.put("working_dir", workingDir.toString());
        env.put("user", System.getProperty("user.name", ""));
        env.put("cpu_count", Runtime.getRuntime().availableProcessors());
        Long memoryTotalBytes = memoryTotalBytes();
        if (memoryTotalBytes != null) {
            env.put("memory_total_mb", memoryTotalBytes / (1024 * 1024));
        }
        env.put("jvm_max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        GitInfo.capture(workingDir).ifPresent(git -> env.put("git", git.toMap()));
        env.put("dependencies", dependencies(System.getProperty("java.class.path", "")));
        return env;
    }

    /** The jar file names on a class path, in order: {@code jackson-databind-2.21.2.jar}, ... */
    static List<String> dependencies(String classPath) {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(Path.of(entry).getFileName().toString());
            }
        }
        return jars;
    }

    private static String hostName() {
        // /etc/hostname and HOSTNAME avoid InetAddress's DNS lookup, which can stall for seconds.
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String name = Files.readString(etc).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (java.io.IOException e) {
            // fall through
        }
        String env = System.getenv(System.getProperty("os.name", "").startsWith("Windows") ? "COMPUTERNAME" : "HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown";
        }
    }

    private static Long memoryTotalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return null;
    }
}
