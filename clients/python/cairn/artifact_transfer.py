"""Moving artifact bytes: the upload of a version and the verified download of its files.

An upload is three steps against the server (docs/api.md, Artifacts): send the manifest (path, SHA-256, size
of every file) and learn which contents the server lacks; ``PUT`` those; commit. The server makes the
version visible only at the commit, so an upload cut short leaves no partial version, and sending the same
files again resumes it. Each step is retried on transient failures (server unreachable, 5xx).

>>> parse_artifact_path("cnn:best", "alice", "mnist")
('alice', 'mnist', 'cnn:best')
>>> parse_artifact_path("team/vision/cnn:v3", "alice", "mnist")
('team', 'vision', 'cnn:v3')
"""
from __future__ import annotations

import hashlib
import os
import time
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar

from .artifacts import Artifact, sha256_of
from .backoff import Backoff
from .errors import ApiError, ServerUnreachable, UsageError
from .rest import RestClient, quote

T = TypeVar("T")
ATTEMPTS = 6
_ROUNDS = 3  # start + blobs + commit, again when a blob vanished between the steps


def parse_artifact_path(path: str, entity: Optional[str], project: Optional[str]) -> Tuple[str, str, str]:
    """``name:alias``, ``project/name:alias`` or ``entity/project/name:v1`` → (entity, project, ref)."""
    parts = [p for p in str(path).strip("/").split("/") if p]
    if len(parts) == 1:
        parts = [entity, project] + parts
    elif len(parts) == 2:
        parts = [entity] + parts
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise UsageError(f"artifact {path!r} must be 'name:alias', 'project/name:alias' or "
                         f"'entity/project/name:v1' (with a project set for the short forms)")
    return parts[0], parts[1], parts[2]


def version_path(entity: str, project: str, ref: str) -> str:
    return f"/artifacts/{quote(entity)}/{quote(project)}/{quote(ref)}"


def retried(action: Callable[[], T], what: str, sleep: Callable[[float], None] = time.sleep) -> T:
    """Runs ``action``; on a transient failure waits (0.5 s, doubling) and tries again, ``ATTEMPTS`` times."""
    backoff = Backoff(0.5, 8.0)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return action()
        except (ServerUnreachable, ApiError) as e:
            if isinstance(e, ApiError) and not e.is_retriable() or attempt == ATTEMPTS:
                raise
            sleep(backoff.next_delay_s())
    raise AssertionError("unreachable")


def upload(client: RestClient, artifact: Artifact, entity: str, project: str, run_id: Optional[str],
           aliases: List[str]) -> Dict[str, Any]:
    """Uploads the artifact's files as a version; answers the committed version object."""
    entries = artifact.files()
    if not entries:
        raise UsageError(f"artifact {artifact.name!r} has no files; add some with add_file, add_dir or new_file")
    manifest = []
    for entry in entries:
        entry.size = os.path.getsize(entry.local_path)
        entry.sha256 = sha256_of(entry.local_path)
        manifest.append({"path": entry.path, "sha256": entry.sha256, "size": entry.size})
    body = {"name": artifact.name, "type": artifact.type, "description": artifact.description,
            "metadata": artifact.metadata, "run": run_id, "aliases": aliases, "files": manifest}
    base = f"/artifacts/{quote(entity)}/{quote(project)}"
    local_by_digest = {entry.sha256: entry.local_path for entry in entries}
    for round_number in range(1, _ROUNDS + 1):
        started = retried(lambda: client.post(base, body), "start the upload")
        if started.get("upload_id") is None:  # the same files are already a version
            return started["version"]
        for digest in started.get("missing") or []:
            retried(lambda: client.put_file(f"{base}/blobs/{digest}", local_by_digest[digest]), "upload a file")
        try:
            return retried(lambda: client.post(f"{base}/uploads/{started['upload_id']}/commit"), "commit")
        except ApiError as e:
            if e.status != 409 or round_number == _ROUNDS:
                raise
    raise AssertionError("unreachable")


def download_files(client: RestClient, artifact: Artifact, root: str) -> None:
    """Writes every file under ``root``; keeps a file already there when its SHA-256 matches."""
    for entry in artifact.files():
        target = os.path.join(root, *entry.path.split("/"))
        if os.path.isfile(target) and os.path.getsize(target) == entry.size and sha256_of(target) == entry.sha256:
            continue
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        path = version_path(artifact.entity, artifact.project, f"{artifact.name}:{artifact.version}") \
            + "/files/" + "/".join(quote(part) for part in entry.path.split("/"))
        retried(lambda: _download_one(client, path, target, entry.sha256), "download a file")


def _download_one(client: RestClient, path: str, target: str, sha256: Optional[str]) -> None:
    partial = target + ".part"
    digest = hashlib.sha256()
    try:
        with open(partial, "wb") as out:
            def write(chunk: bytes) -> None:
                digest.update(chunk)
                out.write(chunk)
            client.download(path, write)
        if sha256 is not None and digest.hexdigest() != sha256:
            raise ApiError(502, "bad_download", f"{path} arrived with SHA-256 {digest.hexdigest()}, not "
                           f"{sha256} (a broken transfer)", "GET", path)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def client_factory(settings: Any, timeout_s: float = 60.0) -> Callable[[], RestClient]:
    """Makes a fresh client for the server in ``settings`` (artifact handles outlive runs)."""
    return lambda: RestClient(str(settings.base_url), settings.api_key, timeout_s=timeout_s)
