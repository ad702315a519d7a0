"""The binary form of metric records (docs/records.md, "Binary metric payloads").

A ``history`` or ``system`` record whose values are all numbers or booleans is written as fixed-width
little-endian fields instead of JSON: turning doubles into decimal text is the largest cost of shipping
metrics. Byte 0 is ``0x01`` (a JSON payload starts with ``{``)::

    u8 version=1 | u8 type (1 history, 2 system) | i64 seq | f64 time | i64 step (-1: none) | u16 n
    n times: u16 key length | key (UTF-8) | f64 value

>>> payload = encode_metrics({"seq": 2, "type": "history", "time": 1.5, "step": 0, "values": {"loss": 0.25}})
>>> len(payload), payload[:2]
(42, b'\\x01\\x01')
>>> decode_metrics(payload)
{'seq': 2, 'type': 'history', 'time': 1.5, 'step': 0, 'values': {'loss': 0.25}}
"""
from __future__ import annotations

import struct
from typing import Any, Dict, Optional

VERSION = 0x01
_HEAD = struct.Struct("<BBqdqH")
_SEQ = struct.Struct("<q")
_KEY_LENGTH = struct.Struct("<H")
_VALUE = struct.Struct("<d")
_TYPE_CODES = {"history": 1, "system": 2}
_TYPE_NAMES = {code: name for name, code in _TYPE_CODES.items()}
_NO_STEP = -1
_MAX_KEY_BYTES = 2048
_MAX_VALUES = 0xFFFF
# Keys repeat every step, so their encoded prefix (u16 length + UTF-8) is kept; bounded for runs that
# log ever new keys.
_KEY_PREFIXES: Dict[str, bytes] = {}
_MAX_CACHED_KEYS = 10_000


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
    parts = [b""]
    prefixes = _KEY_PREFIXES
    pack_value = _VALUE.pack
    try:
        for key, value in record["values"].items():
            kind = type(value)
            if kind is not float:
                if value is None:
                    continue
                if kind is int or kind is bool or isinstance(value, (int, float)):  # subclasses: numpy.float64
                    value = float(value)
                else:
                    return None
            prefix = prefixes.get(key)
            if prefix is None:
                prefix = _key_prefix(key)
                if prefix is None:
                    return None
            parts.append(prefix)
            parts.append(pack_value(value))
        count = (len(parts) - 1) >> 1
        if count > _MAX_VALUES:
            return None
        step = record.get("step") if code == 1 else None
        parts[0] = _HEAD.pack(VERSION, code, record["seq"], record["time"],
                              _NO_STEP if step is None else step, count)
    except (OverflowError, struct.error):  # an int beyond float64, a step beyond int64 or negative
        return None
    if step is not None and step < 0:
        return None
    return b"".join(parts)


def decode_metrics(payload: bytes) -> Dict[str, Any]:
    """The record a binary payload holds, as the JSON form would decode (``step`` only when it has one,
    non-finite values as floats). Raises ``ValueError`` for a payload that is not a valid binary record."""
    try:
        version, code, seq, time_s, step, count = _HEAD.unpack_from(payload)
        offset = _HEAD.size
        values: Dict[str, float] = {}
        for _ in range(count):
            (length,) = _KEY_LENGTH.unpack_from(payload, offset)
            offset += _KEY_LENGTH.size
            key = payload[offset:offset + length].decode("utf-8")
            offset += length
            (values[key],) = _VALUE.unpack_from(payload, offset)
            offset += _VALUE.size
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


def _key_prefix(key: Any) -> Optional[bytes]:
    if type(key) is not str:
        return None
    try:
        encoded = key.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON escapes it, the binary form cannot hold it
        return None
    if not 0 < len(encoded) <= _MAX_KEY_BYTES:
        return None
    prefix = _KEY_LENGTH.pack(len(encoded)) + encoded
    if len(_KEY_PREFIXES) >= _MAX_CACHED_KEYS:
        _KEY_PREFIXES.clear()
    _KEY_PREFIXES[key] = prefix
    return prefix
