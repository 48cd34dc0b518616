"""Export a trained SentencePiece model as a Hugging Face ``tokenizer.json`` (the ``tokenizers`` library)
that gives the same ids as SentencePiece, plus the ``tokenizer_config.json`` that lets ``transformers``
load the directory with ``AutoTokenizer.from_pretrained``.

How SentencePiece's behaviour is reproduced:

- no normalizer (the model's rule is ``identity``); spaces become ``\\u2581`` (``Metaspace``, no split:
  SentencePiece does not split at spaces when it encodes). The project's models have no dummy prefix
  (``add_dummy_prefix=False``, docs/tokenizer.md), which ``tokenizers`` reproduces exactly; with one,
  ``tokenizers`` differs on a text that starts with a space or a user-defined symbol;
- BPE: the vocabulary in id order and the merges recovered from it (every split of a piece into two
  pieces, ranked by the merged piece's id, as ``transformers`` converts Llama's tokenizer); unigram:
  the pieces with their scores;
- ``byte_fallback`` on; control symbols (``<s>``...) are special added tokens and the user-defined
  symbols (newline, tab, PII placeholders) plain added tokens, matched before the model as
  SentencePiece matches them; ``<s>`` written in a document is text, as in SentencePiece: transformers
  reads ``split_special_tokens`` from ``tokenizer_config.json``; a user of ``tokenizers`` alone sets
  ``tok.encode_special_tokens = True`` after loading (``tokenizers`` does not save that flag).
- unigram models are exported too, but SentencePiece and ``tokenizers`` break ties between equally
  scored segmentations differently (``....`` as ``...`` + ``.`` or ``.`` + ``...``): ids are equal for
  BPE models only, which is what the project trains (docs/tokenizer.md).

``tests/test_tokenizer.py`` checks id equality on hard strings and on a whole evaluation text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tokenizer.spm import BOS, EOS, PAD, UNK, load_spec

SPIECE_SPACE = "\u2581"


def _merges(pieces: list[str], ids: dict[str, int], skip: set[int]) -> list[tuple[str, str]]:
    ranked: list[tuple[int, int, int, str, str]] = []
    for pid, piece in enumerate(pieces):
        if pid in skip or len(piece) < 2:
            continue
        for k in range(1, len(piece)):
            left, right = piece[:k], piece[k:]
            li, ri = ids.get(left), ids.get(right)
            if li is not None and ri is not None and li not in skip and ri not in skip:
                ranked.append((pid, li, ri, left, right))
    ranked.sort()
    return [(left, right) for _, _, _, left, right in ranked]


def build(model_path: str | Path) -> Any:
    """A ``tokenizers.Tokenizer`` equivalent to the SentencePiece model (its ``.meta.json`` beside it)."""
    import sentencepiece as spm
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

    model_path = Path(model_path)
    spec = load_spec(model_path.with_suffix(".meta.json"))
    sp = spm.SentencePieceProcessor(model_file=str(model_path))
    n = sp.get_piece_size()
    pieces = [sp.id_to_piece(i) for i in range(n)]
    controls = {i for i in range(n) if sp.is_control(i) or sp.is_unknown(i)}
    user = set(spec.user_symbols())
    user_ids = {i for i, p in enumerate(pieces) if p in user}
    byte_ids = {i for i in range(n) if sp.is_byte(i)}
    if spec.model_type == "bpe":
        vocab = {p: i for i, p in enumerate(pieces)}
        merges = _merges(pieces, vocab, controls | user_ids | byte_ids)
        model = models.BPE(vocab=vocab, merges=merges, unk_token=UNK, byte_fallback=True, fuse_unk=True)
    elif spec.model_type == "unigram":
        model = models.Unigram([(p, sp.get_score(i)) for i, p in enumerate(pieces)], unk_id=sp.unk_id(),
                               byte_fallback=True)
    else:
        raise ValueError(f"cannot export a {spec.model_type} model")
    tok = Tokenizer(model)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=SPIECE_SPACE, split=False,
                                                 prepend_scheme="first" if spec.dummy_prefix else "never")
    steps = [decoders.Replace(SPIECE_SPACE, " "), decoders.ByteFallback(), decoders.Fuse()]
    tok.decoder = decoders.Sequence([*steps, decoders.Strip(" ", 1, 0)] if spec.dummy_prefix else steps)
    tok.add_special_tokens([AddedToken(pieces[i], special=True, normalized=False) for i in sorted(controls)])
    tok.add_tokens([AddedToken(pieces[i], special=False, normalized=False) for i in sorted(user_ids)])
    tok.encode_special_tokens = True  # "<s>" written in a document is text, as in SentencePiece
    return tok


def export(model_path: str | Path, out_dir: str | Path) -> list[Path]:
    """Write ``tokenizer.json``, ``tokenizer_config.json`` and ``special_tokens_map.json`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tok = build(model_path)
    tok.save(str(out / "tokenizer.json"))
    specials = {"bos_token": BOS, "eos_token": EOS, "unk_token": UNK, "pad_token": PAD}
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": 1_000_000_000,
              "clean_up_tokenization_spaces": False, "split_special_tokens": True, "add_bos_token": False,
              "add_eos_token": False, **specials}
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    (out / "special_tokens_map.json").write_text(json.dumps(specials, indent=1, sort_keys=True) + "\n",
                                                 encoding="utf-8")
    return [out / "tokenizer.json", out / "tokenizer_config.json", out / "special_tokens_map.json"]
