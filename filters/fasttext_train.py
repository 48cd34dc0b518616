"""fastText supervised training in a fresh process, for byte-identical models, and the helpers the
project's fastText models share (one-line input text, the held-out split).

Measured on fasttext-numpy2-wheel 0.9.2: training is deterministic (``thread=1``, a fixed seed) only in
a process that has not trained or quantized another model before. After another training or a
``quantize`` in the same process, the same call gives different bytes and, on small sets, sometimes
fails with "Encountered NaN" (state left behind in the native library). A pipeline driver trains
several models (quality, domains), so every training runs in its own spawned process; the cost is
about a second per model.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from typing import Any

_WS = re.compile(r"\s+")


def one_line(text: str, max_chars: int) -> str:
    """The first ``max_chars`` characters on one line, as fastText requires (it rejects newlines in
    predict)."""
    return _WS.sub(" ", text[:max_chars]).strip()


def held_out(key: str, fraction: float) -> bool:
    """Deterministic held-out split on a key (document id), independent of order."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < fraction


#: Fewest rows quantization keeps: product quantization needs more rows than its 256 centroids.
MIN_QUANTIZED_ROWS = 4096


def feature_rows(train_file: str, params: dict[str, Any], limit: int) -> int:
    """How many input-matrix rows training can have moved, counted up to ``limit``: the distinct words,
    the character n-grams of ``<word>`` (``minn`` to ``maxn``) and, with ``wordNgrams`` 2, the distinct
    word pairs of the file's text (labels excluded). Every other row of the hashed bucket keeps its
    random start."""
    minn, maxn, pairs = int(params.get("minn", 0)), int(params.get("maxn", 0)), int(params.get("wordNgrams", 1)) > 1
    seen: set[str] = set()
    with open(train_file, encoding="utf-8") as fh:
        for line in fh:
            words = [w for w in line.split() if not w.startswith("__label__")]
            for i, word in enumerate(words):
                seen.add(word)
                padded = f"<{word}>"
                for n in range(minn, maxn + 1) if minn else ():
                    seen.update(padded[j:j + n] for j in range(len(padded) - n + 1))
                if pairs and i:
                    seen.add(f"{words[i - 1]} {word}")
            if len(seen) >= limit:
                return limit
    return len(seen)


def _train(train_file: str, out: str, params: dict[str, Any], quantize_cutoff: int | None) -> None:
    """Train, then quantize keeping the ``quantize_cutoff`` rows of largest norm (0: every row), but
    never more than the rows training can have moved (``feature_rows``). A small training set (a
    sample run's few hundred documents) touches a few thousand of the bucket's 200,000 rows; product
    quantization of all of them cost 8 to 16 s per model, and the untouched rows carry only their
    random start."""
    import fasttext

    model = fasttext.train_supervised(input=train_file, verbose=0, thread=1, **params)
    if quantize_cutoff is not None:
        rows = model.get_input_matrix().shape[0]
        wanted = quantize_cutoff or rows
        cutoff = min(wanted, max(MIN_QUANTIZED_ROWS, feature_rows(train_file, params, wanted)))
        model.quantize(qnorm=True, retrain=False, cutoff=0 if cutoff >= rows else cutoff)
    model.save_model(out)


def train_supervised(train_file: str, out: str, params: dict[str, Any], quantize_cutoff: int | None = None,
                     nan_retries: int = 0) -> int:
    """Train on ``train_file`` and save to ``out`` in a child Python process; returns the seed used.

    A plain child process (``python -c``), not multiprocessing's spawn, which re-imports the caller's
    main module (a script without a main guard, or code read from stdin, breaks it). With
    ``nan_retries``, a run that ends in "Encountered NaN" is repeated with the next seeds, in order, so
    the outcome stays deterministic."""
    seed = int(params.get("seed", 0))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    for attempt in range(nan_retries + 1):
        args = json.dumps([train_file, out, {**params, "seed": seed + attempt}, quantize_cutoff])
        res = subprocess.run([sys.executable, "-c", "import sys, json; from filters.fasttext_train import _train; "
                              "_train(*json.loads(sys.argv[1]))", args],
                             capture_output=True, text=True, env=env, check=False)
        if res.returncode == 0:
            return seed + attempt
        if "NaN" not in res.stderr or attempt == nan_retries:
            raise RuntimeError(f"fastText training failed: {res.stderr.strip().splitlines()[-1:]}")
    raise AssertionError("unreachable")
