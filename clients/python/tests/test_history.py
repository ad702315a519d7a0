"""How log() calls become history rows: flattening, steps and commit, as W&B users expect."""
from __future__ import annotations

import unittest
from typing import Any, Dict, List, Optional, Tuple

from cairn.history import HistoryBuilder, flatten


class FlattenTest(unittest.TestCase):
    def test_nested_dicts_are_joined_with_slashes(self) -> None:
        self.assertEqual(flatten({"train": {"loss": 1, "opt": {"lr": 0.1}}, "epoch": 2}),
                         {"train/loss": 1, "train/opt/lr": 0.1, "epoch": 2})

    def test_flat_input_is_copied_not_shared(self) -> None:
        values = {"loss": 1.0}
        flat = flatten(values)
        values["loss"] = 2.0
        self.assertEqual(flat, {"loss": 1.0})

    def test_empty_nested_dicts_stay_values_and_keys_become_text(self) -> None:
        self.assertEqual(flatten({"a": {}, 3: {"b": 1}}), {"a": {}, "3/b": 1})


class StepAndCommitTest(unittest.TestCase):
    def setUp(self) -> None:
        self.rows: List[Tuple[Optional[int], Dict[str, Any]]] = []
        self.builder = HistoryBuilder(lambda step, values: self.rows.append((step, dict(values))))

    def test_each_plain_log_is_one_row_at_the_next_step(self) -> None:
        for i in range(3):
            self.builder.add({"loss": i}, step=None, commit=None)
        self.assertEqual(self.rows, [(0, {"loss": 0}), (1, {"loss": 1}), (2, {"loss": 2})])

    def test_commit_false_accumulates_into_the_next_committed_row(self) -> None:
        self.builder.add({"a": 1}, step=None, commit=False)
        self.builder.add({"b": 2}, step=None, commit=False)
        self.assertEqual(self.rows, [])
        self.builder.add({"c": 3}, step=None, commit=None)
        self.assertEqual(self.rows, [(0, {"a": 1, "b": 2, "c": 3})])

    def test_a_later_explicit_step_commits_the_pending_row(self) -> None:
        self.builder.add({"a": 1}, step=5, commit=None)
        self.builder.add({"b": 2}, step=5, commit=None)
        self.assertEqual(self.rows, [])
        self.builder.add({"a": 3}, step=6, commit=None)
        self.assertEqual(self.rows, [(5, {"a": 1, "b": 2})])
        self.builder.flush()
        self.assertEqual(self.rows[-1], (6, {"a": 3}))

    def test_a_step_below_the_current_one_is_dropped(self) -> None:
        self.builder.add({"a": 1}, step=10, commit=True)
        self.builder.add({"a": 2}, step=3, commit=True)
        self.assertEqual(self.rows, [(10, {"a": 1})])
        self.assertEqual(self.builder.step, 11)

    def test_an_unknown_starting_step_leaves_numbering_to_the_server(self) -> None:
        builder = HistoryBuilder(lambda step, values: self.rows.append((step, values)), is_step_known=False)
        builder.add({"a": 1}, step=None, commit=None)
        builder.add({"a": 2}, step=20, commit=True)
        self.assertEqual(self.rows, [(None, {"a": 1}), (20, {"a": 2})])


if __name__ == "__main__":
    unittest.main()
