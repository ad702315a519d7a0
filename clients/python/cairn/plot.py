"""W&B's preset charts: ``cairn.plot.line``, ``bar`` and ``scatter`` over a :class:`cairn.Table`.

>>> import cairn
>>> table = cairn.Table(columns=["epoch", "acc"], data=[[0, 0.5], [1, 0.8]])
>>> chart = cairn.plot.line(table, "epoch", "acc", title="Accuracy")
>>> value = chart.to_json(None, "acc_chart", 2)
>>> value["_type"], value["kind"], value["fields"], value["table"]["_type"]
('plot', 'line', {'x': 'epoch', 'y': 'acc'}, 'table-file')
"""
from __future__ import annotations

from typing import Any, Dict, Optional

from .errors import UsageError
from .media import Media, Stage
from .table import Table


class Plot(Media):
    """A chart of a table's columns, logged as ``{"_type": "plot", "kind", "title", "fields", "table"}``
    where ``table`` is the uploaded table's ``table-file`` object."""

    def __init__(self, kind: str, table: Table, fields: Dict[str, str], title: str = "") -> None:
        if not isinstance(table, Table):
            raise UsageError(f"cairn.plot.{kind} needs a cairn.Table, not {type(table).__name__}")
        for role, column in fields.items():
            if column not in table.columns:
                raise UsageError(f"cairn.plot.{kind}: {role}={column!r} is not a column of the table "
                                 f"{table.columns}")
        self.kind = kind
        self.table = table
        self.fields = fields
        self.title = title

    def to_json(self, stage: Stage, key: str, step: Optional[int]) -> Dict[str, Any]:
        return {"_type": "plot", "kind": self.kind, "title": self.title, "fields": dict(self.fields),
                "table": self.table.to_json(stage, f"{key}_table", step)}

    def __repr__(self) -> str:
        return f"<cairn.plot.{self.kind} {self.fields} {self.title!r}>"


def line(table: Table, x: str, y: str, stroke: Optional[str] = None, title: str = "",
         split_table: bool = False) -> Plot:
    """A line chart of column ``y`` over column ``x`` (``stroke``, a column naming the series, is kept)."""
    fields = {"x": x, "y": y}
    if stroke is not None:
        fields["stroke"] = stroke
    return Plot("line", table, fields, title)


def bar(table: Table, label: str, value: str, title: str = "", split_table: bool = False) -> Plot:
    """A bar chart: one bar per row, labelled by column ``label``, as high as column ``value``."""
    return Plot("bar", table, {"label": label, "value": value}, title)


def scatter(table: Table, x: str, y: str, title: str = "", split_table: bool = False) -> Plot:
    """A scatter plot of column ``y`` against column ``x``."""
    return Plot("scatter", table, {"x": x, "y": y}, title)
