"""A small fastText classifier of document quality: training, saving with metadata, scoring.

Trained by the project from sources a manifest marks as high and low quality (never downloaded).
Small by construction: hashed subword n-grams in a limited number of buckets, then quantized, so the
model ships to every executor in a few megabytes. Training is single-threaded with a fixed seed, which
makes it deterministic: the same examples give the same model bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from filters import fasttext_train

STEP: Final = "quality_model_v1"
HIGH: Final = "__label__hq"
LOW: Final = "__label__lq"
MAX_CHARS: Final = 4000  # the first characters are enough to judge a document, and keep scoring fast


def model_text(text: str) -> str:
    return fasttext_train.one_line(text, MAX_CHARS)


@dataclass(frozen=True)
class TrainSettings:
    seed: int
    epoch: int = 15
    dim: int = 32
    bucket: int = 200_000
    minn: int = 2  # subword n-grams: without them training on small sets can diverge to NaN
    maxn: int = 4
    word_ngrams: int = 2
    lr: float = 0.3
    valid_fraction: float = 0.1


def train(examples: Sequence[tuple[str, bool, str]], path: str, settings: TrainSettings,
          extra_meta: dict[str, object] | None = None) -> dict[str, object]:
    """Train on (key, is_high_quality, text), write ``path`` (.ftz) and ``path + '.json'``; return the
    metadata (version, settings, counts, held-out precision/recall, data hash)."""
    examples = sorted(examples, key=lambda e: e[0])
    data_hash = hashlib.sha256()
    train_lines, valid = [], []
    for key, high, text in examples:
        line = f"{HIGH if high else LOW} {model_text(text)}"
        data_hash.update(line.encode("utf-8") + b"\n")
        (valid if fasttext_train.held_out(key, settings.valid_fraction) else train_lines).append((high, text, line))
    n_high = sum(1 for e in examples if e[1])
    if n_high == 0 or n_high == len(examples):
        raise ValueError(f"quality model needs high and low examples; got {n_high} high, "
                         f"{len(examples) - n_high} low")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        train_file = os.path.join(tmp, "train.txt")
        with open(train_file, "w", encoding="utf-8") as f:
            f.writelines(x[2] + "\n" for x in train_lines)
        # In a fresh process: fastText is deterministic only there (filters/fasttext_train.py).
        fasttext_train.train_supervised(
            train_file, path, {"epoch": settings.epoch, "dim": settings.dim, "bucket": settings.bucket,
                               "minn": settings.minn, "maxn": settings.maxn, "wordNgrams": settings.word_ngrams,
                               "lr": settings.lr, "seed": settings.seed}, quantize_cutoff=0)
    model = _load_fresh(path)
    tp = fp = fn = tn = 0
    for high, text, _ in valid:
        pred = _p_high(model, text) >= 0.5
        tp += pred and high
        fp += pred and not high
        fn += (not pred) and high
        tn += (not pred) and not high
    meta: dict[str, object] = {
        "step": STEP, "labels": [HIGH, LOW], "settings": settings.__dict__,
        "examples": {"train": len(train_lines), "valid": len(valid), "high": n_high, "low": len(examples) - n_high},
        "valid_metrics": {"precision_hq": tp / (tp + fp) if tp + fp else None,
                          "recall_hq": tp / (tp + fn) if tp + fn else None,
                          "accuracy": (tp + tn) / len(valid) if valid else None},
        "training_data_sha256": data_hash.hexdigest(),
        "model_sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(),
        "model_bytes": os.path.getsize(path),
        **(extra_meta or {}),
    }
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, sort_keys=True, ensure_ascii=False)
    return meta


def _p_high(model: object, text: str) -> float:
    labels, probs = model.predict(model_text(text), k=2)  # type: ignore[attr-defined]
    for label, p in zip(labels, probs, strict=True):
        if label == HIGH:
            return float(min(1.0, max(0.0, p)))
    return 0.0


def _load_fresh(path: str) -> object:
    import fasttext

    return fasttext.load_model(path)


@cache
def _load(path: str) -> object:
    import fasttext

    if not os.path.isfile(path):
        raise FileNotFoundError(f"quality model not found: {path}")
    return fasttext.load_model(path)


def score(path: str, text: str) -> float:
    """P(high quality) of a document; the model is loaded once per process."""
    return _p_high(_load(path), text)
