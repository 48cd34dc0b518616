"""The one verdict shape every filter and transform returns.

A verdict always carries the measured score, also when the document is kept, so thresholds can be
changed and audited later without recomputing. Reason codes are ``<step>.<condition>`` with a
versioned step name (``normalize_v1.modified``); bump the version when behaviour changes so old
decision records keep their meaning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

Decision = Literal["keep", "drop", "modify", "flag", "quarantine"]

DECISIONS: Final[tuple[str, ...]] = ("keep", "drop", "modify", "flag", "quarantine")
#: Decisions whose document continues to the next stage.
PASSING: Final[tuple[str, ...]] = ("keep", "modify", "flag")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one step decided about one document, and why."""

    decision: Decision
    step: str
    reason: str | None = None
    score: float | None = None
    details: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise ValueError(f"unknown decision {self.decision!r}; allowed: {', '.join(DECISIONS)}")
        if (self.decision == "keep") != (self.reason is None):
            raise ValueError(f"a reason is required exactly when the decision is not keep: {self}")
        if self.reason is not None and not self.reason.startswith(self.step + "."):
            raise ValueError(f"reason {self.reason!r} must start with its step {self.step!r}")
