"""Rows of dicts for the public API: flattening runs like the server's export, and pandas when present.

>>> flatten({"model": {"layers": 4, "act": "relu"}, "lr": 0.1}, "config")
{'config.model.layers': 4, 'config.model.act': 'relu', 'config.lr': 0.1}
>>> decode_number("NaN") != decode_number("NaN")
True
>>> decode_number("Infinity"), decode_number(0.5), decode_number("text")
(inf, 0.5, 'text')
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping

from .errors import UsageError

# The run fields every exported row starts with, in the server's export order (docs/api.md, Export).
RUN_COLUMNS = ("id", "name", "state", "group", "job_type", "tags", "created_at", "runtime_s")
_NON_FINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def decode_number(value: Any) -> Any:
    """A metric value as JSON carries it, with the server's ``"NaN"``/``"Infinity"`` strings as floats."""
    if isinstance(value, str):
        return _NON_FINITE.get(value, value)
    return value


def flatten(values: Mapping[str, Any], prefix: str) -> Dict[str, Any]:
    """Nested objects become dotted keys under ``prefix``; lists are leaves (as the server's export)."""
    flat: Dict[str, Any] = {}
    for key, value in values.items():
        name = f"{prefix}.{key}"
        if isinstance(value, Mapping) and value:
            flat.update(flatten(value, name))
        else:
            flat[name] = value
    return flat


def run_row(run: Mapping[str, Any]) -> Dict[str, Any]:
    """One export row of a run object: the run fields, then ``config.*`` and ``summary.*`` leaves."""
    row = {column: run.get(column) for column in RUN_COLUMNS}
    row.update(flatten(run.get("config") or {}, "config"))
    row.update(flatten(run.get("summary") or {}, "summary"))
    return row


def to_frame(rows: List[Dict[str, Any]], wants_pandas: bool) -> Any:
    """``rows`` as a pandas DataFrame when ``wants_pandas``; raises a clear error without pandas."""
    if not wants_pandas:
        return rows
    pandas = import_pandas()
    if pandas is None:
        raise UsageError("pandas is not installed: `pip install pandas`, or call with pandas=False "
                         "to get a list of dicts")
    return pandas.DataFrame(rows)


def import_pandas() -> Any:
    """The pandas module, or None when it is not installed."""
    try:
        import pandas  # type: ignore
    except ImportError:
        return None
    return pandas
