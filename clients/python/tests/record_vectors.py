"""The records behind tests/vectors/: Python values and the exact payload bytes they must encode to.

The same files test the Java side (``dev.cairn.core.record.RecordFrames`` and the Java SDK's writer):
``payloads.jsonl`` holds one payload per line, ``records.log`` the exact log those payloads make, and
``metric_records.log`` the log of :data:`METRIC_RECORDS` in the binary metric form.
"""
from __future__ import annotations

import os

VECTORS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors")

NAN = float("nan")
INF = float("inf")

# (record as Python values, exact payload line in payloads.jsonl)
RECORDS = [
    ({"seq": 1, "type": "config", "time": 1764072000.5, "values": {"lr": 0.001, "model": {"layers": 4}}},
     '{"seq":1,"type":"config","time":1764072000.5,"values":{"lr":0.001,"model":{"layers":4}}}'),
    ({"seq": 2, "type": "history", "time": 1764072001.0, "step": 0, "values": {"loss": 0.92, "acc": 0.41}},
     '{"seq":2,"type":"history","time":1764072001.0,"step":0,"values":{"loss":0.92,"acc":0.41}}'),
    ({"seq": 3, "type": "history", "time": 1764072001.123456, "step": 1,
      "values": {"loss": NAN, "grad": INF, "neg": -INF, "ok": True, "n": -3}},
     '{"seq":3,"type":"history","time":1764072001.123456,"step":1,'
     '"values":{"loss":"NaN","grad":"Infinity","neg":"-Infinity","ok":true,"n":-3}}'),
    ({"seq": 4, "type": "console", "time": 1764072001.2, "stream": "stdout", "line": 7,
      "text": "epoch 1 [=====>    ] 50% \"quoted\" back\\slash\ttab é 日本 🙂"},
     '{"seq":4,"type":"console","time":1764072001.2,"stream":"stdout","line":7,'
     '"text":"epoch 1 [=====>    ] 50% \\"quoted\\" back\\\\slash\\ttab é 日本 🙂"}'),
    ({"seq": 5, "type": "summary", "time": 1764072002.25, "values": {"best/acc": 0.97, "note": None,
                                                                       "big": 123456789012, "tiny": 0.0125}},
     '{"seq":5,"type":"summary","time":1764072002.25,"values":{"best/acc":0.97,"note":null,'
     '"big":123456789012,"tiny":0.0125}}'),
    ({"seq": 6, "type": "define_metric", "time": 1764072002.5, "name": "val/acc", "step_metric": "epoch",
      "summary": ["max", "last"], "goal": "maximize"},
     '{"seq":6,"type":"define_metric","time":1764072002.5,"name":"val/acc","step_metric":"epoch",'
     '"summary":["max","last"],"goal":"maximize"}'),
    ({"seq": 7, "type": "system", "time": 1764072003.75, "values": {"cpu": 12.5, "gpu.0.temp": 41.0}},
     '{"seq":7,"type":"system","time":1764072003.75,"values":{"cpu":12.5,"gpu.0.temp":41.0}}'),
    ({"seq": 8, "type": "exit", "time": 1764072009.9, "state": "finished", "exit_code": 0},
     '{"seq":8,"type":"exit","time":1764072009.9,"state":"finished","exit_code":0}'),
]


def read_vector(name: str) -> bytes:
    with open(os.path.join(VECTORS_DIR, name), "rb") as f:
        return f.read()

# The records behind metric_records.log, each written as a binary metric payload (docs/records.md,
# "Binary metric payloads"); values in this order.
METRIC_RECORDS = [
    {"seq": 2, "type": "history", "time": 1764072001.0, "step": 0, "values": {"loss": 0.92, "acc": 0.41}},
    {"seq": 3, "type": "history", "time": 1764072001.123456,
     "values": {"loss": NAN, "grad": INF, "neg": -INF, "ok": True, "n": -3, "é/日本": 0.5}},
    {"seq": 4, "type": "system", "time": 1764072002.5, "values": {"cpu_percent": 12.5, "gpu.0.power_w": 250.0}},
]
