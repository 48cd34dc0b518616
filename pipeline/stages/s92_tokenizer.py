"""Tokenizer: a sample of the curated documents, balanced by language and by domain and drawn with
Spark, trains the SentencePiece model (``tokenizer.spm``) on the driver; the model and its Hugging
Face export go to ``models/tokenizer/``.

Sampling is by line (``tokenizer.sample``), at a rate per (language, domain):

- Without ``language_shares``, every curated document is Korean for the sample: each domain gets a
  share of ``max_sample_mb`` in proportion to its weight in ``domain_weights`` (1 when unlisted).
- With ``language_shares`` (``{ ko = 0.7, en = 0.2, code = 0.1 }``, shares of the sample's UTF-8
  bytes), Korean documents (by the ``language`` column) are drawn as above within Korean's share of
  ``max_sample_mb``; the total is what Korean gives over Korean's share, and each other language gets
  its share of that total, drawn uniformly (all of it when it has less; the summary reports the real
  shares). So a small Korean corpus is never swamped by a large English one, and a language without
  a share is left out.

A line is drawn with its document's rate by a keyed hash of (seed, doc id, line number), so the
sample is the same on any cluster. The sample is written once (``work/tokenizer_sample/``, the text
an auditor can read back as "what trained the tokenizer") and streamed to SentencePiece's trainer in
doc-id order. Every curated document gets a keep decision of ``tokenizer_v1`` with the lines and
bytes it gave to the sample.
With ``model`` set to the path of a model from an earlier run, nothing is trained: the model is
copied and documented.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from functools import partial
from typing import Any

import pyarrow as pa

from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.errors import InputError, ManifestError
from pipeline.invariants import local_path
from pipeline.stage import StageContext, StageResult
from pipeline.task_heap import frozen_task
from tokenizer import hf_export
from tokenizer import spm as S
from tokenizer.megatron import sha256_file
from tokenizer.sample import sample_lines, with_hints

NAME = "tokenizer"
VERSION = 1
KIND = "global"
STEP = "tokenizer_v1"
MODEL_DIR = "models/tokenizer"
MODEL_NAME = "spm"  # spm.model, spm.vocab, spm.meta.json beside tokenizer.json
SAMPLE_SCHEMA = pa.schema([pa.field("doc_id", pa.string()), pa.field("source", pa.string()),
                           pa.field("domain", pa.string()), pa.field("language", pa.string()),
                           pa.field("lines", pa.list_(pa.string())),
                           pa.field("sample_lines", pa.int32()), pa.field("sample_bytes", pa.int64()),
                           pa.field(P.N_BYTES, pa.int64())])
OUTPUT_COLUMNS = ["doc_id", "source", "domain", "language", "sample_lines", "sample_bytes"]
KOREAN = "ko"
log = logging.getLogger(__name__)


def spec_of(params: dict[str, Any]) -> S.TokenizerSpec:
    return S.TokenizerSpec(model_type=params["model_type"], vocab_size=params["vocab_size"],
                           character_coverage=params["character_coverage"],
                           max_piece_length=params["max_piece_length"], split_digits=params["split_digits"],
                           morpheme_hints=params["morpheme_hints"], dummy_prefix=False,
                           num_threads=params["num_threads"])


def rates(domain_bytes: dict[str, int], weights: dict[str, float], max_bytes: float) -> dict[str, float]:
    """Per-domain line-draw rates: a domain's share of the budget is its weight over the weights'
    sum; a domain smaller than its share is taken whole (its unused share is not moved elsewhere, so
    a domain's rate does not depend on the size of the others)."""
    w = {d: float(weights.get(d, 1.0)) for d in domain_bytes}
    total = sum(w.values()) or 1.0
    return {d: min(1.0, max_bytes * w[d] / total / b) if b else 1.0 for d, b in domain_bytes.items()}


def mixture_rates(sizes: dict[tuple[str, str], int], shares: dict[str, float], weights: dict[str, float],
                  max_bytes: float) -> dict[tuple[str, str], float]:
    """Line-draw rates per (language, domain) from the curated bytes of each (see the module docstring).
    Without shares the languages are not told apart: today's domain balance over every document."""
    if not shares:
        by_domain: dict[str, int] = {}
        for (_, d), b in sizes.items():
            by_domain[d] = by_domain.get(d, 0) + b
        r = rates(by_domain, weights, max_bytes)
        return {key: r[key[1]] for key in sizes}
    total = sum(shares.values())
    share = {lang: v / total for lang, v in shares.items()}
    korean = {d: b for (lang, d), b in sizes.items() if lang == KOREAN}
    ko_rates = rates(korean, weights, max_bytes * share[KOREAN])
    sample_total = sum(ko_rates[d] * b for d, b in korean.items()) / share[KOREAN]
    per_language: dict[str, int] = {}
    for (lang, _), b in sizes.items():
        per_language[lang] = per_language.get(lang, 0) + b
    out: dict[tuple[str, str], float] = {}
    for lang, d in sizes:
        if lang == KOREAN:
            out[(lang, d)] = ko_rates[d]
        elif share.get(lang, 0.0) > 0 and per_language[lang]:
            out[(lang, d)] = min(1.0, sample_total * share[lang] / per_language[lang])
        else:
            out[(lang, d)] = 0.0
    return out


def sample_batches(batches: Iterator[pa.RecordBatch], seed: int, doc_rates: dict[tuple[str, str], float],
                   hints: bool) -> Iterator[pa.RecordBatch]:
    for b in batches:
        ids = b.column("doc_id").to_pylist()
        domains = b.column("domain").to_pylist()
        languages = b.column("language").to_pylist()
        texts = b.column("text").to_pylist()
        drawn = [sample_lines(t or "", i, seed, doc_rates.get((lang, d), 1.0)) for i, d, lang, t in
                 zip(ids, domains, languages, texts, strict=True)]
        if hints:
            drawn = [with_hints(x) if x else x for x in drawn]
        yield pa.RecordBatch.from_arrays([
            b.column("doc_id"), b.column("source"), b.column("domain"), b.column("language"),
            pa.array(drawn, pa.list_(pa.string())),
            pa.array([len(x) for x in drawn], pa.int32()),
            pa.array([sum(len(s.encode("utf-8")) for s in x) for x in drawn], pa.int64()),
            pa.array([len((t or "").encode("utf-8")) for t in texts], pa.int64()),
        ], schema=SAMPLE_SCHEMA)


def _lines(ctx: StageContext, uri: str) -> Iterator[str]:
    """The sample's lines in doc-id order, streamed (pyarrow for local run directories, Spark else)."""
    path = local_path(uri)
    if path is not None:
        import pyarrow.dataset as ds

        for batch in ds.dataset(path, format="parquet").to_batches(columns=["lines"], batch_size=256):
            for lines in batch.column(0).to_pylist():
                yield from lines or ()
    else:
        for row in ctx.spark.read.parquet(uri).select("lines").toLocalIterator():
            yield from row[0] or ()


def run(ctx: StageContext) -> StageResult:
    from pyspark.sql import functions as F

    p = ctx.params
    docs = ctx.read_input().select("doc_id", "source", "domain", "language", "text")
    sample_uri = ctx.path("work", "tokenizer_sample")
    train_here = p["model"] == "train"
    summary: dict[str, Any] = {}
    if train_here:
        sizes = {(r[0], r[1]): int(r[2] or 0) for r in
                 docs.groupBy("language", "domain").agg(F.sum(F.octet_length("text"))).collect()}
        doc_rates = mixture_rates(sizes, p["language_shares"], p["domain_weights"], p["max_sample_mb"] * 1e6)
        fn = partial(sample_batches, seed=ctx.manifest.seed, doc_rates=doc_rates, hints=p["morpheme_hints"])
        ctx.fs.delete(sample_uri)
        docs.mapInArrow(frozen_task(fn), spark_ddl(SAMPLE_SCHEMA)).orderBy("doc_id").write.parquet(sample_uri)
        summary["sample_rates"] = {f"{lang}/{d}" if p["language_shares"] else d: round(r, 6)
                                   for (lang, d), r in sorted(doc_rates.items())}
        sample = ctx.spark.read.parquet(sample_uri)
        summary["sample_languages"] = languages_of(sample, sizes)
    else:
        sample = docs.select("doc_id", "source", "domain", "language", F.lit(0).cast("int").alias("sample_lines"),
                             F.lit(0).cast("long").alias("sample_bytes"),
                             F.octet_length("text").cast("long").alias(P.N_BYTES))
    with tempfile.TemporaryDirectory(prefix="kocurate-tokenizer-") as tmp:
        local = os.path.join(tmp, "tokenizer")
        os.makedirs(local)
        if train_here:
            if not ctx.spark.read.parquet(sample_uri).filter("sample_lines > 0").limit(1).count():
                raise InputError("the tokenizer has no text to train on: no curated document gave a line to "
                                 "the sample (see the export stage's counts)")
            spec = spec_of(p)
            started = time.monotonic()
            S.train(_lines(ctx, sample_uri), spec, os.path.join(local, MODEL_NAME))
            summary["train_seconds"] = round(time.monotonic() - started, 3)
        else:
            src = p["model"]
            if not os.path.isfile(src) or not os.path.isfile(src[: -len(".model")] + ".meta.json"):
                raise ManifestError(f"[stages.tokenizer] model {src!r}: needs the .model file and its .meta.json "
                                    "(from `kocurate tokenizer train` or an earlier run's models/tokenizer/)")
            for suffix in (".model", ".vocab", ".meta.json"):
                if os.path.isfile(src[: -len(".model")] + suffix):
                    shutil.copyfile(src[: -len(".model")] + suffix, os.path.join(local, MODEL_NAME + suffix))
        model_file = os.path.join(local, MODEL_NAME + ".model")
        hf_export.export(model_file, local)
        summary.update(describe(model_file))
        # Staged aside, then renamed by the commit after the invariants pass: models/tokenizer/ never
        # holds half of a model, nor a model whose stage failed.
        staged = ctx.path(MODEL_DIR + ".partial")
        ctx.fs.delete(staged)
        for name in sorted(os.listdir(local)):
            ctx.fs.put(os.path.join(local, name), f"{staged}/{name}")
    totals = sample.agg(F.sum("sample_lines"), F.sum("sample_bytes")).collect()[0]
    summary["sample_lines"], summary["sample_bytes"] = int(totals[0] or 0), int(totals[1] or 0)
    summary["report"] = [
        f"tokenizer: {summary['model_type']} {summary['vocab_size']:,} pieces from "
        f"{summary['sample_bytes'] / 1e6:,.2f} MB of sampled lines; vocabulary hygiene: "
        + ", ".join(f"{k} {v}" for k, v in summary["hygiene"].items())]
    if summary.get("sample_languages"):
        summary["report"].append("tokenizer sample per language (MB sampled of MB curated, share): " + ", ".join(
            f"{lang} {x['sampled_bytes'] / 1e6:,.2f} of {x['curated_bytes'] / 1e6:,.2f} ({x['share']:.1%})"
            for lang, x in summary["sample_languages"].items()))
    combined = sample.select(
        *OUTPUT_COLUMNS, F.lit("keep").alias(P.DECISION), F.lit(STEP).alias(P.STEP),
        F.lit(None).cast("string").alias(P.REASON), F.lit(None).cast("double").alias(P.SCORE),
        F.lit(None).cast("string").alias(P.DUP_OF),
        F.create_map(F.lit("tokenizer.sample_lines"), F.col("sample_lines").cast("string"),
                     F.lit("tokenizer.sample_bytes"), F.col("sample_bytes").cast("string")).alias(P.DETAILS),
        F.col(P.N_BYTES))
    return StageResult(combined=combined, output_uri=ctx.path("work", NAME), output_columns=OUTPUT_COLUMNS,
                       summary=summary, publish=[(staged, ctx.path(MODEL_DIR))])


def languages_of(sample: Any, sizes: dict[tuple[str, str], int]) -> dict[str, dict[str, Any]]:
    """Bytes curated and sampled per language, and each language's real share of the sample."""
    from pyspark.sql import functions as F

    got = {r[0]: int(r[1] or 0) for r in sample.groupBy("language").agg(F.sum("sample_bytes")).collect()}
    total = sum(got.values()) or 1
    curated: dict[str, int] = {}
    for (lang, _), b in sizes.items():
        curated[lang] = curated.get(lang, 0) + b
    return {lang: {"curated_bytes": curated[lang], "sampled_bytes": got.get(lang, 0),
                   "share": round(got.get(lang, 0) / total, 4)} for lang in sorted(curated)}


def describe(model_file: str) -> dict[str, Any]:
    """Facts for run.json and the summary: type, size, special ids, vocabulary hygiene counts."""
    from tokenizer.encoders import SentencePieceEncoder
    from tokenizer.evaluate import hygiene

    meta = json.loads(open(model_file[: -len(".model")] + ".meta.json", encoding="utf-8").read())
    enc = SentencePieceEncoder(model_file)
    h = hygiene(enc).row()
    return {"model_type": meta["spec"]["model_type"], "vocab_size": enc.vocab_size,
            "model_sha256": sha256_file(model_file),
            "hygiene": {k: h[k] for k in ("spam", "pii_like", "repeated", "multi_eojeol")}}
