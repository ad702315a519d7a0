"""The record log: byte-exact vectors shared with the Java side, and torn tails cut on reopen."""
from __future__ import annotations

import math
import os
import shutil
import struct
import tempfile
import unittest

from cairn.frames import FILE_HEADER, decode_frames, encode_frame
from cairn.record_log import RecordLog
from cairn.records import (decode_payload, encode_metrics, encode_payload, encode_record, json_safe,
                           metric_safe_values, payload_seq)
from record_vectors import METRIC_RECORDS, RECORDS, VECTORS_DIR, read_vector


class RecordLogVectorsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)

    def test_python_values_encode_to_the_vector_payloads(self) -> None:
        expected_lines = read_vector("payloads.jsonl").split(b"\n")[:-1]
        encoded = [encode_payload(json_safe(record)) for record, _ in RECORDS]
        self.assertEqual(encoded, expected_lines)

    def test_written_log_equals_the_vector_file_byte_for_byte(self) -> None:
        path = os.path.join(self.folder, "records.log")
        log = RecordLog.open(path)
        payloads = read_vector("payloads.jsonl").split(b"\n")[:-1]
        log.append(payloads[:3])
        log.append(payloads[3:])
        log.close()
        with open(path, "rb") as f:
            self.assertEqual(f.read(), read_vector("records.log"))

    def test_vector_log_decodes_to_the_vector_payloads(self) -> None:
        decoded = decode_frames(read_vector("records.log"), len(FILE_HEADER))
        self.assertTrue(decoded.is_clean)
        self.assertEqual(decoded.payloads, read_vector("payloads.jsonl").split(b"\n")[:-1])

    def test_torn_vector_stops_after_the_last_whole_frame(self) -> None:
        decoded = decode_frames(read_vector("torn.log"), len(FILE_HEADER))
        self.assertFalse(decoded.is_clean)
        self.assertEqual(len(decoded.payloads), 8)
        self.assertEqual(decoded.end_offset, len(read_vector("records.log")))

    def test_reopening_a_torn_log_truncates_it_and_appends_after_the_last_record(self) -> None:
        path = os.path.join(self.folder, "records.log")
        shutil.copyfile(os.path.join(VECTORS_DIR, "torn.log"), path)
        log = RecordLog.open(path)
        self.assertEqual(log.last_seq, 8)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), read_vector("records.log"))
        log.append([b'{"seq":9,"type":"exit","time":2.0,"state":"finished","exit_code":0}'])
        log.close()
        with open(path, "rb") as f:
            decoded = decode_frames(f.read(), len(FILE_HEADER))
        self.assertTrue(decoded.is_clean)
        self.assertEqual([payload_seq(p) for p in decoded.payloads], list(range(1, 10)))

    def test_a_frame_with_a_wrong_checksum_ends_the_log(self) -> None:
        good = encode_frame(b'{"seq":1}')
        bad = bytearray(encode_frame(b'{"seq":2}'))
        bad[-1] ^= 0xFF
        decoded = decode_frames(FILE_HEADER + good + bytes(bad), len(FILE_HEADER))
        self.assertEqual(decoded.payloads, [b'{"seq":1}'])
        self.assertEqual(decoded.end_offset, len(FILE_HEADER) + len(good))

    def test_a_file_that_is_not_a_record_log_is_refused_with_advice(self) -> None:
        path = os.path.join(self.folder, "records.log")
        with open(path, "wb") as f:
            f.write(b"something else entirely")
        with self.assertRaisesRegex(Exception, "not a Cairn record log"):
            RecordLog.open(path)


class BinaryMetricVectorsTest(unittest.TestCase):
    def setUp(self) -> None:
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)

    def test_metric_records_are_written_as_the_vector_log_byte_for_byte(self) -> None:
        path = os.path.join(self.folder, "records.log")
        log = RecordLog.open(path)
        log.append([encode_record(record) for record in METRIC_RECORDS])
        log.close()
        with open(path, "rb") as f:
            self.assertEqual(f.read(), read_vector("metric_records.log"))

    def test_vector_log_decodes_to_the_records_with_bools_as_numbers(self) -> None:
        decoded = decode_frames(read_vector("metric_records.log"), len(FILE_HEADER))
        self.assertTrue(decoded.is_clean)
        records = [decode_payload(p) for p in decoded.payloads]
        self.assertEqual([payload_seq(p) for p in decoded.payloads], [2, 3, 4])
        self.assertEqual(records[0], METRIC_RECORDS[0])
        self.assertNotIn("step", records[1])
        values = records[1]["values"]
        self.assertEqual(list(values), ["loss", "grad", "neg", "ok", "n", "é/日本"])
        self.assertTrue(math.isnan(values["loss"]))
        self.assertEqual([values[k] for k in list(values)[1:]], [math.inf, -math.inf, 1.0, -3.0, 0.5])
        self.assertEqual(type(values["ok"]), float)
        self.assertEqual(records[2], METRIC_RECORDS[2])

    def test_reopening_a_log_of_binary_records_continues_after_the_last_seq(self) -> None:
        path = os.path.join(self.folder, "records.log")
        shutil.copyfile(os.path.join(VECTORS_DIR, "metric_records.log"), path)
        log = RecordLog.open(path)
        log.close()
        self.assertEqual(log.last_seq, 4)


