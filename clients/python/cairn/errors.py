"""Errors raised by Cairn. Every message says what went wrong and what to do about it."""
from __future__ import annotations

from typing import Optional


class Error(Exception):
    """Base class of Cairn's errors (``wandb.Error`` in W&B)."""


class UsageError(Error):
    """The call was wrong: a bad argument, or a call that needs ``cairn.init()`` first."""


class ServerUnreachable(Error):
    """No Cairn server answered at the configured URL."""

    def __init__(self, base_url: str, reason: str) -> None:
        super().__init__(f"no Cairn server at {base_url} ({reason}) - start one with `./cairn server`, "
                         f"or point CAIRN_BASE_URL / cairn.login(host=...) at yours")
        self.base_url = base_url


class ApiError(Error):
    """The server answered with an error status; ``code`` and the message come from its error body."""

    def __init__(self, status: int, code: str, message: str, method: str = "", path: str = "") -> None:
        where = f" ({method} {path})" if method else ""
        super().__init__(f"{message}{where}" if message else f"HTTP {status} {code}{where}")
        self.status = status
        self.code = code
        self.server_message = message

    def is_retriable(self) -> bool:
        """Whether trying again later can succeed (server busy or briefly broken)."""
        return self.status >= 500 or self.status in (408, 429)

    def expected_seq(self) -> Optional[int]:
        """For a 409 ``seq_gap``: the sequence number the server expects next, when its message says."""
        import re
        match = re.search(r"expected seq (\d+)", self.server_message or "")
        return int(match.group(1)) if match else None
