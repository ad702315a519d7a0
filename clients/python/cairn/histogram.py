"""``cairn.Histogram``: counts over equal-width bins, logged inline as ``{"_type": "histogram", ...}``."""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

from .errors import UsageError
from .media import Media, Stage


class Histogram(Media):
    """A histogram, logged inline: ``cairn.Histogram(values, num_bins=64)`` or
    ``cairn.Histogram(np_histogram=numpy.histogram(values))`` (counts, bin edges).

    ``bins`` holds ``num_bins + 1`` edges from the minimum to the maximum, ``values`` the counts.
    NaN and infinities are left out. At most 512 bins.

    >>> h = Histogram([0.0, 0.5, 1.0, float("nan")], num_bins=4)
    >>> h.bins, h.histogram
    ([0.0, 0.25, 0.5, 0.75, 1.0], [1, 0, 1, 1])
    """
    MAX_BINS = 512

    def __init__(self, sequence: Optional[Sequence[Any]] = None, np_histogram: Optional[Tuple[Any, Any]] = None,
                 num_bins: int = 64) -> None:
        if np_histogram is not None:
            counts, edges = np_histogram
            self.histogram = [_plain_number(c) for c in _to_list(counts)]
            self.bins = [float(e) for e in _to_list(edges)]
            if len(self.bins) != len(self.histogram) + 1:
                raise UsageError(f"np_histogram needs len(bin edges) == len(counts) + 1, not "
                                 f"{len(self.bins)} and {len(self.histogram)}")
        elif sequence is not None:
            if not 1 <= num_bins <= self.MAX_BINS:
                raise UsageError(f"num_bins={num_bins}: use 1 to {self.MAX_BINS}")
            self.histogram, self.bins = _histogram([float(v) for v in _flat_values(sequence)], num_bins)
        else:
            raise UsageError("cairn.Histogram needs a sequence of values or np_histogram=(counts, edges)")

    def to_json(self, stage: Stage, key: str, step: Optional[int]) -> Dict[str, Any]:
        return {"_type": "histogram", "bins": self.bins, "values": self.histogram}

    def __repr__(self) -> str:
        return f"<cairn.Histogram {len(self.histogram)} bins>"


def _histogram(values: List[float], num_bins: int) -> Tuple[List[int], List[float]]:
    finite = [v for v in values if math.isfinite(v)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    if low == high:
        low, high = low - 0.5, high + 0.5
    width = (high - low) / num_bins
    counts = [0] * num_bins
    for v in finite:
        counts[min(num_bins - 1, int((v - low) / width))] += 1
    edges = [low + i * width for i in range(num_bins)] + [high]
    return counts, edges


def _to_list(values: Any) -> List[Any]:
    return values.tolist() if hasattr(values, "tolist") else list(values)


def _flat_values(values: Any) -> List[Any]:
    if hasattr(values, "detach"):  # torch tensor
        values = values.detach().cpu()
    if hasattr(values, "reshape") and hasattr(values, "tolist"):  # numpy arrays and tensors: flatten fast
        return values.reshape(-1).tolist()
    flat: List[Any] = []
    for v in values:
        if isinstance(v, (list, tuple)):
            flat.extend(_flat_values(v))
        else:
            flat.append(v)
    return flat


def _plain_number(value: Any) -> Any:
    value = value.item() if hasattr(value, "item") else value
    return int(value) if float(value).is_integer() else float(value)
