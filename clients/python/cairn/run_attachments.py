"""What a run uploads besides records: files (``run.save``) and a watched model's histograms (``run.watch``).

:class:`RunAttachments` is a part of :class:`cairn.Run`; it needs the run's ``_files`` (None when the run
keeps no files) and its ``_watchers`` list.
"""
from __future__ import annotations

from typing import Any, List, Optional

from .errors import UsageError
from .files import RunFiles


class RunAttachments:
    """``save``, ``watch`` and ``unwatch`` of :class:`cairn.Run`."""

    _files: Optional[RunFiles]
    _watchers: List[Any]

    def save(self, glob_str: Optional[str] = None, base_path: Optional[str] = None,
             policy: str = "live") -> List[str]:
        """Uploads files matching ``glob_str`` as run files: ``run.save("checkpoints/*.pt")``.

        ``policy``: ``"live"`` (now, and again whenever they change: checked every heartbeat and at
        finish), ``"now"`` (once, now) or ``"end"`` (at finish). A file's run-file path is its path
        relative to ``base_path`` (default: the glob's folder part before the first wildcard). Files are
        copied into the run folder first and uploaded in the background (10 MiB each at most).
        Answers the run-file paths staged now.
        """
        if glob_str is None:
            raise UsageError("save() needs a file name or glob, e.g. run.save('model.pt')")
        if self._files is None:
            return []
        return self._files.save(str(glob_str), base_path, policy)

    def watch(self, models: Any, criterion: Any = None, log: Optional[str] = "gradients", log_freq: int = 100,
              idx: Optional[int] = None, log_graph: bool = False) -> None:
        """Logs histograms of a PyTorch model's gradients and/or parameters every ``log_freq`` batches.

        ``log``: ``"gradients"`` (default), ``"parameters"``, ``"all"`` or None. Keys are
        ``gradients/<param name>`` and ``parameters/<param name>``. Hooks count the model's training
        forward passes; only every ``log_freq``-th pass computes histograms (other passes cost one
        counter increment), and they join the next ``log()`` row. ``criterion``, ``idx`` and
        ``log_graph`` are accepted and ignored.
        """
        from .watch import Watcher
        models = models if isinstance(models, (list, tuple)) else [models]
        for model in models:
            self._watchers.append(Watcher(self, model, log, log_freq))

    def unwatch(self, models: Any = None) -> None:
        """Removes the hooks :meth:`watch` added (for ``models``, or all)."""
        chosen = None if models is None else {id(m) for m in (models if isinstance(models, (list, tuple)) else [models])}
        for watcher in list(self._watchers):
            if chosen is None or id(watcher.model) in chosen:
                watcher.remove()
                self._watchers.remove(watcher)
