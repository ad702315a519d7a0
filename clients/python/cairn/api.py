"""The public read API: runs, their config, summary and history, as W&B's ``wandb.Api()``.

    api = cairn.Api()
    for run in api.runs("alice/mnist", filters={"config.lr": {"$gte": 0.001}}, order="-summary.acc"):
        print(run.name, run.summary.get("acc"), len(run.history(samples=100)))
    rows = api.runs("alice/mnist").to_dataframe()   # pandas DataFrame, or a list of dicts without pandas

W&B spellings are accepted: ``summary_metrics.x`` means ``summary.x`` and ``display_name`` means ``name``.

>>> wandb_order("-summary_metrics.val_acc"), wandb_order("+created_at"), wandb_order(None)
('-summary.val_acc', 'created_at', '-created_at')
>>> wandb_filters({"$or": [{"summary_metrics.acc": {"$gt": 0.9}}, {"display_name": "a"}]})
{'$or': [{'summary.acc': {'$gt': 0.9}}, {'name': 'a'}]}
"""
from __future__ import annotations

import json
import urllib.parse
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

from . import settings as _settings
from .artifact_transfer import client_factory, parse_artifact_path, version_path
from .artifacts import Artifact
from .errors import UsageError
from .public_runs import PublicRun
from .public_sweeps import PublicSweep
from .rest import RestClient
from .runs_api import runs_path
from .tables import import_pandas, run_row, to_frame

DEFAULT_ORDER = "-created_at"
_MAX_PAGE = 1000  # the server's largest `limit`


class Api:
    """Reads runs from the server that ``cairn.login()`` / ``CAIRN_BASE_URL`` name.

    ``overrides`` may set ``base_url``, ``api_key``, ``entity`` and ``project`` (the defaults for paths
    that leave them out). Errors: :class:`cairn.ApiError` with the server's message (unknown project or
    run, bad filter), :class:`cairn.ServerUnreachable` when no server answers.
    """

    def __init__(self, overrides: Optional[Mapping[str, Any]] = None, timeout: Optional[float] = None,
                 api_key: Optional[str] = None) -> None:
        self.settings = _settings.current().overridden_by(
            _settings.Settings(**{k: v for k, v in (overrides or {}).items()
                                  if k in ("base_url", "api_key", "entity", "project")}))
        if api_key:
            self.settings.api_key = api_key
        self.client = RestClient(str(self.settings.base_url), self.settings.api_key,
                                 timeout_s=float(timeout if timeout is not None else 30))

    def close(self) -> None:
        """Closes the connection to the server (a later call opens a new one)."""
        self.client.close()

    def __enter__(self) -> "Api":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    @property
    def default_entity(self) -> str:
        return str(self.settings.entity)

    def runs(self, path: Optional[str] = None, filters: Optional[Mapping[str, Any]] = None,
             order: Optional[str] = None, per_page: int = 50) -> "Runs":
        """The runs of ``"entity/project"`` (or ``"project"``) matching ``filters`` (MongoDB-style, see
        docs/api.md), sorted by ``order`` (``"-summary.acc"``; default newest first); fetched lazily."""
        entity, project = self._project_path(path)
        return Runs(self, entity, project, wandb_filters(filters), wandb_order(order), per_page)

    def run(self, path: str) -> PublicRun:
        """One run: ``"entity/project/run_id"`` (W&B's ``"entity/project/runs/run_id"`` works too)."""
        parts = [p for p in path.strip("/").split("/") if p]
        if len(parts) == 4 and parts[2] == "runs":
            parts = [parts[0], parts[1], parts[3]]
        if len(parts) == 2:
            parts = [self.default_entity] + parts
        if len(parts) != 3:
            raise UsageError(f"run path {path!r} is not 'entity/project/run_id'")
        return PublicRun(self.client, self.client.base_url, self.client.get(runs_path(*parts)))

    def sweep(self, path: str) -> PublicSweep:
        """One sweep: ``"entity/project/sweep_id"`` (``"project/sweep_id"``, W&B's
        ``"entity/project/sweeps/sweep_id"`` work too); ``.runs``, ``.best_run()``, ``.state``, ``.config``."""
        parts = [p for p in path.strip("/").split("/") if p]
        if len(parts) == 4 and parts[2] == "sweeps":
            parts = [parts[0], parts[1], parts[3]]
        if len(parts) == 2:
            parts = [self.default_entity] + parts
        if len(parts) != 3:
            raise UsageError(f"sweep path {path!r} is not 'entity/project/sweep_id'")
        sweep = self.client.get("/sweeps/" + "/".join(urllib.parse.quote(p, safe="") for p in parts))
        return PublicSweep(self, sweep)

    def artifact(self, name: str, type: Optional[str] = None) -> Artifact:
        """One artifact version: ``"entity/project/name:alias"`` (``"name:v3"`` and ``"project/name:v3"``
        use the default entity and project; ``name`` alone means ``name:latest``). Reading it records no
        lineage; :meth:`cairn.Run.use_artifact` does. ``.download()`` fetches its files."""
        entity, project, ref = parse_artifact_path(name, self.default_entity, self.settings.project)
        version = self.client.get(version_path(entity, project, ref))
        if type is not None and version.get("type") != type:
            raise UsageError(f"artifact {name!r} is of type {version.get('type')!r}, not {type!r}")
        return Artifact._from_version(version, client_factory(self.settings))

    def _project_path(self, path: Optional[str]) -> Tuple[str, str]:
        parts = [p for p in (path or "").strip("/").split("/") if p]
        if len(parts) == 2:
            return parts[0], parts[1]
        if len(parts) == 1:
            return self.default_entity, parts[0]
        if not parts:
            return self.default_entity, str(self.settings.project)
        raise UsageError(f"project path {path!r} is not 'entity/project'")


