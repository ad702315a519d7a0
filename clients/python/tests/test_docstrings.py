"""Every example in the package's docstrings runs and gives what it shows."""
from __future__ import annotations

import doctest
import importlib
import pkgutil
import unittest

import cairn


def load_tests(loader: unittest.TestLoader, tests: unittest.TestSuite, pattern: str) -> unittest.TestSuite:
    tests.addTests(doctest.DocTestSuite(cairn))
    for module in pkgutil.iter_modules(cairn.__path__):
        tests.addTests(doctest.DocTestSuite(importlib.import_module(f"cairn.{module.name}")))
    return tests
