"""Typed block parameters: one frozen dataclass per block is the only place a parameter is declared.

``param(default, help, ...)`` declares a field with its help text, allowed values and bounds;
``build(cls, values)`` turns manifest values into an instance (type checks, bounds, lists to tuples,
unknown keys named with the allowed ones); ``table(cls)`` gives the rows of the parameter table in
the docs. The manifest loader, the defaults, the error messages and ``kocurate blocks`` all read the
dataclass, so a threshold's default lives in exactly one place.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import MISSING, dataclass
from functools import cache
from typing import Any, Union, get_args, get_origin


class ParamError(ValueError):
    """A parameter value is invalid; ``key`` names the parameter (the manifest adds the file)."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(f"{key}: {problem}")
        self.key, self.problem = key, problem


def param(default: Any = MISSING, help: str = "", *, choices: tuple[Any, ...] | None = None,
          minimum: float | None = None, maximum: float | None = None) -> Any:
    """A dataclass field with the metadata validation and the docs use; no default: required."""
    meta = {"help": help, "choices": choices, "minimum": minimum, "maximum": maximum}
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class NoParams:
    """For a block without parameters."""


@dataclass(frozen=True)
class Spec:
    name: str
    type: Any
    default: Any  # MISSING: required
    help: str
    choices: tuple[Any, ...] | None
    minimum: float | None
    maximum: float | None

    @property
    def required(self) -> bool:
        return self.default is MISSING

    def type_name(self) -> str:
        return _type_name(self.type)


@cache
def specs(cls: type) -> tuple[Spec, ...]:
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        m = f.metadata
        out.append(Spec(f.name, hints[f.name], f.default, m.get("help", ""), m.get("choices"), m.get("minimum"),
                        m.get("maximum")))
    return tuple(out)


def names(cls: type) -> tuple[str, ...]:
    return tuple(s.name for s in specs(cls))


def _type_name(t: Any) -> str:
    origin, args = get_origin(t), get_args(t)
    if origin in (Union, types.UnionType):
        return " or ".join("none" if a is type(None) else _type_name(a) for a in args)
    if origin is tuple:
        return f"list of {_type_name(args[0])}" if len(args) == 2 and args[1] is Ellipsis else \
            "[" + ", ".join(_type_name(a) for a in args) + "]"
    if origin in (dict, Mapping) or t in (dict, Mapping):
        return f"table of {_type_name(args[1])}" if args else "table"
    return {str: "string", int: "integer", float: "number", bool: "boolean"}.get(t, getattr(t, "__name__", str(t)))


def coerce(t: Any, value: Any, key: str) -> Any:
    """``value`` (as TOML gives it) as type ``t``: lists become tuples, integers become floats where a
    float is wanted, tables become sorted tuples of pairs for a Mapping (hashable, order-independent)."""
    origin, args = get_origin(t), get_args(t)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return coerce(inner[0], value, key)  # its error names the nested key
        for a in inner:
            try:
                return coerce(a, value, key)
            except ParamError:
                continue
        raise ParamError(key, f"expected {_type_name(t)}, got {value!r}")
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise ParamError(key, f"expected {_type_name(t)}, got {type(value).__name__} {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(coerce(args[0], v, f"{key}[{i}]") for i, v in enumerate(value))
        if len(value) != len(args):
            raise ParamError(key, f"expected {_type_name(t)} ({len(args)} values), got {value!r}")
        return tuple(coerce(a, v, f"{key}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True)))
    if origin in (dict, Mapping) or t in (dict, Mapping):
        if isinstance(value, tuple):  # already coerced
            value = dict(value)
        if not isinstance(value, dict):
            raise ParamError(key, f"expected {_type_name(t)}, got {type(value).__name__} {value!r}")
        vt = args[1] if args else Any
        return tuple(sorted((str(k), v if vt is Any else coerce(vt, v, f"{key}.{k}")) for k, v in value.items()))
    if t is Any:
        return value
    if t is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, t) or (t in (int, float) and isinstance(value, bool)):
        raise ParamError(key, f"expected {_type_name(t)}, got {type(value).__name__} {value!r}")
    return value


def build(cls: type, values: Mapping[str, Any], prefix: str = "") -> Any:
    """An instance of the params dataclass ``cls`` from manifest values; every problem is a ``ParamError``
    naming the key (under ``prefix``) and what is allowed."""
    known = {s.name: s for s in specs(cls)}
    for k in values:
        if k not in known:
            allowed = ", ".join(known) or "(this block takes no parameters)"
            raise ParamError(prefix + k, f"unknown parameter; allowed: {allowed}")
    kwargs: dict[str, Any] = {}
    for s in known.values():
        key = prefix + s.name
        if s.name not in values:
            if s.required:
                raise ParamError(key, f"is required ({s.help})" if s.help else "is required")
            continue
        value = coerce(s.type, values[s.name], key)
        check(s, value, key)
        kwargs[s.name] = value
    return cls(**kwargs)


def check(s: Spec, value: Any, key: str) -> None:
    if s.choices is not None and value not in s.choices:
        raise ParamError(key, f"invalid value {value!r}; allowed: {', '.join(map(str, s.choices))}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if s.minimum is not None and value < s.minimum:
            raise ParamError(key, f"{value!r} is below the minimum {s.minimum}")
        if s.maximum is not None and value > s.maximum:
            raise ParamError(key, f"{value!r} is above the maximum {s.maximum}")


def as_values(obj: Any) -> dict[str, Any]:
    """A params instance as JSON-able manifest values (tuples to lists, pair tuples of a Mapping to a
    table): what ``build`` accepts, and what the fingerprint and run.json record."""
    hints = typing.get_type_hints(type(obj))

    def plain(t: Any, v: Any) -> Any:
        origin = get_origin(t)
        if v is None:
            return None
        if origin in (Union, types.UnionType):
            inner = [a for a in get_args(t) if a is not type(None)]
            return plain(inner[0], v) if len(inner) == 1 else v
        if origin in (dict, Mapping) or t in (dict, Mapping):
            return {k: x for k, x in v}
        if isinstance(v, tuple):
            return [list(x) if isinstance(x, tuple) else x for x in v]
        return v

    return {f.name: plain(hints[f.name], getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def _toml(v: Any) -> str:
    """A default as a manifest writes it."""
    if v is None:
        return "(unset)"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f'"{v}"'
    if isinstance(v, tuple):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    return repr(v)


def table(cls: type) -> list[tuple[str, str, str, str]]:
    """Rows (name, type, default, help with bounds and choices) for the docs' parameter tables."""
    rows = []
    for s in specs(cls):
        default = "required" if s.required else _toml(s.default)
        notes = [s.help] if s.help else []
        if s.choices:
            notes.append("one of " + ", ".join(map(str, s.choices)))
        if s.minimum is not None or s.maximum is not None:
            notes.append(f"range [{'' if s.minimum is None else s.minimum}, "
                         f"{'' if s.maximum is None else s.maximum}]")
        rows.append((s.name, s.type_name(), default, "; ".join(notes)))
    return rows
