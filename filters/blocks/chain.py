"""A chain: an ordered list of blocks applied to a batch of documents, giving one decision per document.

A block that raises on a document quarantines that document (reason ``<block>.error``, the error in its
details): the run goes on, and the stage's quarantine counts against the run's error-rate limit.
Every block runs on every document, also after an earlier block decided to drop it, so every score is
recorded (a threshold can be moved and audited later). A block's changes are applied before the next
block sees the document. The decision is the first drop, else the first flag, else the first
modification, else keep; its step is the deciding block's name (``keep_step`` for a kept document),
its reason ``<block>.<condition>`` and its score the statistic the deciding rule tested.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from filters.blocks.base import Block, Doc, Judgement
from filters.blocks.params import build, names
from filters.blocks.registry import get

_PRECEDENCE = ("drop", "flag", "modify")


@dataclass
class Outcome:
    decision: str
    step: str
    reason: str | None
    score: float | None
    scores: dict[str, float] = field(default_factory=dict)  # every block's, as <block>.<statistic>
    details: dict[str, object] = field(default_factory=dict)
    judgements: list[tuple[str, Judgement]] = field(default_factory=list)


class Chain:
    """Blocks in order. ``keep_step`` is the step of a kept document; ``keep_score`` names the recorded
    score a kept document carries (None: a one-block chain's own keep statistic, else none)."""

    def __init__(self, blocks: Sequence[Block[Any]], keep_step: str, keep_score: str | None = None) -> None:
        self.blocks = list(blocks)
        self.keep_step = keep_step
        self.keep_score = keep_score
        self._keys: dict[str, dict[str, str]] = {}  # block -> statistic -> "<block>.<statistic>", made once

    def run(self, docs: Sequence[Doc]) -> list[Outcome]:
        scores: list[dict[str, float]] = [{} for _ in docs]
        details: list[dict[str, object]] = [{} for _ in docs]
        judged: list[list[tuple[str, Judgement]]] = [[] for _ in docs]
        errors: list[tuple[str, str] | None] = [None] * len(docs)
        for block in self.blocks:
            live = [i for i, e in enumerate(errors) if e is None]
            try:
                measured: list[dict[str, float] | BaseException] = list(block.score_many([docs[i] for i in live]))
            except Exception:  # find the documents it fails on, one by one
                measured = [_try(block.score, docs[i]) for i in live]
            keys = self._keys.setdefault(block.name, {})
            for i, s in zip(live, measured, strict=True):
                doc = docs[i]
                try:
                    if isinstance(s, BaseException):
                        raise s
                    j = block.decide(doc, s)
                except Exception as exc:  # the block's bug or the document's oddity: quarantined, not fatal
                    errors[i] = (block.name, f"{type(exc).__name__}: {exc}"[:1000])
                    continue
                mine = scores[i]
                for k, v in s.items():
                    key = keys.get(k)
                    if key is None:
                        key = keys[k] = f"{block.name}.{k}"
                    mine[key] = v
                if j.changes:
                    doc.apply(j.changes)
                if j.annotations:
                    doc.annotations.update(j.annotations)
                if j.details:
                    details[i].update(j.details)
                judged[i].append((block.name, j))
        return [self._decide(s, d, js) if e is None else
                Outcome("quarantine", e[0], f"{e[0]}.error", None, s, {**d, "error": e[1]}, js)
                for s, d, js, e in zip(scores, details, judged, errors, strict=True)]

    def _decide(self, scores: dict[str, float], details: dict[str, object],
                judged: list[tuple[str, Judgement]]) -> Outcome:
        for action in _PRECEDENCE:
            for name, j in judged:
                if j.action == action:
                    score = scores.get(f"{name}.{j.score}") if j.score else None
                    return Outcome(action, name, f"{name}.{j.condition}", score, scores, details, judged)
        if self.keep_score is not None:
            score = scores.get(self.keep_score)
        elif len(judged) == 1 and judged[0][1].score:
            score = scores.get(f"{judged[0][0]}.{judged[0][1].score}")
        else:
            score = None
        return Outcome("keep", self.keep_step, None, score, scores, details, judged)


def _try(score: Any, doc: Doc) -> dict[str, float] | BaseException:
    try:
        return score(doc)
    except Exception as exc:
        return exc


def block_values(cls: type[Block[Any]], flat: Mapping[str, Any], own: Mapping[str, Any] | None = None
                 ) -> dict[str, Any]:
    """The manifest values for one block: the stage's flat keys this block has a parameter of (``min_chars``
    reaches ``length_v1``; ``languages`` reaches every block that takes it), then its own table's."""
    accepted = names(cls.Params)
    return {**{k: v for k, v in flat.items() if k in accepted}, **(own or {})}


def build_chain(spec: Sequence[tuple[str, Mapping[str, Any]]], keep_step: str, keep_score: str | None = None,
                resources: Mapping[str, Any] | None = None) -> Chain:
    """A chain from (block name, manifest values) pairs; raises ``ParamError`` for a bad value."""
    blocks = []
    for name, values in spec:
        cls = get(name)
        blocks.append(cls(build(cls.Params, values, prefix=f"{name}."), resources))
    return Chain(blocks, keep_step, keep_score)
