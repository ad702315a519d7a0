"""``cairn.init()`` and ``cairn.finish()``, and the process's current run (``cairn.run``).

>>> import cairn
>>> run = cairn.init(project="demo", mode="disabled")
>>> cairn.run is run, cairn.config is run.config
(True, True)
>>> cairn.finish(); cairn.run is None
True
"""
from __future__ import annotations

import sys
import threading
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import environment, exit_hooks, names, runs_api, terminal
from . import settings as settings_module
from .config import ConfigSource, load_config
from .errors import ApiError, Error, ServerUnreachable, UsageError
from .files import RunFiles
from .record_log import RecordLog, RunFolder
from .rest import RestClient
from .run import Run, RunInfo
from .sender import Sender
from .settings import Settings
from .writer import RecordWriter

_lock = threading.RLock()
_current: Optional[Run] = None

_RESUME_MODES = {"allow": "allow", "must": "must", "never": "never", "auto": "allow"}


def init(project: Optional[str] = None, entity: Optional[str] = None, name: Optional[str] = None,
         group: Optional[str] = None, job_type: Optional[str] = None, tags: Optional[Sequence[str]] = None,
         notes: Optional[str] = None, config: ConfigSource = None, id: Optional[str] = None,
         resume: Union[None, bool, str] = None, mode: Optional[str] = None, dir: Optional[str] = None,
         reinit: Union[None, bool, str] = None, settings: Optional[Settings] = None, **ignored: Any) -> Run:
    """Starts a run (or resumes one) and makes it the current run: ``cairn.run``, ``cairn.log``, ...

    ``resume``: ``"allow"`` (or ``True``) resumes run ``id`` if it exists; ``"must"`` fails unless it
    does; ``"never"`` (the default) fails if it does. ``mode``: ``"online"`` (default), ``"offline"``
    (log to disk only; ship later with ``./cairn sync``) or ``"disabled"`` (nothing is written).
    W&B arguments Cairn does not know yet (``save_code``, ``anonymous``, ...) are accepted with a warning.

    Online, a 404/409/400 from the server raises :class:`cairn.Error` with the server's message; a
    server that does not answer is reported once and the run goes on locally (sent when it answers).
    """
    for key in sorted(ignored):
        terminal.warn_once(f"init:{key}", f"cairn.init() ignores {key}= (not supported yet)")
    with _lock:
        if _current is not None:
            if reinit in (None, False, "default", "return_previous"):
                terminal.warn_once("reinit", f"cairn.init() returns the active run {_current.name}; pass "
                                   f"reinit=True to finish it and start another")
                return _current
            if reinit in (True, "finish_previous"):
                _current.finish()
        s = settings_module.current().overridden_by(settings).overridden_by(
            Settings(project=project, entity=entity, mode=mode, dir=dir))
        resume_mode = _resume_mode(resume)
        if s.sweep_id and (id or s.run_id) and resume_mode is None:
            resume_mode = "allow"  # a sweep agent's server created this run: join it
        run = _start(s, name=name, group=group, job_type=job_type, tags=list(tags or []), notes=notes,
                     config=load_config(config), run_id=id or s.run_id, resume=resume_mode)
        _make_current(run)
        return run


def finish(exit_code: Optional[int] = None, quiet: Optional[bool] = None) -> None:
    """Finishes the current run, if there is one (``cairn.finish()`` in W&B scripts)."""
    run = _current
    if run is not None:
        run.finish(exit_code, quiet)


def forget(run: Run) -> None:
    """``run`` ended: it stops being the current run."""
    global _current
    with _lock:
        if _current is run:
            _current = None
            _set_module_globals(None)


def _resume_mode(resume: Union[None, bool, str]) -> Optional[str]:
    if resume is None or resume is False:
        return None
    if resume is True:
        return "allow"
    try:
        return _RESUME_MODES[str(resume).lower()]
    except KeyError:
        raise UsageError(f"resume={resume!r} is not known: use 'allow' (or True), 'must' or 'never'") from None


