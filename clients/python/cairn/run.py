"""The run: what ``cairn.init()`` returns and training code logs into.

>>> import cairn
>>> with cairn.init(project="demo", mode="disabled", config={"lr": 0.1}) as run:
...     for step in range(3):
...         run.log({"loss": 1.0 / (step + 1)})
>>> run.summary["loss"], run.config.lr, run.step
(0.3333333333333333, 0.1, 3)
"""
from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from . import exit_hooks, terminal
from .config import Config
from .console import ConsoleCapture, LineSplitter
from .errors import UsageError
from .files import RunFiles
from .history import HistoryBuilder, flatten
from .media import media_values
from .metric_definitions import metric_definition
from .record_log import RunFolder
from .run_artifacts import RunArtifacts
from .run_attachments import RunAttachments
from .run_identity import RunIdentity, RunInfo
from .records import json_safe, metric_safe_values
from .sender import Sender, describe_unsent
from .settings import Settings
from .summary import Summary
from .system import SystemSampler
from .unsupported import not_yet

_MAX_METRIC_KEY_LENGTH = 512  # the server's limit (docs/records.md)



class _NoWriter:
    """Disabled mode: records go nowhere."""

    def put(self, record: Dict[str, Any]) -> None:
        pass

    def close(self, timeout_s: float = 0.0) -> None:
        pass


