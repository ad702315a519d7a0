"""PNG encoding and image-size reading with the standard library only (zlib + struct).

>>> data = encode_png([[0, 255], [255, 0]])          # a 2x2 grayscale checkerboard
>>> image_size(data)
(2, 2)
>>> image_size(encode_png([[[255, 0, 0]] * 3] * 2))    # 3 wide, 2 high, RGB
(3, 2)
"""
from __future__ import annotations

import struct
import zlib
from typing import Any, List, Optional, Sequence, Tuple

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_COLOR_TYPES = {1: 0, 2: 4, 3: 2, 4: 6}  # channels -> PNG color type (gray, gray+alpha, RGB, RGBA)


def encode_png(pixels: Sequence[Any]) -> bytes:
    """PNG bytes for nested lists: rows of gray values, or rows of ``[r, g, b]`` / ``[r, g, b, a]``.

    Values are 0-255 integers, or floats; when every value lies in [0, 1] they are scaled by 255
    (as W&B does). Anything outside 0-255 is clipped.
    """
    rows = [list(row) for row in pixels]
    if not rows or not rows[0]:
        raise ValueError("an image needs at least one row and one column of pixels")
    width = len(rows[0])
    channels = len(rows[0][0]) if isinstance(rows[0][0], (list, tuple)) else 1
    if channels not in _COLOR_TYPES:
        raise ValueError(f"a pixel has {channels} values; use 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA)")
    flat: List[float] = []
    for y, row in enumerate(rows):
        if len(row) != width:
            raise ValueError(f"row {y} has {len(row)} pixels, row 0 has {width}: every row needs the same width")
        if channels == 1:
            flat.extend(row)
        else:
            for pixel in row:
                if len(pixel) != channels:
                    raise ValueError(f"row {y} mixes pixels of {channels} and {len(pixel)} values")
                flat.extend(pixel)
    scale = 255.0 if flat and all(0.0 <= v <= 1.0 for v in flat) and any(isinstance(v, float) for v in flat) else 1.0
    data = bytes(min(255, max(0, int(round(v * scale)))) for v in flat)
    return encode_png_bytes(data, width, len(rows), channels)


def encode_png_bytes(data: bytes, width: int, height: int, channels: int) -> bytes:
    """PNG bytes for 8-bit pixel data, row after row, ``channels`` bytes a pixel."""
    if len(data) != width * height * channels:
        raise ValueError(f"{len(data)} bytes do not make {width}x{height} pixels of {channels} channels")
    stride = width * channels
    raw = b"".join(b"\x00" + data[y * stride:(y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, _COLOR_TYPES[channels], 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 6)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def image_size(data: bytes) -> Optional[Tuple[int, int]]:
    """(width, height) of PNG, JPEG or GIF bytes; None for other formats."""
    if data.startswith(PNG_SIGNATURE) and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    return None


def image_format(data: bytes) -> Optional[str]:
    """``png``, ``jpg`` or ``gif`` by the bytes' signature; None otherwise."""
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def _jpeg_size(data: bytes) -> Optional[Tuple[int, int]]:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            i += 2
            continue
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame: the size
            height, width = struct.unpack(">HH", data[i + 5:i + 9])
            return width, height
        i += 2 + length
    return None
