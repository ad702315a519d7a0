"""Console capture: what the script prints goes to the terminal as before and, line by line, into
``console`` records.

Lines are numbered across stdout and stderr together, as a terminal shows them. A carriage return
(progress bars) rewrites the current line: its latest text is sent at most once per
``rewrite_interval_s`` and when the line ends, with the same line number, so the server keeps the last.

>>> lines = []
>>> splitter = LineSplitter(lambda stream, line, text: lines.append((line, text)))
>>> splitter.write("stdout", "epoch 1\\n10%\\r50%\\r100%\\n", now=0.0)
>>> lines
[(0, 'epoch 1'), (1, '10%'), (1, '100%')]
"""
from __future__ import annotations

import re
import sys
import threading
import time
from typing import Any, Callable, List, Optional, TextIO

LineSink = Callable[[str, int, str], None]
_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")
# Longer lines are cut: printing binary data must not grow a record without end.
MAX_LINE_CHARS = 64 * 1024


class LineSplitter:
    """Cuts written text into numbered lines; thread-safe."""

    def __init__(self, sink: LineSink, first_line: int = 0, rewrite_interval_s: float = 1.0) -> None:
        self._sink = sink
        self._line = first_line
        self._text = ""
        self._stream = "stdout"
        self._rewrite_interval_s = rewrite_interval_s
        self._last_rewrite_sent = float("-inf")
        self._lock = threading.Lock()

    def write(self, stream: str, text: str, now: Optional[float] = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            if stream != self._stream and self._text:
                self._end_line()  # the other stream starts a line of its own
            self._stream = stream
            for piece in _pieces(text):
                if piece == "\n":
                    self._end_line()
                elif piece == "\r":
                    if self._text and now - self._last_rewrite_sent >= self._rewrite_interval_s:
                        self._sink(self._stream, self._line, self._text)
                        self._last_rewrite_sent = now
                    self._text = ""
                elif len(self._text) < MAX_LINE_CHARS:
                    self._text = (self._text + piece)[:MAX_LINE_CHARS]

    def flush(self) -> None:
        """Sends a line still open (no newline yet): at finish."""
        with self._lock:
            if self._text:
                self._end_line()

    def _end_line(self) -> None:
        self._sink(self._stream, self._line, self._text)
        self._line += 1
        self._text = ""
        self._last_rewrite_sent = float("-inf")


def _pieces(text: str) -> List[str]:
    """Text cut at line ends; ``\r\n`` counts as ``\n``."""
    return ["\n" if p == "\r\n" else p for p in _LINE_ENDS.split(text) if p]


class _Tee:
    """Stands in for sys.stdout or sys.stderr: writes through, and feeds the splitter."""

    def __init__(self, original: TextIO, stream: str, splitter: LineSplitter) -> None:
        self._original = original
        self._stream = stream
        self._splitter = splitter

    def write(self, text: str) -> int:
        written = self._original.write(text)
        try:
            self._splitter.write(self._stream, text)
        except Exception:  # capture must never break the script's printing
            pass
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self._original, name)


class ConsoleCapture:
    """Replaces ``sys.stdout`` and ``sys.stderr`` with tees while a run is active."""

    def __init__(self, splitter: LineSplitter) -> None:
        self.splitter = splitter
        self._originals: Optional[tuple] = None

    def start(self) -> None:
        self._originals = (sys.stdout, sys.stderr)
        if sys.stdout is not None:
            sys.stdout = _Tee(sys.stdout, "stdout", self.splitter)  # type: ignore[assignment]
        if sys.stderr is not None:
            sys.stderr = _Tee(sys.stderr, "stderr", self.splitter)  # type: ignore[assignment]

    def stop(self) -> None:
        """Sends the open line and puts the original streams back (unless someone replaced ours since)."""
        self.splitter.flush()
        if self._originals is None:
            return
        stdout, stderr = self._originals
        if isinstance(sys.stdout, _Tee) and sys.stdout._splitter is self.splitter:
            sys.stdout = stdout
        if isinstance(sys.stderr, _Tee) and sys.stderr._splitter is self.splitter:
            sys.stderr = stderr
        self._originals = None
