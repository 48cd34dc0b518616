"""Benchmark decontamination for Korean: a character n-gram index of evaluation items, and the
overlap of a document with it.

Korean copies of benchmark items on the web differ from the original in spacing (띄어쓰기 is
inconsistent), punctuation and the odd particle, so words are the wrong unit: the index is built on
*character* n-grams of the text reduced to letters and digits (no spaces, no punctuation, Latin
lowercased), normalized exactly as the pipeline normalizes documents. An item is hit by a document
when at least ``min_coverage`` of the item's distinct n-grams, and at least ``min_hits`` of them,
occur in the document: a verbatim copy covers 1.0, a lightly edited one most of it, and a page on
the same topic shares a few common phrases at most. n-grams that occur in more than
``max_items_per_gram`` items (templates, stock phrases) are left out of the index. The spans a
document shares with hit items are returned in the document's own character offsets, so a stage can
cut them out instead of dropping the document. ``n`` and the thresholds come from
``benchmarks/decontam.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from filters.text_batch import powers, spans, str_table

STEP: Final = "decontam_v1"
DEFAULT_N: Final = 12


@dataclass(frozen=True)
class EvalItem:
    eval_set: str
    item_id: str
    text: str  # the item's fields joined with newlines (question, passage, choices, answer)


def canonical(text: str) -> tuple[str, list[int]]:
    """Letters and digits only, Latin lowercased, with each kept character's offset in ``text`` (a
    character whose lower case is two, ``İ``, gives both the same offset)."""
    chars, pos = [], []
    for i, ch in enumerate(text):
        if ch.isalnum():
            for low in ch.lower():
                chars.append(low)
                pos.append(i)
    return "".join(chars), pos


@dataclass(frozen=True)
class Hit:
    eval_set: str
    item_id: str
    coverage: float  # share of the item's indexed n-grams found in the document
    hits: int


class NgramIndex:
    """n-gram -> items, built once on the driver and broadcast to the executors."""

    def __init__(self, items: Sequence[EvalItem], n: int = DEFAULT_N, max_items_per_gram: int = 20) -> None:
        self.n = n
        self.items = [(it.eval_set, it.item_id) for it in items]
        postings: dict[str, set[int]] = defaultdict(set)
        for k, it in enumerate(items):
            canon, _ = canonical(it.text)
            for i in range(len(canon) - n + 1):
                postings[canon[i:i + n]].add(k)
        self.grams: dict[str, tuple[int, ...]] = {
            g: tuple(sorted(ks)) for g, ks in postings.items() if len(ks) <= max_items_per_gram}
        counts = [0] * len(items)
        for ks in self.grams.values():
            for k in ks:
                counts[k] += 1
        self.item_grams = counts
        self.dropped_grams = len(postings) - len(self.grams)

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k not in ("_hashes", "_seen")}  # rebuilt where used

    def gram_hashes(self) -> tuple[np.ndarray, np.ndarray]:
        """The sorted 64-bit keys of the indexed n-grams (``Layout.key``'s polynomial, without its length
        mix: every n-gram has ``n`` characters), and a table of their low bits that rules most windows out
        before the sorted search; built once per process."""
        if "_hashes" not in self.__dict__:
            grams = list(self.grams)
            cp = np.frombuffer("".join(grams).encode("utf-32-le"), np.uint32).reshape(len(grams), self.n)
            _, inv = powers(self.n)
            h = np.zeros(len(grams), np.uint64)
            for t in range(self.n):
                h += (cp[:, t].astype(np.uint64) + np.uint64(1)) * inv[t]
            self._hashes = np.unique(h)
            self._seen = np.zeros(_SEEN_SIZE, bool)
            self._seen[(self._hashes & np.uint64(_SEEN_SIZE - 1)).astype(np.int64)] = True
        return self._hashes, self._seen

    def may_hit(self, texts: Sequence[str]) -> np.ndarray:
        """Per text, whether ``scan`` can find an indexed n-gram in it, for a whole batch at once: every
        n-gram of the texts' canonical forms hashed in numpy and looked up among the index's keys. Equal
        strings have equal keys, so False is certain (``scan`` would find nothing) and True leaves the
        decision to ``scan``. A text with a character whose lowercase is not one character, or one that
        cannot be encoded (a lone surrogate), is always True."""
        out = np.zeros(len(texts), bool)
        for i, j in spans(texts, 1 << 20):
            out[i:j] = self._may_hit(texts[i:j])
        return out

    def _may_hit(self, texts: Sequence[str]) -> np.ndarray:
        n = self.n
        try:
            cp = np.frombuffer("".join(texts).encode("utf-32-le"), np.uint32)
        except UnicodeEncodeError:
            return np.ones(len(texts), bool)
        lens = np.fromiter((len(t) for t in texts), np.int64, len(texts))
        doc = np.repeat(np.arange(len(texts)), lens)
        keep = str_table("isalnum")[cp]
        cp, doc = cp[keep], doc[keep]
        out = np.zeros(len(texts), bool)
        m = len(cp) - n + 1
        if m <= 0:
            return out
        # Lowercase by a table of the code points present: Python's own ``str.lower``.
        present = np.flatnonzero(np.bincount(cp))
        lower = [chr(c).lower() for c in present.tolist()]
        single = np.fromiter((len(x) == 1 for x in lower), bool, len(lower))
        if not single.all():  # 'İ'.lower() is two characters: the exact scan decides
            odd = np.zeros(int(present[-1]) + 1, bool)
            odd[present[~single]] = True
            out[np.unique(doc[odd[cp]])] = True
        table = np.zeros(int(present[-1]) + 1, np.uint64)
        table[present] = np.fromiter((ord(x[0]) for x in lower), np.uint64, len(lower)) + np.uint64(1)
        c = table[cp]
        bpow, inv = powers(len(c) + 1)
        prefix = np.concatenate(([np.uint64(0)], np.cumsum(c * inv[:len(c)], dtype=np.uint64)))
        keys = (prefix[n:] - prefix[:m]) * bpow[:m]  # sum of c[i + t] * B**-t: the index's keys
        hashes, seen = self.gram_hashes()
        maybe = np.flatnonzero(seen[(keys & np.uint64(_SEEN_SIZE - 1)).astype(np.int64)])
        at = np.minimum(np.searchsorted(hashes, keys[maybe]), len(hashes) - 1)
        found = maybe[hashes[at] == keys[maybe]]
        found = found[doc[found] == doc[found + n - 1]]  # windows inside one document
        out[np.unique(doc[found])] = True
        return out

    def per_set(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for s, _ in self.items:
            out[s] += 1
        return dict(sorted(out.items()))

    def scan(self, text: str, min_coverage: float, min_hits: int) -> tuple[list[Hit], list[tuple[int, int]]]:
        """Items the text hits, and the text's spans (start, end offsets) shared with those items."""
        canon, pos = canonical(text)
        n = self.n
        found: dict[int, set[str]] = defaultdict(set)
        where: dict[str, list[int]] = defaultdict(list)
        grams = self.grams
        for i in range(len(canon) - n + 1):
            g = canon[i:i + n]
            ks = grams.get(g)
            if ks is None:
                continue
            where[g].append(i)
            for k in ks:
                found[k].add(g)
        hits: list[Hit] = []
        spans: list[tuple[int, int]] = []
        for k, gs in sorted(found.items()):
            total = self.item_grams[k]
            cov = len(gs) / total if total else 0.0
            if cov >= min_coverage and len(gs) >= min_hits:
                hits.append(Hit(self.items[k][0], self.items[k][1], round(cov, 4), len(gs)))
                for g in gs:
                    spans += [(pos[i], pos[i + n - 1] + 1) for i in where[g]]
        return hits, _merge(spans)


#: Entries of the low-bits table before the sorted search (a few per cent of windows pass it).
_SEEN_SIZE: Final = 1 << 22


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def cut(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without the spans; lines left without a letter or digit by the cut are removed."""
    if not spans:
        return text
    parts, last = [], 0
    for s, e in spans:
        parts.append(text[last:s])
        last = e
    parts.append(text[last:])
    lines = [ln.rstrip() for ln in "".join(parts).split("\n")]
    return "\n".join(ln for ln in lines if any(ch.isalnum() for ch in ln))
