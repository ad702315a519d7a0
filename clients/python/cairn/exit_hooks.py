"""Ending the run when the script ends without ``finish()``: normally, by ``sys.exit``, or by an exception.

Installed once per process: ``sys.exit`` and ``sys.excepthook`` are wrapped to remember how the script
ends, and an ``atexit`` handler finishes the active run with that outcome:

| how the script ended | run state | exit code |
|---|---|---|
| fell off the end, ``sys.exit()``/``sys.exit(0)`` | ``finished`` | 0 |
| ``sys.exit(n)``, n != 0 (a string: 1) | ``failed`` | n |
| an uncaught exception | ``failed`` | 1 |
| Ctrl-C (``KeyboardInterrupt``) | ``killed`` | 130 |

>>> outcome(None, None)
('finished', 0)
>>> outcome(None, KeyboardInterrupt())
('killed', 130)
"""
from __future__ import annotations

import atexit
import sys
import threading
from traceback import format_exception
from typing import Any, Callable, Optional, Tuple

Finisher = Callable[[str, int, Optional[str]], None]

_lock = threading.Lock()
_finisher: Optional[Finisher] = None
_installed = False
_exit_code: Optional[int] = None
_exception: Optional[BaseException] = None
_traceback_text: Optional[str] = None


def outcome(exit_code: Optional[int], exception: Optional[BaseException]) -> Tuple[str, int]:
    """The (state, exit code) a run ends with, given how the script ended."""
    if isinstance(exception, KeyboardInterrupt):
        return "killed", 130
    if exception is not None:
        return "failed", 1
    code = exit_code or 0
    return ("finished" if code == 0 else "failed"), code


def install(finisher: Finisher) -> None:
    """Makes ``finisher(state, exit_code, traceback_text)`` run at interpreter exit (replacing the previous finisher)."""
    global _finisher, _installed
    with _lock:
        _finisher = finisher
        if _installed:
            return
        _installed = True
    original_exit = sys.exit
    original_hook = sys.excepthook

    def exit(code: Any = None) -> None:
        global _exit_code
        _exit_code = _code_of(code)
        original_exit(code)

    def excepthook(kind: Any, value: BaseException, traceback: Any) -> None:
        global _exception, _traceback_text
        _exception = value
        _traceback_text = "".join(format_exception(kind, value, traceback))
        original_hook(kind, value, traceback)  # prints the traceback, which console capture records

    sys.exit = exit
    sys.excepthook = excepthook
    atexit.register(_at_exit)


def clear(finisher: Finisher) -> None:
    """The run ended by itself: nothing to do at exit (unless another run installed its finisher since)."""
    global _finisher
    with _lock:
        if _finisher is finisher:
            _finisher = None


def _at_exit() -> None:
    with _lock:
        finisher = _finisher
    if finisher is not None:
        state, code = outcome(_exit_code, _exception)
        finisher(state, code, _traceback_text)


def _code_of(code: Any) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1  # sys.exit("message") prints the message and exits 1
