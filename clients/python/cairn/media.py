"""Rich values for ``run.log()``: :class:`Image`, :class:`Table`, :class:`Histogram` (W&B's classes).

A logged image or table becomes a run file (uploaded in the background) and the history value is a
JSON object pointing at it; a histogram is logged inline:

>>> Histogram([1, 2, 2, 3], num_bins=2).to_json(None, "h", 0)
{'_type': 'histogram', 'bins': [1.0, 2.0, 3.0], 'values': [1, 3]}
>>> image = Image([[0, 255], [255, 0]], caption="checkers")
>>> value = image.to_json(None, "samples", 7)
>>> value["_type"], value["width"], value["path"][:23]
('image-file', 2, 'media/images/samples_7_')
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import png, terminal
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


def _store(stage: Stage, path: str, data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise UsageError(f"{path} is {len(data)} bytes; run files are limited to {MAX_FILE_BYTES} bytes (10 MiB)")
    if stage is not None:
        stage(path, data)


# ---- images -----------------------------------------------------------------------------------------------


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
        _store(stage, path, self._data)
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


# ---- histograms -------------------------------------------------------------------------------------------


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


# ---- tables -----------------------------------------------------------------------------------------------


class Table(Media):
    """A table: ``cairn.Table(columns=["id", "pred"], data=[[1, 7], [2, 3]])``, then ``add_data(3, 5)``.

    ``data`` may be a pandas DataFrame (or pass ``dataframe=``). Cells are JSON values; a cell holding a
    :class:`Image` is uploaded too and the cell becomes its JSON object. The table is uploaded as the
    run file ``media/tables/<key>_<step>_<hash>.table.json`` (``{"columns": [...], "data": [[...]]}``).

    >>> t = Table(columns=["x", "y"]); t.add_data(1, 2.5); t.data
    [[1, 2.5]]
    """

    def __init__(self, columns: Optional[Sequence[str]] = None, data: Optional[Any] = None,
                 rows: Optional[Any] = None, dataframe: Optional[Any] = None, **ignored: Any) -> None:
        for name in sorted(ignored):
            terminal.warn_once(f"table:{name}", f"cairn.Table ignores {name}= (not supported yet)")
        data = rows if data is None else data
        if dataframe is None and type(data).__module__.startswith("pandas"):
            dataframe, data = data, None
        if dataframe is not None:
            columns = [str(c) for c in dataframe.columns]
            data = dataframe.values.tolist()
        rows_list = [list(row) for row in (data or [])]
        if columns is None:
            width = len(rows_list[0]) if rows_list else 0
            columns = [f"col{i + 1}" for i in range(width)]
        self.columns: List[str] = [str(c) for c in columns]
        self.data: List[List[Any]] = []
        for row in rows_list:
            self.add_data(*row)

    def add_data(self, *values: Any) -> None:
        """Appends one row; it must have one value per column."""
        if len(values) != len(self.columns):
            raise UsageError(f"add_data got {len(values)} values for {len(self.columns)} columns {self.columns}")
        self.data.append(list(values))

    def add_column(self, name: str, data: Sequence[Any]) -> None:
        """Adds a column holding one value per existing row."""
        if len(data) != len(self.data):
            raise UsageError(f"column {name!r} has {len(data)} values for {len(self.data)} rows")
        self.columns.append(str(name))
        for row, value in zip(self.data, data):
            row.append(value)

    def get_column(self, name: str) -> List[Any]:
        """The values of column ``name``."""
        index = self.columns.index(name)
        return [row[index] for row in self.data]

    def to_json(self, stage: Stage, key: str, step: Optional[int]) -> Dict[str, Any]:
        from .records import json_safe
        cells = [[value.to_json(stage, key, step) if isinstance(value, Media) else json_safe(value)
                  for value in row] for row in self.data]
        data = json.dumps({"columns": self.columns, "data": cells}, separators=(",", ":"),
                          ensure_ascii=False).encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        path = media_file_path("tables", key, step, digest, "table.json")
        _store(stage, path, data)
        return {"_type": "table-file", "path": path, "sha256": digest, "size": len(data),
                "ncols": len(self.columns), "nrows": len(self.data)}

    def __repr__(self) -> str:
        return f"<cairn.Table {len(self.columns)} columns, {len(self.data)} rows>"


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
        elif kind is list and value and all(isinstance(v, Image) for v in value):
            converted = converted if converted is not None else dict(values)
            images = [image.to_json(stage, key, step) for image in value]
            converted[key] = {"_type": "images/separated", "count": len(images), "images": images}
    return values if converted is None else converted
