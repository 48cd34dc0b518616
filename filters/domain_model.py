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
import math
import os
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from filters import fasttext_train

STEP: Final = "domain_model_v1"
DEFAULT_LABELS: Final = ("web", "legal", "manufacturing", "cultural", "other")
OTHER: Final = "other"
MAX_CHARS: Final = 1000  # one window: what the model reads at once
LABEL_WINDOWS: Final = 3  # a long document is labelled by its opening, middle and end, scores averaged
TRAIN_WINDOWS: Final = 8  # most windows one document gives training (a label with few documents)
SHORT: Final = 120  # a long window also trains as its first sentence or so: reviews are that short
_PREFIX = "__label__"


def model_text(text: str) -> str:
    return fasttext_train.one_line(text, MAX_CHARS)


def windows(text: str, n: int, width: int = MAX_CHARS) -> list[str]:
    """Up to ``n`` windows of ``width`` characters spread evenly over ``text``, the opening first and
    the end last; a text of at most ``width`` characters is its own window. A novel's first page, a
    report's foreword, an Act's title block say less about its domain than its body does."""
    k = min(n, math.ceil(len(text) / width)) if len(text) > width else 1
    if k == 1:
        return [text[:width]]
    return [text[i * (len(text) - width) // (k - 1):][:width] for i in range(k)]


def windows_per_document(counts: Mapping[str, int], labels: Sequence[str]) -> int:
    """How many windows a training document gives: as many as bring its rarest label's documents
    towards the largest label's count, at most ``TRAIN_WINDOWS``."""
    rarest = min(counts[lab] for lab in labels)
    return min(TRAIN_WINDOWS, max(1, math.ceil(max(counts.values()) / max(1, rarest))))


def _even(items: Sequence[str], m: int) -> list[str]:
    """``m`` of ``items`` spread evenly, first and last included."""
    if m >= len(items):
        return list(items)
    if m == 1:
        return [items[0]]
    return [items[round(j * (len(items) - 1) / (m - 1))] for j in range(m)]


@dataclass(frozen=True)
class TrainSettings:
    seed: int
    epoch: int = 20
    dim: int = 32
    bucket: int = 200_000
    minn: int = 2
    maxn: int = 3
    word_ngrams: int = 2  # with dim 32: the in-run validation macro-F1 0.904 -> 0.964 (benchmarks/domains.py)
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
        """Every label's probability per text: the mean over the text's windows (one for a text of at
        most ``MAX_CHARS`` characters), all windows of the batch in one fastText call."""
        lines, owner = [], []
        for i, t in enumerate(texts):
            for w in windows(t or "", LABEL_WINDOWS):
                lines.append(model_text(w))
                owner.append(i)
        labels, probs = self.model.predict(lines, k=-1, threshold=0.0)
        sums: list[dict[str, float]] = [{} for _ in texts]
        counts = Counter(owner)
        for i, ls, ps in zip(owner, labels, probs, strict=True):
            for label, prob in zip(ls, ps, strict=True):
                key = label[len(_PREFIX):]
                sums[i][key] = sums[i].get(key, 0.0) + float(prob)
        return [{k: round(min(1.0, max(0.0, v / counts[i])), 6) for k, v in s.items()} for i, s in enumerate(sums)]

    def label_many(self, texts: Sequence[str], min_score: float) -> list[Labelling]:
        return [decide(s, min_score) for s in self.scores_many(texts)]


@cache
def load(path: str, version: int = 0) -> DomainModel:
    """Once per process and file version (a Python worker labels many batches); pass the file's
    modification time as ``version`` where a file may be replaced under the same path."""
    return DomainModel(path)


def train(examples: Sequence[tuple[str, tuple[str, ...], str | Sequence[str]]], path: str,
          settings: TrainSettings, labels: Sequence[str] = DEFAULT_LABELS, min_score: float = 0.5,
          extra_meta: dict[str, object] | None = None) -> dict[str, object]:
    """Train on (key, labels, text), write ``path`` (.ftz) and ``path + '.json'``; return the metadata:
    version, label set, settings, example counts per label, held-out precision/recall/F1 per label
    (primary label counted correct when it is one of the true labels), training-data hash.

    The text may be given as its ``windows`` already (the stage cuts them in Spark, so that the driver
    never holds a long document whole). Real manifests are unbalanced: 20,000 reviews beside a hundred
    novels. So a document of a label with few documents gives up to ``TRAIN_WINDOWS`` windows, as many
    as bring its label towards the largest label's count (``windows_per_document``); with its opening
    alone, the one-vs-all sigmoid of a small label never reached ``min_score`` (cultural F1 0.0 on 41
    held-out documents of an 11-source manifest, benchmarks/domains.py). A window also trains as its
    first ``SHORT`` characters: a model that saw a label only in 1,000-character windows gave it to
    one-line movie reviews (precision, not recall, is what a small label loses against 50,000 reviews).
    Repeating a small label's lines was tried and lost precision on short reviews. Held-out documents are whole
    documents, labelled as a run labels them: every window of a document stays on one side."""
    unknown = {lab for _, ls, _ in examples for lab in ls} - set(labels)
    if unknown:
        raise ValueError(f"examples carry labels outside the label set {list(labels)}: {sorted(unknown)}")
    docs = sorted(((k, ls, [w for w in ([t] if isinstance(t, str) else t) if model_text(w)])
                   for k, ls, t in examples), key=lambda e: e[0])
    docs = [d for d in docs if d[2]]
    counts = Counter(lab for _, ls, _ in docs for lab in set(ls))
    trained = [lab for lab in labels if counts[lab]]
    if len(trained) < 2:
        raise ValueError(f"a domain model needs examples of at least two labels; got {dict(counts)}")
    data_hash = hashlib.sha256()
    by_label: dict[str, list[str]] = {}
    valid = []
    for key, ls, ws in docs:
        if fasttext_train.held_out(key, settings.valid_fraction):
            valid.append((ls, "\n".join(ws)))
            continue
        tag = " ".join(f"{_PREFIX}{lab}" for lab in sorted(set(ls)))
        many = ws if len(ws) > 1 else windows(ws[0], TRAIN_WINDOWS)
        for w in _even(many, windows_per_document(counts, ls)):
            for part in ((w, w[:SHORT]) if len(w) > 2 * SHORT else (w,)):
                line = f"{tag} {model_text(part)}"
                data_hash.update(line.encode("utf-8") + b"\n")
                by_label.setdefault(min(ls, key=lambda lab: counts[lab]), []).append(line)
    # fastText reads its file in order: a document's windows are spread by a hash of the line.
    train_lines = sorted((line for v in by_label.values() for line in v),
                         key=lambda line: hashlib.sha256(line.encode()).digest())
    with tempfile.TemporaryDirectory() as tmp:
        train_file = os.path.join(tmp, "train.txt")
        with open(train_file, "w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in train_lines)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        # Small training sets (a sample run, a new manifest's few sources) underfit at the epochs that
        # suit thousands of documents: epochs grow as the set shrinks, up to 100.
        epochs = max(settings.epoch, min(100, round(settings.epoch * 1000 / max(1, len(train_lines)))))
        seed_used = fasttext_train.train_supervised(
            train_file, path, {"epoch": epochs, "dim": settings.dim, "bucket": settings.bucket,
                               "minn": settings.minn, "maxn": settings.maxn, "wordNgrams": settings.word_ngrams,
                               "lr": settings.lr, "loss": "ova", "seed": settings.seed},
            quantize_cutoff=settings.cutoff, nan_retries=7)
    predicted = DomainModel(path).label_many([t for _, t in valid], min_score) if valid else []
    meta: dict[str, object] = {
        "step": STEP, "labels": list(labels), "trained_labels": trained, "min_score": min_score,
        "seed_used": seed_used, "epochs": epochs,
        "settings": settings.__dict__,
        "examples": {"train": len(train_lines), "valid": len(valid), "per_label": dict(sorted(counts.items())),
                     "lines_per_label": {lab: len(v) for lab, v in sorted(by_label.items())}},
        "valid_metrics": evaluate([(ls, p.primary) for (ls, _), p in zip(valid, predicted, strict=True)], labels),
        "training_data_sha256": data_hash.hexdigest(),
        "model_sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(),
        "model_bytes": os.path.getsize(path),
        **(extra_meta or {}),
    }
    with open(path + ".json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, sort_keys=True, ensure_ascii=False)
    return meta


def evaluate(pairs: Sequence[tuple[Sequence[str], str]], labels: Sequence[str],
             weights: Sequence[float] | None = None) -> dict[str, object]:
    """Per-label precision, recall and F1, macro-F1 and accuracy over (true labels, predicted primary).

    A prediction is correct when it is one of the true labels (a true positive of that label);
    otherwise it is a false positive of the predicted label and a false negative of the document's
    first true label. With ``weights`` (a document's bytes, say) every count is weighted."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for i, (truth, pred) in enumerate(pairs):
        w = weights[i] if weights is not None else 1
        if pred in truth:
            tp[pred] += w
        else:
            fp[pred] += w
            fn[truth[0]] += w
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
            "accuracy": round(sum(tp.values()) / (sum(weights) if weights is not None else len(pairs)), 4)
            if pairs else None}
