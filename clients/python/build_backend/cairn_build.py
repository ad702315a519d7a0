"""A PEP 517 build backend for the cairn package that needs nothing but the standard library.

``pip install --no-index --no-build-isolation ./clients/python`` then works on machines without
network access, setuptools or wheel. It builds a pure-Python wheel (and an editable one for
``pip install -e``) from the ``cairn`` folder and the metadata in ``pyproject.toml``.
"""
from __future__ import annotations

import base64
import hashlib
import os
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "cairn"
PACKAGE_DIR = os.path.join(ROOT, NAME)


def _version() -> str:
    with open(os.path.join(PACKAGE_DIR, "__init__.py"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("__version__"):
                return line.split("=", 1)[1].strip().strip("\"'")
    raise RuntimeError("cairn/__init__.py has no __version__")


def _metadata() -> str:
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {_version()}\n"
            "Summary: Python client of Cairn, the self-hosted experiment tracker (W&B-compatible API)\n"
            "Requires-Python: >=3.8\nProvides-Extra: yaml\nRequires-Dist: pyyaml; extra == \"yaml\"\n"
            f"Description-Content-Type: text/markdown\n\n{readme}")


def _dist_info() -> str:
    return f"{NAME}-{_version()}.dist-info"


def _write_wheel(wheel_directory: str, files: List[Tuple[str, bytes]]) -> str:
    wheel_name = f"{NAME}-{_version()}-py3-none-any.whl"
    dist_info = _dist_info()
    files = files + [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8")),
        (f"{dist_info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: cairn_build\nRoot-Is-Purelib: true\n"
                               b"Tag: py3-none-any\n"),
    ]
    record_lines = []
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files:
            wheel.writestr(path, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
            record_lines.append(f"{path},sha256={digest},{len(data)}")
        record_lines.append(f"{dist_info}/RECORD,,")
        wheel.writestr(f"{dist_info}/RECORD", "\n".join(record_lines) + "\n")
    return wheel_name


def _package_files() -> List[Tuple[str, bytes]]:
    files = []
    for name in sorted(os.listdir(PACKAGE_DIR)):
        if name.endswith(".py"):
            with open(os.path.join(PACKAGE_DIR, name), "rb") as f:
                files.append((f"{NAME}/{name}", f.read()))
    return files


def get_requires_for_build_wheel(config_settings: Optional[Dict] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict] = None) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[Dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, _package_files())


def build_editable(wheel_directory: str, config_settings: Optional[Dict] = None,
                   metadata_directory: Optional[str] = None) -> str:
    # A .pth file puts the source folder on sys.path: edits take effect without reinstalling.
    return _write_wheel(wheel_directory, [(f"__editable__.{NAME}.pth", (ROOT + "\n").encode("utf-8"))])
