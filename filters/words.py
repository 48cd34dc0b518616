"""Word splitting for datatrove's filters: the cheap eojeol path (default) and Kiwi morphemes.

Both are datatrove ``WordTokenizer``s, passed to datatrove's filters as their ``language``, which
datatrove accepts in place of a language code. Both remember the last text they split: one document
goes through Gopher quality, Gopher repetition and FineWeb in a row, and each asks for the words.
"""

from __future__ import annotations

import re
from typing import Final

from datatrove.utils.word_tokenizers import WordTokenizer

from filters.kiwi_model import KIWI_MODEL

#: Sentence ends: terminal punctuation followed by space, or a line break.
#: Punctuation that ends a sentence when whitespace follows it.
SENTENCE_PUNCT: Final = ".!?…。？！"
_SENTENCE_END: Final = re.compile(rf"(?<=[{re.escape(SENTENCE_PUNCT)}])\s+|\n+")


class _Memo(WordTokenizer):
    def __init__(self) -> None:
        super().__init__()
        self._last: tuple[str, list[str]] | None = None

    def word_tokenize(self, text: str) -> list[str]:
        if self._last is not None and self._last[0] is text:
            return self._last[1]
        words = self._words(text)
        self._last = (text, words)
        return words

    def _words(self, text: str) -> list[str]:
        raise NotImplementedError

    def sent_tokenize(self, text: str) -> list[str]:
        return [s for s in (x.strip() for x in _SENTENCE_END.split(text)) if s]

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for m in _SENTENCE_END.finditer(text):
            if m.start() > pos:
                spans.append((pos, m.start()))
            pos = m.end()
        if pos < len(text):
            spans.append((pos, len(text)))
        return spans


class EojeolTokenizer(_Memo):
    """Whitespace words (eojeol): what Korean readers call a word, at the cost of ``str.split``."""

    def _words(self, text: str) -> list[str]:
        return text.split()


class KiwiMorphemeTokenizer(_Memo):
    """Kiwi morphemes (model ``cong``) as the words, sentences from Kiwi's splitter."""

    def __init__(self, model_type: str = KIWI_MODEL) -> None:
        super().__init__()
        from kiwipiepy import Kiwi

        self._kiwi = Kiwi(model_type=model_type)
        self._big_numbers = re.compile("[0-9,]{20,}")  # as datatrove: Kiwi struggles with them

    def _words(self, text: str) -> list[str]:
        return [t.form for t in self._kiwi.tokenize(self._big_numbers.sub("", text))]

    def sent_tokenize(self, text: str) -> list[str]:
        return [s.text.strip() for s in self._kiwi.split_into_sents(self._big_numbers.sub("", text))]


def make_word_tokenizer(path: str) -> WordTokenizer:
    if path == "eojeol":
        return EojeolTokenizer()
    if path == "kiwi":
        return KiwiMorphemeTokenizer()
    raise ValueError(f"unknown word path {path!r}; valid: eojeol, kiwi")
