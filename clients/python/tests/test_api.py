"""cairn.Api(): runs logged with the client itself, read back from a real server."""
from __future__ import annotations

import math
import os
import shutil
import tempfile
import unittest
from unittest import mock

import cairn
from cairn.tables import import_pandas
from cairn_server import free_port, shared_server

ENTITY = "apitest"


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.server = shared_server()
        cls.folder = tempfile.mkdtemp()
        cls.project = f"readback-{free_port()}"
        settings = cairn.Settings(base_url=cls.server.url, entity=ENTITY, console="off",
                                  system_interval_s=0, silent=True)
        cls.ids = []
        for index, (lr, tags) in enumerate([(0.001, ["baseline"]), (0.01, ["exp"]), (0.1, ["exp", "big"])]):
            run = cairn.init(project=cls.project, dir=cls.folder, settings=settings, reinit=True,
                             name=f"run-{index}", group="g", job_type="train", tags=tags,
                             config={"lr": lr, "model": {"act": "relu", "layers": index + 1}})
            for step in range(100):
                loss = float("nan") if step == 50 else 1.0 / (step + 1) + lr
                run.log({"loss": loss, "val_acc": [0.9, 0.5, 0.7][index] + step / 1000})
            run.finish()
            cls.ids.append(run.id)

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.folder, ignore_errors=True)

    def setUp(self) -> None:
        self.api = cairn.Api(overrides={"base_url": self.server.url, "entity": ENTITY})
        self.addCleanup(self.api.close)
        self.path = f"{ENTITY}/{self.project}"

    def ids_of(self, runs: object) -> list:
        return [run.id for run in runs]

    def test_runs_come_newest_first_by_default(self) -> None:
        self.assertEqual(self.ids_of(self.api.runs(self.path)), list(reversed(self.ids)))

    def test_filters_and_wandb_order_strings_select_and_sort_runs(self) -> None:
        runs = self.api.runs(self.path, filters={"config.lr": {"$gte": 0.01}}, order="-summary_metrics.val_acc")
        self.assertEqual(self.ids_of(runs), [self.ids[2], self.ids[1]])
        by_tag = self.api.runs(self.path, filters={"tags": {"$in": ["baseline", "big"]}}, order="created_at")
        self.assertEqual(self.ids_of(by_tag), [self.ids[0], self.ids[2]])

    def test_pages_are_followed_and_len_is_the_servers_total(self) -> None:
        runs = self.api.runs(self.path, order="created_at", per_page=2)
        self.assertEqual(len(runs), 3)
        self.assertEqual(self.ids_of(runs), self.ids)
        self.assertEqual(runs[2].id, self.ids[2])
        self.assertEqual(runs[-1].id, self.ids[2])

    def test_a_run_carries_its_fields(self) -> None:
        run = self.api.run(f"{self.path}/{self.ids[1]}")
        self.assertEqual((run.id, run.name, run.state, run.group, run.job_type, run.tags),
                         (self.ids[1], "run-1", "finished", "g", "train", ["exp"]))
        self.assertEqual(run.config, {"lr": 0.01, "model": {"act": "relu", "layers": 2}})
        self.assertAlmostEqual(run.summary["val_acc"], 0.5 + 99 / 1000)
        self.assertEqual(run.path, [ENTITY, self.project, self.ids[1]])
        self.assertEqual(run.url, f"{self.server.url}/{ENTITY}/{self.project}/runs/{self.ids[1]}")
        self.assertTrue(run.created_at.startswith("20"))
        self.assertEqual(self.api.run(f"{self.path}/runs/{self.ids[1]}").id, self.ids[1])

    def test_history_gives_one_row_per_bucket_with_its_last_value(self) -> None:
        run = self.api.run(f"{self.path}/{self.ids[0]}")
        rows = run.history(samples=10, keys=["loss"])
        self.assertLessEqual(len(rows), 10)
        self.assertGreaterEqual(len(rows), 9)
        self.assertEqual(rows[-1]["_step"], 99)
        self.assertAlmostEqual(rows[-1]["loss"], 1 / 100 + 0.001)
        every = run.history(samples=500)
        self.assertEqual([row["_step"] for row in every], list(range(100)))
        self.assertEqual(set(every[0]), {"_step", "loss", "val_acc"})
        self.assertTrue(math.isnan(every[50]["loss"]))
        self.assertAlmostEqual(every[7]["val_acc"], 0.9 + 7 / 1000)

    def test_history_as_pandas_says_how_to_get_it_when_pandas_is_missing(self) -> None:
        if import_pandas() is not None:
            self.skipTest("pandas is installed here")
        run = self.api.run(f"{self.path}/{self.ids[0]}")
        with self.assertRaisesRegex(cairn.UsageError, "pip install pandas"):
            run.history(pandas=True)

    def test_scan_history_reads_every_point_across_pages(self) -> None:
        run = self.api.run(f"{self.path}/{self.ids[2]}")
        rows = list(run.scan_history(page_size=7))
        self.assertEqual([row["_step"] for row in rows], list(range(100)))
        self.assertTrue(math.isnan(rows[50]["loss"]))
        self.assertEqual(rows[3]["loss"], 1.0 / 4 + 0.1)
        self.assertIsInstance(rows[3]["_timestamp"], float)
        only_acc = list(run.scan_history(keys=["val_acc"]))
        self.assertEqual(set(only_acc[0]), {"_step", "_timestamp", "val_acc"})

    def test_update_saves_what_was_changed(self) -> None:
        settings = cairn.Settings(base_url=self.server.url, entity=ENTITY, console="off",
                                  system_interval_s=0, silent=True)
        logged = cairn.init(project=f"{self.project}-edit", dir=self.folder, settings=settings, reinit=True,
                            config={"lr": 0.5, "seed": 1}, tags=["old"])
        logged.log({"loss": 0.25})
        logged.finish()
        run = self.api.run("/".join([ENTITY, f"{self.project}-edit", logged.id]))
        run.name = "renamed"
        run.notes = "looked at it"
        run.tags.append("reviewed")
        run.config["lr"] = 0.05
        run.summary["verdict"] = "good"
        run.update()
        again = self.api.run("/".join(run.path))
        self.assertEqual((again.name, again.notes, again.tags), ("renamed", "looked at it", ["old", "reviewed"]))
        self.assertEqual(again.config, {"lr": 0.05, "seed": 1})
        self.assertEqual(again.summary, {"loss": 0.25, "verdict": "good"})
        self.assertEqual(run.changed_fields(), {})

    def test_runs_as_a_data_frame_are_flat_rows_without_pandas(self) -> None:
        if import_pandas() is not None:
            self.skipTest("pandas is installed here: the frame is a DataFrame")
        rows = self.api.runs(self.path, order="created_at").to_dataframe()
        self.assertEqual([row["id"] for row in rows], self.ids)
        self.assertEqual(rows[2]["config.model.layers"], 3)
        self.assertEqual(rows[0]["tags"], ["baseline"])
        self.assertEqual(list(rows[0])[:8], ["id", "name", "state", "group", "job_type", "tags", "created_at",
                                             "runtime_s"])
        self.assertIn("summary.val_acc", rows[0])
        with mock.patch.dict(os.environ, {"CAIRN_BASE_URL": self.server.url}):
            filtered = cairn.runs_dataframe(self.path, filters={"config.lr": 0.01})
        self.assertEqual([(row["id"], row["config.lr"]) for row in filtered], [(self.ids[1], 0.01)])

    def test_unknown_project_or_run_raises_the_servers_message(self) -> None:
        with self.assertRaises(cairn.ApiError) as raised:
            list(self.api.runs(f"{ENTITY}/no-such-project"))
        self.assertEqual(raised.exception.status, 404)
        self.assertIn("no-such-project", str(raised.exception))
        with self.assertRaises(cairn.ApiError) as raised:
            self.api.run(f"{self.path}/nosuchrun")
        self.assertEqual(raised.exception.status, 404)
        self.assertIn("nosuchrun", str(raised.exception))

    def test_a_bad_filter_raises_the_servers_message(self) -> None:
        with self.assertRaises(cairn.ApiError) as raised:
            len(self.api.runs(self.path, filters={"config.lr": {"$near": 1}}))
        self.assertEqual(raised.exception.status, 400)
        self.assertIn("$near", str(raised.exception))

    def test_no_server_says_how_to_start_one(self) -> None:
        api = cairn.Api(overrides={"base_url": f"http://127.0.0.1:{free_port()}"})
        with self.assertRaisesRegex(cairn.ServerUnreachable, r"\./cairn server"):
            api.run("a/b/c")


if __name__ == "__main__":
    unittest.main()
