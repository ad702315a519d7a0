"""Where a run comes from: host, OS, Python, packages, command line, git state.

:func:`capture` gathers it once at ``init`` (in the background: git can be slow on big repositories)
and the run sends it as a ``metadata`` record. Every key is always present; what could not be found
is ``None``, so readers never guess between "absent" and "unknown".

>>> strip_credentials("https://alice:s3cret@github.com/org/repo.git")
'https://github.com/org/repo.git'
"""
from __future__ import annotations

import getpass
import os
import platform
import socket
import subprocess
import sys
import urllib.parse
from typing import Any, Dict, List, Optional

from . import gpu

MAX_DIFF_BYTES = 256 * 1024


def capture(cwd: Optional[str] = None, argv: Optional[List[str]] = None) -> Dict[str, Any]:
    """The metadata of a run started now from ``cwd`` with command line ``argv``."""
    cwd = cwd or os.getcwd()
    argv = list(sys.argv if argv is None else argv)
    gpu_text = gpu.query()
    return {
        "host": socket.gethostname(),
        "os": platform.platform(),
        "user": _user(),
        "python": {"version": platform.python_version(), "implementation": platform.python_implementation(),
                   "executable": sys.executable},
        "program": argv[0] if argv else None,
        "args": argv[1:],
        "command": " ".join([os.path.basename(sys.executable) or "python"] + argv),
        "cwd": cwd,
        "cpu_count": os.cpu_count(),
        "gpus": gpu.parse_gpu_names(gpu_text) if gpu_text else [],
        "packages": installed_packages(),
        "git": git_state(cwd),
    }


def installed_packages() -> List[str]:
    """``name==version`` of every installed distribution, sorted (what ``pip freeze`` would list)."""
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8
        return []
    found = set()
    for dist in metadata.distributions():
        name = dist.metadata["Name"] if dist.metadata else None
        if name:
            found.add(f"{name}=={dist.version}")
    return sorted(found, key=str.lower)


def git_state(cwd: str) -> Optional[Dict[str, Any]]:
    """Remote, branch, commit, whether the work tree is dirty and its diff against HEAD; None outside git."""
    root = _git(cwd, "rev-parse", "--show-toplevel")
    if root is None:
        return None
    remote = _git(cwd, "config", "--get", "remote.origin.url")
    diff = _git(cwd, "diff", "HEAD", strip=False) or ""
    status = _git(cwd, "status", "--porcelain")
    diff_bytes = diff.encode("utf-8", "replace")
    return {
        "root": root,
        "remote": strip_credentials(remote) if remote else None,
        "branch": _git(cwd, "rev-parse", "--abbrev-ref", "HEAD"),
        "commit": _git(cwd, "rev-parse", "HEAD"),
        "dirty": bool(status) if status is not None else None,
        "diff": diff_bytes[:MAX_DIFF_BYTES].decode("utf-8", "ignore"),
        "diff_truncated": len(diff_bytes) > MAX_DIFF_BYTES,
    }


def strip_credentials(url: str) -> str:
    """``url`` without a user name or password in it (tokens must not end up in run metadata)."""
    parts = urllib.parse.urlsplit(url)
    if not parts.scheme or "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def _git(cwd: str, *args: str, strip: bool = True) -> Optional[str]:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=10,
                              errors="replace")
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() if strip else done.stdout


def _user() -> Optional[str]:
    try:
        return getpass.getuser()
    except Exception:
        return None
