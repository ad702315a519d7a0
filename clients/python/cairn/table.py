"""``cairn.Table``: columns and rows, stored as a ``.table.json`` run file."""
from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List, Optional, Sequence

from . import terminal
from .errors import UsageError
from .media import Media, Stage, media_file_path, store


class Table(Media):
    """A table: ``cairn.Table(columns=["id", "pred"], data=[[1, 7], [2, 3]])``, then ``add_data(3, 5)``.

    ``data`` may be a pandas DataFrame (or pass ``dataframe=``). Cells are JSON values; a cell holding a
    :class:`Image` is uploaded too and the cell becomes its JSON object. The table is uploaded as the
    run file ``media/tables/<key>_<step>_<hash>.table.json`` (``{"columns": [...], "data": [[...]]}``).

    >>> t = Table(columns=["x", "y"]); t.add_data(1, 2.5); t.data
    [[1, 2.5]]
    """

    def __init__(self, columns: Optional[Sequence[str]] = None, data: Optional[Any] = None,
                 rows: Optional[Any] = None, dataframe: Optional[Any] = None, **ignored: Any) -> None:
        for name in sorted(ignored):
            terminal.warn_once(f"table:{name}", f"cairn.Table ignores {name}= (not supported yet)")
        data = rows if data is None else data
        if dataframe is None and type(data).__module__.startswith("pandas"):
            dataframe, data = data, None
        if dataframe is not None:
            columns = [str(c) for c in dataframe.columns]
            data = dataframe.values.tolist()
        rows_list = [list(row) for row in (data or [])]
        if columns is None:
            width = len(rows_list[0]) if rows_list else 0
            columns = [f"col{i + 1}" for i in range(width)]
        self.columns: List[str] = [str(c) for c in columns]
        self.data: List[List[Any]] = []
        for row in rows_list:
            self.add_data(*row)

    def add_data(self, *values: Any) -> None:
        """Appends one row; it must have one value per column."""
        if len(values) != len(self.columns):
            raise UsageError(f"add_data got {len(values)} values for {len(self.columns)} columns {self.columns}")
        self.data.append(list(values))

    def add_column(self, name: str, data: Sequence[Any]) -> None:
        """Adds a column holding one value per existing row."""
        if len(data) != len(self.data):
            raise UsageError(f"column {name!r} has {len(data)} values for {len(self.data)} rows")
        self.columns.append(str(name))
        for row, value in zip(self.data, data):
            row.append(value)

    def get_column(self, name: str) -> List[Any]:
        """The values of column ``name``."""
        index = self.columns.index(name)
        return [row[index] for row in self.data]

    def to_json(self, stage: Stage, key: str, step: Optional[int]) -> Dict[str, Any]:
        from .records import json_safe
        cells = [[value.to_json(stage, key, step) if isinstance(value, Media) else json_safe(value)
                  for value in row] for row in self.data]
        data = json.dumps({"columns": self.columns, "data": cells}, separators=(",", ":"),
                          ensure_ascii=False).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        path = media_file_path("tables", key, step, digest, "table.json")
        store(stage, path, data)
        return {"_type": "table-file", "path": path, "sha256": digest, "size": len(data),
                "ncols": len(self.columns), "nrows": len(self.data)}

    def __repr__(self) -> str:
        return f"<cairn.Table {len(self.columns)} columns, {len(self.data)} rows>"