class Runs:
    """The runs matching a query, read a page (``per_page`` runs) at a time as you iterate.

    ``len()`` is the server's count of matching runs; ``runs[i]`` reads pages up to run ``i``.
    """

    def __init__(self, api: Api, entity: str, project: str, filters: Optional[Dict[str, Any]],
                 order: str, per_page: int) -> None:
        self.api, self.entity, self.project = api, entity, project
        self.filters, self.order, self.per_page = filters, order, per_page
        self._loaded: List[PublicRun] = []
        self._cursor: Optional[str] = None
        self._is_done = False
        self._total: Optional[int] = None

    def __iter__(self) -> Iterator[PublicRun]:
        index = 0
        while True:
            while index < len(self._loaded):
                yield self._loaded[index]
                index += 1
            if self._is_done:
                return
            self._load_page()

    def __len__(self) -> int:
        if self._total is None:
            self._load_page()
        return int(self._total or 0)

    def __getitem__(self, index: int) -> PublicRun:
        if index < 0:
            index += len(self)
        while index >= len(self._loaded) and not self._is_done:
            self._load_page()
        return self._loaded[index]

    def to_dataframe(self, pandas: Optional[bool] = None) -> Any:
        """One row per run: ``id, name, state, group, job_type, tags, created_at, runtime_s``, then
        ``config.*`` and ``summary.*`` flattened with dots (as the server's export). A pandas DataFrame
        when pandas is installed (or ``pandas=True``), else a list of dicts."""
        rows = [run_row(run._attrs) for run in self]
        return to_frame(rows, import_pandas() is not None if pandas is None else pandas)

    def _load_page(self) -> None:
        params: Dict[str, Any] = {"sort": self.order, "limit": max(1, min(self.per_page, _MAX_PAGE))}
        if self.filters:
            params["filter"] = json.dumps(self.filters)
        if self._cursor:
            params["cursor"] = self._cursor
        page = self.api.client.get(f"{runs_path(self.entity, self.project)}?{urllib.parse.urlencode(params)}")
        base_url = self.api.client.base_url
        self._loaded.extend(PublicRun(self.api.client, base_url, run) for run in page["runs"])
        self._total = page.get("total")
        self._cursor = page.get("next_cursor")
        self._is_done = not self._cursor

    def __repr__(self) -> str:
        return f"<Runs {self.entity}/{self.project}>"


def runs_dataframe(path: Optional[str] = None, filters: Optional[Mapping[str, Any]] = None,
                   order: Optional[str] = None, pandas: Optional[bool] = None) -> Any:
    """``cairn.Api().runs(path, filters, order).to_dataframe()`` in one call."""
    with Api() as api:
        return api.runs(path, filters=filters, order=order, per_page=1000).to_dataframe(pandas=pandas)


def wandb_order(order: Optional[str]) -> str:
    """A W&B order string in the server's ``sort`` spelling."""
    if not order:
        return DEFAULT_ORDER
    sign, field = ("-", order[1:]) if order.startswith("-") else ("", order.lstrip("+"))
    return sign + _field(field)


def wandb_filters(filters: Any) -> Any:
    """W&B field names in a filter replaced by the server's (values are left alone)."""
    if isinstance(filters, Mapping):
        return {_field(k) if not k.startswith("$") else k: wandb_filters(v) for k, v in filters.items()}
    if isinstance(filters, list):
        return [wandb_filters(v) for v in filters]
    return filters


def _field(name: str) -> str:
    if name.startswith("summary_metrics."):
        return "summary." + name[len("summary_metrics."):]
    return {"display_name": "name", "createdAt": "created_at", "jobType": "job_type"}.get(name, name)
