"""A small JSON-over-HTTP client for Cairn's REST API (``/api/v1``), standard library only.

One :class:`RestClient` keeps one connection open and is used by one thread at a time.

>>> client = RestClient("http://127.0.0.1:8080", api_key=None, timeout_s=5)
>>> client.url("/runs/alice/mnist")
'http://127.0.0.1:8080/api/v1/runs/alice/mnist'
"""
from __future__ import annotations

import gzip
import http.client
import json
import os
import socket
import ssl
import urllib.parse
from typing import Any, Callable, Dict, Optional

from .errors import ApiError, ServerUnreachable

API_PREFIX = "/api/v1"
_GZIP_ABOVE_BYTES = 4096
_COMPRESSED_TYPES = frozenset({"application/json", "application/vnd.cairn.frames"})
_DOWNLOAD_CHUNK_BYTES = 1024 * 1024


class RestClient:
    """Sends requests to one Cairn server; errors become :class:`ApiError` or :class:`ServerUnreachable`."""

    def __init__(self, base_url: str, api_key: Optional[str], timeout_s: float) -> None:
        self.base_url = base_url.rstrip("/")
        parsed = urllib.parse.urlsplit(self.base_url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            from .errors import UsageError
            raise UsageError(f"server URL {base_url!r} is not an http(s) URL; use e.g. http://127.0.0.1:8080")
        self._scheme = parsed.scheme
        self._host = parsed.hostname
        self._port = parsed.port
        self._base_path = parsed.path.rstrip("/")
        self._api_key = api_key
        self.timeout_s = timeout_s
        self._connection: Optional[http.client.HTTPConnection] = None
        self.last_status = 0

    def url(self, path: str) -> str:
        return f"{self.base_url}{API_PREFIX}{path}"

    def get(self, path: str, timeout_s: Optional[float] = None) -> Dict[str, Any]:
        return self.request("GET", path, timeout_s=timeout_s)

    def post(self, path: str, body: Any = None, timeout_s: Optional[float] = None) -> Dict[str, Any]:
        return self.request("POST", path, body=body, timeout_s=timeout_s)

    def put_bytes(self, path: str, data: bytes, timeout_s: Optional[float] = None) -> Dict[str, Any]:
        """``PUT`` raw bytes (a run file) and answers the decoded JSON."""
        return self.request("PUT", path, raw_body=data, timeout_s=timeout_s,
                            content_type="application/octet-stream")

    def put_file(self, path: str, file_path: str, timeout_s: Optional[float] = None) -> Dict[str, Any]:
        """``PUT`` a file's bytes, streamed from disk (an artifact blob), and answers the decoded JSON."""
        with open(file_path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            return self.request("PUT", path, raw_body=f, timeout_s=timeout_s,
                                content_type="application/octet-stream", content_length=size)

    def download(self, path: str, write: Callable[[bytes], None], timeout_s: Optional[float] = None) -> int:
        """``GET`` raw bytes (an artifact file), handing them to ``write`` in chunks; answers the byte count.

        Not retried here: a broken download leaves a partial result the caller discards."""
        headers = {"Accept": "*/*"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        try:
            connection = self._connect(timeout_s)
            connection.request("GET", f"{self._base_path}{API_PREFIX}{path}", headers=headers)
            response = connection.getresponse()
            if response.status >= 400:
                raise _api_error(response.status, response.read(), "GET", path)
            total = 0
            while True:
                chunk = response.read(_DOWNLOAD_CHUNK_BYTES)
                if not chunk:
                    break
                total += len(chunk)
                write(chunk)
            return total
        except (OSError, http.client.HTTPException) as e:
            self.close()
            raise ServerUnreachable(self.base_url, _reason(e)) from e

    def request(self, method: str, path: str, body: Any = None, raw_body: Any = None,
                timeout_s: Optional[float] = None, content_type: str = "application/json",
                content_length: Optional[int] = None) -> Dict[str, Any]:
        """Sends JSON ``body`` (or ``raw_body``: bytes made elsewhere, or a binary file object sent from its
        current position with ``content_length``) and answers the decoded JSON."""
        data = raw_body if raw_body is not None else (
            None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8"))
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = content_type
            if content_length is not None:
                headers["Content-Length"] = str(content_length)
            elif content_type in _COMPRESSED_TYPES and len(data) > _GZIP_ABOVE_BYTES:
                data = gzip.compress(data, compresslevel=1)
                headers["Content-Encoding"] = "gzip"
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        full_path = f"{self._base_path}{API_PREFIX}{path}"
        start_offset = data.tell() if hasattr(data, "seek") else None
        for attempt in (1, 2):
            is_reused = self._connection is not None
            if start_offset is not None:
                data.seek(start_offset)
            try:
                connection = self._connect(timeout_s)
                connection.request(method, full_path, body=data, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                break
            except (OSError, http.client.HTTPException) as e:
                self.close()  # the connection may be half-used: start clean next time
                # A kept-alive connection the server closed meanwhile (idle, restarted) fails at once;
                # one more try on a fresh connection tells that apart from a server that is down.
                if not (is_reused and attempt == 1 and not isinstance(e, socket.timeout)):
                    raise ServerUnreachable(self.base_url, _reason(e)) from e
        self.last_status = response.status
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        if response.status >= 400:
            raise _api_error(response.status, payload, method, path)
        if not payload:
            return {}
        try:
            return json.loads(payload)
        except ValueError:
            raise ApiError(response.status, "bad_response", f"the server at {self.base_url} answered "
                           f"something that is not JSON; is CAIRN_BASE_URL a Cairn server?", method, path) from None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _connect(self, timeout_s: Optional[float]) -> http.client.HTTPConnection:
        timeout = self.timeout_s if timeout_s is None else timeout_s
        if self._connection is None:
            if self._scheme == "https":
                self._connection = http.client.HTTPSConnection(
                    self._host, self._port, timeout=timeout, context=ssl.create_default_context())
            else:
                self._connection = http.client.HTTPConnection(self._host, self._port, timeout=timeout)
        elif self._connection.sock is not None:
            self._connection.sock.settimeout(timeout)
        self._connection.timeout = timeout
        return self._connection


def quote(name: str) -> str:
    """A path segment made safe for a URL."""
    return urllib.parse.quote(name, safe="")


def _reason(error: BaseException) -> str:
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.timeout):
        return "no answer in time"
    if isinstance(error, socket.gaierror):
        return "unknown host"
    return str(error) or type(error).__name__


def _api_error(status: int, payload: bytes, method: str, path: str) -> ApiError:
    try:
        error = json.loads(payload)["error"]
        return ApiError(status, str(error.get("code", "")), str(error.get("message", "")), method, path)
    except (ValueError, KeyError, TypeError, AttributeError):
        text = payload[:200].decode("utf-8", "replace").strip()
        return ApiError(status, f"http_{status}", f"HTTP {status}: {text}" if text else f"HTTP {status}",
                        method, path)
