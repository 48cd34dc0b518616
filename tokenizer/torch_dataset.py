"""A PyTorch dataset of fixed-length training windows over a run's memory-mapped token shards
(optional extra ``torch``: ``pip install 'kocurate[torch]'``).

The shards of a split are read in manifest order as one token stream (documents already end with
EOS and are shuffled across shards by the tokens stage); window ``i`` covers tokens
``[i * seq_len, (i + 1) * seq_len + 1)`` and yields ``(inputs, labels)`` shifted by one, as a
causal language model trains. The order in which windows are visited is a permutation drawn from
``seed``: the same seed gives the same batches on any machine, and nothing is read until a window is.
``lineage(i)`` says which documents a window's tokens come from (the shards' sidecars).
"""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np
import pyarrow.parquet as pq

from tokenizer.megatron import IndexedShard

try:
    import torch
    from torch.utils.data import Dataset
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("tokenizer.torch_dataset needs PyTorch: pip install 'kocurate[torch]'") from exc


class TokenWindows(Dataset):  # type: ignore[type-arg]
    def __init__(self, tokens_dir: str, split: str = "train", seq_len: int = 2048, seed: int = 0,
                 shuffle: bool = True) -> None:
        man = json.loads(open(os.path.join(tokens_dir, "manifest.json"), encoding="utf-8").read())
        self.prefixes = [os.path.join(tokens_dir, s["prefix"]) for s in man["shards"] if s["split"] == split]
        if not self.prefixes:
            raise ValueError(f"{tokens_dir}: no {split} shards")
        self.shards = [IndexedShard(p) for p in self.prefixes]
        self.starts = np.cumsum([0] + [s.tokens for s in self.shards])  # token offset of each shard
        self.total = int(self.starts[-1])
        self.seq_len = seq_len
        self.n = max(0, (self.total - 1) // seq_len)
        self.order = np.random.default_rng(seed).permutation(self.n) if shuffle else np.arange(self.n)

    def __len__(self) -> int:
        return self.n

    def _tokens(self, start: int, stop: int) -> np.ndarray:
        """Tokens [start, stop) of the split's stream, across shard boundaries."""
        out = []
        k = int(np.searchsorted(self.starts, start, side="right")) - 1
        while start < stop:
            shard = self.shards[k]
            lo = start - int(self.starts[k])
            hi = min(stop - int(self.starts[k]), shard.tokens)
            out.append(np.asarray(shard.bin[lo:hi]))
            start += hi - lo
            k += 1
        return np.concatenate(out) if len(out) > 1 else out[0]

    def stream(self) -> np.ndarray:
        """The split's whole token stream (what the windows are cut from), read at once."""
        return self._tokens(0, self.total) if self.total else np.zeros(0, dtype=np.int64)

    def window_start(self, i: int) -> int:
        return int(self.order[i]) * self.seq_len

    def __getitem__(self, i: int) -> tuple[Any, Any]:
        start = self.window_start(i)
        chunk = torch.from_numpy(self._tokens(start, start + self.seq_len + 1).astype(np.int64))
        return chunk[:-1], chunk[1:]

    def lineage(self, i: int) -> list[dict[str, Any]]:
        """The documents (doc id, source, licence, token range inside the window) under window ``i``."""
        start = self.window_start(i)
        stop = start + self.seq_len + 1
        rows = []
        for k, prefix in enumerate(self.prefixes):
            s0, s1 = int(self.starts[k]), int(self.starts[k + 1])
            if s1 <= start or s0 >= stop:
                continue
            side = pq.read_table(prefix + ".parquet").to_pylist()
            for r in side:
                a, b = s0 + r["token_offset"], s0 + r["token_offset"] + r["n_tokens"]
                if b > start and a < stop:
                    rows.append({"doc_id": r["doc_id"], "source": r["source"], "licence": r["licence"],
                                 "domain": r["domain"], "from": max(a, start) - start, "to": min(b, stop) - start})
        return rows
