"""PII: detect Korean personal data with Presidio and redact, mask or drop per the manifest's policy.

Runs after exact dedup (fewer documents) and before quality, so that nothing trained later in the run
(the quality model, the tokenizer) ever sees a raw identifier. ``filters.pii_policy`` decides per
document; this stage applies it over Arrow batches with ``mapInArrow`` (the Presidio engine is built
once per Python worker) to the title, the text and the URL's path and query (never its host).
Provenance records, per document, the entity types and counts and, per finding, the field, offsets,
score, action, recognizer (name, rule and version) and a keyed hash (HMAC-SHA256 under the
operator's key, see ``pipeline.pii_key``), never a value. The key reaches the executors inside the
task closure only; the run stores its fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import partial
from typing import Any

import pyarrow as pa

from filters.pii_policy import STEP, PiiPolicy, apply
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.pii_key import resolve_key
from pipeline.stage import StageContext, StageResult, output_uri

NAME = "pii"
VERSION = 2
SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS)
FIELDS = ("title", "text", "url")


def policy_from(params: dict[str, Any]) -> PiiPolicy:
    return PiiPolicy(actions=tuple(sorted(params["policy"].items())), default_action=params["default_action"],
                     min_score=params["min_score"], max_pii_share=params["max_pii_share"],
                     min_findings_for_density=params["min_findings_for_density"])


def pii_batch(batch: pa.RecordBatch, policy: PiiPolicy, key: bytes) -> pa.RecordBatch:
    cols = {name: batch.column(name).to_pylist() for name in ("title", "text", "url", "text_sha256")}
    titles, texts, urls, hashes = [], [], [], []
    decisions, reasons, scores, details = [], [], [], []
    for title, text, url, sha in zip(cols["title"], cols["text"], cols["url"], cols["text_sha256"], strict=True):
        o = apply({"title": title, "text": text, "url": url}, policy, key)
        titles.append(o.fields["title"])
        urls.append(o.fields["url"])
        new_text = o.fields["text"]
        texts.append(new_text)
        hashes.append(sha if new_text == text else hashlib.sha256((new_text or "").encode("utf-8")).hexdigest())
        decisions.append(o.decision)
        reasons.append(o.reason)
        scores.append(o.score)
        details.append(P.details_entries(o.details()))
    n = batch.num_rows
    replaced = {"title": pa.array(titles, pa.string()), "text": pa.array(texts, pa.string()),
                "url": pa.array(urls, pa.string()),
                "text_sha256": pa.array(hashes, pa.string())}
    n_bytes = pa.array([len(t.encode("utf-8")) if t else 0 for t in cols["text"]], pa.int64())
    arrays = [replaced.get(f.name, batch.column(f.name)) for f in P.DOC_FIELDS] + [
        pa.array(decisions, pa.string()), pa.array([STEP] * n, pa.string()), pa.array(reasons, pa.string()),
        pa.array(scores, pa.float64()), pa.nulls(n, pa.string()),
        pa.array(details, pa.map_(pa.string(), pa.string())), n_bytes,
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _pii_batches(batches: Iterator[pa.RecordBatch], policy: PiiPolicy, key: bytes) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        yield pii_batch(batch.select(P.DOC_COLUMNS), policy, key)


def run(ctx: StageContext) -> StageResult:
    from filters.pii import key_fingerprint

    p = ctx.params
    key, where = resolve_key(p["key_env"], p["key_file"], ctx.run_dir)
    if key_fingerprint(key) != p["key_fingerprint"]:
        raise RuntimeError(f"the PII key from {where} changed since the manifest was loaded")
    docs = ctx.read_input().select(*P.DOC_COLUMNS)
    fn = partial(_pii_batches, policy=policy_from(p), key=key)
    combined = docs.mapInArrow(fn, spark_ddl(SCHEMA))
    summary = {"key_fingerprint": p["key_fingerprint"], "key_source": where.split(":", 1)[0]}
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS, summary=summary)
