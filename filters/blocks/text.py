"""Blocks that rewrite or read the text as a whole: normalization, boilerplate removal, language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from filters.blocks.base import Block, Doc, Judgement, drop, keep, modify, threshold
from filters.blocks.params import NoParams, param
from filters.blocks.registry import register
from filters.boilerplate import STEP as BOILERPLATE
from filters.boilerplate import strip_boilerplate
from filters.korean_text import hangul_token_shares
from filters.language import LANGUAGES, language
from filters.language import STEP as LANGUAGE
from filters.normalize import STEP as NORMALIZE
from filters.normalize import normalize_text


@register
class Normalize(Block[NoParams]):
    """NFC and the cleanups of ``filters.normalize``; a document empty afterwards is dropped. Score: the
    share of characters the normalization removed."""

    name = NORMALIZE

    def score(self, doc: Doc) -> dict[str, float]:
        text = doc.text
        new, _ = doc.memo(NORMALIZE, lambda: normalize_text(text))
        return {"removed_fraction": round(1.0 - len(new) / len(text), 6) if text else 0.0}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        new, changes = doc.memo(NORMALIZE, lambda: normalize_text(doc.text))
        details = {"changes": ",".join(changes)} if changes else None
        if not new:
            return drop("empty", "removed_fraction", changes={"text": new}, details=details)
        if changes:
            return modify("modified", "removed_fraction", {"text": new}, details=details)
        return keep("removed_fraction")


@dataclass(frozen=True)
class BoilerplateParams:
    max_boilerplate_fraction: float = param(0.5, "drop when boilerplate lines were more than this share of the "
                                            "characters", minimum=0.0, maximum=1.0)


@register
class Boilerplate(Block[BoilerplateParams]):
    """Removes Korean web boilerplate lines (copyright, bylines, menus, share buttons) as a modification;
    a page that is mostly boilerplate is dropped."""

    name = BOILERPLATE
    Params = BoilerplateParams

    def score(self, doc: Doc) -> dict[str, float]:
        bp = doc.memo(BOILERPLATE, lambda: strip_boilerplate(doc.text))
        return {"removed_fraction": bp.removed_fraction, "removed_lines": float(bp.removed_lines)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        bp = doc.memo(BOILERPLATE, lambda: strip_boilerplate(doc.text))
        if not bp.removed_lines:
            return keep("removed_fraction")
        changes, details = {"text": bp.text}, {"boilerplate_lines": bp.removed_lines}
        if bp.removed_fraction > self.p.max_boilerplate_fraction:
            return drop("mostly_boilerplate", "removed_fraction", changes=changes, details=details)
        return modify("removed_lines", "removed_fraction", changes, details=details)


@dataclass(frozen=True)
class LanguageParams:
    languages: tuple[str, ...] = param(("ko",), "ISO 639-1 main languages to keep (lingua's set: "
                                       + " ".join(LANGUAGES) + ")")
    min_hangul_share: float = param(0.5, "share of Hangul eojeol at or above which a document is Korean without "
                                    "asking the language model", minimum=0.0, maximum=1.0)

    def __post_init__(self) -> None:
        from filters.blocks.params import ParamError

        for lang in self.languages:
            if lang not in LANGUAGES:
                raise ParamError("languages", f"unknown language {lang!r}; allowed: {', '.join(LANGUAGES)}")


@register
class Language(Block[LanguageParams]):
    """The main language: Hangul share first, lingua for what the share cannot settle. Annotates
    ``language`` for later blocks (datatrove's filters take English parameters for English)."""

    name = LANGUAGE
    Params = LanguageParams

    def score(self, doc: Doc) -> dict[str, float]:
        share, _, _ = doc.memo(LANGUAGE, lambda: language(doc.text, self.p.languages, self.p.min_hangul_share))
        return {"hangul_share": share}

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        todo = [d for d in docs if not d.memoized(LANGUAGE)]
        for d, counted in zip(todo, hangul_token_shares([d.text for d in todo]), strict=True):
            d.memo(LANGUAGE, lambda d=d, c=counted: language(d.text, self.p.languages, self.p.min_hangul_share, c))
        return [self.score(d) for d in docs]

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        _, failed, lang = doc.memo(LANGUAGE, lambda: language(doc.text, self.p.languages, self.p.min_hangul_share))
        j = threshold("hangul_share", failed)
        return Judgement(j.action, j.condition, j.score, details={"language": lang}, annotations={"language": lang})
