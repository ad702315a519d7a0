"""Artifacts from Python: log a version, use it from another run, download it, read it with cairn.Api()."""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import unittest
import urllib.error
from unittest import mock

import cairn
from cairn.errors import ServerUnreachable, UsageError
from cairn.rest import RestClient
from cairn_server import free_port, run_script, shared_server

ENTITY = "arttest"


class ArtifactTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = shared_server()
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder, True)
        self.project = f"artifacts-{free_port()}"
        self.settings = cairn.Settings(base_url=self.server.url, entity=ENTITY, console="off",
                                       system_interval_s=0, silent=True)

    def start(self, name: str) -> cairn.Run:
        run = cairn.init(project=self.project, name=name, dir=self.folder, settings=self.settings, reinit=True)
        self.addCleanup(run.finish)
        return run

    def write(self, relative: str, data: bytes) -> str:
        path = os.path.join(self.folder, "src", relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def api(self) -> cairn.Api:
        api = cairn.Api(overrides={"base_url": self.server.url, "entity": ENTITY, "project": self.project})
        self.addCleanup(api.close)
        return api

    def test_a_logged_model_is_used_by_another_run_and_downloads_verified(self) -> None:
        weights = os.urandom(200_000)
        artifact = cairn.Artifact("cnn", type="model", description="digits", metadata={"val_acc": 0.97})
        artifact.add_file(self.write("model.pt", weights))
        artifact.add_dir(os.path.dirname(self.write("plots/loss.png", b"png")), name="plots")
        with artifact.new_file("notes/readme.txt") as f:
            f.write("trained on digits")
        trainer = self.start("trainer")
        logged = trainer.log_artifact(artifact, aliases=["best"])

        evaluator = self.start("evaluator")
        used = evaluator.use_artifact("cnn:best", type="model")
        root = used.download(root=os.path.join(self.folder, "download"))

        self.assertIs(logged, artifact)
        self.assertEqual(artifact.version, "v0")
        self.assertEqual(sorted(artifact.aliases), ["best", "latest"])
        self.assertEqual(used.version, "v0")
        self.assertEqual(used.metadata, {"val_acc": 0.97})
        self.assertEqual([f.path for f in used.files()], ["model.pt", "notes/readme.txt", "plots/loss.png"])
        with open(os.path.join(root, "model.pt"), "rb") as f:
            self.assertEqual(f.read(), weights)
        with open(os.path.join(root, "notes", "readme.txt")) as f:
            self.assertEqual(f.read(), "trained on digits")
        lineage = self.server.get(f"/artifacts/{ENTITY}/{self.project}/cnn:v0")
        self.assertEqual(lineage["created_by"], trainer.path)
        self.assertEqual(lineage["used_by"], [evaluator.path])
        self.assertEqual(self.server.get(f"/runs/{evaluator.path}/artifacts")["used"][0]["name"], "cnn")

    def test_new_content_makes_the_next_version_and_the_same_content_finds_the_old_one(self) -> None:
        run = self.start("trainer")
        path = self.write("data.csv", b"a,b\n1,2\n")
        first = run.log_artifact(path, name="table", type="dataset")
        again = run.log_artifact(path, name="table", type="dataset")
        self.write("data.csv", b"a,b\n1,2\n3,4\n")
        second = run.log_artifact(path, name="table", type="dataset")

        self.assertEqual((first.version, again.version, second.version), ("v0", "v0", "v1"))
        self.assertEqual(self.api().artifact("table").version, "v1")
        self.assertEqual(self.api().artifact(f"{ENTITY}/{self.project}/table:v0").aliases, [])

    def test_api_artifact_downloads_to_artifacts_name_version_and_repairs_a_damaged_file(self) -> None:
        run = self.start("trainer")
        run.log_artifact(self.write("w.bin", b"weights"), name="m", type="model")
        previous = os.getcwd()
        os.chdir(self.folder)
        self.addCleanup(os.chdir, previous)

        artifact = self.api().artifact(f"{self.project}/m:latest")
        root = artifact.download()
        with open(os.path.join(root, "w.bin"), "wb") as f:
            f.write(b"damaged")
        artifact.download()

        self.assertEqual(root, os.path.join(".", "artifacts", "m:v0"))
        with open(os.path.join(root, "w.bin"), "rb") as f:
            self.assertEqual(f.read(), b"weights")
        with self.assertRaises(cairn.ApiError) as missing:
            self.api().artifact("m:v7")
        self.assertEqual(missing.exception.status, 404)

    def test_a_transient_failure_is_retried_and_a_failed_upload_leaves_no_version(self) -> None:
        run = self.start("trainer")
        path = self.write("w.bin", hashlib.sha256(b"x").digest())
        real_put = RestClient.put_file
        calls = []

        def flaky_put(client, *args, **kwargs):
            calls.append(args[0])
            if len(calls) == 1:
                raise ServerUnreachable(client.base_url, "connection reset")
            return real_put(client, *args, **kwargs)

        with mock.patch("cairn.artifact_transfer.time.sleep"), mock.patch.object(RestClient, "put_file", flaky_put):
            retried = run.log_artifact(path, name="flaky", type="model")
        with mock.patch("cairn.artifact_transfer.time.sleep"), mock.patch.object(
                RestClient, "put_file", side_effect=ServerUnreachable(self.server.url, "down")):
            with self.assertRaises(ServerUnreachable):
                run.log_artifact(self.write("other.bin", b"never arrives"), name="broken", type="model")

        self.assertEqual(retried.version, "v0")
        self.assertEqual(len(calls), 2)
        self.assertEqual(self.server.get(f"/artifacts/{ENTITY}/{self.project}/broken/versions")["versions"], [])
        with self.assertRaises(urllib.error.HTTPError) as latest:
            self.server.get(f"/artifacts/{ENTITY}/{self.project}/broken:latest")
        self.assertEqual(latest.exception.code, 404)

    def test_a_process_killed_mid_upload_leaves_no_version_and_the_next_log_resumes(self) -> None:
        script = """
import os, cairn
from cairn.rest import RestClient
real_put = RestClient.put_file
sent = []
def put_then_die(client, path, file_path, **kwargs):
    if sent:
        os._exit(9)   # killed between two files
    sent.append(path)
    return real_put(client, path, file_path, **kwargs)
RestClient.put_file = put_then_die
run = cairn.init(project=os.environ["PROJECT"], id="killed")
artifact = cairn.Artifact("half", type="dataset")
artifact.add_file("a.bin")
artifact.add_file("b.bin")
run.log_artifact(artifact)
"""
        work = os.path.join(self.folder, "work")
        os.makedirs(work)
        for name in ("a.bin", "b.bin"):
            with open(os.path.join(work, name), "wb") as f:
                f.write(name.encode() * 1000)
        env = {"CAIRN_BASE_URL": self.server.url, "CAIRN_ENTITY": ENTITY, "PROJECT": self.project,
               "CAIRN_CONSOLE": "off", "CAIRN_SYSTEM_INTERVAL_S": "0"}
        killed = run_script(script, env, work)
        versions = self.server.get(f"/artifacts/{ENTITY}/{self.project}/half/versions")["versions"]

        run = self.start("again")
        artifact = cairn.Artifact("half", type="dataset")
        artifact.add_file(os.path.join(work, "a.bin"))
        artifact.add_file(os.path.join(work, "b.bin"))
        puts = []
        real_put = RestClient.put_file

        def counting_put(client, *args, **kwargs):
            puts.append(args[0])
            return real_put(client, *args, **kwargs)

        with mock.patch.object(RestClient, "put_file", counting_put):
            run.log_artifact(artifact)

        self.assertEqual(killed.returncode, 9, killed.stderr)
        self.assertEqual(versions, [])
        self.assertEqual(len(puts), 1, "only the file the killed process did not send")
        self.assertEqual(artifact.version, "v0")

    def test_paths_that_leave_the_artifact_and_references_are_refused(self) -> None:
        artifact = cairn.Artifact("bad", type="model")
        with self.assertRaises(UsageError):
            artifact.add_file(self.write("x", b"x"), name="../x")
        with self.assertRaises(UsageError):
            artifact.new_file("/etc/passwd")
        with self.assertRaises(UsageError):
            artifact.add_reference("s3://bucket/key")
        with self.assertRaises(UsageError):
            cairn.Artifact("bad:v1", type="model")

    def test_offline_runs_do_not_upload_and_say_so(self) -> None:
        offline = cairn.Settings(base_url=self.server.url, entity=ENTITY, console="off", system_interval_s=0,
                                 silent=True, mode="offline")
        run = cairn.init(project=self.project, dir=self.folder, settings=offline, reinit=True)
        self.addCleanup(run.finish)
        artifact = run.log_artifact(self.write("w.bin", b"w"), name="m", type="model")
        self.assertIsNone(artifact.version)


if __name__ == "__main__":
    unittest.main()
