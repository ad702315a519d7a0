"""System metrics: CPU, memory, disk, network (from ``/proc``), GPUs (from ``nvidia-smi``).

A daemon thread samples every ``interval_s`` and emits one ``system`` record per sample. Keys are the
ones the Java SDK uses (docs/records.md, "System metric names"): ``cpu_percent`` (% of all cores busy),
``memory.percent``, ``memory.used_mb``, ``memory.total_mb``, ``disk.used_percent`` (the run folder's file
system), ``network.sent_bytes`` / ``network.recv_bytes`` (since the run started), ``proc.cpu_percent``,
``proc.threads``, ``proc.memory_rss_mb``, ``proc.memory_percent`` and the ``gpu.<i>.*`` keys of
:mod:`cairn.gpu`. What a platform cannot tell (no ``/proc`` on macOS) is left out.

>>> parse_cpu_jiffies("cpu  100 0 50 800 50 0 0 0 0 0\\ncpu0 1 2 3 4")
(150, 1000)
"""
from __future__ import annotations

import os
import threading
import time
from typing import Callable, Dict, Optional, Tuple

from . import gpu

Values = Dict[str, float]


def parse_cpu_jiffies(proc_stat: str) -> Tuple[int, int]:
    """(busy, total) jiffies of all CPUs from ``/proc/stat``; idle and iowait count as not busy."""
    for line in proc_stat.splitlines():
        if line.startswith("cpu "):
            ticks = [int(x) for x in line.split()[1:]]
            total = sum(ticks[:8])  # guest time is already inside user/nice
            idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
            return total - idle, total
    raise ValueError("no aggregate 'cpu' line in /proc/stat")


def parse_meminfo_kb(meminfo: str) -> Dict[str, int]:
    """``/proc/meminfo`` as {field: kB}.

    >>> parse_meminfo_kb("MemTotal:  1000 kB\\nMemAvailable: 250 kB")["MemAvailable"]
    250
    """
    fields = {}
    for line in meminfo.splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            fields[name.strip()] = int(parts[0])
    return fields


def parse_net_dev_bytes(net_dev: str) -> Tuple[int, int]:
    """(received, sent) bytes over all interfaces but loopback, from ``/proc/net/dev``.

    >>> parse_net_dev_bytes("h1\\nh2\\n  lo: 5 1 0 0 0 0 0 0 5 1\\n eth0: 100 2 0 0 0 0 0 0 40 1")
    (100, 40)
    """
    received = sent = 0
    for line in net_dev.splitlines()[2:]:
        name, _, rest = line.partition(":")
        columns = rest.split()
        if name.strip() == "lo" or len(columns) < 9:
            continue
        received += int(columns[0])
        sent += int(columns[8])
    return received, sent


def parse_process_cpu_ticks(self_stat: str) -> int:
    """utime + stime of ``/proc/self/stat`` (fields 14 and 15, counted after the parenthesised name)."""
    after_name = self_stat.rsplit(")", 1)[1].split()
    return int(after_name[11]) + int(after_name[12])


def parse_status_field(self_status: str, field: str) -> Optional[int]:
    """A numeric field of ``/proc/self/status`` (``VmRSS`` in kB, ``Threads``)."""
    for line in self_status.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


class SystemSampler:
    """Samples system metrics in a daemon thread and hands each sample to ``emit``."""

    def __init__(self, emit: Callable[[Values], None], interval_s: float, disk_path: str,
                 read_gpus: Callable[[], Optional[str]] = gpu.query) -> None:
        self._emit = emit
        self._interval_s = interval_s
        self._disk_path = disk_path
        self._read_gpus = read_gpus
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="cairn-system", daemon=True)
        self._has_gpus = True
        self._cpu: Optional[Tuple[int, int]] = None
        self._process_ticks: Optional[Tuple[int, float]] = None
        self._net_start: Optional[Tuple[int, int]] = None

    def start(self) -> None:
        self.sample()  # baseline for the deltas
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5.0)

    def _loop(self) -> None:
        while not self._stop.wait(self._interval_s):
            values = self.sample()
            if values and not self._stop.is_set():
                self._emit(values)

    def sample(self) -> Values:
        """One sample; rates (CPU %) cover the time since the previous sample."""
        values: Values = {}
        for part in (self._cpu_values, self._memory_values, self._process_values, self._disk_values,
                     self._network_values, self._gpu_values):
            try:
                values.update(part())
            except (OSError, ValueError, IndexError):
                pass  # that source is missing here (not Linux, a container without /proc/net)
        return values

    def _cpu_values(self) -> Values:
        busy, total = parse_cpu_jiffies(_read("/proc/stat"))
        previous, self._cpu = self._cpu, (busy, total)
        if previous is None or total <= previous[1]:
            return {}
        return {"cpu_percent": 100.0 * (busy - previous[0]) / (total - previous[1])}

    def _memory_values(self) -> Values:
        info = parse_meminfo_kb(_read("/proc/meminfo"))
        total, available = info["MemTotal"], info["MemAvailable"]
        return {"memory.percent": 100.0 * (total - available) / total,
                "memory.used_mb": (total - available) / 1024.0, "memory.total_mb": total / 1024.0}

    def _process_values(self) -> Values:
        status = _read("/proc/self/status")
        values: Values = {}
        rss_kb = parse_status_field(status, "VmRSS")
        threads = parse_status_field(status, "Threads")
        if rss_kb is not None:
            values["proc.memory_rss_mb"] = rss_kb / 1024.0
            total_kb = parse_meminfo_kb(_read("/proc/meminfo")).get("MemTotal")
            if total_kb:
                values["proc.memory_percent"] = 100.0 * rss_kb / total_kb
        if threads is not None:
            values["proc.threads"] = float(threads)
        ticks, now = parse_process_cpu_ticks(_read("/proc/self/stat")), time.monotonic()
        previous, self._process_ticks = self._process_ticks, (ticks, now)
        if previous is not None and now > previous[1]:
            hz = os.sysconf("SC_CLK_TCK")
            values["proc.cpu_percent"] = 100.0 * (ticks - previous[0]) / hz / (now - previous[1])
        return values

    def _disk_values(self) -> Values:
        stat = os.statvfs(self._disk_path)
        total = stat.f_blocks * stat.f_frsize
        free = stat.f_bavail * stat.f_frsize
        return {"disk.used_percent": 100.0 * (total - free) / total} if total else {}

    def _network_values(self) -> Values:
        received, sent = parse_net_dev_bytes(_read("/proc/net/dev"))
        if self._net_start is None:
            self._net_start = (received, sent)
        return {"network.recv_bytes": float(received - self._net_start[0]),
                "network.sent_bytes": float(sent - self._net_start[1])}

    def _gpu_values(self) -> Values:
        if not self._has_gpus:
            return {}
        text = self._read_gpus()
        if text is None:
            self._has_gpus = False  # no nvidia-smi: don't try again every sample
            return {}
        return gpu.parse_nvidia_smi(text)


def _read(path: str) -> str:
    with open(path, "r") as f:
        return f.read()
