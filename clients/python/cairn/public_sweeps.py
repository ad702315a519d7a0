"""A sweep read through :class:`cairn.Api`: ``api.sweep("alice/mnist/sw4k2p9q")``, its ``runs`` and ``best_run()``."""
from __future__ import annotations

from typing import Any, Dict, Optional

from .public_runs import PublicRun


class PublicSweep:
    """One sweep on the server; attributes are the sweep object's fields (docs/api.md, The sweep object)."""

    def __init__(self, api: Any, sweep: Dict[str, Any]) -> None:
        self._api = api
        self._attrs = sweep
        self.entity: str = sweep["entity"]
        self.project: str = sweep["project"]
        self.id: str = sweep["id"]
        self.name: Optional[str] = sweep.get("name")
        self.state: Optional[str] = sweep.get("state")
        self.method: Optional[str] = sweep.get("method")
        self.config: Dict[str, Any] = sweep.get("config") or {}
        self.counts: Dict[str, int] = sweep.get("counts") or {}
        self.best: Optional[Dict[str, Any]] = sweep.get("best")

    @property
    def path(self) -> list:
        return [self.entity, self.project, self.id]

    @property
    def runs(self) -> Any:
        """The sweep's runs (a lazily read :class:`cairn.api.Runs`), newest first."""
        return self._api.runs(f"{self.entity}/{self.project}", filters={"sweep": self.id})

    def best_run(self, order: Optional[str] = None) -> Optional[PublicRun]:
        """The run with the best value of the sweep's metric (the server's ``best``), or with ``order``
        (``"-summary.val_acc"``) the first run in that order; None when there is none."""
        if order is None and self.best and self.best.get("run"):
            return self._api.run(f"{self.entity}/{self.project}/{self.best['run']}")
        if order is None:
            metric = self.config.get("metric") or {}
            if not metric.get("name"):
                return None
            order = ("+" if metric.get("goal") == "minimize" else "-") + "summary." + str(metric["name"])
        runs = self._api.runs(f"{self.entity}/{self.project}", filters={"sweep": self.id}, order=order, per_page=1)
        return runs[0] if len(runs) else None

    def __repr__(self) -> str:
        return f"<cairn.Sweep {'/'.join(self.path)} ({self.state})>"
