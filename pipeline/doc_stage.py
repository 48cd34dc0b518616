"""The per-document stage: a chain of blocks over Arrow batches, and the one place decision columns are built.

A per-document stage (normalize, PII, quality, decontamination, domains) is a ``DocStage``: its name,
version, the step of a kept document and its default chain. The manifest gives the chain and the
blocks' parameters, per source where a source needs its own (``pipeline.manifest``). This module
turns every document of an Arrow batch into a ``Doc``, runs the source's chain, and builds the
document columns (changed fields written back, ``text_sha256`` recomputed where the text changed) and
the decision columns of ``pipeline.provenance``: decision, step, reason, the deciding rule's score,
the details (every block's details, and every score as ``score.<block>.<statistic>``) and the bytes
of the text as it entered. A stage with driver-side work (training a model, indexing evaluation
sets) does it in ``prepare`` and hands the executors a picklable payload; ``setup`` turns the payload
into block resources and parameter overrides once per task.
"""

from __future__ import annotations

import hashlib
import operator
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from filters.blocks.base import Doc
from filters.blocks.chain import Chain, Outcome, build_chain
from filters.verdict import PASSING
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.stage import StageContext, StageResult, output_uri
from pipeline.task_heap import frozen_heap

SCHEMA = pa.schema(P.DOC_FIELDS + P.DECISION_FIELDS + P.QUARANTINE_FIELDS)
_MAX_RAW = 64 * 1024  # text bytes kept with a quarantined document
#: The chain spec: (block name, manifest values) in order.
Spec = tuple[tuple[str, Mapping[str, Any]], ...]
#: Executor-side: payload -> (block resources, per-block value overrides).
Setup = Callable[[Any], tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]]
#: After the chain: document columns a stage derives from the outcome (quality: ``scores``).
Finish = Callable[[Doc, Outcome], None]
_ALL = "*"


def _no_finish(doc: Doc, outcome: Outcome) -> None:
    return None


def _no_setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
    return {}, {}


@dataclass(frozen=True)
class Prepared:
    """What ``prepare`` hands the executors: a payload for ``setup``, and stage facts for run.json;
    ``specs`` replaces the manifest's chains (the domains stage without a model)."""

    payload: Any = None
    summary: dict[str, Any] = field(default_factory=dict)
    specs: dict[str, Spec] | None = None
    #: Side outputs staged by ``prepare`` (a trained model), put in place after the invariants pass.
    publish: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ChainPlan:
    """Everything a task needs: the chain per source (``*``: every other source), the step and score of a
    kept document, and the executor setup."""

    specs: Mapping[str, Spec]
    keep_step: str
    keep_score: str | None
    setup: Setup
    payload: Any
    finish: Finish = _no_finish

    def chains(self) -> dict[str, Chain]:
        resources, overrides = self.setup(self.payload)
        return {src: build_chain([(n, {**v, **overrides.get(n, {})}) for n, v in spec], self.keep_step,
                                 self.keep_score, resources)
                for src, spec in self.specs.items()}


def chain_specs(params: Mapping[str, Any]) -> dict[str, Spec]:
    """The validated manifest parameters of a per-document stage as chain specs per source."""
    def spec(chain: Sequence[str], blocks: Mapping[str, Mapping[str, Any]]) -> Spec:
        return tuple((n, dict(blocks.get(n, {}))) for n in chain)

    out = {_ALL: spec(params["chain"], params["blocks"])}
    for src, sub in params.get("per_source", {}).items():
        out[src] = spec(sub["chain"], sub["blocks"])
    return out


def _sha(text: str | None) -> str | None:
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None


