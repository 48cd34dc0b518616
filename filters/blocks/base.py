"""The block protocol: what every per-document step of a chain sees, measures and decides.

A block sees the whole document (``Doc``: text, title, url, source, declared domain, licence, the
source's extra fields in ``meta``, and the other document columns), measures it (``score``: named
statistics, one per rule) and decides from those statistics (``decide``: keep, modify, flag or drop,
with a condition and the name of the statistic the deciding rule tested). Scoring and deciding are
separate, as in NeMo Curator's ``score_document`` / ``keep_document``: every score is recorded, so a
threshold can be moved and audited later without recomputing. A block that rewrites the document
(normalization, boilerplate removal, redaction) returns the new field values with its judgement.

Writing a block: subclass ``Block``, set ``name`` (versioned: ``spam_ko_v1``; bump it when behaviour
changes) and ``Params`` (a frozen dataclass of ``param(...)`` fields), implement ``score`` and
``decide``, and ``@register`` it. Heavy resources load lazily and are cached per process.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Final, Generic, TypeVar

from filters.blocks.params import NoParams

ACTIONS: Final = ("keep", "modify", "flag", "drop")
#: Document fields a block may read (and, through ``changes``, rewrite).
FIELDS: Final = ("doc_id", "source", "source_record_id", "domain", "declared_domain", "licence", "priority",
                 "locator", "title", "url", "date", "text", "meta", "quality_score", "scores", "dup_cluster_size",
                 "domain_score", "domain_scores")

P = TypeVar("P")


class Doc:
    """One document as it flows through a chain: its fields (rewritten in place by earlier blocks'
    changes), facts earlier blocks annotated (``annotations``: the detected language), and a memo for
    work several blocks share (character statistics, word lists), cleared when the text changes."""

    __slots__ = ("_memo", "annotations", "fields")

    def __init__(self, fields: Mapping[str, Any]) -> None:
        self.fields: dict[str, Any] = dict(fields)
        self.annotations: dict[str, Any] = {}
        self._memo: dict[Hashable, Any] = {}

    @classmethod
    def adopt(cls, fields: dict[str, Any]) -> Doc:
        """A document over ``fields`` itself, not a copy: for a caller that built the dict for it alone."""
        doc = cls.__new__(cls)
        doc.fields, doc.annotations, doc._memo = fields, {}, {}
        return doc

    @property
    def text(self) -> str:
        return self.fields.get("text") or ""

    @property
    def doc_id(self) -> str:
        return self.fields.get("doc_id") or ""

    @property
    def source(self) -> str:
        return self.fields.get("source") or ""

    @property
    def title(self) -> str | None:
        return self.fields.get("title")

    @property
    def url(self) -> str | None:
        return self.fields.get("url")

    @property
    def declared_domain(self) -> str | None:
        return self.fields.get("declared_domain")

    @property
    def licence(self) -> str | None:
        return self.fields.get("licence")

    @property
    def meta(self) -> Mapping[str, str]:
        return dict(self.fields.get("meta") or ())

    def memo(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        try:
            return self._memo[key]
        except KeyError:
            got = self._memo[key] = compute()
            return got

    def memoized(self, key: Hashable) -> bool:
        return key in self._memo

    def apply(self, changes: Mapping[str, Any]) -> None:
        for k, v in changes.items():
            if k == "text" and v != self.fields.get("text"):
                self._memo.clear()
            self.fields[k] = v


@dataclass(frozen=True, slots=True)
class Judgement:
    """A block's verdict on one document.

    ``condition`` makes the reason code ``<block>.<condition>`` (None exactly when kept); ``score`` names
    the statistic (a key of the block's scores) the deciding rule tested; ``changes`` are new values of
    document fields (the block rewrote the document); ``details`` go to provenance; ``annotations`` are
    facts later blocks of the chain may read (``doc.annotations``).
    """

    action: str = "keep"
    condition: str | None = None
    score: str | None = None
    changes: Mapping[str, Any] | None = None
    details: Mapping[str, object] | None = None
    annotations: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}; allowed: {', '.join(ACTIONS)}")
        if (self.action == "keep") != (self.condition is None):
            raise ValueError("a condition is given exactly when the action is not keep")


def keep(score: str | None = None, **kw: Any) -> Judgement:
    return Judgement("keep", None, score, **kw) if kw else _keep(score)


@cache
def _keep(score: str | None) -> Judgement:
    return Judgement("keep", None, score)  # immutable: one per statistic name, not one per document


def drop(condition: str, score: str | None, **kw: Any) -> Judgement:
    return Judgement("drop", condition, score, **kw)


def flag(condition: str, score: str | None, **kw: Any) -> Judgement:
    return Judgement("flag", condition, score, **kw)


def modify(condition: str, score: str | None, changes: Mapping[str, Any], **kw: Any) -> Judgement:
    return Judgement("modify", condition, score, changes=changes, **kw)


def threshold(score: str, failed: str | None) -> Judgement:
    """Keep when ``failed`` is None, else drop with that condition; ``score`` names the tested statistic."""
    return keep(score) if failed is None else drop(failed, score)


class Block(Generic[P]):
    """Base class of every block: holds the typed parameters (and run resources such as a key)."""

    name: ClassVar[str]
    Params: ClassVar[type] = NoParams
    #: A plugin's declared version; part of the run fingerprint with ``name`` and the parameters.
    version: ClassVar[str] = ""

    def __init__(self, params: P, resources: Mapping[str, Any] | None = None) -> None:
        self.p = params
        self.resources = resources or {}

    def score(self, doc: Doc) -> dict[str, float]:
        """Named statistics of ``doc``, one per rule (recorded as ``<block>.<name>``)."""
        raise NotImplementedError

    def score_many(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        """Scores of a batch; override where the work vectorizes (one model call per batch)."""
        return [self.score(d) for d in docs]

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        """The judgement from the scores (and, for a rewriting block, the document)."""
        raise NotImplementedError
