"""datatrove's four filters decided for a whole batch at once, in numpy over the batch's code points.

Per document in Python, datatrove's Gopher quality, Gopher repetition, C4 and FineWeb filters cost the
quality stage most of its time (docs/throughput.md): every filter splits the text again, builds lists of
lines, words and n-gram strings, and counts them in Python loops. Here one batch is laid out once as an
array of code points; words, lines and paragraphs are index ranges into it; every per-character test is
a lookup table built from Python's own ``str`` methods (so ``isspace``, ``isalpha`` and ``\\w`` mean
what they mean to datatrove), and equality of lines, paragraphs and n-grams is a 64-bit polynomial hash
of their code points. Each rule's statistic is the one datatrove computes, with the same float
arithmetic, and rules are tried in datatrove's order.

Three rules are sequential in datatrove. The top n-gram rule (most common n-gram, first seen on ties)
is computed from sorted keys. The duplicated n-gram rule (a greedy scan that skips what it counted) is
bounded first, and the scan is replayed on integer keys only where the bound does not clear the
document. C4's line filters (citations removed, then lines with JavaScript or policy words dropped) are
gated: a document the gate does not clear is judged by datatrove itself (``None`` in the result), as is
any document on the Kiwi word path. Hash equality includes string equality, so a collision can only
count one more duplicate (probability about n²/2⁶⁴ in a document of n lines). ``benchmarks/quality_equivalence.py``
compares every decision and recorded statistic with datatrove's on the real corpora.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np
import pandas as pd
from datatrove.pipeline.filters.c4_filters import CITATION_REGEX, POLICY_SUBSTRINGS
from datatrove.utils.text import PUNCTUATION_SET

from filters.datatrove_ko import (
    C4,
    FINEWEB,
    GOPHER_QUALITY,
    GOPHER_REPETITION,
    MIN_WORDS_TOP_NGRAMS,
    STOP_WORD_TRAIL,
    DatatroveFilters,
    EojeolStopWords,
)
from filters.text_batch import Layout, char_set, chunks, counted_before, hash_text, stored_table, str_table
from filters.words import SENTENCE_PUNCT

Judged = tuple[dict[str, float], str | None]
_GRAM_MIX: Final = 0xFF51AFD7ED558CCD
_LINE_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines
#: C4's line filters act only on lines holding one of these (lowercased) or a citation; a document with
#: none of them, no word over C4's 1,000 characters and a word keeps every non-empty line.
#: They are searched in the chunk's ASCII lowercased to one byte a character (every other character a zero byte,
#: and a zero byte between texts), so every ASCII spelling is found; a character outside ASCII whose lowercase is
#: ASCII (the Kelvin sign) sends its document to datatrove on its own.
_C4_WORDS: Final = re.compile("|".join(map(re.escape, ("lorem ipsum", "javascript", *POLICY_SUBSTRINGS))).encode())


def _table(kind: str) -> np.ndarray:
    if kind in ("space", "alpha"):
        return str_table({"space": "isspace", "alpha": "isalpha"}[kind])
    if kind == "lower_ascii":  # a non-ASCII character whose lowercase holds an ASCII letter (K, İ)
        return _lower_ascii()
    return char_set(frozenset({"punct": PUNCTUATION_SET, "sentence": SENTENCE_PUNCT, "breaks": _LINE_BREAKS,
                               "stop_trail": STOP_WORD_TRAIL}[kind]))


@cache
def _lower_ascii() -> np.ndarray:
    return stored_table("lower_ascii", lambda: np.fromiter(
        (c > 127 and any("a" <= x <= "z" for x in chr(c).lower()) for c in range(0x110000)), bool, 0x110000))


def _duplicates(lay: Layout, start: np.ndarray, end: np.ndarray, doc: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """datatrove's ``find_duplicates`` per document: (elements, duplicated elements, their characters)."""
    key = lay.key(start, end, lay.prefix)
    length = end - start
    order = np.lexsort((key, doc))
    d, k = doc[order], key[order]
    new = np.ones(len(d), bool)
    new[1:] = (d[1:] != d[:-1]) | (k[1:] != k[:-1])
    n = lay.per_doc(doc)
    unique = lay.per_doc(d[new])
    chars = lay.per_doc(doc, length.astype(np.float64)) - lay.per_doc(d[new], length[order][new].astype(np.float64))
    return n, n - unique, chars


