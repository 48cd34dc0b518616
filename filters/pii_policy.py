"""What the PII stage does with what ``filters.pii`` finds: redact, mask or drop, per entity type.

A document's fields (title, text, and the path and query of its URL, never its host: the URL
filter, per-host counts and ``takedown --url`` rely on the host) are scanned; each finding is
replaced by its typed placeholder (``redact``) or by ``*`` of the same length (``mask``). A document
is dropped instead when an entity whose action is ``drop`` is present (``pii_v2.drop_entity``), or
when PII is so dense that what is left after redaction would be a list of placeholders
(``pii_v2.density``: at least ``min_findings_for_density`` findings covering at least
``max_pii_share`` of the characters; a contact page with a phone and a business number is redacted
and kept, a leaked customer list is dropped). The outcome carries, per finding, the field, entity
type, character offsets in the field as it entered the stage, the score, the action, the recognizer
that found it (name, rule and version) and a keyed hash of the value; never the value.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from filters import pii
from filters.pii_spec import STEP, PiiPolicy


@dataclass(frozen=True)
class FieldFinding:
    field: str
    entity: str
    start: int
    end: int
    score: float
    action: str
    hash: str
    recognizer: str = ""

    def as_json(self) -> dict[str, object]:
        return {"field": self.field, "entity": self.entity, "start": self.start, "end": self.end,
                "score": round(self.score, 3), "action": self.action, "hash": self.hash,
                "recognizer": self.recognizer}


@dataclass
class PiiOutcome:
    #: The fields after redaction, also for a dropped document: the stage's dataset keeps every row.
    fields: dict[str, str | None]
    decision: str  # keep, modify or drop
    reason: str | None
    score: float  # share of the text's characters that were PII
    findings: list[FieldFinding] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.entity for f in self.findings).items()))

    def details(self) -> dict[str, object]:
        """Provenance details: counts per type and the findings as compact JSON (no values)."""
        if not self.findings:
            return {}
        return {"pii.count": len(self.findings),
                "pii.types": ",".join(f"{k}:{v}" for k, v in self.counts().items()),
                "pii.findings": json.dumps([f.as_json() for f in self.findings], separators=(",", ":"),
                                           ensure_ascii=True)}


_URL_HEAD = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")


def url_head(url: str) -> int:
    """Where a URL's path starts: the scheme and host (with user and port) before it are never scanned."""
    m = _URL_HEAD.match(url)
    return m.end() if m else 0


def apply(fields: dict[str, str | None], policy: PiiPolicy, key: bytes) -> PiiOutcome:
    """Scan ``fields`` (name -> value) in order and apply ``policy``; ``key`` is the HMAC key. A field
    named ``url`` is scanned from its path on."""
    out: dict[str, str | None] = {}
    found: list[FieldFinding] = []
    pii_chars = 0
    for name, value in fields.items():
        if not value:
            out[name] = value
            continue
        skip = url_head(value) if name == "url" else 0
        scanned = value[skip:]
        hits = pii.find(scanned, policy.min_score)
        modes = {h.entity: policy.action(h.entity) for h in hits}
        out[name] = value[:skip] + pii.redact(scanned, hits,
                                              {e: "mask" if a == "mask" else "redact" for e, a in modes.items()})
        for h in hits:
            found.append(FieldFinding(name, h.entity, h.start + skip, h.end + skip, h.score, modes[h.entity],
                                      pii.keyed_hash(key, h.entity, scanned[h.start:h.end]), h.recognizer))
            pii_chars += h.end - h.start
    total = sum(len(v) for v in fields.values() if v)
    share = pii_chars / total if total else 0.0
    if not found:
        return PiiOutcome(out, "keep", None, 0.0)
    if any(f.action == "drop" for f in found):
        return PiiOutcome(out, "drop", f"{STEP}.drop_entity", share, found)
    if len(found) >= policy.min_findings_for_density and share >= policy.max_pii_share:
        return PiiOutcome(out, "drop", f"{STEP}.density", share, found)
    return PiiOutcome(out, "modify", f"{STEP}.redacted", share, found)
