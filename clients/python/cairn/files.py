"""Run files: media and ``run.save()`` files staged in the run folder, uploaded by the sender thread.

A file is first written to ``<run folder>/files/<path>`` (so an outage or a crash loses nothing), then
the sender ``PUT``s it to ``/runs/{entity}/{project}/{run}/files/{path}`` when the server answers, and
notes ``<sha256> <path>`` in ``files.acked``. Reopening the folder (resume, restart) finds the files not
uploaded yet by comparing the two; ``./cairn sync <folder>`` uploads the staged files too.

>>> import tempfile
>>> files = RunFiles(tempfile.mkdtemp())
>>> files.stage_bytes("media/a.txt", b"hi"); files.pending_paths()
['media/a.txt']
>>> files.mark_uploaded("media/a.txt", files.sha256_of("media/a.txt")); files.pending_paths()
[]
"""
from __future__ import annotations

import glob as glob_module
import hashlib
import os
import shutil
import threading
from typing import Callable, Dict, List, Optional, Tuple

from . import terminal
from .errors import UsageError

MAX_FILE_BYTES = 10 * 1024 * 1024
POLICIES = ("live", "now", "end")


def check_path(path: str) -> str:
    """A run-file path as the server accepts it: ``/``-separated, relative, no ``.``/``..``/empty segments.

    >>> check_path("media/images/a.png")
    'media/images/a.png'
    """
    segments = path.split("/")
    if (not path or path.startswith("/") or "\\" in path or "\x00" in path
            or any(s in ("", ".", "..") for s in segments)):
        raise UsageError(f"run file path {path!r} is not allowed: use a relative path with '/' and no "
                         f"'.', '..' or empty parts")
    return path


