"""The decontamination block: a document holding items of the run's evaluation sets is dropped, or has
the overlapping spans cut out. The n-gram index is a run resource (built on the driver from the
manifest's evaluation sets, broadcast); the details name the sets, items and coverage, never item text."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from filters.blocks.base import Block, Doc, Judgement, drop, keep, modify
from filters.blocks.params import param
from filters.blocks.registry import register
from filters.decontam import STEP, NgramIndex, cut


@dataclass(frozen=True)
class DecontamParams:
    min_coverage: float = param(0.3, "share of an item's n-grams a document must contain to hit it", minimum=0.0,
                                maximum=1.0)
    min_hits: int = param(5, "and at least this many of them", minimum=1)
    action: str = param("drop", "drop a contaminated document, or cut the overlapping spans out",
                        choices=("drop", "cut"))
    min_chars_after_cut: int = param(50, "a cut document shorter than this is dropped", minimum=0)


@register
class Decontam(Block[DecontamParams]):
    """Evaluation-set items found in the document by character n-grams (``coverage``: the highest share of an
    item's n-grams found): the document is dropped, or the spans cut out. Needs the run's n-gram index
    (resource ``index``)."""

    name = STEP
    Params = DecontamParams

    def _scan(self, doc: Doc):  # type: ignore[no-untyped-def]
        index: NgramIndex | None = self.resources.get("index")
        return doc.memo(STEP, lambda: index.scan(doc.text, self.p.min_coverage, self.p.min_hits) if index
                        else ([], []))

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        """The batch first: documents that hold no indexed n-gram (nearly all) are settled in numpy, so
        the per-character scan runs only where an n-gram's key matched."""
        index: NgramIndex | None = self.resources.get("index")
        if index is not None and docs:
            for doc, maybe in zip(docs, index.may_hit([d.text for d in docs]), strict=True):
                if not maybe:
                    doc.memo(STEP, lambda: ([], []))
        return [self.score(d) for d in docs]

    def score(self, doc: Doc) -> dict[str, float]:
        hits, _ = self._scan(doc)
        return {"coverage": max((h.coverage for h in hits), default=0.0)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        hits, spans = self._scan(doc)
        if not hits:
            return keep("coverage")
        text = doc.text
        d: dict[str, object] = {
            "decontam.hits": json.dumps([{"set": h.eval_set, "item": h.item_id, "coverage": h.coverage}
                                         for h in hits], separators=(",", ":"), ensure_ascii=False),
            "decontam.sets": ",".join(sorted({h.eval_set for h in hits}))}
        if self.p.action == "cut":
            new = cut(text, spans)
            d["decontam.cut_chars"] = len(text) - len(new)
            if len(new) >= self.p.min_chars_after_cut:
                return modify("cut", "coverage", {"text": new}, details=d)
        return drop("contaminated", "coverage", details=d)
