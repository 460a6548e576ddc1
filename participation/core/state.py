"""Everything this process keeps from one request to the next, in one place.

Two lifetimes:

- **Copies of what the database holds**, each a `Kept` made here by `kept(name, size)`: read-only copies
  of surveys and their translations for young people's pages, the intro page every QR code opens, the
  taggers trained for a council's themes, and the built upsert statements. Each is keyed so that a change
  gives a new key (a survey's revision, a hash of the themes and the newest model's id), so no process
  serves a stale copy; the intro page alone is kept by time (INTRO_CACHE_SECONDS). Each forgets all it
  holds when it reaches its size, so none grows without end. `clear()` empties them all: the test suite
  calls it before every test, so no test sees another's survey.
- **What is read from the files shipped in the package**, read once and kept until the process ends:
  the theme model and the default tagger, the safeguarding model, the sentiment lexicon and the counts
  of built-in theme words. They never change while the process runs, so `clear()` keeps them (reading
  them again is slow); `clear(shipped=True)` forgets them too. The pure `analysis` modules cannot import
  this one, so their loaders are named in `SHIPPED`.

Nothing here is shared between processes: each worker keeps its own copies.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")


class Kept(Generic[K, V]):
    """One named cache of copies: at most `size` entries, all forgotten together when it is full."""

    def __init__(self, name: str, size: int) -> None:
        self.name, self.size = name, size
        self._entries: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        return self._entries.get(key)

    def put(self, key: K, value: V) -> V:
        if len(self._entries) >= self.size:
            self._entries.clear()
        self._entries[key] = value
        return value

    def replace_all(self, key: K, value: V) -> V:
        """Keep only this one entry (a cache of the newest of something)."""
        self._entries.clear()
        self._entries[key] = value
        return value

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


#: Every cache of copies, by name.
_KEPT: dict[str, Kept] = {}
#: Loaders of shipped files outside `analysis`, made with `shipped_once`.
_SHIPPED_HERE: list = []

#: The loaders of shipped files in the pure `analysis` modules, as module:function.
SHIPPED = ("participation.analysis.tagger:shipped_model", "participation.analysis.tagger:default_tagger",
           "participation.analysis.safeguarding_model:shipped", "participation.analysis.sentiment:lexicon")


def kept(name: str, size: int) -> Kept:
    """The cache of copies called `name`, made on first use."""
    found = _KEPT.get(name)
    if found is None:
        found = _KEPT[name] = Kept(name, size)
    return found


def shipped_once(load: Callable[[], R]) -> Callable[[], R]:
    """A loader of shipped files, run once per process (see the module's notes)."""
    cached = lru_cache(maxsize=1)(load)
    _SHIPPED_HERE.append(cached)
    return cached


def clear(shipped: bool = False) -> None:
    """Forget every copy of the database's data this process keeps; with `shipped`, the shipped files too."""
    for cache in _KEPT.values():
        cache.clear()
    if shipped:
        for loader in _SHIPPED_HERE:
            loader.cache_clear()
        for name in SHIPPED:
            module, _, function = name.partition(":")
            getattr(importlib.import_module(module), function).cache_clear()


def sizes() -> dict[str, int]:
    """How many entries each cache of copies holds now, by name."""
    return {name: len(cache) for name, cache in _KEPT.items()}
