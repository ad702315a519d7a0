"""The sender thread: ships the record log to the server in batches and advances only on the ack.

It reads what the writer appended to ``records.log`` (the log is the single source of truth, so a
server that is down only delays shipping), posts batches of its frames as they are in the file (the
``application/vnd.cairn.frames`` body), and on the server's answer moves ``acked`` forward. A retried
batch is stored once (the server skips seqs it has); a ``seq_gap`` makes it ask the server where it
stands and reread the log from there. It also creates the run when ``init`` could not reach the server,
and sends heartbeats.

``run_once()`` does one step and says how long to wait before the next; the thread just loops on it,
and tests call it directly.
"""
from __future__ import annotations

import threading
import time
from typing import Any, Callable, Dict, Optional

from . import runs_api, terminal
from .backoff import Backoff
from .errors import ApiError, ServerUnreachable
from .files import RunFiles
from .log_tail import LogTail
from .record_log import RunFolder
from .rest import RestClient

MAX_BATCH_RECORDS = 10_000
MAX_BATCH_BYTES = 4 * 1024 * 1024
_IDLE_WAIT_S = 3600.0


class Sender:
    """Ships one run's record log. Thread-safe entry points: ``notify_written``, ``drain``, ``close``."""

    def __init__(self, client: RestClient, folder: RunFolder, run: Dict[str, Any], *, is_created: bool,
                 acked_seq: int, is_id_chosen: bool = False, heartbeat_interval_s: float = 30.0,
                 linger_s: float = 0.2, files: Optional[RunFiles] = None,
                 clock: Callable[[], float] = time.monotonic, backoff: Optional[Backoff] = None) -> None:
        self._client = client
        self._folder = folder
        self._run = run
        self._entity, self._project, self._run_id = run["entity"], run["project"], run["id"]
        self._is_created = is_created
        self._is_id_chosen = is_id_chosen
        self._heartbeat_interval_s = heartbeat_interval_s
        self._linger_s = linger_s
        self._clock = clock
        self._backoff = backoff or Backoff()
        self._wake = threading.Event()
        self._progress = threading.Condition()
        self._thread: Optional[threading.Thread] = None
        self._closed = False
        self._finishing = False
        self._tail = LogTail(folder.records_path, acked_seq)
        self._max_batch_records = MAX_BATCH_RECORDS
        self._retry_at = 0.0
        self._send_after = 0.0
        self._next_heartbeat_at = clock() + heartbeat_interval_s
        self._gaps_in_a_row = 0
        self._recreations = 0
        self.last_written_seq = 0
        self.is_unreachable = False
        self.fatal: Optional[str] = None
        self.stop_requested = False
        self.on_stop: Optional[Callable[[], None]] = None  # called once, on the sender thread, when a heartbeat says stop
        self._has_tried_since_finishing = False
        self._files = files
        if files is not None:
            files.on_staged = self._wake.set

    # ---- called by other threads -------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="cairn-sender", daemon=True)
        self._thread.start()

    def notify_written(self, last_seq: int) -> None:
        """The writer appended records up to ``last_seq``."""
        self.last_written_seq = last_seq
        self._wake.set()

    def drain(self, timeout_s: float) -> bool:
        """Sends everything written, waiting up to ``timeout_s``; gives up early when the server is down.

        Answers whether the server acknowledged every record.
        """
        self._finishing = True
        self._retry_at = 0.0
        self._send_after = 0.0
        self._backoff.reset()
        self._wake.set()
        deadline = time.monotonic() + timeout_s
        with self._progress:
            while not self.is_done():
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.fatal or (self.is_unreachable and self._has_tried_since_finishing):
                    break
                self._progress.wait(min(remaining, 0.5))
        return self.is_done()

    def close(self) -> None:
        self._closed = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10.0)
        self._client.close()

    def pending_file_count(self) -> int:
        """How many staged run files still wait for upload."""
        return 0 if self._files is None else len(self._files.pending_paths())

    @property
    def acked_seq(self) -> int:
        """The highest seq the server has acknowledged."""
        return self._tail.acked_seq

    def is_done(self) -> bool:
        return (self._is_created and self.acked_seq >= self.last_written_seq
                and (self._files is None or not self._files.has_pending()))

    # ---- the sender thread --------------------------------------------------------------------------

    def _loop(self) -> None:
        while not self._closed:
            try:
                delay_s = self.run_once()
            except Exception as e:  # a bug must not kill shipping silently
                self.fatal = f"the sender stopped: {type(e).__name__}: {e}"
                terminal.warn(f"{self.fatal}; the records stay in {self._folder.records_path} - "
                              f"ship them with `./cairn sync {self._folder.path}`")
                self._signal_progress()
                return
            if delay_s > 0:
                self._wake.wait(delay_s)
                self._wake.clear()

    def run_once(self) -> float:
        """One step: create the run if needed, read new records, send one batch, heartbeat when due.

        Answers how many seconds to wait before the next step (0: go on now).
        """
        if self.fatal:
            return _IDLE_WAIT_S
        is_finishing = self._finishing  # only attempts begun after drain() count as "tried while finishing"
        now = self._clock()
        if now < self._retry_at and not (is_finishing and not self._has_tried_since_finishing):
            return self._retry_at - now
        try:
            if not self._is_created:
                self._create()
            self._tail.fill(self._max_batch_records, MAX_BATCH_BYTES)
            if self._tail.has_pending() and (self._finishing or now >= self._send_after
                                             or self._tail.is_batch_full(self._max_batch_records, MAX_BATCH_BYTES)):
                self._send_batch()
                self._send_after = self._clock() + self._linger_s
            elif self._files is not None and self._files.has_pending():
                self._upload_file()  # files go while records linger
            elif self._tail.has_pending():
                return self._send_after - now
            if self._clock() >= self._next_heartbeat_at and not self._finishing:
                self._heartbeat()
        except ServerUnreachable as e:
            return self._retry_later(str(e), unreachable=True)
        except ApiError as e:
            if e.is_retriable():
                return self._retry_later(str(e), unreachable=False)
            self._handle_refusal(e)
            return 0.0 if not self.fatal else _IDLE_WAIT_S
        finally:
            if is_finishing:
                self._has_tried_since_finishing = True
            self._signal_progress()
        if self.is_unreachable:
            self.is_unreachable = False
            terminal.info(f"reached the server at {self._client.base_url}; sending the run's records")
        self._backoff.reset()
        if self._tail.has_pending() or self._tail.has_unread() or (self._files is not None and self._files.has_pending()):
            return 0.0
        return max(0.0, min(self._next_heartbeat_at - self._clock(), _IDLE_WAIT_S))

    def _create(self) -> None:
        body = runs_api.create_body(self._run)
        user_resume = body.get("resume") or "never"
        if user_resume != "must" and not (user_resume == "never" and self._is_id_chosen):
            body["resume"] = "allow"  # our own earlier attempt may have created it
        answer, _ = runs_api.create_run(self._client, self._entity, self._project, body)
        self._is_created = True
        self._acknowledge(int(answer.get("last_seq") or 0))

    def _send_batch(self) -> None:
        batch = self._tail.batch(self._max_batch_records, MAX_BATCH_BYTES)
        answer = runs_api.post_records(self._client, self._entity, self._project, self._run_id, batch)
        self._gaps_in_a_row = 0
        self._recreations = 0
        self._acknowledge(int(answer["last_seq"]))

    def _acknowledge(self, last_seq: int) -> None:
        self._tail.acknowledge(last_seq)
        try:
            self._folder.write_acked(self._tail.acked_seq)
        except OSError:
            pass  # a hint only: the server is the authority

    def _upload_file(self) -> None:
        """Uploads one staged file; a file the server refuses for good is reported and left staged."""
        assert self._files is not None
        pending = self._files.next_pending()
        if pending is None:
            return
        path, digest, data = pending
        try:
            runs_api.put_file(self._client, self._entity, self._project, self._run_id, path, data)
        except ApiError as e:
            if e.is_retriable() or e.status == 404:
                raise
            self._files.give_up(path, digest)
            terminal.warn(f"the server refused the run file {path}: {e}. It stays in {self._files.root}")
            return
        self._files.mark_uploaded(path, digest)

    def _heartbeat(self) -> None:
        self._next_heartbeat_at = self._clock() + self._heartbeat_interval_s
        if self._files is not None:
            self._files.poll_live()
        answer = runs_api.heartbeat(self._client, self._entity, self._project, self._run_id)
        if answer.get("stop") and not self.stop_requested:
            self.stop_requested = True
            if self.on_stop is not None:
                self.on_stop()

    def _handle_refusal(self, error: ApiError) -> None:
        if error.code == "seq_gap" and self._gaps_in_a_row < 3:
            self._gaps_in_a_row += 1
            run = runs_api.get_run(self._client, self._entity, self._project, self._run_id)
            self._tail.reread_from(int(run.get("last_seq") or 0))
        elif error.status == 404 and self._recreations < 1:
            self._recreations += 1
            self._is_created = False
        elif error.status == 413 and self._max_batch_records > 1:
            self._max_batch_records = max(1, min(self._tail.pending_count(), self._max_batch_records) // 2)
        else:
            self.fatal = str(error)
            terminal.warn(f"the server refused the run's records: {error}. They stay in "
                          f"{self._folder.records_path}; fix the cause, then ship them with "
                          f"`./cairn sync {self._folder.path}`")

    def _retry_later(self, reason: str, unreachable: bool) -> float:
        if unreachable and not self.is_unreachable:
            terminal.warn_once(f"unreachable:{self._client.base_url}",
                               f"{reason}. Logging goes on to {self._folder.records_path}; "
                               f"it is sent when the server answers.")
        self.is_unreachable = unreachable
        delay_s = self._backoff.next_delay_s()
        self._retry_at = self._clock() + delay_s
        return delay_s

    def _signal_progress(self) -> None:
        with self._progress:
            self._progress.notify_all()


def describe_unsent(sender: Optional[Sender], folder: RunFolder) -> str:
    """What to tell the user when records are left unsent at finish."""
    unsent = 0 if sender is None else max(0, sender.last_written_seq - sender.acked_seq)
    files = 0 if sender is None else sender.pending_file_count()
    also = f", and {files} run file(s) wait in {folder.path}/files" if files else ""
    return (f"{unsent} record(s) are not on the server yet; they are safe in {folder.records_path}{also}. "
            f"Ship them with `./cairn sync {folder.path}`")


