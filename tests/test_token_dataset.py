"""The PyTorch windows dataset over token shards, on the CPU, and its throughput to a GPU where an NVIDIA
GPU is present (skipped elsewhere). Light imports only (numpy, pyarrow, torch), so the file also runs
on a GPU machine that has PyTorch but not the pipeline's dependencies: ``pytest --noconftest
tests/test_token_dataset.py``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tokenizer import megatron as M

EOS = 2  # tokenizer.spm.SPECIAL_IDS["</s>"] (not imported: it pulls in the PII stack)


def _synthetic_tokens_dir(root: Path, shards: int = 2, docs: int = 50, seed: int = 0) -> Path:
    """A tokens/ directory written by the shard writer alone (no Spark), with its manifest."""
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(shards):
        w = M.ShardWriter(root / "train" / f"s{k}", np.uint16)
        side = []
        for d in range(docs):
            toks = np.append(rng.integers(4, 4000, rng.integers(5, 300)), EOS)
            off, n = w.add(toks)
            side.append({"seq_index": d, "doc_id": f"doc{k}-{d}", "token_offset": off, "n_tokens": n,
                         "source": "synthetic", "licence": "CC0-1.0", "domain": "web"})
        info = w.close()
        pq.write_table(pa.Table.from_pylist(side), str(root / "train" / f"s{k}.parquet"))
        rows.append({"split": "train", "shard": k, "prefix": f"train/s{k}", "tokens": info.tokens,
                     "sequences": info.sequences})
    (root / "manifest.json").write_text(json.dumps({"shards": rows, "dtype": "uint16"}))
    return root


def test_torch_windows_are_deterministic_and_traceable(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from tokenizer.torch_dataset import TokenWindows

    root = _synthetic_tokens_dir(tmp_path / "tokens")
    stream = np.concatenate([M.IndexedShard(root / "train" / f"s{k}").bin for k in range(2)])
    ds = TokenWindows(str(root), "train", seq_len=64, seed=3)
    assert len(ds) == (len(stream) - 1) // 64
    again = TokenWindows(str(root), "train", seq_len=64, seed=3)
    for i in (0, 1, len(ds) - 1):
        x, y = ds[i]
        start = ds.window_start(i)
        assert x.tolist() == stream[start: start + 64].tolist()
        assert y.tolist() == stream[start + 1: start + 65].tolist()
        assert again[i][0].tolist() == x.tolist()
        lin = ds.lineage(i)
        assert lin and sum(r["to"] - r["from"] for r in lin) == 65
    assert TokenWindows(str(root), "train", seq_len=64, seed=4).order.tolist() != ds.order.tolist()


def test_gpu_throughput_of_the_windows_loader(tmp_path: Path) -> None:
    """Runs where an NVIDIA GPU is present (skips elsewhere); prints tokens/s moved to the GPU."""
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("no NVIDIA GPU")
    from torch.utils.data import DataLoader

    from tokenizer.torch_dataset import TokenWindows

    root = _synthetic_tokens_dir(tmp_path / "tokens", shards=4, docs=25_000)
    ds = TokenWindows(str(root), "train", seq_len=2048, seed=0)
    loader = DataLoader(ds, batch_size=16, num_workers=4, pin_memory=True)
    moved = 0
    start = time.perf_counter()
    for x, y in loader:
        x, y = x.cuda(non_blocking=True), y.cuda(non_blocking=True)
        assert torch.equal(x[:, 1:], y[:, :-1])
        moved += x.numel()
    torch.cuda.synchronize()
    secs = time.perf_counter() - start
    first = ds[0][0].cuda()
    assert torch.equal(first.cpu(), ds[0][0])
    print(f"\nGPU {torch.cuda.get_device_name(0)}: {moved:,} tokens in {secs:.2f} s = "
          f"{moved / secs / 1e6:.1f} M tokens/s")
