"""``run.summary``: one value per metric, shown in run tables.

By default a metric's summary is its last logged value (the server computes it, and this object mirrors
it locally). Setting a key sends a user value that wins over the computed one.

>>> sent = []
>>> summary = Summary(on_change=sent.append)
>>> summary._observe({"loss": 0.5})
>>> summary["best_loss"] = 0.4
>>> summary["loss"], summary.best_loss, sent
(0.5, 0.4, [{'best_loss': 0.4}])
"""
from __future__ import annotations

from collections.abc import Mapping as MappingABC
from typing import Any, Callable, Dict, Iterator, Mapping, Optional


class Summary(MappingABC):
    """Dict-like summary; writes (item, attribute, ``update``, ``del``) are sent as ``summary`` records."""

    def __init__(self, on_change: Optional[Callable[[Dict[str, Any]], None]] = None) -> None:
        object.__setattr__(self, "_computed", {})
        object.__setattr__(self, "_user", {})
        object.__setattr__(self, "_on_change", on_change)

    def update(self, values: Optional[Mapping[str, Any]] = None, **kwargs: Any) -> None:
        changes = dict(values or {})
        changes.update(kwargs)
        if changes:
            self._user.update(changes)
            if self._on_change is not None:
                self._on_change(changes)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def as_dict(self) -> Dict[str, Any]:
        merged = dict(self._computed)
        merged.update(self._user)
        return merged

    def __getitem__(self, key: str) -> Any:
        if key in self._user:
            return self._user[key]
        return self._computed[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.update({key: value})

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self._user.pop(key, None)
        self._computed.pop(key, None)
        if self._on_change is not None:
            self._on_change({key: None})

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"summary has no key {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __contains__(self, key: object) -> bool:
        return key in self._user or key in self._computed

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_dict())

    def __len__(self) -> int:
        return len(self.as_dict())

    def __repr__(self) -> str:
        return f"Summary({self.as_dict()!r})"

    def _observe(self, values: Dict[str, Any]) -> None:
        """A committed history row: its values become the computed 'last' values."""
        self._computed.update(values)
