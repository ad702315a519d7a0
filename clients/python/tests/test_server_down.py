"""Logging goes on when the server is down; everything arrives once when it answers."""
from __future__ import annotations

import shutil
import tempfile
import unittest

import cairn
from cairn_server import CairnServer, free_port, require_jar, wait_until


class ServerDownTest(unittest.TestCase):
    def setUp(self) -> None:
        require_jar()
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)

    def settings(self, url: str) -> cairn.Settings:
        return cairn.Settings(base_url=url, entity="down", console="off", system_interval_s=0, silent=True)

    def test_rows_logged_before_the_server_starts_arrive_once(self) -> None:
        port = free_port()
        run = cairn.init(project="down", dir=self.folder, settings=self.settings(f"http://127.0.0.1:{port}"),
                         reinit=True, config={"lr": 0.5})
        for i in range(200):
            run.log({"loss": float(i)})
        server = CairnServer(port=port).start()
        self.addCleanup(server.remove_data)
        self.addCleanup(server.stop)
        for i in range(200, 250):
            run.log({"loss": float(i)})
        run.finish()
        on_server = server.run(run.path)
        self.assertEqual((on_server["state"], on_server["config"]), ("finished", {"lr": 0.5}))
        points = server.history(run.path, "loss")
        self.assertEqual([p["step"] for p in points], list(range(250)))
        self.assertEqual([p["value"] for p in points], [float(i) for i in range(250)])

    def test_a_server_restart_mid_run_loses_nothing_and_stores_nothing_twice(self) -> None:
        server = CairnServer().start()
        self.addCleanup(server.remove_data)
        self.addCleanup(server.stop)
        run = cairn.init(project="restart", dir=self.folder, settings=self.settings(server.url), reinit=True)
        for i in range(100):
            run.log({"loss": float(i)})
        wait_until(lambda: server.run(run.path)["last_seq"] >= 100, what="the first rows to arrive")
        server.stop()
        for i in range(100, 150):
            run.log({"loss": float(i)})
        server.start()
        run.finish()
        points = server.history(run.path, "loss")
        self.assertEqual([p["value"] for p in points], [float(i) for i in range(150)])

    def test_finish_with_the_server_still_down_says_how_to_ship_the_log(self) -> None:
        run = cairn.init(project="down", dir=self.folder, reinit=True,
                         settings=self.settings(f"http://127.0.0.1:{free_port()}"))
        run.log({"loss": 1.0})
        run.finish()
        self.assertTrue(run._sender is not None and not run._sender.is_done())
        self.assertEqual(cairn.record_log.RunFolder(self.folder, "down", "down", run.id).read_acked(), 0)


if __name__ == "__main__":
    unittest.main()
