"""The bounded hand-off between ``log()`` and the writer thread.

``queue.Queue`` takes a lock and signals a condition on every ``put``; this queue appends to a deque
and signals only when the writer is asleep, which makes ``put`` a few hundred nanoseconds. When the
queue holds ``max_records``, ``put`` waits for the writer to make room (memory stays bounded).

>>> q = RecordQueue(max_records=10)
>>> q.put({"seq": 1}); q.put({"seq": 2})
>>> q.take_batch(max_records=100, wait_s=0)
[{'seq': 1}, {'seq': 2}]
"""
from __future__ import annotations

import collections
import threading
from typing import Any, Deque, List


class RecordQueue:
    """Many producers, one consumer."""

    def __init__(self, max_records: int) -> None:
        self._items: Deque[Any] = collections.deque()
        self._max_records = max_records
        self._ready = threading.Condition(threading.Lock())
        self._room = threading.Condition(threading.Lock())
        self._is_consumer_asleep = False
        self._is_producer_blocked = False

    def put(self, item: Any) -> None:
        self._items.append(item)
        if self._is_consumer_asleep:
            self._is_consumer_asleep = False  # one wake-up is enough; later puts skip the condition
            with self._ready:
                self._ready.notify()
        if len(self._items) >= self._max_records:
            with self._room:
                while len(self._items) >= self._max_records:
                    self._is_producer_blocked = True
                    self._room.wait(0.1)

    def take_batch(self, max_records: int, wait_s: float) -> List[Any]:
        """Up to ``max_records`` items, oldest first; waits up to ``wait_s`` for the first one."""
        if not self._items and wait_s > 0:
            with self._ready:
                # Set before looking, so a put() between the look and the wait still wakes us.
                self._is_consumer_asleep = True
                if not self._items:
                    self._ready.wait(wait_s)
                self._is_consumer_asleep = False
        batch = []
        items = self._items
        while items and len(batch) < max_records:
            batch.append(items.popleft())
        if self._is_producer_blocked:
            self._is_producer_blocked = False
            with self._room:
                self._room.notify_all()
        return batch

    def __len__(self) -> int:
        return len(self._items)
