"""System metrics parsing: nvidia-smi output and /proc files, as pure functions."""
from __future__ import annotations

import unittest

from cairn.gpu import parse_gpu_names, parse_nvidia_smi
from cairn.system import (SystemSampler, parse_cpu_jiffies, parse_meminfo_kb, parse_net_dev_bytes,
                          parse_process_cpu_ticks, parse_status_field)

# nvidia-smi --query-gpu=index,name,utilization.gpu,utilization.memory,memory.used,memory.total,
#   temperature.gpu,power.draw,power.limit --format=csv,noheader,nounits
TWO_GPUS = ("0, NVIDIA H100 80GB HBM3, 98, 45, 40960, 81559, 67, 612.34, 700.00\n"
            "1, NVIDIA H100 80GB HBM3, 0, 0, 4, 81559, 31, 71.20, 700.00\n")
NOT_SUPPORTED = "0, Tesla T4, 12, 3, 300, 15360, 40, [N/A], [Not Supported]\n"


class NvidiaSmiTest(unittest.TestCase):
    def test_each_gpu_gets_its_own_keys(self) -> None:
        values = parse_nvidia_smi(TWO_GPUS)
        self.assertEqual(values["gpu.0.utilization_percent"], 98.0)
        self.assertEqual(values["gpu.0.memory_busy_percent"], 45.0)
        self.assertAlmostEqual(values["gpu.0.memory_percent"], 100 * 40960 / 81559)
        self.assertEqual(values["gpu.0.memory_used_mb"], 40960)
        self.assertEqual(values["gpu.0.temperature_c"], 67.0)
        self.assertAlmostEqual(values["gpu.0.power_w"], 612.34)
        self.assertAlmostEqual(values["gpu.0.power_percent"], 100 * 612.34 / 700)
        self.assertEqual(values["gpu.1.utilization_percent"], 0.0)
        self.assertEqual(values["gpu.1.temperature_c"], 31.0)

    def test_fields_a_gpu_does_not_report_are_left_out(self) -> None:
        values = parse_nvidia_smi(NOT_SUPPORTED)
        self.assertEqual(values["gpu.0.utilization_percent"], 12.0)
        self.assertNotIn("gpu.0.power_w", values)
        self.assertNotIn("gpu.0.power_percent", values)

    def test_error_text_and_empty_output_give_no_values(self) -> None:
        self.assertEqual(parse_nvidia_smi(""), {})
        self.assertEqual(parse_nvidia_smi("NVIDIA-SMI has failed because it couldn't communicate "
                                          "with the NVIDIA driver.\n"), {})

    def test_names_are_read_in_index_order(self) -> None:
        self.assertEqual(parse_gpu_names(TWO_GPUS), ["NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3"])


class ProcFilesTest(unittest.TestCase):
    def test_cpu_busy_excludes_idle_and_iowait(self) -> None:
        busy, total = parse_cpu_jiffies("cpu  10 2 3 80 5 0 0 0 0 0\ncpu0 1 1 1 1 1 0 0 0 0 0\n")
        self.assertEqual((busy, total), (15, 100))

    def test_meminfo_fields_are_kilobytes(self) -> None:
        info = parse_meminfo_kb("MemTotal:       16000000 kB\nMemFree: 1000 kB\nMemAvailable:    8000000 kB\n")
        self.assertEqual((info["MemTotal"], info["MemAvailable"]), (16000000, 8000000))

    def test_network_totals_leave_loopback_out(self) -> None:
        text = ("Inter-|   Receive                                                |  Transmit\n"
                " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets\n"
                "    lo: 9999 10 0 0 0 0 0 0 9999 10 0 0 0 0 0 0\n"
                "  eth0: 1000 10 0 0 0 0 0 0 300 3 0 0 0 0 0 0\n"
                "  eth1: 24 1 0 0 0 0 0 0 6 1 0 0 0 0 0 0\n")
        self.assertEqual(parse_net_dev_bytes(text), (1024, 306))

    def test_process_ticks_survive_spaces_and_parens_in_the_name(self) -> None:
        stat = "1234 (my (odd) prog) S 1 1234 1234 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 4 0"
        self.assertEqual(parse_process_cpu_ticks(stat), 300)

    def test_status_fields(self) -> None:
        status = "Name:\tpython3\nVmRSS:\t  204800 kB\nThreads:\t12\n"
        self.assertEqual(parse_status_field(status, "VmRSS"), 204800)
        self.assertEqual(parse_status_field(status, "Threads"), 12)
        self.assertIsNone(parse_status_field(status, "VmSwap"))

    def test_a_real_sample_on_this_machine_has_memory_and_disk(self) -> None:
        sampler = SystemSampler(lambda values: None, 60, ".", read_gpus=lambda: TWO_GPUS)
        sampler.sample()
        values = sampler.sample()
        self.assertIn("disk.used_percent", values)
        self.assertEqual(values["gpu.1.temperature_c"], 31.0)
        import sys
        if sys.platform.startswith("linux"):
            self.assertGreater(values["memory.percent"], 0)
            self.assertGreater(values["proc.memory_rss_mb"], 0)


if __name__ == "__main__":
    unittest.main()
