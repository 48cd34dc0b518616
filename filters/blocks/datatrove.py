"""datatrove's Gopher quality, Gopher repetition, C4 and FineWeb filters with Korean parameters, as blocks.

The filters are datatrove's own classes (``filters.datatrove_ko``); these blocks choose their
parameters per word path (eojeol, or Kiwi morphemes), take datatrove's English parameters for a
document the language block found English when the manifest keeps English, and share the word list
between the four through the document's memo. A parameter left unset takes the word path's calibrated
value (docs/calibration.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

from filters.blocks.base import Block, Doc, Judgement, threshold
from filters.blocks.params import param
from filters.blocks.registry import register
from filters.datatrove_batch import judge
from filters.datatrove_ko import C4, FINEWEB, GOPHER_QUALITY, GOPHER_REPETITION, DatatroveFilters, DatatroveParams

_UNSET = "unset: the word path's calibrated value (docs/calibration.md)"


@cache
def _filters(p: DatatroveParams) -> DatatroveFilters:
    return DatatroveFilters(p)  # once per process per parameter set (the Kiwi path loads a model)


@cache
def _own_filters(p: Any) -> DatatroveFilters:
    """The filters with a block's parameters over its word path's calibrated values."""
    base = DatatroveParams.kiwi() if p.word_path == "kiwi" else DatatroveParams()
    names = {f.name for f in fields(DatatroveParams)}
    overrides = {k: v for k, v in vars(p).items() if k in names and k != "word_path" and v is not None}
    return _filters(replace(base, **overrides) if overrides else base)


@dataclass(frozen=True)
class _Common:
    word_path: str = param("eojeol", "words for datatrove's filters", choices=("eojeol", "kiwi"))
    languages: tuple[str, ...] = param(("ko",), "languages the chain keeps: with 'en', English documents are "
                                       "judged with datatrove's English parameters")


class _DatatroveBlock(Block[Any]):
    step = ""
    stat = ""
    _own: DatatroveFilters | None = None

    def filters_for(self, doc: Doc) -> DatatroveFilters:
        if doc.annotations.get("language") == "en" and "en" in self.p.languages:
            return _filters(DatatroveParams.english())
        if self._own is None:
            self._own = _own_filters(self.p)
        return self._own

    def _judge(self, doc: Doc) -> tuple[dict[str, float], str | None]:
        """datatrove's decision, with the statistic every rule this block records: its own summary
        statistic always, and the statistic of the rule that failed the document."""
        def compute() -> tuple[dict[str, float], str | None]:
            f, text = self.filters_for(doc), doc.text
            words = doc.memo(("words", f.p.word_path), lambda: f.words.word_tokenize(text))
            scores = {self.stat: f.score(self.step, text, words)}
            condition = f.condition(self.step, text, doc.doc_id, words)
            if condition is not None and condition != self.stat:
                scores[condition] = f.rule_statistic(self.step, condition, text, words)
            return scores, condition
        return doc.memo(("datatrove", self.name), compute)

    def score(self, doc: Doc) -> dict[str, float]:
        return self._judge(doc)[0]

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        """The batch is judged at once (``filters.datatrove_batch``); a document it leaves undecided is
        judged by datatrove here, one by one."""
        groups: dict[int, tuple[DatatroveFilters, list[Doc]]] = {}
        for d in docs:
            f = self.filters_for(d)
            groups.setdefault(id(f), (f, []))[1].append(d)
        for f, group in groups.values():
            for d, judged in zip(group, judge(self.step, [d.text for d in group], f), strict=True):
                if judged is not None:
                    d.memo(("datatrove", self.name), lambda judged=judged: judged)
        return [self.score(d) for d in docs]

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        condition = self._judge(doc)[1]
        return threshold(condition if condition in scores else self.stat, condition)


@dataclass(frozen=True)
class GopherQualityParams(_Common):
    stop_words: str | None = param(None, "a lexicon name, or 'english' for datatrove's list; " + _UNSET)
    min_avg_word_length: float | None = param(None, "eojeol 1.5, kiwi 1.0", minimum=0.0)
    max_avg_word_length: float | None = param(None, "eojeol 15, kiwi 6", minimum=0.0)
    min_stop_words: int | None = param(None, "eojeol 1, kiwi 2", minimum=0)
    max_symbol_word_ratio: float | None = param(None, "eojeol 0.5, kiwi 0.25", minimum=0.0)
    max_ellipsis_lines_ratio: float | None = param(None, "0.5", minimum=0.0, maximum=1.0)
    min_alpha_words_ratio: float | None = param(None, "0.5", minimum=0.0, maximum=1.0)


@register
class GopherQuality(_DatatroveBlock):
    """datatrove's ``GopherQualityFilter``: word lengths, symbols, ellipsis lines, alphabetic words and
    stop words (Korean particles and endings count as the stop words they are)."""

    name = GOPHER_QUALITY
    Params = GopherQualityParams
    step, stat = GOPHER_QUALITY, "avg_word_length"


@dataclass(frozen=True)
class GopherRepetitionParams(_Common):
    dup_line_frac: float | None = param(None, "duplicated lines (and paragraphs) per line: 0.3", minimum=0.0,
                                        maximum=1.0)
    dup_line_char_frac: float | None = param(None, "characters in duplicated lines: 0.2", minimum=0.0, maximum=1.0)
    top_ngram_fracs: tuple[tuple[int, float], ...] | None = param(
        None, "[n, max share of the most common n-gram]: eojeol [[2, 0.2], [3, 0.18], [4, 0.16]]")
    dup_ngram_fracs: tuple[tuple[int, float], ...] | None = param(
        None, "[n, max share of characters in duplicated n-grams]: eojeol [[5, 0.25] ... [10, 0.20]]")


@register
class GopherRepetition(_DatatroveBlock):
    """datatrove's ``GopherRepetitionFilter``: duplicated lines, paragraphs and n-grams (the top n-gram
    rule only from 50 eojeol on: in a 13-eojeol comment any 3-gram is 23% of the text)."""

    name = GOPHER_REPETITION
    Params = GopherRepetitionParams
    step, stat = GOPHER_REPETITION, "dup_line_char_frac"


@dataclass(frozen=True)
class C4Params(_Common):
    pass


@register
class C4Quality(_DatatroveBlock):
    """datatrove's ``C4QualityFilter`` on a copy of the text (it rewrites what it judges): JavaScript,
    cookie and policy lines, lorem ipsum, pages of no sentence."""

    name = C4
    Params = C4Params
    step, stat = C4, "sentences"


@dataclass(frozen=True)
class FineWebParams(_Common):
    min_line_punct_ratio: float | None = param(None, "lines ending in punctuation or a Korean sentence ending: "
                                               "0.12", minimum=0.0, maximum=1.0)
    max_short_line_ratio: float | None = param(None, "0.67", minimum=0.0, maximum=1.0)
    short_line_chars: int | None = param(None, "12 characters", minimum=1)
    max_char_dup_ratio: float | None = param(None, "0.1", minimum=0.0, maximum=1.0)
    max_newline_word_ratio: float | None = param(None, "eojeol 0.5, kiwi 0.25", minimum=0.0)


@register
class FineWebQuality(_DatatroveBlock):
    """datatrove's ``FineWebQualityFilter``: line punctuation (Korean verb endings count as terminal),
    short lines, duplicated characters, newlines per word."""

    name = FINEWEB
    Params = FineWebParams
    step, stat = FINEWEB, "line_punct_ratio"
