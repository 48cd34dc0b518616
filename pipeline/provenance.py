"""The one provenance record format, and the decision columns every stage emits.

A stage produces a single DataFrame: the document columns plus the decision columns below (prefixed
with ``_``). ``pipeline.stage.commit`` turns that one DataFrame into the stage's output, its
provenance records and its quarantine records, the same way for every stage.
"""

from __future__ import annotations

import math
from typing import Final

import pyarrow as pa

PROVENANCE_VERSION: Final = 1
SCHEMA_VERSION: Final = 3  # curated docs/ schema, see docs/schema.md (2: meta; 3: language)

# Decision columns a stage DataFrame carries beside the document columns.
DECISION = "_decision"
STEP = "_step"
REASON = "_reason"
SCORE = "_score"
DUP_OF = "_dup_of"
DETAILS = "_details"
N_BYTES = "_n_bytes"  # UTF-8 bytes of the document as it entered the stage
MESSAGE = "_message"  # quarantine only: what was wrong, for a person
RAW = "_raw"  # quarantine only: the raw input bytes (truncated)
RAW_SIZE = "_raw_size"

DECISION_FIELDS: Final = [
    pa.field(DECISION, pa.string()),
    pa.field(STEP, pa.string()),
    pa.field(REASON, pa.string()),
    pa.field(SCORE, pa.float64()),
    pa.field(DUP_OF, pa.string()),
    pa.field(DETAILS, pa.map_(pa.string(), pa.string())),
    pa.field(N_BYTES, pa.int64()),
]
QUARANTINE_FIELDS: Final = [
    pa.field(MESSAGE, pa.string()),
    pa.field(RAW, pa.binary()),
    pa.field(RAW_SIZE, pa.int64()),
]

#: Document columns every stage carries from ingest to export.
DOC_FIELDS: Final = [
    pa.field("doc_id", pa.string()),
    pa.field("source", pa.string()),
    pa.field("source_record_id", pa.string()),
    pa.field("domain", pa.string()),
    pa.field("licence", pa.string()),
    pa.field("priority", pa.int32()),
    pa.field("locator", pa.string()),
    pa.field("title", pa.string()),
    pa.field("url", pa.string()),
    pa.field("date", pa.string()),
    pa.field("text", pa.string()),
    # SHA-256 of `text` as normalized; set by normalize, kept equal to sha256(text) by every stage that
    # changes text (an invariant checks it). Exact dedup reads it instead of rereading the text.
    pa.field("text_sha256", pa.string()),
    # Set by the quality stage: the quality model's score (None without a model) and every filter's
    # measured score by step name, kept on kept documents so thresholds can be moved and audited later.
    pa.field("quality_score", pa.float64()),
    pa.field("scores", pa.map_(pa.string(), pa.float64())),
    # Set by fuzzy dedup: documents in this document's near-duplicate cluster (1 when it has none),
    # so a mixing step can upsample by cluster size.
    pa.field("dup_cluster_size", pa.int32()),
    # The source's declared domain, set at ingest; `domain` starts equal to it and the domains stage
    # replaces it with the predicted primary domain, its probability and every label's probability.
    pa.field("declared_domain", pa.string()),
    pa.field("domain_score", pa.float64()),
    pa.field("domain_scores", pa.map_(pa.string(), pa.float64())),
    # Further fields of the input record the source manifest maps (``[source.fields.meta]``), as
    # strings (a nested value as compact JSON); blocks read them as ``doc.meta``.
    pa.field("meta", pa.map_(pa.string(), pa.string())),
    # The main language: the source's declared one (``code`` for source code) from ingest, replaced by
    # what the quality chain's language block finds; the tokenizer's language shares count by it.
    pa.field("language", pa.string()),
]
DOC_COLUMNS: Final = [f.name for f in DOC_FIELDS]


def details_entries(details: dict[str, object]) -> list[tuple[str, str]]:
    """A details dict as sorted map entries for Arrow (sorted, so runs are byte-identical)."""
    return [(k, v if isinstance(v, str) else repr(v) if isinstance(v, float) else str(v))
            for k, v in sorted(details.items()) if v is not None]


_ROUNDED: dict[float, tuple[float, str]] = {}
_ROUNDED_MAX = 1 << 16
_ZEROS = {1.0: (0.0, "0.0"), -1.0: (-0.0, "-0.0")}


def rounded_score(v: float) -> tuple[float, str]:
    """A score as provenance records it: rounded to 6 places, and that as the details map's text
    (``repr``, as ``details_entries`` writes a float). Remembered per value: a chain's statistics take few
    distinct values (2,764 among 812,159 on 40,000 reviews), and rounding is most of the cost of a
    document's details."""
    if type(v) is not float:
        r = round(v, 6)
        return r, repr(r) if isinstance(r, float) else str(r)
    if v == 0.0:
        return _ZEROS[math.copysign(1.0, v)]  # 0.0 and -0.0 are one key of a dict, but two texts
    got = _ROUNDED.get(v)
    if got is None:
        if len(_ROUNDED) >= _ROUNDED_MAX:
            _ROUNDED.clear()
        r = round(v, 6)
        got = _ROUNDED[v] = (r, repr(r))
    return got
