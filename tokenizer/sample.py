"""The tokenizer's training sample, line by line: pure functions the Spark sampler maps over documents.

A vocabulary learns whatever repeats in its training text. Curated documents are deduplicated and
spam-filtered already; the sample adds three guards of its own so the vocabulary stays clean on text
the filters let through (docs/tokenizer.md):

- a unit of one to four characters repeated four times or more is cut to three repetitions
  (``ㅋㅋㅋㅋㅋㅋ`` -> ``ㅋㅋㅋ``, ``하하하하`` -> ``하하하``), so no piece is a long run;
- a line with a spam-lexicon term is left out, so no spam compound becomes a piece;
- a line longer than SentencePiece's limit is cut at spaces instead of being skipped by the trainer.

Lines are drawn with probability ``rate`` by a keyed hash of (seed, doc id, line number): the same
manifest gives the same sample on any cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import xxhash

from filters.kiwi_model import kiwi
from filters.lexicon import load_lexicon
from tokenizer.spm import HINT_DELIMITER, MAX_SENTENCE_BYTES

#: A unit of 1-4 non-space characters repeated at least 4 times in a row.
_RUN = re.compile(r"(\S{1,4}?)\1{3,}")
MAX_REPEATS = 3


def cap_runs(line: str) -> str:
    """Cut every run to three repetitions; repeated until stable, since a cut can line up the rest of a
    run with another alignment (``┼───┼───…`` read from its first ``─``)."""
    for _ in range(8):
        new = _RUN.sub(lambda m: m.group(1) * MAX_REPEATS, line)
        if new == line:
            break
        line = new
    return line


def draw(seed: int, doc_id: str, index: int, rate: float) -> bool:
    """Deterministic Bernoulli(rate) for line ``index`` of a document."""
    if rate >= 1.0:
        return True
    return xxhash.xxh64_intdigest(f"{doc_id}\x00{index}", seed=seed) < rate * 2.0**64


def _cut(line: str, max_bytes: int) -> list[str]:
    if len(line.encode("utf-8")) <= max_bytes:
        return [line]
    out: list[str] = []
    cur = ""
    for word in line.split(" "):
        cand = f"{cur} {word}" if cur else word
        if len(cand.encode("utf-8")) > max_bytes and cur:
            out.append(cur)
            cand = word
        cur = cand
    if cur:
        out.append(cur)
    # A single "word" longer than the limit (a URL, a base64 blob) is cut by characters.
    return [piece for part in out for piece in _cut_chars(part, max_bytes)]


def _cut_chars(s: str, max_bytes: int) -> list[str]:
    if len(s.encode("utf-8")) <= max_bytes:
        return [s]
    step = max(1, max_bytes // 4)
    return [s[i:i + step] for i in range(0, len(s), step)]


def sample_lines(text: str, doc_id: str, seed: int, rate: float, max_bytes: int = MAX_SENTENCE_BYTES) -> list[str]:
    """The document's lines drawn into the sample, cleaned (see the module docstring)."""
    spam = load_lexicon("spam_ko_v1")
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if not line.strip() or not draw(seed, doc_id, i, rate):
            continue
        if spam.hits(line):
            continue
        out.extend(_cut(cap_runs(line), max_bytes))
    return out


def morpheme_starts(text: str, tokens: Iterable[Any]) -> set[int]:
    """Character offsets inside an eojeol where Kiwi starts a morpheme (not after a space, not at 0).

    Kiwi splits some syllables (했 = 하 + 었): both morphemes then start at the same character, and
    only boundaries between characters count."""
    starts: set[int] = set()
    for tok in tokens:
        s = tok.start
        if 0 < s < len(text) and not text[s - 1].isspace() and not text[s].isspace():
            starts.add(s)
    return starts


def with_hints(lines: Sequence[str]) -> list[str]:
    """Lines with HINT_DELIMITER at Kiwi's morpheme boundaries, for the morpheme-aware variant."""
    out: list[str] = []
    for line, tokens in zip(lines, kiwi().tokenize(list(lines)), strict=True):
        cuts = sorted(morpheme_starts(line, tokens))
        if not cuts:
            out.append(line)
            continue
        parts, prev = [], 0
        for c in cuts:
            parts.append(line[prev:c])
            prev = c
        parts.append(line[prev:])
        out.append(HINT_DELIMITER.join(parts))
    return out
