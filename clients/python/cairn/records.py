"""Records: what a run produces after it is created, encoded as the payloads of the record log.

Every record has ``seq``, ``type`` and ``time`` first, then its own fields (docs/records.md). Payloads are
compact UTF-8 JSON, non-finite floats written as the strings ``"NaN"``, ``"Infinity"``, ``"-Infinity"``;
except ``history`` and ``system`` records holding only numbers, which take the binary form of
:mod:`cairn.metric_payloads` (:func:`encode_record` picks).

>>> encode_payload({"seq": 3, "type": "history", "time": 1.5, "values": json_safe({"loss": float("nan")})})
b'{"seq":3,"type":"history","time":1.5,"values":{"loss":"NaN"}}'
"""
from __future__ import annotations

import json
import math
from typing import Any, Dict

from .metric_payloads import binary_seq, decode_metrics, encode_metrics, is_binary

__all__ = ["json_safe", "json_safe_values", "metric_safe_values", "encode_record", "encode_metrics",
           "encode_payload", "decode_payload", "payload_seq"]
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


def metric_safe_values(values: Dict[str, Any]) -> Dict[str, Any]:
    """The values of a history row made plain for the writer thread: numpy and torch scalars become Python
    numbers (so the row can go binary) and other values :func:`json_safe`, but NaN and infinities stay
    floats (:func:`encode_record` writes them as strings if the row goes JSON). Answers ``values`` itself
    when it holds only plain numbers, strings and ``None``.

    >>> metric_safe_values({"loss": float("nan"), "pair": (1, float("inf"))})
    {'loss': nan, 'pair': [1, 'Infinity']}
    """
    for value in values.values():
        kind = type(value)
        if kind is not float and kind is not int and kind is not str and kind is not bool and value is not None:
            break
    else:
        return values
    return {key: _metric_safe(value) for key, value in values.items()}


def _metric_safe(value: Any) -> Any:
    kind = type(value)
    if kind is float or kind is int or kind is str or kind is bool or value is None:
        return value
    if isinstance(value, float):  # numpy.float64
        return float(value)
    if not isinstance(value, (dict, list, tuple, set, frozenset, int, str)):
        plain = _plain(value)  # numpy and torch scalars: tolist() gives a Python number
        if type(plain) is float:
            return plain
        return json_safe(plain)
    return json_safe(value)


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


def encode_record(record: Dict[str, Any]) -> bytes:
    """The log payload of a record: binary for a ``history`` or ``system`` record of numbers only, else JSON.

    Other records' values must be :func:`json_safe` already; a history row's :func:`metric_safe_values`.

    >>> encode_record({"seq": 1, "type": "history", "time": 0.5, "values": {"x": 1.0}})[:2]
    b'\\x01\\x01'
    >>> encode_record({"seq": 1, "type": "history", "time": 0.5, "values": {"x": float("nan"), "s": "a"}})
    b'{"seq":1,"type":"history","time":0.5,"values":{"x":"NaN","s":"a"}}'
    """
    payload = encode_metrics(record)
    if payload is not None:
        return payload
    if record["type"] == "history" or record["type"] == "system":
        values = json_safe_values(record["values"])
        if values is not record["values"]:
            record = {**record, "values": values}
    return encode_payload(record)


def decode_payload(payload: bytes) -> Dict[str, Any]:
    """The record a log payload holds, JSON or binary (binary: non-finite values as floats).

    >>> decode_payload(b'{"seq":7,"type":"exit","time":1.0,"state":"finished","exit_code":0}')["state"]
    'finished'
    """
    if is_binary(payload):
        return decode_metrics(payload)
    return json.loads(payload)


def payload_seq(payload: bytes) -> int:
    """The ``seq`` of an encoded record without decoding it all: bytes 2-10 of a binary payload, or the
    fixed prefix ``{"seq":N,`` of a JSON one.

    >>> payload_seq(b'{"seq":42,"type":"exit"}')
    42
    """
    if is_binary(payload):
        return binary_seq(payload)
    if payload.startswith(b'{"seq":'):
        end = payload.find(b",", 7)
        if end > 7:
            return int(payload[7:end])
    return int(json.loads(payload)["seq"])
