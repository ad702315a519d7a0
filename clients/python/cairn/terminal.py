"""Messages Cairn prints for the person running the script, prefixed ``cairn:`` like W&B's ``wandb:``."""
from __future__ import annotations

import sys
import threading
from typing import Set

_said: Set[str] = set()
_said_lock = threading.Lock()
quiet = False


def info(message: str) -> None:
    """Prints ``cairn: message`` to stderr unless ``CAIRN_SILENT`` is set."""
    if not quiet:
        try:
            print(f"cairn: {message}", file=sys.stderr, flush=True)
        except (ValueError, OSError):  # stderr closed at interpreter exit
            pass


def warn(message: str) -> None:
    """Prints ``cairn: WARNING message`` to stderr (even when quiet: warnings need action)."""
    try:
        print(f"cairn: WARNING {message}", file=sys.stderr, flush=True)
    except (ValueError, OSError):
        pass


def warn_once(key: str, message: str) -> None:
    """Like :func:`warn`, but only the first time for ``key`` in this process."""
    with _said_lock:
        if key in _said:
            return
        _said.add(key)
    warn(message)
