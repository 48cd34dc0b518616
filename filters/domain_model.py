"""A multi-label fastText classifier of document domain: training, saving with metadata, labelling.

Domains overlap (an industrial-safety regulation is legal and manufacturing at once), so the model is
one-vs-all (``loss="ova"``): every label gets its own probability, a document can score high on
several, and the primary domain is the highest, or ``other`` when no label reaches ``min_score``.
Trained by the project from weak labels (the sources' declared domains) plus labelled examples,
never downloaded. Small: hashed subword n-grams (Korean eojeol carry particles and endings, so
character n-grams generalise across inflections), quantized, a few megabytes. Single-threaded with
the manifest's seed: the same examples give the same model bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from filters import fasttext_train

STEP: Final = "domain_model_v1"
DEFAULT_LABELS: Final = ("web", "legal", "manufacturing", "cultural", "other")
OTHER: Final = "other"
MAX_CHARS: Final = 1000  # the opening of a document tells its domain; keeps labelling fast
_PREFIX = "__label__"


def model_text(text: str) -> str:
    return fasttext_train.one_line(text, MAX_CHARS)


@dataclass(frozen=True)
class TrainSettings:
    seed: int
    epoch: int = 20
    dim: int = 16
    bucket: int = 200_000
    minn: int = 2
    maxn: int = 3
    word_ngrams: int = 1  # word bigrams cost half the speed and bought nothing measurable
    lr: float = 0.5
    cutoff: int = 100_000  # words and n-grams kept by quantization (by norm)
    valid_fraction: float = 0.1


@dataclass(frozen=True)
class Labelling:
    primary: str
    score: float  # P(primary); for ``other`` chosen by default, 1 - the best label's probability
    scores: dict[str, float]


def decide(scores: dict[str, float], min_score: float) -> Labelling:
    """The primary domain: the highest-scoring label, or ``other`` when none reaches ``min_score``."""
    best = max(sorted(scores), key=lambda k: scores[k]) if scores else OTHER
    if scores.get(best, 0.0) >= min_score:
        return Labelling(best, scores[best], scores)
    return Labelling(OTHER, 1.0 - scores.get(best, 0.0), scores)


class DomainModel:
    """A trained model file; ``label_many`` predicts a whole batch in one fastText call."""

    def __init__(self, path: str) -> None:
        import fasttext

        if not os.path.isfile(path):
            raise FileNotFoundError(f"domain model not found: {path}")
        self.model = fasttext.load_model(path)
        self.labels = tuple(sorted(label[len(_PREFIX):] for label in self.model.get_labels()))

    def scores_many(self, texts: Sequence[str]) -> list[dict[str, float]]:
        lines = [model_text(t or "") for t in texts]
        labels, probs = self.model.predict(lines, k=-1, threshold=0.0)
        return [{label[len(_PREFIX):]: round(float(min(1.0, max(0.0, p))), 6) for label, p in zip(ls, ps, strict=True)}
                for ls, ps in zip(labels, probs, strict=True)]

    def label_many(self, texts: Sequence[str], min_score: float) -> list[Labelling]:
        return [decide(s, min_score) for s in self.scores_many(texts)]


@cache
def load(path: str, version: int = 0) -> DomainModel:
    """Once per process and file version (a Python worker labels many batches); pass the file's
    modification time as ``version`` where a file may be replaced under the same path."""
    return DomainModel(path)


def train(examples: Sequence[tuple[str, tuple[str, ...], str]], path: str, settings: TrainSettings,
          labels: Sequence[str] = DEFAULT_LABELS, min_score: float = 0.5,
          extra_meta: dict[str, object] | None = None) -> dict[str, object]:
    """Train on (key, labels, text), write ``path`` (.ftz) and ``path + '.json'``; return the metadata:
    version, label set, settings, example counts per label, held-out precision/recall/F1 per label
    (primary label counted correct when it is one of the true labels), training-data hash."""
    unknown = {lab for _, ls, _ in examples for lab in ls} - set(labels)
    if unknown:
        raise ValueError(f"examples carry labels outside the label set {list(labels)}: {sorted(unknown)}")
    examples = sorted((e for e in examples if model_text(e[2])), key=lambda e: e[0])
    data_hash = hashlib.sha256()
    train_lines, valid = [], []
    for key, ls, text in examples:
        line = " ".join(f"{_PREFIX}{lab}" for lab in sorted(set(ls))) + " " + model_text(text)
        data_hash.update(line.encode("utf-8") + b"\n")
        (valid if fasttext_train.held_out(key, settings.valid_fraction) else train_lines).append((ls, text, line))
    counts = Counter(lab for _, ls, _ in examples for lab in set(ls))
    trained = [lab for lab in labels if counts[lab]]
    if len(trained) < 2:
        raise ValueError(f"a domain model needs examples of at least two labels; got {dict(counts)}")
    with tempfile.TemporaryDirectory() as tmp:
        train_file = os.path.join(tmp, "train.txt")
        with open(train_file, "w", encoding="utf-8") as f:
            f.writelines(x[2] + "\n" for x in train_lines)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        # Small training sets (a sample run, a new manifest's few sources) underfit at the epochs that
        # suit thousands of documents: epochs grow as the set shrinks, up to 100.
        epochs = max(settings.epoch, min(100, round(settings.epoch * 1000 / max(1, len(train_lines)))))
        seed_used = fasttext_train.train_supervised(
            train_file, path, {"epoch": epochs, "dim": settings.dim, "bucket": settings.bucket,
                               "minn": settings.minn, "maxn": settings.maxn, "wordNgrams": settings.word_ngrams,
                               "lr": settings.lr, "loss": "ova", "seed": settings.seed},
            quantize_cutoff=settings.cutoff, nan_retries=7)
    predicted = DomainModel(path).label_many([t for _, t, _ in valid], min_score) if valid else []
    meta: dict[str, object] = {
        "step": STEP, "labels": list(labels), "trained_labels": trained, "min_score": min_score,
        "seed_used": seed_used, "epochs": epochs,
        "settings": settings.__dict__,
        "examples": {"train": len(train_lines), "valid": len(valid), "per_label": dict(sorted(counts.items()))},
        "valid_metrics": evaluate([(ls, p.primary) for (ls, _, _), p in zip(valid, predicted, strict=True)], labels),
        "training_data_sha256": data_hash.hexdigest(),
        "model_sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(),
        "model_bytes": os.path.getsize(path),
        **(extra_meta or {}),
    }
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, sort_keys=True, ensure_ascii=False)
    return meta


def evaluate(pairs: Sequence[tuple[Sequence[str], str]], labels: Sequence[str]) -> dict[str, object]:
    """Per-label precision, recall and F1, macro-F1 and accuracy over (true labels, predicted primary).

    A prediction is correct when it is one of the true labels (a true positive of that label);
    otherwise it is a false positive of the predicted label and a false negative of the document's
    first true label."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for truth, pred in pairs:
        if pred in truth:
            tp[pred] += 1
        else:
            fp[pred] += 1
            fn[truth[0]] += 1
    per: dict[str, dict[str, float | int]] = {}
    for lab in labels:
        support = tp[lab] + fn[lab]
        if support == 0 and fp[lab] == 0:
            continue
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / support if support else 0.0
        per[lab] = {"precision": round(p, 4), "recall": round(r, 4),
                    "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0, "support": support}
    scored = [v["f1"] for k, v in per.items() if v["support"]]
    return {"per_label": per, "macro_f1": round(sum(scored) / len(scored), 4) if scored else None,
            "accuracy": round(sum(tp.values()) / len(pairs), 4) if pairs else None}