def doc_batch(batch: pa.RecordBatch, chains: Mapping[str, Chain], finish: Finish = _no_finish) -> pa.RecordBatch:
    n = batch.num_rows
    cols = {f.name: _pylist(batch.column(f.name), n) for f in P.DOC_FIELDS}
    docs = [Doc.adopt(dict(zip(P.DOC_COLUMNS, values, strict=True)))
            for values in zip(*(cols[k] for k in P.DOC_COLUMNS), strict=True)]
    outcomes: list[Any] = [None] * n
    groups: dict[str, list[int]] = {}
    for i, src in enumerate(cols["source"]):
        groups.setdefault(src if src in chains else _ALL, []).append(i)
    for key, idx in groups.items():
        for i, o in zip(idx, chains[key].run([docs[i] for i in idx]), strict=True):
            outcomes[i] = o
            finish(docs[i], o)
    after = _columns_after(docs)
    doc_arrays = [_column_back(batch.column(f.name), cols[f.name], after[j], f.type)
                  for j, f in enumerate(P.DOC_FIELDS)]
    # Rehash changed text, and text never hashed (normalize is the first stage that hashes).
    texts, hashes = cols["text"], cols["text_sha256"]
    doc_arrays[_SHA_AT] = _column_back(batch.column("text_sha256"), hashes, [
        sha if sha is not None and (text is old or text == old) else _sha(text)
        for text, old, sha in zip(after[_TEXT_AT], texts, hashes, strict=True)], pa.string())
    details = [_details(o) for o in outcomes]
    text_bytes = pc.binary_length(batch.column("text")).fill_null(0).cast(pa.int64())
    arrays = [
        *doc_arrays,
        pa.array([o.decision for o in outcomes], pa.string()),
        pa.array([o.step for o in outcomes], pa.string()),
        pa.array([o.reason for o in outcomes], pa.string()),
        pa.array([o.score for o in outcomes], pa.float64()),
        pa.nulls(n, pa.string()),
        pa.array(details, pa.map_(pa.string(), pa.string())),
        text_bytes,
    ]
    bad = [o.decision == "quarantine" for o in outcomes]
    raw = [(t or "").encode("utf-8") if b else None for t, b in zip(texts, bad, strict=True)]
    arrays += [
        pa.array([f"{o.step}: {o.details['error']}" if b else None for o, b in zip(outcomes, bad, strict=True)],
                 pa.string()),
        pa.array([r[:_MAX_RAW] if r is not None else None for r in raw], pa.binary()),
        pa.array([len(r) if r is not None else None for r in raw], pa.int64()),
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=SCHEMA)


_SHA_AT = P.DOC_COLUMNS.index("text_sha256")
_TEXT_AT = P.DOC_COLUMNS.index("text")
_NAMES = tuple(P.DOC_COLUMNS)
_SCORE_KEYS: dict[str, str] = {}  # a statistic's name -> its details key: formatted once per process


def _pylist(column: pa.Array, n: int) -> list[Any]:
    return [None] * n if column.null_count == n else column.to_pylist()


def _columns_after(docs: Sequence[Doc]) -> list[Sequence[Any]]:
    """The document columns' values as the chain left them, one sequence per column of ``P.DOC_COLUMNS``:
    transposed from the documents' dicts where each still holds exactly the columns, in their order."""
    if all(tuple(d.fields) == _NAMES for d in docs):
        return list(zip(*(d.fields.values() for d in docs), strict=True)) if docs else [() for _ in _NAMES]
    return [[d.fields.get(name) for d in docs] for name in _NAMES]


def _column_back(column: pa.Array, before: Sequence[Any], after: Sequence[Any], typ: pa.DataType) -> pa.Array:
    """A document column as the chain left it: the batch's own column where every value is the very object
    read from it (no block replaced one), else built anew from the values."""
    if column.type == typ and all(map(operator.is_, after, before)):
        return column
    return pa.array(list(after), typ)


def _details(o: Outcome) -> list[tuple[str, str]]:
    """The details map of one outcome, as ``P.details_entries`` of every score under ``score.<block>.<statistic>``
    rounded to 6 places, updated with the blocks' details."""
    if any(k.startswith("score.") for k in o.details):  # a block's detail would replace a score: the general path
        merged: dict[str, object] = {f"score.{k}": round(v, 6) for k, v in o.scores.items()}
        merged.update(o.details)
        return P.details_entries(merged)
    keys = _SCORE_KEYS
    items = []
    for k, v in o.scores.items():
        key = keys.get(k)
        if key is None:
            key = keys[k] = f"score.{k}"
        items.append((key, P.rounded_score(v)[1]))
    items += P.details_entries(o.details)
    items.sort()
    return items


def chain_batches(batches: Iterator[pa.RecordBatch], plan: ChainPlan) -> Iterator[pa.RecordBatch]:
    return frozen_heap(_chain_batches(batches, plan))


