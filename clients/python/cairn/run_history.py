"""A run's history as rows of dicts, from the server's history routes (docs/api.md, History).

>>> merge_series({"loss": [{"x": 0, "x_end": 4, "last": 0.5}], "acc": [{"x": 0, "x_end": 4, "last": "NaN"}]}, "_step")
[{'_step': 4, 'loss': 0.5, 'acc': nan}]
"""
from __future__ import annotations

import urllib.parse
from typing import Any, Dict, Iterator, List, Optional

from .rest import RestClient
from .tables import decode_number

_X_COLUMNS = {"step": "_step", "time": "_timestamp"}
_MAX_BUCKETS = 10_000  # the server's limit for one sampled request


def history_keys(client: RestClient, run_path: str) -> List[str]:
    """Every key the run logged to its history, numeric or not."""
    return [k["key"] for k in client.get(f"{run_path}/keys?namespace=history")["keys"]]


def sampled_rows(client: RestClient, key_path: str, run_path: str, keys: Optional[List[str]],
                 samples: int, x_axis: str) -> List[Dict[str, Any]]:
    """One row per bucket: the x column (``_step``, ``_timestamp`` or the x metric) at the bucket's end and
    each key's ``last`` value there."""
    keys = list(keys) if keys is not None else [k for k in history_keys(client, run_path) if k != x_axis]
    if not keys:
        return []
    answer = client.post("/history/sampled", {"runs": [key_path], "keys": keys, "namespace": "history",
                                              "x": x_axis, "buckets": max(1, min(samples, _MAX_BUCKETS))})
    return merge_series({s["key"]: s["buckets"] for s in answer["series"]}, _X_COLUMNS.get(x_axis, x_axis))


def merge_series(buckets_by_key: Dict[str, List[Dict[str, Any]]], x_column: str) -> List[Dict[str, Any]]:
    """Rows joined on each bucket's last x value (keys logged together share their buckets)."""
    rows: Dict[Any, Dict[str, Any]] = {}
    for key, buckets in buckets_by_key.items():
        for bucket in buckets:
            x = bucket["x_end"]
            rows.setdefault(x, {x_column: x})[key] = decode_number(bucket["last"])
    return [rows[x] for x in sorted(rows)]


def read_all_points(client: RestClient, run_path: str, keys: Optional[List[str]],
                    page_size: int) -> Iterator[Dict[str, Any]]:
    """Every raw point as rows ``{"_step", "_timestamp", key: value}``, page by page (``next_cursor``)."""
    keys = list(keys) if keys is not None else history_keys(client, run_path)
    if not keys:
        return
    cursor: Optional[str] = None
    while True:
        params = {"keys": ",".join(keys), "namespace": "history", "limit": page_size}
        if cursor:
            params["cursor"] = cursor
        page = client.get(f"{run_path}/history?{urllib.parse.urlencode(params)}")
        yield from _rows_of_page(page["points"])
        cursor = page.get("next_cursor")
        if not cursor:
            return


def _rows_of_page(points: Dict[str, List[Dict[str, Any]]]) -> List[Dict[str, Any]]:
    # A page ends at a step boundary, so each step's row is complete within one page.
    rows: Dict[int, Dict[str, Any]] = {}
    for key, key_points in points.items():
        for point in key_points:
            row = rows.setdefault(point["step"], {"_step": point["step"], "_timestamp": point.get("time")})
            row[key] = decode_number(point["value"])
    return [rows[step] for step in sorted(rows)]
