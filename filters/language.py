"""Main-language identification: Hangul share first, then lingua for what the share cannot settle.

Most Korean documents carry Hangul in most of their words, and Hangul is written by no other
language, so the share of Hangul-bearing eojeol settles them without a model. Documents below the
share (English with a Korean word, Japanese, Chinese, Korean buried in code) go to lingua
(``lingua-language-detector``: its models ship inside the wheel, no download), restricted to a
handful of languages to keep its memory small. Code fences are removed before either look.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from filters.korean_text import hangul_token_share, without_code

STEP: Final = "language_v1"
#: ISO 639-1 codes lingua tells apart here: Korean, the languages most often found in Korean crawls,
#: and a few large others so that "not Korean" has somewhere to go.
LANGUAGES: Final = ("ko", "en", "ja", "zh", "vi", "ru", "th", "id", "es", "fr", "de")
_SAMPLE_CHARS: Final = 3000


@cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect(text: str) -> tuple[str | None, float]:
    """lingua's most likely language (ISO 639-1) and its confidence, or (None, 0) for no letters."""
    values = _detector().compute_language_confidence_values(text[:_SAMPLE_CHARS])
    if not values or values[0].value <= 0:
        return None, 0.0
    return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)


def language(text: str, allowed: tuple[str, ...], min_hangul_share: float,
             counted: tuple[float, int] | None = None) -> tuple[float, str | None, str | None]:
    """The share of Hangul eojeol, the failed condition (None: an allowed language) and the detected main
    language. ``counted``: the text's ``hangul_token_share`` where a batch already counted it."""
    prose = without_code(text)
    share, n_words = counted if counted is not None and prose is text else hangul_token_share(prose)
    if n_words == 0:
        share, n_words = hangul_token_share(text)  # a document that is all code keeps its own words
        if n_words == 0:
            return 0.0, "no_letters", None
        prose = text
    if share >= min_hangul_share:
        lang: str | None = "ko"
    else:
        lang, _ = detect(prose)
    if lang is None:
        return share, "no_letters", None
    return share, None if lang in allowed else "not_allowed", lang
