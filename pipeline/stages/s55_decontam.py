"""Decontamination: documents that contain items of the manifest's evaluation sets are dropped, or
have the overlapping spans cut out.

The evaluation sets are read on the driver (``pipeline.eval_sets``) and indexed as character n-grams
(``filters.decontam``); the index (a few tens of megabytes for tens of thousands of items) is
broadcast, and the documents are scanned over Arrow batches with ``mapInArrow``. Every decision names
the evaluation sets and item ids it hit, with the coverage (never the item text), so an auditor can
list contamination per benchmark.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from functools import partial
from typing import Any

import pyarrow as pa

from filters.decontam import STEP, NgramIndex, cut
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.eval_sets import load_items
from pipeline.stage import StageContext, StageResult, output_uri

NAME = "decontam"
VERSION = 1
SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS)
log = logging.getLogger(__name__)


def decontam_batch(batch: pa.RecordBatch, index: NgramIndex | None, p: dict[str, Any]) -> pa.RecordBatch:
    texts = batch.column("text").to_pylist()
    hashes = batch.column("text_sha256").to_pylist()
    out_texts, out_hashes, decisions, reasons, scores, details = [], [], [], [], [], []
    for text, sha in zip(texts, hashes, strict=True):
        hits, spans = index.scan(text or "", p["min_coverage"], p["min_hits"]) if index else ([], [])
        new, decision, reason, d = text, "keep", None, {}
        if hits:
            d["decontam.hits"] = json.dumps([{"set": h.eval_set, "item": h.item_id, "coverage": h.coverage}
                                             for h in hits], separators=(",", ":"), ensure_ascii=False)
            d["decontam.sets"] = ",".join(sorted({h.eval_set for h in hits}))
            if p["action"] == "cut":
                new = cut(text, spans)
                d["decontam.cut_chars"] = len(text) - len(new)
                if len(new) >= p["min_chars_after_cut"]:
                    decision, reason = "modify", f"{STEP}.cut"
                else:
                    decision, reason, new = "drop", f"{STEP}.contaminated", text
            else:
                decision, reason = "drop", f"{STEP}.contaminated"
        out_texts.append(new)
        out_hashes.append(sha if new == text else hashlib.sha256(new.encode("utf-8")).hexdigest())
        decisions.append(decision)
        reasons.append(reason)
        scores.append(max((h.coverage for h in hits), default=0.0))
        details.append(P.details_entries(d))
    n = batch.num_rows
    replaced = {"text": pa.array(out_texts, pa.string()), "text_sha256": pa.array(out_hashes, pa.string())}
    arrays = [replaced.get(f.name, batch.column(f.name)) for f in P.DOC_FIELDS] + [
        pa.array(decisions, pa.string()), pa.array([STEP] * n, pa.string()), pa.array(reasons, pa.string()),
        pa.array(scores, pa.float64()), pa.nulls(n, pa.string()),
        pa.array(details, pa.map_(pa.string(), pa.string())),
        pa.array([len(t.encode("utf-8")) if t else 0 for t in texts], pa.int64()),
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _batches(batches: Iterator[pa.RecordBatch], broadcast: Any, p: dict[str, Any]) -> Iterator[pa.RecordBatch]:
    index = broadcast.value if broadcast is not None else None
    for batch in batches:
        yield decontam_batch(batch.select(P.DOC_COLUMNS), index, p)


def run(ctx: StageContext) -> StageResult:
    p = ctx.params
    docs = ctx.read_input().select(*P.DOC_COLUMNS)
    items = [it for spec in p["eval_sets"] for it in load_items(spec)]
    summary: dict[str, Any] = {}
    broadcast = None
    if items:
        index = NgramIndex(items, n=p["ngram"], max_items_per_gram=p["max_items_per_gram"])
        summary["eval_sets"] = {name: {"items": n} for name, n in index.per_set().items()}
        summary["indexed_ngrams"] = len(index.grams)
        log.info("decontam: %d items of %d evaluation sets, %d character %d-grams indexed (%d template n-grams "
                 "left out)", len(items), len(p["eval_sets"]), len(index.grams), p["ngram"], index.dropped_grams)
        broadcast = ctx.spark.sparkContext.broadcast(index)
    else:
        summary["report"] = ["decontam: no evaluation sets in the manifest; every document kept"]
    fn = partial(_batches, broadcast=broadcast, p={k: p[k] for k in ("min_coverage", "min_hits", "action",
                                                                    "min_chars_after_cut")})
    combined = docs.mapInArrow(fn, spark_ddl(SCHEMA))
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS, summary=summary)
