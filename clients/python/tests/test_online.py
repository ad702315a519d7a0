"""Runs logged in this process against a real server, read back over REST."""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import tempfile
import unittest

import cairn
from cairn_server import shared_server


class OnlineRunTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = shared_server()
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        self.settings = cairn.Settings(base_url=self.server.url, entity="tester", console="off",
                                       system_interval_s=0, silent=True)

    def init(self, **kwargs: object) -> cairn.Run:
        kwargs.setdefault("project", "online")
        run = cairn.init(dir=self.folder, settings=self.settings, reinit=True, **kwargs)
        self.addCleanup(run.finish)
        return run

    def test_nan_and_infinities_come_back_as_logged(self) -> None:
        run = self.init()
        run.log({"x": float("nan"), "y": float("inf"), "z": -float("inf"), "w": 1.5})
        run.finish()
        values = {key: self.server.history(run.path, key)[0]["value"] for key in "xyzw"}
        self.assertEqual(values, {"x": "NaN", "y": "Infinity", "z": "-Infinity", "w": 1.5})

    def test_nested_dicts_become_slash_keys(self) -> None:
        run = self.init()
        cairn.log({"train": {"loss": 0.5, "opt": {"lr": 0.1}}, "epoch": 1})
        cairn.finish()
        keys = {k["key"] for k in self.server.get(f"/runs/{run.path}/keys", namespace="history")["keys"]}
        self.assertEqual(keys, {"train/loss", "train/opt/lr", "epoch"})

    def test_commit_false_puts_values_into_the_next_committed_step(self) -> None:
        run = self.init()
        cairn.log({"a": 1.0}, commit=False)
        cairn.log({"b": 2.0})
        cairn.log({"a": 3.0})
        cairn.finish()
        self.assertEqual([(p["step"], p["value"]) for p in self.server.history(run.path, "a")], [(0, 1.0), (1, 3.0)])
        self.assertEqual([(p["step"], p["value"]) for p in self.server.history(run.path, "b")], [(0, 2.0)])

    def test_explicit_steps_are_kept(self) -> None:
        run = self.init()
        for step in (0, 10, 20):
            run.log({"loss": step / 10}, step=step)
        run.finish()
        self.assertEqual([p["step"] for p in self.server.history(run.path, "loss")], [0, 10, 20])

    def test_config_from_argparse_and_a_json_file_reaches_the_server(self) -> None:
        args = argparse.Namespace(lr=0.01, layers=4, optimizer="adam")
        path = os.path.join(self.folder, "extra.json")
        with open(path, "w") as f:
            json.dump({"batch_size": 64, "augment": {"flip": True}}, f)
        run = self.init(config=args)
        cairn.config.update(path)
        cairn.config.dropout = 0.1
        self.assertEqual(cairn.config.layers, 4)
        run.finish()
        self.assertEqual(self.server.run(run.path)["config"],
                         {"lr": 0.01, "layers": 4, "optimizer": "adam", "batch_size": 64,
                          "augment": {"flip": True}, "dropout": 0.1})

    def test_summary_and_defined_metrics_reach_the_server(self) -> None:
        run = self.init()
        cairn.define_metric("acc", summary="max,min")
        for acc in (0.5, 0.9, 0.7):
            cairn.log({"acc": acc, "loss": 1 - acc})
        cairn.summary["best_epoch"] = 1
        self.assertEqual(cairn.summary["loss"], 1 - 0.7)
        run.finish()
        summary = self.server.run(run.path)["summary"]
        self.assertEqual(summary["acc"], {"max": 0.9, "min": 0.5})
        self.assertEqual(summary["loss"], 1 - 0.7)
        self.assertEqual(summary["best_epoch"], 1)

    def test_run_fields_given_to_init_are_on_the_server(self) -> None:
        run = self.init(name="baseline-1", group="g", job_type="train", tags=["a", "b"], notes="first try")
        run.finish()
        on_server = self.server.run(run.path)
        self.assertEqual((on_server["name"], on_server["group"], on_server["job_type"], on_server["tags"],
                          on_server["notes"]), ("baseline-1", "g", "train", ["a", "b"], "first try"))

    def test_resume_allow_continues_steps_and_never_refuses_a_taken_id(self) -> None:
        first = self.init(id="resumeme1")
        first.log({"loss": 1.0})
        first.log({"loss": 0.5})
        first.finish()
        with self.assertRaisesRegex(cairn.Error, "resumeme1"):
            self.init(id="resumeme1")
        second = self.init(id="resumeme1", resume=True)
        self.assertTrue(second.resumed)
        self.assertEqual(second.step, 2)
        second.log({"loss": 0.25})
        second.finish()
        points = self.server.history(second.path, "loss")
        self.assertEqual([(p["step"], p["value"]) for p in points], [(0, 1.0), (1, 0.5), (2, 0.25)])
        self.assertEqual(self.server.run(second.path)["state"], "finished")

    def test_resume_must_of_an_unknown_run_raises_the_servers_message(self) -> None:
        with self.assertRaises(cairn.Error) as raised:
            self.init(id="nosuchrun", resume="must")
        self.assertIn("nosuchrun", str(raised.exception))

    def test_log_before_init_says_to_call_init(self) -> None:
        cairn.finish()
        with self.assertRaisesRegex(cairn.UsageError, "cairn.init"):
            cairn.log({"a": 1})
        with self.assertRaisesRegex(cairn.UsageError, "cairn.init"):
            cairn.config["lr"]

    def test_context_manager_finishes_the_run_and_records_failure(self) -> None:
        with self.assertRaises(ZeroDivisionError):
            with self.init() as run:
                run.log({"a": 1})
                1 / 0
        on_server = self.server.run(run.path)
        self.assertEqual((on_server["state"], on_server["exit_code"]), ("failed", 1))
        console = "\n".join(line["text"] for line in self.server.console(run.path))
        self.assertIn("ZeroDivisionError", console)

    def test_many_rows_arrive_once_each_and_in_order(self) -> None:
        run = self.init()
        for i in range(5000):
            run.log({"i": float(i), "sq": float(i * i)})
        run.finish()
        points = self.server.history(run.path, "i")
        self.assertEqual([p["value"] for p in points], [float(i) for i in range(5000)])
        self.assertTrue(math.isclose(self.server.run(run.path)["summary"]["sq"], 4999 * 4999))


if __name__ == "__main__":
    unittest.main()