def _chain_batches(batches: Iterator[pa.RecordBatch], plan: ChainPlan) -> Iterator[pa.RecordBatch]:
    chains = plan.chains()  # once per task: blocks load their heavy resources lazily, cached per process
    for batch in batches:
        yield doc_batch(batch.select(P.DOC_COLUMNS), chains, plan.finish)


_STAGE_FIELDS = P.DECISION_FIELDS + P.QUARANTINE_FIELDS
_DOC_SCHEMA = pa.schema(P.DOC_FIELDS)


def pass_schema(stages: Sequence[str]) -> pa.Schema:
    """A fused pass's rows: the document columns as the pass left them, then each stage's decision and
    quarantine columns, prefixed ``_<stage>`` (``_pii_decision``); null where the document did not
    reach the stage."""
    return pa.schema(P.DOC_FIELDS + [pa.field(f"_{s}{f.name}", f.type) for s in stages for f in _STAGE_FIELDS])


def pass_batches(batches: Iterator[pa.RecordBatch], lead: str,
                 lead_fn: Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]],
                 followers: Sequence[tuple[str, ChainPlan]]) -> Iterator[pa.RecordBatch]:
    """One task of a fused pass: the lead stage's function (ingest's reader, or a chain), then each
    following stage's chain on the documents the stage before it passed on."""
    return frozen_heap(_pass_batches(batches, lead, lead_fn, followers))


def _pass_batches(batches: Iterator[pa.RecordBatch], lead: str,
                  lead_fn: Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]],
                  followers: Sequence[tuple[str, ChainPlan]]) -> Iterator[pa.RecordBatch]:
    chains = [(name, plan.chains(), plan.finish) for name, plan in followers]
    schema = pass_schema([lead, *(name for name, _ in followers)])
    for batch in lead_fn(batches):
        yield fuse_batch(batch, lead, chains, schema)


