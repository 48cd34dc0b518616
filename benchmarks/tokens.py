"""The tokens stage against plain SentencePiece encoding of the same text, per core, and its memory as
the corpus grows.

Text: documents of ../shared/corpora (every corpus of ``benchmarks.corpora``), normalized, cycled to
the sizes asked for. A BPE tokenizer (64k) is trained once on a sample of the same text.

- plain: one Python process, ``SentencePieceProcessor.encode`` over batches of 1,000 documents with one
  thread: tokens/s and MB/s on one core;
- stage: the real tokens stage (``pipeline.stages.s95_tokens`` and the commit that writes its decisions,
  provenance and invariants) on Spark ``local[1]``, one core, over a curated ``docs/`` directory of the
  same text; the stage's time excludes the Spark session's start.

The ratio of the two times per core is the stage's overhead (encoding on executors, the validation
split and mixing, the shuffle that orders documents across shards, the shard, index and sidecar
writing, provenance). Peak memory is sampled from /proc per kind of process (Python driver, JVM, and
each Python worker on its own: the largest worker is what one task needs, and the number of workers
Spark forked is shown beside it) at each size: it should not grow with the corpus.

Usage: ``python -m benchmarks.tokens [--sizes 10,40] [--shard-mb 64]``
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from benchmarks._common import require_corpora, run_measured, spark_process_kind, table
from benchmarks.corpora import CORPUS_FILES, domain_of, load


def corpus(target_mb: float) -> list[tuple[str, str, str]]:
    """(doc id, domain, text) cycled to ``target_mb`` of UTF-8 text."""
    base = [(i, domain_of(n), t) for n in CORPUS_FILES for i, t in load(n, 4000) if t.strip()]
    out, size, k = [], 0, 0
    while size < target_mb * 1e6:
        i, d, t = base[k % len(base)]
        out.append((f"{i}#{k // len(base)}", d, t))
        size += len(t.encode("utf-8"))
        k += 1
    return out


def write_docs(docs: list[tuple[str, str, str]], run_dir: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    by: dict[str, list[tuple[str, str, str]]] = {}
    for row in docs:
        by.setdefault(row[1], []).append(row)
    for domain, rows in by.items():
        out = run_dir / "docs" / f"domain={domain}"
        out.mkdir(parents=True, exist_ok=True)
        for j in range(0, len(rows), 20_000):
            part = rows[j:j + 20_000]
            pq.write_table(pa.table({
                "doc_id": [r[0] for r in part], "source": ["corpora"] * len(part), "licence": ["mixed"] * len(part),
                "text": [r[2] for r in part], "dup_cluster_size": pa.array([1] * len(part), pa.int32())}),
                str(out / f"part-{j // 20_000:05d}.parquet"))


def plain(model: str, docs: list[tuple[str, str, str]]) -> tuple[float, int]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=model, num_threads=1)
    texts = [t for _, _, t in docs]
    start = time.perf_counter()
    tokens = 0
    for j in range(0, len(texts), 1000):
        tokens += sum(len(x) + 1 for x in sp.encode(texts[j:j + 1000], num_threads=1))
    return time.perf_counter() - start, tokens


def child(run_dir: str, model: str, shard_mb: float) -> None:
    """Run the tokens stage once on ``run_dir/docs`` (the measured process)."""
    from pipeline.fs import HadoopFS
    from pipeline.manifest import STAGE_PARAMS, RunManifest, SparkSettings
    from pipeline.passes import run_pass
    from pipeline.session import build_session
    from pipeline.stage import Layer, StageContext

    params = {k: v.default for k, v in STAGE_PARAMS["tokens"].items()}
    params.update(model=model, shard_size_mb=shard_mb, valid_fraction=0.005)
    spark = build_session(SparkSettings(master="local[1]", shuffle_partitions=4, driver_memory="2g"), "bench-tokens")
    manifest = RunManifest(path="", name="bench", sources_manifest="", sources=(), output=run_dir, seed=1,
                           stages=("tokens",), params={"tokens": params}, spark=SparkSettings(master="local[1]"))
    ctx = StageContext(spark=spark, manifest=manifest, run_dir=run_dir, fs=HadoopFS(spark), stage="tokens",
                       params=params, input=(Layer(f"{run_dir}/docs", None),), facts={"run_id": "bench"})
    start = time.perf_counter()
    [rec] = run_pass([ctx], ["bench"], time.monotonic())
    secs = time.perf_counter() - start
    print(json.dumps({"seconds": secs, "tokens": rec.summary["tokens"], "counts": rec.counts}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,40", help="MB of text")
    ap.add_argument("--shard-mb", type=float, default=64.0)
    ap.add_argument("--child", nargs=3, metavar=("RUN_DIR", "MODEL", "SHARD_MB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return
    require_corpora()
    from tokenizer.sample import sample_lines
    from tokenizer.spm import TokenizerSpec, train

    work = Path(tempfile.mkdtemp(prefix="kocurate-bench-tokens-"))
    sizes = [float(x) for x in args.sizes.split(",")]
    docs_max = corpus(max(sizes))
    t = time.perf_counter()
    lines = (x for i, _, tx in docs_max[:20_000] for x in sample_lines(tx, i, 1, 0.5))
    model = str(train(lines, TokenizerSpec("bpe", 64_000), work / "tok").model)
    print(f"tokenizer: BPE {64_000:,} trained in {time.perf_counter() - t:.0f} s")

    rows = [["MB", "plain s", "plain tok/s/core", "plain MB/s/core", "stage s", "stage tok/s/core",
             "stage MB/s/core", "stage/plain", "driver MB", "JVM MB", "largest worker MB", "workers"]]
    for mb in sizes:
        docs = corpus(mb)
        real_mb = sum(len(t.encode("utf-8")) for _, _, t in docs) / 1e6
        p_s, p_tok = plain(model, docs)
        run_dir = work / f"run{int(mb)}"
        write_docs(docs, run_dir)
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        cmd = [sys.executable, "-m", "benchmarks.tokens", "--child", str(run_dir), model, str(args.shard_mb)]
        rc, peaks, out, err = run_measured(cmd, env=env, classify=partial(spark_process_kind, per_worker=True))
        if rc != 0:
            raise SystemExit(err[-3000:])
        res = json.loads(out.strip().splitlines()[-1])
        s_s = res["seconds"]
        s_tok = sum(res["tokens"].values())
        check = subprocess.run([sys.executable, "-m", "pipeline.cli", "tokens", "verify", str(run_dir),
                                "--sample", "50"], capture_output=True, text=True, env=env)
        assert check.returncode == 0, check.stdout + check.stderr
        assert s_tok == p_tok, (s_tok, p_tok)
        rows.append([f"{real_mb:.1f}", f"{p_s:.1f}", f"{p_tok / p_s:,.0f}", f"{real_mb / p_s:.2f}", f"{s_s:.1f}",
                     f"{s_tok / s_s:,.0f}", f"{real_mb / s_s:.2f}", f"{s_s / p_s:.2f}x",
                     *[f"{peaks.get(k, 0) / 1e6:,.0f}" for k in ("driver", "jvm")],
                     f"{max((v for k, v in peaks.items() if k.startswith('worker:')), default=0) / 1e6:,.0f}",
                     str(sum(k.startswith("worker:") for k in peaks))])
    print("\none core each (plain: one process, one thread; stage: Spark local[1]); tokens include EOS; "
          "shards verified with `kocurate tokens verify`")
    print(table(rows))


if __name__ == "__main__":
    main()