def _splitlines(lay: Layout) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``str.splitlines()``: a CR LF pair is one break; no piece after a final break."""
    pos = np.flatnonzero(_table("breaks")[lay.cp])
    nxt = np.minimum(pos + 1, len(lay.cp) - 1)
    crlf = (lay.cp[pos] == 13) & (pos + 1 < len(lay.cp)) & (lay.cp[nxt] == 10) & ~lay.first[pos + 1]
    alone = ~np.isin(pos, pos[crlf] + 1)  # the LF of a CR LF is not a break of its own
    start, stop, doc = lay.split(pos[alone], pos[alone] + 1 + crlf[alone])
    is_last = np.ones(len(doc), bool)
    is_last[:-1] = doc[1:] != doc[:-1]
    keep = ~(is_last & (start == stop))
    return start[keep], stop[keep], doc[keep]


def _newline_pieces(lay: Layout, runs: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``text.split("\\n")`` (runs=False) or ``re.split("\\n+", text)`` (runs=True)."""
    nl = lay.cp == 10
    if runs:
        s, e = lay.runs(nl)
        return lay.split(s, e)
    pos = np.flatnonzero(nl)
    return lay.split(pos, pos + 1)


@dataclass
class _Rule:
    """One rule of a filter over the batch: where it fails, and the statistic it tests."""

    name: str
    fails: np.ndarray
    stat: np.ndarray | None = None
    exact: np.ndarray | None = None  # where ``stat`` is the statistic itself, not a bound (None: everywhere)


@dataclass
class _Verdicts:
    """A filter's rules over a chunk, in datatrove's order, with its recorded statistic."""

    rules: list[_Rule]
    undecided: np.ndarray  # left to datatrove whatever the rules say
    stat_name: str
    stat: np.ndarray
    n_words: np.ndarray  # -1 - count where the guard says "no_words"

    def decide(self) -> list[Judged | None]:
        """Each document's first failing rule, in datatrove's order; None where datatrove must judge."""
        out: list[Judged | None] = []
        # the first failing rule of every document at once (len(rules): none); then Python lists, not numpy
        # scalars, per document
        fails = np.stack([r.fails for r in self.rules] + [np.ones(len(self.stat), bool)])
        first = fails.argmax(axis=0).tolist()
        stats = [r.stat.tolist() if r.stat is not None else None for r in self.rules]
        for i, (undecided, stat, n_words) in enumerate(zip(self.undecided.tolist(), self.stat.tolist(),
                                                            self.n_words.tolist(), strict=True)):
            if undecided:
                out.append(None)
                continue
            scores = {self.stat_name: float(stat)}
            if n_words < 0:  # the guard: no words, or none with a letter or digit
                scores["no_words"] = float(-1 - n_words)
                out.append((scores, "no_words"))
                continue
            k = first[i]
            if k == len(self.rules):
                out.append((scores, None))
                continue
            r = self.rules[k]
            if r.name != self.stat_name:
                scores[r.name] = float(stats[k][i]) if stats[k] is not None else 1.0
            out.append((scores, r.name))
        return out


def _guard(lay: Layout) -> np.ndarray:
    """Word counts, with -1 - count where datatrove_ko's guard says "no_words"."""
    return np.where((lay.n_words > 0) & lay.alnum_docs, lay.n_words, -1 - lay.n_words)


