"""Scripts that end without finish(): the run ends with the script's outcome."""
from __future__ import annotations

import json
import shutil
import tempfile
import unittest

from cairn_server import run_script, shared_server

TEMPLATE = '''
import json
import cairn
run = cairn.init(project="exits")
print("RESULT " + json.dumps({{"path": run.path}}), flush=True)
cairn.log({{"loss": 0.5}})
{ending}
'''


class ExitTest(unittest.TestCase):
    def run_ending(self, ending: str) -> tuple:
        server = shared_server()
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        done = run_script(TEMPLATE.format(ending=ending), {"CAIRN_BASE_URL": server.url,
                                                           "CAIRN_ENTITY": "exiter"}, cwd=folder)
        line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
        path = json.loads(line[7:])["path"]
        return done, server.run(path), "\n".join(line["text"] for line in server.console(path))

    def test_an_uncaught_exception_marks_the_run_failed_with_its_traceback(self) -> None:
        done, run, console = self.run_ending("def train():\n    raise ValueError('diverged')\ntrain()")
        self.assertEqual(done.returncode, 1)
        self.assertEqual((run["state"], run["exit_code"]), ("failed", 1))
        self.assertIn("Traceback (most recent call last):", console)
        self.assertIn("ValueError: diverged", console)
        self.assertEqual(run["summary"]["loss"], 0.5)

    def test_sys_exit_with_a_code_marks_the_run_failed_with_that_code(self) -> None:
        done, run, _ = self.run_ending("import sys\nsys.exit(3)")
        self.assertEqual(done.returncode, 3)
        self.assertEqual((run["state"], run["exit_code"]), ("failed", 3))

    def test_falling_off_the_end_finishes_the_run(self) -> None:
        done, run, _ = self.run_ending("print('done')")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual((run["state"], run["exit_code"]), ("finished", 0))

    def test_ctrl_c_marks_the_run_killed(self) -> None:
        done, run, _ = self.run_ending("raise KeyboardInterrupt")
        self.assertNotEqual(done.returncode, 0)
        self.assertEqual(run["state"], "killed")


if __name__ == "__main__":
    unittest.main()
