"""run.watch() on a real PyTorch model: histograms on every log_freq-th training batch only.

PyTorch comes from Debian (``python3-torch``) and so belongs to ``/usr/bin/python3``: the model runs in a
script under that interpreter (offline mode), and the test reads the records it logged. Skipped, saying
so, when that interpreter has no torch.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import unittest

from test_example import system_python_with_torch

SCRIPT = r'''
import json, sys, torch
import cairn
from cairn.frames import FILE_HEADER, decode_frames
from cairn.records import decode_payload

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))
run = cairn.init(project="watch", mode="offline", dir=sys.argv[1],
                 settings=cairn.Settings(console="off", system_interval_s=0, silent=True))
run.watch(model, log=sys.argv[2], log_freq=3)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for batch in range(7):
    model.train()
    loss = model(torch.randn(5, 4)).pow(2).mean()
    optimizer.zero_grad(); loss.backward(); optimizer.step()
    model.eval(); model(torch.randn(2, 4))          # evaluation passes are not counted
    run.log({"loss": loss.item()})
run.finish()
with open(run._folder.records_path, "rb") as f:
    payloads = decode_frames(f.read(), len(FILE_HEADER)).payloads
rows = [decode_payload(p) for p in payloads]
print(json.dumps([[r["step"], sorted(k for k in r["values"] if k != "loss")] for r in rows if r["type"] == "history"]))
'''


class WatchTest(unittest.TestCase):
    def watched_keys_per_step(self, log: str) -> list:
        python = system_python_with_torch()
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        env = dict(os.environ, PYTHONPATH=os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))
        done = subprocess.run([python, "-c", SCRIPT, work, log], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def test_gradients_are_logged_on_every_third_training_batch_only(self) -> None:
        rows = self.watched_keys_per_step("gradients")
        gradients = ["gradients/0.bias", "gradients/0.weight", "gradients/2.bias", "gradients/2.weight"]
        self.assertEqual(rows, [[step, gradients if step in (2, 5) else []] for step in range(7)])

    def test_all_adds_the_parameters(self) -> None:
        rows = self.watched_keys_per_step("all")
        self.assertEqual(rows[2][1], ["gradients/0.bias", "gradients/0.weight", "gradients/2.bias",
                                      "gradients/2.weight", "parameters/0.bias", "parameters/0.weight",
                                      "parameters/2.bias", "parameters/2.weight"])
        self.assertEqual(rows[3][1], [])


if __name__ == "__main__":
    unittest.main()
