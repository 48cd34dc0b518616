"""MinHash for Korean near-duplicate detection: shingles, 64-bit signatures, LSH band keys.

Pure numpy over whole Arrow batches. All hash arithmetic is unsigned 64-bit and wraps modulo 2^64 by
design (numpy ``uint64`` arrays), so no product is ever taken "before a modulo" and nothing can
overflow into a wrong value. Shingle hashes are mixed with the SplitMix64 finalizer; the permutations
are then ``a_i * x + b_i mod 2^64`` with odd ``a_i``: each a bijection of 64-bit integers, applied to
well-mixed inputs, at one multiply and one add per shingle and permutation (a second SplitMix round
per permutation cost ten times as much for the same estimates). Multipliers and offsets derive from
the manifest's seed, so signatures are identical on every run, machine and partitioning.

Shingle units (text is NFC already; it is lowercased and punctuation is removed first):

- ``char`` (the default, bigrams: benchmarks/near_dup.py): character n-grams of the text *with
  whitespace removed*, so 띄어쓰기 (spacing) changes do not change a single shingle, and a particle
  swap (은/는) changes only the n-grams that touch it;
- ``eojeol``: n-grams of whitespace words;
- ``morph``: n-grams of Kiwi morphemes (slow; for comparison).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final, NamedTuple

import numpy as np
import pandas as pd
import xxhash

from filters.kiwi_model import kiwi

UNITS: Final = ("char", "eojeol", "morph")
DEFAULT_NGRAM: Final = {"char": 2, "eojeol": 1, "morph": 3}  # the best n of each unit in benchmarks/near_dup.py
_M1: Final = np.uint64(0xBF58476D1CE4E5B9)
_M2: Final = np.uint64(0x94D049BB133111EB)
_GOLDEN: Final = np.uint64(0x9E3779B97F4A7C15)
_BASE: Final = np.uint64(0x100000001B3)  # the FNV prime, as the polynomial base of rolling hashes
_PUNCT: Final = re.compile(r"[^\w\s]|_")
_SPACE: Final = re.compile(r"\s+")
#: Shingles processed at once when signatures are computed (rows of the shingles x permutations
#: matrix): 1,024 x 128 permutations x 8 bytes = 1 MB, which stays in the CPU's cache between the
#: multiply, the add and the minimum. At 65,536 rows (64 MB) the same work took 2.5 to 4.6 times as
#: long on this project's machine (docs/throughput.md).
CHUNK_SHINGLES: Final = 1_024


def mix64(z: np.ndarray) -> np.ndarray:
    """SplitMix64's finalizer on a uint64 array (wrapping arithmetic; a bijection)."""
    z = z.astype(np.uint64, copy=True)
    z ^= z >> np.uint64(30)
    z *= _M1
    z ^= z >> np.uint64(27)
    z *= _M2
    z ^= z >> np.uint64(31)
    return z


def permutation_seeds(seed: int, num_perm: int) -> np.ndarray:
    """``(2, num_perm)`` uint64: odd multipliers and offsets of the permutations, from one integer
    seed (SplitMix64's sequence)."""
    steps = (np.arange(1, 2 * num_perm + 1, dtype=np.uint64) * _GOLDEN) + np.uint64(seed % 2**64)
    params = mix64(steps).reshape(2, num_perm)
    params[0] |= np.uint64(1)
    return params


def _permute_min(shingle_hashes: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """(len(shingle_hashes) x num_perm) permuted values: ``a * x + b`` modulo 2^64."""
    m = shingle_hashes[:, None] * seeds[0][None, :]
    m += seeds[1][None, :]
    return m


def prepare(text: str) -> str:
    """Lowercase, punctuation removed, whitespace collapsed."""
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.lower())).strip()


def _rolling(units: np.ndarray, n: int) -> np.ndarray:
    """Polynomial hashes of every window of ``n`` consecutive unit hashes, then mixed."""
    if len(units) == 0:
        return units
    if len(units) < n:
        n = len(units)  # a text shorter than one shingle is one shingle
    m = len(units) - n + 1
    h = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        h = h * _BASE + units[k:k + m]
    return mix64(h)


