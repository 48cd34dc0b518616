"""Blocks by their versioned names: ``@register`` adds one (dolma's ``TaggerRegistry.add``), ``get``
finds one and names the registered ones when the name is unknown."""

from __future__ import annotations

import importlib
from typing import Final, TypeVar

from filters.blocks.base import Block

#: Modules whose import registers the built-in blocks.
BUILTIN_MODULES: Final = ("filters.blocks.text", "filters.blocks.heuristics", "filters.blocks.datatrove",
                          "filters.blocks.models", "filters.blocks.pii", "filters.blocks.decontam")
_BLOCKS: dict[str, type[Block]] = {}
B = TypeVar("B", bound=type[Block])


def register(cls: B) -> B:
    name = cls.name
    if name in _BLOCKS and _BLOCKS[name] is not cls:
        raise ValueError(f"block name {name!r} is already registered by {_BLOCKS[name].__module__}")
    _BLOCKS[name] = cls
    return cls


def _load_builtins() -> None:
    for m in BUILTIN_MODULES:
        importlib.import_module(m)


def names() -> list[str]:
    _load_builtins()
    return sorted(_BLOCKS)


def get(name: str) -> type[Block]:
    _load_builtins()
    if name not in _BLOCKS:
        raise KeyError(f"unknown block {name!r}; registered: {', '.join(sorted(_BLOCKS))}")
    return _BLOCKS[name]