class BinaryMetricEncodingTest(unittest.TestCase):
    def record(self, values: dict, **fields: object) -> dict:
        return {"seq": 5, "type": "history", "time": 1764072000.25, **fields, "values": values}

    def test_records_holding_anything_but_numbers_stay_json(self) -> None:
        for values in ({"loss": 0.5, "note": "text"}, {"img": {"_type": "image-file"}}, {"v": [1.0, 2.0]},
                       {"": 1.0}, {"k" * 2049: 1.0}, {"big": 10 ** 400}):
            with self.subTest(values=str(values)[:40]):
                self.assertIsNone(encode_metrics(self.record(values)))
                self.assertTrue(encode_record(self.record(values)).startswith(b'{"seq":5,'))
        for kind in ("config", "summary", "metadata"):
            self.assertIsNone(encode_metrics({"seq": 1, "type": kind, "time": 1.0, "values": {"x": 1.0}}))

    def test_a_json_fallback_still_writes_non_finite_values_as_strings(self) -> None:
        payload = encode_record(self.record({"loss": float("nan"), "best": float("-inf"), "note": "x"}, step=3))
        self.assertEqual(payload, b'{"seq":5,"type":"history","time":1764072000.25,"step":3,'
                                  b'"values":{"loss":"NaN","best":"-Infinity","note":"x"}}')

    def test_none_values_are_left_out_and_keys_may_be_2048_bytes(self) -> None:
        key = "é" * 1024
        record = decode_payload(encode_metrics(self.record({"a": None, key: 2, "b": False}, step=9)))
        self.assertEqual(record, self.record({key: 2.0, "b": 0.0}, step=9))

    def test_nan_payload_bits_survive(self) -> None:
        odd_nan = struct.unpack("<d", struct.pack("<Q", 0xFFF8_0000_0000_0001))[0]
        payload = encode_metrics(self.record({"x": odd_nan}))
        self.assertEqual(payload[-8:], struct.pack("<Q", 0xFFF8_0000_0000_0001))

    def test_numpy_scalars_are_numbers_and_go_binary(self) -> None:
        try:
            import numpy
        except ImportError:
            self.skipTest("numpy is not installed for this interpreter")
        values = metric_safe_values({"f32": numpy.float32(0.5), "f64": numpy.float64(1.5), "i": numpy.int64(-2),
                                     "b": numpy.bool_(True), "nan": numpy.float32("nan"), "plain": 3})
        payload = encode_record(self.record(values))
        self.assertEqual(payload[:1], b"\x01")
        decoded = decode_payload(payload)["values"]
        self.assertTrue(math.isnan(decoded.pop("nan")))
        self.assertEqual(decoded, {"f32": 0.5, "f64": 1.5, "i": -2.0, "b": 1.0, "plain": 3.0})

    def test_a_truncated_binary_payload_is_refused(self) -> None:
        payload = encode_metrics(self.record({"x": 1.0}))
        with self.assertRaises(ValueError):
            decode_payload(payload[:-1])
        with self.assertRaises(ValueError):
            decode_payload(payload + b"\0")


class PayloadEncodingTest(unittest.TestCase):
    def test_non_finite_floats_become_strings_everywhere(self) -> None:
        value = json_safe({"a": [float("nan"), {"b": float("-inf")}], "c": (1.5, float("inf"))})
        self.assertEqual(value, {"a": ["NaN", {"b": "-Infinity"}], "c": [1.5, "Infinity"]})

    def test_lone_surrogates_are_escaped_instead_of_breaking_the_log(self) -> None:
        payload = encode_payload({"seq": 1, "text": "bad \ud800 char"})
        self.assertEqual(payload, b'{"seq":1,"text":"bad \\ud800 char"}')

    def test_unknown_objects_are_written_as_text(self) -> None:
        class Thing:
            def __str__(self) -> str:
                return "a thing"

        self.assertEqual(encode_payload({"seq": 1, "v": Thing()}), b'{"seq":1,"v":"a thing"}')

    def test_seq_is_read_from_the_payload_prefix(self) -> None:
        self.assertEqual(payload_seq(b'{"seq":123,"type":"x"}'), 123)
        self.assertEqual(payload_seq(b'{"type":"x","seq":7}'), 7)
        self.assertEqual(payload_seq(encode_metrics({"seq": 2 ** 40, "type": "system", "time": 1.0, "values": {}})),
                         2 ** 40)


if __name__ == "__main__":
    unittest.main()
