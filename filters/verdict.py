"""The decision vocabulary shared by every stage (a block's judgement: ``filters.blocks.base``).

Reason codes are ``<step>.<condition>`` with a versioned step name (``normalize_v1.modified``); bump
the version when behaviour changes so old decision records keep their meaning.
"""

from __future__ import annotations

from typing import Final, Literal

Decision = Literal["keep", "drop", "modify", "flag", "quarantine"]

DECISIONS: Final[tuple[str, ...]] = ("keep", "drop", "modify", "flag", "quarantine")
#: Decisions whose document continues to the next stage.
PASSING: Final[tuple[str, ...]] = ("keep", "modify", "flag")