def _start(s: Settings, *, name: Optional[str], group: Optional[str], job_type: Optional[str], tags: List[str],
           notes: Optional[str], config: Dict[str, Any], run_id: Optional[str], resume: Optional[str]) -> Run:
    entity = names.require_valid("entity", str(s.entity))
    project = names.require_valid("project", str(s.project))
    if resume == "must" and not run_id:
        raise UsageError("resume='must' needs the id of the run to resume: pass id=... or set CAIRN_RUN_ID")
    is_id_chosen = run_id is not None
    run_id = names.require_valid("id", run_id) if run_id else names.new_run_id()
    terminal.quiet = bool(s.silent)
    if s.mode == "disabled":
        info = RunInfo(entity, project, run_id, name or run_id, group, job_type, tags, notes, "disabled",
                       False, str(s.base_url))
        return Run(info, s, config)

    folder = RunFolder(str(s.dir), entity, project, run_id)
    previous = folder.read_run_json() or {}
    request = {"entity": entity, "project": project, "id": run_id,
               "name": name or (previous.get("name") if resume else None) or None,
               "group": group, "job_type": job_type, "tags": tags, "notes": notes, "config": config,
               "resume": resume or "never"}
    server_run: Optional[Dict[str, Any]] = None
    is_resumed = False
    client: Optional[RestClient] = None
    if s.mode == "online":
        client = RestClient(str(s.base_url), s.api_key, timeout_s=s.init_timeout_s or 10.0)
        server_run, is_resumed = _create_on_server(client, request)
    if server_run is None and request["name"] is None and not resume:
        request["name"] = names.memorable_name()

    folder.create()
    log = RecordLog.open(folder.records_path)
    is_resumed = bool(server_run and server_run.get("created_at") != server_run.get("updated_at")
                      and server_run.get("last_seq")) or bool(resume and log.last_seq)
    if server_run is not None:
        request["name"] = server_run.get("name") or request["name"]
        if s.sweep_id:  # the sweep's parameters (in the server's answer) win over the script's defaults
            config = {**config, **(server_run.get("config") or {})}
        else:
            config = {**(server_run.get("config") or {}), **config}
        start_step, is_step_known = int(server_run.get("next_step") or 0), True
        last_seq = max(log.last_seq, int(server_run.get("last_seq") or 0))
    else:
        is_step_known = not (resume and log.last_seq)  # resumed without the server: it numbers the steps
        start_step, last_seq = 0, log.last_seq
    request["name"] = request["name"] or run_id
    folder.write_run_json({k: request[k] for k in ("entity", "project", "id", "name", "group", "job_type",
                                                    "tags", "notes", "config", "resume")})

    files = RunFiles(folder.path)
    sender = None
    if client is not None:
        sender = Sender(client, folder, request, is_created=server_run is not None, files=files,
                        acked_seq=int(server_run.get("last_seq") or 0) if server_run else folder.read_acked(),
                        heartbeat_interval_s=s.heartbeat_interval_s or 30.0, is_id_chosen=is_id_chosen)
    writer = RecordWriter(log, on_written=sender.notify_written if sender else None)
    writer.start()
    info = RunInfo(entity, project, run_id, str(request["name"]), group, job_type, tags, notes, str(s.mode),
                   is_resumed, str(s.base_url))
    run = Run(info, s, config, folder=folder, sweep_id=s.sweep_id, writer=writer, sender=sender, last_seq=last_seq,
              start_step=start_step, is_step_known=is_step_known, files=files)
    where = run.url if s.mode == "online" else folder.path
    in_sweep = f" in sweep {s.sweep_id}" if s.sweep_id else ""
    terminal.info(f"{'resumed' if is_resumed else 'started'} run {run.name} ({run_id}){in_sweep} - {where}")
    exit_hooks.install(run._finish_at_exit)
    run._start(capture_metadata=environment.capture)
    return run


def _create_on_server(client: RestClient, request: Dict[str, Any]) -> Tuple[Optional[Dict[str, Any]], bool]:
    """Creates or resumes the run: (run object, whether it existed); None when the server cannot be
    reached (the sender tries later)."""
    try:
        return runs_api.create_run(client, request["entity"], request["project"], runs_api.create_body(request))
    except ServerUnreachable as e:
        terminal.warn_once(f"unreachable:{client.base_url}", f"{e}. The run goes on locally and is sent "
                           f"when the server answers.")
        return None, False
    except ApiError as e:
        if e.is_retriable():
            terminal.warn(f"the server could not start the run now ({e}); it is sent when the server recovers")
            return None, False
        raise Error(f"cannot start run {request['entity']}/{request['project']}/{request['id']}: "
                    f"{e.server_message or e}") from None


def _make_current(run: Run) -> None:
    global _current
    _current = run
    _set_module_globals(run)


def _set_module_globals(run: Optional[Run]) -> None:
    package = sys.modules.get("cairn")
    if package is None:
        return
    package.run = run  # type: ignore[attr-defined]
    package.config = run.config if run is not None else package._PRE_INIT_CONFIG  # type: ignore[attr-defined]
    package.summary = run.summary if run is not None else package._PRE_INIT_SUMMARY  # type: ignore[attr-defined]


def current_run(action: str) -> Run:
    """The current run, or a :class:`UsageError` telling to call ``cairn.init()`` before ``action``."""
    run = _current
    if run is None:
        raise UsageError(f"call cairn.init() before cairn.{action}()")
    return run


