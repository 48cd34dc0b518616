"""Normalize: NFC and the cleanups of ``filters.normalize``, over Arrow batches.

A changed document is a *modify* decision listing the changes; a document that is empty after
normalization (empty input, whitespace or invisible characters only) is dropped with
``normalize_v1.empty``. The score is the fraction of characters the normalization removed. The
SHA-256 of the normalized text is stored in ``text_sha256`` (exact dedup keys on it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from filters.normalize import STEP, normalize_text
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.stage import StageContext, StageResult, output_uri

NAME = "normalize"
VERSION = 1
SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS)


def normalize_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    texts = batch.column("text")
    n_bytes = pc.fill_null(pc.binary_length(texts.cast(pa.binary())), 0)
    new_texts: list[str] = []
    hashes: list[str | None] = []
    decisions: list[str] = []
    reasons: list[str | None] = []
    scores: list[float] = []
    details: list[list[tuple[str, str]]] = []
    for text in texts.to_pylist():
        text = text or ""
        new, changes = normalize_text(text)
        new_texts.append(new)
        hashes.append(hashlib.sha256(new.encode("utf-8")).hexdigest() if new else None)
        scores.append(round(1.0 - len(new) / len(text), 6) if text else 0.0)
        details.append([("changes", ",".join(changes))] if changes else [])
        if not new:
            decisions.append("drop")
            reasons.append(f"{STEP}.empty")
        elif changes:
            decisions.append("modify")
            reasons.append(f"{STEP}.modified")
        else:
            decisions.append("keep")
            reasons.append(None)
    n = batch.num_rows
    replaced = {"text": pa.array(new_texts, pa.string()), "text_sha256": pa.array(hashes, pa.string())}
    arrays = [replaced.get(f.name, batch.column(f.name) if f.name in batch.schema.names else None)
              for f in P.DOC_FIELDS]
    arrays += [
        pa.array(decisions, pa.string()),
        pa.array([STEP] * n, pa.string()),
        pa.array(reasons, pa.string()),
        pa.array(scores, pa.float64()),
        pa.nulls(n, pa.string()),
        pa.array(details, pa.map_(pa.string(), pa.string())),
        n_bytes.cast(pa.int64()),
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _normalize_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        yield normalize_batch(batch.select(P.DOC_COLUMNS))


def run(ctx: StageContext) -> StageResult:
    combined = ctx.read_input().select(*P.DOC_COLUMNS).mapInArrow(_normalize_batches, spark_ddl(SCHEMA))
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS)
