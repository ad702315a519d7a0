"""Rows of metric history: flattening nested dicts and W&B's rules for ``step`` and ``commit``.

>>> flatten({"train": {"loss": 0.5, "acc": 0.9}, "lr": 0.1})
{'train/loss': 0.5, 'train/acc': 0.9, 'lr': 0.1}
>>> rows = []
>>> builder = HistoryBuilder(lambda step, values: rows.append((step, values)))
>>> builder.add({"a": 1}, step=None, commit=False)
>>> builder.add({"b": 2}, step=None, commit=None)
>>> rows
[(0, {'a': 1, 'b': 2})]
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional

from . import terminal

# isinstance() against the Mapping ABC costs most of log(); plain scalars skip it.
_SCALAR_TYPES = frozenset({float, int, str, bool, type(None)})

RowSink = Callable[[Optional[int], Dict[str, Any]], None]


def flatten(values: Mapping[str, Any], prefix: str = "") -> Dict[str, Any]:
    """A new flat dict with nested dicts' keys joined by ``/``. Non-dict values are kept as they are."""
    for value in values.values():
        kind = type(value)
        if kind is dict or (kind not in _SCALAR_TYPES and isinstance(value, Mapping)):
            break
    else:
        if not prefix:
            return {k if type(k) is str else str(k): v for k, v in values.items()}
    flat: Dict[str, Any] = {}
    _flatten_into(flat, values, prefix)
    return flat


def _flatten_into(flat: Dict[str, Any], values: Mapping[str, Any], prefix: str) -> None:
    for key, value in values.items():
        path = f"{prefix}{key}"
        kind = type(value)
        if (kind is dict or (kind not in _SCALAR_TYPES and isinstance(value, Mapping))) and value:
            _flatten_into(flat, value, path + "/")
        else:
            flat[path] = value


class HistoryBuilder:
    """Turns ``log()`` calls into committed history rows, the way W&B does.

    - ``log(d)`` commits a row at the current step, then the step advances by one.
    - ``log(d, commit=False)`` adds ``d`` to the current row without committing it.
    - ``log(d, step=n)`` with ``n`` above the current step commits the pending row first, then
      collects ``d`` at step ``n`` (committed by a later step, ``commit=True`` or ``finish``).
    - a ``step`` below the current step is ignored with a warning (steps only go up).

    ``sink(step, values)`` receives each committed row. When the run's starting step is unknown (a
    resumed run the server could not tell about), rows carry step ``None`` unless the user gave one,
    and the server numbers them.
    """

    def __init__(self, sink: RowSink, start_step: int = 0, is_step_known: bool = True) -> None:
        self._sink = sink
        self.step = start_step
        self._is_step_known = is_step_known
        self._pending: Dict[str, Any] = {}

    def add(self, values: Dict[str, Any], step: Optional[int], commit: Optional[bool]) -> None:
        """Adds already flattened ``values``; see the class rules."""
        if step is None:
            if not self._pending and commit is not False:
                self._commit(values)  # the common case: one dict per step
                return
        else:
            if step < self.step:
                terminal.warn_once(f"step<{self.step}", f"log(step={step}) is below the current step {self.step}; "
                                   f"steps must increase, so these values were dropped: {sorted(values)}")
                return
            if step > self.step:
                self.flush()
                self.step = step
                self._is_step_known = True
        self._pending.update(values)
        if commit is True or (commit is None and step is None):
            self.flush()

    def flush(self) -> None:
        """Commits the pending row, if any."""
        if self._pending:
            pending, self._pending = self._pending, {}
            self._commit(pending)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def _commit(self, values: Dict[str, Any]) -> None:
        self._sink(self.step if self._is_step_known else None, values)
        self.step += 1
