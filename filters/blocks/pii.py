"""The PII block: Korean personal data found by Presidio and redacted, masked or dropped per policy.

It scans the title, the text, the URL's path and query (never its host) and every ``meta`` value (the
further record fields a source maps: an author, a contact or a reviewer field holds PII as often as the
text does). Its provenance details hold the entity types and counts and, per finding, the field
(``meta.<name>`` for a meta value), offsets, score, action, recognizer and a keyed hash under the
operator's key (a run resource, never a parameter), never a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from filters.blocks.base import Block, Doc, Judgement
from filters.blocks.params import ParamError, param
from filters.blocks.registry import register
from filters.pii_spec import ACTIONS, ENTITIES, MIN_SCORE, STEP, PiiPolicy

FIELDS = ("title", "text", "url")
META = "meta."


def scanned_fields(doc: Doc) -> dict[str, str | None]:
    """The fields the block scans, in order: title, text, url, then ``meta.<name>`` in name order."""
    out: dict[str, str | None] = {f: doc.fields.get(f) for f in FIELDS}
    out.update({META + k: v for k, v in sorted(doc.meta.items())})
    return out


def changed_fields(doc: Doc, after: Mapping[str, str | None]) -> dict[str, object]:
    """The document fields a scan changed; redacted meta values go back into the ``meta`` entries."""
    changes: dict[str, object] = {f: after[f] for f in FIELDS if after[f] != doc.fields.get(f)}
    meta = doc.fields.get("meta")
    if meta and any(after.get(META + k) != v for k, v in meta):
        changes["meta"] = [(k, after.get(META + k, v)) for k, v in meta]
    return changes


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
        return doc.memo(STEP, lambda: apply(scanned_fields(doc), self.policy(), key))

    def score(self, doc: Doc) -> dict[str, float]:
        return {"share": self._outcome(doc).score}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        o = self._outcome(doc)
        changes = changed_fields(doc, o.fields)
        condition = o.reason.split(".", 1)[1] if o.reason else None
        return Judgement(o.decision, condition, "share", changes=changes or None, details=o.details() or None)
