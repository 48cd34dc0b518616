"""Quality: language, Korean heuristics, datatrove's filters with Korean parameters, a fastText score.

One pass over Arrow batches runs the manifest's quality chain (default ``filters.quality.DEFAULT_CHAIN``,
per source where the manifest says) on every document: boilerplate lines are removed (a *modify*
decision), the first failing block drops the document with its reason code, and every block's scores
go into the document's ``scores`` column and the provenance details, so a threshold can be moved and
audited without recomputing. With ``quality_model = "train"`` the
stage first trains the fastText quality model from the manifest's high and low sources (and,
optionally, the documents the heuristic filters drop), their PII redacted first (the PII stage runs
after fuzzy dedup: ``scrubbing``), on the driver, single-threaded with the run's seed: the same input
gives the same model bytes. The model file is shipped to executors with ``SparkContext.addFile``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from filters import quality_model
from filters.blocks.base import Doc
from filters.blocks.chain import Outcome
from filters.quality import KEEP_SCORE, STEP
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.chains import DEFAULT_CHAINS
from pipeline.doc_stage import (
    SCHEMA,
    ChainPlan,
    DocStage,
    Prepared,
    chain_batches,
    chain_specs,
    model_override,
    stage_model,
)
from pipeline.stage import StageContext

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from pipeline.manifest import RunManifest

MODEL_FILE = f"{quality_model.STEP}.ftz"
log = logging.getLogger(__name__)


def _scrub_batches(batches: Iterator[pa.RecordBatch], min_score: float) -> Iterator[pa.RecordBatch]:
    from filters import pii

    for batch in batches:
        texts = [t if t is None else pii.redact(t, pii.find(t, min_score)) for t in batch.column("text").to_pylist()]
        at = batch.schema.get_field_index("text")
        field = batch.schema.field(at)  # string, or large_string where a session sets Arrow's large types
        yield batch.set_column(at, field, pa.array(texts, field.type))


def scrub_score(manifest: RunManifest) -> float | None:
    """The lowest ``min_score`` of the PII stage's chains (the detector's default where a chain sets none), so that
    no finding the stage would redact stays in the model's examples; None where the run has no PII stage."""
    if "pii" not in manifest.stages:
        return None
    from filters.pii import MIN_SCORE
    from filters.pii_spec import STEP as PII_STEP

    chains = chain_specs(manifest.params["pii"]).values()
    return min([float(dict(params).get("min_score", MIN_SCORE)) for chain in chains for name, params in chain
                if name == PII_STEP] or [MIN_SCORE])


def scrubbing(ctx: StageContext) -> Callable[[DataFrame], DataFrame] | None:
    """Documents with every PII finding replaced by its placeholder, for the model's examples: the PII stage runs
    after this one (after fuzzy dedup, on the documents that survive it), and a model trained here leaves the run
    with its vocabulary. None where the run has no PII stage."""
    min_score = scrub_score(ctx.manifest)
    if min_score is None:
        return None

    def scrub(docs: DataFrame) -> DataFrame:
        return docs.mapInArrow(partial(_scrub_batches, min_score=min_score), docs.schema)

    return scrub


def train_model(ctx: StageContext, local_path: str) -> dict[str, Any]:
    """Train the quality model from the stage input: high and low sources, plus (optionally) what
    the heuristic filters drop; each a deterministic sample of up to ``max_training_docs`` documents
    (``StageContext.first_documents``), its PII redacted (``scrubbing``). Returns the model's metadata."""
    from pyspark.sql import functions as F

    p = ctx.params
    limit, seed = p["max_training_docs"], ctx.manifest.seed
    columns = ["doc_id", F.substring("text", 1, quality_model.MAX_CHARS).alias("text")]
    scrub = scrubbing(ctx)

    def sample(where: Any, then: Callable[[DataFrame], DataFrame] | None = None) -> list[tuple[str, str]]:
        def scrubbed(docs: DataFrame) -> DataFrame:
            docs = then(docs) if then is not None else docs
            return scrub(docs) if scrub is not None else docs

        return [(r["doc_id"], r["text"]) for r in ctx.first_documents(limit, seed, columns, where, scrubbed)]

    high = sample(F.col("source").isin(*p["high_sources"]))
    low = sample(F.col("source").isin(*p["low_sources"])) if p["low_sources"] else []
    if p["low_from_filters"]:
        specs = {src: tuple((n, v) for n, v in spec if n != quality_model.STEP)
                 for src, spec in chain_specs(p).items()}  # the chain without the model it trains
        heuristics = ChainPlan(specs, STEP, None, STAGE.setup, None)

        def dropped(docs: DataFrame) -> DataFrame:
            judged = docs.select(*P.DOC_COLUMNS).mapInArrow(partial(chain_batches, plan=heuristics), spark_ddl(SCHEMA))
            return judged.filter(F.col(P.DECISION) == "drop")

        low += sample(~F.col("source").isin(*p["high_sources"]), dropped)
    examples = [(i, True, t) for i, t in high] + [(i, False, t) for i, t in low]
    log.info("quality: training the fastText quality model on %d high and %d low examples", len(high), len(low))
    return quality_model.train(examples, local_path, quality_model.TrainSettings(seed=seed),
                               extra_meta={"high_sources": p["high_sources"], "low_sources": p["low_sources"],
                                           "low_from_filters": p["low_from_filters"]})


class QualityStage(DocStage):
    keep_score = KEEP_SCORE

    def prepare(self, ctx: StageContext, docs: Any) -> Prepared:
        setting = ctx.params["quality_model"]
        if not setting:
            return Prepared()
        meta, payload, publish = stage_model(ctx, setting, MODEL_FILE, partial(train_model, ctx))
        return Prepared(payload=payload, summary={"quality_model": meta}, publish=publish)

    @staticmethod
    def setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
        return model_override(payload, quality_model.STEP)

    @staticmethod
    def finish(doc: Doc, outcome: Outcome) -> None:
        doc.fields["quality_score"] = outcome.scores.get(KEEP_SCORE)
        doc.fields["scores"] = sorted((k, P.rounded_score(v)[0]) for k, v in outcome.scores.items())
        doc.fields["language"] = doc.annotations.get("language") or doc.fields.get("language")


STAGE = QualityStage("quality", 1, STEP, DEFAULT_CHAINS["quality"], ("quality_model",))
NAME, VERSION, KIND, run = STAGE.NAME, STAGE.VERSION, STAGE.KIND, STAGE.run
