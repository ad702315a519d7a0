"""``run.config``: the run's hyper-parameters, readable as attributes or items.

>>> changes = []
>>> config = Config({"lr": 0.1}, on_change=changes.append)
>>> config.batch_size = 32
>>> config.lr, config["batch_size"], changes
(0.1, 32, [{'batch_size': 32}])
"""
from __future__ import annotations

import argparse
import json
import os
from collections.abc import Mapping as MappingABC
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Union

from .errors import UsageError

ConfigSource = Union[None, Mapping[str, Any], argparse.Namespace, str, "os.PathLike[str]"]


def load_config(source: ConfigSource) -> Dict[str, Any]:
    """The key-values ``source`` holds: a dict, an ``argparse.Namespace``, or a JSON / YAML file path.

    >>> load_config(argparse.Namespace(lr=0.1, epochs=3))
    {'lr': 0.1, 'epochs': 3}
    """
    if source is None:
        return {}
    if isinstance(source, Config):
        return source.as_dict()
    if isinstance(source, MappingABC):
        return {str(k): v for k, v in source.items()}
    if isinstance(source, argparse.Namespace):
        return dict(vars(source))
    if isinstance(source, (str, os.PathLike)):
        return _load_file(os.fspath(source))
    if hasattr(source, "__dict__"):  # absl flags, simple namespaces
        return {k: v for k, v in vars(source).items() if not k.startswith("_")}
    raise UsageError(f"config must be a dict, an argparse.Namespace or a path to a JSON or YAML file, "
                     f"not {type(source).__name__}")


def _load_file(path: str) -> Dict[str, Any]:
    try:
        with open(path, "r", encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise UsageError(f"cannot read the config file {path}: {e.strerror}") from None
    if path.endswith((".yaml", ".yml")):
        try:
            import yaml  # optional: PyYAML
        except ImportError:
            raise UsageError(f"{path} is YAML, and reading YAML needs PyYAML (`pip install pyyaml`); "
                             f"or give the config as JSON") from None
        values = yaml.safe_load(text)
        values = _unwrap_wandb_yaml(values)
    else:
        try:
            values = json.loads(text)
        except ValueError as e:
            raise UsageError(f"the config file {path} is not valid JSON: {e}") from None
    if not isinstance(values, dict):
        raise UsageError(f"the config file {path} must hold an object of key-values at the top")
    return values


def _unwrap_wandb_yaml(values: Any) -> Any:
    """W&B's config-defaults.yaml writes ``key: {value: x, desc: ...}``; take the values."""
    if isinstance(values, dict) and values and all(isinstance(v, dict) and "value" in v for v in values.values()):
        return {k: v["value"] for k, v in values.items()}
    return values


class Config(MappingABC):
    """The run's config: a dict with attribute access whose changes are sent to the server.

    ``update()`` takes what :func:`load_config` takes. ``allow_val_change`` is accepted for W&B
    compatibility; changing a value is always allowed.
    """

    def __init__(self, values: Optional[Mapping[str, Any]] = None,
                 on_change: Optional[Callable[[Dict[str, Any]], None]] = None) -> None:
        object.__setattr__(self, "_items", dict(values or {}))
        object.__setattr__(self, "_on_change", on_change)

    def update(self, values: ConfigSource = None, allow_val_change: Optional[bool] = None, **kwargs: Any) -> None:
        changes = load_config(values)
        changes.update(kwargs)
        if changes:
            self._items.update(changes)
            self._changed(changes)

    def setdefaults(self, values: ConfigSource) -> None:
        """Sets the keys of ``values`` that are not set yet (W&B's sweep-friendly defaults)."""
        missing = {k: v for k, v in load_config(values).items() if k not in self._items}
        if missing:
            self.update(missing)

    def as_dict(self) -> Dict[str, Any]:
        return dict(self._items)

    def get(self, key: str, default: Any = None) -> Any:
        return self._items.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.update({key: value})

    def __delitem__(self, key: str) -> None:
        del self._items[key]
        self._changed({key: None})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._items[name]
        except KeyError:
            raise AttributeError(f"config has no key {name!r}; keys: {sorted(self._items)}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self.update({name: value})

    def __delattr__(self, name: str) -> None:
        del self[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Config({self._items!r})"

    def _changed(self, changes: Dict[str, Any]) -> None:
        if self._on_change is not None:
            self._on_change(changes)
