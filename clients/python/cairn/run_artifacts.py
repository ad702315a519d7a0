"""``log_artifact`` and ``use_artifact`` of :class:`cairn.Run`: a run's side of artifact lineage.

Uploads are synchronous in this version: ``log_artifact`` returns once the version is committed (each step
retried on transient failures), so ``artifact.version`` is known at once. Offline and disabled runs do not
upload artifacts (a warning says so).
"""
from __future__ import annotations

import os
from typing import Any, List, Optional, Sequence, Union

from . import terminal
from .artifact_transfer import client_factory, parse_artifact_path, retried, upload, version_path
from .artifacts import Artifact
from .errors import UsageError


class RunArtifacts:
    """The artifact calls of :class:`cairn.Run`; needs the run's identity and settings."""

    def log_artifact(self, artifact_or_path: Union[Artifact, str], name: Optional[str] = None,
                     type: Optional[str] = None, aliases: Optional[Sequence[str]] = None,
                     tags: Optional[Sequence[str]] = None) -> Artifact:
        """Uploads an artifact as a new version logged by this run: ``run.log_artifact(artifact,
        aliases=["best"])``. A path (file or folder) makes an artifact named ``name`` (default: the file
        name) of ``type`` (default ``"unspecified"``). The same files as an existing version give that
        version back. ``latest`` always moves to the newest version. Answers the artifact, now with
        ``version``, ``aliases`` and ``files()``."""
        artifact = _as_artifact(artifact_or_path, name, type)
        if self.disabled or self.offline:
            terminal.warn_once(f"artifact-{self.mode}", f"log_artifact: runs in {self.mode} mode do not upload "
                               f"artifacts; {artifact.name!r} was not logged")
            return artifact
        factory = client_factory(self.settings)
        client = factory()
        try:
            version = upload(client, artifact, self.entity, self.project, self.id, list(aliases or []))
        finally:
            client.close()
        return artifact._take_version(version, factory)

    def use_artifact(self, artifact_or_name: Union[Artifact, str], type: Optional[str] = None,
                     aliases: Optional[List[str]] = None, use_as: Optional[str] = None) -> Artifact:
        """Records that this run uses a version and answers it: ``run.use_artifact("digits-cnn:best")``
        (``name`` alone means ``name:latest``; ``project/name:v1`` and ``entity/project/name:v1`` reach
        other projects). Call ``.download()`` on the answer for its files."""
        if isinstance(artifact_or_name, Artifact):
            if not artifact_or_name.is_logged:
                raise UsageError("use_artifact: this Artifact is not logged; log it first or pass 'name:alias'")
            entity, project = artifact_or_name.entity, artifact_or_name.project
            ref = f"{artifact_or_name.name}:{artifact_or_name.version}"
        else:
            entity, project, ref = parse_artifact_path(artifact_or_name, self.entity, self.project)
        if self.disabled or self.offline:
            raise UsageError(f"use_artifact needs a server; this run is in {self.mode} mode")
        factory = client_factory(self.settings)
        client = factory()
        try:
            version = retried(lambda: client.post(version_path(entity, project, ref) + "/usage",
                                                  {"run": self.path}), "record the use")
        finally:
            client.close()
        if type is not None and version.get("type") != type:
            raise UsageError(f"artifact {ref!r} is of type {version.get('type')!r}, not {type!r}")
        return Artifact._from_version(version, factory)


def _as_artifact(artifact_or_path: Union[Artifact, str], name: Optional[str], type: Optional[str]) -> Artifact:
    if isinstance(artifact_or_path, Artifact):
        return artifact_or_path
    path = os.fspath(artifact_or_path)
    artifact = Artifact(name or os.path.basename(os.path.normpath(path)), type or "unspecified")
    if os.path.isdir(path):
        artifact.add_dir(path)
    else:
        artifact.add_file(path)
    return artifact
