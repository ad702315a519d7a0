"""W&B calls that Cairn does not support yet: they warn once and do nothing, so scripts keep running.

>>> log_code = not_yet("log_code", "code saving")
>>> log_code() is None
True
"""
from __future__ import annotations

from typing import Any, Callable

from . import terminal


def not_yet(name: str, what: str) -> Callable[..., None]:
    """A stand-in for ``name``: warns once that ``what`` is not supported yet and returns None."""
    def stand_in(*args: Any, **kwargs: Any) -> None:
        terminal.warn_once(f"unsupported:{name}", f"{name}() does nothing yet: Cairn does not support "
                           f"{what} in this version (see docs/python.md)")

    stand_in.__name__ = name
    stand_in.__doc__ = f"Not supported yet ({what}): warns once and does nothing."
    return stand_in
