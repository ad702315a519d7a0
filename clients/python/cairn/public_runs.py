"""A run read back from the server: what ``cairn.Api().run(...)`` and ``api.runs(...)`` give (W&B's
``wandb.apis.public.Run``). Change ``name``, ``notes``, ``tags``, ``config`` or ``summary`` and call
:meth:`PublicRun.update` to save the changes.

>>> run = PublicRun(None, "http://127.0.0.1:8080", {"entity": "alice", "project": "mnist", "id": "k3x9q2ab",
...                 "name": "glorious-donkey-58", "state": "finished", "config": {"lr": 0.1}})
>>> run.path, run.url
(['alice', 'mnist', 'k3x9q2ab'], 'http://127.0.0.1:8080/alice/mnist/runs/k3x9q2ab')
>>> run.changed_fields()
{}
>>> run.config["lr"] = 0.2
>>> run.changed_fields()
{'config': {'lr': 0.2}}
"""
from __future__ import annotations

import copy
from typing import Any, Dict, Iterator, List, Optional

from .rest import RestClient
from .run_history import read_all_points, sampled_rows
from .runs_api import runs_path
from .tables import to_frame

_EDITABLE = ("name", "notes", "tags", "group", "job_type")
_MERGED = ("config", "summary")  # the server merges these: only changed keys are sent


class PublicRun:
    """One run on the server; attributes are the run object's fields (docs/api.md, The run object)."""

    def __init__(self, client: Optional[RestClient], base_url: str, run: Dict[str, Any]) -> None:
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._load(run)

    def _load(self, run: Dict[str, Any]) -> None:
        self._attrs = run
        self.entity: str = run["entity"]
        self.project: str = run["project"]
        self.id: str = run["id"]
        self.name: Optional[str] = run.get("name")
        self.notes: str = run.get("notes") or ""
        self.state: Optional[str] = run.get("state")
        self.tags: List[str] = list(run.get("tags") or [])
        self.group: Optional[str] = run.get("group")
        self.job_type: Optional[str] = run.get("job_type")
        self.config: Dict[str, Any] = copy.deepcopy(run.get("config") or {})
        self.summary: Dict[str, Any] = copy.deepcopy(run.get("summary") or {})
        self.metadata: Dict[str, Any] = run.get("metadata") or {}
        self.created_at: Optional[str] = run.get("created_at")
        self.updated_at: Optional[str] = run.get("updated_at")
        self.heartbeat_at: Optional[str] = run.get("heartbeat_at")
        self.finished_at: Optional[str] = run.get("finished_at")
        self.runtime_s: Optional[float] = run.get("runtime_s")
        self.exit_code: Optional[int] = run.get("exit_code")

    @property
    def path(self) -> List[str]:
        return [self.entity, self.project, self.id]

    @property
    def url(self) -> str:
        return f"{self._base_url}/{self.entity}/{self.project}/runs/{self.id}"

    @property
    def display_name(self) -> Optional[str]:
        return self.name

    @property
    def summary_metrics(self) -> Dict[str, Any]:
        return self.summary

    def history(self, samples: int = 500, keys: Optional[List[str]] = None, x_axis: str = "step",
                pandas: bool = False) -> Any:
        """Downsampled history: at most ``samples`` rows ``{"_step": .., key: value}`` (one per bucket,
        each key's last value in it), from ``POST /history/sampled``. ``pandas=True``: a DataFrame."""
        rows = sampled_rows(self._rest(), self._key_path(), self._run_path(), keys, samples, x_axis)
        return to_frame(rows, pandas)

    def scan_history(self, keys: Optional[List[str]] = None, page_size: int = 1000) -> Iterator[Dict[str, Any]]:
        """Every logged row, ``{"_step": .., "_timestamp": .., key: value}`` in step order, read page by
        page (NaN and infinities as floats)."""
        return read_all_points(self._rest(), self._run_path(), keys, page_size)

    def changed_fields(self) -> Dict[str, Any]:
        """The fields changed since the run was read, as :meth:`update` sends them."""
        changes: Dict[str, Any] = {}
        for field in _EDITABLE:
            value = getattr(self, field)
            original = self._attrs.get(field)
            if field == "tags":
                original = list(original or [])
            elif field == "notes":
                original = original or ""
            if value != original:
                changes[field] = value
        for field in _MERGED:
            original = self._attrs.get(field) or {}
            changed = {k: v for k, v in getattr(self, field).items() if k not in original or original[k] != v}
            if changed:
                changes[field] = changed
        return changes

    def update(self) -> None:
        """Saves changed ``name``, ``notes``, ``tags``, ``group``, ``job_type``, ``config`` and ``summary``
        keys (``PATCH``); the run then shows what the server holds. Removing a key is not sent."""
        changes = self.changed_fields()
        if changes:
            self._load(self._rest().request("PATCH", self._run_path(), body=changes))

    def load(self) -> "PublicRun":
        """Reads the run again from the server (dropping unsaved changes)."""
        self._load(self._rest().get(self._run_path()))
        return self

    def _rest(self) -> RestClient:
        if self._client is None:
            from .errors import UsageError
            raise UsageError("this run was made without a server connection; read it with cairn.Api().run(...)")
        return self._client

    def _run_path(self) -> str:
        return runs_path(self.entity, self.project, self.id)

    def _key_path(self) -> str:
        return "/".join(self.path)

    def __repr__(self) -> str:
        return f"<Run {'/'.join(self.path)} ({self.state})>"
