"""The W&B quick start, written as W&B users write it, with one import changed."""
from __future__ import annotations

import json
import shutil
import tempfile
import unittest

from cairn_server import run_script, shared_server

QUICKSTART = '''
import json
import random

import cairn as wandb

wandb.login()

epochs = 10
lr = 0.01

run = wandb.init(
    project="quickstart",
    config={
        "learning_rate": lr,
        "epochs": epochs,
    },
)

offset = random.random() / 5
print(f"lr: {lr}")

logged = []
for epoch in range(2, epochs):
    acc = 1 - 2**-epoch - random.random() / epoch - offset
    loss = 2**-epoch + random.random() / epoch + offset
    print(f"epoch={epoch}, accuracy={acc}, loss={loss}")
    wandb.log({"accuracy": acc, "loss": loss})
    logged.append({"accuracy": acc, "loss": loss})

print("RESULT " + json.dumps({"path": run.path, "logged": logged}))
wandb.finish()
'''


class QuickStartTest(unittest.TestCase):
    def test_the_wandb_quickstart_runs_unchanged_and_the_server_has_everything(self) -> None:
        server = shared_server()
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        done = run_script(QUICKSTART, {"CAIRN_BASE_URL": server.url, "CAIRN_ENTITY": "alice"}, cwd=folder)
        self.assertEqual(done.returncode, 0, done.stderr)
        result = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))[7:])
        path, logged = result["path"], result["logged"]

        run = server.run(path)
        self.assertEqual(run["state"], "finished")
        self.assertEqual(run["exit_code"], 0)
        self.assertEqual(run["config"], {"learning_rate": 0.01, "epochs": 10})
        self.assertEqual(run["summary"]["accuracy"], logged[-1]["accuracy"])
        self.assertEqual(run["summary"]["loss"], logged[-1]["loss"])
        for key in ("accuracy", "loss"):
            points = server.history(path, key)
            self.assertEqual([p["step"] for p in points], list(range(len(logged))))
            self.assertEqual([p["value"] for p in points], [row[key] for row in logged])
        self.assertIn("cairn: started run", done.stderr)
        console = [line["text"] for line in server.console(path)]
        self.assertIn("lr: 0.01", console)
        self.assertTrue(any(text.startswith("epoch=9, accuracy=") for text in console), console)
        self.assertIn("python", run["metadata"])


if __name__ == "__main__":
    unittest.main()
