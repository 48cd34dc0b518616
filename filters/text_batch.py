"""A batch of texts as one array of code points, for statistics computed over the whole batch in numpy.

Filters that count characters, words and lines per document in Python pay a few microseconds per
document and per statistic; over a batch laid out once, each statistic is one numpy pass. Words are
whitespace runs and lines newline runs as ``str.split`` and ``str.splitlines`` see them, because every
per-character test is a table built from Python's own ``str`` methods or regex classes; equality of
ranges (lines, paragraphs, n-grams) is a 64-bit polynomial hash of their code points.

Batches are laid out in chunks of at most ``CHUNK_CHARS`` code points (a longer document is a chunk of
its own), and the last chunks stay laid out for the next filter of the chain over the same texts (the
same ``str`` objects).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache, cached_property
from pathlib import Path
from typing import Final

import numpy as np

_B: Final = 0x9E3779B97F4A7C15  # odd: invertible modulo 2**64
_B_INV: Final = pow(_B, -1, 2**64)
_LEN_MIX: Final = np.uint64(0xC2B2AE3D27D4EB4F)
CHUNK_CHARS: Final = 1 << 18  # code points laid out at once (about 60 bytes each while a chunk is judged)
_HELD_CHARS: Final = 1 << 22  # code points of the last chunks kept laid out for the next filter
_ALL_CHARS: Final = 0x110000
_TABLES_VERSION: Final = 1  # bump when a stored table's meaning changes


def stored_table(name: str, build: Callable[[], np.ndarray]) -> np.ndarray:
    """A table per code point, from the per-user cache where an earlier process built it for this very
    Python (its version and Unicode database), else built and stored there. Building one scans all
    1.1M code points in Python (0.1 to 0.4 s), which every Spark worker process would pay again."""
    key = hashlib.sha256(f"{_TABLES_VERSION}\0{name}\0{sys.version}\0{unicodedata.unidata_version}".encode())
    path = _cache_dir() / f"chars-{key.hexdigest()[:24]}.npy"
    try:
        table = np.unpackbits(np.load(path, allow_pickle=False))[:_ALL_CHARS].astype(bool)
        if len(table) == _ALL_CHARS:
            return table
    except (OSError, ValueError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            np.save(fh, np.packbits(table), allow_pickle=False)
        os.replace(tmp, path)  # atomic: two workers building at once leave one whole file
    except OSError:
        pass  # a read-only home: built in every process, as before
    return table


def _cache_dir() -> Path:
    return Path(os.environ.get("KOCURATE_CACHE_DIR") or Path.home() / ".cache" / "kocurate")


@cache
def str_table(method: str) -> np.ndarray:
    """A boolean per code point: ``getattr(chr(c), method)()`` (``isspace``, ``isalpha``, ``isalnum``)."""
    return stored_table(f"str.{method}", lambda: np.fromiter(
        (getattr(chr(c), method)() for c in range(_ALL_CHARS)), bool, _ALL_CHARS))


@cache
def regex_table(pattern: str) -> np.ndarray:
    """A boolean per code point: the one-character regex ``pattern`` matches it."""
    def build() -> np.ndarray:
        table = np.zeros(_ALL_CHARS, bool)
        every = "".join(map(chr, range(_ALL_CHARS)))
        hits = [m.start() for m in re.finditer(pattern, every)]
        assert all(len(m.group()) == 1 for m in re.finditer(pattern, every[:0x10000])), pattern
        table[hits] = True
        return table
    return stored_table(f"regex.{pattern}", build)


@cache
def char_set(chars: frozenset[str]) -> np.ndarray:
    """A boolean per code point: one of ``chars``."""
    table = np.zeros(_ALL_CHARS, bool)
    table[[ord(c) for c in chars]] = True
    return table


_POWERS: dict[str, np.ndarray] = {}


def powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """B**k and B**-k modulo 2**64 for k < n (wrapping uint64 products)."""
    if len(_POWERS.get("b", ())) < n:
        size = max(n, 2 * len(_POWERS.get("b", ())), 1 << 16)
        for key, base in (("b", _B), ("inv", _B_INV)):
            p = np.full(size, base, np.uint64)
            p[0] = 1
            _POWERS[key] = np.cumprod(p, dtype=np.uint64)
    return _POWERS["b"][:n], _POWERS["inv"][:n]


def counted_before(mask: np.ndarray) -> np.ndarray:
    """How many of ``mask`` are True before each position, and in all at the end (``len(mask) + 1``
    values). Summed as bytes: numpy's cumulative sum of a bool array casts it element by element, at three
    times the time."""
    out = np.zeros(len(mask) + 1, np.int64)
    np.cumsum(mask.view(np.uint8), dtype=np.int64, out=out[1:])
    return out


def hash_text(values: Sequence[str]) -> np.ndarray:
    """The polynomial key of whole strings, as ``Layout.key`` computes it for a range (stop words)."""
    if not values:
        return np.zeros(0, np.uint64)
    lay = Layout(list(values))
    return lay.key(lay.doc_start, lay.doc_end, lay.prefix)


class Layout:
    """A chunk of documents as one array of code points, with prefix hashes and word ranges."""

    def __init__(self, texts: list[str]) -> None:
        self.n_docs = len(texts)
        self.lens = np.fromiter((len(t) for t in texts), np.int64, len(texts))
        self.doc_end = np.cumsum(self.lens)
        self.doc_start = self.doc_end - self.lens
        self.cp = np.frombuffer("".join(texts).encode("utf-32-le"), np.uint32)
        n = len(self.cp)
        self.doc = np.repeat(np.arange(self.n_docs), self.lens)
        self.first = np.zeros(n + 1, bool)  # a document starts here
        self.first[self.doc_start] = True
        self.last = np.zeros(n + 1, bool)  # a document ends after this character
        self.last[self.doc_end[self.lens > 0] - 1] = True
        self.space = str_table("isspace")[self.cp]
        self.bpow, inv = powers(n + 1)
        c = self.cp.astype(np.uint64) + np.uint64(1)
        self.prefix = np.concatenate(([np.uint64(0)], np.cumsum(c * inv[:n], dtype=np.uint64)))
        solid = ~self.space
        self.w_start, self.w_end = self.runs(solid)
        self.w_doc = self.doc[self.w_start]
        self.w_len = self.w_end - self.w_start
        self.n_words = np.bincount(self.w_doc, minlength=self.n_docs)
        # "".join of words: the same hash over the text without its whitespace
        before = self.solid_before = counted_before(solid)
        self.cw_start = before[self.w_start]
        self.cw_end = self.cw_start + self.w_len
        self.cprefix = np.concatenate(([np.uint64(0)], np.cumsum(c[solid] * inv[:int(before[-1])], dtype=np.uint64)))
        self.w_key = self.key(self.w_start, self.w_end, self.prefix)

    def key(self, start: np.ndarray, end: np.ndarray, prefix: np.ndarray) -> np.ndarray:
        """One 64-bit key per range [start, end): equal strings, equal keys."""
        h = (prefix[end] - prefix[start]) * self.bpow[start]
        return h ^ (end - start).astype(np.uint64) * _LEN_MIX

    def runs(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Maximal runs of True within each document: (starts, ends)."""
        n = len(mask)
        prev = np.concatenate(([False], mask[:-1])) & ~self.first[:n]
        nxt = np.concatenate((mask[1:], [False])) & ~self.last[:n]
        return np.flatnonzero(mask & ~prev), np.flatnonzero(mask & ~nxt) + 1

    def split(self, sep_start: np.ndarray, sep_end: np.ndarray, lo: np.ndarray | None = None,
              hi: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pieces between separator ranges, each document's [lo, hi) cut at them: (start, end, doc)."""
        lo = self.doc_start if lo is None else lo
        hi = self.doc_end if hi is None else hi
        sep_doc = self.doc[sep_start] if len(sep_start) else np.zeros(0, np.int64)
        docs = np.concatenate((np.arange(self.n_docs), sep_doc))
        starts = np.concatenate((lo, sep_end))
        ends = np.concatenate((sep_start, hi))
        docs_e = np.concatenate((sep_doc, np.arange(self.n_docs)))
        return starts[np.lexsort((starts, docs))], ends[np.lexsort((ends, docs_e))], np.sort(docs)

    def per_doc(self, doc: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(doc, weights=weights, minlength=self.n_docs)

    def first_solid(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Index of each range's first non-space character (``end`` where none)."""
        return self._edge(start, end, first=True)

    def last_solid(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Index of each range's last non-space character (``start - 1`` where none)."""
        return self._edge(start, end, first=False)

    @cached_property
    def alnum_docs(self) -> np.ndarray:
        """Whether each document holds a letter or a digit (``str.isalnum``, ``filters.datatrove_ko._WORDISH``'s
        ``[^\\W_]``): datatrove_ko's guard, which each of the four datatrove filters asks of the same chunk."""
        return self.per_doc(self.doc[str_table("isalnum")[self.cp]]) > 0

    @cached_property
    def solid_at(self) -> np.ndarray:
        """Positions of the non-space characters."""
        return np.flatnonzero(~self.space)

    def _edge(self, start: np.ndarray, end: np.ndarray, first: bool) -> np.ndarray:
        solid = self.solid_at
        if not len(solid):
            return end if first else start - 1
        if first:
            i = np.searchsorted(solid, start, side="left")
            pos = np.append(solid, len(self.cp))[i]
            return np.where(pos < end, pos, end)
        i = np.searchsorted(solid, end, side="left") - 1
        pos = np.where(i >= 0, solid[np.maximum(i, 0)], -1)
        return np.where(pos >= start, pos, start - 1)


def spans(texts: Sequence[str], max_chars: int = CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Consecutive ``[i, j)`` ranges of ``texts`` of at most ``max_chars`` characters (one text alone may
    be longer): the pieces one numpy computation takes."""
    i = 0
    while i < len(texts):
        j, size = i, 0
        while j < len(texts) and (j == i or size + len(texts[j]) <= max_chars):
            size += len(texts[j])
            j += 1
        yield i, j
        i = j


def chunks(texts: Sequence[str]) -> Iterator[tuple[list[str], Layout | None]]:
    """Each chunk of ``texts``, in order, with its layout; None for a chunk that holds no character or
    cannot be laid out (a lone surrogate)."""
    for i, j in spans(texts):
        part = list(texts[i:j])
        try:
            lay = _layout(part) if any(part) else None
        except UnicodeEncodeError:
            lay = None
        yield part, lay


#: The last chunks laid out, for the next filter of the chain over the same texts (the same objects).
_LAID_OUT: list[tuple[list[str], Layout]] = []


def _layout(texts: list[str]) -> Layout:
    for held, lay in _LAID_OUT:
        if len(held) == len(texts) and all(a is b for a, b in zip(held, texts, strict=True)):
            return lay
    lay = Layout(texts)
    _LAID_OUT.append((texts, lay))
    while sum(len(x.cp) for _, x in _LAID_OUT) > _HELD_CHARS and len(_LAID_OUT) > 1:
        _LAID_OUT.pop(0)
    return lay


