"""Sweeps from Python: ``cairn.sweep(config)`` creates one on the server, ``cairn.agent(id, function)``
runs its trials in this process (docs/api.md, "Sweeps").

    sweep_id = cairn.sweep({"method": "random", "metric": {"name": "val/acc", "goal": "maximize"},
                            "parameters": {"lr": {"min": 0.001, "max": 0.1}}}, project="digits")
    cairn.agent(sweep_id, function=train, count=10)     # train() calls cairn.init() and reads run.config

Each trial: ``POST .../next`` hands out a run the server created with the trial's parameters;
``function()`` runs with ``CAIRN_SWEEP_ID`` / ``CAIRN_RUN_ID`` (and the entity and project) set, so its
``cairn.init()`` joins that run and ``run.config`` holds the parameters; the run is then finished (a
function that raised: ``failed``; a run the server told to stop: ``killed``).

>>> sweep_path("alice/mnist/sw4k2p9q", None, None)
('alice', 'mnist', 'sw4k2p9q')
"""
from __future__ import annotations

import os
import socket
import time
import traceback
from typing import Any, Callable, Dict, Mapping, Optional, Tuple, Union

from . import names, terminal
from . import settings as settings_module
from .errors import ApiError, UsageError
from .rest import RestClient, quote

TERMINAL_SWEEP_STATES = ("finished", "stopped", "canceled")
WAIT_FOR_POINT_S = 5.0
"""How long an agent waits before asking again when the sweep has no free point (or is paused)."""
_TRIAL_ENV = ("CAIRN_SWEEP_ID", "CAIRN_RUN_ID", "CAIRN_ENTITY", "CAIRN_PROJECT")


def sweep(sweep: Union[Mapping[str, Any], str], entity: Optional[str] = None, project: Optional[str] = None,
          prior_runs: Any = None) -> str:
    """Creates a sweep and answers its id. ``sweep`` is the sweep config as a dict (W&B's format), or the
    path of a YAML/JSON sweep file. ``project``/``entity``: the arguments, else the config's keys, else
    ``CAIRN_PROJECT``/``CAIRN_ENTITY``. An invalid config raises :class:`cairn.ApiError` naming the key."""
    s = settings_module.current()
    if isinstance(sweep, (str, os.PathLike)):
        with open(sweep, "r", encoding="utf-8") as f:
            text = f.read()
        body: Dict[str, Any] = {"config_text": text}
        keys = _top_level_keys(text)
    elif isinstance(sweep, Mapping):
        body = {"config": dict(sweep)}
        keys = dict(sweep)
    else:
        raise UsageError(f"sweep() takes the sweep config as a dict or a file path, not {type(sweep).__name__}")
    entity = names.require_valid("entity", str(entity or keys.get("entity") or s.entity))
    project = names.require_valid("project", str(project or keys.get("project") or s.project))
    terminal.quiet = bool(s.silent)
    client = _client(s)
    try:
        answer = client.post(f"/sweeps/{quote(entity)}/{quote(project)}", body)
    finally:
        client.close()
    sweep_id = str(answer["id"])
    terminal.info(f"created sweep {sweep_id} in {entity}/{project}; run it with "
                  f"cairn.agent('{entity}/{project}/{sweep_id}', function) or `./cairn agent {entity}/{project}/{sweep_id}`")
    return sweep_id


