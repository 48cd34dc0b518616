"""``template_lines_v1``: a page's site-template lines removed, found by how many pages of the same
site carry them (``filters.templates``). The table of template lines is the run's resource
``templates``, counted by the templates stage over every page of the sources the rule is enabled for;
a page of any other source, or without a URL, is kept as it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from filters.blocks.base import Block, Doc, Judgement, drop, keep, modify
from filters.blocks.params import param
from filters.blocks.registry import register
from filters.templates import STEP, Removal, TemplateIndex, remove_templates, site_of

#: Page counts of removed lines listed in provenance, at most (the count of removed lines is exact).
_MAX_LISTED = 32


@dataclass(frozen=True)
class TemplateParams:
    min_chars_left: int = param(1, "a page with fewer non-space characters left after the removal is dropped "
                                "(only_template)", minimum=1)
    keep_headline_overlap: float = param(0.5, "a frequent line is kept as the page's headline when this share of "
                                         "its character bigrams occur in the page's prose (its other lines of 40 or "
                                         "more non-space characters that are not frequent; 0: never; "
                                         "docs/calibration.md)", minimum=0.0, maximum=1.0)


@register
class TemplateLines(Block[TemplateParams]):
    """Lines seen on many pages of the page's site (its menus, lists, share prompts and footer) are removed
    as a modification (``template_share``: their share of the page's non-space characters), except a line
    the rest of the page is about (its headline, which other pages' lists repeat); a page that was nothing
    but template is dropped, and so is every page of a site whose pages the chain's URL and spam blocks drop
    often enough (``spam_site``). Provenance lists, per removed line, the pages it was seen on.
    Needs the run's template table (resource ``templates``)."""

    name = STEP
    Params = TemplateParams

    def _index(self, doc: Doc) -> TemplateIndex | None:
        index: TemplateIndex | None = self.resources.get("templates")
        return index if index is not None and doc.source in index.sources else None

    def _removal(self, doc: Doc) -> Removal | None:
        index = self._index(doc)
        if index is None or not len(index):
            return None
        site = site_of(doc.url)
        return doc.memo(STEP, lambda: remove_templates(site, doc.text, index,
                                                                     self.p.keep_headline_overlap)) if site else None

    def score(self, doc: Doc) -> dict[str, float]:
        r = self._removal(doc)
        return {"template_share": r.removed_chars / r.total_chars if r and r.total_chars else 0.0}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        index = self._index(doc)
        share = index.spam_sites.get(site_of(doc.url)) if index is not None and index.spam_sites else None
        if share is not None:
            return drop("spam_site", "template_share", details={"template.site": site_of(doc.url),
                                                                 "template.site_spam_share": round(share, 4)})
        r = self._removal(doc)
        if r is None or not r.removed_lines:
            return keep("template_share", details={"template.kept_as_headline": r.kept_as_headline}
                        if r is not None and r.kept_as_headline else None)
        details = {"template.lines": r.removed_lines, "template.site": site_of(doc.url),
                   "template.pages": ",".join(map(str, r.pages[:_MAX_LISTED])),
                   "template.kept_as_headline": r.kept_as_headline}
        if r.total_chars - r.removed_chars < self.p.min_chars_left:
            return drop("only_template", "template_share", details=details)
        return modify("removed", "template_share", {"text": r.text}, details=details)
