"""SentencePiece training with the settings that matter for Korean, and loading a trained model.

Every setting below was chosen by measurement (``benchmarks/tokenizer.py``, docs/tokenizer.md):

- ``normalization_rule_name="identity"``: the pipeline already normalized to NFC; the default
  ``nmt_nfkc`` rewrites compatibility jamo (ㅋ) and ㈜, so decode(encode(x)) would differ from x.
- ``remove_extra_whitespaces=False`` and whitespace-only pieces: runs of spaces (indentation in code
  and statutes' tables) are learned pieces, and the round trip is exact.
- newline, blank line and tab are user-defined symbols: SentencePiece trains on lines and never sees a
  newline, so without them every ``\\n`` costs a byte-fallback piece.
- no dummy prefix: a document's first word and every word after a newline start without a space, the
  same way the training lines do (with SentencePiece's default the training lines start with a space
  but the lines of a document do not), and the Hugging Face export gives the same ids.
- ``byte_fallback``: no unknown token, ever; ``split_digits``: numbers never become pieces (no phone
  or account number can be learned, and arithmetic sees digits).
- special tokens (BOS, EOS, PAD) as control symbols and the PII placeholders as user-defined symbols,
  so ``<|kr_rrn|>`` is always one token.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from filters.pii_spec import PLACEHOLDERS

log = logging.getLogger(__name__)

UNK, BOS, EOS, PAD = "<unk>", "<s>", "</s>", "<pad>"
SPECIAL_IDS = {UNK: 0, BOS: 1, EOS: 2, PAD: 3}
#: Newline, blank line and tab: one piece each (text is NFC with \n line endings, see filters/normalize.py).
WHITESPACE_SYMBOLS = ("\n", "\n\n", "\t")
#: The PII stage's typed placeholders, kept whole.
PLACEHOLDER_SYMBOLS = tuple(sorted(set(PLACEHOLDERS.values())))
#: Morpheme-boundary hint between pieces in the training sample (removed by SentencePiece's trainer;
#: normalization strips this invisible character from every document, so it never occurs in text).
HINT_DELIMITER = "\u2063"
#: SentencePiece skips training lines longer than this (bytes); the sampler cuts lines below it.
MAX_SENTENCE_BYTES = 8192


@dataclass(frozen=True)
class TokenizerSpec:
    """What is trained: the manifest's ``[stages.tokenizer]`` settings that reach SentencePiece."""

    model_type: str = "bpe"
    vocab_size: int = 160_000
    character_coverage: float = 1.0
    max_piece_length: int = 16
    split_digits: bool = True
    morpheme_hints: bool = False
    dummy_prefix: bool = False
    num_threads: int = 2  # part of the result: SentencePiece's EM sums per thread
    extra_symbols: tuple[str, ...] = field(default=())

    def user_symbols(self) -> list[str]:
        return [*WHITESPACE_SYMBOLS, *PLACEHOLDER_SYMBOLS, *self.extra_symbols]

    def trainer_args(self) -> dict[str, Any]:
        return dict(
            model_type=self.model_type, vocab_size=self.vocab_size,
            character_coverage=self.character_coverage, max_sentencepiece_length=self.max_piece_length,
            split_digits=self.split_digits, byte_fallback=True,
            normalization_rule_name="identity", remove_extra_whitespaces=False, add_dummy_prefix=self.dummy_prefix,
            allow_whitespace_only_pieces=True, split_by_whitespace=True, split_by_unicode_script=True,
            user_defined_symbols=self.user_symbols(),
            unk_id=SPECIAL_IDS[UNK], bos_id=SPECIAL_IDS[BOS], eos_id=SPECIAL_IDS[EOS], pad_id=SPECIAL_IDS[PAD],
            unk_piece=UNK, bos_piece=BOS, eos_piece=EOS, pad_piece=PAD,
            hard_vocab_limit=False, max_sentence_length=MAX_SENTENCE_BYTES, shuffle_input_sentence=False,
            input_sentence_size=0, num_threads=self.num_threads, minloglevel=2,
            pretokenization_delimiter=HINT_DELIMITER if self.morpheme_hints else "",
        )


@dataclass(frozen=True)
class TrainedModel:
    model: Path
    vocab: Path
    meta: Path
    proto: bytes


def train(sentences: Iterable[str], spec: TokenizerSpec, out_prefix: str | Path,
          overrides: dict[str, Any] | None = None) -> TrainedModel:
    """Train from an iterator of lines (already sampled, NFC, hints inserted when ``spec.morpheme_hints``);
    writes ``<prefix>.model``, ``<prefix>.vocab`` and ``<prefix>.meta.json`` (the spec and the vocabulary size
    reached). ``overrides`` replace trainer arguments (the benchmark's variants; recorded in the meta file)."""
    import sentencepiece as spm

    out_prefix = Path(out_prefix)
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(sentences), model_writer=buf,
                                   **{**spec.trainer_args(), **(overrides or {})})
    proto = buf.getvalue()
    model = out_prefix.with_suffix(".model")
    model.write_bytes(proto)
    sp = spm.SentencePieceProcessor(model_proto=proto)
    vocab = out_prefix.with_suffix(".vocab")
    vocab.write_text("".join(f"{_escape(sp.id_to_piece(i))}\t{sp.get_score(i):g}\n"
                             for i in range(sp.get_piece_size())), encoding="utf-8")
    meta = out_prefix.with_suffix(".meta.json")
    meta.write_text(json.dumps({"spec": asdict(spec), "vocab_size": sp.get_piece_size(),
                                "user_symbols": spec.user_symbols(), "special_ids": SPECIAL_IDS,
                                **({"trainer_overrides": overrides} if overrides else {})},
                               ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if sp.get_piece_size() < spec.vocab_size:
        log.warning("tokenizer: the sample supports %d pieces, fewer than the %d asked for",
                    sp.get_piece_size(), spec.vocab_size)
    return TrainedModel(model, vocab, meta, proto)


def _escape(piece: str) -> str:
    """The .vocab file is one piece per line: newline and tab pieces are written escaped."""
    return piece.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def load_spec(meta_path: str | Path) -> TokenizerSpec:
    data = json.loads(Path(meta_path).read_text(encoding="utf-8"))["spec"]
    data["extra_symbols"] = tuple(data.get("extra_symbols", ()))
    return TokenizerSpec(**data)


@cache
def processor(model_path: str) -> Any:
    """One SentencePieceProcessor per process and model file (executors load it once, on first use)."""
    import sentencepiece as spm

    return spm.SentencePieceProcessor(model_file=model_path)
