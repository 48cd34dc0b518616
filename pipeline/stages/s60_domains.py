"""Domains: a multi-label fastText model labels every curated document with a primary domain, its
probability and every label's probability, beside the source's declared domain.

The model is one-vs-all (``filters.domain_model``): an industrial-safety regulation may score high on
legal and manufacturing at once; ``other`` is chosen when no label reaches ``min_score``. With
``domain_model = "train"`` the stage first trains it on the driver from the stage's input, the
sources' declared domains as weak labels (a deterministic sample per label) plus the manifest's
labelled examples, single-threaded with the run's seed; the model goes to ``models/`` with its
metadata (label set, held-out metrics, training-data hash) and to the executors with ``addFile``.
Labelling runs over Arrow batches, one fastText call per batch. A document whose predicted domain
disagrees with the declared one, confidently (P(predicted) >= ``flag_confidence`` and P(declared) <
``min_score``), is kept and flagged (``domain_v1.disagrees_with_source``), so an auditor can list them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from filters import domain_model as D
from filters.normalize import normalize_text
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.stage import StageContext, StageResult, output_uri

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

NAME = "domains"
VERSION = 1
STEP = "domain_v1"
SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS)
MODEL_FILE = f"{D.STEP}.ftz"
log = logging.getLogger(__name__)


def domain_batch(batch: pa.RecordBatch, model: D.DomainModel, min_score: float, flag_confidence: float
                 ) -> pa.RecordBatch:
    declared = batch.column("declared_domain").to_pylist()
    labelled = model.label_many(batch.column("text").to_pylist(), min_score)
    decisions, reasons, details = [], [], []
    for dec, lab in zip(declared, labelled, strict=True):
        disagrees = (lab.primary != dec and lab.score >= flag_confidence
                     and lab.scores.get(dec or "", 0.0) < min_score)
        decisions.append("flag" if disagrees else "keep")
        reasons.append(f"{STEP}.disagrees_with_source" if disagrees else None)
        details.append(P.details_entries({"declared": dec, "predicted": lab.primary}))
    n = batch.num_rows
    replaced = {
        "domain": pa.array([lab.primary for lab in labelled], pa.string()),
        "domain_score": pa.array([lab.score for lab in labelled], pa.float64()),
        "domain_scores": pa.array([sorted(lab.scores.items()) for lab in labelled],
                                  pa.map_(pa.string(), pa.float64())),
    }
    n_bytes = pa.array([len(t.encode("utf-8")) if t else 0 for t in batch.column("text").to_pylist()], pa.int64())
    arrays = [replaced.get(f.name, batch.column(f.name)) for f in P.DOC_FIELDS] + [
        pa.array(decisions, pa.string()), pa.array([STEP] * n, pa.string()), pa.array(reasons, pa.string()),
        replaced["domain_score"], pa.nulls(n, pa.string()), pa.array(details, pa.map_(pa.string(), pa.string())),
        n_bytes,
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _domain_batches(batches: Iterator[pa.RecordBatch], model_file: str, min_score: float, flag_confidence: float
                    ) -> Iterator[pa.RecordBatch]:
    from pyspark import SparkFiles

    path = SparkFiles.get(model_file)
    model = D.load(path, os.stat(path).st_mtime_ns)  # a new model under the same name is reloaded
    for batch in batches:
        yield domain_batch(batch.select(P.DOC_COLUMNS), model, min_score, flag_confidence)


def _declared_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        batch = batch.select(P.DOC_COLUMNS)
        n = batch.num_rows
        arrays = [batch.column("declared_domain") if f.name == "domain" else batch.column(f.name)
                  for f in P.DOC_FIELDS] + [
            pa.array(["keep"] * n, pa.string()), pa.array([STEP] * n, pa.string()), pa.nulls(n, pa.string()),
            pa.nulls(n, pa.float64()), pa.nulls(n, pa.string()), pa.array([[]] * n, pa.map_(pa.string(), pa.string())),
            pa.array([len(t.encode("utf-8")) if t else 0 for t in batch.column("text").to_pylist()], pa.int64()),
        ]
        yield pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


def _weak_labelled(ctx: StageContext, docs: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    excluded = ctx.params["weak_label_exclude"]
    return docs.filter(~F.col("source").isin(*excluded)) if excluded else docs


def _trainable_labels(ctx: StageContext, docs: DataFrame) -> list[str]:
    """Labels that would have training examples: declared domains present, and labelled examples'."""
    declared = {r[0] for r in _weak_labelled(ctx, docs).select("declared_domain").distinct().collect()}
    labelled = {lab for _, ls, _ in read_labelled(ctx.params["labelled_examples"]) for lab in ls}
    return sorted((declared | labelled) & set(ctx.params["labels"]))


