"""datatrove's Gopher quality, Gopher repetition, C4 and FineWeb filters with Korean parameters.

The filters are datatrove's own classes, called per document (``filter(Document)``), never through
datatrove's executors; this module chooses their Korean parameters (docs/calibration.md says why
each differs from the English defaults), maps their reason names onto our ``<step>.<condition>``
codes and adds the measured score datatrove does not return. C4's filter rewrites the document it
judges: it gets a copy, and only its drop decision is used.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

from datatrove.data import Document
from datatrove.pipeline.filters import (
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
)
from datatrove.pipeline.filters.gopher_quality_filter import STOP_WORDS as ENGLISH_STOP_WORDS
from datatrove.pipeline.filters.gopher_repetition_filter import (
    find_all_duplicate,
    find_duplicates,
    find_top_duplicate,
    get_n_grams,
)
from datatrove.utils.text import PUNCTUATION_SET, TERMINAL_PUNCTUATION

from filters.lexicon import word_list
from filters.words import make_word_tokenizer

GOPHER_QUALITY: Final = "gopher_quality_ko_v1"
GOPHER_REPETITION: Final = "gopher_repetition_ko_v1"
C4: Final = "c4_ko_v1"
FINEWEB: Final = "fineweb_ko_v1"
STEPS: Final = (GOPHER_QUALITY, GOPHER_REPETITION, C4, FINEWEB)
_WORDISH: Final = re.compile(r"[^\W_]")
MIN_WORDS_TOP_NGRAMS: Final = 50  # eojeol; see DatatroveFilters
#: Punctuation that may follow an ending in an eojeol that counts as a stop word (다. 요! 죠~).
STOP_WORD_TRAIL: Final = ".,!?;:\"')」』”’…~"

#: Korean sentences end in a verb ending as often as in punctuation, above all in informal web text
#: ("재밌어요", "추천함"): these final syllables count as terminal for FineWeb's line-punctuation check.
KOREAN_SENTENCE_ENDINGS: Final = ("다", "요", "죠", "까", "음", "함", "임", "됨", "셈", "네", "지", "ㅋ", "ㅎ", "ㅠ")

# datatrove's reason names -> our conditions (Gopher's "enough_stop_words" means too few).
_RENAME: Final = {"gopher_enough_stop_words": "too_few_stop_words", "gopher_short_doc": "too_few_words",
                  "gopher_long_doc": "too_many_words", "gopher_below_avg_threshold": "short_words",
                  "gopher_above_avg_threshold": "long_words", "gopher_below_alpha_threshold": "few_alpha_words",
                  "dup_para_frac": "dup_paragraphs", "dup_para_char_frac": "dup_paragraph_chars",
                  "dup_line_frac": "dup_lines", "dup_line_char_frac": "dup_line_chars"}


def _condition(reason: str) -> str:
    reason = _RENAME.get(reason, reason)
    return reason.removeprefix("gopher_").replace("-", "_")


@dataclass(frozen=True)
class DatatroveParams:
    """Korean parameters, per word path (eojeol or Kiwi morphemes); see docs/calibration.md."""

    word_path: str = "eojeol"
    stop_words: str = "stopwords_ko_eojeol_v1"  # a lexicon name, or "english" for datatrove's own list
    min_avg_word_length: float = 1.5
    max_avg_word_length: float = 15.0
    min_stop_words: int = 1
    max_symbol_word_ratio: float = 0.5
    max_ellipsis_lines_ratio: float = 0.5
    min_alpha_words_ratio: float = 0.5
    dup_line_frac: float = 0.3
    dup_line_char_frac: float = 0.2
    top_ngram_fracs: tuple[tuple[int, float], ...] = ((2, 0.2), (3, 0.18), (4, 0.16))
    dup_ngram_fracs: tuple[tuple[int, float], ...] = ((5, 0.25), (6, 0.24), (7, 0.23), (8, 0.22), (9, 0.21),
                                                      (10, 0.20))
    min_line_punct_ratio: float = 0.12
    max_short_line_ratio: float = 0.67
    short_line_chars: int = 12
    max_char_dup_ratio: float = 0.1
    max_newline_word_ratio: float = 0.5

    @staticmethod
    def english() -> DatatroveParams:
        """For documents a manifest keeps in English on purpose: Gopher's English word lengths and
        stop words, on whitespace words."""
        return DatatroveParams(stop_words="english", min_avg_word_length=3.0, max_avg_word_length=10.0,
                               short_line_chars=30)

    @staticmethod
    def kiwi() -> DatatroveParams:
        """The same checks on Kiwi morphemes: words are shorter and more numerous."""
        return DatatroveParams(word_path="kiwi", stop_words="stopwords_ko_morph_v1", min_avg_word_length=1.0,
                               max_avg_word_length=6.0,
                               min_stop_words=2, max_symbol_word_ratio=0.25, max_newline_word_ratio=0.25,
                               top_ngram_fracs=((2, 0.25), (3, 0.22), (4, 0.2)),
                               dup_ngram_fracs=((5, 0.2), (6, 0.19), (7, 0.18), (8, 0.17), (9, 0.16), (10, 0.15)))


def _ngram_rules_may_fire(words: list[str], n_chars: int, top: tuple[tuple[int, float], ...],
                          dup: tuple[tuple[int, float], ...]) -> bool:
    """Whether Gopher's top or duplicate n-gram rules can fail the document; False is a proof.

    The top n-gram rule is computed exactly as datatrove does (the most common n-gram, first seen on
    ties, times its count, over the text length) but on tuples counted in C. Duplicate n-grams of any
    length need a repeated n-gram of the shortest length: none repeated means none can fire.
    """
    for n, frac in top:
        grams = Counter(zip(*(words[i:] for i in range(n)), strict=False))
        if grams:
            gram, count = grams.most_common(1)[0]
            if len(" ".join(gram)) * count / n_chars > frac:
                return True
    if dup:
        n = min(k for k, _ in dup)
        distinct = len(set(zip(*(words[i:] for i in range(n)), strict=False)))
        if distinct < len(words) - n + 1:
            return True
    return False


class EojeolStopWords:
    """Gopher's stop-word set for eojeol: whole function eojeol (및, 등, 수, 있다) plus *endings*.

    Korean writes function words onto the word (학교에서, 먹었다), so an eojeol ending in a particle
    or verb ending counts as the stop word that ending is. datatrove's Gopher filter only calls
    ``stop_words.intersection(set(words))``, which this class answers.
    """

    def __init__(self, entries: frozenset[str]) -> None:
        self.whole = frozenset(e for e in entries if not e.startswith("-"))
        self.endings = tuple(sorted((e[1:] for e in entries if e.startswith("-")), key=lambda e: (-len(e), e)))
        # An ending after at least one character of the eojeol, before trailing punctuation; one regex
        # pass over the joined words (a Python loop over words and endings was the stage's hot spot).
        self._endings = re.compile(r"(?<=\S)(" + "|".join(map(re.escape, self.endings)) + ")["
                                   + re.escape(STOP_WORD_TRAIL) + r"]*(?=\s|$)")

    def intersection(self, words: set[str]) -> set[str]:
        found = set(self.whole.intersection(words))
        found.update("-" + e for e in self._endings.findall(" ".join(words)))
        return found


class DatatroveFilters:
    """The four datatrove filters, built once per process (the Kiwi path loads a model)."""

    def __init__(self, p: DatatroveParams) -> None:
        self.p = p
        self.words = make_word_tokenizer(p.word_path)
        stop = frozenset(ENGLISH_STOP_WORDS) if p.stop_words == "english" else word_list(p.stop_words)
        self.gopher_quality = GopherQualityFilter(
            min_doc_words=None, max_doc_words=None,  # length_v1 judges length, in characters
            min_avg_word_length=p.min_avg_word_length, max_avg_word_length=p.max_avg_word_length,
            max_symbol_word_ratio=p.max_symbol_word_ratio, max_ellipsis_lines_ratio=p.max_ellipsis_lines_ratio,
            max_non_alpha_words_ratio=p.min_alpha_words_ratio, min_stop_words=p.min_stop_words,
            stop_words=sorted(stop), language=self.words)
        rep = dict(dup_line_frac=p.dup_line_frac, dup_para_frac=p.dup_line_frac,
                   dup_line_char_frac=p.dup_line_char_frac, dup_para_char_frac=p.dup_line_char_frac,
                   dup_n_grams=p.dup_ngram_fracs, language=self.words)
        if p.stop_words.startswith("stopwords_ko_eojeol"):
            self.gopher_quality.stop_words = EojeolStopWords(stop)  # type: ignore[assignment]
        self.gopher_repetition = GopherRepetitionFilter(top_n_grams=p.top_ngram_fracs, **rep)
        # Gopher's top n-gram rule counts an n-gram that occurs once: in a 13-eojeol comment any
        # 3-gram is 23% of the text. English documents reach it with 50+ words only (Gopher's minimum),
        # so for shorter documents the rule is left out and the duplicate rules still apply.
        self.gopher_repetition_short = GopherRepetitionFilter(top_n_grams=(), **rep)
        # Line and paragraph rules only: used when ``_ngram_rules_may_fire`` proves the n-gram rules
        # cannot fire, which skips datatrove's Python loops over every n-gram (the stage's hot spot).
        self.gopher_repetition_lines = GopherRepetitionFilter(
            top_n_grams=(), **{**rep, "dup_n_grams": ()})
        self.c4 = C4QualityFilter(
            filter_no_terminal_punct=False,  # Korean lines often end in a verb ending, not punctuation
            min_num_sentences=1,  # drops a page that is only JavaScript, cookie and policy lines
            min_words_per_line=-1, filter_curly_bracket=False,  # code in technical docs is wanted
            language=self.words)
        self.fineweb = FineWebQualityFilter(
            line_punct_thr=p.min_line_punct_ratio, line_punct_exclude_zero=True,
            stop_chars=(*TERMINAL_PUNCTUATION, *KOREAN_SENTENCE_ENDINGS),
            short_line_thr=p.max_short_line_ratio, short_line_length=p.short_line_chars,
            char_duplicates_ratio=p.max_char_dup_ratio, new_line_ratio=p.max_newline_word_ratio,
            language=self.words)

    def score(self, step: str, text: str, words: list[str]) -> float:
        """The statistic recorded for ``step`` (datatrove returns none)."""
        if step == GOPHER_QUALITY:
            return sum(len(w) for w in words) / len(words) if words else 0.0
        lines = [x for x in text.split("\n") if x.strip()]
        if step == GOPHER_REPETITION:
            return (find_duplicates(lines)[1] / len(text.replace("\n", ""))) if lines else 0.0
        if step == C4:
            return float(len(self.words.sent_tokenize(text)))
        return (sum(1 for x in lines if x.rstrip().endswith(self.fineweb.stop_chars)) / len(lines)) if lines else 0.0

    def condition(self, step: str, text: str, doc_id: str, words: list[str]) -> str | None:
        """datatrove's decision for ``step`` as our condition (None: kept)."""
        if not (words and _WORDISH.search(text) is not None):  # datatrove divides by their count
            return "no_words"
        if step == GOPHER_QUALITY:
            f = self.gopher_quality
        elif step == GOPHER_REPETITION:
            top = self.p.top_ngram_fracs if len(text.split()) >= MIN_WORDS_TOP_NGRAMS else ()
            if not _ngram_rules_may_fire(words, len(text), top, self.p.dup_ngram_fracs):
                f = self.gopher_repetition_lines
            else:
                f = self.gopher_repetition if top else self.gopher_repetition_short
        else:
            f = self.c4 if step == C4 else self.fineweb
        result = f.filter(Document(text=text, id=doc_id))
        return None if result is True else _condition(result[1] if isinstance(result, tuple) else "failed")

    def rule_statistic(self, step: str, condition: str, text: str, words: list[str]) -> float:
        """The statistic datatrove's rule ``condition`` tested when it failed the document, computed as
        datatrove computes it (datatrove returns only the rule's name); 1.0 for a presence rule (C4's
        lorem ipsum, JavaScript, policy lines)."""
        n = max(len(words), 1)
        lines = text.splitlines()
        if condition == "no_words":
            return float(len(words))
        if step == GOPHER_QUALITY:
            if condition in ("short_words", "long_words"):
                kept = [w for w in words if any(ch not in PUNCTUATION_SET for ch in w)]
                return sum(len(w) for w in kept) / len(kept) if kept else 0.0
            if condition == "too_many_hashes":
                return text.count("#") / n
            if condition == "too_many_ellipsis":
                return (text.count("...") + text.count("…")) / n
            if condition == "too_many_bullets":
                return sum(x.lstrip().startswith(("•", "-")) for x in lines) / max(len(lines), 1)
            if condition == "too_many_end_ellipsis":
                return sum(x.rstrip().endswith(("...", "…")) for x in lines) / max(len(lines), 1)
            if condition == "few_alpha_words":
                return sum(any(c.isalpha() for c in w) for w in words) / n
            if condition == "too_few_stop_words":
                return float(len(self.gopher_quality.stop_words.intersection(set(words))))
        if step == GOPHER_REPETITION:
            if condition in ("dup_paragraphs", "dup_paragraph_chars"):
                paras = re.split(r"\n{2,}", text.strip())
                dup, chars = find_duplicates(paras)
                return dup / len(paras) if condition == "dup_paragraphs" else chars / len(text)
            if condition in ("dup_lines", "dup_line_chars"):
                split = re.split("\n+", text)
                dup, chars = find_duplicates(split)
                return dup / len(split) if condition == "dup_lines" else chars / len(text)
            m = re.fullmatch(r"top_(\d+)_gram", condition)
            if m:
                grams = get_n_grams(words, int(m.group(1)))
                return find_top_duplicate(grams) / len(text) if grams else 0.0
            m = re.fullmatch(r"duplicated_(\d+)_n_grams", condition)
            if m:
                return find_all_duplicate(words, int(m.group(1))) / len(text)
        if step == FINEWEB:
            kept = [x for x in text.split("\n") if x.strip()]
            if condition == "short_line_ratio":
                return sum(1 for x in kept if len(x) <= self.fineweb.short_line_length) / max(len(kept), 1)
            if condition == "char_dup_ratio":
                return find_duplicates(kept)[1] / max(len(text.replace("\n", "")), 1)
            if condition == "list_ratio":
                return text.count("\n") / n
        return self.score(step, text, words) if condition in ("line_punct_ratio", "too_few_sentences") else 1.0