def agent(sweep_id: str, function: Optional[Callable[[], Any]] = None, entity: Optional[str] = None,
          project: Optional[str] = None, count: Optional[int] = None) -> int:
    """Runs trials of sweep ``sweep_id`` (``"id"`` or ``"entity/project/id"``) in this process: ``function()``
    once per trial, ``count`` times at most, until the sweep hands out no more. Answers the number of
    trials run. While the sweep is paused or has no free point, it waits and asks again."""
    if function is None:
        raise UsageError("cairn.agent() runs trials in this process and needs function=...; to run a "
                         "sweep's command line instead, use `./cairn agent <sweep id>`")
    s = settings_module.current()
    entity, project, sweep_id = sweep_path(sweep_id, entity, project)
    entity = entity or str(s.entity)
    project = project or str(s.project)
    terminal.quiet = bool(s.silent)
    agent_name = f"{socket.gethostname()}-{os.getpid()}"
    route = f"/sweeps/{quote(entity)}/{quote(project)}/{quote(sweep_id)}/next"
    client = _client(s)
    trials = 0
    try:
        while count is None or trials < count:
            answer = client.post(route, {"agent": agent_name})
            trial = answer.get("run")
            if trial is None:
                state = answer.get("sweep_state")
                if state in TERMINAL_SWEEP_STATES or state is None:
                    terminal.info(f"sweep {sweep_id} is {state}: the agent stops after {trials} trial(s)")
                    break
                time.sleep(WAIT_FOR_POINT_S)
                continue
            trials += 1
            terminal.info(f"sweep {sweep_id}: trial {trials}, run {trial['id']} with {trial.get('params')}")
            _run_trial(client, function, entity, project, sweep_id, str(trial["id"]))
    finally:
        client.close()
    return trials


def sweep_path(sweep_id: str, entity: Optional[str], project: Optional[str]) -> Tuple[Optional[str], Optional[str], str]:
    """(entity, project, id) from ``"id"``, ``"project/id"`` or ``"entity/project/id"``."""
    parts = str(sweep_id).strip("/").split("/")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    if len(parts) == 2:
        return entity, parts[0], parts[1]
    return entity, project, parts[0]


def _run_trial(client: RestClient, function: Callable[[], Any], entity: str, project: str, sweep_id: str,
               run_id: str) -> None:
    from . import session
    saved = {name: os.environ.get(name) for name in _TRIAL_ENV}
    os.environ.update({"CAIRN_SWEEP_ID": sweep_id, "CAIRN_RUN_ID": run_id, "CAIRN_ENTITY": entity,
                       "CAIRN_PROJECT": project})
    state, exit_code = "finished", 0
    try:
        function()
    except KeyboardInterrupt:
        run = session._current
        if run is None or not run.stop_requested:
            _end_trial(client, entity, project, run_id, "killed", 130)
            raise  # a real Ctrl-C stops the agent
        state, exit_code = "killed", 130
    except Exception:
        terminal.warn(f"sweep {sweep_id}: run {run_id} failed:\n{traceback.format_exc().rstrip()}")
        state, exit_code = "failed", 1
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    _end_trial(client, entity, project, run_id, state, exit_code)


def _end_trial(client: RestClient, entity: str, project: str, run_id: str, state: str, exit_code: int) -> None:
    """Finishes the trial's run: the function's own run if it is still open, else tells the server when
    the function never started (or never ended) it."""
    from . import session
    run = session._current
    if run is not None and run.id == run_id:
        if state == "killed":
            run._close("killed", exit_code)
        else:
            run.finish(exit_code)
        return
    path = f"/runs/{quote(entity)}/{quote(project)}/{quote(run_id)}"
    try:
        if client.get(path).get("state") == "running":
            client.request("PATCH", path, {"state": state, "exit_code": exit_code})
    except ApiError as e:
        terminal.warn(f"could not set run {run_id} to {state}: {e}")


def _client(s: Any) -> RestClient:
    return RestClient(str(s.base_url), s.api_key, timeout_s=s.init_timeout_s or 10.0)


def _top_level_keys(text: str) -> Dict[str, Any]:
    """``entity`` and ``project`` of a YAML or JSON sweep file, without a YAML library."""
    import json
    try:
        values = json.loads(text)
        return values if isinstance(values, dict) else {}
    except ValueError:
        pass
    keys: Dict[str, Any] = {}
    for line in text.splitlines():
        if line[:1].isalpha() and ":" in line:
            key, _, value = line.partition(":")
            value = value.split("#")[0].strip().strip("'\"")
            if key.strip() in ("entity", "project") and value:
                keys[key.strip()] = value
    return keys
