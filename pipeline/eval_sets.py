"""Evaluation sets named by a run manifest (``[stages.decontam] eval_sets``), read on the driver.

Benchmarks ship as JSON arrays (KLUE), JSONL, TSV (KorNLI, KorSTS) or CSV; each item is the manifest's
``text_fields`` joined with newlines (question, passage, choices, answer), normalized exactly as the
pipeline normalizes documents, with its id from ``id_field`` (else its position). Evaluation sets are
small (thousands of items), so they are read here rather than with Spark.
"""

from __future__ import annotations

import csv
import json
from typing import Any

from filters.decontam import EvalItem
from filters.normalize import normalize_text
from pipeline.errors import InputError

FORMATS = ("json", "jsonl", "tsv", "csv")


def _records(path: str, fmt: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8-sig") as fh:
        if fmt == "json":
            data = json.load(fh)
            return data if isinstance(data, list) else data.get("data", [])
        if fmt == "jsonl":
            return [json.loads(line) for line in fh if line.strip()]
        return list(csv.DictReader(fh, delimiter="\t" if fmt == "tsv" else ",",
                                   quoting=csv.QUOTE_NONE if fmt == "tsv" else csv.QUOTE_MINIMAL))


def load_items(spec: dict[str, Any]) -> list[EvalItem]:
    """The items of one evaluation set (``spec``: name, path, format, text_fields, id_field)."""
    try:
        records = _records(spec["path"], spec["format"])
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"evaluation set {spec['name']}: cannot read {spec['path']}: {exc}") from exc
    items = []
    for i, rec in enumerate(records):
        parts = [str(rec.get(f) or "") for f in spec["text_fields"]]
        if not any(p.strip() for p in parts):
            continue
        item_id = str(rec.get(spec["id_field"], i)) if spec.get("id_field") else str(i)
        items.append(EvalItem(spec["name"], item_id, normalize_text("\n".join(p for p in parts if p))[0]))
    if not items:
        raise InputError(f"evaluation set {spec['name']}: no items with text in fields {spec['text_fields']} "
                         f"of {spec['path']}")
    return items
