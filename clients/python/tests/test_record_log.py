"""The record log: byte-exact vectors shared with the Java side, and torn tails cut on reopen."""
from __future__ import annotations

import os
import shutil
import tempfile
import unittest

from cairn.frames import FILE_HEADER, decode_frames, encode_frame
from cairn.record_log import RecordLog
from cairn.records import encode_payload, json_safe, payload_seq
from record_vectors import RECORDS, VECTORS_DIR, read_vector


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


if __name__ == "__main__":
    unittest.main()
