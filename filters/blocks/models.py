"""Blocks that apply a trained fastText model: the quality score and the domain labels.

A model is an artifact with its metadata (``filters.quality_model``, ``filters.domain_model``); the
block holds its path (on a cluster, the executor's copy) and loads it once per process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from filters import domain_model as D
from filters import quality_model
from filters.blocks.base import Block, Doc, Judgement, flag, keep, threshold
from filters.blocks.params import NoParams, param
from filters.blocks.registry import register


@dataclass(frozen=True)
class QualityModelParams:
    model: str = param(help="path of a fastText quality model (.ftz, from `kocurate train quality` or the "
                            "run's quality stage)")
    min_quality_score: float = param(0.0, "drop below this model score (P(high quality))", minimum=0.0,
                                     maximum=1.0)


@register
class QualityModel(Block[QualityModelParams]):
    """P(high quality) from the project's fastText classifier, on the first characters of the text."""

    name = quality_model.STEP
    Params = QualityModelParams

    def score(self, doc: Doc) -> dict[str, float]:
        text = doc.text
        return {"score": quality_model.score(self.p.model, text) if text.strip() else 0.0}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        return threshold("score", "low_score" if scores["score"] < self.p.min_quality_score else None)


@dataclass(frozen=True)
class DomainParams:
    model: str = param(help="path of a fastText domain model (.ftz, from `kocurate train domain` or the run's "
                            "domains stage)")
    min_score: float = param(0.3, "below this for every label, the primary domain is 'other' "
                             "(benchmarks/domains.py)", minimum=0.0, maximum=1.0)
    flag_confidence: float = param(0.9, "flag a document whose predicted domain, at least this probable, is not "
                                   "its declared one (and the declared one is below min_score)", minimum=0.0,
                                   maximum=1.0)


@register
class Domain(Block[DomainParams]):
    """Labels a document with its primary domain, its probability and every label's probability (one
    fastText call per batch); a confident disagreement with the declared domain is flagged."""

    name = "domain_v1"
    Params = DomainParams

    def _model(self) -> D.DomainModel:
        return D.load(self.p.model, os.stat(self.p.model).st_mtime_ns)  # a replaced file is reloaded

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        return self._model().scores_many([d.text for d in docs])

    def score(self, doc: Doc) -> dict[str, float]:
        return self.score_many([doc])[0]

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        lab = D.decide(dict(scores), self.p.min_score)
        dec = doc.declared_domain
        changes = {"domain": lab.primary, "domain_score": lab.score, "domain_scores": sorted(lab.scores.items())}
        details = {"declared": dec, "predicted": lab.primary}
        disagrees = (lab.primary != dec and lab.score >= self.p.flag_confidence
                     and lab.scores.get(dec or "", 0.0) < self.p.min_score)
        score = lab.primary if lab.primary in scores else None
        if disagrees:
            return flag("disagrees_with_source", score, changes=changes, details=details)
        return keep(score, changes=changes, details=details)


@register
class DeclaredDomain(Block[NoParams]):
    """Every document keeps its source's declared domain, unscored: the domains stage's chain when no
    model can be trained (fewer than two labels have examples)."""

    name = "declared_domain_v1"

    def score(self, doc: Doc) -> dict[str, float]:
        return {}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        return keep(changes={"domain": doc.declared_domain})
