"""What the ablation trains on, in one compact folder that can travel to a GPU machine without the pipeline.

Variants share most of their documents (each is a subset of the raw input, some texts changed by PII
redaction, template removal or a decontamination cut), so the bundle stores every distinct text's tokens
once (``store.bin``, uint16 or uint32 ids, each document ending with EOS) and each variant as the list of
its documents in training order (``variants/<name>.parquet``: the stored text's number, and the
document's own id, source, licence and declared domain: two copies of one text are two documents of the
raw variant). The held-out text is stored as token ids with the UTF-8 bytes of each document
(``eval.npz``), the tokenizer beside it; ``meta.json`` holds everything else the report needs (config
hashes, document and token counts, the training mix). A variant is turned back into token shards of the
tokens stage's format (``materialize``) and read with ``TokenWindows``, on any machine.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tokenizer.megatron import ShardWriter, dtype_for

VARIANT_SCHEMA = pa.schema([("stored", pa.int64()), ("doc_id", pa.string()), ("source", pa.string()),
                            ("licence", pa.string()), ("domain", pa.string())])


def write(out: Path, variants: dict[str, list[dict[str, Any]]], encode: Any, eos: int, vocab: int,
          evals: dict[str, list[tuple[list[int], int]]], tokenizer: Path, meta: dict[str, Any], seed: int) -> None:
    """``variants``: each variant's documents (doc_id, source, licence, declared_domain, text), in doc-id
    order; their training order is drawn from ``seed``. ``encode``: text -> token ids."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "variants").mkdir(exist_ok=True)
    dtype = np.dtype(dtype_for(vocab))
    index: dict[str, int] = {}  # sha256 of the text -> its number in the store
    lengths: list[int] = []
    with open(out / "store.bin", "wb") as fh:
        for name, docs in variants.items():
            order = np.random.default_rng(seed).permutation(len(docs))
            rows: list[dict[str, Any]] = []
            mix: Counter[str] = Counter()
            for i in order:
                d = docs[int(i)]
                key = hashlib.sha256(d["text"].encode("utf-8")).hexdigest()
                if key not in index:
                    ids = np.asarray([*encode(d["text"]), eos], dtype=dtype)
                    fh.write(ids.tobytes())
                    index[key] = len(lengths)
                    lengths.append(int(ids.size))
                rows.append({"stored": index[key], "doc_id": d["doc_id"], "source": d["source"],
                             "licence": d["licence"], "domain": d["declared_domain"]})
                mix[d["declared_domain"]] += lengths[index[key]]
            pq.write_table(pa.Table.from_pylist(rows, schema=VARIANT_SCHEMA), out / "variants" / f"{name}.parquet")
            total = max(1, sum(mix.values()))
            meta["variants"][name] |= {"documents": len(docs), "tokens_available": int(sum(mix.values())),
                                       "mix": {d: n / total for d, n in sorted(mix.items())}}
    np.save(out / "store_lengths.npy", np.asarray(lengths, dtype=np.int64))
    flat = {f"{g}_{part}": arr for g, docs in evals.items() for part, arr in (
        ("ids", np.asarray([t for ids, _ in docs for t in ids], dtype=np.int64)),
        ("lengths", np.asarray([len(ids) for ids, _ in docs], dtype=np.int64)),
        ("bytes", np.asarray([b for _, b in docs], dtype=np.int64)))}
    np.savez_compressed(out / "eval.npz", **flat)
    shutil.copy(tokenizer, out / "tokenizer.model")
    meta |= {"vocab": vocab, "eos": eos, "dtype": dtype.name, "genres": list(evals)}
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")


@dataclass
class Bundle:
    path: Path
    meta: dict[str, Any]

    @classmethod
    def open(cls, path: str | Path) -> Bundle:
        p = Path(path)
        return cls(p, json.loads((p / "meta.json").read_text(encoding="utf-8")))

    def evals(self) -> dict[str, list[tuple[np.ndarray, int]]]:
        """Per genre: (token ids, UTF-8 bytes) of each held-out document."""
        z = np.load(self.path / "eval.npz")
        out = {}
        for g in self.meta["genres"]:
            ids, lengths, nbytes = z[f"{g}_ids"], z[f"{g}_lengths"], z[f"{g}_bytes"]
            starts = np.concatenate([[0], np.cumsum(lengths)])
            out[g] = [(ids[starts[i]:starts[i + 1]], int(nbytes[i])) for i in range(len(lengths))]
        return out

    def materialize(self, name: str, out: Path, seed: int | None = None) -> Path:
        """Variant ``name`` as token shards with a lineage sidecar and a ``manifest.json`` (``TokenWindows``
        reads them). With ``seed``, its documents in an order drawn from it: a seed then varies which
        documents share a training window as well as the model's initial weights and the windows' order, so
        the seeds' spread holds all three."""
        lengths = np.load(self.path / "store_lengths.npy")
        starts = np.concatenate([[0], np.cumsum(lengths)])
        store = np.memmap(self.path / "store.bin", mode="r", dtype=np.dtype(self.meta["dtype"]))
        out.mkdir(parents=True, exist_ok=True)
        w = ShardWriter(out / "train_00000", np.dtype(self.meta["dtype"]).type)
        side = []
        rows = pq.read_table(self.path / "variants" / f"{name}.parquet").to_pylist()
        if seed is not None:
            rows = [rows[int(i)] for i in np.random.default_rng(seed).permutation(len(rows))]
        for d in rows:
            k = d.pop("stored")
            offset, n = w.add(store[starts[k]:starts[k + 1]])
            side.append({**d, "token_offset": offset, "n_tokens": n})
        info = w.close()
        pq.write_table(pa.Table.from_pylist(side), out / "train_00000.parquet")
        (out / "manifest.json").write_text(json.dumps(
            {"shards": [{"prefix": "train_00000", "split": "train", "documents": info.sequences,
                         "tokens": info.tokens, "bin_sha256": info.bin_sha256}]}, indent=1), encoding="utf-8")
        return out

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())
