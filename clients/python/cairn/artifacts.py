"""Versioned artifacts: files (a model, a data set) logged by one run, used by others, kept as v0, v1, ...

    artifact = cairn.Artifact("digits-cnn", type="model", metadata={"val_acc": 0.97})
    artifact.add_file("model.pt")
    artifact.add_dir("plots", name="plots")
    with artifact.new_file("notes.txt") as f:
        f.write("trained on digits")
    run.log_artifact(artifact, aliases=["best"])          # uploads now; artifact.version is "v0", "v1", ...

    model = run.use_artifact("digits-cnn:best")           # lineage: this run used that version
    folder = model.download()                             # ./artifacts/digits-cnn:v0, every file verified

>>> a = Artifact("cnn", type="model")
>>> a.add_file(__file__, name="code/artifacts.py").path
'code/artifacts.py'
>>> [f.path for f in a.files()], a.version
(['code/artifacts.py'], None)
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import tempfile
from typing import Any, Dict, Iterator, List, Optional

from .errors import UsageError

_CHUNK_BYTES = 1024 * 1024


@dataclasses.dataclass
class ArtifactFile:
    """One file of an artifact: its path inside the artifact, and (once hashed or logged) size and SHA-256."""

    path: str
    size: Optional[int] = None
    sha256: Optional[str] = None
    local_path: Optional[str] = None

    @property
    def name(self) -> str:
        """W&B's name for the path."""
        return self.path

    @property
    def digest(self) -> Optional[str]:
        return self.sha256