def gopher_quality(lay: Layout, f: DatatroveFilters) -> _Verdicts:
    g = f.gopher_quality
    n_words = lay.n_words.astype(np.float64)
    safe_words = np.maximum(n_words, 1)
    avg_all = np.divide(lay.per_doc(lay.w_doc, lay.w_len.astype(np.float64)), safe_words)
    avg_all[lay.n_words == 0] = 0.0
    # words with a character outside datatrove's punctuation set
    nonpunct = ~_table("punct")[lay.cp] & ~lay.space
    has = counted_before(nonpunct)
    solid_word = has[lay.w_end] - has[lay.w_start] > 0
    n_solid = lay.per_doc(lay.w_doc[solid_word])
    with np.errstate(invalid="ignore", divide="ignore"):
        avg = lay.per_doc(lay.w_doc[solid_word], lay.w_len[solid_word].astype(np.float64)) / n_solid
    hashes = lay.per_doc(lay.doc[lay.cp == ord("#")])
    ds, de = lay.runs(lay.cp == ord("."))
    ellipsis = lay.per_doc(lay.doc[ds], ((de - ds) // 3).astype(np.float64)) + lay.per_doc(lay.doc[lay.cp == 0x2026])
    ls, le, ld = _splitlines(lay)
    n_lines = np.maximum(lay.per_doc(ld), 1)
    head = lay.first_solid(ls, le)
    head_cp = np.where(head < le, lay.cp[np.minimum(head, len(lay.cp) - 1)], 0)
    bullets = lay.per_doc(ld, ((head_cp == ord("•")) | (head_cp == ord("-"))).astype(np.float64))
    tail = lay.last_solid(ls, le)
    dots = np.zeros(len(tail), bool)
    three = tail - 2 >= ls
    if three.any():
        t = tail[three]
        dots[three] = (lay.cp[t] == 46) & (lay.cp[t - 1] == 46) & (lay.cp[t - 2] == 46)
    has_tail = tail >= ls
    end_ell = has_tail & ((lay.cp[np.maximum(tail, 0)] == 0x2026) | dots)
    end_ellipsis = lay.per_doc(ld, end_ell.astype(np.float64))
    alpha = counted_before(_table("alpha")[lay.cp])
    alpha_words = lay.per_doc(lay.w_doc[alpha[lay.w_end] - alpha[lay.w_start] > 0])
    stop = _stop_words(lay, g.stop_words)
    with np.errstate(invalid="ignore", divide="ignore"):
        rules = [
            _Rule("too_few_words", n_solid < g.min_doc_words if g.min_doc_words else _no(lay)),
            _Rule("too_many_words", n_solid > g.max_doc_words if g.max_doc_words else _no(lay)),
            _Rule("short_words", avg < g.min_avg_word_length if g.min_avg_word_length else _no(lay), avg),
            _Rule("long_words", avg > g.max_avg_word_length if g.max_avg_word_length else _no(lay), avg),
            _Rule("too_many_hashes", hashes / safe_words > g.max_symbol_word_ratio if g.max_symbol_word_ratio
                  else _no(lay), hashes / safe_words),
            _Rule("too_many_ellipsis", ellipsis / safe_words > g.max_symbol_word_ratio if g.max_symbol_word_ratio
                  else _no(lay), ellipsis / safe_words),
            _Rule("too_many_bullets", bullets / n_lines > g.max_bullet_lines_ratio if g.max_bullet_lines_ratio
                  else _no(lay), bullets / n_lines),
            _Rule("too_many_end_ellipsis", end_ellipsis / n_lines > g.max_ellipsis_lines_ratio
                  if g.max_ellipsis_lines_ratio else _no(lay), end_ellipsis / n_lines),
            _Rule("few_alpha_words", alpha_words / safe_words < g.max_non_alpha_words_ratio
                  if g.max_non_alpha_words_ratio else _no(lay), alpha_words / safe_words),
            _Rule("too_few_stop_words", stop < g.min_stop_words if g.min_stop_words else _no(lay),
                  stop.astype(np.float64)),
        ]
    return _Verdicts(rules, _no(lay), "avg_word_length", avg_all, _guard(lay))


def _no(lay: Layout) -> np.ndarray:
    return np.zeros(lay.n_docs, bool)


def _stop_words(lay: Layout, stop: object) -> np.ndarray:
    """Per document, ``len(stop.intersection(set(words)))`` for a set of words or ``EojeolStopWords``."""
    eojeol = isinstance(stop, EojeolStopWords)
    whole = _key_set(frozenset(stop.whole if eojeol else stop))  # type: ignore[attr-defined, arg-type]
    is_whole = whole.holds(lay.w_key)
    items_doc, items_key = [lay.w_doc[is_whole]], [lay.w_key[is_whole]]
    if eojeol:
        # the eojeol without the punctuation after an ending; an ending is a proper suffix of it, the
        # longest that is one (the regex's leftmost match)
        bare = _without_trail(lay)
        cut = lay.w_start + bare
        found = np.zeros(len(lay.w_start), bool)
        for length, keys in _endings(stop.endings):  # type: ignore[attr-defined]
            cand = ~found & (bare > length)
            k = lay.key(np.where(cand, cut - length, 0), np.where(cand, cut, 0), lay.prefix)
            hit = cand & keys.holds(k)
            items_doc.append(lay.w_doc[hit])
            items_key.append(k[hit] ^ np.uint64(0x5BD1E995))  # "-" + ending: not the whole word
            found |= hit
    d, k = np.concatenate(items_doc), np.concatenate(items_key)
    order = np.lexsort((k, d))
    d, k = d[order], k[order]
    new = np.ones(len(d), bool)
    new[1:] = (d[1:] != d[:-1]) | (k[1:] != k[:-1])
    return lay.per_doc(d[new])


@dataclass(frozen=True)
class _KeySet:
    """The keys of a word list, asked about every word of a chunk. ``np.isin`` sorts the chunk's keys
    with the list's on every call (a tenth of a second for a million words); here a bitmap of the list's
    keys over 2**16 buckets clears most words at one lookup, and the rest are found in the sorted keys."""

    keys: np.ndarray  # sorted
    buckets: np.ndarray  # bool, one per bucket: a key of the list falls in it

    @classmethod
    def of(cls, keys: np.ndarray) -> _KeySet:
        buckets = np.zeros(1 << _SET_BITS, bool)
        buckets[_bucket(keys)] = True
        return cls(np.sort(keys), buckets)

    def holds(self, key: np.ndarray) -> np.ndarray:
        """``np.isin(key, self.keys)``."""
        out = np.zeros(len(key), bool)
        if not len(self.keys):
            return out
        cand = np.flatnonzero(self.buckets[_bucket(key)])
        i = np.minimum(np.searchsorted(self.keys, key[cand]), len(self.keys) - 1)
        out[cand] = self.keys[i] == key[cand]
        return out


_SET_BITS: Final = 16


def _bucket(key: np.ndarray) -> np.ndarray:
    return ((key * np.uint64(_GRAM_MIX)) >> np.uint64(64 - _SET_BITS)).astype(np.intp)


def _without_trail(lay: Layout) -> np.ndarray:
    """Each word's length without the punctuation after it (``STOP_WORD_TRAIL``), stepped back one character
    at a time over the words that still end in it: most end in none, a few in one or two. Past eight steps
    (a run of !!!!!!!!), the rest by a maximum over each word's kept positions."""
    trail = _table("stop_trail")
    cut = lay.w_end.copy()
    for _ in range(8):
        more = np.flatnonzero((cut > lay.w_start) & trail[lay.cp[np.maximum(cut - 1, 0)]])
        if not len(more):
            return cut - lay.w_start
        cut[more] -= 1
    keep = ~trail[lay.cp] & ~lay.space
    idx = np.where(keep, np.arange(len(lay.cp)), -1)
    last = np.maximum.reduceat(idx, lay.w_start) + 1
    return np.maximum(last - lay.w_start, 0)


@cache
def _key_set(words: frozenset[str]) -> _KeySet:
    return _KeySet.of(hash_text(sorted(words)))


@cache
def _endings(endings: tuple[str, ...]) -> tuple[tuple[int, _KeySet], ...]:
    by_len: dict[int, list[str]] = {}
    for e in endings:
        assert e and not any(c.isspace() or c in STOP_WORD_TRAIL for c in e), e
        by_len.setdefault(len(e), []).append(e)
    return tuple((n, _key_set(frozenset(ws))) for n, ws in sorted(by_len.items(), reverse=True))


def gopher_repetition(lay: Layout, text_lens: np.ndarray, f: DatatroveFilters) -> _Verdicts:
    g = f.gopher_repetition
    length = np.maximum(text_lens, 1).astype(np.float64)
    # paragraphs: re.split(r"\n{2,}", text.strip())
    lo = lay.first_solid(lay.doc_start, lay.doc_end)
    hi = lay.last_solid(lay.doc_start, lay.doc_end) + 1
    hi = np.maximum(hi, lo)
    rs, re_ = lay.runs(lay.cp == 10)
    wide = (re_ - rs >= 2) & (rs >= lo[lay.doc[rs]]) & (re_ <= hi[lay.doc[rs]]) if len(rs) else rs > 0
    ps, pe, pd = lay.split(rs[wide], re_[wide], lo, hi)
    n_para, dup_para, dup_para_chars = _duplicates(lay, ps, pe, pd)
    ls, le, ld = _newline_pieces(lay, runs=True)
    n_lines, dup_lines, dup_line_chars = _duplicates(lay, ls, le, ld)
    rules = [
        _Rule("dup_paragraphs", dup_para / n_para > g.dup_para_frac if g.dup_para_frac else _no(lay),
              dup_para / n_para),
        _Rule("dup_paragraph_chars", dup_para_chars / length > g.dup_para_char_frac if g.dup_para_char_frac
              else _no(lay), dup_para_chars / length),
        _Rule("dup_lines", dup_lines / n_lines > g.dup_line_frac if g.dup_line_frac else _no(lay),
              dup_lines / n_lines),
        _Rule("dup_line_chars", dup_line_chars / length > g.dup_line_char_frac if g.dup_line_char_frac
              else _no(lay), dup_line_chars / length),
    ]
    top_ok = lay.n_words >= MIN_WORDS_TOP_NGRAMS
    tops: dict[int, np.ndarray] = {}
    repeated: np.ndarray | None = None
    for n in sorted({n for n, _ in f.p.top_ngram_fracs}):  # shortest first: each narrows the next
        tops[n], repeated = _top_gram(lay, n, top_ok, repeated)
    for n, frac in f.p.top_ngram_fracs:
        top = tops[n] / length
        rules.append(_Rule(f"top_{n}_gram", top_ok & (top > frac), top, exact=top_ok))
    for n, frac in f.p.dup_ngram_fracs:  # the scans only where no earlier rule has decided
        rules.append(_duplicated_grams(lay, n, frac, length, np.logical_or.reduce([r.fails for r in rules])))
    return _Verdicts(rules, _no(lay), "dup_line_char_frac", _line_dup_chars(lay, text_lens), _guard(lay))


def _grams(lay: Layout, n: int, docs: np.ndarray | None = None) -> np.ndarray:
    """Indexes of the words that start an n-gram within their document (of ``docs``), in order."""
    if len(lay.w_doc) < n:
        return np.zeros(0, np.int64)
    i = np.arange(len(lay.w_doc) - n + 1) if docs is None else np.flatnonzero(docs[lay.w_doc[:len(lay.w_doc) - n + 1]])
    return i[lay.w_doc[i] == lay.w_doc[i + n - 1]]


def _top_gram(lay: Layout, n: int, docs: np.ndarray, candidates: np.ndarray | None = None
              ) -> tuple[np.ndarray, np.ndarray]:
    """datatrove's ``find_top_duplicate`` per document: len(" ".join(gram)) * count of the most common
    n-gram, the first seen among equally common ones (``Counter.most_common`` keeps insertion order); and
    the positions whose n-gram may occur more than once.

    Only those positions can start an (n+1)-gram that occurs more than once (n-grams are compared word by
    word, so two equal (n+1)-grams start with equal n-grams): the caller passes them as ``candidates`` for
    n + 1, and only they are hashed and sorted. A document where no n-gram repeats has its first n-gram,
    once, as its most common."""
    i = _grams(lay, n, docs)
    out = np.zeros(lay.n_docs)
    if not len(i):
        return out, i
    first_of_doc = i[np.concatenate(([True], lay.w_doc[i[1:]] != lay.w_doc[i[:-1]]))]
    out[lay.w_doc[first_of_doc]] = _gram_chars(lay, first_of_doc, n)
    if candidates is not None:
        marked = np.zeros(len(lay.w_doc), bool)
        marked[candidates] = True
        i = i[marked[i]]
    key = np.zeros(len(i), np.uint64)
    for k in range(n):
        key = key * np.uint64(_GRAM_MIX) + lay.w_key[i + k]
    key ^= lay.w_doc[i].astype(np.uint64) * np.uint64(_GRAM_MIX)  # one key per document and n-gram
    maybe = _maybe_repeated(key)
    rep = i[maybe]  # ascending: a stable sort keeps each n-gram's occurrences in order
    order = np.argsort(key[maybe], kind="stable")
    k = key[maybe][order]
    new = np.ones(len(k), bool)
    new[1:] = k[1:] != k[:-1]
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(k)))
    first = rep[order][starts]  # each n-gram's first position
    twice = counts > 1  # a key kept by a shared bucket only may occur once: the first n-gram stands for those
    first, counts = first[twice], counts[twice]
    gd = lay.w_doc[first]
    most = np.zeros(lay.n_docs, np.int64)
    np.maximum.at(most, gd, counts)
    lead = counts == most[gd]
    earliest = np.full(lay.n_docs, np.iinfo(np.int64).max)
    np.minimum.at(earliest, gd[lead], first[lead])
    top = lead & (first == earliest[gd])  # the most common, first seen: one per document
    out[gd[top]] = _gram_chars(lay, first[top], n) * counts[top]
    return out, rep


