"""Who a run is and where it lives: the read-only identity properties of :class:`cairn.Run`.

>>> info = RunInfo("alice", "mnist", "k3x9q2ab", "glorious-donkey-58", None, None, [], None, "online", False,
...                "http://127.0.0.1:8080")
>>> RunIdentity(info, None, None).url
'http://127.0.0.1:8080/alice/mnist/runs/k3x9q2ab'
"""
from __future__ import annotations

import dataclasses
from typing import Any, List, Optional

from .record_log import RunFolder


@dataclasses.dataclass
class RunInfo:
    """Who the run is and where it lives."""

    entity: str
    project: str
    id: str
    name: str
    group: Optional[str]
    job_type: Optional[str]
    tags: List[str]
    notes: Optional[str]
    mode: str
    resumed: bool
    base_url: str


class RunIdentity:
    """The identity half of :class:`cairn.Run`."""

    def __init__(self, info: RunInfo, settings: Any, folder: Optional[RunFolder]) -> None:
        self._info = info
        self._settings = settings
        self._folder = folder

    # ---- identity ---------------------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self._info.id

    @property
    def name(self) -> str:
        return self._info.name

    @property
    def entity(self) -> str:
        return self._info.entity

    @property
    def project(self) -> str:
        return self._info.project

    @property
    def group(self) -> Optional[str]:
        return self._info.group

    @property
    def job_type(self) -> Optional[str]:
        return self._info.job_type

    @property
    def tags(self) -> tuple:
        return tuple(self._info.tags)

    @property
    def notes(self) -> Optional[str]:
        return self._info.notes

    @property
    def path(self) -> str:
        """``entity/project/id``, the run's address in the REST API."""
        return f"{self.entity}/{self.project}/{self.id}"

    @property
    def url(self) -> str:
        """Where the server's UI shows this run."""
        return f"{self._info.base_url}/{self.entity}/{self.project}/runs/{self.id}"

    @property
    def dir(self) -> Optional[str]:
        """The run's local folder (record log, run.json); None when disabled."""
        return self._folder.path if self._folder else None

    @property
    def mode(self) -> str:
        return self._info.mode

    @property
    def offline(self) -> bool:
        return self._info.mode == "offline"

    @property
    def disabled(self) -> bool:
        return self._info.mode == "disabled"

    @property
    def resumed(self) -> bool:
        return self._info.resumed

    @property
    def settings(self) -> Any:
        """The run's :class:`cairn.Settings`."""
        return self._settings
