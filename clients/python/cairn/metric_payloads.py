"""The binary form of metric records (docs/records.md, "Binary metric payloads").

A ``history`` or ``system`` record whose values are all numbers or booleans is written as fixed-width
little-endian fields instead of JSON: turning doubles into decimal text is the largest cost of shipping
metrics. Byte 0 is ``0x01`` (a JSON payload starts with ``{``)::

    u8 version=1 | u8 type (1 history, 2 system) | i64 seq | f64 time | i64 step (-1: none) | u16 n
    n times: u16 key length | key (UTF-8)        (the keys, all before the values)
    n times: f64 value                            (in the keys' order)

>>> payload = encode_metrics({"seq": 2, "type": "history", "time": 1.5, "step": 0, "values": {"loss": 0.25}})
>>> len(payload), payload[:2]
(42, b'\\x01\\x01')
>>> decode_metrics(payload)
{'seq': 2, 'type': 'history', 'time': 1.5, 'step': 0, 'values': {'loss': 0.25}}
"""
from __future__ import annotations

import struct
from typing import Any, Dict, Optional, Tuple

VERSION = 0x01
_HEAD = struct.Struct("<BBqdqH")
_SEQ = struct.Struct("<q")
_KEY_LENGTH = struct.Struct("<H")
_TYPE_CODES = {"history": 1, "system": 2}
_TYPE_NAMES = {code: name for name, code in _TYPE_CODES.items()}
_NO_STEP = -1
_MAX_KEY_BYTES = 2048
_MAX_VALUES = 0xFFFF
# Rows repeat their keys every step, so the key block and the values' struct of a key tuple are kept;
# bounded for runs that log ever new keys.
_LAYOUTS: Dict[Tuple[Any, ...], Optional[Tuple[bytes, Any]]] = {}
_MAX_CACHED_LAYOUTS = 1_000


def is_binary(payload: bytes) -> bool:
    """Whether a log payload is a binary metric record rather than JSON."""
    return payload[:1] == b"\x01"


def encode_metrics(record: Dict[str, Any]) -> Optional[bytes]:
    """The binary payload of a ``history`` or ``system`` record, or ``None`` when the record must stay JSON:
    another type, a value that is not a number or bool (``None`` values are left out), a key that is
    empty or longer than 2048 UTF-8 bytes, more than 65535 values, or a number outside float64 or a step
    outside int64. Booleans are 1.0 and 0.0; NaN and infinities are kept bit for bit.
    """
    code = _TYPE_CODES.get(record["type"])
    if code is None:
        return None
    values = record["values"]
    step = record.get("step") if code == 1 else None
    if step is None:
        step = _NO_STEP
    elif type(step) is not int or step < 0:
        return None
    payload = _pack(code, record, step, values)
    if payload is None and any(value is None for value in values.values()):
        payload = _pack(code, record, step, {key: value for key, value in values.items() if value is not None})
    return payload


def _pack(code: int, record: Dict[str, Any], step: int, values: Dict[Any, Any]) -> Optional[bytes]:
    keys = tuple(values)
    layout = _LAYOUTS.get(keys, _MISSING)
    if layout is _MISSING:
        layout = _layout(keys)
    if layout is None:
        return None
    key_block, pack_values = layout
    try:
        return b"".join((_HEAD.pack(VERSION, code, record["seq"], record["time"], step, len(keys)), key_block,
                         pack_values(*values.values())))
    except (struct.error, OverflowError, TypeError):  # None, a string, a media object, an int beyond float64
        return None


def decode_metrics(payload: bytes) -> Dict[str, Any]:
    """The record a binary payload holds, as the JSON form would decode (``step`` only when it has one,
    non-finite values as floats). Raises ``ValueError`` for a payload that is not a valid binary record."""
    try:
        version, code, seq, time_s, step, count = _HEAD.unpack_from(payload)
        offset = _HEAD.size
        keys = []
        for _ in range(count):
            (length,) = _KEY_LENGTH.unpack_from(payload, offset)
            offset += _KEY_LENGTH.size
            keys.append(payload[offset:offset + length].decode("utf-8"))
            offset += length
        values = dict(zip(keys, struct.unpack_from(f"<{count}d", payload, offset)))
        offset += 8 * count
    except (struct.error, UnicodeDecodeError) as e:
        raise ValueError(f"not a valid binary metric record: {e}") from None
    if version != VERSION or code not in _TYPE_NAMES or offset != len(payload):
        raise ValueError(f"not a valid binary metric record (version {version}, type {code}, "
                         f"{len(payload) - offset} bytes after the last value)")
    record: Dict[str, Any] = {"seq": seq, "type": _TYPE_NAMES[code], "time": time_s}
    if step != _NO_STEP:
        record["step"] = step
    record["values"] = values
    return record


def binary_seq(payload: bytes) -> int:
    """The ``seq`` of a binary payload (bytes 2-10)."""
    return _SEQ.unpack_from(payload, 2)[0]


_MISSING: Any = object()


def _layout(keys: Tuple[Any, ...]) -> Optional[Tuple[bytes, Any]]:
    """The key block of rows with exactly these keys and the packer of their values; ``None`` when such a
    row cannot be binary (a bad key, too many keys)."""
    prefixes = [_key_prefix(key) for key in keys]
    layout = None
    if len(keys) <= _MAX_VALUES and None not in prefixes:
        layout = (b"".join(prefixes), struct.Struct(f"<{len(keys)}d").pack)
    if len(_LAYOUTS) >= _MAX_CACHED_LAYOUTS:
        _LAYOUTS.clear()
    _LAYOUTS[keys] = layout
    return layout


def _key_prefix(key: Any) -> Optional[bytes]:
    """The key's length (u16) and UTF-8 bytes, or ``None`` for a key the binary form cannot hold."""
    if type(key) is not str:
        return None
    try:
        encoded = key.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON escapes it, the binary form cannot hold it
        return None
    if not 0 < len(encoded) <= _MAX_KEY_BYTES:
        return None
    return _KEY_LENGTH.pack(len(encoded)) + encoded
