"""Tokenizer metrics per language, the same for every tokenizer (docs/tokenizer.md).

- the efficiency figure model cards publish, per language: Korean tokens per eojeol and English tokens
  per word (both: whitespace-separated words), code tokens per UTF-8 byte (code has no words worth
  counting: identifiers, operators and indentation);
- Korean/English token parity on parallel documents: tokens of the Korean side over tokens of the
  English side, pooled (1.0: Korean costs what English costs for the same content);
- characters and UTF-8 bytes per token; byte-fallback rate; exact round-trip rate (per document);
- morpheme-boundary precision, recall and F1: token starts inside an eojeol against Kiwi's morpheme
  starts, on a bounded part of the text (Kiwi is the slow part);
- vocabulary hygiene: pieces holding a spam compound (the lexicon's substring terms: 출장마사지),
  PII-like pieces (e-mail addresses, four or more digits), pieces of one unit repeated four times or
  more (traces of undeduplicated text) and pieces spanning several eojeol. Whitespace-only pieces
  (indentation) are deliberate and not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from filters.kiwi_model import kiwi
from filters.lexicon import load_lexicon
from tokenizer.encoders import Encoder
from tokenizer.sample import morpheme_starts

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_DIGITS = re.compile(r"\d(?:[\d\-. ]*\d){3,}")
_REPEATED = re.compile(r"^(\S{1,4}?)\1{3,}$")


#: Languages an evaluation document can be in, and the unit its efficiency figure counts.
UNITS = {"ko": "eojeol", "en": "word", "code": "byte"}


@dataclass
class Metrics:
    tokenizer: str
    domain: str
    lang: str = "ko"
    docs: int = 0
    eojeol: int = 0
    chars: int = 0
    bytes: int = 0
    tokens: int = 0
    byte_fallback: int = 0
    round_trips: int = 0
    boundary_hits: int = 0
    boundary_pred: int = 0
    boundary_gold: int = 0

    def row(self) -> dict[str, float | int | str]:
        p = self.boundary_hits / self.boundary_pred if self.boundary_pred else 0.0
        r = self.boundary_hits / self.boundary_gold if self.boundary_gold else 0.0
        return {
            "tokenizer": self.tokenizer, "domain": self.domain, "lang": self.lang, "docs": self.docs,
            "tokens": self.tokens, "unit": UNITS.get(self.lang, "word"),
            "tokens_per_unit": self.tokens / max(1, self.bytes if self.lang == "code" else self.eojeol),
            "tokens_per_eojeol": self.tokens / max(1, self.eojeol),
            "tokens_per_byte": self.tokens / max(1, self.bytes),
            "chars_per_token": self.chars / max(1, self.tokens),
            "bytes_per_token": self.bytes / max(1, self.tokens),
            "byte_fallback_rate": self.byte_fallback / max(1, self.tokens),
            "round_trip_rate": self.round_trips / max(1, self.docs),
            "boundary_precision": p, "boundary_recall": r,
            "boundary_f1": 2 * p * r / (p + r) if p + r else 0.0,
        }


@dataclass(frozen=True)
class EvalDoc:
    domain: str
    text: str
    lang: str = "ko"
    pair: str | None = None  # parallel documents: the same id on the Korean and the English side


def gold_boundaries(docs: Sequence[EvalDoc], max_chars: int) -> list[set[int] | None]:
    """Kiwi's morpheme starts for the first documents of each domain up to ``max_chars`` (None after)."""
    budget: dict[str, int] = {}
    chosen: list[int] = []
    for i, d in enumerate(docs):
        if budget.get(d.domain, 0) < max_chars:
            budget[d.domain] = budget.get(d.domain, 0) + len(d.text)
            chosen.append(i)
    out: list[set[int] | None] = [None] * len(docs)
    texts = [docs[i].text for i in chosen]
    for i, tokens in zip(chosen, kiwi().tokenize(texts), strict=True):
        out[i] = morpheme_starts(docs[i].text, tokens)
    return out


def _char_starts(text: str, byte_starts: Iterable[int]) -> set[int]:
    """Byte offsets of token starts -> character offsets inside an eojeol (bytes inside a character,
    the start of the text and positions next to whitespace are dropped)."""
    char_at: dict[int, int] = {}
    pos = 0
    for i, ch in enumerate(text):
        char_at[pos] = i
        pos += len(ch.encode("utf-8"))
    out: set[int] = set()
    for b in byte_starts:
        c = char_at.get(b)
        if c and not text[c - 1].isspace() and not text[c].isspace():
            out.add(c)
    return out


def measure(encoder: Encoder, docs: Sequence[EvalDoc], gold: Sequence[set[int] | None]) -> list[Metrics]:
    """Metrics per domain and over all documents (domain ``all``)."""
    by: dict[str, Metrics] = {}
    langs = {d.lang for d in docs}
    total = Metrics(encoder.name, "all", langs.pop() if len(langs) == 1 else "mixed")
    for doc, g in zip(docs, gold, strict=True):
        m = by.setdefault(doc.domain, Metrics(encoder.name, doc.domain, doc.lang))
        enc = encoder.encode(doc.text)
        ok = encoder.decode(enc.ids) == doc.text
        hits = pred = gold_n = 0
        if g is not None:
            starts = _char_starts(doc.text, enc.starts)
            hits, pred, gold_n = len(starts & g), len(starts), len(g)
        for x in (m, total):
            x.docs += 1
            x.eojeol += len(doc.text.split())
            x.chars += len(doc.text)
            x.bytes += len(doc.text.encode("utf-8"))
            x.tokens += len(enc.ids)
            x.byte_fallback += enc.byte_fallback
            x.round_trips += ok
            x.boundary_hits += hits
            x.boundary_pred += pred
            x.boundary_gold += gold_n
    return [*sorted(by.values(), key=lambda m: m.domain), total]