def fuse_batch(batch: pa.RecordBatch, lead: str, chains: Sequence[tuple[str, Mapping[str, Chain], Finish]],
               schema: pa.Schema) -> pa.RecordBatch:
    n = batch.num_rows
    docs = pa.Table.from_batches([batch.select(P.DOC_COLUMNS)]).cast(_DOC_SCHEMA)
    out = {f"_{lead}{f.name}": batch.column(f.name) for f in _STAGE_FIELDS}
    alive = np.array([d in PASSING for d in batch.column(P.DECISION).to_pylist()], dtype=bool)
    for name, chain, finish in chains:
        idx = np.flatnonzero(alive)
        every = len(idx) == n  # every document entered the stage: no row to take out or put back
        entered = (docs if every else docs.take(pa.array(idx, pa.int64()))).combine_chunks().to_batches()
        sub = entered[0] if entered else pa.RecordBatch.from_pylist([], schema=_DOC_SCHEMA)
        res = doc_batch(sub, chain, finish)
        left = pa.Table.from_batches([res.select(P.DOC_COLUMNS)]).cast(_DOC_SCHEMA)
        if every:
            for f in _STAGE_FIELDS:
                out[f"_{name}{f.name}"] = res.column(f.name)
            docs = left
        else:
            pos = np.full(n, -1, dtype=np.int64)
            pos[idx] = np.arange(len(idx))
            where = pa.array(pos, pa.int64(), mask=pos < 0)
            for f in _STAGE_FIELDS:
                out[f"_{name}{f.name}"] = res.column(f.name).take(where)
            rows = np.arange(n, dtype=np.int64)
            rows[idx] = n + np.arange(len(idx))
            docs = pa.concat_tables([docs, left]).take(pa.array(rows, pa.int64()))
        alive = np.zeros(n, dtype=bool)
        alive[idx] = [d in PASSING for d in res.column(P.DECISION).to_pylist()]
    arrays = [docs.column(f.name).combine_chunks() for f in P.DOC_FIELDS]
    arrays += [out[f.name] for f in list(schema)[len(P.DOC_FIELDS):]]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def stage_model(ctx: StageContext, setting: str, file_name: str, train: Callable[[str], dict[str, Any]]
                ) -> tuple[dict[str, Any], str, tuple[tuple[str, str], ...]]:
    """The model a stage's block applies: fitted by ``train`` into a local file (the fit step: a model
    file and its ``.json`` metadata), or copied from the manifest's path; then shipped to the executors
    (``addFile``). A trained model is staged under ``work/_staged/<stage>/`` and put under ``models/``
    only when the pass commits, after its invariants pass. Returns the model's metadata for run.json,
    the payload ``model_override`` reads on the executors, and the (staged, published) pairs."""
    local = os.path.join(tempfile.mkdtemp(prefix=f"kocurate-{ctx.stage}-"), file_name)
    publish: tuple[tuple[str, str], ...] = ()
    if setting == "train":
        meta = train(local)
        staged = ctx.path("work", "_staged", ctx.stage)
        ctx.fs.delete(staged)
        for name in (file_name, file_name + ".json"):
            ctx.fs.put(os.path.join(os.path.dirname(local), name), f"{staged}/{name}")
        publish = tuple((f"{staged}/{name}", ctx.path("models", name)) for name in (file_name, file_name + ".json"))
    else:
        shutil.copyfile(setting, local)
        with open(local, "rb") as fh:
            meta = {"path": setting, "model_sha256": hashlib.file_digest(fh, "sha256").hexdigest()}
    # Shipped under a name that holds its content's hash: a session keeps the files it was given, and
    # refuses another file of the same name (a notebook's session running a second manifest, a test
    # session's runs).
    with open(local, "rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()[:16]
    stem, ext = os.path.splitext(file_name)
    shipped = os.path.join(os.path.dirname(local), f"{stem}-{digest}{ext}")
    shutil.copyfile(local, shipped)
    ctx.spark.sparkContext.addFile(shipped)
    return meta, os.path.basename(shipped), publish


def model_override(payload: str | None, block: str) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
    """Executor side of ``stage_model``: ``block``'s ``model`` parameter is this executor's copy."""
    if payload is None:
        return {}, {}
    from pyspark import SparkFiles

    return {}, {block: {"model": SparkFiles.get(payload)}}


class DocStage:
    """A per-document stage; ``prepare`` (driver) and ``setup`` (executors) are the hooks a stage with
    models or indexes overrides. Exposes ``NAME``, ``VERSION`` and ``run`` like a stage module."""

    #: Set by a stage whose kept documents carry one of the chain's scores (quality: the model's).
    keep_score: str | None = None

    def __init__(self, name: str, version: int, keep_step: str, default_chain: tuple[str, ...],
                 stage_keys: tuple[str, ...] = ()) -> None:
        self.NAME, self.VERSION, self.keep_step, self.default_chain = name, version, keep_step, default_chain
        #: Parameters of the stage itself (training, key files), not of any block.
        self.stage_keys = stage_keys

    def prepare(self, ctx: StageContext, docs: Any) -> Prepared:
        return Prepared()

    setup: Setup = staticmethod(_no_setup)
    finish: Finish = staticmethod(_no_finish)

    def plan(self, ctx: StageContext, prepared: Prepared) -> ChainPlan:
        specs = prepared.specs or chain_specs(ctx.params)
        return ChainPlan(specs, self.keep_step, self.keep_score, type(self).setup, prepared.payload,
                         type(self).finish)

    KIND = "document"

    def run(self, ctx: StageContext) -> StageResult:
        docs = ctx.read_input().select(*P.DOC_COLUMNS)
        prepared = self.prepare(ctx, docs)
        plan = self.plan(ctx, prepared)
        fn = partial(chain_batches, plan=plan)
        return StageResult(combined=docs.mapInArrow(fn, spark_ddl(SCHEMA)), output_uri=output_uri(ctx),
                           output_columns=P.DOC_COLUMNS, summary=prepared.summary, quarantines=True,
                           map_input=docs, map_fn=fn, chain_plan=plan, publish=prepared.publish)

    def apply_local(self, rows: Sequence[Mapping[str, Any]], params: Mapping[str, Any],
                    resources: Mapping[str, Any] | None = None,
                    overrides: Mapping[str, Mapping[str, Any]] | None = None) -> pa.RecordBatch:
        """The stage on rows in this process, with the given block resources and parameter overrides in
        place of ``setup``'s: the code path a task runs, for tests and notebooks."""
        def setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
            return resources or {}, overrides or {}

        plan = ChainPlan(chain_specs(params), self.keep_step, self.keep_score, setup, None, type(self).finish)
        batch = pa.RecordBatch.from_pylist([{c: r.get(c) for c in P.DOC_COLUMNS} for r in rows],
                                           schema=pa.schema(P.DOC_FIELDS))
        return doc_batch(batch, plan.chains(), plan.finish)
