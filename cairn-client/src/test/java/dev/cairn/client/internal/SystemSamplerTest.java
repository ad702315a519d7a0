package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSamplerTest {
    @TempDir
    Path dir;

    @Test
    void a_sample_on_linux_has_cpu_memory_disk_and_network_with_units_in_the_names() {
        assumeTrue(Files.isReadable(Path.of("/proc/meminfo")), "not Linux");
        try (SystemSampler sampler = SystemSampler.start(dir, 3_600_000, record -> { })) {
            Map<String, Object> sample = sampler.sample();

            assertThat(sample).containsKeys("proc.cpu_percent", "proc.memory_rss_mb", "memory.used_mb",
                    "memory.total_mb", "memory.percent", "disk.used_percent", "network.recv_bytes", "network.sent_bytes");
            assertThat((Double) sample.get("memory.percent")).isBetween(0.0, 100.0);
            assertThat((Double) sample.get("proc.memory_rss_mb")).isPositive();
            assertThat(sample.keySet()).allSatisfy(key -> assertThat(key).matches("[a-z0-9_.]+"));
        }
    }
}
