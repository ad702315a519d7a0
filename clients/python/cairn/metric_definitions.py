"""``define_metric``: how a metric is summarized, as the fields of a ``define_metric`` record.

>>> metric_definition("val/acc", summary="best,last", goal="max")
{'name': 'val/acc', 'summary': ['max', 'last'], 'goal': 'maximize'}
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Union

from .errors import UsageError

SUMMARY_AGGREGATES = ("min", "max", "mean", "first", "last")
_GOALS = {"minimize": "minimize", "min": "minimize", "maximize": "maximize", "max": "maximize"}


def metric_definition(name: str, step_metric: Optional[str] = None,
                      summary: Union[None, str, Sequence[str]] = None, goal: Optional[str] = None) -> Dict[str, Any]:
    """The record fields for W&B's ``define_metric`` arguments; bad values raise :class:`UsageError`."""
    fields: Dict[str, Any] = {"name": str(name)}
    if step_metric is not None:
        fields["step_metric"] = str(step_metric)
    normalized_goal = None
    if goal is not None:
        normalized_goal = _GOALS.get(str(goal).lower())
        if normalized_goal is None:
            raise UsageError(f"define_metric goal {goal!r} is not known: use 'minimize' or 'maximize'")
    if summary is not None:
        fields["summary"] = _summary_aggregates(summary, normalized_goal)
    if normalized_goal is not None:
        fields["goal"] = normalized_goal
    return fields


def _summary_aggregates(summary: Union[str, Sequence[str]], goal: Optional[str]) -> List[str]:
    names = [s.strip().lower() for s in (summary.split(",") if isinstance(summary, str) else summary)]
    aggregates: List[str] = []
    for name in names:
        if name in ("", "none", "copy"):
            continue
        if name == "best":
            if goal is None:
                raise UsageError("define_metric summary 'best' needs goal='minimize' or goal='maximize'")
            name = "min" if goal == "minimize" else "max"
        if name not in SUMMARY_AGGREGATES:
            raise UsageError(f"define_metric summary {name!r} is not known: use {', '.join(SUMMARY_AGGREGATES)}, "
                             f"best or none")
        if name not in aggregates:
            aggregates.append(name)
    return aggregates
