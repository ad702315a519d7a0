"""A real Cairn server for the tests: ``java -jar $CAIRN_JAR server --port P --data DIR``.

The jar is ``$CAIRN_JAR`` or ``<repo>/cairn-cli/target/cairn.jar``; without it, server tests are skipped
with a message saying how to build it.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, List, Optional, Sequence

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
JAR = os.environ.get("CAIRN_JAR") or os.path.join(REPO, "cairn-cli", "target", "cairn.jar")
START_TIMEOUT_S = 60.0


def require_jar() -> str:
    if not os.path.isfile(JAR):
        raise unittest.SkipTest(f"no Cairn jar at {JAR}: build it with `mvn -B -o package -DskipTests` "
                                f"(or point CAIRN_JAR at one) to run the tests that need a server")
    return JAR


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CairnServer:
    """One server process on ``port`` with its data in ``data_dir``."""

    def __init__(self, port: Optional[int] = None, data_dir: Optional[str] = None,
                 options: Sequence[str] = ()) -> None:
        self.port = port or free_port()
        self._options = list(options)
        self._own_data = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="cairn-test-server-")
        self.url = f"http://127.0.0.1:{self.port}"
        self._process: Optional[subprocess.Popen] = None
        self._log_path = os.path.join(self.data_dir, "server-output.log")

    def start(self) -> "CairnServer":
        jar = require_jar()
        log = open(self._log_path, "ab")
        self._process = subprocess.Popen(
            ["java", "-jar", jar, "server", "--port", str(self.port), "--data", self.data_dir, *self._options],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                output = self.output()
                if any(sign in output for sign in ("no main manifest attribute", "Could not find or load main class",
                                                   "Unmatched arguments from index 0: 'server'")):
                    raise unittest.SkipTest(f"{jar} has no `server` command yet (the CLI is not merged in)")
                raise RuntimeError(f"the Cairn server exited with {self._process.returncode}:\n{output}")
            try:
                self.get("/health")
                return self
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the Cairn server did not answer /api/v1/health in {START_TIMEOUT_S} s:\n{self.output()}")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(5)
        self._process = None

    def remove_data(self) -> None:
        if self._own_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def output(self) -> str:
        try:
            with open(self._log_path, "r", errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    # ---- reading what the server holds -------------------------------------------------------------

    def get(self, path: str, **params: Any) -> Dict[str, Any]:
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        with urllib.request.urlopen(f"{self.url}/api/v1{path}{query}", timeout=10) as response:
            return json.loads(response.read())

    def run(self, path: str) -> Dict[str, Any]:
        return self.get(f"/runs/{path}")

    def history(self, path: str, key: str, namespace: str = "history") -> List[Dict[str, Any]]:
        points: List[Dict[str, Any]] = []
        cursor = None
        while True:
            params: Dict[str, Any] = {"keys": key, "namespace": namespace, "limit": 1000}
            if cursor:
                params["cursor"] = cursor
            page = self.get(f"/runs/{path}/history", **params)
            points.extend(page["points"].get(key, []))
            cursor = page.get("next_cursor")
            if not cursor:
                return points

    def console(self, path: str) -> List[Dict[str, Any]]:
        return self.get(f"/runs/{path}/console", from_line=0, limit=10000)["lines"]


def require_sweep_routes(server: CairnServer) -> None:
    """Skips the calling test when the server has no sweep controller (a jar built before it)."""
    request = urllib.request.Request(f"{server.url}/api/v1/sweeps/probe/probe", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except urllib.error.HTTPError as e:
        if e.code in (404, 405):
            raise unittest.SkipTest(f"the server jar {JAR} has no sweep routes (POST /sweeps answered {e.code}); "
                                    f"build it from a branch with the sweep controller") from None


_shared: Optional[CairnServer] = None
_shared_failure: Optional[Exception] = None


def shared_server() -> CairnServer:
    """One server for every test in this process that does not need its own (stopped at exit)."""
    global _shared, _shared_failure
    if _shared_failure is not None:  # fail (or skip) fast: one start attempt per process is enough
        raise _shared_failure
    if _shared is None:
        try:
            _shared = CairnServer().start()
        except (RuntimeError, unittest.SkipTest) as e:
            _shared_failure = e
            raise
        atexit.register(_stop_shared)
    return _shared


def _stop_shared() -> None:
    if _shared is not None:
        _shared.stop()
        _shared.remove_data()


def wait_until(condition: Any, timeout_s: float = 30.0, what: str = "condition") -> None:
    """Polls ``condition()`` until it is true (for what a background thread does)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")


def run_script(source: str, env: Dict[str, str], cwd: str, timeout_s: float = 120.0) -> subprocess.CompletedProcess:
    """Runs ``source`` as a Python script the way a user would, with the cairn package importable."""
    path = os.path.join(cwd, "train.py")
    with open(path, "w") as f:
        f.write(source)
    package_root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    full_env = dict(os.environ)
    full_env.update(env)
    full_env["PYTHONPATH"] = package_root + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, path], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout_s)
