"""One Kiwi per process, shared by every module that reads Korean morphemes.

Kiwi's ``cong`` model ships in the pinned kiwipiepy-model wheel (nothing is downloaded); a loaded Kiwi holds about
490 MB, so the fuzzy-dedup shingles, the tokenizer's sample and its evaluation use this one instance instead of one
each; the PII name model takes one without the multi-word dictionary (below).
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

#: datatrove's default ``sbg`` is no longer shipped by kiwipiepy-model (../shared/PLATFORM_NOTES.md).
KIWI_MODEL: Final = "cong"


def kiwi(multi_words: bool = True) -> Any:
    """The process's Kiwi, loaded on first use. Without its dictionary of multi-word expressions (``multi_words=False``:
    the PII name model, which reads one word at a time) it loads in 1.1 s instead of 4.4 and holds 300 MB instead of
    490."""
    return _loaded(multi_words)


@cache
def _loaded(multi_words: bool) -> Any:
    # (keyed by the flag alone: a cache on ``kiwi`` itself keys ``kiwi()`` and ``kiwi(multi_words=True)`` apart, two
    # instances of the same model)
    from kiwipiepy import Kiwi

    return Kiwi(model_type=KIWI_MODEL, load_multi_dict=multi_words)
