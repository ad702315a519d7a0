"""examples/python/train_digits.py, run the way a user runs it, against a real server.

It needs PyTorch and scikit-learn, which come from Debian (``apt-get install python3-torch
python3-sklearn``) and so belong to ``/usr/bin/python3``: the test runs the example with that interpreter
and is skipped, saying so, when it lacks them.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unittest

from cairn_server import REPO, require_sweep_routes, shared_server

SYSTEM_PYTHON = "/usr/bin/python3"
EXAMPLE = os.path.join(REPO, "examples", "python", "train_digits.py")


def system_python_with_torch() -> str:
    if not os.path.exists(SYSTEM_PYTHON):
        raise unittest.SkipTest(f"{SYSTEM_PYTHON} is missing: the example needs Debian's python3-torch and python3-sklearn")
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import torch, sklearn"], capture_output=True, text=True)
    if probe.returncode != 0:
        raise unittest.SkipTest(f"{SYSTEM_PYTHON} cannot import torch and sklearn ({probe.stderr.strip().splitlines()[-1]}): "
                                f"install them with `apt-get install python3-torch python3-sklearn` to run the example test")
    return SYSTEM_PYTHON


class DigitsExampleTest(unittest.TestCase):
    def test_the_example_logs_metrics_histograms_images_a_table_and_its_weights(self) -> None:
        python = system_python_with_torch()
        server = shared_server()
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        env = dict(os.environ, CAIRN_BASE_URL=server.url, CAIRN_ENTITY="tester", CAIRN_PROJECT="digits",
                   CAIRN_RUN_ID="digits1", CAIRN_SYSTEM_INTERVAL_S="0", CAIRN_CONSOLE="off")
        done = subprocess.run([python, EXAMPLE, "--epochs=2", "--lr=0.02", "--log_freq=5"], cwd=work, env=env,
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

        run = server.run("tester/digits/digits1")
        self.assertEqual(run["state"], "finished")
        self.assertEqual((run["config"]["lr"], run["config"]["epochs"]), (0.02, 2))
        acc = server.history("tester/digits/digits1", "val/acc")
        self.assertEqual([p["step"] for p in acc], [0, 1])
        self.assertGreater(acc[-1]["value"], 0.5)
        summary = run["summary"]
        for key in ("gradients/0.weight", "gradients/3.bias", "parameters/0.weight"):
            self.assertEqual(summary[key]["_type"], "histogram", key)
            self.assertEqual(len(summary[key]["values"]), 64)
        self.assertEqual(summary["predictions"]["_type"], "table-file")
        self.assertEqual(summary["predictions"]["nrows"], 64)
        self.assertEqual(summary["examples"]["count"], 8)
        self.assertEqual(summary["per_class_accuracy"]["kind"], "bar")

        files = {f["path"] for f in server.get("/runs/tester/digits/digits1/files")["files"]}
        model = server.get("/artifacts/tester/digits/digits-cnn:latest")
        self.assertEqual(model["type"], "model")
        self.assertEqual(model["created_by"], "tester/digits/digits1")
        self.assertEqual([f["path"] for f in model["files"]], ["model.pt"])
        self.assertIn("val_acc", model["metadata"])
        self.assertIn(summary["predictions"]["path"], files)
        self.assertTrue(all(image["path"] in files for image in summary["examples"]["images"]))

    def test_the_example_runs_as_a_sweep_trial_with_the_sweep_values(self) -> None:
        python = system_python_with_torch()
        server = shared_server()
        require_sweep_routes(server)
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        script = (
            "import runpy, sys, cairn\n"
            f"example = runpy.run_path({EXAMPLE!r})\n"
            "sweep_id = cairn.sweep({'method': 'grid', 'metric': {'name': 'val/acc', 'goal': 'maximize'},\n"
            "                        'parameters': {'hidden': {'values': [8, 16]}, 'epochs': {'value': 1}}})\n"
            "print('trials', cairn.agent(sweep_id, function=lambda: example['main']([])))\n"
            "print('sweep', sweep_id)\n")
        env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "clients", "python"),
                   CAIRN_BASE_URL=server.url, CAIRN_ENTITY="tester", CAIRN_PROJECT="digitsweep",
                   CAIRN_SYSTEM_INTERVAL_S="0", CAIRN_CONSOLE="off")
        done = subprocess.run([python, "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("trials 2", done.stdout)
        sweep_id = done.stdout.split("sweep ")[-1].strip()
        import json
        runs = server.get("/runs/tester/digitsweep", filter=json.dumps({"sweep": sweep_id}))["runs"]
        self.assertEqual(sorted((r["config"]["hidden"], r["config"]["epochs"], r["config"]["lr"], r["state"]) for r in runs),
                         [(8, 1, 0.01, "finished"), (16, 1, 0.01, "finished")])

    def test_the_example_runs_as_an_agent_child_with_flags_and_the_sweep_environment(self) -> None:
        python = system_python_with_torch()
        server = shared_server()
        require_sweep_routes(server)
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        with open(os.path.join(REPO, "examples", "python", "sweep.yaml")) as f:
            text = f.read()
        self.assertIn("    value: 30\n", text)
        text = text.replace("    value: 30\n", "    value: 2\n")    # the same sweep file, 2 epochs a trial
        sweep = server_post(server, "/sweeps/tester/digitsagent", {"config_text": text})
        trial = server_post(server, f"/sweeps/tester/digitsagent/{sweep['id']}/next", {"agent": "test"})["run"]
        # what `./cairn agent` does: ${args} as --name=value flags, the sweep's ids in the environment
        flags = [f"--{name}={value}" for name, value in sorted(trial["params"].items())]
        env = dict(os.environ, CAIRN_BASE_URL=server.url, CAIRN_ENTITY="tester", CAIRN_PROJECT="digitsagent",
                   CAIRN_SWEEP_ID=sweep["id"], CAIRN_RUN_ID=trial["id"], CAIRN_CONSOLE="off",
                   CAIRN_SYSTEM_INTERVAL_S="0")
        done = subprocess.run([python, EXAMPLE, *flags], cwd=work, env=env, capture_output=True, text=True, timeout=300)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)

        run = server.run(f"tester/digitsagent/{trial['id']}")
        self.assertEqual(run["state"], "finished")
        for name in ("lr", "hidden", "batch_size", "dropout", "optimizer", "epochs"):
            self.assertEqual(run["config"][name], trial["params"][name], name)
        self.assertEqual(len(server.history(f"tester/digitsagent/{trial['id']}", "val/acc")), 2)


def server_post(server, path: str, body: dict) -> dict:
    import json
    import urllib.request
    request = urllib.request.Request(f"{server.url}/api/v1{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


if __name__ == "__main__":
    unittest.main()