def read_labelled(paths: list[str]) -> list[tuple[str, tuple[str, ...], str]]:
    """Labelled examples: JSONL with ``text`` and ``labels`` (a list, or one string), normalized the
    way the pipeline normalizes documents."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for i, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                rec = json.loads(line)
                labels = rec["labels"] if isinstance(rec["labels"], list) else [rec["labels"]]
                out.append((f"labelled:{os.path.basename(path)}:{i}", tuple(labels), normalize_text(rec["text"])[0]))
    return out


def _sample(df: DataFrame, limit: int, seed: int) -> list[tuple[str, str]]:
    from pyspark.sql import functions as F

    rows = (df.select("doc_id", F.substring("text", 1, 4 * D.MAX_CHARS).alias("text"))
            .withColumn("_k", F.xxhash64(F.lit(seed), "doc_id")).orderBy("_k", "doc_id").limit(limit).collect())
    return [(r["doc_id"], r["text"]) for r in rows]


def train_model(ctx: StageContext, docs: DataFrame, local_path: str) -> dict[str, Any]:
    """Train from the stage input (declared domains as weak labels) and the labelled examples."""
    from pyspark.sql import functions as F

    p, seed = ctx.params, ctx.manifest.seed
    docs = _weak_labelled(ctx, docs)
    examples: list[tuple[str, tuple[str, ...], str]] = []
    for label in p["labels"]:
        for doc_id, text in _sample(docs.filter(F.col("declared_domain") == label), p["max_training_docs"], seed):
            examples.append((doc_id, (label,), text))
    labelled = read_labelled(p["labelled_examples"])
    examples += labelled
    log.info("domains: training the fastText domain model on %d documents (%d labelled examples)",
             len(examples), len(labelled))
    return D.train(examples, local_path, D.TrainSettings(seed=seed), labels=p["labels"], min_score=p["min_score"],
                   extra_meta={"labelled_examples": [os.path.basename(x) for x in p["labelled_examples"]],
                               "weak_labels": "declared source domains",
                               "weak_label_exclude": p["weak_label_exclude"]})


def run(ctx: StageContext) -> StageResult:
    docs = ctx.read_input().select(*P.DOC_COLUMNS)
    setting = ctx.params["domain_model"]
    local_dir = tempfile.mkdtemp(prefix="kocurate-domains-")
    local = os.path.join(local_dir, MODEL_FILE)
    summary: dict[str, Any] = {}
    if setting == "train":
        labels = _trainable_labels(ctx, docs)
        if len(labels) < 2:
            # One declared domain and no labelled examples of another: there is nothing to tell apart.
            # Every document keeps its declared domain, unscored, and the run says why.
            note = (f"domains: no model trained (examples of {len(labels)} label(s): {', '.join(labels) or '-'}; "
                    "a model needs two; add labelled_examples); declared domains kept")
            log.warning(note)
            combined = docs.mapInArrow(_declared_batches, spark_ddl(SCHEMA))
            return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS,
                               summary={"domain_model": None, "report": [note]})
        summary["domain_model"] = train_model(ctx, docs, local)
        ctx.fs.put(local, ctx.path("models", MODEL_FILE))
        ctx.fs.put(local + ".json", ctx.path("models", MODEL_FILE + ".json"))
    else:
        shutil.copyfile(setting, local)
        with open(local, "rb") as fh:
            summary["domain_model"] = {"path": setting, "model_sha256": hashlib.file_digest(fh, "sha256").hexdigest()}
    ctx.spark.sparkContext.addFile(local)
    fn = partial(_domain_batches, model_file=MODEL_FILE, min_score=ctx.params["min_score"],
                 flag_confidence=ctx.params["flag_confidence"])
    combined = docs.mapInArrow(fn, spark_ddl(SCHEMA))
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS, summary=summary)
