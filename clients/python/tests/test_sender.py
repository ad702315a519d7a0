"""The sender against a real server, stepped with run_once(): acks, gaps and retried batches."""
from __future__ import annotations

import shutil
import tempfile
import unittest
from typing import Any, List

from cairn import runs_api
from cairn.record_log import RecordLog, RunFolder
from cairn.records import encode_payload, encode_record
from cairn.rest import RestClient
from cairn.sender import Sender
from cairn_server import CairnServer, shared_server


def history_payloads(count: int) -> List[bytes]:
    return [encode_payload({"seq": i, "type": "history", "time": 1764072000.0 + i, "step": i - 1,
                            "values": {"x": float(i)}}) for i in range(1, count + 1)]


class SenderTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = shared_server()
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        self.client = RestClient(self.server.url, None, timeout_s=10)
        self.addCleanup(self.client.close)

    def run_with_log(self, run_id: str, count: int) -> RunFolder:
        return self.run_with_payloads(run_id, history_payloads(count))

    def run_with_payloads(self, run_id: str, payloads: List[bytes]) -> RunFolder:
        run_folder = RunFolder(self.folder, "sender", "ship", run_id)
        log = RecordLog.open(run_folder.records_path)
        log.append(payloads)
        log.close()
        return run_folder

    def sender(self, run_folder: RunFolder, run_id: str, acked_seq: int, is_created: bool = True) -> Sender:
        run = {"entity": "sender", "project": "ship", "id": run_id, "resume": "allow"}
        sender = Sender(self.client, run_folder, run, is_created=is_created, acked_seq=acked_seq, linger_s=0)
        log = RecordLog.open(run_folder.records_path)
        log.close()
        sender.notify_written(log.last_seq)
        return sender

    def step_until_done(self, sender: Sender, steps: int = 20) -> None:
        for _ in range(steps):
            if sender.is_done():
                return
            sender.run_once()
        self.fail(f"not done after {steps} steps: acked {sender.acked_seq}, fatal {sender.fatal}")

    def values(self, run_id: str, key: str = "x", namespace: str = "history") -> List[Any]:
        return [p["value"] for p in self.server.history(f"sender/ship/{run_id}", key, namespace)]

    def test_binary_and_json_records_ship_together_and_keep_their_values(self) -> None:
        runs_api.create_run(self.client, "sender", "ship", {"id": "bin1"})
        records = [
            {"seq": 1, "type": "config", "time": 1764072000.0, "values": {"lr": 0.1}},
            {"seq": 2, "type": "history", "time": 1764072001.0, "step": 0,
             "values": {"x": 0.5, "ok": True, "nan": float("nan"), "inf": float("inf"), "é/日本": -3}},
            {"seq": 3, "type": "history", "time": 1764072002.0, "values": {"x": 1.5, "note": "json row"}},
            {"seq": 4, "type": "history", "time": 1764072003.0, "values": {"x": 2.5, "skipped": None}},
            {"seq": 5, "type": "system", "time": 1764072004.0, "values": {"cpu_percent": 12.5}},
        ]
        payloads = [encode_record(r) for r in records]
        self.assertEqual([p[:1] for p in payloads], [b"{", b"\x01", b"{", b"\x01", b"\x01"])
        sender = self.sender(self.run_with_payloads("bin1", payloads), "bin1", acked_seq=0)
        self.step_until_done(sender)
        self.assertEqual(sender.acked_seq, 5)
        points = self.server.history("sender/ship/bin1", "x")
        self.assertEqual([(p["step"], p["value"]) for p in points], [(0, 0.5), (1, 1.5), (2, 2.5)])
        self.assertEqual((self.values("bin1", "ok"), self.values("bin1", "nan"), self.values("bin1", "inf")),
                         ([1.0], ["NaN"], ["Infinity"]))
        self.assertEqual(self.values("bin1", "é/日本"), [-3.0])
        self.assertEqual(self.values("bin1", "cpu_percent", "system"), [12.5])
        run = self.server.run("sender/ship/bin1")
        self.assertEqual((run["config"], run["summary"]["note"]), ({"lr": 0.1}, "json row"))
        self.assertNotIn("skipped", run["summary"])

    def test_a_batch_larger_than_the_servers_limit_is_split_until_it_fits(self) -> None:
        server = CairnServer(options=["--max-request-mb", "1"]).start()
        self.addCleanup(server.remove_data)
        self.addCleanup(server.stop)
        client = RestClient(server.url, None, timeout_s=10)
        self.addCleanup(client.close)
        runs_api.create_run(client, "sender", "ship", {"id": "big1"})
        payloads = []  # 3 MB: binary rows between 2 KB console lines
        for i in range(1, 1501):
            payloads.append(encode_record({"seq": 2 * i - 1, "type": "history", "time": 1764072000.0 + i,
                                           "values": {"x": float(i)}}))
            payloads.append(encode_payload({"seq": 2 * i, "type": "console", "time": 1764072000.0 + i,
                                            "stream": "stdout", "line": i, "text": f"{i:05d}" + "." * 2000}))
        run_folder = self.run_with_payloads("big1", payloads)
        run = {"entity": "sender", "project": "ship", "id": "big1"}
        sender = Sender(client, run_folder, run, is_created=True, acked_seq=0, linger_s=0)
        sender.notify_written(3000)
        self.step_until_done(sender, steps=40)
        self.assertIsNone(sender.fatal)
        self.assertEqual([p["value"] for p in server.history("sender/ship/big1", "x")],
                         [float(i) for i in range(1, 1501)])

    def test_a_stale_acked_hint_is_corrected_by_the_servers_seq_gap(self) -> None:
        runs_api.create_run(self.client, "sender", "ship", {"id": "gap1"})
        run_folder = self.run_with_log("gap1", 10)
        sender = self.sender(run_folder, "gap1", acked_seq=5)  # the server has nothing yet
        self.step_until_done(sender)
        self.assertEqual(self.values("gap1"), [float(i) for i in range(1, 11)])
        self.assertEqual(run_folder.read_acked(), 10)

    def test_resending_acknowledged_records_stores_nothing_twice(self) -> None:
        runs_api.create_run(self.client, "sender", "ship", {"id": "dup1"})
        run_folder = self.run_with_log("dup1", 10)
        self.step_until_done(self.sender(run_folder, "dup1", acked_seq=0))
        again = self.sender(run_folder, "dup1", acked_seq=0)  # as if every ack had been lost
        self.step_until_done(again)
        self.assertEqual(again.acked_seq, 10)
        self.assertEqual(self.values("dup1"), [float(i) for i in range(1, 11)])

    def test_a_run_the_server_never_saw_is_created_before_its_records(self) -> None:
        run_folder = self.run_with_log("late1", 3)
        sender = self.sender(run_folder, "late1", acked_seq=0, is_created=False)
        self.step_until_done(sender)
        self.assertEqual(self.values("late1"), [1.0, 2.0, 3.0])

    def test_heartbeats_are_sent_when_due(self) -> None:
        runs_api.create_run(self.client, "sender", "ship", {"id": "beat1"})
        before = self.server.run("sender/ship/beat1")["heartbeat_at"]
        run_folder = self.run_with_log("beat1", 1)
        now = [0.0]
        run = {"entity": "sender", "project": "ship", "id": "beat1"}
        sender = Sender(self.client, run_folder, run, is_created=True, acked_seq=1, heartbeat_interval_s=30,
                        clock=lambda: now[0])
        sender.run_once()
        self.assertEqual(self.server.run("sender/ship/beat1")["heartbeat_at"], before)
        now[0] = 31.0
        sender.run_once()
        self.assertNotEqual(self.server.run("sender/ship/beat1")["heartbeat_at"], before)


if __name__ == "__main__":
    unittest.main()