def _gram_chars(lay: Layout, start: np.ndarray, n: int) -> np.ndarray:
    """len(" ".join(words)) of the n-grams starting at ``start``."""
    chars = np.full(len(start), n - 1, np.int64)
    for k in range(n):
        chars += lay.w_len[start + k]
    return chars.astype(np.float64)


def _duplicated_grams(lay: Layout, n: int, frac: float, length: np.ndarray, decided: np.ndarray) -> _Rule:
    """datatrove's ``find_all_duplicate`` rule. Its greedy scan (a repeat counted, then n words skipped)
    is sequential: first a bound for every document (the characters of every n-gram seen before in it,
    "".join as datatrove joins them: at least what the scan counts), then the scan itself, over the
    n-grams' keys, for the documents the bound does not clear."""
    i = _grams(lay, n)
    start, end = lay.cw_start[i], lay.cw_end[i + n - 1]
    key = lay.key(start, end, lay.cprefix)
    chars = end - start
    doc = lay.w_doc[i]
    mixed = key ^ doc.astype(np.uint64) * np.uint64(_GRAM_MIX)
    maybe = np.flatnonzero(_maybe_repeated(mixed))  # an n-gram seen once adds nothing: no need to hash it
    seen = maybe[_repeats(mixed[maybe])]  # every occurrence but the first
    value = lay.per_doc(doc[seen], chars[seen].astype(np.float64))
    over = (value / length > frac) & ~decided
    if over.any():
        lo, hi = np.searchsorted(doc, np.flatnonzero(over)), np.searchsorted(doc, np.flatnonzero(over), "right")
        for d, a, b in zip(np.flatnonzero(over), lo, hi, strict=True):
            value[d] = _greedy(key[a:b], chars[a:b], n)
    return _Rule(f"duplicated_{n}_n_grams", value / length > frac, value / length, exact=over)


