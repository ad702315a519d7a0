"""A run's folder on local disk: ``records.log`` (the write-ahead log), ``run.json`` and ``acked``.

>>> import tempfile
>>> folder = RunFolder(tempfile.mkdtemp(), "alice", "mnist", "k3x9q2ab")
>>> log = RecordLog.open(folder.records_path)
>>> log.append([b'{"seq":1,"type":"exit"}']); log.close()
>>> reopened = RecordLog.open(folder.records_path); reopened.close(); reopened.last_seq
1
"""
from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Optional

from .errors import Error
from .frames import FILE_HEADER, decode_frames, encode_frame
from .records import payload_seq


class RunFolder:
    """The paths of one run: ``<dir>/runs/<entity>/<project>/<id>/``."""

    def __init__(self, root: str, entity: str, project: str, run_id: str) -> None:
        self.path = os.path.abspath(os.path.join(root, "runs", entity, project, run_id))
        self.records_path = os.path.join(self.path, "records.log")
        self.run_json_path = os.path.join(self.path, "run.json")
        self.acked_path = os.path.join(self.path, "acked")

    def create(self) -> None:
        os.makedirs(self.path, exist_ok=True)

    def write_run_json(self, run: Dict[str, Any]) -> None:
        """What ``init`` was called with, so ``cairn sync`` can create or resume the run later."""
        _write_atomically(self.run_json_path, json.dumps(run, indent=2, ensure_ascii=False).encode("utf-8"))

    def read_run_json(self) -> Optional[Dict[str, Any]]:
        try:
            with open(self.run_json_path, "rb") as f:
                return json.loads(f.read())
        except FileNotFoundError:
            return None

    def read_acked(self) -> int:
        """The highest seq the server acknowledged, as last written here (a hint; the server knows best)."""
        try:
            with open(self.acked_path, "rb") as f:
                return int(f.read().strip() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def write_acked(self, seq: int) -> None:
        _write_atomically(self.acked_path, str(seq).encode("ascii"))


class RecordLog:
    """The append-only record log of one run. Reopening truncates a torn tail left by a killed process."""

    def __init__(self, path: str, file: Any, last_seq: int) -> None:
        self.path = path
        self._file = file
        self.last_seq = last_seq

    @classmethod
    def open(cls, path: str) -> "RecordLog":
        """Opens ``path`` for appending, creating it with its header, or cutting a torn tail off it."""
        os.makedirs(os.path.dirname(path), exist_ok=True)
        last_seq = 0
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            data = b""
        if len(data) < len(FILE_HEADER) and FILE_HEADER.startswith(data):
            file = open(path, "wb")  # new, or killed while writing the header
            file.write(FILE_HEADER)
        elif not data.startswith(FILE_HEADER):
            raise Error(f"{path} is not a Cairn record log (it does not start with {FILE_HEADER!r}); "
                        f"move it away or use another dir")
        else:
            decoded = decode_frames(data, len(FILE_HEADER))
            if decoded.payloads:
                last_seq = payload_seq(decoded.payloads[-1])
            file = open(path, "r+b")
            if not decoded.is_clean:
                file.truncate(decoded.end_offset)
            file.seek(decoded.end_offset)
        file.flush()
        return cls(path, file, last_seq)

    def append(self, payloads: Iterable[bytes]) -> None:
        """Appends one frame per payload (written through to the OS, so readers see whole batches)."""
        self._file.write(b"".join([encode_frame(p) for p in payloads]))
        self._file.flush()

    def sync(self) -> None:
        """Forces the log to the disk (at finish: a power loss should not lose a finished run)."""
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()


def _write_atomically(path: str, data: bytes) -> None:
    temp = f"{path}.tmp"
    with open(temp, "wb") as f:
        f.write(data)
    os.replace(temp, path)
