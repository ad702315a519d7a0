"""Where Cairn's settings come from: ``cairn.login()``, then environment variables, then defaults.

| variable | meaning | default |
|---|---|---|
| ``CAIRN_BASE_URL`` | the server | ``http://127.0.0.1:8080`` |
| ``CAIRN_API_KEY`` | API key, sent as ``Authorization: Bearer <key>`` | none |
| ``CAIRN_PROJECT`` | project when ``init`` names none | ``uncategorized`` |
| ``CAIRN_ENTITY`` | entity (user or team) | the OS user |
| ``CAIRN_MODE`` | ``online``, ``offline`` or ``disabled`` | ``online`` |
| ``CAIRN_DIR`` | where run folders and record logs go | ``./cairn-runs`` |
| ``CAIRN_RUN_ID`` | run id when ``init`` names none | a new random id |
| ``CAIRN_CONSOLE`` | ``off`` stops capturing stdout/stderr | ``on`` |
| ``CAIRN_SYSTEM_INTERVAL_S`` | seconds between system-metric samples (0: none) | ``15`` |
| ``CAIRN_SILENT`` | ``true`` hides Cairn's info lines | ``false`` |

>>> Settings.from_env({"CAIRN_MODE": "dryrun"}).mode
'offline'
"""
from __future__ import annotations

import dataclasses
import getpass
import os
from typing import Any, Dict, Mapping, Optional

from .errors import UsageError

DEFAULT_BASE_URL = "http://127.0.0.1:8080"
_MODES = {"online": "online", "run": "online", "offline": "offline", "dryrun": "offline",
          "disabled": "disabled"}


@dataclasses.dataclass
class Settings:
    """Settings of a run; ``cairn.init(settings=cairn.Settings(console="off"))`` overrides some.

    Fields not given keep what ``login()``, the environment or the defaults say.
    """

    base_url: Optional[str] = None
    api_key: Optional[str] = None
    project: Optional[str] = None
    entity: Optional[str] = None
    mode: Optional[str] = None
    dir: Optional[str] = None
    run_id: Optional[str] = None
    sweep_id: Optional[str] = None
    console: Optional[str] = None
    system_interval_s: Optional[float] = None
    init_timeout_s: Optional[float] = None
    finish_timeout_s: Optional[float] = None
    heartbeat_interval_s: Optional[float] = None
    silent: Optional[bool] = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Settings":
        """The settings that ``env`` (such as ``os.environ``) gives, defaults filled in."""
        def number(name: str, default: float) -> float:
            text = env.get(name)
            try:
                return float(text) if text else default
            except ValueError:
                raise UsageError(f"{name}={text!r} is not a number of seconds") from None

        return cls(
            base_url=env.get("CAIRN_BASE_URL") or DEFAULT_BASE_URL,
            api_key=env.get("CAIRN_API_KEY") or None,
            project=env.get("CAIRN_PROJECT") or "uncategorized",
            entity=env.get("CAIRN_ENTITY") or _os_user(),
            mode=normalize_mode(env.get("CAIRN_MODE") or "online"),
            dir=env.get("CAIRN_DIR") or "cairn-runs",
            run_id=env.get("CAIRN_RUN_ID") or None,
            sweep_id=env.get("CAIRN_SWEEP_ID") or None,
            console=(env.get("CAIRN_CONSOLE") or "on").lower(),
            system_interval_s=number("CAIRN_SYSTEM_INTERVAL_S", 15.0),
            init_timeout_s=number("CAIRN_INIT_TIMEOUT_S", 10.0),
            finish_timeout_s=number("CAIRN_FINISH_TIMEOUT_S", 60.0),
            heartbeat_interval_s=number("CAIRN_HEARTBEAT_INTERVAL_S", 30.0),
            silent=(env.get("CAIRN_SILENT") or "").lower() in ("1", "true", "yes"),
        )

    def overridden_by(self, other: Optional["Settings"]) -> "Settings":
        """A copy where every field ``other`` sets replaces this one's."""
        if other is None:
            return dataclasses.replace(self)
        changes: Dict[str, Any] = {f.name: getattr(other, f.name) for f in dataclasses.fields(other)
                                   if getattr(other, f.name) is not None}
        if "mode" in changes:
            changes["mode"] = normalize_mode(changes["mode"])
        return dataclasses.replace(self, **changes)

    def is_console_captured(self) -> bool:
        return (self.console or "on") not in ("off", "false", "0", "none")


def normalize_mode(mode: str) -> str:
    """``online``, ``offline`` or ``disabled``; W&B's aliases ``run`` and ``dryrun`` are accepted."""
    try:
        return _MODES[str(mode).lower()]
    except KeyError:
        raise UsageError(f"mode {mode!r} is not known: use 'online', 'offline' or 'disabled'") from None


_login = Settings()


def login(key: Optional[str] = None, host: Optional[str] = None) -> None:
    """Remembers ``key`` and ``host`` for the runs this process starts (they win over the environment)."""
    global _login
    _login = dataclasses.replace(_login, api_key=key or _login.api_key,
                                 base_url=host.rstrip("/") if host else _login.base_url)


def current(env: Optional[Mapping[str, str]] = None) -> Settings:
    """Defaults, overridden by the environment, overridden by ``login()``."""
    return Settings.from_env(os.environ if env is None else env).overridden_by(_login)


def _os_user() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user database entry (some containers)
        return "default"
    cleaned = "".join(c if c.isalnum() or c in "_.-" else "-" for c in user).lstrip("_.-")
    return cleaned or "default"
