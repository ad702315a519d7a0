"""Run ids, memorable run names, and the rule every entity, project and run id follows.

>>> len(new_run_id())
8
>>> require_valid("project", "mnist")
'mnist'
"""
from __future__ import annotations

import re
import secrets

from .errors import UsageError

_VALID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,127}\Z")
_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

_ADJECTIVES = (
    "amber", "ancient", "autumn", "bold", "brave", "bright", "calm", "cheerful", "clever", "cosmic",
    "crimson", "curious", "dainty", "dark", "dashing", "eager", "electric", "fearless", "fiery", "fluent",
    "fragrant", "gentle", "glorious", "golden", "graceful", "happy", "hardy", "hidden", "icy", "jolly",
    "keen", "lively", "lucky", "lunar", "mellow", "misty", "noble", "polar", "proud", "quiet",
    "radiant", "rapid", "royal", "rustic", "serene", "silent", "silver", "smooth", "solar", "spring",
    "stellar", "sunny", "swift", "tender", "twilight", "vivid", "wandering", "warm", "wild", "winter")
_NOUNS = (
    "badger", "bird", "breeze", "brook", "butterfly", "canyon", "cedar", "cloud", "comet", "coyote",
    "dawn", "deer", "donkey", "dragon", "dream", "dune", "eagle", "field", "firefly", "flower",
    "forest", "fox", "galaxy", "glade", "haze", "heron", "hill", "lake", "leaf", "lion",
    "meadow", "moon", "morning", "mountain", "night", "oak", "ocean", "otter", "owl", "paper",
    "pine", "planet", "pond", "rain", "river", "sea", "shadow", "sky", "snow", "sound",
    "star", "sun", "thunder", "tree", "valley", "violet", "water", "wave", "wind", "wolf")


def new_run_id() -> str:
    """A fresh random run id: 8 characters of [a-z0-9], as the server and the Java SDK make them."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(8))


def memorable_name() -> str:
    """A name such as ``glorious-donkey-58``."""
    return f"{secrets.choice(_ADJECTIVES)}-{secrets.choice(_NOUNS)}-{1 + secrets.randbelow(99)}"


def is_valid(name: object) -> bool:
    """Whether ``name`` may be an entity, a project or a run id."""
    return isinstance(name, str) and _VALID.match(name) is not None


def require_valid(field: str, value: str) -> str:
    """Returns ``value`` or raises a :class:`UsageError` naming the field, the value and the rule."""
    if not is_valid(value):
        raise UsageError(f"{field} {value!r} is not valid: use 1-128 letters, digits, '_', '.' or '-', "
                         f"starting with a letter or digit")
    return value