class Run(RunArtifacts, RunAttachments, RunIdentity):
    """One run. Create it with :func:`cairn.init`; use it as a context manager or call :meth:`finish`.

    ``log()`` returns at once: it numbers the record and queues it; a writer thread appends it to the
    record log, and (online) a sender thread ships the log to the server.
    """

    def __init__(self, info: RunInfo, settings: Settings, config: Mapping[str, Any],
                 folder: Optional[RunFolder] = None, writer: Any = None, sender: Optional[Sender] = None,
                 last_seq: int = 0, start_step: int = 0, is_step_known: bool = True,
                 files: Optional[RunFiles] = None, sweep_id: Optional[str] = None) -> None:
        super().__init__(info, settings, folder)
        self.sweep_id = sweep_id
        self.stop_requested = False
        self._checked_keys: set = set()  # metric keys log() has seen pass the server's rules
        self._writer = writer if writer is not None else _NoWriter()
        self._sender = sender
        self._files = files
        self._stage = files.stage_bytes if files is not None else None
        self._watchers = []
        self._seq = last_seq
        self._lock = threading.Lock()
        self._is_closed = False
        self._is_finishing = False
        self._history = HistoryBuilder(self._emit_history_row, start_step, is_step_known)
        self.config = Config(config, on_change=self._emit_config)
        self.summary = Summary(on_change=self._emit_summary)
        self._console_lines = LineSplitter(self._emit_console_line)
        self._console: Optional[ConsoleCapture] = None
        self._system: Optional[SystemSampler] = None
        self._metadata_thread: Optional[threading.Thread] = None
        self.start_time = time.time()

    @property
    def step(self) -> int:
        """The step the next committed ``log()`` row gets."""
        return self._history.step

    # ---- logging ----------------------------------------------------------------------------------------

    def log(self, data: Mapping[str, Any], step: Optional[int] = None, commit: Optional[bool] = None,
            sync: Optional[bool] = None) -> None:
        """Logs metrics: ``run.log({"loss": 0.3, "val": {"acc": 0.9}})`` → keys ``loss``, ``val/acc``.

        Nested dicts are flattened with ``/``. Steps and ``commit`` follow W&B (see
        :class:`cairn.history.HistoryBuilder`). NaN and infinities are kept. ``sync`` is ignored.
        """
        if not isinstance(data, Mapping):
            raise UsageError(f"log() takes a dict of metric names to values, not {type(data).__name__}")
        if self._is_finishing:
            terminal.warn_once(f"log-after-finish:{self.id}", f"run {self.name} is finished; log() calls "
                               f"after finish() are ignored. Call cairn.init() for a new run.")
            return
        if step is not None and not isinstance(step, int):
            step = int(step)
        flat = flatten(data)
        if not flat.keys() <= self._checked_keys:
            self._check_metric_keys(flat)
        with self._lock:
            self._history.add(flat, step, commit)

    def _check_metric_keys(self, flat: Dict[str, Any]) -> None:
        """The server refuses a batch holding a bad metric key, and with it every record after it in the
        log: refuse the key here, where the caller sees which call was wrong."""
        for key in flat.keys() - self._checked_keys:
            if not key or len(key) > _MAX_METRIC_KEY_LENGTH or "\0" in key:
                raise UsageError(f"metric names must be 1-{_MAX_METRIC_KEY_LENGTH} characters without NUL, "
                                 f"not {key!r}")
        if len(self._checked_keys) < 10_000:
            self._checked_keys.update(flat.keys())

    def define_metric(self, name: str, step_metric: Optional[str] = None, step_sync: Optional[bool] = None,
                      hidden: Optional[bool] = None, summary: Union[None, str, Sequence[str]] = None,
                      goal: Optional[str] = None, overwrite: Optional[bool] = None) -> None:
        """How a metric is summarized and plotted: ``run.define_metric("val/acc", summary="max")``.

        ``summary`` is a comma-separated string or a list of ``min``, ``max``, ``mean``, ``first``,
        ``last``, ``best`` (min or max by ``goal``) or ``none``. ``step_sync``, ``hidden`` and
        ``overwrite`` are accepted and ignored.
        """
        fields = metric_definition(name, step_metric=step_metric, summary=summary, goal=goal)
        self._emit("define_metric", fields)

    def finish(self, exit_code: Optional[int] = None, quiet: Optional[bool] = None) -> None:
        """Ends the run (``finished``, or ``failed`` for a non-zero ``exit_code``) and waits until the
        server has every record (up to ``CAIRN_FINISH_TIMEOUT_S``; offline: until it is on disk)."""
        code = exit_code or 0
        if self.stop_requested:  # the server told the run to stop: it ends killed, however the script goes on
            self._close("killed", code or 130)
            return
        self._close("finished" if code == 0 else "failed", code)

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, kind: Any, error: Optional[BaseException], tb: Any) -> bool:
        if error is None:
            self._close("finished", 0)
        else:
            state, code = exit_hooks.outcome(None, error)
            self._close(state, code, "".join(traceback.format_exception(kind, error, tb)))
        return False

    def __repr__(self) -> str:
        return f"<cairn.Run {self.path} name={self.name!r} mode={self.mode}>"

    # W&B calls of later Cairn versions: they warn once and do nothing.
    log_code = not_yet("log_code", "code saving")
    alert = not_yet("alert", "alerts")
    mark_preempting = not_yet("mark_preempting", "preemption marks")

    # ---- start and end ----------------------------------------------------------------------------------

    def _start(self, capture_metadata: Any = None) -> None:
        """Starts the background parts: sender, console capture, system metrics, metadata capture."""
        if self.disabled:
            return
        if self._sender is not None:
            self._sender.on_stop = self._stop_by_server
            self._sender.start()
        if self._settings.is_console_captured():
            self._console = ConsoleCapture(self._console_lines)
            self._console.start()
        if self._settings.system_interval_s and self._folder is not None:
            self._system = SystemSampler(lambda values: self._emit("system", {"values": metric_safe_values(values)}),
                                         self._settings.system_interval_s, self._folder.path)
            self._system.start()
        if capture_metadata is not None:
            self._metadata_thread = threading.Thread(
                target=lambda: self._emit("metadata", {"values": json_safe(capture_metadata())}),
                name="cairn-metadata", daemon=True)
            self._metadata_thread.start()

    def _close(self, state: str, exit_code: int, traceback_text: Optional[str] = None) -> None:
        with self._lock:
            if self._is_finishing:
                return
            self._is_finishing = True
        exit_hooks.clear(self._finish_at_exit)
        if self._system is not None:
            self._system.stop()
        if self._metadata_thread is not None:
            self._metadata_thread.join(10.0)
        if traceback_text and self._console is None:
            self._console_lines.write("stderr", traceback_text)
        if self._console is not None:
            self._console.stop()
        self._console_lines.flush()
        with self._lock:
            self._history.flush()
        for watcher in self._watchers:
            watcher.remove()
        if self._files is not None:
            try:
                self._files.stage_at_end()
            except Exception as e:  # the run must still end
                terminal.warn(f"saving files at finish failed: {e}")
        self._emit("exit", {"state": state, "exit_code": exit_code})
        with self._lock:
            self._is_closed = True
        self._writer.close()
        self._report_end(state)
        from . import session  # the module-level cairn.run points here until now
        session.forget(self)

    def _stop_by_server(self) -> None:
        """A heartbeat said ``stop`` (the sweep's early termination, or the sweep was canceled): the run
        ends as ``killed``. Like Ctrl-C, a ``KeyboardInterrupt`` is raised in the main thread, so the training
        loop stops where it is; ``cairn.agent()`` catches it and goes on with the next trial."""
        self.stop_requested = True
        terminal.warn(f"the server asked run {self.name} to stop"
                      f"{' (sweep ' + self.sweep_id + ')' if self.sweep_id else ''}; ending it as killed")
        if not self._is_finishing:
            _interrupt_main_thread()

    def _finish_at_exit(self, state: str, exit_code: int, traceback_text: Optional[str]) -> None:
        self._close(state, exit_code, traceback_text)

    def _report_end(self, state: str) -> None:
        if self._folder is None:
            return
        if self._sender is None:
            terminal.info(f"run {self.name} {state}, saved offline in {self._folder.path}; "
                          f"ship it with `./cairn sync {self._folder.path}`")
            return
        is_sent = self._sender.drain(self._settings.finish_timeout_s or 60.0)
        self._sender.close()
        if is_sent:
            terminal.info(f"run {self.name} {state}: {self.url}")
        else:
            reason = self._sender.fatal or ("the server did not answer" if self._sender.is_unreachable
                                            else "finishing timed out")
            terminal.warn(f"run {self.name} {state}, but {reason}: " + describe_unsent(self._sender, self._folder))

    # ---- records ----------------------------------------------------------------------------------------

    def _emit(self, kind: str, fields: Dict[str, Any]) -> None:
        """Numbers a record and queues it for the writer; records are refused once the run is closed."""
        with self._lock:
            if self._is_closed:
                return
            self._seq += 1
            record = {"seq": self._seq, "type": kind, "time": time.time()}
            record.update(fields)
            self._writer.put(record)

    def _emit_history_row(self, step: Optional[int], values: Dict[str, Any]) -> None:
        # called with self._lock held (from log() or finish)
        values = media_values(values, self._stage, self._history.step)
        self.summary._observe(values)
        self._seq += 1
        if step is None:
            record = {"seq": self._seq, "type": "history", "time": time.time(), "values": metric_safe_values(values)}
        else:
            record = {"seq": self._seq, "type": "history", "time": time.time(), "step": step,
                      "values": metric_safe_values(values)}
        self._writer.put(record)

    def _emit_config(self, changes: Dict[str, Any]) -> None:
        self._emit("config", {"values": json_safe(changes)})

    def _emit_summary(self, changes: Dict[str, Any]) -> None:
        self._emit("summary", {"values": json_safe(changes)})

    def _emit_console_line(self, stream: str, line: int, text: str) -> None:
        self._emit("console", {"stream": stream, "line": line, "text": text})


def _interrupt_main_thread() -> None:
    """Raises ``KeyboardInterrupt`` in the main thread, as Ctrl-C would. A process started in the background
    by a shell without job control (``python train.py &`` in a script, some CI runners) inherits SIGINT as
    ignored, and then ``_thread.interrupt_main()`` does nothing; the exception is then set on the main
    thread directly, to be raised at its next Python instruction."""
    import signal
    import _thread
    if signal.getsignal(signal.SIGINT) not in (signal.SIG_IGN, signal.SIG_DFL, None):
        _thread.interrupt_main()
        return
    import ctypes
    main_thread_id = threading.main_thread().ident
    if main_thread_id is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(main_thread_id), ctypes.py_object(KeyboardInterrupt))
