"""The quality stage's filter chain: boilerplate removal, then every filter, one decision.

Every filter runs on every document (its score is recorded even when an earlier filter already
decided), so a threshold can be moved later and audited from the recorded scores alone. The decision
is the first failing filter in ``ORDER``; a document that passes everything but lost boilerplate lines
is a modification.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from filters import heuristics_ko as H
from filters import quality_model
from filters.boilerplate import STEP as BOILERPLATE
from filters.boilerplate import strip_boilerplate
from filters.datatrove_ko import DatatroveFilters, DatatroveParams
from filters.korean_text import char_stats
from filters.language import STEP as LANGUAGE
from filters.language import language
from filters.verdict import Verdict

STEP: Final = "quality_v1"  # the step of a document that passed every filter


@dataclass(frozen=True)
class QualityParams:
    """Thresholds; defaults and reasoning in docs/calibration.md."""

    languages: tuple[str, ...] = ("ko",)
    min_hangul_share: float = 0.5
    min_chars: int = 20
    max_chars: int = 1_000_000
    max_boilerplate_fraction: float = 0.5
    max_replacement_ratio: float = 0.002
    max_latin1_ratio: float = 0.1
    max_rare_syllable_ratio: float = 0.05
    max_jamo_emoticon_ratio: float = 0.25
    max_symbol_ratio: float = 0.2
    max_digit_ratio: float = 0.35
    max_spam_density: float = 0.04
    min_spam_hits: int = 2
    max_toxic_density: float = 0.03
    min_toxic_hits: int = 2
    datatrove: DatatroveParams = field(default_factory=DatatroveParams)
    quality_model: str | None = None  # path of a fastText model (.ftz); None: no model score
    min_quality_score: float = 0.0


@dataclass(frozen=True)
class Outcome:
    text: str
    decision: str  # keep, modify or drop
    step: str
    reason: str | None
    score: float | None
    scores: dict[str, float]
    language: str | None
    boilerplate_lines: int
    verdicts: tuple[Verdict, ...] = ()  # every filter's, in ORDER


class QualityChain:
    """Built once per process: holds the datatrove filters (and Kiwi, on that path)."""

    def __init__(self, params: QualityParams) -> None:
        self.p = params
        self.datatrove = DatatroveFilters(params.datatrove)
        self._english: DatatroveFilters | None = None

    def _datatrove_for(self, lang: str | None) -> DatatroveFilters:
        """Korean parameters for Korean; English ones for English a manifest keeps on purpose."""
        if lang == "en" and "en" in self.p.languages:
            if self._english is None:
                self._english = DatatroveFilters(DatatroveParams.english())
            return self._english
        return self.datatrove

    def evaluate(self, raw: str, doc_id: str = "") -> Outcome:
        p = self.p
        bp = strip_boilerplate(raw)
        text = bp.text
        stats = char_stats(text)
        words = text.split()
        lang_verdict, lang = language(text, p.languages, p.min_hangul_share)
        verdicts: list[Verdict] = [
            Verdict.judge(BOILERPLATE, bp.removed_fraction,
                          "mostly_boilerplate" if bp.removed_fraction > p.max_boilerplate_fraction else None),
            H.length(text, stats, p.min_chars, p.max_chars),
            H.mojibake(text, stats, p.max_replacement_ratio, p.max_latin1_ratio, p.max_rare_syllable_ratio),
            lang_verdict,
            H.jamo_emoticons(text, stats, p.max_jamo_emoticon_ratio),
            H.symbols(stats, p.max_symbol_ratio),
            H.digits(stats, p.max_digit_ratio),
            H.spam(text, words, p.max_spam_density, p.min_spam_hits),
            H.toxic(text, words, p.max_toxic_density, p.min_toxic_hits),
            *self._datatrove_for(lang)(text, doc_id),
        ]
        if p.quality_model:
            q = quality_model.score(p.quality_model, text) if text.strip() else 0.0
            verdicts.append(Verdict.judge(quality_model.STEP, q, "low_score" if q < p.min_quality_score else None))
        scores = {v.step: round(v.score, 6) for v in verdicts}
        failed = next((v for v in verdicts if not v.keep), None)
        if failed is not None:
            return Outcome(text, "drop", failed.step, failed.reason, failed.score, scores, lang, bp.removed_lines,
                           tuple(verdicts))
        q_score = scores.get(quality_model.STEP)
        if bp.removed_lines:
            return Outcome(text, "modify", BOILERPLATE, f"{BOILERPLATE}.removed_lines", bp.removed_fraction, scores,
                           lang, bp.removed_lines, tuple(verdicts))
        return Outcome(text, "keep", STEP, None, q_score, scores, lang, 0, tuple(verdicts))


ORDER: Final = (BOILERPLATE, H.LENGTH, H.MOJIBAKE, LANGUAGE, H.JAMO, H.SYMBOLS, H.DIGITS, H.SPAM, H.TOXIC,
                "gopher_quality_ko_v1", "gopher_repetition_ko_v1", "c4_ko_v1", "fineweb_ko_v1",
                quality_model.STEP)
