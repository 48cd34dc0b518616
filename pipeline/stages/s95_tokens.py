"""Tokens: the curated documents encoded with the run's SentencePiece model (or a Hugging Face
``tokenizer.json`` named by ``model``: an open model's tokenizer extended with Korean pieces) into Megatron-Core indexed
shards (``tokens/{train,valid}/*.bin|.idx``), each with a Parquet sidecar giving, for every sequence,
its document, offset, length, source, domain, licence and the run id.

1. Encode, on the executors, over Arrow batches (one ``encode`` call per batch, the processor loaded
   once per Python worker). A document is one sequence: its tokens and the end-of-document token.
2. Mix: a document goes to the validation split by a keyed hash (``valid_fraction``); a training
   document is repeated ``domain_weights[domain] * min(max_copies, dup_cluster_size ** cluster_exponent)``
   times (the fractional part drawn by a keyed hash; 0 copies: dropped with ``tokens_v1.mixing_weight``).
3. Shard: each split gets ``ceil(bytes / shard_size_mb)`` shards; a copy's shard and its position in
   the shard come from keyed hashes of (seed, doc id, copy): a deterministic shuffle across shards.
   One Spark task streams each shard to disk (memory does not grow with the corpus).
4. Describe: ``tokens/manifest.json`` (tokenizer hash, dtype, vocabulary size, special ids, checksums,
   token counts per split, domain and source), Megatron blend files, the tokenizer files and a
   ``tokenizer_config.json``, so a trainer starts from ``tokens/`` alone. ``kocurate tokens verify``
   checks all of it against the curated text.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
from collections.abc import Iterator
from functools import partial
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import xxhash

from pipeline import provenance as P
from pipeline.arrow import spark_ddl
from pipeline.errors import ManifestError
from pipeline.invariants import local_path
from pipeline.stage import StageContext, StageResult
from pipeline.stages.s92_tokenizer import MODEL_DIR, MODEL_NAME
from pipeline.task_heap import frozen_task
from tokenizer import hf_export
from tokenizer import megatron as M
from tokenizer.shard_tokenizer import ShardTokenizer, resolve

NAME = "tokens"
VERSION = 1
KIND = "global"
STEP = "tokens_v1"
SPLITS = ("train", "valid")
ENCODED_SCHEMA = pa.schema([
    pa.field("doc_id", pa.string()), pa.field("source", pa.string()), pa.field("domain", pa.string()),
    pa.field("licence", pa.string()), pa.field("split", pa.string()), pa.field("copies", pa.int32()),
    pa.field("n_tokens", pa.int64()), pa.field("tokens", pa.binary()), pa.field(P.N_BYTES, pa.int64())])
SIDECAR_SCHEMA = pa.schema([
    pa.field("seq_index", pa.int64()), pa.field("doc_id", pa.string()), pa.field("copy", pa.int32()),
    pa.field("token_offset", pa.int64()), pa.field("n_tokens", pa.int64()), pa.field("source", pa.string()),
    pa.field("domain", pa.string()), pa.field("licence", pa.string()), pa.field("run_id", pa.string())])
SHARD_SCHEMA = pa.schema([
    pa.field("split", pa.string()), pa.field("shard", pa.int64()), pa.field("prefix", pa.string()),
    pa.field("sequences", pa.int64()), pa.field("tokens", pa.int64()), pa.field("bin_bytes", pa.int64()),
    pa.field("bin_sha256", pa.string()), pa.field("idx_sha256", pa.string()), pa.field("sidecar_sha256", pa.string())])
OUTPUT_COLUMNS = ["doc_id", "source", "domain", "licence", "split", "copies", "n_tokens"]
log = logging.getLogger(__name__)


def _unit(seed: int, *parts: object) -> float:
    return xxhash.xxh64_intdigest("\x00".join(map(str, parts)), seed=seed) / 2.0**64


def copies_of(seed: int, doc_id: str, domain: str, cluster: int, p: dict[str, Any]) -> int:
    w = float(p["domain_weights"].get(domain, 1.0)) * min(float(p["max_copies"]),
                                                          max(1, cluster or 1) ** float(p["cluster_exponent"]))
    whole = math.floor(w)
    return int(whole + (_unit(seed, "copy", doc_id) < w - whole))


#: Text encoded per call: Spark hands over Arrow batches of up to 10,000 rows whatever their size (10,000
#: statutes are over 500 MB); slicing them bounds a worker's memory by this, not by the documents' sizes.
SLICE_BYTES = 8_000_000


def slices(batches: Iterator[pa.RecordBatch], limit: int = SLICE_BYTES) -> Iterator[pa.RecordBatch]:
    import pyarrow.compute as pc

    for b in batches:
        sizes = pc.binary_length(b.column("text")).fill_null(0).to_numpy(zero_copy_only=False)
        start, acc = 0, 0
        for i, n in enumerate(sizes):
            acc += int(n)
            if acc >= limit:
                yield b.slice(start, i + 1 - start)
                start, acc = i + 1, 0
        if start < b.num_rows:
            yield b.slice(start)


def encode_batches(batches: Iterator[pa.RecordBatch], model_name: str, eos: int, seed: int, dtype: str,
                   params: dict[str, Any]) -> Iterator[pa.RecordBatch]:
    from pyspark import SparkFiles

    tk = ShardTokenizer(SparkFiles.get(model_name))
    np_dtype = np.dtype(dtype)
    for b in slices(batches):
        ids = b.column("doc_id").to_pylist()
        texts = b.column("text").to_pylist()
        domains = b.column("domain").to_pylist()
        clusters = b.column("dup_cluster_size").to_pylist()
        encoded = tk.encode([t or "" for t in texts])  # one core per task, as Spark schedules it
        splits, copies, blobs = [], [], []
        for doc_id, dom, cl, toks in zip(ids, domains, clusters, encoded, strict=True):
            valid = _unit(seed, "valid", doc_id) < params["valid_fraction"]
            splits.append("valid" if valid else "train")
            copies.append(1 if valid else copies_of(seed, doc_id, dom, cl, params))
            arr = np.empty(len(toks) + 1, dtype=np_dtype)
            arr[:-1] = toks
            arr[-1] = eos
            blobs.append(arr.tobytes())
        yield pa.RecordBatch.from_arrays([
            b.column("doc_id"), b.column("source"), b.column("domain"), b.column("licence"),
            pa.array(splits, pa.string()), pa.array(copies, pa.int32()),
            pa.array([len(x) // np_dtype.itemsize for x in blobs], pa.int64()), pa.array(blobs, pa.binary()),
            pa.array([len((t or "").encode("utf-8")) for t in texts], pa.int64())], schema=ENCODED_SCHEMA)


def shard_prefix(tokens_dir: str, split: str, shard: int) -> str:
    return f"{tokens_dir}/{split}/kocurate_{split}_{shard:05d}"


def write_shards(batches: Iterator[pa.RecordBatch], tokens_dir: str, dtype: str, run_id: str
                 ) -> Iterator[pa.RecordBatch]:
    """Rows arrive sorted by (split, shard, position): stream each shard to its files."""
    writer: M.ShardWriter | None = None
    key: tuple[str, int] | None = None
    side: list[dict[str, Any]] = []
    done: list[dict[str, Any]] = []

    def close() -> None:
        assert writer is not None and key is not None
        info = writer.close()
        table = pa.Table.from_pylist(side, schema=SIDECAR_SCHEMA)
        pq.write_table(table, info.prefix + ".parquet.tmp", compression="zstd")
        os.replace(info.prefix + ".parquet.tmp", info.prefix + ".parquet")
        done.append({"split": key[0], "shard": key[1], "prefix": os.path.relpath(info.prefix, tokens_dir),
                     "sequences": info.sequences, "tokens": info.tokens, "bin_bytes": info.bin_bytes,
                     "bin_sha256": info.bin_sha256, "idx_sha256": info.idx_sha256,
                     "sidecar_sha256": M.sha256_file(info.prefix + ".parquet")})

    for b in batches:
        cols = {n: b.column(n).to_pylist() for n in ("split", "shard", "doc_id", "copy", "source", "domain",
                                                      "licence", "tokens")}
        for i in range(b.num_rows):
            k = (cols["split"][i], cols["shard"][i])
            if k != key:
                if writer is not None:
                    close()
                key, side = k, []
                writer = M.ShardWriter(shard_prefix(tokens_dir, *k), np.dtype(dtype).type)
            assert writer is not None
            offset, n = writer.add(np.frombuffer(cols["tokens"][i], dtype=dtype))
            side.append({"seq_index": len(side), "doc_id": cols["doc_id"][i], "copy": cols["copy"][i],
                         "token_offset": offset, "n_tokens": n, "source": cols["source"][i],
                         "domain": cols["domain"][i], "licence": cols["licence"][i], "run_id": run_id})
    if writer is not None:
        close()
    if done:
        yield pa.RecordBatch.from_pylist(done, schema=SHARD_SCHEMA)


def model_path(ctx: StageContext) -> str:
    chosen = ctx.params["model"]
    path = resolve(chosen) if chosen else local_path(ctx.path(MODEL_DIR, MODEL_NAME + ".model"))
    if not path or not os.path.isfile(path):
        raise ManifestError(f"[stages.tokens] model: {path or ctx.path(MODEL_DIR)} not found; put the tokenizer "
                            "stage before tokens, or name a .model file or a tokenizer.json")
    return path


def run(ctx: StageContext) -> StageResult:
    from pyspark.sql import functions as F

    p = ctx.params
    run_dir = local_path(ctx.run_dir)
    if run_dir is None:
        raise ManifestError("the tokens stage writes its shards to a local or mounted run directory; "
                            f"{ctx.run_dir} is remote")
    tokens_dir = os.path.abspath(os.path.join(run_dir, "tokens"))
    model = model_path(ctx)
    tk = ShardTokenizer(model)
    vocab = tk.vocab_size()
    dtype = np.dtype(M.dtype_for(vocab)).name
    seed = ctx.manifest.seed
    run_id = str(ctx.facts.get("run_id", ""))
    # Shards are written aside and the directory renamed into place by the commit once complete and
    # checked, so tokens/ is always a whole set: a run killed mid-stage leaves only the .partial
    # directory, which the resumed stage starts over.
    partial_dir = tokens_dir + ".partial"
    suffix = ".tokenizer.json" if tk.is_hf else ".model"
    ship = os.path.join(tokens_dir + ".model-tmp", f"tokens-{M.sha256_file(model)[:16]}{suffix}")
    for stale in (partial_dir, os.path.dirname(ship)):
        shutil.rmtree(stale, ignore_errors=True)
    os.makedirs(partial_dir)
    os.makedirs(os.path.dirname(ship))
    shutil.copyfile(model, ship)
    ctx.spark.sparkContext.addFile(ship)

    ids = ctx.read_input().select("doc_id")
    docs = (ctx.spark.read.parquet(ctx.path("docs")).join(ids, "doc_id", "left_semi")
            .select("doc_id", "source", "domain", "licence", "text", "dup_cluster_size"))
    encoded_uri = ctx.path("work", "_tokens_encoded")
    ctx.fs.delete(encoded_uri)
    fn = partial(encode_batches, model_name=os.path.basename(ship), eos=tk.special_ids()["eos"], seed=seed,
                 dtype=dtype, params=p)
    docs.mapInArrow(frozen_task(fn), spark_ddl(ENCODED_SCHEMA)).write.parquet(encoded_uri)
    encoded = ctx.spark.read.parquet(encoded_uri)

    item = np.dtype(dtype).itemsize
    # One aggregation for the shard counts and the manifest's counts per domain and per source.
    per: dict[str, dict[str, int]] = {"domain": {}, "source": {}}
    sizes: dict[str, int] = {}
    for split, domain, source, n in encoded.groupBy("split", "domain", "source").agg(
            F.sum(F.col("n_tokens") * F.col("copies"))).collect():
        n = int(n or 0)
        sizes[split] = sizes.get(split, 0) + n
        for dim, name in (("domain", domain), ("source", source)):
            per[dim][f"{split}|{name}"] = per[dim].get(f"{split}|{name}", 0) + n
    shards = {s: max(1, math.ceil(sizes.get(s, 0) * item / (p["shard_size_mb"] * 1e6))) for s in SPLITS
              if sizes.get(s, 0)}
    counts = F.create_map(*[x for s, n in sorted(shards.items()) for x in (F.lit(s), F.lit(n))]) \
        if shards else F.create_map(F.lit("train"), F.lit(1))
    copies = (encoded.filter("copies > 0").withColumn("copy", F.explode(F.sequence(F.lit(0), F.col("copies") - 1)))
              .withColumn("shard", F.pmod(F.xxhash64(F.lit(seed), F.lit("shard"), "doc_id", "copy"),
                                          counts[F.col("split")]))
              .withColumn("order", F.xxhash64(F.lit(seed), F.lit("order"), "doc_id", "copy")))
    write = partial(write_shards, tokens_dir=partial_dir, dtype=dtype, run_id=run_id)
    shard_rows = (copies.repartition(max(1, sum(shards.values())), "split", "shard")
                  .sortWithinPartitions("split", "shard", "order", "doc_id", "copy")
                  .select("split", "shard", "doc_id", "copy", "source", "domain", "licence", "tokens")
                  .mapInArrow(write, spark_ddl(SHARD_SCHEMA)).orderBy("split", "shard").collect())
    shutil.rmtree(os.path.dirname(ship), ignore_errors=True)

    manifest = describe(ctx, partial_dir, model, vocab, dtype, run_id, [r.asDict() for r in shard_rows], per)
    combined = encoded.select(
        *OUTPUT_COLUMNS,
        F.when(F.col("copies") > 0, "keep").otherwise("drop").alias(P.DECISION), F.lit(STEP).alias(P.STEP),
        F.when(F.col("copies") > 0, None).otherwise(f"{STEP}.mixing_weight").alias(P.REASON),
        F.lit(None).cast("double").alias(P.SCORE), F.lit(None).cast("string").alias(P.DUP_OF),
        F.create_map(F.lit("tokens.split"), F.col("split"), F.lit("tokens.copies"), F.col("copies").cast("string"),
                     F.lit("tokens.n_tokens"), F.col("n_tokens").cast("string")).alias(P.DETAILS),
        F.col(P.N_BYTES))
    totals = manifest["tokens"]
    summary = {"tokens": totals, "shards": dict(shards), "dtype": dtype,
               "report": ["tokens: " + ", ".join(f"{s} {totals.get(s, 0):,} tokens in {shards.get(s, 0)} shards"
                                                 for s in SPLITS) + f" ({dtype}, vocabulary {vocab:,})"]}
    # tokens.partial/ becomes tokens/ in the commit, after the invariants pass.
    return StageResult(combined=combined, output_uri=ctx.path("work", NAME), output_columns=OUTPUT_COLUMNS,
                       summary=summary, publish=[(f"file://{partial_dir}", f"file://{tokens_dir}")])


def describe(ctx: StageContext, tokens_dir: str, model: str, vocab: int, dtype: str, run_id: str,
             shard_rows: list[dict[str, Any]], per: dict[str, dict[str, int]]) -> dict[str, Any]:
    """Write manifest.json, the blend files, the tokenizer files and tokenizer_config.json."""
    tk = ShardTokenizer(model)
    tok_dir = os.path.join(tokens_dir, "tokenizer")
    os.makedirs(tok_dir, exist_ok=True)
    local_model = os.path.join(tok_dir, tk.file_name)
    shutil.copyfile(model, local_model)
    if tk.is_hf:  # the extension's record (new ids, embedding initialization) travels with the shards
        for extra in ("tokenizer_config.json", "extension.json", "embedding_init.json"):
            src = os.path.join(os.path.dirname(model), extra)
            if os.path.isfile(src):
                shutil.copyfile(src, os.path.join(tok_dir, extra))
    meta = model[: -len(".model")] + ".meta.json"
    if not tk.is_hf and os.path.isfile(meta):
        shutil.copyfile(meta, os.path.join(tok_dir, MODEL_NAME + ".meta.json"))
        hf_export.export(local_model, tok_dir)
    totals: dict[str, int] = {}
    for r in shard_rows:
        totals[r["split"]] = totals.get(r["split"], 0) + r["tokens"]
    by: dict[str, dict[str, dict[str, int]]] = {}
    for dim, rows in per.items():
        for k, v in sorted(rows.items()):
            split, name = k.split("|", 1)
            by.setdefault(dim, {}).setdefault(split, {})[name] = v
    specials = tk.special_ids()
    placeholders = tk.placeholder_ids()
    whitespace = tk.whitespace_ids()
    manifest = {
        "format": "megatron-core indexed dataset v1 (MMIDIDX), one sequence per document ending in EOS",
        "run_id": run_id, "seed": ctx.manifest.seed, "tokenizer_sha256": M.sha256_file(model),
        "tokenizer": "tokenizer/" + tk.file_name, "vocab_size": vocab, "dtype": dtype,
        "special_ids": specials, "placeholder_ids": placeholders, "whitespace_ids": whitespace,
        "params": {k: v for k, v in sorted(ctx.params.items()) if k != "model"},
        "tokens": totals, "tokens_by_domain": by.get("domain", {}), "tokens_by_source": by.get("source", {}),
        "shards": shard_rows,
    }
    with open(os.path.join(tokens_dir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    for split in SPLITS:
        rows = [r for r in shard_rows if r["split"] == split]
        total = sum(r["tokens"] for r in rows) or 1
        blend = " ".join(f"{r['tokens'] / total:.6f} {r['prefix']}" for r in rows)
        with open(os.path.join(tokens_dir, f"blend_{split}.txt"), "w", encoding="utf-8") as fh:
            fh.write(blend + "\n")
    if tk.is_hf:
        eos = tk.eos_token()
        config: dict[str, Any] = {
            "tokenizer_class": "PreTrainedTokenizerFast", "tokenizer_file": "tokenizer/tokenizer.json",
            "vocab_size": vocab, "eos_token": eos, "pad_token": eos, "eos_token_id": specials["eos"],
            "pad_token_id": specials["pad"], "placeholder_token_ids": placeholders, "add_bos_token": False,
            "add_eos_token": True, "split_special_tokens": True, "dtype": dtype}
    else:
        config = {"tokenizer_class": "PreTrainedTokenizerFast", "tokenizer_file": "tokenizer/tokenizer.json",
                  "sentencepiece_model": "tokenizer/" + MODEL_NAME + ".model", "vocab_size": vocab,
                  "bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>", "unk_token": "<unk>",
                  "bos_token_id": specials["bos"], "eos_token_id": specials["eos"], "pad_token_id": specials["pad"],
                  "unk_token_id": specials["unk"], "placeholder_token_ids": placeholders,
                  "add_bos_token": False, "add_eos_token": True, "dtype": dtype}
    with open(os.path.join(tokens_dir, "tokenizer_config.json"), "w", encoding="utf-8") as fh:
        json.dump(config, fh, indent=1, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    return manifest
