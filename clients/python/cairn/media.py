"""Rich values for ``run.log()``: what :class:`cairn.Image`, :class:`cairn.Table`,
:class:`cairn.Histogram` and ``cairn.plot`` charts have in common, and the step of ``log()`` that turns them
into JSON objects.

A logged image or table becomes a run file (uploaded in the background) and the history value is a
JSON object pointing at it; a histogram is logged inline:

>>> from cairn import Histogram, Image
>>> media_values({"h": Histogram([1, 2, 2, 3], num_bins=2), "loss": 0.5}, None, 0)
{'h': {'_type': 'histogram', 'bins': [1.0, 2.0, 3.0], 'values': [1, 3]}, 'loss': 0.5}
>>> value = media_values({"samples": Image([[0, 255], [255, 0]])}, None, 7)["samples"]
>>> value["_type"], value["width"], value["path"][:23]
('image-file', 2, 'media/images/samples_7_')
"""
from __future__ import annotations

import re
from typing import Any, Callable, Dict, Optional

from .errors import UsageError

Stage = Optional[Callable[[str, bytes], None]]
"""Stores ``bytes`` as the run file ``path`` (None: the run keeps no files, e.g. ``mode="disabled"``)."""

MAX_FILE_BYTES = 10 * 1024 * 1024
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._/-]")


class Media:
    """A value ``run.log()`` turns into a JSON object (and maybe a run file) instead of a number."""

    def to_json(self, stage: Stage, key: str, step: Optional[int]) -> Dict[str, Any]:
        raise NotImplementedError


def media_file_path(kind: str, key: str, step: Optional[int], digest: str, extension: str) -> str:
    """``media/<kind>/<key>_<step>_<hash>.<ext>``, the key made safe for a file path.

    >>> media_file_path("images", "val/a b", 3, "0123456789abcdef0123456789", "png")
    'media/images/val/a_b_3_0123456789abcdef0123.png'
    """
    segments = [_UNSAFE_CHARS.sub("_", s) for s in key.split("/")]
    safe_key = "/".join("_" if s in ("", ".", "..") else s for s in segments)
    return f"media/{kind}/{safe_key}_{step if step is not None else 0}_{digest[:20]}.{extension}"


def store(stage: Stage, path: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise UsageError(f"{path} is {len(data)} bytes; run files are limited to {MAX_FILE_BYTES} bytes (10 MiB)")
    if stage is not None:
        stage(path, data)


def media_values(values: Dict[str, Any], stage: Stage, step: Optional[int]) -> Dict[str, Any]:
    """``values`` with every :class:`Media` (or list of images) replaced by its JSON object.

    Answers ``values`` itself when it holds no media, so plain metric rows cost one type check a value.
    """
    converted: Optional[Dict[str, Any]] = None
    for key, value in values.items():
        kind = type(value)
        if kind is float or kind is int or kind is str or kind is bool:
            continue
        if isinstance(value, Media):
            converted = converted if converted is not None else dict(values)
            converted[key] = value.to_json(stage, key, step)
        elif kind is list and value and _are_images(value):
            converted = converted if converted is not None else dict(values)
            images = [image.to_json(stage, key, step) for image in value]
            converted[key] = {"_type": "images/separated", "count": len(images), "images": images}
    return values if converted is None else converted


def _are_images(values: list) -> bool:
    from .images import Image
    return all(isinstance(v, Image) for v in values)
