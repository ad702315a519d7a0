"""cairn.sweep() and cairn.agent() against a real server's sweep controller (docs/api.md, "Sweeps").

Skipped, saying so, while the server jar has no sweep routes (they come from the sweep server work).
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
import unittest
from unittest import mock

import cairn
from cairn import settings as settings_module
from cairn_server import require_sweep_routes, shared_server

GRID = {"method": "grid", "metric": {"name": "val_loss", "goal": "minimize"},
        "parameters": {"lr": {"values": [0.1, 0.2]}, "layers": {"value": 3}}}


class SweepTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = shared_server()
        require_sweep_routes(self.server)
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        environment = mock.patch.dict(os.environ, {"CAIRN_BASE_URL": self.server.url, "CAIRN_ENTITY": "tester",
                                                   "CAIRN_PROJECT": "sweeps", "CAIRN_DIR": self.folder,
                                                   "CAIRN_CONSOLE": "off", "CAIRN_SYSTEM_INTERVAL_S": "0",
                                                   "CAIRN_SILENT": "true"})
        environment.start()
        self.addCleanup(environment.stop)
        no_login = mock.patch.object(settings_module, "_login", cairn.Settings())  # another test's login() must not win
        no_login.start()
        self.addCleanup(no_login.stop)

    def create(self, config: object) -> str:
        return cairn.sweep(config)

    def sweep_runs(self, sweep_id: str) -> list:
        import json
        return self.server.get("/runs/tester/sweeps", filter=json.dumps({"sweep": sweep_id}))["runs"]

    def test_the_agent_runs_every_grid_point_once_with_the_sweep_values_winning_over_defaults(self) -> None:
        sweep_id = self.create(GRID)
        seen = []

        def train() -> None:
            run = cairn.init(config={"lr": 99.0, "layers": 1, "epochs": 2})
            seen.append((run.config.lr, run.config.layers, run.config.epochs, run.sweep_id))
            for epoch in range(run.config.epochs):
                run.log({"val_loss": run.config.lr / (epoch + 1)})

        trials = cairn.agent(sweep_id, function=train)

        self.assertEqual(trials, 2)
        self.assertEqual(sorted(seen), [(0.1, 3, 2, sweep_id), (0.2, 3, 2, sweep_id)])
        runs = self.sweep_runs(sweep_id)
        self.assertEqual(sorted(r["state"] for r in runs), ["finished", "finished"])
        self.assertEqual(sorted(r["config"]["lr"] for r in runs), [0.1, 0.2])
        self.assertEqual(self.server.get(f"/sweeps/tester/sweeps/{sweep_id}")["state"], "finished")

        with cairn.Api() as api:
            sweep = api.sweep(f"tester/sweeps/{sweep_id}")
            self.assertEqual((sweep.state, len(sweep.runs)), ("finished", 2))
            self.assertEqual(sweep.best_run().config["lr"], 0.1)                 # val_loss is lr/2: minimize
            self.assertEqual(sweep.best_run(order="-config.lr").config["lr"], 0.2)

    def test_a_sweep_file_path_is_sent_as_text_and_a_failing_trial_ends_failed(self) -> None:
        path = os.path.join(self.folder, "sweep.yaml")
        with open(path, "w") as f:
            f.write("method: random\nproject: sweeps\nparameters:\n  lr:\n    min: 0.001\n    max: 0.1\n")
        sweep_id = self.create(path)

        def broken() -> None:
            cairn.init()
            raise ValueError("bad batch")

        self.assertEqual(cairn.agent(f"tester/sweeps/{sweep_id}", function=broken, count=1), 1)
        [run] = self.sweep_runs(sweep_id)
        self.assertEqual((run["state"], run["exit_code"]), ("failed", 1))

    def test_a_canceled_sweep_stops_its_running_trial_which_ends_killed(self) -> None:
        sweep_id = self.create(GRID)
        reached = []

        def train_forever() -> None:
            run = cairn.init(settings=cairn.Settings(heartbeat_interval_s=0.2))
            self.server_post(f"/sweeps/tester/sweeps/{sweep_id}/cancel")
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                run.log({"val_loss": 1.0})
                time.sleep(0.02)
            reached.append("the loop ran out without a stop")

        cairn.agent(sweep_id, function=train_forever, count=1)

        self.assertEqual(reached, [])
        [run] = [r for r in self.sweep_runs(sweep_id) if r["state"] != "running"]
        self.assertEqual(run["state"], "killed")

    def test_a_canceled_trial_stops_also_when_sigint_is_ignored_as_in_a_background_job(self) -> None:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # `python train.py &` from a script
        try:
            self.test_a_canceled_sweep_stops_its_running_trial_which_ends_killed()
        finally:
            signal.signal(signal.SIGINT, previous)

    def server_post(self, path: str) -> None:
        import urllib.request
        request = urllib.request.Request(f"{self.server.url}/api/v1{path}", data=b"{}", method="POST",
                                         headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=10).read()


if __name__ == "__main__":
    unittest.main()
