"""GPU metrics from ``nvidia-smi``, when it is installed.

>>> values = parse_nvidia_smi("0, NVIDIA H100 80GB HBM3, 37, 12, 1024, 81559, 41, 120.5, 700.00\\n")
>>> values["gpu.0.utilization_percent"], values["gpu.0.temperature_c"], values["gpu.0.power_w"]
(37.0, 41.0, 120.5)
"""
from __future__ import annotations

import shutil
import subprocess
from typing import Dict, List, Optional

QUERY_FIELDS = ("index", "name", "utilization.gpu", "utilization.memory", "memory.used", "memory.total",
                "temperature.gpu", "power.draw", "power.limit")


def query_command() -> List[str]:
    return ["nvidia-smi", f"--query-gpu={','.join(QUERY_FIELDS)}", "--format=csv,noheader,nounits"]


def parse_nvidia_smi(text: str) -> Dict[str, float]:
    """System-metric values from ``nvidia-smi --query-gpu=<QUERY_FIELDS> --format=csv,noheader,nounits``.

    Keys are the ones the Java SDK uses (docs/records.md, "System metric names"):
    ``gpu.<i>.utilization_percent``, ``gpu.<i>.memory_busy_percent`` (memory controller),
    ``gpu.<i>.memory_used_mb``, ``gpu.<i>.memory_percent`` (of memory used), ``gpu.<i>.temperature_c``,
    ``gpu.<i>.power_w``, ``gpu.<i>.power_percent`` (of the power limit). Fields a GPU does not report
    (``[N/A]``, ``[Not Supported]``) are left out, as are lines that do not parse.
    """
    values: Dict[str, float] = {}
    for cells in _rows(text):
        row = dict(zip(QUERY_FIELDS, cells))
        prefix = f"gpu.{row['index']}."

        def number(field: str) -> Optional[float]:
            try:
                return float(row[field])
            except ValueError:
                return None

        used, total = number("memory.used"), number("memory.total")
        power, limit = number("power.draw"), number("power.limit")
        found = {
            "utilization_percent": number("utilization.gpu"),
            "memory_busy_percent": number("utilization.memory"),
            "memory_used_mb": used,
            "memory_percent": 100.0 * used / total if used is not None and total else None,
            "temperature_c": number("temperature.gpu"),
            "power_w": power,
            "power_percent": 100.0 * power / limit if power is not None and limit else None,
        }
        values.update({prefix + k: v for k, v in found.items() if v is not None})
    return values


def parse_gpu_names(text: str) -> List[str]:
    """GPU names from the same query output, in index order (for the run's metadata)."""
    return [cells[1] for cells in _rows(text)]


def _rows(text: str) -> List[List[str]]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split(",")]
        extra = len(cells) - len(QUERY_FIELDS)
        if extra > 0:  # a GPU name holding commas
            cells[1:2 + extra] = [", ".join(cells[1:2 + extra])]
        if len(cells) == len(QUERY_FIELDS) and cells[0].isdigit():
            rows.append(cells)
    return rows


def query() -> Optional[str]:
    """The raw query output, or None when there is no ``nvidia-smi`` or it fails."""
    if shutil.which("nvidia-smi") is None:
        return None
    try:
        done = subprocess.run(query_command(), capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
