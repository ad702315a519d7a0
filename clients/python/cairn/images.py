"""``cairn.Image``: an image from a path, bytes, nested lists, a numpy array, a torch tensor or a PIL image,
stored as a PNG (or the JPEG/GIF it already is) run file.

>>> image = Image([[0, 255], [255, 0]], caption="checkers")
>>> image.width, image.height, image.format
(2, 2, 'png')
"""
from __future__ import annotations

import hashlib
import os
from typing import Any, Dict, Optional, Tuple

from . import png, terminal
from .errors import UsageError
from .media import Media, Stage, media_file_path, store


class Image(Media):
    """An image: ``cairn.Image(x, caption="...")`` where ``x`` is a file path, PNG/JPEG/GIF bytes,
    nested lists of pixels (rows of gray values or of ``[r, g, b(, a)]``; floats in [0, 1] are scaled to
    0-255), a numpy array (H×W, H×W×C), a torch tensor (C×H×W or H×W×C) or a PIL image.

    Lists and arrays are encoded as PNG. W&B's ``boxes``, ``masks`` and ``classes`` are accepted and ignored.
    """

    def __init__(self, data_or_path: Any, mode: Optional[str] = None, caption: Optional[str] = None,
                 file_type: Optional[str] = None, **ignored: Any) -> None:
        for name in sorted(ignored):
            terminal.warn_once(f"image:{name}", f"cairn.Image ignores {name}= (not supported yet)")
        self.caption = caption
        self._data, self.format = _image_bytes(data_or_path)
        size = png.image_size(self._data)
        self.width, self.height = size if size is not None else (None, None)
        self.sha256 = hashlib.sha256(self._data).hexdigest()

    @property
    def data(self) -> bytes:
        """The encoded image (PNG, JPEG or GIF bytes)."""
        return self._data

    def to_json(self, stage: Stage, key: str, step: Optional[int]) -> Dict[str, Any]:
        path = media_file_path("images", key, step, self.sha256, self.format)
        store(stage, path, self._data)
        value: Dict[str, Any] = {"_type": "image-file", "path": path, "format": self.format,
                                 "width": self.width, "height": self.height, "sha256": self.sha256,
                                 "size": len(self._data)}
        if self.caption is not None:
            value["caption"] = str(self.caption)
        return value

    def __repr__(self) -> str:
        return f"<cairn.Image {self.width}x{self.height} {self.format}>"


def _image_bytes(source: Any) -> Tuple[bytes, str]:
    """(encoded bytes, format) for any of :class:`Image`'s sources."""
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            data = f.read()
        return _known_format(data, f"the file {source}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _known_format(bytes(source), "the bytes")
    module = type(source).__module__
    if module.startswith("PIL."):
        return _pil_png(source), "png"
    if module.startswith("torch"):
        array = source.detach().cpu().numpy()
        if array.ndim == 3 and array.shape[0] in (1, 3, 4) and array.shape[-1] not in (1, 3, 4):
            array = array.transpose(1, 2, 0)  # torch images are channels first
        return _array_png(array), "png"
    if module.startswith("numpy"):
        return _array_png(source), "png"
    if isinstance(source, (list, tuple)):
        return png.encode_png(source), "png"
    raise UsageError(f"cairn.Image cannot read a {type(source).__name__}: pass a file path, PNG/JPEG bytes, "
                     f"nested lists of pixels, a numpy array, a torch tensor or a PIL image")


def _known_format(data: bytes, what: str) -> Tuple[bytes, str]:
    kind = png.image_format(data)
    if kind is not None:
        return data, kind
    try:
        import PIL.Image  # other formats (BMP, TIFF, ...) when Pillow is there
        import io
        return _pil_png(PIL.Image.open(io.BytesIO(data))), "png"
    except ImportError:
        raise UsageError(f"{what} are not PNG, JPEG or GIF; convert them, or install Pillow to read other "
                         f"formats") from None


def _pil_png(image: Any) -> bytes:
    import io
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _array_png(array: Any) -> bytes:
    import numpy as np
    a = np.asarray(array)
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[-1] not in (2, 3, 4)):
        raise UsageError(f"an image array needs shape (H, W) or (H, W, C) with C in 1-4, not {a.shape}")
    if a.dtype.kind in "fb":
        a = a.astype(np.float64)
        if a.size and np.nanmin(a) >= 0.0 and np.nanmax(a) <= 1.0:
            a = a * 255.0
        a = np.rint(np.nan_to_num(a))
    a = np.clip(a, 0, 255).astype(np.uint8)
    channels = 1 if a.ndim == 2 else a.shape[2]
    return png.encode_png_bytes(np.ascontiguousarray(a).tobytes(), a.shape[1], a.shape[0], channels)