def _repeats(key: np.ndarray) -> np.ndarray:
    """True at every occurrence of a value of ``key`` but its first: a hash table's pass (pandas), a third
    of the time of the sort it replaces on crawl pages' n-grams."""
    return pd.Series(key, copy=False).duplicated().to_numpy()


def _maybe_repeated(key: np.ndarray) -> np.ndarray:
    """False where a value of ``key`` (64-bit hashes) certainly occurs once: its bucket of a table twice the
    keys' size holds nothing else. Equal values share a bucket, so every repeated value stays True. Most n-grams
    of a document occur once; sorting only the rest is what makes the repetition rules cheap on long texts."""
    bits = max(int(2 * len(key)).bit_length(), 4)
    bucket = ((key * np.uint64(_GRAM_MIX)) >> np.uint64(64 - bits)).astype(np.intp)
    return np.bincount(bucket, minlength=1 << bits)[bucket] > 1


def _greedy(key: np.ndarray, chars: np.ndarray, n: int) -> int:
    """``find_all_duplicate``'s scan over one document's n-gram keys, visiting only the n-grams seen
    before: a position is counted when the scan reaches it and an earlier occurrence was reached
    (counted or added), and a counted position makes the scan skip the next n - 1."""
    maybe = np.flatnonzero(_maybe_repeated(key))  # a key seen once is its own first occurrence
    order = maybe[np.argsort(key[maybe], kind="stable")]
    k = key[order]
    new = np.ones(len(k), bool)
    new[1:] = k[1:] != k[:-1]
    first = np.arange(len(key), dtype=np.int64)
    first[order] = order[new][np.cumsum(new) - 1]  # each position's first occurrence
    cand = np.flatnonzero(first < np.arange(len(key)))
    counted: list[int] = []
    seen: set[int] = set()
    repeated, idx = 0, 0
    for p, kk, f, c in zip(cand.tolist(), key[cand].tolist(), first[cand].tolist(), chars[cand].tolist(),
                           strict=True):
        if p < idx:
            continue  # skipped
        if kk not in seen:  # was its first occurrence reached?
            j = bisect_left(counted, f) - 1
            if j < 0 or f - counted[j] >= n:
                seen.add(kk)
        if kk in seen:
            repeated += c
            counted.append(p)
            idx = p + n
        else:
            seen.add(kk)
    return repeated


