"""``run.watch(model)``: histograms of a PyTorch model's gradients and parameters, every ``log_freq`` batches.

A forward pre-hook on the model counts its training forward passes. Every ``log_freq``-th pass is a
logging pass: it logs each parameter's histogram (``parameters/<name>``), and the gradient hooks on the
parameters log each gradient's histogram (``gradients/<name>``) during the backward pass that follows.
On every other pass the hooks only increment a counter and test a flag, so watching costs nothing
measurable between logging steps. Histograms go in with ``commit=False``: they join the next row the
training loop logs.
"""
from __future__ import annotations

from typing import Any, Callable, List, Optional

from .errors import UsageError
from .histogram import Histogram

NUM_BINS = 64
_LOG_CHOICES = ("gradients", "parameters", "all", None)


class Watcher:
    """The hooks of one watched model; :meth:`remove` takes them away."""

    def __init__(self, run: Any, model: Any, log: Optional[str], log_freq: int) -> None:
        if log not in _LOG_CHOICES:
            raise UsageError(f"watch(log={log!r}): use 'gradients', 'parameters', 'all' or None")
        if not hasattr(model, "named_parameters") or not hasattr(model, "register_forward_pre_hook"):
            raise UsageError(f"watch() needs a torch.nn.Module, not {type(model).__name__}")
        if int(log_freq) < 1:
            raise UsageError(f"watch(log_freq={log_freq}): use a positive number of batches")
        self.model = model
        self._run = run
        self._log_freq = int(log_freq)
        self._logs_parameters = log in ("parameters", "all")
        self._logs_gradients = log in ("gradients", "all")
        self._forward_calls = 0
        self._is_logging_pass = False
        self._handles: List[Any] = []
        if log is None:
            return
        self._handles.append(model.register_forward_pre_hook(self._before_forward))
        if self._logs_gradients:
            for name, parameter in model.named_parameters():
                if parameter.requires_grad:
                    self._handles.append(parameter.register_hook(self._gradient_hook(f"gradients/{name}")))

    def remove(self) -> None:
        for handle in self._handles:
            handle.remove()
        self._handles = []

    def _before_forward(self, module: Any, inputs: Any) -> None:
        if not module.training:
            return
        self._forward_calls += 1
        self._is_logging_pass = self._forward_calls % self._log_freq == 0
        if self._is_logging_pass and self._logs_parameters:
            values = {}
            for name, parameter in module.named_parameters():
                histogram = tensor_histogram(parameter)
                if histogram is not None:
                    values[f"parameters/{name}"] = histogram
            if values:
                self._run.log(values, commit=False)

    def _gradient_hook(self, key: str) -> Callable[[Any], None]:
        def hook(gradient: Any) -> None:
            if self._is_logging_pass:
                histogram = tensor_histogram(gradient)
                if histogram is not None:
                    self._run.log({key: histogram}, commit=False)
        return hook


def tensor_histogram(tensor: Any, num_bins: int = NUM_BINS) -> Optional[Histogram]:
    """A :class:`Histogram` of a tensor's finite values, computed by torch (on its device); None when
    it has none."""
    import torch
    with torch.no_grad():
        values = tensor.detach().reshape(-1).float()
        values = values[torch.isfinite(values)]
        if values.numel() == 0:
            return None
        low, high = values.min().item(), values.max().item()
        if low == high:
            low, high = low - 0.5, high + 0.5
        counts = torch.histc(values, bins=num_bins, min=low, max=high).cpu().long().tolist()
    width = (high - low) / num_bins
    edges = [low + i * width for i in range(num_bins)] + [high]
    return Histogram(np_histogram=(counts, edges))
