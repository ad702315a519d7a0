"""Cairn's Python client: track runs on a self-hosted Cairn server with W&B's API.

Scripts written for W&B run unchanged with one import changed::

    import cairn as wandb

    wandb.init(project="mnist", config={"lr": 0.001, "epochs": 3})
    for epoch in range(wandb.config.epochs):
        wandb.log({"loss": 1.0 / (epoch + 1), "val": {"acc": 0.5 + epoch / 10}})
    wandb.finish()

Standard library only; Python 3.8+. See docs/python.md for what is supported.
"""
from __future__ import annotations

from typing import Any, List, Mapping, Optional, Sequence, Union

from . import settings as _settings
from .api import Api, runs_dataframe
from .artifacts import Artifact
from .config import Config
from .errors import ApiError, Error, ServerUnreachable, UsageError
from .histogram import Histogram
from .images import Image
from .table import Table
from . import plot
from .run import Run
from .session import finish, init
from .settings import Settings
from .sweeps import agent, sweep
from .summary import Summary
from .unsupported import not_yet as _not_yet

__version__ = "0.1.0"


class _PreInit:
    """``cairn.config`` / ``cairn.summary`` before ``cairn.init()``: every use says to call init first."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        raise UsageError(f"call cairn.init() before using cairn.{self._name}")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # introspection (hasattr, copy, pickle) gets a plain answer
            raise AttributeError(name)
        return self._fail()

    __getitem__ = __setitem__ = __setattr__ = __contains__ = __iter__ = __len__ = _fail

    def __repr__(self) -> str:
        return f"<cairn.{self._name} before cairn.init()>"


_PRE_INIT_CONFIG = _PreInit("config")
_PRE_INIT_SUMMARY = _PreInit("summary")

# ``cairn.run`` is the current run, as ``wandb.run``: it shadows the submodule cairn.run, which the
# package itself only ever reaches through ``from .run import ...``.
run: Optional[Run] = None
config: Any = _PRE_INIT_CONFIG
summary: Any = _PRE_INIT_SUMMARY


def login(key: Optional[str] = None, host: Optional[str] = None, relogin: Optional[bool] = None,
          anonymous: Optional[str] = None, timeout: Optional[int] = None, verify: bool = False,
          **ignored: Any) -> bool:
    """Sets the API key and server for this process's runs (they win over ``CAIRN_API_KEY`` and
    ``CAIRN_BASE_URL``). Nothing is stored on disk. ``verify=True`` checks the server answers.

    >>> login(host="http://127.0.0.1:8080")
    True
    """
    _settings.login(key, host)
    if verify:
        from .rest import RestClient
        s = _settings.current()
        RestClient(str(s.base_url), s.api_key, timeout_s=float(timeout or 10)).get("/health")
    return True


def log(data: Mapping[str, Any], step: Optional[int] = None, commit: Optional[bool] = None,
        sync: Optional[bool] = None) -> None:
    """Logs to the current run: see :meth:`Run.log`."""
    _current("log").log(data, step=step, commit=commit)


def define_metric(name: str, step_metric: Optional[str] = None, step_sync: Optional[bool] = None,
                  hidden: Optional[bool] = None, summary: Union[None, str, Sequence[str]] = None,
                  goal: Optional[str] = None, overwrite: Optional[bool] = None) -> None:
    """Defines a metric of the current run: see :meth:`Run.define_metric`."""
    _current("define_metric").define_metric(name, step_metric=step_metric, summary=summary, goal=goal)


def _current(action: str) -> Run:
    from .session import current_run
    return current_run(action)


def save(glob_str: Optional[str] = None, base_path: Optional[str] = None, policy: str = "live") -> Any:
    """Uploads files to the current run: see :meth:`Run.save`."""
    return _current("save").save(glob_str, base_path=base_path, policy=policy)


def watch(models: Any, criterion: Any = None, log: Optional[str] = "gradients", log_freq: int = 100,
          idx: Optional[int] = None, log_graph: bool = False) -> None:
    """Watches a PyTorch model in the current run: see :meth:`Run.watch`."""
    _current("watch").watch(models, criterion=criterion, log=log, log_freq=log_freq)


def unwatch(models: Any = None) -> None:
    """Removes the current run's watch hooks: see :meth:`Run.unwatch`."""
    _current("unwatch").unwatch(models)


def log_artifact(artifact_or_path: Any, name: Optional[str] = None, type: Optional[str] = None,
                 aliases: Optional[Sequence[str]] = None, tags: Optional[Sequence[str]] = None) -> Artifact:
    """Logs an artifact from the current run: see :meth:`Run.log_artifact`."""
    return _current("log_artifact").log_artifact(artifact_or_path, name=name, type=type, aliases=aliases)


def use_artifact(artifact_or_name: Any, type: Optional[str] = None, aliases: Optional[List[str]] = None,
                 use_as: Optional[str] = None) -> Artifact:
    """Uses an artifact in the current run: see :meth:`Run.use_artifact`."""
    return _current("use_artifact").use_artifact(artifact_or_name, type=type)


# W&B calls of later Cairn versions: they warn once and do nothing.
alert = _not_yet("alert", "alerts")

__all__ = ["init", "log", "finish", "login", "define_metric", "save", "watch", "unwatch", "sweep", "agent", "run", "config",
           "summary", "Run", "Artifact", "log_artifact", "use_artifact", "Config", "Image", "Table", "Histogram", "plot",
           "Summary", "Settings", "Api", "runs_dataframe",
           "Error", "UsageError", "ApiError", "ServerUnreachable", "__version__"]
