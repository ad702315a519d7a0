package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NvidiaSmiTest {
    @Test
    void each_gpu_line_becomes_metrics_named_with_their_units() {
        Map<String, Double> metrics = NvidiaSmi.parse("""
                0, 87, 10240, 81559, 64, 301.55
                1, 0, 4, 81559, 31, 61.20
                """);

        assertThat(metrics).containsOnlyKeys(
                "gpu.0.utilization_percent", "gpu.0.memory_used_mb", "gpu.0.memory_percent", "gpu.0.temperature_c",
                "gpu.0.power_w", "gpu.1.utilization_percent", "gpu.1.memory_used_mb", "gpu.1.memory_percent",
                "gpu.1.temperature_c", "gpu.1.power_w");
        assertThat(metrics).contains(entry("gpu.0.utilization_percent", 87.0), entry("gpu.0.memory_used_mb", 10240.0),
                entry("gpu.0.temperature_c", 64.0), entry("gpu.0.power_w", 301.55), entry("gpu.1.power_w", 61.2));
        assertThat(metrics.get("gpu.0.memory_percent")).isCloseTo(12.555, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void fields_a_gpu_does_not_report_are_left_out() {
        Map<String, Double> metrics = NvidiaSmi.parse("""
                0, [N/A], 512, 16384, 45, [N/A]
                1, 12, [Not Supported], 16384, [N/A], 70.01
                """);

        assertThat(metrics).containsOnlyKeys("gpu.0.memory_used_mb", "gpu.0.memory_percent", "gpu.0.temperature_c",
                "gpu.1.utilization_percent", "gpu.1.power_w");
    }

    @Test
    void noise_and_windows_line_ends_are_ignored() {
        Map<String, Double> metrics = NvidiaSmi.parse(
                "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\r\n\r\n3, 5, 1, 2, 40, 30\r\n");
        assertThat(metrics).containsEntry("gpu.3.utilization_percent", 5.0).containsEntry("gpu.3.power_w", 30.0);
    }
}
