"""Images, tables, histograms, charts and run.save() against a real server: history values and run files."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.request
import zlib

import cairn
from cairn import png
from cairn_server import JAR, CairnServer, shared_server


def decode_gray_png(data: bytes) -> list:
    """Rows of a filter-0, 8-bit grayscale PNG as written by cairn.png (to check the pixels)."""
    width, height = png.image_size(data)
    raw = zlib.decompress(data[data.index(b"IDAT") + 4:data.index(b"IEND") - 8])
    return [list(raw[y * (width + 1) + 1:(y + 1) * (width + 1)]) for y in range(height)]


class PngTest(unittest.TestCase):
    def test_nested_lists_become_a_png_with_their_pixels(self) -> None:
        data = png.encode_png([[0, 128, 255], [255, 128, 0]])
        self.assertEqual(png.image_size(data), (3, 2))
        self.assertEqual(decode_gray_png(data), [[0, 128, 255], [255, 128, 0]])

    def test_floats_between_zero_and_one_are_scaled_to_bytes(self) -> None:
        self.assertEqual(decode_gray_png(png.encode_png([[0.0, 0.5, 1.0]])), [[0, 128, 255]])

    def test_ragged_rows_are_refused_with_the_row_named(self) -> None:
        with self.assertRaisesRegex(ValueError, "row 1 has 1 pixels"):
            png.encode_png([[1, 2], [3]])

    def test_jpeg_size_is_read_from_its_frame_header(self) -> None:
        jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
                b"\xff\xc0\x00\x11\x08\x00\x20\x00\x40\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9")
        self.assertEqual(png.image_size(jpeg), (64, 32))
        self.assertEqual(cairn.Image(jpeg).format, "jpg")

    def test_numpy_arrays_encode_like_lists_when_numpy_is_there(self) -> None:
        try:
            import numpy as np
        except ImportError:
            self.skipTest("numpy is not installed")
        pixels = [[0.0, 0.25], [0.75, 1.0]]
        self.assertEqual(cairn.Image(np.array(pixels)).data, cairn.Image(pixels).data)


class MediaOnServerTest(unittest.TestCase):
    def setUp(self) -> None:
        self.server = shared_server()
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        self.settings = cairn.Settings(base_url=self.server.url, entity="tester", console="off",
                                       system_interval_s=0, silent=True)

    def init(self, **kwargs: object) -> cairn.Run:
        run = cairn.init(project="media", dir=self.folder, settings=self.settings, reinit=True, **kwargs)
        self.addCleanup(run.finish)
        return run

    def files(self, run: cairn.Run) -> dict:
        return {f["path"]: f for f in self.server.get(f"/runs/{run.path}/files")["files"]}

    def file_bytes(self, run: cairn.Run, path: str) -> bytes:
        with urllib.request.urlopen(f"{self.server.url}/api/v1/runs/{run.path}/files/{path}", timeout=10) as r:
            return r.read()

    def test_a_logged_image_is_uploaded_and_its_history_value_points_at_it(self) -> None:
        run = self.init()
        run.log({"loss": 1.0})
        run.log({"samples": cairn.Image([[0, 255], [255, 0]], caption="checkers"), "loss": 0.5})
        run.finish()
        value = self.server.run(run.path)["summary"]["samples"]
        self.assertEqual((value["_type"], value["width"], value["height"], value["caption"]),
                         ("image-file", 2, 2, "checkers"))
        self.assertRegex(value["path"], r"^media/images/samples_1_[0-9a-f]{20}\.png$")
        stored = self.file_bytes(run, value["path"])
        self.assertEqual(hashlib.sha256(stored).hexdigest(), value["sha256"])
        self.assertEqual(decode_gray_png(stored), [[0, 255], [255, 0]])
        self.assertEqual([p["value"] for p in self.server.history(run.path, "loss")], [1.0, 0.5])

    def test_a_table_with_images_in_its_cells_uploads_both(self) -> None:
        run = self.init()
        table = cairn.Table(columns=["digit", "image", "pred"])
        table.add_data(3, cairn.Image([[10, 20]]), 3)
        table.add_data(8, cairn.Image([[30, 40]]), 1)
        run.log({"predictions": table})
        run.finish()
        value = self.server.run(run.path)["summary"]["predictions"]
        self.assertEqual((value["_type"], value["ncols"], value["nrows"]), ("table-file", 3, 2))
        stored = json.loads(self.file_bytes(run, value["path"]))
        self.assertEqual(stored["columns"], ["digit", "image", "pred"])
        self.assertEqual([row[0] for row in stored["data"]], [3, 8])
        cell = stored["data"][1][1]
        self.assertEqual(cell["_type"], "image-file")
        self.assertIn(cell["path"], self.files(run))

    def test_histograms_and_charts_are_logged_as_objects(self) -> None:
        run = self.init()
        table = cairn.Table(data=[[0, 0.1], [1, 0.4]], columns=["epoch", "acc"])
        run.log({"weights": cairn.Histogram([1, 2, 2, 3, 3, 3], num_bins=3),
                 "acc_curve": cairn.plot.line(table, "epoch", "acc", title="Accuracy")})
        run.finish()
        summary = self.server.run(run.path)["summary"]
        self.assertEqual(summary["weights"], {"_type": "histogram", "bins": [1.0, 1.6666666666666665,
                                                                              2.333333333333333, 3.0],
                                                "values": [1, 2, 3]})
        chart = summary["acc_curve"]
        self.assertEqual((chart["kind"], chart["title"], chart["fields"]), ("line", "Accuracy", {"x": "epoch", "y": "acc"}))
        self.assertIn(chart["table"]["path"], self.files(run))

    def test_save_uploads_matching_files_now_and_live_files_again_at_finish(self) -> None:
        work = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, work)
        os.makedirs(os.path.join(work, "out", "sub"))
        for name, text in (("out/a.txt", "a"), ("out/sub/b.txt", "b"), ("out/c.log", "c")):
            with open(os.path.join(work, name), "w") as f:
                f.write(text)
        run = self.init()
        self.assertEqual(run.save(os.path.join(work, "out", "**", "*.txt"), policy="now"), ["a.txt", "sub/b.txt"])
        run.save(os.path.join(work, "out", "c.log"), base_path=work, policy="live")
        run.save(os.path.join(work, "final.json"), policy="end")
        with open(os.path.join(work, "out", "c.log"), "a") as f:
            f.write(" and more")
        os.utime(os.path.join(work, "out", "c.log"), (1, 1))
        with open(os.path.join(work, "final.json"), "w") as f:
            f.write("{}")
        run.finish()
        self.assertEqual(sorted(self.files(run)), ["a.txt", "final.json", "out/c.log", "sub/b.txt"])
        self.assertEqual(self.file_bytes(run, "out/c.log"), b"c and more")

    def test_disabled_runs_accept_media_and_write_nothing(self) -> None:
        with cairn.init(project="media", mode="disabled", dir=self.folder) as run:
            run.log({"img": cairn.Image([[1]])})
            self.assertEqual(run.save("nothing*"), [])
        self.assertEqual(os.listdir(self.folder), [])


class MediaSyncTest(unittest.TestCase):
    def test_cairn_sync_uploads_the_files_of_an_offline_run(self) -> None:
        server = shared_server()
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        run = cairn.init(project="media", mode="offline", dir=folder, reinit=True,
                         settings=cairn.Settings(entity="tester", console="off", system_interval_s=0, silent=True))
        run.log({"img": cairn.Image([[9, 8], [7, 6]]), "loss": 0.25})
        run.finish()
        done = subprocess.run(["java", "-jar", JAR, "sync", run.dir, "--base-url", server.url],
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertRegex(done.stdout, r"records and 1 files? ")
        path = server.run(run.path)["summary"]["img"]["path"]
        self.assertEqual([f["path"] for f in server.get(f"/runs/{run.path}/files")["files"]], [path])


class MediaOutageTest(unittest.TestCase):
    def test_files_staged_while_the_server_is_down_are_uploaded_when_a_resumed_run_reaches_it(self) -> None:
        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        server = CairnServer()
        settings = cairn.Settings(base_url=server.url, entity="tester", console="off", system_interval_s=0,
                                  silent=True, finish_timeout_s=1)
        run = cairn.init(project="media", id="outage1", dir=folder, settings=settings, reinit=True)
        run.log({"img": cairn.Image([[1, 2, 3]])})
        run.finish()  # no server: the image stays staged in the run folder
        staged = [name for _, _, names in os.walk(folder) for name in names if name.endswith(".png")]
        self.assertEqual(len(staged), 1)
        server.start()
        self.addCleanup(server.remove_data)
        self.addCleanup(server.stop)
        again = cairn.init(project="media", id="outage1", resume="allow", dir=folder, settings=settings, reinit=True)
        again.finish()
        paths = [f["path"] for f in server.get(f"/runs/{again.path}/files")["files"]]
        self.assertEqual(len(paths), 1)
        self.assertRegex(paths[0], r"^media/images/img_0_[0-9a-f]{20}\.png$")


if __name__ == "__main__":
    unittest.main()
