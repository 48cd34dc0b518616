"""Site templates found by evidence across pages: a line that stands on many pages of one site.

A site's menu bar, login bar, breadcrumb, "most read" list, share prompts and footer (company name,
address, phone, registration numbers) are worded differently on every site, so no lexicon covers
them; what gives them away is that the same line stands on many pages of the same site (CCNet's line
deduplication, counted per site instead of per shard). A *site* is the URL's registered domain
(``news.example.co.kr`` and ``www.example.co.kr`` are one site, ``example.co.kr``), from the public
suffix list bundled with ``tldextract`` (never downloaded).

A line is keyed by the site and the line normalized much as CCNet normalizes it before counting:
lowercased, every run of digits written ``0`` (``댓글 12`` and ``댓글 3`` are the same counter;
``입력 2024.03.05 14:22`` is the same byline on every page), whitespace runs collapsed, ends stripped.
The key is a 64-bit xxHash, so the table of a site's template lines costs 12 bytes a line (key and
page count), never the line's text.

The same functions key the lines when the stage counts them (in Spark, over every page of the enabled
sources) and when the block removes them, so a count and a removal can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final

import numpy as np
import xxhash

from filters.blocks.url_filter import host_of  # www., port, case and punycode as the URL filter reads them

STEP: Final = "template_lines_v1"
_DIGIT = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"\W+")
_PROSE_CHARS: Final = 40  # non-space characters of a line the headline is compared with
_SEP: Final = "\x00"


@cache
def _extractor():  # type: ignore[no-untyped-def]
    from tldextract import TLDExtract

    # suffix_list_urls=(): the snapshot bundled with tldextract, never a download; no cache directory.
    return TLDExtract(suffix_list_urls=(), cache_dir=None)


def site_of(url: str | None) -> str:
    """The registered domain of the URL's host (``example.co.kr``), lowercased; the host itself when it
    has no registered domain (an IP address, ``localhost``); ``""`` for no URL. Punycode labels are
    read in Hangul (``xn--3e0b707e.kr`` is ``한국.kr``)."""
    host = host_of(url) if url else ""
    return _registered(host) if host else ""


@lru_cache(maxsize=1 << 16)
def _registered(host: str) -> str:
    return _extractor()(host).top_domain_under_public_suffix or host


def line_norm(line: str) -> str:
    """The line as it is counted: lowercased, digit runs as ``0``, whitespace runs as one space, stripped."""
    return _SPACE.sub(" ", _DIGIT.sub("0", line.lower())).strip()


def line_key(site: str, norm: str) -> int:
    """The 64-bit key of a normalized line on a site (unsigned)."""
    return xxhash.xxh64_intdigest(f"{site}{_SEP}{norm}")


def page_keys(site: str, text: str) -> np.ndarray:
    """The distinct keys of a page's non-empty lines (uint64, sorted): a line counts once per page."""
    keys = [line_key(site, n) for n in map(line_norm, text.split("\n")) if n]
    return np.unique(np.array(keys, dtype=np.uint64))


@dataclass(frozen=True)
class TemplateIndex:
    """The run's template lines: sorted keys and the number of pages each was seen on, for the sources
    the rule is enabled for. Broadcast to the executors; 12 bytes a template line."""

    sources: frozenset[str]
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    pages: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    #: Sites whose pages the URL and spam filters drop often enough that the site is spam as a whole:
    #: site -> share of its pages they dropped.
    spam_sites: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, sources: Iterable[str], rows: Sequence[tuple[int, int]],
              spam_sites: Mapping[str, float] | None = None) -> TemplateIndex:
        """From ``(key, pages)`` rows (keys as signed or unsigned 64-bit integers)."""
        keys = np.array([k & 0xFFFFFFFFFFFFFFFF for k, _ in rows], dtype=np.uint64)
        pages = np.array([p for _, p in rows], dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        return cls(frozenset(sources), keys[order], pages[order], dict(spam_sites or {}))

    def __len__(self) -> int:
        return len(self.keys)

    def pages_of(self, keys: np.ndarray) -> np.ndarray:
        """Pages seen per key (0: not a template line)."""
        if not len(self.keys) or not len(keys):
            return np.zeros(len(keys), dtype=np.int32)
        pos = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[pos] == keys, self.pages[pos], 0).astype(np.int32)


@dataclass(frozen=True, slots=True)
class Removal:
    text: str
    removed_lines: int
    removed_chars: int  # non-space characters of the removed lines
    total_chars: int  # non-space characters of the page
    pages: tuple[int, ...]  # pages each removed line was seen on, in page order
    kept_as_headline: int = 0  # frequent lines kept because the rest of the page is about them


def _chars(s: str) -> int:
    return len(s) - sum(c.isspace() for c in s)


def _bigrams(s: str) -> set[str]:
    s = _NON_WORD.sub("", s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def remove_templates(site: str, text: str, index: TemplateIndex, keep_overlap: float = 0.0,
                     min_bigrams: int = 4) -> Removal:
    """The page without its site's template lines (blank-line runs left by them collapsed to one).

    A frequent line that the rest of the page is about is the page's own headline, which the site's
    "related" and "most read" lists repeat on its other pages: with ``keep_overlap`` > 0, a frequent line
    of at least ``min_bigrams`` character bigrams is kept when at least that share of them occur in the
    page's prose (its other lines of at least 40 non-space characters that are not frequent); of several,
    the one of the highest share (a page has one headline)."""
    lines = text.split("\n")
    norms = [line_norm(line) for line in lines]
    live = [i for i, n in enumerate(norms) if n]
    keys = np.array([line_key(site, norms[i]) for i in live], dtype=np.uint64)
    seen = index.pages_of(keys)
    total = sum(_chars(line) for line in lines)
    if not seen.any():
        return Removal(text, 0, 0, total, ())
    drop = {i: int(p) for i, p in zip(live, seen, strict=True) if p}
    kept_titles = 0
    if keep_overlap > 0:
        # What the page is about: its prose, the lines that are not frequent and not short (a breadcrumb
        # or a counter of the site's name stands on few pages, but it is no prose).
        rest = _bigrams("\n".join(line for i, line in enumerate(lines)
                                   if i not in drop and _chars(line) >= _PROSE_CHARS))
        for i in list(drop):
            grams = _bigrams(lines[i])
            if len(grams) >= min_bigrams and len(grams & rest) >= keep_overlap * len(grams):
                del drop[i]
                kept_titles += 1
        if not drop:
            return Removal(text, 0, 0, total, (), kept_titles)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    new = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    removed = sum(_chars(lines[i]) for i in drop)
    return Removal(new, len(drop), removed, total, tuple(drop[i] for i in sorted(drop)), kept_titles)
