"""The catalogue of registered blocks with their parameters, rendered from the parameter dataclasses:
``kocurate blocks`` prints it, and docs/blocks.md holds it (a test keeps the two equal)."""

from __future__ import annotations

import inspect

from filters.blocks import registry
from filters.blocks.params import table


def markdown(names: list[str] | None = None) -> str:
    out: list[str] = []
    for name in names or registry.names():
        cls = registry.get(name)
        doc = inspect.getdoc(cls) or ""
        summary = " ".join(doc.split("\n\n")[0].split()) if cls.__doc__ else ""
        out += [f"### `{name}`", "", summary or f"({cls.__module__}.{cls.__qualname__})", ""]
        rows = table(cls.Params)
        if not rows:
            out += ["No parameters.", ""]
            continue
        out += ["| parameter | type | default | meaning |", "|---|---|---|---|"]
        out += [f"| `{n}` | {t} | `{d}` | {h.replace('|', '/')} |" for n, t, d, h in rows]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
