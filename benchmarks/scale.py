"""The whole pipeline on 10 MB, 100 MB and 1 GB of real Korean text: time per stage and peak memory.

Inputs come from ../shared/corpora (the sources of ingest_dedup.py, parsed with the project's own
parsers). 10 MB is a deterministic sample of the documents; 100 MB is all of them; 1 GB is all of them
plus nine copies, each passed through a different bijective permutation of the 11,172 Hangul syllables.
A permuted copy keeps the script statistics of Korean (length, Hangul ratio, spacing) but shares no
syllable n-grams with the original, so it survives exact and fuzzy dedup and every stage really sees
10x the data. Inputs are written as ~32 MB (uncompressed) JSONL.gz shards.

Memory: the Python driver (kocurate's own process), the JVM (driver and, in local mode, executors)
and the Python workers are sampled separately from /proc. The goal: 10x the data costs at most 11x
the time per stage, and the driver's memory stays flat.

    python benchmarks/scale.py [--sizes 10,100,1000] [--master local[2]]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import require_corpora, run_measured, spark_process_kind, table
from benchmarks.ingest_dedup import SOURCES

HANGUL0, N_SYLLABLES = 0xAC00, 11172
SHARD_BYTES = 32_000_000


def base_documents(corpora: Path) -> list[tuple[str, str]]:
    """(domain, text) of every document the ingest_dedup sources yield, in a fixed order."""
    import glob

    from pipeline.ingest.formats import ParseOptions, iter_records

    docs: list[tuple[str, str]] = []
    for _name, domain, pattern, fmt, fields, _extra in SOURCES:
        opts = ParseOptions(fmt, fields or {"text": "text"}, csv_quoting="none" if fmt == "tsv" else "minimal")
        for path in sorted(glob.glob(str(corpora / pattern), recursive=True)):
            for rec in iter_records(path, Path(path).read_bytes(), opts, 10**9):
                if rec.error is None and rec.text:
                    docs.append((domain, rec.text))
    return docs


def permutation(k: int) -> dict[int, str]:
    """The k-th bijective permutation of Hangul syllables (7919 is coprime with 11172)."""
    return {HANGUL0 + i: chr(HANGUL0 + (i * 7919 + k * 104729) % N_SYLLABLES) for i in range(N_SYLLABLES)}


def write_input(docs: list[tuple[str, str]], target_mb: float, out: Path) -> tuple[int, int]:
    """Write about ``target_mb`` of text as JSONL.gz shards; returns (documents, text bytes)."""
    out.mkdir(parents=True)
    base_bytes = sum(len(t.encode("utf-8")) for _, t in docs)
    target = target_mb * 1e6
    if target < base_bytes:
        rng = random.Random(1)
        picked = [d for d in docs if rng.random() < target / base_bytes]
        copies = [(0, picked)]
    else:
        copies = [(k, docs) for k in range(max(1, round(target / base_bytes)))]
    n, total, shard, size = 0, 0, 0, 0
    fh = gzip.open(out / f"part-{shard:04d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1)
    for k, items in copies:
        table_k = permutation(k) if k else None
        for domain, text in items:
            t = text.translate(table_k) if table_k else text
            fh.write(json.dumps({"id": f"c{k}-{n}", "domain": domain, "text": t}, ensure_ascii=False) + "\n")
            b = len(t.encode("utf-8"))
            n, total, size = n + 1, total + b, size + b
            if size >= SHARD_BYTES:
                fh.close()
                shard, size = shard + 1, 0
                fh = gzip.open(out / f"part-{shard:04d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1)
    fh.close()
    return n, total


def run_pipeline(input_dir: Path, work: Path, master: str) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    (work / "s.toml").write_text(
        f'[[source]]\nname = "scale"\ndomain = "web"\npaths = ["{input_dir}/*.jsonl.gz"]\nformat = "jsonl"\n'
        'fields = { text = "text", id = "id" }\nlicence = "see corpora README"\norigin = "../shared/corpora"\n')
    (work / "r.toml").write_text(
        'name = "scale"\nsources_manifest = "s.toml"\nseed = 1\n[stages.ingest]\nmax_error_rate = 0.05\n'
        f'[spark]\nmaster = "{master}"\nshuffle_partitions = 8\ndriver_memory = "4g"\n')
    cmd = [sys.executable, "-m", "pipeline", "-q", "run", str(work / "r.toml"), "--output", str(work / "run")]
    returncode, measured, _, err = run_measured(cmd, classify=spark_process_kind)
    peaks = {"driver": 0, "jvm": 0, "workers": 0} | measured
    if returncode != 0:
        raise SystemExit(f"pipeline failed:\n{err[-4000:]}")
    rec = json.loads((work / "run" / "run.json").read_text())
    return {"stages": {s["stage"]: s["seconds"] for s in rec["stages"]}, "startup": rec["spark"]["startup_seconds"],
            "total": rec["seconds_total"], "peaks": peaks,
            "docs_out": rec["summary"][-1]["kept"], "docs_in": rec["summary"][0]["docs_in"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="input sizes in MB of text")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    corpora = require_corpora()
    sizes = [float(s) for s in args.sizes.split(",")]
    root = Path(tempfile.mkdtemp(prefix="kocurate-scale-"))
    print(f"reading the base documents from {corpora} ...", flush=True)
    docs = base_documents(corpora)
    results = []
    try:
        for mb in sizes:
            inp = root / f"in-{mb:g}"
            n, nbytes = write_input(docs, mb, inp)
            print(f"{mb:g} MB: {n:,} documents, {nbytes / 1e6:,.1f} MB of text; running ...", flush=True)
            r = run_pipeline(inp, root / f"work-{mb:g}", args.master)
            results.append((mb, n, nbytes, r))
            shutil.rmtree(root / f"work-{mb:g}", ignore_errors=True)
            shutil.rmtree(inp, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)

    stages = list(results[0][3]["stages"])
    rows = [["input", "docs in", "text MB", *[f"{s} s" for s in stages], "pipeline s", "start-up s",
             "driver py MB", "JVM MB", "workers MB", "docs out"]]
    for mb, _n, nbytes, r in results:
        rows.append([f"{mb:g} MB", f"{r['docs_in']:,}", f"{nbytes / 1e6:,.1f}",
                     *[f"{r['stages'][s]:.1f}" for s in stages],
                     f"{r['total'] - r['startup']:.1f}", f"{r['startup']:.1f}", f"{r['peaks']['driver'] / 1e6:,.0f}",
                     f"{r['peaks']['jvm'] / 1e6:,.0f}", f"{r['peaks']['workers'] / 1e6:,.0f}", f"{r['docs_out']:,}"])
    print(table(rows))
    print("\ntime ratio for each 10x step of the input (goal: at most 11x per stage):")
    ratio_rows = [["step", "data x", *stages, "pipeline"]]
    for (mb0, _, b0, r0), (mb1, _, b1, r1) in itertools.pairwise(results):
        ratio_rows.append([f"{mb0:g} -> {mb1:g} MB", f"{b1 / b0:.1f}",
                           *[f"{r1['stages'][s] / r0['stages'][s]:.1f}x" for s in stages],
                           f"{(r1['total'] - r1['startup']) / (r0['total'] - r0['startup']):.1f}x"])
    print(table(ratio_rows))


if __name__ == "__main__":
    main()
