"""One Kiwi per process, shared by every module that reads Korean morphemes.

Kiwi's ``cong`` model ships in the pinned kiwipiepy-model wheel (nothing is downloaded); a loaded Kiwi holds about
400 MB, so the fuzzy-dedup shingles, the tokenizer's sample and the PII name model use this one instance instead of
one each.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

#: datatrove's default ``sbg`` is no longer shipped by kiwipiepy-model (../shared/PLATFORM_NOTES.md).
KIWI_MODEL: Final = "cong"


@cache
def kiwi() -> Any:
    """The process's Kiwi, loaded on first use (about 1.2 s)."""
    from kiwipiepy import Kiwi

    return Kiwi(model_type=KIWI_MODEL)