class Artifact:
    """A set of files with a name and a type; logging it makes a new version (or finds the same one).

    Before logging: :meth:`add_file`, :meth:`add_dir`, :meth:`new_file`. After
    :meth:`cairn.Run.log_artifact`, :meth:`cairn.Run.use_artifact` or ``cairn.Api().artifact(...)``:
    ``version`` (``"v3"``), ``aliases``, ``metadata``, ``files()``, :meth:`download`.
    ``add_reference`` (files kept elsewhere, such as s3:// URLs) is not supported.
    """

    def __init__(self, name: str, type: str, description: Optional[str] = None,
                 metadata: Optional[Dict[str, Any]] = None) -> None:
        if not name or ":" in name or "/" in name:
            raise UsageError(f"artifact name {name!r} must be a plain name such as 'digits-cnn' "
                             f"(no ':' or '/'; the version is chosen by the server)")
        self.name = name
        self.type = type
        self.description = description
        self.metadata: Dict[str, Any] = dict(metadata or {})
        self.entity: Optional[str] = None
        self.project: Optional[str] = None
        self.version: Optional[str] = None
        self.aliases: List[str] = []
        self.digest: Optional[str] = None
        self.size: Optional[int] = None
        self.created_by: Optional[str] = None
        self.used_by: List[str] = []
        self._files: Dict[str, ArtifactFile] = {}
        self._staging: Optional[str] = None
        self._client_factory: Any = None

    # ---- building ------------------------------------------------------------------------------------

    def add_file(self, local_path: str, name: Optional[str] = None, is_tmp: bool = False,
                 skip_cache: Optional[bool] = None, policy: Optional[str] = None,
                 overwrite: bool = False) -> ArtifactFile:
        """Adds a local file as ``name`` (default: its file name). ``is_tmp``, ``skip_cache`` and ``policy``
        are accepted and ignored: the bytes are read when the artifact is logged."""
        self._require_unlogged("add_file")
        if not os.path.isfile(local_path):
            raise UsageError(f"add_file: {local_path!r} is not a file")
        path = _checked_path(name if name is not None else os.path.basename(local_path))
        if path in self._files and not overwrite:
            raise UsageError(f"the artifact already has a file {path!r}; pass overwrite=True to replace it")
        entry = ArtifactFile(path, local_path=os.path.abspath(local_path))
        self._files[path] = entry
        return entry

    def add_dir(self, local_path: str, name: Optional[str] = None, skip_cache: Optional[bool] = None,
                policy: Optional[str] = None) -> None:
        """Adds every file under the folder ``local_path``, each at its relative path (under ``name``
        when given)."""
        self._require_unlogged("add_dir")
        if not os.path.isdir(local_path):
            raise UsageError(f"add_dir: {local_path!r} is not a folder")
        prefix = _checked_path(name) + "/" if name else ""
        for folder, dirs, files in os.walk(local_path):
            dirs.sort()
            for file_name in sorted(files):
                full = os.path.join(folder, file_name)
                relative = os.path.relpath(full, local_path).replace(os.sep, "/")
                self.add_file(full, name=prefix + relative, overwrite=True)

    def new_file(self, name: str, mode: str = "x", encoding: Optional[str] = None) -> Any:
        """Opens a new file in the artifact for writing: ``with artifact.new_file("notes.txt") as f:``.
        ``mode`` ``"x"``/``"w"`` (text) or ``"xb"``/``"wb"`` (bytes)."""
        self._require_unlogged("new_file")
        path = _checked_path(name)
        if "r" in mode or "a" in mode or "+" in mode:
            raise UsageError(f"new_file mode {mode!r}: use 'w' or 'x' (text) or 'wb' or 'xb' (bytes)")
        if self._staging is None:
            self._staging = tempfile.mkdtemp(prefix="cairn-artifact-")
        local = os.path.join(self._staging, *path.split("/"))
        os.makedirs(os.path.dirname(local), exist_ok=True)
        handle = open(local, mode.replace("x", "w"), encoding=None if "b" in mode else (encoding or "utf-8"))
        self._files[path] = ArtifactFile(path, local_path=local)
        return handle

    def add_reference(self, uri: Any, name: Optional[str] = None, **ignored: Any) -> None:
        """Not supported: Cairn keeps the bytes of every artifact file itself. Download the file and
        :meth:`add_file` it instead."""
        raise UsageError(f"add_reference({uri!r}) is not supported by Cairn: artifacts hold their own bytes; "
                         f"download the file and use add_file() instead")

    # ---- reading ---------------------------------------------------------------------------------------

    def files(self) -> List[ArtifactFile]:
        """The files by path."""
        return [self._files[path] for path in sorted(self._files)]

    @property
    def qualified_name(self) -> str:
        """``entity/project/name:v3`` once logged."""
        return f"{self.entity}/{self.project}/{self.name}:{self.version}"

    @property
    def is_logged(self) -> bool:
        return self.version is not None

    def wait(self, timeout: Optional[float] = None) -> "Artifact":
        """For W&B scripts: logging is synchronous in Cairn, so a logged artifact is already complete."""
        return self

    def download(self, root: Optional[str] = None, **ignored: Any) -> str:
        """Downloads every file to ``root`` (default ``./artifacts/<name>:<version>``), checking each
        SHA-256; files already there with the right content are kept. Answers the folder."""
        if not self.is_logged or self._client_factory is None:
            raise UsageError(f"artifact {self.name!r} is not logged yet: log it with run.log_artifact() or get "
                             f"one with run.use_artifact() / cairn.Api().artifact()")
        from .artifact_transfer import download_files
        root = root or os.path.join(".", "artifacts", f"{self.name}:{self.version}")
        client = self._client_factory()
        try:
            download_files(client, self, root)
        finally:
            client.close()
        return root

    def __repr__(self) -> str:
        return f"<cairn.Artifact {self.name}:{self.version or '(not logged)'} type={self.type}>"

    def __del__(self) -> None:
        if getattr(self, "_staging", None) is not None:
            shutil.rmtree(self._staging, ignore_errors=True)

    # ---- state -----------------------------------------------------------------------------------------

    def _require_unlogged(self, action: str) -> None:
        if self.is_logged:
            raise UsageError(f"{action}: artifact {self.qualified_name} is logged and cannot change; "
                             f"make a new cairn.Artifact({self.name!r}, ...) for the next version")

    def _take_version(self, version: Dict[str, Any], client_factory: Any) -> "Artifact":
        """Fills the logged state from the server's version object."""
        self.entity = version.get("entity")
        self.project = version.get("project")
        self.name = version.get("name", self.name)
        self.type = version.get("type", self.type)
        self.description = version.get("description")
        self.version = version.get("version")
        self.aliases = list(version.get("aliases") or [])
        self.metadata = dict(version.get("metadata") or {})
        self.digest = version.get("digest")
        self.size = version.get("size")
        self.created_by = version.get("created_by")
        self.used_by = list(version.get("used_by") or [])
        if "files" in version:
            local = {path: f.local_path for path, f in self._files.items()}
            self._files = {f["path"]: ArtifactFile(f["path"], f.get("size"), f.get("sha256"), local.get(f["path"]))
                           for f in version["files"]}
        self._client_factory = client_factory
        return self

    @classmethod
    def _from_version(cls, version: Dict[str, Any], client_factory: Any) -> "Artifact":
        artifact = cls(version["name"], version["type"])
        return artifact._take_version(version, client_factory)


def sha256_of(local_path: str) -> str:
    digest = hashlib.sha256()
    with open(local_path, "rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _checked_path(path: str) -> str:
    """The server's rule for artifact paths, checked early: relative, ``/``-separated, no ``.``/``..``."""
    if not path or "\\" in path or "\0" in path or path.startswith("/") or any(
            part in ("", ".", "..") for part in path.split("/")):
        raise UsageError(f"artifact file path {path!r} must be relative and '/'-separated, without '.', '..' "
                         f"or empty parts, such as 'weights/model.pt'")
    return path


def iter_chunks(f: Any) -> Iterator[bytes]:
    return iter(lambda: f.read(_CHUNK_BYTES), b"")
