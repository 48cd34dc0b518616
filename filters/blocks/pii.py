"""The PII block: Korean personal data found by Presidio and redacted, masked or dropped per policy.

It scans the title, the text and the URL's path and query (never its host). Its provenance details
hold the entity types and counts and, per finding, the field, offsets, score, action, recognizer and a
keyed hash under the operator's key (a run resource, never a parameter), never a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from filters.blocks.base import Block, Doc, Judgement
from filters.blocks.params import ParamError, param
from filters.blocks.registry import register
from filters.pii_spec import ACTIONS, ENTITIES, MIN_SCORE, STEP, PiiPolicy

FIELDS = ("title", "text", "url")


@dataclass(frozen=True)
class PiiParams:
    policy: Mapping[str, str] = param((), "action per entity type (redact, mask or drop); unlisted types take "
                                      "default_action; see docs/pii.md for the types")
    default_action: str = param("redact", "action for entity types not in policy", choices=ACTIONS)
    min_score: float = param(MIN_SCORE, "findings scored below this (after Korean context) are ignored",
                             minimum=0.0, maximum=1.0)
    max_pii_share: float = param(0.25, "drop a document when PII covers this share of its characters (with at "
                                 "least min_findings_for_density findings)", minimum=0.0, maximum=1.0)
    min_findings_for_density: int = param(5, "findings needed before the density rule applies", minimum=1)

    def __post_init__(self) -> None:
        for entity, action in dict(self.policy).items():
            if entity not in ENTITIES:
                raise ParamError(f"policy.{entity}", f"unknown entity type; allowed: {', '.join(ENTITIES)}")
            if action not in ACTIONS:
                raise ParamError(f"policy.{entity}", f"invalid action {action!r}; allowed: {', '.join(ACTIONS)}")


@register
class Pii(Block[PiiParams]):
    """Korean personal data (Presidio with the project's recognizers) redacted to typed placeholders, masked
    or dropped, per entity type; score: the share of characters that were PII (``share``). Needs the
    run's key (resource ``pii_key``) for the findings' keyed hashes."""

    name = STEP

    Params = PiiParams

    def policy(self) -> PiiPolicy:
        p = self.p
        return PiiPolicy(actions=tuple(sorted(dict(p.policy).items())), default_action=p.default_action,
                         min_score=p.min_score, max_pii_share=p.max_pii_share,
                         min_findings_for_density=p.min_findings_for_density)

    def _outcome(self, doc: Doc):  # type: ignore[no-untyped-def]
        from filters.pii_policy import apply  # loads Presidio: only where documents are scanned

        key: bytes = self.resources["pii_key"]
        return doc.memo(STEP, lambda: apply({f: doc.fields.get(f) for f in FIELDS}, self.policy(), key))

    def score(self, doc: Doc) -> dict[str, float]:
        return {"share": self._outcome(doc).score}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        o = self._outcome(doc)
        changes = {f: v for f, v in o.fields.items() if v != doc.fields.get(f)}
        condition = o.reason.split(".", 1)[1] if o.reason else None
        return Judgement(o.decision, condition, "share", changes=changes or None, details=o.details() or None)
