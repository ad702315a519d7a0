"""The framing of Cairn's record log (docs/records.md), byte-identical to the Java SDK's.

A log starts with the 8 ASCII bytes ``CAIRNWL1``; each frame is ``u32 length (LE) | u32 crc32 (LE) |
payload``. A frame cut short or failing its checksum ends the valid log.

>>> frame = encode_frame(b'{"seq":1}')
>>> decode_frames(FILE_HEADER + frame, len(FILE_HEADER)).payloads
[b'{"seq":1}']
"""
from __future__ import annotations

import struct
import zlib
from typing import List, NamedTuple

FILE_HEADER = b"CAIRNWL1"
FRAME_OVERHEAD_BYTES = 8
# A larger length field can only come from corruption (same limit as dev.cairn.core.record.RecordFrames).
MAX_PAYLOAD_BYTES = 64 * 1024 * 1024

_PREFIX = struct.Struct("<II")


class Decoded(NamedTuple):
    """Payloads that decoded cleanly, the offset just past the last one, and whether the input ended there."""

    payloads: List[bytes]
    end_offset: int
    is_clean: bool


def encode_frame(payload: bytes) -> bytes:
    """One frame holding ``payload``."""
    return _PREFIX.pack(len(payload), zlib.crc32(payload)) + payload


def decode_frames(data: bytes, offset: int = 0) -> Decoded:
    """Decodes frames from ``offset`` on, stopping at the end or at the first torn or corrupt frame."""
    payloads: List[bytes] = []
    position = offset
    size = len(data)
    view = memoryview(data)
    while size - position >= FRAME_OVERHEAD_BYTES:
        length, expected_crc = _PREFIX.unpack_from(data, position)
        start = position + FRAME_OVERHEAD_BYTES
        if length > MAX_PAYLOAD_BYTES or size - start < length:
            break
        payload = bytes(view[start:start + length])
        if zlib.crc32(payload) != expected_crc:
            break
        payloads.append(payload)
        position = start + length
    return Decoded(payloads, position, position == size)


def has_file_header(data: bytes) -> bool:
    """Whether ``data`` starts with the record log header."""
    return data[:len(FILE_HEADER)] == FILE_HEADER
