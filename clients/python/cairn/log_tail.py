"""The part of a record log the server has not acknowledged yet, read as the writer appends to it.

It keeps whole frames (``u32 length | u32 crc32 | payload``) as they are in the file: the sender ships
them so, nothing re-encoded.

>>> import tempfile, os
>>> from cairn.record_log import RecordLog
>>> path = os.path.join(tempfile.mkdtemp(), "records.log")
>>> log = RecordLog.open(path); log.append([b'{"seq":1}', b'{"seq":2}', b'{"seq":3}']); log.close()
>>> tail = LogTail(path, acked_seq=1); tail.fill(100, 1 << 20); [frame[8:] for frame in tail.batch(100, 1 << 20)]
[b'{"seq":2}', b'{"seq":3}']
>>> tail.acknowledge(3); tail.has_pending()
False
"""
from __future__ import annotations

import os
from typing import List, Tuple

from .frames import FILE_HEADER, FRAME_OVERHEAD_BYTES, decode_frames
from .records import payload_seq

_READ_CHUNK_BYTES = 8 * 1024 * 1024


class LogTail:
    """Unacknowledged frames of one log, oldest first, with their record's ``seq``; not thread-safe."""

    def __init__(self, path: str, acked_seq: int) -> None:
        self.path = path
        self.acked_seq = acked_seq
        self._read_offset = len(FILE_HEADER)
        self._pending: List[Tuple[int, bytes]] = []
        self._pending_bytes = 0

    def fill(self, max_records: int, max_bytes: int) -> None:
        """Reads frames the writer appended since the last call, until about a batch is pending."""
        if self._pending_bytes >= max_bytes or len(self._pending) >= max_records:
            return
        with open(self.path, "rb") as f:
            f.seek(self._read_offset)
            data = f.read(_READ_CHUNK_BYTES)
            if len(data) >= FRAME_OVERHEAD_BYTES:
                needed = FRAME_OVERHEAD_BYTES + int.from_bytes(data[:4], "little")
                if needed > len(data):  # one record larger than a chunk
                    data += f.read(needed - len(data))
        decoded = decode_frames(data, 0)
        start = 0
        for payload in decoded.payloads:
            end = start + FRAME_OVERHEAD_BYTES + len(payload)
            seq = payload_seq(payload)
            if seq > self.acked_seq:
                self._pending.append((seq, data[start:end]))
                self._pending_bytes += end - start
            start = end
        self._read_offset += decoded.end_offset

    def has_pending(self) -> bool:
        return bool(self._pending)

    def has_unread(self) -> bool:
        """Whether the file holds bytes not read yet (more than one batch was pending)."""
        try:
            return self._read_offset < os.path.getsize(self.path)
        except OSError:
            return False

    def is_batch_full(self, max_records: int, max_bytes: int) -> bool:
        return len(self._pending) >= max_records or self._pending_bytes >= max_bytes

    def batch(self, max_records: int, max_bytes: int) -> List[bytes]:
        """The oldest pending frames: at most ``max_records`` and ``max_bytes`` (but at least one)."""
        batch: List[bytes] = []
        size = 0
        for _, frame in self._pending:
            if batch and (len(batch) >= max_records or size + len(frame) > max_bytes):
                break
            batch.append(frame)
            size += len(frame)
        return batch

    def pending_count(self) -> int:
        return len(self._pending)

    def acknowledge(self, last_seq: int) -> None:
        """The server has every record up to ``last_seq``: drop them. A lower ``last_seq`` than before
        (a server that lost data or a restored run) makes the log be read again from there."""
        if last_seq < self.acked_seq:
            self.reread_from(last_seq)
            return
        self.acked_seq = last_seq
        dropped = 0
        while dropped < len(self._pending) and self._pending[dropped][0] <= last_seq:
            self._pending_bytes -= len(self._pending[dropped][1])
            dropped += 1
        del self._pending[:dropped]

    def reread_from(self, last_seq: int) -> None:
        """Forgets what was read and reads the log again, keeping records after ``last_seq``."""
        self.acked_seq = last_seq
        self._pending.clear()
        self._pending_bytes = 0
        self._read_offset = len(FILE_HEADER)
