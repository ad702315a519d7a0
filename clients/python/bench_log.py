"""Measures what ``log()`` costs the training loop: 10 metrics per call, offline mode.

    python3 clients/python/bench_log.py [calls]

Prints ``python.log.median: X us`` and ``python.log.p99: X us`` (target: median <= 20 us).
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cairn  # noqa: E402


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    warmup = 1_000
    with tempfile.TemporaryDirectory() as folder:
        run = cairn.init(project="bench", mode="offline", dir=folder,
                         settings=cairn.Settings(console="off", system_interval_s=0, silent=True))
        keys = [f"metric_{i}" for i in range(10)]
        durations_ns = []
        clock = time.perf_counter_ns
        for i in range(calls + warmup):
            values = {key: i * 0.001 + j for j, key in enumerate(keys)}
            start = clock()
            run.log(values)
            durations_ns.append(clock() - start)
        run.finish()
    measured = sorted(durations_ns[warmup:])
    median_us = statistics.median(measured) / 1000.0
    p99_us = measured[int(len(measured) * 0.99) - 1] / 1000.0
    print(f"python.log.median: {median_us:.1f} us")
    print(f"python.log.p99: {p99_us:.1f} us")


if __name__ == "__main__":
    main()
