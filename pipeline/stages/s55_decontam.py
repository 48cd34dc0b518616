"""Decontamination: documents that contain items of the manifest's evaluation sets are dropped, or
have the overlapping spans cut out.

The evaluation sets are read on the driver (``pipeline.eval_sets``) and indexed as character n-grams
(``filters.decontam``); the index (a few tens of megabytes for tens of thousands of items) is
broadcast, and the ``decontam_v1`` block scans the documents over Arrow batches. Every decision names
the evaluation sets and item ids it hit, with the coverage (never the item text), so an auditor can
list contamination per benchmark.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from filters.decontam import STEP, NgramIndex
from pipeline.chains import DEFAULT_CHAINS
from pipeline.doc_stage import DocStage, Prepared
from pipeline.eval_sets import load_items
from pipeline.stage import StageContext

log = logging.getLogger(__name__)


class DecontamStage(DocStage):
    def prepare(self, ctx: StageContext, docs: Any) -> Prepared:
        p = ctx.params
        items = [it for spec in p["eval_sets"] for it in load_items(spec)]
        summary: dict[str, Any] = {}
        if not items:
            summary["report"] = ["decontam: no evaluation sets in the manifest; every document kept"]
            return Prepared(summary=summary)
        index = NgramIndex(items, n=p["ngram"], max_items_per_gram=p["max_items_per_gram"])
        summary["eval_sets"] = {name: {"items": n} for name, n in index.per_set().items()}
        summary["indexed_ngrams"] = len(index.grams)
        log.info("decontam: %d items of %d evaluation sets, %d character %d-grams indexed (%d template n-grams "
                 "left out)", len(items), len(p["eval_sets"]), len(index.grams), p["ngram"], index.dropped_grams)
        return Prepared(payload=ctx.spark.sparkContext.broadcast(index), summary=summary)

    @staticmethod
    def setup(payload: Any) -> tuple[Mapping[str, Any], Mapping[str, Mapping[str, Any]]]:
        return {"index": payload.value if payload is not None else None}, {}


STAGE = DecontamStage("decontam", 1, STEP, DEFAULT_CHAINS["decontam"], ("eval_sets", "ngram", "max_items_per_gram"))
NAME, VERSION, KIND, run = STAGE.NAME, STAGE.VERSION, STAGE.KIND, STAGE.run