def parity(encoder: Encoder, docs: Sequence[EvalDoc]) -> tuple[float, int]:
    """Tokens of the Korean sides over tokens of the English sides of the parallel documents (pooled),
    and the number of pairs."""
    sides: dict[str, dict[str, int]] = {}
    for d in docs:
        if d.pair is not None and d.lang in ("ko", "en"):
            sides.setdefault(d.pair, {})[d.lang] = len(encoder.encode(d.text).ids)
    pairs = [s for s in sides.values() if len(s) == 2]
    en = sum(s["en"] for s in pairs)
    return (sum(s["ko"] for s in pairs) / en if en else float("nan")), len(pairs)


def language_of(text: str) -> str:
    """``ko`` when at least a fifth of the letters are Hangul, else ``en`` (evaluation files without a
    ``lang`` field; code is declared by its ``language`` field)."""
    letters = hangul = 0
    for ch in text[:20_000]:
        if ch.isalpha():
            letters += 1
            hangul += "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"
    return "ko" if letters and hangul * 5 >= letters else "en"


@dataclass
class Hygiene:
    tokenizer: str
    vocab_size: int
    spam: list[str] = field(default_factory=list)
    pii_like: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)
    multi_eojeol: list[str] = field(default_factory=list)

    def row(self) -> dict[str, int | str]:
        return {"tokenizer": self.tokenizer, "vocab_size": self.vocab_size, "spam": len(self.spam),
                "pii_like": len(self.pii_like), "repeated": len(self.repeated),
                "multi_eojeol": len(self.multi_eojeol)}


def hygiene(encoder: Encoder) -> Hygiene:
    spam = load_lexicon("spam_ko_v1")
    h = Hygiene(encoder.name, encoder.vocab_size)
    for s in encoder.surfaces():
        core = s.strip()
        if not core:
            continue  # whitespace-only pieces: indentation, deliberate
        if any(t in core.replace(" ", "") for t in spam.substrings):  # compounds, not whole-word terms
            h.spam.append(core)
        if _EMAIL.search(core) or _DIGITS.search(core):
            h.pii_like.append(core)
        if _REPEATED.match(core):
            h.repeated.append(core)
        if any(ch.isspace() for ch in core):
            h.multi_eojeol.append(core)
    return h


def read_texts(paths: Sequence[str]) -> list[EvalDoc]:
    """Evaluation text, normalized as the pipeline normalizes it:

    - a directory or ``.parquet`` file: curated documents (a run's ``docs/``), domain from the column;
    - ``.jsonl`` / ``.jsonl.gz``: ``text`` per line, ``domain`` when present (else the file name);
      ``lang`` when present; a ``language`` field (the code corpora's) makes it code; a record with
      ``text_en`` is a parallel pair, both sides measured and their parity reported;
    - anything else: one document per line (the first tab-separated column), domain = the file name.

    Without a declared language, a document is Korean or English by its share of Hangul letters.
    """
    import gzip
    import json
    import os

    import pyarrow.dataset as ds

    from filters.normalize import normalize_text

    out: list[EvalDoc] = []
    for path in paths:
        label = os.path.basename(path.rstrip("/")).split(".")[0]
        if os.path.isdir(path) or path.endswith(".parquet"):
            data = ds.dataset(path, format="parquet", partitioning="hive")
            cols = ["text", "domain"] if "domain" in data.schema.names else ["text"]
            for batch in data.to_batches(columns=cols):
                texts = batch.column(0).to_pylist()
                doms = batch.column(1).to_pylist() if len(cols) == 2 else [label] * len(texts)
                out += [EvalDoc(str(d), t, language_of(t)) for d, t in zip(doms, texts, strict=True) if t]
            continue
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
            for k, line in enumerate(fh):
                if ".jsonl" not in path:
                    text = line.rstrip("\n").split("\t", 1)[0]
                    if text.strip():
                        text = normalize_text(text)[0]
                        out.append(EvalDoc(label, text, language_of(text)))
                    continue
                rec = json.loads(line)
                text, dom = normalize_text(rec.get("text") or "")[0], str(rec.get("domain") or label)
                if rec.get("text_en"):
                    pair = f"{label}:{rec.get('id', k)}"
                    out.append(EvalDoc(f"{dom}:ko", text, "ko", pair))
                    out.append(EvalDoc(f"{dom}:en", normalize_text(rec["text_en"])[0], "en", pair))
                elif text.strip():
                    lang = "code" if rec.get("language") else str(rec.get("lang") or language_of(text))
                    out.append(EvalDoc(dom, text, lang))
    return out
