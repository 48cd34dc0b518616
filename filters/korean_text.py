"""Character and word statistics of Korean text that several filters share.

Counting is done with compiled regexes (``findall`` runs in C), so a document is scanned a handful of
times instead of once per character in Python. Eojeol (whitespace-separated words) are the cheap
word unit; Kiwi morphemes are the optional, slower one (``filters.words``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np

from filters.text_batch import chunks, regex_table

HANGUL_SYLLABLES: Final = re.compile(r"[가-힣]")
LETTERS: Final = re.compile(r"[^\W\d_]")
DIGITS: Final = re.compile(r"\d")
SPACE: Final = re.compile(r"\s")
#: Emoji and pictographs (the astral blocks and the heart); ★, ♣ and ☎ are symbols, not emoji.
EMOJI: Final = re.compile("[\U0001f000-\U0001faff\u2764\ufe0f]")
#: Punctuation that ordinary Korean prose uses; everything else that is not a letter, digit or space
#: counts as a symbol.
PROSE_PUNCT: Final = re.compile(r"""[.,!?'"()\[\]<>:;\-~·…‘’“”「」『』《》〈〉%/]""")
_FENCE: Final = re.compile(r"^```.*?^```[^\n]*$", re.M | re.S)
# One match per whitespace word that contains a Hangul letter / any letter (the greedy \S* on both
# sides makes each match the whole word).
_HANGUL: Final = "[가-힣ㄱ-ㆎ]"
_LETTER: Final = r"[^\W\d_]"
_HANGUL_WORD: Final = re.compile(rf"\S*{_HANGUL}\S*")
_LETTER_WORD: Final = re.compile(rf"\S*{_LETTER}\S*")


@dataclass(frozen=True, slots=True)
class CharStats:
    chars: int  # characters that are not whitespace
    hangul: int  # syllables
    letters: int  # every letter of every script (Hangul and jamo included)
    digits: int
    emoji: int
    prose_punct: int

    @property
    def symbols(self) -> int:
        return max(0, self.chars - self.letters - self.digits - self.prose_punct)


def char_stats(text: str) -> CharStats:
    return CharStats(
        chars=len(text) - len(SPACE.findall(text)),
        hangul=len(HANGUL_SYLLABLES.findall(text)),
        letters=len(LETTERS.findall(text)),
        digits=len(DIGITS.findall(text)),
        emoji=len(EMOJI.findall(text)),
        prose_punct=len(PROSE_PUNCT.findall(text)),
    )


def char_stats_many(texts: Sequence[str]) -> list[CharStats]:
    """``char_stats`` of every text, counted over the whole batch at once (``filters.text_batch``): the
    same regex classes as lookup tables over code points."""
    codes, members = _class_codes()
    out: list[CharStats] = []
    for part, lay in chunks(texts):
        if lay is None:
            out += [char_stats(t) for t in part]
            continue
        # one count per document and combination of classes, then each class's sum over its combinations
        per_code = np.bincount(lay.doc * len(members) + codes[lay.cp], minlength=lay.n_docs * len(members))
        space, *counts = (per_code.reshape(lay.n_docs, len(members)) @ members).T
        chars = lay.lens - space
        out += [CharStats(*(int(x) for x in row)) for row in zip(chars, *counts, strict=True)]
    return out


@cache
def _class_codes() -> tuple[np.ndarray, np.ndarray]:
    """Per code point, which of ``char_stats``'s six classes take it, as the bits of one small number; and
    per number, its classes (a 64 x 6 matrix of 0 and 1)."""
    classes = [regex_table(p.pattern) for p in (SPACE, HANGUL_SYLLABLES, LETTERS, DIGITS, EMOJI, PROSE_PUNCT)]
    codes = np.zeros(len(classes[0]), np.uint8)
    for bit, table in enumerate(classes):
        codes |= table.astype(np.uint8) << bit
    combos = np.arange(1 << len(classes))
    return codes, ((combos[:, None] >> np.arange(len(classes))) & 1).astype(np.int64)


def word_counts(texts: Sequence[str]) -> list[int]:
    """``len(text.split())`` of every text, from the batch's layout: its words are the runs of characters that
    are not ``str.isspace``, the whitespace ``str.split`` splits at."""
    out: list[int] = []
    for part, lay in chunks(texts):
        out += lay.n_words.tolist() if lay is not None else [len(t.split()) for t in part]
    return out


def without_code(text: str) -> str:
    """Text with fenced code blocks removed: code is not evidence of a document's language."""
    return _FENCE.sub("", text) if "```" in text else text


def hangul_token_share(text: str) -> tuple[float, int]:
    """Share of the eojeol that carry letters in which Hangul appears, and the number of such eojeol.

    Counting words rather than characters keeps a Korean sentence with English terms (one Latin word
    is five letters but one word) and mixed-script prose (國家는: a Hanja word with a Hangul particle)
    on the Korean side.
    """
    n_words = len(_LETTER_WORD.findall(text))  # eojeol with a letter of any script
    if not n_words:
        return 0.0, 0
    return len(_HANGUL_WORD.findall(text)) / n_words, n_words


def hangul_token_shares(texts: Sequence[str]) -> list[tuple[float, int]]:
    """``hangul_token_share`` of every text, counted over the whole batch at once.

    The two patterns cost a word's length squared where the word lacks their class (the match is tried
    again from each of its characters: a long URL or a run of Latin letters without Hangul); here a word is
    one of the layout's whitespace runs (``str.isspace``, the class ``\\S`` excludes) and counts when any of
    its characters is in the class.
    """
    hangul, letter = regex_table(_HANGUL), regex_table(_LETTER)
    out: list[tuple[float, int]] = []
    for part, lay in chunks(texts):
        if lay is None or not len(lay.w_start):
            out += [hangul_token_share(t) for t in part]
            continue
        counts = [np.bincount(lay.w_doc[np.logical_or.reduceat(table[lay.cp], lay.w_start)],
                              minlength=lay.n_docs).tolist() for table in (hangul, letter)]
        out += [(h / n, n) if n else (0.0, 0) for h, n in zip(*counts, strict=True)]
    return out
