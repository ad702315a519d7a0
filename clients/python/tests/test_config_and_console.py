"""run.config sources, console line splitting, settings and environment capture (no server)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import cairn
from cairn.config import Config, load_config
from cairn.console import LineSplitter
from cairn.environment import git_state, strip_credentials
from cairn.settings import Settings


class ConfigTest(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)

    def test_argparse_namespace_becomes_config(self) -> None:
        parser = argparse.ArgumentParser()
        parser.add_argument("--lr", type=float, default=0.1)
        parser.add_argument("--epochs", type=int, default=3)
        self.assertEqual(load_config(parser.parse_args(["--lr", "0.5"])), {"lr": 0.5, "epochs": 3})

    def test_json_file_becomes_config(self) -> None:
        path = os.path.join(self.folder, "c.json")
        with open(path, "w") as f:
            json.dump({"model": {"layers": 2}}, f)
        self.assertEqual(load_config(path), {"model": {"layers": 2}})

    def test_a_bad_file_says_what_is_wrong(self) -> None:
        path = os.path.join(self.folder, "c.json")
        with open(path, "w") as f:
            f.write("{not json")
        with self.assertRaisesRegex(cairn.UsageError, "not valid JSON"):
            load_config(path)
        with self.assertRaisesRegex(cairn.UsageError, "cannot read"):
            load_config(os.path.join(self.folder, "missing.json"))

    def test_changes_by_item_attribute_and_update_are_reported(self) -> None:
        changes = []
        config = Config({"lr": 0.1}, on_change=changes.append)
        config["a"] = 1
        config.b = 2
        config.update({"c": 3}, allow_val_change=True)
        config.setdefaults({"c": 99, "d": 4})
        del config.a
        self.assertEqual(changes, [{"a": 1}, {"b": 2}, {"c": 3}, {"d": 4}, {"a": None}])
        self.assertEqual(dict(config), {"lr": 0.1, "b": 2, "c": 3, "d": 4})
        with self.assertRaisesRegex(AttributeError, "no key 'missing'"):
            config.missing

    def test_offline_run_config_changes_are_records(self) -> None:
        run = cairn.init(project="cfg", mode="offline", dir=self.folder, reinit=True, config={"lr": 1},
                         settings=Settings(console="off", system_interval_s=0, silent=True))
        cairn.config.update({"wd": 0.01})
        self.assertIs(cairn.config, run.config)
        cairn.finish()
        with open(os.path.join(run.dir, "records.log"), "rb") as f:
            self.assertIn(b'"type":"config","time":', f.read())


class ConsoleLinesTest(unittest.TestCase):
    def setUp(self) -> None:
        self.lines = []
        self.splitter = LineSplitter(lambda stream, line, text: self.lines.append((stream, line, text)))

    def test_lines_are_numbered_across_streams(self) -> None:
        self.splitter.write("stdout", "a\nb", now=0)
        self.splitter.write("stderr", "err\n", now=0)
        self.splitter.write("stdout", "c\r\n", now=0)
        self.assertEqual(self.lines, [("stdout", 0, "a"), ("stdout", 1, "b"), ("stderr", 2, "err"),
                                      ("stdout", 3, "c")])

    def test_progress_bar_rewrites_keep_the_line_number_and_are_rate_limited(self) -> None:
        for i, now in enumerate((0.0, 0.1, 0.2, 1.5)):
            self.splitter.write("stdout", f"{i * 25}%\r", now=now)
        self.splitter.write("stdout", "100%\n", now=1.6)
        self.assertEqual(self.lines, [("stdout", 0, "0%"), ("stdout", 0, "75%"), ("stdout", 0, "100%")])

    def test_flush_sends_an_open_line(self) -> None:
        self.splitter.write("stdout", "no newline", now=0)
        self.splitter.flush()
        self.assertEqual(self.lines, [("stdout", 0, "no newline")])


class SettingsAndEnvironmentTest(unittest.TestCase):
    def test_environment_variables_set_the_defaults(self) -> None:
        s = Settings.from_env({"CAIRN_BASE_URL": "http://h:1", "CAIRN_PROJECT": "p", "CAIRN_ENTITY": "e",
                               "CAIRN_MODE": "offline", "CAIRN_DIR": "/d", "CAIRN_RUN_ID": "r1",
                               "CAIRN_API_KEY": "k"})
        self.assertEqual((s.base_url, s.project, s.entity, s.mode, s.dir, s.run_id, s.api_key),
                         ("http://h:1", "p", "e", "offline", "/d", "r1", "k"))
        defaults = Settings.from_env({})
        self.assertEqual((defaults.base_url, defaults.project, defaults.mode, defaults.dir),
                         ("http://127.0.0.1:8080", "uncategorized", "online", "cairn-runs"))

    def test_an_unknown_mode_names_the_choices(self) -> None:
        with self.assertRaisesRegex(cairn.UsageError, "'online', 'offline' or 'disabled'"):
            Settings.from_env({"CAIRN_MODE": "sometimes"})

    def test_invalid_names_are_refused_before_anything_is_written(self) -> None:
        with self.assertRaisesRegex(cairn.UsageError, "project 'my project' is not valid"):
            cairn.init(project="my project", mode="offline", reinit=True)

    def test_credentials_are_stripped_from_git_remotes(self) -> None:
        self.assertEqual(strip_credentials("https://user:tok@host/x.git"), "https://host/x.git")
        self.assertEqual(strip_credentials("git@github.com:org/x.git"), "git@github.com:org/x.git")

    @unittest.skipUnless(shutil.which("git"), "git is not installed")
    def test_git_state_names_commit_branch_and_dirty_diff(self) -> None:
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)

        def git(*args: str) -> None:
            subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=folder, check=True,
                           capture_output=True)

        git("init", "-q", "-b", "main")
        with open(os.path.join(folder, "train.py"), "w") as f:
            f.write("print(1)\n")
        git("add", "train.py")
        git("commit", "-q", "-m", "first")
        git("remote", "add", "origin", "https://bob:secret@example.com/org/repo.git")
        with open(os.path.join(folder, "train.py"), "w") as f:
            f.write("print(2)\n")
        state = git_state(folder)
        self.assertEqual(state["branch"], "main")
        self.assertEqual(len(state["commit"]), 40)
        self.assertEqual(state["remote"], "https://example.com/org/repo.git")
        self.assertTrue(state["dirty"])
        self.assertIn("+print(2)", state["diff"])
        self.assertIsNone(git_state(tempfile.gettempdir()))


if __name__ == "__main__":
    unittest.main()
