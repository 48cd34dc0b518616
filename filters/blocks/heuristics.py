"""The Korean heuristic filters none of the anchor pipelines has, as blocks: one score per rule.

Thresholds and the evidence behind them: docs/calibration.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from filters.blocks.base import Block, Doc, Judgement, keep, threshold
from filters.blocks.params import param
from filters.blocks.registry import register
from filters.korean_text import CharStats, char_stats, char_stats_many, word_counts
from filters.lexicon import load_lexicon
from filters.regex_scan import Scanned

#: Latin-1 supplement letters and symbols: CP949 or UTF-8 bytes decoded as Latin-1 (ÀÌ, Ã¬).
_LATIN1_SUPPLEMENT: Final = re.compile(r"[\u00a1-\u00ff]")
#: Runs of two or more laughter/crying jamo, emoji or text emoticons (^^, ;;, ㅠㅠ, ㅋㅋㅋ).
_JAMO_RUN: Final = re.compile("(?:[ㄱ-ㆎ]|[\U0001f000-\U0001faff\u2764\ufe0f]|\\^\\^|;;|:\\)|:\\(){2,}")
#: Searched from the characters a run starts with (``filters.regex_scan``): ``re`` sees no first-character set in
#: a repeated group and would try it at every character (6x the time on the corpora, issue 20).
_JAMO_SCAN: Final = Scanned(_JAMO_RUN)


def _non_ksx_class() -> re.Pattern[str]:
    # Python's EUC-KR codec writes syllables outside KS X 1001 as 8-byte jamo sequences: 2 bytes
    # means one of the 2,350.
    rare = [chr(c) for c in range(0xAC00, 0xD7A4) if len(chr(c).encode("euc-kr")) != 2]
    return re.compile("[" + "".join(rare) + "]")


#: Hangul syllables outside KS X 1001's 2,350 common ones: UTF-8 bytes read as CP949 come out as rare
#: syllables and Hanja (硫붿씠); ordinary Korean uses the common ones for all but a fraction of a percent.
_NON_KSX: Final = _non_ksx_class()


P = TypeVar("P")


def stats(doc: Doc) -> CharStats:
    return doc.memo("char_stats", lambda: char_stats(doc.text))


class _CharStatsBlock(Block[P]):
    """A block that reads ``stats``: the first of them in a chain counts the whole batch at once."""

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        todo = [d for d in docs if not d.memoized("char_stats")]
        for d, s in zip(todo, char_stats_many([d.text for d in todo]), strict=True):
            d.memo("char_stats", lambda s=s: s)
        return [self.score(d) for d in docs]


def n_eojeol(doc: Doc) -> int:
    return doc.memo("n_eojeol", lambda: len(doc.text.split()))


@dataclass(frozen=True)
class LengthParams:
    min_chars: int = param(20, "drop documents with fewer non-space characters", minimum=0)
    max_chars: int = param(1_000_000, "drop documents with more non-space characters", minimum=1)


@register
class Length(_CharStatsBlock[LengthParams]):
    """Non-space characters (``chars``): too short or too long."""

    name = "length_v1"
    Params = LengthParams

    def score(self, doc: Doc) -> dict[str, float]:
        return {"chars": float(stats(doc).chars)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        n = scores["chars"]
        return threshold("chars", "too_short" if n < self.p.min_chars else "too_long" if n > self.p.max_chars
                         else None)


@dataclass(frozen=True)
class MojibakeParams:
    max_replacement_ratio: float = param(0.002, "U+FFFD per character", minimum=0.0)
    max_latin1_ratio: float = param(0.1, "Latin-1 supplement letters per letter (mojibake)", minimum=0.0)
    max_rare_syllable_ratio: float = param(0.05, "Hangul syllables outside KS X 1001 (UTF-8 read as CP949), "
                                           "tested on documents of 20 syllables or more", minimum=0.0)


@register
class Mojibake(_CharStatsBlock[MojibakeParams]):
    """Broken encodings, one statistic per rule: U+FFFD per character (``replacement_ratio``), Latin-1
    letters per letter (``latin1_ratio``), syllables outside KS X 1001 (``rare_syllable_ratio``: UTF-8
    read as CP949)."""

    name = "mojibake_v1"
    Params = MojibakeParams

    def score(self, doc: Doc) -> dict[str, float]:
        s, text = stats(doc), doc.text
        return {"replacement_ratio": text.count("\ufffd") / max(s.chars, 1),
                "latin1_ratio": len(_LATIN1_SUPPLEMENT.findall(text)) / max(s.letters, 1),
                "rare_syllable_ratio": len(_NON_KSX.findall(text)) / s.hangul if s.hangul else 0.0}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        p = self.p
        if scores["replacement_ratio"] > p.max_replacement_ratio:
            return threshold("replacement_ratio", "replacement_chars")
        if scores["latin1_ratio"] > p.max_latin1_ratio:
            return threshold("latin1_ratio", "latin1_mojibake")
        if stats(doc).hangul >= 20 and scores["rare_syllable_ratio"] > p.max_rare_syllable_ratio:
            return threshold("rare_syllable_ratio", "cp949_mojibake")
        return keep("replacement_ratio")


@dataclass(frozen=True)
class JamoParams:
    max_jamo_emoticon_ratio: float = param(0.25, "characters in runs of jamo, emoji and emoticons", minimum=0.0)


@register
class JamoEmoticons(_CharStatsBlock[JamoParams]):
    """Characters in runs of jamo, emoji and emoticons (ㅋㅋㅋ, ㅠㅠ, ^^), as a share of non-space ones
    (``ratio``)."""

    name = "jamo_emoticon_v1"
    Params = JamoParams

    def score(self, doc: Doc) -> dict[str, float]:
        return {"ratio": sum(m.end() - m.start() for m in _JAMO_SCAN.finditer(doc.text)) / max(stats(doc).chars, 1)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        return threshold("ratio", "too_many" if scores["ratio"] > self.p.max_jamo_emoticon_ratio else None)


@dataclass(frozen=True)
class SymbolParams:
    max_symbol_ratio: float = param(0.2, "symbols per non-space character", minimum=0.0)


@register
class Symbols(_CharStatsBlock[SymbolParams]):
    """Symbols other than emoji per non-space character (``ratio``)."""

    name = "symbol_ratio_v1"
    Params = SymbolParams

    def score(self, doc: Doc) -> dict[str, float]:
        s = stats(doc)
        return {"ratio": (s.symbols - s.emoji) / max(s.chars, 1)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        return threshold("ratio", "too_many" if scores["ratio"] > self.p.max_symbol_ratio else None)


@dataclass(frozen=True)
class DigitParams:
    max_digit_ratio: float = param(0.35, "digits per non-space character", minimum=0.0)


@register
class Digits(_CharStatsBlock[DigitParams]):
    """Digits per non-space character (``ratio``): order lists, tables of numbers."""

    name = "digit_ratio_v1"
    Params = DigitParams

    def score(self, doc: Doc) -> dict[str, float]:
        s = stats(doc)
        return {"ratio": s.digits / max(s.chars, 1)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        return threshold("ratio", "too_many" if scores["ratio"] > self.p.max_digit_ratio else None)


class _LexiconDensity(Block):
    """Lexicon hits per eojeol. One mention in a news report is topic, not spam: a document is dropped
    only with at least ``min_hits`` occurrences *and* a density above the maximum."""

    condition = ""
    lexicon = ""  # the word list, under filters/lexicons/

    def limits(self) -> tuple[float, int]:
        raise NotImplementedError

    def score(self, doc: Doc) -> dict[str, float]:
        hits = load_lexicon(self.lexicon).hits(doc.text)
        return {"density": hits / max(n_eojeol(doc), 1), "hits": float(hits)}

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        """The eojeol are counted for the batch at once, from the layout the chain's other blocks share,
        not split into a list per document."""
        todo = [d for d in docs if not d.memoized("n_eojeol")]
        for d, n in zip(todo, word_counts([d.text for d in todo]), strict=True):
            d.memo("n_eojeol", lambda n=n: n)
        return [self.score(d) for d in docs]

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        max_density, min_hits = self.limits()
        fired = scores["hits"] >= min_hits and scores["density"] > max_density
        return threshold("density", self.condition if fired else None)


@dataclass(frozen=True)
class SpamParams:
    max_spam_density: float = param(0.04, "spam lexicon hits per eojeol", minimum=0.0)
    min_spam_hits: int = param(2, "spam needs at least this many hits", minimum=1)


@register
class Spam(_LexiconDensity):
    """Korean spam and ad terms (gambling, adult services, loans) per eojeol (``density``), with their count
    (``hits``): dropped only with at least ``min_spam_hits`` hits and a density above the maximum."""

    name = "spam_ko_v1"
    Params = SpamParams
    condition = "spam_terms"
    lexicon = "spam_ko_v1"

    def limits(self) -> tuple[float, int]:
        return self.p.max_spam_density, self.p.min_spam_hits


@dataclass(frozen=True)
class ToxicParams:
    max_toxic_density: float = param(0.03, "adult/hate lexicon hits per eojeol", minimum=0.0)
    min_toxic_hits: int = param(2, "toxicity needs at least this many hits", minimum=1)


@register
class Toxic(_LexiconDensity):
    """Adult and hate terms per eojeol (``density``) and their count (``hits``), as ``spam_ko_v1``."""

    name = "toxic_ko_v1"
    Params = ToxicParams
    condition = "adult_or_hate"
    lexicon = "toxic_ko_v1"

    def limits(self) -> tuple[float, int]:
        return self.p.max_toxic_density, self.p.min_toxic_hits
