"""Korean-specific document filters that none of the anchor pipelines has.

Each function takes the text (and shared statistics) and returns a ``Verdict`` with its measured
score. Thresholds are arguments (``min_*``/``max_*``); their defaults and the reasoning behind them are
in docs/calibration.md.
"""

from __future__ import annotations

import re
from typing import Final

from filters.korean_text import CharStats
from filters.lexicon import load_lexicon
from filters.verdict import Verdict

LENGTH: Final = "length_v1"
MOJIBAKE: Final = "mojibake_v1"
JAMO: Final = "jamo_emoticon_v1"
SYMBOLS: Final = "symbol_ratio_v1"
DIGITS: Final = "digit_ratio_v1"
SPAM: Final = "spam_ko_v1"
TOXIC: Final = "toxic_ko_v1"

#: Latin-1 supplement letters and symbols: CP949 or UTF-8 bytes decoded as Latin-1 (ÀÌ, Ã¬).
_LATIN1_SUPPLEMENT: Final = re.compile(r"[\u00a1-\u00ff]")
#: Runs of two or more laughter/crying jamo, emoji or text emoticons (^^, ;;, ㅠㅠ, ㅋㅋㅋ).
_JAMO_RUN: Final = re.compile("(?:[ㄱ-ㆎ]|[\U0001f000-\U0001faff\u2764\ufe0f]|\\^\\^|;;|:\\)|:\\(){2,}")


def length(text: str, stats: CharStats, min_chars: int, max_chars: int) -> Verdict:
    n = stats.chars
    return Verdict.judge(LENGTH, n, "too_short" if n < min_chars else "too_long" if n > max_chars else None)


def _non_ksx_class() -> re.Pattern[str]:
    # Python's EUC-KR codec writes syllables outside KS X 1001 as 8-byte jamo sequences: 2 bytes
    # means one of the 2,350.
    rare = [chr(c) for c in range(0xAC00, 0xD7A4) if len(chr(c).encode("euc-kr")) != 2]
    return re.compile("[" + "".join(rare) + "]")


#: Hangul syllables outside KS X 1001's 2,350 common ones.
_NON_KSX: Final = _non_ksx_class()


def _non_ksx_share(text: str, syllables: int) -> float:
    """Share of Hangul syllables outside KS X 1001's 2,350 common ones.

    UTF-8 bytes read as CP949 come out as rare syllables and Hanja (硫붿씠); ordinary Korean uses the
    2,350 common syllables for all but a fraction of a percent of its characters.
    """
    return len(_NON_KSX.findall(text)) / syllables if syllables else 0.0


def mojibake(text: str, stats: CharStats, max_replacement_ratio: float, max_latin1_ratio: float,
             max_rare_syllable_ratio: float) -> Verdict:
    """Broken encodings: U+FFFD replacement characters, Latin-1 mojibake, UTF-8 read as CP949."""
    chars = max(stats.chars, 1)
    repl = text.count("\ufffd") / chars
    if repl > max_replacement_ratio:
        return Verdict.judge(MOJIBAKE, repl, "replacement_chars")
    latin1 = len(_LATIN1_SUPPLEMENT.findall(text)) / max(stats.letters, 1)
    if latin1 > max_latin1_ratio:
        return Verdict.judge(MOJIBAKE, latin1, "latin1_mojibake")
    rare = _non_ksx_share(text, stats.hangul)
    if stats.hangul >= 20 and rare > max_rare_syllable_ratio:
        return Verdict.judge(MOJIBAKE, rare, "cp949_mojibake")
    return Verdict.judge(MOJIBAKE, max(repl, latin1, rare), None)


def jamo_emoticons(text: str, stats: CharStats, max_ratio: float) -> Verdict:
    """Characters in runs of jamo, emoji and emoticons, as a share of non-space characters."""
    in_runs = sum(len(m) for m in _JAMO_RUN.findall(text))
    ratio = in_runs / max(stats.chars, 1)
    return Verdict.judge(JAMO, ratio, "too_many" if ratio > max_ratio else None)


def symbols(stats: CharStats, max_ratio: float) -> Verdict:
    ratio = (stats.symbols - stats.emoji) / max(stats.chars, 1)
    return Verdict.judge(SYMBOLS, ratio, "too_many" if ratio > max_ratio else None)


def digits(stats: CharStats, max_ratio: float) -> Verdict:
    ratio = stats.digits / max(stats.chars, 1)
    return Verdict.judge(DIGITS, ratio, "too_many" if ratio > max_ratio else None)


def _density(lexicon: str, text: str, words: list[str]) -> tuple[float, int]:
    hits = load_lexicon(lexicon).hits(text)
    return hits / max(len(words), 1), hits


def spam(text: str, words: list[str], max_density: float, min_hits: int) -> Verdict:
    """Spam and ad compounds per eojeol. One mention in a news report is topic, not spam: a document
    is dropped only with at least ``min_hits`` occurrences *and* a density above ``max_density``."""
    density, hits = _density(SPAM, text, words)
    return Verdict.judge(SPAM, density, "spam_terms" if hits >= min_hits and density > max_density else None)


def toxic(text: str, words: list[str], max_density: float, min_hits: int) -> Verdict:
    density, hits = _density(TOXIC, text, words)
    return Verdict.judge(TOXIC, density, "adult_or_hate" if hits >= min_hits and density > max_density else None)
