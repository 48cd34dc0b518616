"""The quality stage's default chain: boilerplate removal, then every Korean heuristic and datatrove filter.

Every block runs on every document (its scores are recorded even when an earlier block already
decided), so a threshold can be moved later and audited from the recorded scores alone. The decision
is the first failing block in chain order; a document that passes everything but lost boilerplate
lines is a modification. Thresholds and their evidence: docs/calibration.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from filters import quality_model
from filters.blocks.chain import Chain, block_values, build_chain
from filters.blocks.registry import get

STEP: Final = "quality_v1"  # the step of a document that passed every block
#: Today's chain, in decision order; a manifest's ``chain`` replaces it.
DEFAULT_CHAIN: Final = ("boilerplate_v1", "length_v1", "mojibake_v1", "language_v1", "jamo_emoticon_v1",
                        "symbol_ratio_v1", "digit_ratio_v1", "spam_ko_v1", "toxic_ko_v1", "gopher_quality_ko_v1",
                        "gopher_repetition_ko_v1", "c4_ko_v1", "fineweb_ko_v1")
KEEP_SCORE: Final = f"{quality_model.STEP}.score"


def quality_chain(flat: Mapping[str, Any] | None = None, chain: tuple[str, ...] = DEFAULT_CHAIN,
                  own: Mapping[str, Mapping[str, Any]] | None = None) -> Chain:
    """The chain with manifest-style values: flat keys (``min_chars = 10``) reach every block that has
    that parameter; ``own`` holds per-block tables. With ``quality_model`` in ``flat`` (a model path)
    the model block is appended, as the stage does."""
    flat = dict(flat or {})
    names = list(chain)
    if flat.get("quality_model") and quality_model.STEP not in names:
        names.append(quality_model.STEP)
        flat["model"] = flat.pop("quality_model")
    spec = [(n, block_values(get(n), flat, (own or {}).get(n))) for n in names]
    return build_chain(spec, STEP, KEEP_SCORE)
