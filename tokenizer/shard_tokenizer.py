"""The tokenizer the token shards are built with: the run's SentencePiece model, or a Hugging Face
``tokenizer.json`` (an open model's tokenizer extended with Korean pieces by ``kocurate tokenizer extend``,
docs/tokenizer.md). One interface for the tokens stage and ``kocurate tokens verify``.

A ``tokenizer.json`` is used as its model's own tokenizer uses it, with one exception: special tokens
written in a document (``<|im_start|>``) are text, never control ids, as ``<s>`` is text for the
SentencePiece model; the PII placeholders are added tokens that are not special, so they stay one id.
The end-of-document id is the ``eos_token`` of the ``tokenizer_config.json`` beside the file, else the
first of ``<|endoftext|>``, ``</s>``, ``<eos>`` the vocabulary holds.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from typing import Any

from tokenizer.spm import PLACEHOLDER_SYMBOLS, SPECIAL_IDS, WHITESPACE_SYMBOLS, processor

EOS_CANDIDATES = ("<|endoftext|>", "</s>", "<eos>")


def resolve(path: str) -> str:
    """A ``.model``, a ``tokenizer.json``, or a directory holding ``tokenizer.json``."""
    if os.path.isdir(path):
        return os.path.join(path, "tokenizer.json")
    return path


@cache
def _hf(path: str) -> Any:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # one core per Spark task
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(path)
    tok.encode_special_tokens = True
    return tok


@dataclass(frozen=True)
class ShardTokenizer:
    path: str

    @property
    def is_hf(self) -> bool:
        return self.path.endswith(".json")

    @property
    def file_name(self) -> str:
        """The name the tokenizer file gets under ``tokens/tokenizer/``."""
        return "tokenizer.json" if self.is_hf else "spm.model"

    def vocab_size(self) -> int:
        if self.is_hf:
            return int(max(_hf(self.path).get_vocab(with_added_tokens=True).values()) + 1)
        return int(processor(self.path).get_piece_size())

    def token_id(self, token: str) -> int | None:
        if self.is_hf:
            i = _hf(self.path).token_to_id(token)
            return None if i is None else int(i)
        sp = processor(self.path)
        i = int(sp.piece_to_id(token))
        return None if i == sp.unk_id() and token != sp.id_to_piece(i) else i

    def eos_token(self) -> str:
        if not self.is_hf:
            return "</s>"
        config = os.path.join(os.path.dirname(self.path), "tokenizer_config.json")
        if os.path.isfile(config):
            eos = json.loads(open(config, encoding="utf-8").read()).get("eos_token")
            if isinstance(eos, dict):
                eos = eos.get("content")
            if eos and self.token_id(eos) is not None:
                return str(eos)
        for cand in EOS_CANDIDATES:
            if self.token_id(cand) is not None:
                return cand
        raise ValueError(f"{self.path}: no end-of-document token (tokenizer_config.json eos_token, or one of "
                         f"{', '.join(EOS_CANDIDATES)})")

    def special_ids(self) -> dict[str, int]:
        if not self.is_hf:
            return {"bos": SPECIAL_IDS["<s>"], "eos": SPECIAL_IDS["</s>"], "pad": SPECIAL_IDS["<pad>"],
                    "unk": SPECIAL_IDS["<unk>"]}
        eos = self.token_id(self.eos_token())
        assert eos is not None
        return {"eos": eos, "pad": eos}

    def placeholder_ids(self) -> dict[str, int]:
        ids = {s: self.token_id(s) for s in PLACEHOLDER_SYMBOLS}
        return {s: i for s, i in ids.items() if i is not None}

    def whitespace_ids(self) -> dict[str, int]:
        if self.is_hf:
            return {}
        return {repr(s)[1:-1]: int(processor(self.path).piece_to_id(s)) for s in WHITESPACE_SYMBOLS}

    def encode(self, texts: list[str]) -> list[list[int]]:
        if self.is_hf:
            return [list(e.ids) for e in _hf(self.path).encode_batch(texts, add_special_tokens=False)]
        return [list(x) for x in processor(self.path).encode(texts, num_threads=1)]

    def decode(self, ids: list[int]) -> str:
        if self.is_hf:
            return str(_hf(self.path).decode(ids, skip_special_tokens=False))
        return str(processor(self.path).decode(ids))