def shingles(text: str, unit: str = "char", n: int | None = None) -> np.ndarray:
    """The distinct 64-bit shingle hashes of a document (sorted; empty for a text without words)."""
    n = n or DEFAULT_NGRAM[unit]
    clean = prepare(text)
    if unit == "char":
        flat = clean.replace(" ", "")
        units = np.frombuffer(flat.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    else:
        words = clean.split() if unit == "eojeol" else [t.form for t in kiwi().tokenize(clean)]
        units = np.fromiter((xxhash.xxh64_intdigest(w.encode("utf-8")) for w in words), dtype=np.uint64,
                            count=len(words))
    return np.unique(_rolling(units, n))


class ShingleRows(NamedTuple):
    """The distinct shingles of a batch's texts, text after text: the first ``counts[0]`` values of ``flat``
    are the first text's, and so on (in no particular order within a text)."""

    flat: np.ndarray  # uint64
    counts: np.ndarray  # int64, one per text

    def sets(self) -> list[np.ndarray]:
        """Each text's shingles, sorted (``shingles``'s arrays)."""
        ends = np.cumsum(self.counts)
        return [np.sort(self.flat[e - c:e]) for c, e in zip(self.counts.tolist(), ends.tolist(), strict=True)]


def shingle_rows(texts: Sequence[str], unit: str = "char", n: int | None = None) -> ShingleRows:
    """``shingles`` of every text, computed for the whole batch where numpy can.

    For ``char`` shingles, what ``shingles`` does text by text in Python (``prepare``'s regular
    expressions, a rolling hash per text) is done once over the batch's code points: each text lowered on
    its own, as ``prepare`` does; a code point is a unit unless ``prepare``'s punctuation or whitespace
    class takes it (a table per code point, built from those very expressions); the windows inside one
    text; a text shorter than one shingle is one shingle. A window's shingle is a bijection of its code
    points (the rolling hash of fewer than 2**21-valued units cannot wrap, and ``mix64`` is one), so where
    the text's number and the window's code points fit in 64 bits (21 bits a code point: bigrams, the
    default, in batches of up to four million texts) the distinct windows of each text are found in one
    hash pass over those exact keys, not a sort per text. Other units go text by text."""
    n = n or DEFAULT_NGRAM[unit]
    if unit != "char":
        return _rows([shingles(t, unit, n) for t in texts])
    lowered = [t.lower() for t in texts]
    lengths = np.fromiter((len(t) for t in lowered), np.int64, len(lowered))
    cps = np.frombuffer("".join(lowered).encode("utf-32-le"), dtype="<u4")
    keep = _unit_table()[cps]
    units = cps[keep].astype(np.uint64)
    unit_doc = np.repeat(np.arange(len(texts)), lengths)[keep]
    per_text = np.bincount(unit_doc, minlength=len(texts))
    doc_bits = max(len(texts) - 1, 1).bit_length()
    if n * _CODE_POINT_BITS + doc_bits > 64:
        return _rows(_distinct_per_text(units, per_text, n))
    m = max(len(units) - n + 1, 0)
    inside = np.flatnonzero(unit_doc[:m] == unit_doc[n - 1:n - 1 + m])  # windows that end in their text
    exact = unit_doc[inside].astype(np.uint64)
    h = np.zeros(len(inside), np.uint64)
    for k in range(n):
        exact = (exact << np.uint64(_CODE_POINT_BITS)) | units[inside + k]
        h = h * _BASE + units[inside + k]
    first = ~pd.Series(exact, copy=False).duplicated().to_numpy()
    flat, counts = mix64(h[first]), np.bincount(unit_doc[inside[first]], minlength=len(texts))
    short = np.flatnonzero((per_text > 0) & (per_text < n))
    if not len(short):
        return ShingleRows(flat, counts)
    # a text shorter than one shingle: one shingle of the whole text, in its place among the texts
    ends = np.cumsum(per_text)
    one = np.array([_rolling(units[e - c:e], n)[0] for c, e in zip(per_text[short], ends[short], strict=True)],
                   np.uint64)
    at = np.cumsum(counts)[short]  # the windows of the texts before it (it has none)
    counts[short] = 1
    return ShingleRows(np.insert(flat, at, one), counts)


_CODE_POINT_BITS: Final = 21  # every code point is below 2**21


def _distinct_per_text(units: np.ndarray, per_text: np.ndarray, n: int) -> list[np.ndarray]:
    """Each text's distinct windows, a sort per text: for shingles too long to be keyed exactly."""
    ends = np.cumsum(per_text)
    m = max(len(units) - n + 1, 0)
    h = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        h = h * _BASE + units[k:k + m]
    h = mix64(h)
    out = []
    for count, end in zip(per_text.tolist(), ends.tolist(), strict=True):
        start = end - count
        if count >= n:  # the windows that start in this text and end in it
            out.append(np.unique(h[start:end - n + 1]))
        else:  # shorter than one shingle: one shingle of the whole text (none for an empty one)
            out.append(np.unique(_rolling(units[start:end], n)))
    return out


def _rows(sets: Sequence[np.ndarray]) -> ShingleRows:
    flat = np.concatenate(sets) if len(sets) else np.empty(0, np.uint64)
    return ShingleRows(flat, np.fromiter((len(x) for x in sets), np.int64, len(sets)))


@cache
def _unit_table() -> np.ndarray:
    """Per code point: whether ``prepare`` keeps it as a unit of ``char`` shingles (neither its
    punctuation nor its whitespace class takes it)."""
    from filters.text_batch import regex_table

    return ~(regex_table(_PUNCT.pattern) | regex_table(r"\s"))


def signatures(shingle_sets: Sequence[np.ndarray], seeds: np.ndarray) -> np.ndarray:
    """MinHash signatures (len(shingle_sets) x num_perm, uint64) for a whole batch at once: ``signatures_of``
    the sets concatenated."""
    return signatures_of(*_rows(shingle_sets), seeds)


def signatures_of(flat: np.ndarray, counts: np.ndarray, seeds: np.ndarray) -> np.ndarray:
    """MinHash signatures (len(counts) x num_perm, uint64) of documents whose shingles are ``flat``, the
    first ``counts[0]`` the first document's and so on.

    The permutation matrix is computed ``CHUNK_SHINGLES`` rows at a time, whatever documents they belong
    to, and reduced per document with ``np.minimum.reduceat``; a document that spans chunks takes the
    minimum of its pieces (the minimum is the same however its shingles are split). A document without
    shingles gets the all-ones signature (it matches nothing: its band keys are never shared because
    the stage skips such documents).
    """
    k = seeds.shape[1]
    out = np.full((len(counts), k), np.iinfo(np.uint64).max, dtype=np.uint64)
    owner = np.repeat(np.arange(len(counts)), counts)
    for lo in range(0, len(flat), CHUNK_SHINGLES):
        hi = min(lo + CHUNK_SHINGLES, len(flat))
        docs = owner[lo:hi]
        cuts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        mins = np.minimum.reduceat(_permute_min(flat[lo:hi], seeds), cuts, axis=0)
        np.minimum(out[docs[cuts]], mins, out=mins)
        out[docs[cuts]] = mins
    return out


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(n_docs x bands) 64-bit keys: each band's ``rows`` signature values folded with mix64, and the
    band index mixed in so equal values in different bands never collide."""
    n = sigs.shape[0]
    keys = np.empty((n, bands), dtype=np.uint64)
    for b in range(bands):
        h = np.full(n, (b * int(_GOLDEN)) % 2**64, dtype=np.uint64)
        for r in range(rows):
            h = mix64(h ^ sigs[:, b * rows + r])
        keys[:, b] = h
    return keys


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Share of equal signature values: an unbiased estimate of the Jaccard similarity."""
    return float(np.mean(a == b)) if len(a) else 0.0


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted shingle-hash sets."""
    if not len(a) and not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True)
class LshParams:
    threshold: float
    num_perm: int
    bands: int
    rows: int

    def probability(self, s: float) -> float:
        """Chance that two documents of Jaccard similarity ``s`` share at least one band."""
        return 1.0 - (1.0 - s**self.rows) ** self.bands

    def curve(self, points: Sequence[float] = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)) -> dict[str, float]:
        return {f"{s:.2f}": round(self.probability(s), 4) for s in points}


def choose_lsh(threshold: float, num_perm: int, fp_weight: float = 0.1) -> LshParams:
    """Bands and rows (bands x rows <= num_perm) minimizing the weighted areas of false positives
    below the threshold and false negatives above it, integrated over the S-curve (as datasketch
    does). The default weighs misses nine times more than false candidates, because candidates are
    verified afterwards: at 0.7 and 128 permutations that is 21 bands of 6 rows, which finds 93% of
    pairs at the threshold (datasketch's even weights give 14 x 9 and 44%)."""
    xs_lo = np.linspace(0.0, threshold, 201)
    xs_hi = np.linspace(threshold, 1.0, 201)
    best: tuple[float, int, int] | None = None
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        fp = np.trapezoid(1 - (1 - xs_lo**rows) ** bands, xs_lo)
        fn = np.trapezoid((1 - xs_hi**rows) ** bands, xs_hi)
        err = fp_weight * fp + (1 - fp_weight) * fn
        if best is None or err < best[0] - 1e-12:
            best = (err, bands, rows)
    assert best is not None
    return LshParams(threshold, num_perm, best[1], best[2])
