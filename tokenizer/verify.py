"""``kocurate tokens verify RUN_DIR``: the token shards checked against their manifest and the curated text.

1. checksums of every ``.bin``, ``.idx`` and sidecar against ``tokens/manifest.json``;
2. index arithmetic: magic, version and dtype; sequence and document counts; pointers equal to the
   running sum of lengths; ``.bin`` size equal to the tokens; every sequence ends with EOS; every id
   below the vocabulary size; token totals per split;
3. sidecars: one row per sequence, offsets equal to the running sum, the run id;
4. a deterministic sample of sequences decoded with the shards' own tokenizer and compared, exactly,
   with the curated text of the same doc id in ``docs/``.
No Spark: numpy over memory-mapped files, DuckDB for the curated text.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow.parquet as pq

from tokenizer import megatron as M
from tokenizer.shard_tokenizer import ShardTokenizer


@dataclass
class Report:
    shards: int = 0
    sequences: int = 0
    tokens: int = 0
    decoded: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_shard(tokens_dir: str, s: dict[str, Any], dtype: str, vocab: int, run_id: str, eos: int,
                 rep: Report) -> None:
    prefix = os.path.join(tokens_dir, s["prefix"])
    name = s["prefix"]
    for ext, key in ((".bin", "bin_sha256"), (".idx", "idx_sha256"), (".parquet", "sidecar_sha256")):
        if not os.path.isfile(prefix + ext):
            rep.problems.append(f"{name}{ext}: missing")
            return
        if M.sha256_file(prefix + ext) != s[key]:
            rep.problems.append(f"{name}{ext}: checksum differs from the manifest")
    shard = M.IndexedShard(prefix)
    n = len(shard)
    lengths = shard.lengths.astype(np.int64)
    expect_ptr = np.concatenate([[0], np.cumsum(lengths)[:-1]]) * shard.dtype.itemsize if n else lengths
    checks = [
        (shard.dtype.name == dtype, f"dtype {shard.dtype.name}, manifest says {dtype}"),
        (n == s["sequences"], f"{n} sequences, manifest says {s['sequences']}"),
        (int(lengths.sum()) == s["tokens"], f"{int(lengths.sum())} tokens, manifest says {s['tokens']}"),
        (np.array_equal(shard.pointers, expect_ptr), "pointers are not the running sum of lengths"),
        (np.array_equal(shard.document_indices, np.arange(n + 1)), "document indices are not 0..n"),
        (os.path.getsize(prefix + ".bin") == int(lengths.sum()) * shard.dtype.itemsize, ".bin size != tokens"),
        (os.path.getsize(prefix + ".idx") == shard.index_bytes, ".idx has trailing or missing bytes"),
    ]
    if n:
        ends = shard.bin[(expect_ptr // shard.dtype.itemsize + lengths - 1).astype(np.int64)]
        checks.append((bool(np.all(ends == eos)), "a sequence does not end with EOS"))
        checks.append((int(shard.bin.max()) < vocab, "a token id is outside the vocabulary"))
    side = pq.read_table(prefix + ".parquet")
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]) if n else lengths
    checks += [
        (side.num_rows == n, f"sidecar has {side.num_rows} rows for {n} sequences"),
        (side.num_rows != n or np.array_equal(side.column("token_offset").to_numpy(), offsets),
         "sidecar offsets are not the running sum of lengths"),
        (side.num_rows != n or np.array_equal(side.column("n_tokens").to_numpy(), lengths),
         "sidecar lengths differ from the index"),
        (side.num_rows != n or np.array_equal(side.column("seq_index").to_numpy(), np.arange(n)),
         "sidecar seq_index is not 0..n-1"),
        (set(side.column("run_id").to_pylist()) <= {run_id}, "sidecar run_id differs from the manifest"),
    ]
    rep.problems += [f"{name}: {msg}" for ok, msg in checks if not ok]
    rep.shards += 1
    rep.sequences += n
    rep.tokens += int(lengths.sum())


def verify(run_dir: str, sample: int = 200) -> Report:
    tokens_dir = os.path.join(run_dir, "tokens")
    rep = Report()
    manifest_path = os.path.join(tokens_dir, "manifest.json")
    if not os.path.isfile(manifest_path):
        rep.problems.append(f"{manifest_path}: missing (run the tokens stage: `kocurate tokens build MANIFEST`)")
        return rep
    man = json.loads(open(manifest_path, encoding="utf-8").read())
    model = os.path.join(tokens_dir, man["tokenizer"])
    if M.sha256_file(model) != man["tokenizer_sha256"]:
        rep.problems.append(f"{man['tokenizer']}: checksum differs from the manifest")
    for s in man["shards"]:
        _check_shard(tokens_dir, s, man["dtype"], man["vocab_size"], man["run_id"], man["special_ids"]["eos"], rep)
    for split, total in man["tokens"].items():
        got = sum(s["tokens"] for s in man["shards"] if s["split"] == split)
        if got != total:
            rep.problems.append(f"{split}: shards hold {got} tokens, manifest says {total}")
    if rep.problems:
        return rep
    # Decode a deterministic sample: every k-th sequence over all shards.
    k = max(1, rep.sequences // max(1, sample))
    picks: list[tuple[str, np.ndarray]] = []
    seen = 0
    for s in man["shards"]:
        prefix = os.path.join(tokens_dir, s["prefix"])
        shard = M.IndexedShard(prefix)
        ids = pq.read_table(prefix + ".parquet", columns=["doc_id"]).column(0).to_pylist()
        for i in range(len(shard)):
            if (seen + i) % k == 0:
                picks.append((ids[i], shard[i]))
        seen += len(shard)
    tk = ShardTokenizer(model)
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE want (doc_id VARCHAR)")
    con.executemany("INSERT INTO want VALUES (?)", [(d,) for d, _ in picks])
    docs_glob = os.path.join(run_dir, "docs", "**", "*.parquet").replace("'", "''")
    texts = dict(con.execute(f"SELECT d.doc_id, d.text FROM read_parquet('{docs_glob}', hive_partitioning=true) d "
                             "JOIN (SELECT DISTINCT doc_id FROM want) USING (doc_id)").fetchall())
    for doc_id, toks in picks:
        if doc_id not in texts:
            rep.problems.append(f"sequence of {doc_id}: no such document in docs/")
        elif tk.decode(toks[:-1].astype(np.int64).tolist()) != texts[doc_id]:
            rep.problems.append(f"sequence of {doc_id}: decodes to other text than docs/ holds")
        rep.decoded += 1
    return rep
