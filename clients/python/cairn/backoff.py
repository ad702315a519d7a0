"""Waiting longer after each failed attempt.

>>> b = Backoff(0.5, 4.0); [b.next_delay_s() for _ in range(5)]
[0.5, 1.0, 2.0, 4.0, 4.0]
"""
from __future__ import annotations


class Backoff:
    """Exponential delays between failed attempts: ``initial_s``, doubling, at most ``max_s``."""

    def __init__(self, initial_s: float = 0.5, max_s: float = 10.0) -> None:
        self.initial_s = initial_s
        self.max_s = max_s
        self._next_s = initial_s

    def next_delay_s(self) -> float:
        delay, self._next_s = self._next_s, min(self._next_s * 2, self.max_s)
        return delay

    def reset(self) -> None:
        self._next_s = self.initial_s