class RunFiles:
    """The staged files of one run folder. Thread-safe: the training thread stages, the sender uploads."""

    def __init__(self, run_folder: str, on_staged: Optional[Callable[[], None]] = None) -> None:
        self.root = os.path.join(run_folder, "files")
        self.acked_path = os.path.join(run_folder, "files.acked")
        self.on_staged = on_staged
        self._lock = threading.Lock()
        self._uploaded: Dict[str, str] = self._read_acked()
        self._pending: Dict[str, str] = {}   # path -> sha256 of the staged bytes
        self._rules: List["SaveRule"] = []
        self._seen: Dict[str, Tuple[float, int]] = {}   # source file -> (mtime, size) when last staged
        self._scan()

    # ---- staging (any thread) -----------------------------------------------------------------------

    def stage_bytes(self, path: str, data: bytes) -> None:
        """Stores ``data`` as run file ``path`` and queues it for upload (a file already uploaded with the
        same bytes is not sent again)."""
        check_path(path)
        if len(data) > MAX_FILE_BYTES:
            raise UsageError(f"{path} is {len(data)} bytes; run files are limited to 10 MiB")
        digest = hashlib.sha256(data).hexdigest()
        target = os.path.join(self.root, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = target + ".tmp"
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, target)
        self._queue(path, digest)

    def stage_file(self, path: str, source: str) -> bool:
        """Copies the file ``source`` to run file ``path`` and queues it; answers False (with a warning)
        when it is over 10 MiB."""
        check_path(path)
        size = os.path.getsize(source)
        if size > MAX_FILE_BYTES:
            terminal.warn_once(f"too-big:{source}", f"{source} is {size} bytes; run files are limited to "
                               f"10 MiB, so it is not saved (artifacts are for larger files)")
            return False
        target = os.path.join(self.root, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        temporary = target + ".tmp"
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
        self._queue(path, _sha256_file(target))
        return True

    def _queue(self, path: str, digest: str) -> None:
        with self._lock:
            if self._uploaded.get(path) == digest:
                self._pending.pop(path, None)
                return
            self._pending[path] = digest
        if self.on_staged is not None:
            self.on_staged()

    # ---- run.save() ---------------------------------------------------------------------------------

    def save(self, pattern: str, base_path: Optional[str], policy: str) -> List[str]:
        """``run.save()``: stages the matching files now (``now``, ``live``) and remembers the rule
        (``live``: again whenever they change; ``end``: at finish). Answers the run-file paths staged now."""
        if policy not in POLICIES:
            raise UsageError(f"policy={policy!r}: use 'live', 'now' or 'end'")
        rule = SaveRule(pattern, base_path, policy)
        if policy != "now":
            with self._lock:
                self._rules.append(rule)
        return [] if policy == "end" else self._stage_rule(rule, only_changed=False)

    def poll_live(self) -> None:
        """Stages ``live`` files that appeared or changed since they were last staged."""
        for rule in self._rules_with("live"):
            self._stage_rule(rule, only_changed=True)

    def stage_at_end(self) -> None:
        """Finish: stages ``end`` files, and ``live`` files that changed."""
        for rule in self._rules_with("live", "end"):
            self._stage_rule(rule, only_changed=True)

    def _rules_with(self, *policies: str) -> List["SaveRule"]:
        with self._lock:
            return [r for r in self._rules if r.policy in policies]

    def _stage_rule(self, rule: "SaveRule", only_changed: bool) -> List[str]:
        staged = []
        for source, path in rule.matches():
            try:
                stat = os.stat(source)
                state = (stat.st_mtime, stat.st_size)
                if only_changed and self._seen.get(source) == state:
                    continue
                self._seen[source] = state
                if self.stage_file(path, source):
                    staged.append(path)
            except OSError as e:  # a file that went away meanwhile
                terminal.warn_once(f"save:{source}", f"cannot save {source}: {e}")
        return staged

    # ---- uploading (the sender thread) --------------------------------------------------------------

    def has_pending(self) -> bool:
        return bool(self._pending)

    def pending_paths(self) -> List[str]:
        with self._lock:
            return sorted(self._pending)

    def next_pending(self) -> Optional[Tuple[str, str, bytes]]:
        """(path, sha256, bytes) of a file to upload, or None."""
        with self._lock:
            if not self._pending:
                return None
            path, digest = next(iter(self._pending.items()))
        with open(os.path.join(self.root, *path.split("/")), "rb") as f:
            return path, digest, f.read()

    def mark_uploaded(self, path: str, digest: str) -> None:
        """The server holds ``path`` with these bytes (a file restaged meanwhile stays pending)."""
        with self._lock:
            self._uploaded[path] = digest
            if self._pending.get(path) == digest:
                del self._pending[path]
            with open(self.acked_path, "a", encoding="utf-8") as f:
                f.write(f"{digest} {path}\n")

    def give_up(self, path: str, digest: str) -> None:
        """The server refused the file for good: it stays staged but is not retried in this process."""
        with self._lock:
            if self._pending.get(path) == digest:
                del self._pending[path]

    def sha256_of(self, path: str) -> str:
        return _sha256_file(os.path.join(self.root, *path.split("/")))

    def _read_acked(self) -> Dict[str, str]:
        uploaded: Dict[str, str] = {}
        try:
            with open(self.acked_path, "r", encoding="utf-8") as f:
                for line in f:
                    digest, _, path = line.rstrip("\n").partition(" ")
                    if path:
                        uploaded[path] = digest
        except FileNotFoundError:
            pass
        return uploaded

    def _scan(self) -> None:
        """Files staged by an earlier process and not uploaded yet are pending again."""
        if not os.path.isdir(self.root):
            return
        for folder, _, names in os.walk(self.root):
            for name in names:
                if name.endswith(".tmp"):
                    continue
                full = os.path.join(folder, name)
                path = os.path.relpath(full, self.root).replace(os.sep, "/")
                digest = _sha256_file(full)
                if self._uploaded.get(path) != digest:
                    self._pending[path] = digest


class SaveRule:
    """One ``run.save(glob, base_path, policy)`` call.

    The run-file path of a match is its path relative to ``base_path``; without one, relative to the
    folder part of the glob before its first wildcard (``run.save("out/*.ckpt")`` → ``a.ckpt``), as W&B.
    """

    def __init__(self, pattern: str, base_path: Optional[str], policy: str) -> None:
        self.pattern = os.path.abspath(pattern)
        if base_path is not None:
            self.base = os.path.abspath(base_path)
        else:
            head = pattern.split("*")[0].split("?")[0].split("[")[0]
            self.base = os.path.abspath(os.path.dirname(head) or ".")
        if not (self.pattern + os.sep).startswith(self.base + os.sep) and not self.pattern.startswith(self.base):
            raise UsageError(f"base_path {base_path!r} must be a folder above the glob {pattern!r}")
        self.policy = policy

    def matches(self) -> List[Tuple[str, str]]:
        """(source file, run-file path) for each file the glob matches now."""
        found = []
        for source in sorted(glob_module.glob(self.pattern, recursive=True)):
            if os.path.isfile(source):
                found.append((source, os.path.relpath(source, self.base).replace(os.sep, "/")))
        return found


def _sha256_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
