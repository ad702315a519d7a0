"""cairn.Image, Histogram and Table from torch tensors (and PIL images and pandas frames when present), and
tensor scalars logged as numbers (binary metric records), under Debian's ``/usr/bin/python3`` where
``python3-torch`` lives; skipped, saying so, without it."""
from __future__ import annotations

import json
import os
import subprocess
import unittest

from test_example import system_python_with_torch

SCRIPT = r'''
import json, torch, numpy as np
import cairn
result = {}
pixels = [[0.0, 0.25, 0.5], [0.75, 1.0, 0.5]]
rgb = [[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [9, 9, 9]]]
result["gray_tensor"] = cairn.Image(torch.tensor(pixels)).data == cairn.Image(pixels).data
result["chw_tensor"] = cairn.Image(torch.tensor(rgb, dtype=torch.uint8).permute(2, 0, 1)).data == cairn.Image(rgb).data
result["numpy_hwc"] = cairn.Image(np.array(rgb, dtype=np.uint8)).data == cairn.Image(rgb).data
values = torch.arange(10, dtype=torch.float32)
result["tensor_histogram"] = cairn.Histogram(values, num_bins=5).histogram == [2, 2, 2, 2, 2]
counts, edges = np.histogram(np.arange(10), bins=5)
result["np_histogram"] = cairn.Histogram(np_histogram=(counts, edges)).histogram == [2, 2, 2, 2, 2]
try:
    import PIL.Image
    image = PIL.Image.new("RGB", (3, 2), (10, 20, 30))
    result["pil"] = (cairn.Image(image).width, cairn.Image(image).height) == (3, 2)
except ImportError:
    result["pil"] = "skipped"
try:
    import pandas
    table = cairn.Table(data=pandas.DataFrame({"a": [1, 2], "b": ["x", "y"]}))
    result["pandas"] = (table.columns, table.data) == (["a", "b"], [[1, "x"], [2, "y"]])
except ImportError:
    result["pandas"] = "skipped"
import tempfile
from cairn.frames import FILE_HEADER, decode_frames
from cairn.records import decode_payload
with tempfile.TemporaryDirectory() as folder:
    run = cairn.init(project="libs", mode="offline", dir=folder,
                     settings=cairn.Settings(console="off", system_interval_s=0, silent=True))
    run.log({"t": torch.tensor(0.5), "h": torch.tensor(1.5, dtype=torch.float16), "b": torch.tensor(True),
             "i": torch.tensor(3), "n": np.float32(2), "nan": torch.tensor(float("nan"))})
    run.finish()
    with open(run._folder.records_path, "rb") as f:
        payloads = decode_frames(f.read(), len(FILE_HEADER)).payloads
binary = [decode_payload(p)["values"] for p in payloads if p[:1] == b"\x01"]
import math
is_nan = len(binary) == 1 and math.isnan(binary[0].pop("nan"))
result["tensor_scalars_binary"] = is_nan and binary == [{"t": 0.5, "h": 1.5, "b": 1.0, "i": 3.0, "n": 2.0}]
print(json.dumps(result))
'''


class MediaFromLibrariesTest(unittest.TestCase):
    def test_tensors_arrays_and_library_objects_encode_like_plain_lists(self) -> None:
        python = system_python_with_torch()
        env = dict(os.environ, PYTHONPATH=os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))
        done = subprocess.run([python, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, 0, done.stderr)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        checked = {name: ok for name, ok in result.items() if ok != "skipped"}
        self.assertEqual(checked, {name: True for name in checked})
        self.assertTrue({"gray_tensor", "chw_tensor", "numpy_hwc", "tensor_histogram", "np_histogram",
                         "tensor_scalars_binary"} <= set(checked))


if __name__ == "__main__":
    unittest.main()
