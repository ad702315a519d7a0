"""The REST routes a running script needs: create or resume a run, ship records, heartbeat.

>>> runs_path("alice", "mnist", "k3x9q2ab", "records")
'/runs/alice/mnist/k3x9q2ab/records'
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from .rest import RestClient, quote

FRAMES_CONTENT_TYPE = "application/vnd.cairn.frames"


def runs_path(entity: str, project: str, run_id: Optional[str] = None, action: Optional[str] = None) -> str:
    path = f"/runs/{quote(entity)}/{quote(project)}"
    if run_id is not None:
        path += f"/{quote(run_id)}"
    if action is not None:
        path += f"/{action}"
    return path


def create_run(client: RestClient, entity: str, project: str, body: Dict[str, Any],
               timeout_s: Optional[float] = None) -> Tuple[Dict[str, Any], bool]:
    """``POST /runs/{entity}/{project}``: creates or resumes (``body["resume"]``).

    Answers the run object and whether the run existed already (``200`` resumed, ``201`` created).
    """
    run = client.post(runs_path(entity, project), body, timeout_s=timeout_s)
    return run, client.last_status == 200


def get_run(client: RestClient, entity: str, project: str, run_id: str) -> Dict[str, Any]:
    return client.get(runs_path(entity, project, run_id))


def post_records(client: RestClient, entity: str, project: str, run_id: str,
                 frames: List[bytes]) -> Dict[str, Any]:
    """Ships record frames as they are in the log, JSON and binary payloads alike (the
    ``application/vnd.cairn.frames`` body of docs/records.md, never re-encoded); answers the ack."""
    return client.request("POST", runs_path(entity, project, run_id, "records"), raw_body=b"".join(frames),
                          content_type=FRAMES_CONTENT_TYPE)


def heartbeat(client: RestClient, entity: str, project: str, run_id: str) -> Dict[str, Any]:
    """Tells the server the run is alive; answers ``{"state": ..., "stop": bool}``."""
    return client.post(runs_path(entity, project, run_id, "heartbeat"), {})


def put_file(client: RestClient, entity: str, project: str, run_id: str, path: str,
             data: bytes) -> Dict[str, Any]:
    """``PUT /runs/{entity}/{project}/{run}/files/{path}``: stores (or replaces) a run file."""
    segments = "/".join(quote(s) for s in path.split("/"))
    return client.put_bytes(runs_path(entity, project, run_id, f"files/{segments}"), data, timeout_s=60.0)


def create_body(run: Dict[str, Any]) -> Dict[str, Any]:
    """The create/resume request for the init arguments kept in ``run.json``."""
    fields = ("id", "resume", "name", "notes", "tags", "group", "job_type", "config")
    return {k: run[k] for k in fields if run.get(k) is not None}
