"""Quality: language, Korean heuristics, datatrove's filters with Korean parameters, a fastText score.

One pass over Arrow batches evaluates ``filters.quality.QualityChain`` on every document: boilerplate
lines are removed (a *modify* decision), the first failing filter drops the document with its reason
code, and every filter's score goes into the document's ``scores`` column and the provenance details,
so a threshold can be moved and audited without recomputing. With ``quality_model = "train"`` the
stage first trains the fastText quality model from the manifest's high and low sources (and,
optionally, the documents the heuristic filters drop), on the driver, single-threaded with the run's
seed: the same input gives the same model bytes. The model file is shipped to executors with
``SparkContext.addFile``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from functools import cache, partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from filters import quality_model
from filters.datatrove_ko import DatatroveParams
from filters.quality import QualityChain, QualityParams
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.stage import StageContext, StageResult, output_uri

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

NAME = "quality"
VERSION = 1
SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS)
MODEL_FILE = f"{quality_model.STEP}.ftz"
log = logging.getLogger(__name__)


def quality_params(params: dict[str, Any], model_path: str | None) -> QualityParams:
    base = DatatroveParams.kiwi() if params["word_path"] == "kiwi" else DatatroveParams()
    names = {f for f in QualityParams.__dataclass_fields__ if f not in ("datatrove", "quality_model", "languages")}
    return QualityParams(languages=tuple(params["languages"]), datatrove=base, quality_model=model_path,
                         **{k: params[k] for k in names})


@cache
def _chain(params: QualityParams) -> QualityChain:
    return QualityChain(params)  # once per Python worker: the datatrove filters (and Kiwi) load here


def quality_batch(batch: pa.RecordBatch, chain: QualityChain) -> pa.RecordBatch:
    cols = {name: batch.column(name).to_pylist() for name in ("doc_id", "text", "text_sha256")}
    texts, hashes, q_scores, scores = [], [], [], []
    decisions, steps, reasons, step_scores, details = [], [], [], [], []
    for doc_id, text, sha in zip(cols["doc_id"], cols["text"], cols["text_sha256"], strict=True):
        o = chain.evaluate(text or "", doc_id)
        texts.append(o.text)
        hashes.append(hashlib.sha256(o.text.encode("utf-8")).hexdigest() if o.text != text else sha)
        q_scores.append(o.scores.get(quality_model.STEP))
        scores.append(sorted(o.scores.items()))
        decisions.append(o.decision)
        steps.append(o.step)
        reasons.append(o.reason)
        step_scores.append(o.score)
        d = {f"score.{k}": v for k, v in o.scores.items()}
        d["language"] = o.language
        if o.boilerplate_lines:
            d["boilerplate_lines"] = o.boilerplate_lines
        details.append(P.details_entries(d))
    n = batch.num_rows
    replaced = {
        "text": pa.array(texts, pa.string()), "text_sha256": pa.array(hashes, pa.string()),
        "quality_score": pa.array(q_scores, pa.float64()),
        "scores": pa.array(scores, pa.map_(pa.string(), pa.float64())),
    }
    n_bytes = pa.array([len(t.encode("utf-8")) if t else 0 for t in cols["text"]], pa.int64())
    arrays = [replaced.get(f.name, batch.column(f.name)) for f in P.DOC_FIELDS] + [
        pa.array(decisions, pa.string()), pa.array(steps, pa.string()), pa.array(reasons, pa.string()),
        pa.array(step_scores, pa.float64()), pa.nulls(n, pa.string()),
        pa.array(details, pa.map_(pa.string(), pa.string())), n_bytes,
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _quality_batches(batches: Iterator[pa.RecordBatch], params: QualityParams, model_file: str | None
                     ) -> Iterator[pa.RecordBatch]:
    if model_file is not None:
        from pyspark import SparkFiles

        params = replace(params, quality_model=SparkFiles.get(model_file))
    chain = _chain(params)
    for batch in batches:
        yield quality_batch(batch.select(P.DOC_COLUMNS), chain)


def _sample(df: DataFrame, limit: int, seed: int) -> list[tuple[str, str]]:
    """Up to ``limit`` (doc_id, text prefix) rows, chosen by a seeded hash of the doc id (deterministic,
    independent of partitioning)."""
    from pyspark.sql import functions as F

    rows = (df.select("doc_id", F.substring("text", 1, quality_model.MAX_CHARS).alias("text"))
            .withColumn("_k", F.xxhash64(F.lit(seed), "doc_id")).orderBy("_k", "doc_id").limit(limit).collect())
    return [(r["doc_id"], r["text"]) for r in rows]


def train_model(ctx: StageContext, docs: DataFrame, local_path: str) -> dict[str, Any]:
    """Train the quality model from the stage input: high and low sources, plus (optionally) what
    the heuristic filters drop. Returns the model's metadata."""
    from pyspark.sql import functions as F

    p = ctx.params
    limit, seed = p["max_training_docs"], ctx.manifest.seed
    high = _sample(docs.filter(F.col("source").isin(*p["high_sources"])), limit, seed)
    low = _sample(docs.filter(F.col("source").isin(*p["low_sources"])), limit, seed) if p["low_sources"] else []
    if p["low_from_filters"]:
        heuristics = quality_params(p, None)
        fn = partial(_quality_batches, params=heuristics, model_file=None)
        judged = docs.select(*P.DOC_COLUMNS).mapInArrow(fn, spark_ddl(SCHEMA))
        dropped = judged.filter(F.col(P.DECISION) == "drop").filter(~F.col("source").isin(*p["high_sources"]))
        low += _sample(dropped, limit, seed)
    examples = [(i, True, t) for i, t in high] + [(i, False, t) for i, t in low]
    log.info("quality: training the fastText quality model on %d high and %d low examples", len(high), len(low))
    return quality_model.train(examples, local_path, quality_model.TrainSettings(seed=seed),
                               extra_meta={"high_sources": p["high_sources"], "low_sources": p["low_sources"],
                                           "low_from_filters": p["low_from_filters"]})


def run(ctx: StageContext) -> StageResult:
    docs = ctx.read_input().select(*P.DOC_COLUMNS)
    setting = ctx.params["quality_model"]
    summary: dict[str, Any] = {}
    model_file = None
    if setting:
        local_dir = tempfile.mkdtemp(prefix="kocurate-quality-")
        local = os.path.join(local_dir, MODEL_FILE)
        if setting == "train":
            summary["quality_model"] = train_model(ctx, docs, local)
            ctx.fs.put(local, ctx.path("models", MODEL_FILE))
            ctx.fs.put(local + ".json", ctx.path("models", MODEL_FILE + ".json"))
        else:
            import shutil

            shutil.copyfile(setting, local)
            summary["quality_model"] = {"path": setting,
                                        "model_sha256": hashlib.sha256(open(local, "rb").read()).hexdigest()}
        ctx.spark.sparkContext.addFile(local)
        model_file = MODEL_FILE
    fn = partial(_quality_batches, params=quality_params(ctx.params, None), model_file=model_file)
    combined = docs.mapInArrow(fn, spark_ddl(SCHEMA))
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS, summary=summary)
