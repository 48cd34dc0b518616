"""Blocks by name: ``@register`` adds one (dolma's ``TaggerRegistry.add``); ``resolve`` finds one by its
registered name, by an import path (``package.module:Class``, NeMo Curator's ``_target_``) or through a
Python entry point in the ``kocurate.blocks`` group, and names what is registered when it finds none.

Built-in blocks register when their module under ``filters/blocks/`` is imported: every module there
is imported on first lookup, so adding a block is adding its module.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
from importlib import metadata
from typing import Final, TypeVar

from filters.blocks.base import Block

#: Modules of the package that hold no blocks.
_INFRASTRUCTURE: Final = frozenset({"base", "params", "registry", "chain", "catalog", "datatrove_adapter"})
ENTRY_POINT_GROUP: Final = "kocurate.blocks"
_BLOCKS: dict[str, type[Block]] = {}
_loaded = False
B = TypeVar("B", bound=type[Block])


def register(cls: B) -> B:
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise ValueError(f"{cls.__module__}.{cls.__qualname__} has no block name (set the class attribute name)")
    if name in _BLOCKS and _BLOCKS[name] is not cls and _key(_BLOCKS[name]) != _key(cls):
        raise ValueError(f"block name {name!r} is already registered by {_BLOCKS[name].__module__}")
    _BLOCKS[name] = cls
    return cls


def _key(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    import filters.blocks as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name not in _INFRASTRUCTURE:
            importlib.import_module(f"filters.blocks.{info.name}")
    _loaded = True


def _entry_points() -> dict[str, metadata.EntryPoint]:
    return {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def names() -> list[str]:
    _load_builtins()
    return sorted(set(_BLOCKS) | set(_entry_points()))


def is_import_path(ref: str) -> bool:
    return ":" in ref


def resolve(ref: str) -> type[Block]:
    """The block class a manifest names: a registered name, an entry point's name, or an import path."""
    _load_builtins()
    if is_import_path(ref):
        module, _, qualname = ref.partition(":")
        try:
            obj: object = importlib.import_module(module)
            for part in qualname.split("."):
                obj = getattr(obj, part)
        except (ImportError, AttributeError) as exc:
            raise KeyError(f"cannot import block {ref!r}: {exc}") from None
        from filters.blocks.datatrove_adapter import adapter, is_datatrove_step

        if is_datatrove_step(obj):
            return register(adapter(obj))  # type: ignore[arg-type]
        if not (inspect.isclass(obj) and issubclass(obj, Block)):
            raise KeyError(f"{ref!r} is not a block class (a subclass of filters.blocks.base.Block)")
        return register(obj)
    if ref not in _BLOCKS and ref in _entry_points():
        return register(_entry_points()[ref].load())
    if ref not in _BLOCKS:
        raise KeyError(f"unknown block {ref!r}; registered: {', '.join(names())}; or name a block by its import "
                       "path, 'package.module:Class'")
    return _BLOCKS[ref]


get = resolve


def is_builtin(cls: type[Block]) -> bool:
    """Shipped with kocurate (its code is kocurate's version); datatrove adapters declare datatrove's."""
    return cls.__module__.startswith("filters.blocks.") and not cls.version


def code_identity(cls: type[Block]) -> str:
    """What identifies a plugin block's code in the run fingerprint: its declared ``version``, else the
    SHA-256 of its module's source (an edited block then reruns its stage on ``--resume``)."""
    if cls.version:
        return f"version:{cls.version}"
    module = inspect.getmodule(cls)
    try:
        source = inspect.getsource(module) if module is not None else inspect.getsource(cls)
    except (OSError, TypeError):
        source = repr(cls.__dict__)
    return "sha256:" + hashlib.sha256(source.encode("utf-8")).hexdigest()
