"""Passes: the manifest's stages grouped into the Spark passes that run them.

Ingest and the per-document stages right after it are one pass; so is every other run of consecutive
per-document stages (``KIND = "document"``). A dedup stage (``identify``) and a global stage (export,
tokenizer, tokens) is a pass of its own. With the default order that is ``ingest-normalize``,
``exact_dedup``, ``quality``, ``fuzzy_dedup``, ``pii-decontam-domains``, ``export``, ``tokenizer`` and
``tokens``: three datasets under ``work/`` hold the text, where one per stage did (eight).

A fused pass is one ``mapInArrow``: the lead stage's function (ingest's reader, or the first stage's
chain), then each following stage's chain on the documents the stage before it passed on, in the same
Python worker, batch by batch. A following stage that fits a model on its input (quality, domains)
samples that input from the pass's earlier stages, computed on demand (``StageContext.upstream``);
the model is fitted before the pass runs, as when each stage read its predecessor's dataset, so the
outputs are the same.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from filters.verdict import PASSING
from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.doc_stage import pass_batches, pass_schema
from pipeline.stage import PassStage, StageContext, StageRecord, StageResult, commit
from pipeline.stages import REGISTRY

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

#: What a stage module's ``KIND`` says: ``source`` (ingest: reads the input files), ``document`` (a chain
#: of blocks per document: fused with the stages around it), ``identify`` (dedup: writes decisions, the
#: next pass applies them), ``global`` (export, tokenizer, tokens: their own pass).
KINDS = ("source", "document", "identify", "global")
_FUSED_AFTER = ("source", "document")


def _same(docs: DataFrame) -> DataFrame:
    return docs


def plan_passes(stages: Sequence[str]) -> list[tuple[str, ...]]:
    """The manifest's stages, in order, grouped into passes."""
    passes: list[list[str]] = []
    for stage in stages:
        assert REGISTRY[stage].KIND in KINDS, f"stage {stage}: unknown KIND {REGISTRY[stage].KIND!r}"
        if REGISTRY[stage].KIND == "document" and passes and REGISTRY[passes[-1][-1]].KIND in _FUSED_AFTER:
            passes[-1].append(stage)
        else:
            passes.append([stage])
    return [tuple(p) for p in passes]


def pass_name(stages: Sequence[str]) -> str:
    return "-".join(stages)


def _decision_columns(result: StageResult) -> list[str]:
    cols = [P.DECISION, P.STEP, P.REASON, P.SCORE, P.DUP_OF, P.DETAILS, P.N_BYTES]
    return cols + ([P.MESSAGE, P.RAW, P.RAW_SIZE] if result.quarantines else [])


def run_pass(ctxs: Sequence[StageContext], fingerprints: Sequence[str], started: float) -> list[StageRecord]:
    """Run one pass and commit it; returns its stages' records."""
    stages = [c.stage for c in ctxs]
    name = pass_name(stages)
    kind = REGISTRY[stages[0]].KIND
    lead_ctx = ctxs[0]
    mark = time.monotonic()
    lead = REGISTRY[stages[0]].run(lead_ctx)
    prepared = [round(time.monotonic() - mark, 3)]
    if len(ctxs) == 1:
        data = None if lead.separate_output else lead.combined.select(*lead.output_columns, *_decision_columns(lead))
        return commit(name, [PassStage(lead_ctx, lead, fingerprints[0], prepare_seconds=prepared[0])], data,
                      lead.output_uri, kind, started)

    assert lead.map_input is not None and lead.map_fn is not None, f"{stages[0]} cannot lead a pass"
    map_input, lead_fn = lead.map_input, lead.map_fn
    followers: list[tuple[str, object]] = []
    results = [lead]

    def through(members: tuple[tuple[str, object], ...], last: str, docs: DataFrame) -> DataFrame:
        """The documents the pass's stages so far pass on, computed from ``docs`` (the pass input or a
        share of it)."""
        from pyspark.sql import functions as F

        fn = partial(pass_batches, lead=stages[0], lead_fn=lead_fn, followers=members)
        schema = pass_schema([stages[0], *(m for m, _ in members)])
        return (docs.mapInArrow(fn, spark_ddl(schema))
                .filter(F.col(f"_{last}{P.DECISION}").isin(*PASSING)).select(*P.DOC_COLUMNS))

    for ctx in ctxs[1:]:
        step = partial(through, tuple(followers), stages[len(followers)])
        # A pass led by ingest has no documents to take a share of before it runs: a fit of a stage in
        # it (none by default) samples the whole of the earlier stages' output.
        ctx.upstream = (map_input, step) if kind == "document" else (step(map_input), _same)
        mark = time.monotonic()
        result = REGISTRY[ctx.stage].run(ctx)
        prepared.append(round(time.monotonic() - mark, 3))
        assert result.chain_plan is not None, f"{ctx.stage} is not a per-document stage"
        followers.append((ctx.stage, result.chain_plan))
        results.append(result)
    fn = partial(pass_batches, lead=stages[0], lead_fn=lead_fn, followers=tuple(followers))
    data = map_input.mapInArrow(fn, spark_ddl(pass_schema(stages)))
    members = [PassStage(c, r, fp, prefix=f"_{c.stage}", prepare_seconds=s)
               for c, r, fp, s in zip(ctxs, results, fingerprints, prepared, strict=True)]
    return commit(name, members, data, lead_ctx.path("work", name), "document", started)
