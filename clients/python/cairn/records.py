"""Records: what a run produces after it is created, encoded as the JSON payloads of the record log.

Every record has ``seq``, ``type`` and ``time`` first, then its own fields (docs/records.md). Payloads are
compact UTF-8 JSON; non-finite floats become the strings ``"NaN"``, ``"Infinity"``, ``"-Infinity"``.

>>> encode_payload({"seq": 3, "type": "history", "time": 1.5, "values": json_safe({"loss": float("nan")})})
b'{"seq":3,"type":"history","time":1.5,"values":{"loss":"NaN"}}'
"""
from __future__ import annotations

import json
import math
from typing import Any, Dict

_NON_FINITE = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}


def json_safe(value: Any) -> Any:
    """A copy of ``value`` that ``json`` can encode the Cairn way.

    Non-finite floats become strings; tuples and sets become lists; numpy and torch scalars and arrays
    become plain numbers and lists; anything else unknown becomes its ``str``.

    >>> json_safe({"a": (1, float("inf"))})
    {'a': [1, 'Infinity']}
    """
    kind = type(value)
    if kind is float:
        return value if math.isfinite(value) else _NON_FINITE[repr(value)]
    if kind is int or kind is str or kind is bool or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(v) for v in value]
    if isinstance(value, float):  # float subclasses such as numpy.float64
        return json_safe(float(value))
    if isinstance(value, (int, str)):
        return value
    return json_safe(_plain(value))


def json_safe_values(values: Dict[str, Any]) -> Dict[str, Any]:
    """:func:`json_safe` for a flat dict with string keys, returning ``values`` itself when it is safe
    already (finite numbers and strings: the usual metrics row, checked without copying).

    >>> row = {"loss": 0.5, "epoch": 3}
    >>> json_safe_values(row) is row
    True
    """
    for value in values.values():
        kind = type(value)
        if kind is float:
            if value - value != 0.0:  # NaN or an infinity
                break
        elif kind is not int and kind is not str and kind is not bool and value is not None:
            break
    else:
        return values
    return {key: json_safe(value) for key, value in values.items()}


def _plain(value: Any) -> Any:
    """Turns array-likes and scalars of numeric libraries into plain Python values, without importing them."""
    if hasattr(value, "tolist"):  # numpy arrays and scalars, torch tensors (on CPU)
        try:
            return value.tolist()
        except Exception:  # a library object that refuses: fall back to its text
            pass
    if hasattr(value, "item"):
        try:
            return value.item()
        except Exception:
            pass
    return str(value)


_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=True,
                            default=lambda o: json_safe(_plain(o)))
_ASCII_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=True, allow_nan=True,
                                  default=lambda o: json_safe(_plain(o)))


def encode_payload(record: Dict[str, Any]) -> bytes:
    """The log payload of one record whose values are already :func:`json_safe`."""
    text = _ENCODER.encode(record)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: let JSON escape them instead of writing invalid UTF-8
        return _ASCII_ENCODER.encode(record).encode("ascii")


def payload_seq(payload: bytes) -> int:
    """The ``seq`` of an encoded record, read from its fixed prefix ``{"seq":N,`` without parsing it all.

    >>> payload_seq(b'{"seq":42,"type":"exit"}')
    42
    """
    if payload.startswith(b'{"seq":'):
        end = payload.find(b",", 7)
        if end > 7:
            return int(payload[7:end])
    return int(json.loads(payload)["seq"])
