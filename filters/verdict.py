"""The decision vocabulary shared by every stage, and the verdict every filter returns.

Reason codes are ``<step>.<condition>`` with a versioned step name (``normalize_v1.modified``); bump
the version when behaviour changes so old decision records keep their meaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Decision = Literal["keep", "drop", "modify", "flag", "quarantine"]

DECISIONS: Final[tuple[str, ...]] = ("keep", "drop", "modify", "flag", "quarantine")
#: Decisions whose document continues to the next stage.
PASSING: Final[tuple[str, ...]] = ("keep", "modify", "flag")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one filter measured and decided about one document.

    ``score`` is always the measured value (also when the document is kept), so a threshold can be
    moved and audited later without recomputing; ``reason`` is ``None`` exactly when ``keep``.
    """

    step: str
    keep: bool
    score: float
    reason: str | None = None

    @classmethod
    def judge(cls, step: str, score: float, failed: str | None) -> Verdict:
        """Keep when ``failed`` is None, else drop with ``<step>.<failed>``."""
        return cls(step, failed is None, float(score), None if failed is None else f"{step}.{failed}")