def _nonempty_lines(lay: Layout) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``[x for x in text.split("\\n") if x.strip()]``."""
    s, e, d = _newline_pieces(lay, runs=False)
    solid = lay.solid_before
    keep = solid[e] - solid[s] > 0
    return s[keep], e[keep], d[keep]


def _line_dup_chars(lay: Layout, text_lens: np.ndarray) -> np.ndarray:
    """Gopher repetition's recorded statistic: characters in repeated non-empty lines over the text's
    characters that are not newlines."""
    s, e, d = _nonempty_lines(lay)
    n, _, chars = _duplicates(lay, s, e, d)
    chars_no_nl = text_lens - lay.per_doc(lay.doc[lay.cp == 10])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 0, chars / np.maximum(chars_no_nl, 1), 0.0)


def c4(lay: Layout, texts: Sequence[str], f: DatatroveFilters) -> _Verdicts:
    """C4 as the quality stage configures it keeps every document with a word unless a line holds
    lorem ipsum, JavaScript, a policy phrase, a citation or a word over 1,000 characters: those
    documents are left to datatrove."""
    c = f.c4
    assert not c.filter_no_terminal_punct and c.min_words_per_line == -1 and not c.filter_curly_bracket
    assert c.min_num_sentences == 1 and c.max_word_length > 0 and c.split_paragraph
    odd = lay.per_doc(lay.doc[_table("lower_ascii")[lay.cp]]) > 0
    odd |= lay.per_doc(lay.w_doc[lay.w_len > c.max_word_length]) > 0
    odd |= _holds_c4_words(lay)
    odd |= np.fromiter(("[" in t and CITATION_REGEX.search(t) is not None for t in texts), bool, len(texts))
    return _Verdicts([], odd, "sentences", _sentences(lay), _guard(lay))


def _holds_c4_words(lay: Layout) -> np.ndarray:
    """Per document, whether its text holds one of ``_C4_WORDS`` in any case (ASCII letters)."""
    ascii_lower = np.insert(_ascii_lower()[lay.cp], lay.doc_start[1:], 0)  # text d starts at doc_start[d] + d
    found = np.array([m.start() for m in _C4_WORDS.finditer(ascii_lower.tobytes())], np.int64)
    holds = np.zeros(lay.n_docs, bool)
    holds[np.searchsorted(lay.doc_start + np.arange(lay.n_docs), found, side="right") - 1] = True
    return holds


@cache
def _ascii_lower() -> np.ndarray:
    """Per code point: its lowercase where it is ASCII, else 0, as one byte."""
    table = np.zeros(0x110000, np.uint8)
    table[:128] = np.frombuffer(bytes(range(128)).lower(), np.uint8)
    return table


def _sentences(lay: Layout) -> np.ndarray:
    """``len(EojeolTokenizer.sent_tokenize(text))``: pieces with a non-space character between line
    breaks and whitespace after sentence punctuation."""
    solid = lay.solid_at
    if not len(solid):
        return np.zeros(lay.n_docs)
    new = np.zeros(len(solid), bool)
    new[np.searchsorted(solid, lay.doc_start[lay.n_words > 0])] = True  # each text's first
    gap = np.flatnonzero(solid[1:] - solid[:-1] > 1)  # whitespace after solid[gap]: only there can one end
    nl = counted_before(lay.cp == 10)
    has_nl = nl[solid[gap + 1]] - nl[solid[gap] + 1] > 0
    after_punct = _table("sentence")[lay.cp[solid[gap]]]
    new[gap + 1] |= has_nl | after_punct
    return lay.per_doc(lay.doc[solid[new]]).astype(np.float64)


def fineweb(lay: Layout, text_lens: np.ndarray, f: DatatroveFilters) -> _Verdicts:
    fw = f.fineweb
    stops = char_set(frozenset(fw.stop_chars))
    assert all(len(c) == 1 for c in fw.stop_chars)
    s, e, d = _nonempty_lines(lay)
    n = lay.per_doc(d)
    safe = np.maximum(n, 1)
    ends_raw = stops[lay.cp[e - 1]] if len(e) else np.zeros(0, bool)
    punct = lay.per_doc(d, ends_raw.astype(np.float64)) / safe
    tail = lay.last_solid(s, e)
    ends_stripped = stops[lay.cp[tail]] if len(tail) else np.zeros(0, bool)
    recorded = np.where(n > 0, lay.per_doc(d, ends_stripped.astype(np.float64)) / safe, 0.0)
    short = lay.per_doc(d, (e - s <= fw.short_line_length).astype(np.float64)) / safe
    _, _, chars = _duplicates(lay, s, e, d)
    no_nl = text_lens - lay.per_doc(lay.doc[lay.cp == 10])
    char_dup = chars / np.maximum(no_nl, 1)
    newlines = lay.per_doc(lay.doc[lay.cp == 10])
    lists = newlines / np.maximum(lay.n_words, 1)
    rules = [
        _Rule("line_punct_ratio", (punct < fw.line_punct_thr) & ~((punct == 0) & fw.line_punct_exclude_zero),
              recorded),
        _Rule("short_line_ratio", short > fw.short_line_threshold, short),
        _Rule("char_dup_ratio", char_dup > fw.char_duplicates_ratio, char_dup),
        _Rule("list_ratio", lists > fw.new_line_ratio, lists),
    ]
    return _Verdicts(rules, _no(lay), "line_punct_ratio", recorded, _guard(lay))


def judge(step: str, texts: Sequence[str], f: DatatroveFilters) -> list[Judged | None]:
    """``step``'s (scores, condition) per text as ``_DatatroveBlock`` records them; None where datatrove
    itself must judge (the Kiwi word path, a document a gate does not decide)."""
    if f.p.word_path != "eojeol":
        return [None] * len(texts)
    out: list[Judged | None] = []
    for part, lay in chunks(texts):
        if lay is not None:
            out += verdicts(step, lay, part, f).decide()
        elif any(part):  # a lone surrogate
            out += [None] * len(part)
        else:  # nothing but empty texts: the guard's "no_words"
            out += [({_STATS[step]: 0.0, "no_words": 0.0}, "no_words") for _ in part]
    return out


_STATS: Final = {GOPHER_QUALITY: "avg_word_length", GOPHER_REPETITION: "dup_line_char_frac", C4: "sentences",
                 FINEWEB: "line_punct_ratio"}


def verdicts(step: str, lay: Layout, texts: list[str], f: DatatroveFilters) -> _Verdicts:
    if step == GOPHER_QUALITY:
        return gopher_quality(lay, f)
    if step == GOPHER_REPETITION:
        return gopher_repetition(lay, lay.lens, f)
    if step == C4:
        return c4(lay, texts, f)
    if step == FINEWEB:
        return fineweb(lay, lay.lens, f)
    raise ValueError(f"unknown datatrove step {step!r}")


def rule_statistics(step: str, texts: list[str], f: DatatroveFilters) -> list[dict[str, float]]:
    """Every exact rule's statistic per document (not only the failing rule's), for the tests that
    compare them with ``DatatroveFilters.rule_statistic``."""
    v = verdicts(step, Layout(texts), texts, f)
    return [{r.name: float(r.stat[i]) for r in v.rules
             if r.stat is not None and (r.exact is None or r.exact[i])} for i in range(len(texts))]
