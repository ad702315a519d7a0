"""The writer thread: takes records off a bounded queue and appends them to the run's record log.

``put()`` is what ``log()`` pays for: it never touches the disk. When the queue is full (the disk is far
slower than the training loop), ``put()`` waits, so memory stays bounded.

>>> import tempfile, os
>>> log = RecordLog.open(os.path.join(tempfile.mkdtemp(), "records.log"))
>>> writer = RecordWriter(log); writer.start()
>>> writer.put({"seq": 1, "type": "exit", "time": 0.5, "state": "finished", "exit_code": 0})
>>> writer.close(); log.last_seq
1
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Dict, List, Optional

from . import terminal
from .record_log import RecordLog
from .record_queue import RecordQueue
from .records import encode_record

_CLOSE = object()
DEFAULT_QUEUE_RECORDS = 20_000
_MAX_BATCH_RECORDS = 2_000
_IDLE_WAIT_S = 1.0


class RecordWriter:
    """Appends queued records to a :class:`RecordLog` from one daemon thread."""

    def __init__(self, log: RecordLog, on_written: Optional[Callable[[int], None]] = None,
                 max_queued_records: int = DEFAULT_QUEUE_RECORDS) -> None:
        self._log = log
        self._on_written = on_written
        self._queue = RecordQueue(max_queued_records)
        self._thread = threading.Thread(target=self._loop, name="cairn-writer", daemon=True)
        self.failure: Optional[BaseException] = None

    def start(self) -> None:
        self._thread.start()

    def put(self, record: Dict[str, Any]) -> None:
        """Queues a record whose values are JSON-safe (a history or system row's: ``metric_safe_values``);
        records must arrive in ``seq`` order."""
        self._queue.put(record)

    def close(self, timeout_s: float = 60.0) -> None:
        """Writes everything queued, forces it to disk and closes the log."""
        if self._thread.is_alive():
            self._queue.put(_CLOSE)
            self._thread.join(timeout_s)
        self._log.close()

    def _loop(self) -> None:
        closing = False
        while not closing:
            batch: List[bytes] = []
            last_seq = self._log.last_seq
            for item in self._queue.take_batch(_MAX_BATCH_RECORDS, wait_s=_IDLE_WAIT_S):
                if item is _CLOSE:
                    closing = True
                    break
                batch.append(encode_record(item))
                last_seq = item["seq"]
            if batch and self.failure is None:
                self._write(batch, last_seq)
        try:
            self._log.sync()
        except (OSError, ValueError):
            pass

    def _write(self, batch: List[bytes], last_seq: int) -> None:
        try:
            self._log.append(batch)
        except OSError as e:  # a full or vanished disk: say so once, keep the training running
            self.failure = e
            terminal.warn(f"cannot write the record log {self._log.path}: {e} - the run's records from here "
                          f"on are lost; free disk space or set CAIRN_DIR to another place")
            return
        self._log.last_seq = last_seq
        if self._on_written is not None:
            self._on_written(last_seq)
