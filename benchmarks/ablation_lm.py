"""The ablation's language model: a small decoder-only transformer, its training on a run's token
windows, and held-out loss in bits per UTF-8 byte.

Bits per byte, not per token, so the figure does not depend on the tokenizer (every variant uses the
same one anyway). Training is reproducible on one machine: the seed fixes the initial weights and the
order of the windows (``TokenWindows``), deterministic kernels are required, and the thread count is
set, because a CPU reduction summed over a different number of threads rounds differently.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from tokenizer.torch_dataset import TokenWindows


@dataclass(frozen=True)
class ModelSpec:
    """The transformer's size. The CPU scale's default trains in seconds on two cores."""

    d_model: int = 64
    n_layer: int = 2
    n_head: int = 4
    seq_len: int = 128


@dataclass(frozen=True)
class TrainSpec:
    steps: int = 120
    batch: int = 16
    lr: float = 3e-3
    warmup: float = 0.1  # share of the steps with a linearly rising learning rate; then cosine to 10%
    weight_decay: float = 0.1
    threads: int = 1


class Block(nn.Module):
    def __init__(self, d: int, n_head: int) -> None:
        super().__init__()
        self.n_head = n_head
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.mlp = nn.Sequential(nn.Linear(d, 4 * d), nn.GELU(), nn.Linear(4 * d, d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).view(b, t, 3, self.n_head, d // self.n_head).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(a)
        return x + self.mlp(self.ln2(x))


class TinyLM(nn.Module):
    """Pre-norm GPT: learned positions, tied input and output embeddings."""

    def __init__(self, vocab: int, spec: ModelSpec) -> None:
        super().__init__()
        self.spec = spec
        self.tok = nn.Embedding(vocab, spec.d_model)
        self.pos = nn.Embedding(spec.seq_len, spec.d_model)
        self.blocks = nn.ModuleList(Block(spec.d_model, spec.n_head) for _ in range(spec.n_layer))
        self.ln = nn.LayerNorm(spec.d_model)
        for p in self.parameters():
            if p.dim() > 1:
                nn.init.normal_(p, std=0.02)

    def forward(self, idx: torch.Tensor) -> torch.Tensor:
        x = self.tok(idx) + self.pos(torch.arange(idx.shape[1], device=idx.device))
        for block in self.blocks:
            x = block(x)
        return self.ln(x) @ self.tok.weight.T

    def parameters_count(self) -> int:
        return sum(p.numel() for p in self.parameters())


def _deterministic(threads: int, device: str) -> None:
    """The same seed gives the same loss curve on the CPU (same machine, torch version and threads). On a GPU
    the kernels are left fast; the seeds' spread is reported instead."""
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(device == "cpu")


def train(windows: TokenWindows, vocab: int, model: ModelSpec, spec: TrainSpec, seed: int, device: str = "cpu"
          ) -> tuple[TinyLM, list[float]]:
    """Train from scratch for ``spec.steps`` batches of windows in the dataset's seeded order (wrapping
    round when a variant has fewer windows than the steps need: the same tokens trained for every
    variant); returns the model and the training loss of every step (nats per token)."""
    if len(windows) == 0:
        raise ValueError("no training windows: the variant has fewer tokens than one window")
    _deterministic(spec.threads, device)
    torch.manual_seed(seed)
    lm = TinyLM(vocab, model).to(device)
    decay = [p for p in lm.parameters() if p.dim() > 1]
    rest = [p for p in lm.parameters() if p.dim() <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": spec.weight_decay},
                             {"params": rest, "weight_decay": 0.0}], lr=spec.lr, betas=(0.9, 0.95))
    warm = max(1, int(spec.steps * spec.warmup))

    def rate(step: int) -> float:
        if step < warm:
            return (step + 1) / warm
        return 0.1 + 0.45 * (1 + math.cos(math.pi * (step - warm) / max(1, spec.steps - warm)))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, rate)
    losses: list[float] = []
    lm.train()
    stream, starts, span = batches(windows, device)
    for step in range(spec.steps):
        at = starts[(step * spec.batch + torch.arange(spec.batch, device=device)) % len(starts)]
        chunk = stream[at[:, None] + span]
        x, y = chunk[:, :-1], chunk[:, 1:]
        with _autocast(device):
            loss = F.cross_entropy(lm(x).float().view(-1, vocab), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(lm.parameters(), 1.0)
        opt.step()
        sched.step()
        losses.append(loss.item())
    return lm, losses


def batches(windows: TokenWindows, device: str) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The dataset's token stream on the device, its windows' starts in the dataset's order, and the offsets
    of a window: a batch is one gather (window ``i`` is ``stream[starts[i] + span]``, what ``windows[i]``
    returns), not a Python loop over windows, which on a GPU would take longer than the step."""
    stream = torch.from_numpy(windows.stream().astype(np.int64)).to(device)
    starts = torch.tensor([windows.window_start(i) for i in range(len(windows))], dtype=torch.int64, device=device)
    return stream, starts, torch.arange(windows.seq_len + 1, device=device)


def _autocast(device: str) -> torch.autocast:
    """bfloat16 matrix products on a GPU; full precision on the CPU (the CPU scale's determinism)."""
    return torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=device == "cuda")


@torch.no_grad()
def bits_per_byte(lm: TinyLM, docs: Sequence[tuple[Sequence[int], int]], eos: int, batch: int = 64) -> float:
    """Held-out loss of documents ``(token ids, UTF-8 bytes of the text)``: the bits the model needs to
    predict every token of each document from an end-of-document token, in windows of its context length
    (the context restarts at each window, the same for every variant), divided by the text's bytes."""
    lm.eval()
    device = next(lm.parameters()).device
    seq = lm.spec.seq_len
    chunks: list[np.ndarray] = []
    for ids, _ in docs:
        full = np.concatenate([[eos], np.asarray(ids, dtype=np.int64)])
        chunks.extend(full[s: s + seq + 1] for s in range(0, len(full) - 1, seq))
    nats = 0.0
    by_len: dict[int, list[np.ndarray]] = {}
    for c in chunks:
        by_len.setdefault(len(c), []).append(c)
    for _, group in sorted(by_len.items()):
        for i in range(0, len(group), batch):
            t = torch.from_numpy(np.stack(group[i: i + batch])).to(device)
            with _autocast(device.type):
                logits = lm(t[:, :-1]).float()
            nats += float(F.cross_entropy(logits.reshape(-1, logits.shape[-1]), t[:, 1:].reshape(-1),
                                          reduction="sum"))
    n_bytes = sum(b for _, b in docs)
    return nats / math.log(2) / n_bytes if n_bytes else float("nan")
