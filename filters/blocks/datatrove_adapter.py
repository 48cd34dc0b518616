"""datatrove's filters and formatters as blocks: name one in a manifest by its import path, with its
arguments, and it runs inside the stage's pass like any block.

``chain = ["datatrove.pipeline.filters:FineWebQualityFilter"]`` resolves to an adapter block named
``datatrove_fineweb_quality_filter``, whose ``args`` table is the filter's constructor arguments
(``[stages.quality.datatrove_fineweb_quality_filter] args = { line_punct_thr = 0.1 }``). A filter's
reason becomes the condition (``datatrove_fineweb_quality_filter.line_punct_ratio``); datatrove returns
no statistic, so the decision's score is null. A formatter's rewrite is a modification. The document
datatrove sees carries the text, the id and, in its metadata, the url, source, title and the source's
``meta`` fields (``URLFilter`` reads ``metadata["url"]``). Filters that would fetch a public-suffix list
over the network (``URLFilter``'s ``tldextract``) are given the offline snapshot instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from typing import Any

from filters.blocks.base import Block, Doc, Judgement, drop, keep, modify
from filters.blocks.params import param

_SNAKE = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True)
class DatatroveArgs:
    args: Mapping[str, Any] = param((), "the datatrove class's constructor arguments")


def is_datatrove_step(obj: object) -> bool:
    try:
        from datatrove.pipeline.filters.base_filter import BaseFilter
        from datatrove.pipeline.formatters.base import BaseFormatter
    except ImportError:
        return False
    return isinstance(obj, type) and issubclass(obj, BaseFilter | BaseFormatter)


def _condition(reason: object) -> str:
    text = re.sub(r"[^a-z0-9]+", "_", str(reason).lower()).strip("_")
    return text or "filtered"


@cache
def adapter(cls: type) -> type[Block[DatatroveArgs]]:
    """The block class for datatrove's ``cls`` (one per class and process)."""
    from datatrove.pipeline.formatters.base import BaseFormatter

    formatter = issubclass(cls, BaseFormatter)
    block_name = "datatrove_" + _SNAKE.sub("_", cls.__name__).lower()

    class DatatroveBlock(Block[DatatroveArgs]):
        __doc__ = f"datatrove's ``{cls.__module__}.{cls.__name__}`` through the adapter."
        name = block_name
        Params = DatatroveArgs
        version = f"datatrove {metadata.version('datatrove')}"

        def step(self) -> Any:
            return _instance(cls, tuple(sorted((k, repr(v)) for k, v in dict(self.p.args).items())),
                             dict(self.p.args))

        def _result(self, doc: Doc) -> Any:
            from datatrove.data import Document

            def run() -> Any:
                meta = {**doc.meta, "url": doc.url, "source": doc.source, "title": doc.title}
                d = Document(text=doc.text, id=doc.doc_id, metadata={k: v for k, v in meta.items() if v})
                return self.step().format(d.text) if formatter else self.step().filter(d)
            return doc.memo(("datatrove", block_name), run)

        def score(self, doc: Doc) -> dict[str, float]:
            self._result(doc)
            return {}

        def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
            result = self._result(doc)
            if formatter:
                return modify("formatted", None, {"text": result}) if result != doc.text else keep()
            if result is True:
                return keep()
            return drop(_condition(result[1] if isinstance(result, tuple) else "filtered"), None)

    DatatroveBlock.__qualname__ = DatatroveBlock.__name__ = f"Datatrove_{cls.__name__}"
    return DatatroveBlock


_INSTANCES: dict[tuple[type, tuple[tuple[str, str], ...]], Any] = {}


def _instance(cls: type, key: tuple[tuple[str, str], ...], args: dict[str, Any]) -> Any:
    """Built once per process and argument set; a ``tldextract`` extractor is made offline."""
    if (cls, key) not in _INSTANCES:
        obj = cls(**args)
        if hasattr(obj, "tldextractor"):
            from tldextract import TLDExtract

            obj.tldextractor = TLDExtract(suffix_list_urls=())  # the bundled snapshot: no network
        _INSTANCES[(cls, key)] = obj
    return _INSTANCES[(cls, key)]
