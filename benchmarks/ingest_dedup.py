"""Ingest + normalize + exact dedup on ../shared/corpora: Spark local[2] beside one process.

The single-process twin does the same work with pyarrow, calling the very functions the Spark stages
run on their executors (the ingest's record builder over Arrow batches, the normalize stage's
``doc_batch``, SHA-256 exact dedup with the same survivor rule) and writing the same outputs
(documents and provenance per stage, zstd Parquet). Each variant runs in its own process; peak memory
is the resident memory of that process tree (for Spark: the driver JVM, the Python driver and the
Python workers). Sizes are uncompressed UTF-8 text bytes of the ingested documents. Spark's start-up
is reported separately and excluded from its pipeline time.

    python benchmarks/ingest_dedup.py [--master local[2]] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import require_corpora, run_measured, table

SOURCES = [  # (name, domain, glob relative to the corpora, format, fields, extra)
    ("nsmc", "web", "web/nsmc_reviews.tsv.gz", "tsv", {"text": "review", "id": "review_id", "date": "date"}, {}),
    ("chatbot", "web", "web/chatbot_qa.csv", "csv", {"text": "Q"}, {}),
    ("blogs", "web", "blog/*.jsonl.gz", "jsonl", {"text": "text", "id": "id", "title": "title"}, {}),
    ("statutes", "legal", "legal/statutes.jsonl.gz", "jsonl",
     {"text": "text", "id": "path", "title": "title", "url": "source", "date": "promulgated"}, {"priority": 10}),
    ("bills", "legal", "legal/**.txt", "text", {}, {}),
    ("safety", "manufacturing", "manufacturing/*.jsonl.gz", "jsonl",
     {"text": "text", "id": "path", "title": "title", "url": "source"}, {"priority": 5}),
    ("technical", "manufacturing", "technical/*.jsonl.gz", "jsonl", {"text": "text", "id": "id", "title": "title"}, {}),
    ("heritage", "cultural", "cultural/heritage_culture_laws.jsonl", "jsonl",
     {"text": "text", "id": "path", "title": "title"}, {"priority": 5}),
    ("novels", "cultural", "cultural/koconovel_novels.jsonl", "jsonl", {"text": "text", "id": "novel"}, {}),
    ("news", "web", "news/*.jsonl.gz", "jsonl", {"text": "text", "id": "id", "title": "title"}, {}),
    ("reports", "cultural", "reports/*.jsonl.gz", "jsonl", {"text": "text", "id": "id", "title": "title"}, {}),
]


def write_manifests(workdir: Path, corpora: Path, master: str) -> Path:
    lines = []
    for name, domain, glob, fmt, fields, extra in SOURCES:
        lines += ["[[source]]", f'name = "{name}"', f'domain = "{domain}"', f'paths = ["{corpora / glob}"]',
                  f'format = "{fmt}"', f"fields = {json.dumps(fields).replace(':', ' =')}" if fields else "",
                  'licence = "see corpora README"', 'origin = "../shared/corpora"',
                  *(f"{k} = {v}" for k, v in extra.items()), ""]
    (workdir / "sources.toml").write_text("\n".join(lines), encoding="utf-8")
    run = (f'name = "bench"\nsources_manifest = "sources.toml"\nseed = 1\n'
           f'[stages]\norder = ["ingest", "normalize", "exact_dedup"]\n[stages.ingest]\nmax_error_rate = 0.05\n'
           f'[spark]\nmaster = "{master}"\nshuffle_partitions = 4\ndriver_memory = "3g"\n')
    (workdir / "run.toml").write_text(run, encoding="utf-8")
    return workdir / "run.toml"


# ----------------------------------------------------------------------------- the variants


def variant_spark(manifest: Path, out: Path) -> dict[str, Any]:
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    t0 = time.monotonic()
    rec = execute(load_run(manifest, output=str(out)))
    total = time.monotonic() - t0
    startup = rec["spark"]["startup_seconds"]
    stages = {s["stage"]: s["seconds"] for s in rec["stages"]}
    summary = {s["stage"]: s for s in rec["summary"]}
    return {"startup": startup, "pipeline": total - startup, "stages": stages,
            "docs": summary["ingest"]["docs_in"], "bytes": summary["ingest"]["bytes_in"],
            "kept": summary["exact_dedup"]["kept"]}


def variant_single(manifest: Path, out: Path) -> dict[str, Any]:
    """The same three stages in one process with pyarrow."""
    import glob as globmod

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from filters.blocks.chain import build_chain
    from filters.verdict import PASSING
    from pipeline import provenance as P
    from pipeline.doc_stage import doc_batch
    from pipeline.manifest import load_run
    from pipeline.stages.s10_ingest import _ingest_batches, source_configs

    normalize = {"*": build_chain([("normalize_v1", {})], "normalize_v1")}  # the stage's chain and code path

    m = load_run(manifest, output=str(out))
    t0 = time.monotonic()
    stages: dict[str, float] = {}
    out.mkdir(parents=True, exist_ok=True)

    def commit(name: str, table_: pa.Table) -> pa.Table:
        prov = pa.table({"stage": pa.array([name] * table_.num_rows), "step": table_[P.STEP],
                         "doc_id": table_["doc_id"], "source": table_["source"], "decision": table_[P.DECISION],
                         "reason": table_[P.REASON], "score": table_[P.SCORE], "dup_of": table_[P.DUP_OF],
                         "n_bytes": table_[P.N_BYTES], "details": table_[P.DETAILS]})
        pq.write_table(prov, out / f"provenance-{name}.parquet", compression="zstd")
        passed = table_.filter(pc.is_in(table_[P.DECISION], pa.array(PASSING))).select(P.DOC_COLUMNS)
        pq.write_table(passed, out / f"{name}.parquet", compression="zstd")
        return passed

    # ingest (file checksums included, as the Spark run computes them for run.json)
    t = time.monotonic()
    cfg = source_configs(m, m.params["ingest"])
    batches = []
    for s in m.sources:
        for path in sorted({p for pat in s.paths for p in globmod.glob(pat, recursive=True)}):
            data = Path(path).read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            inp = pa.record_batch({"path": [path], "content": pa.array([data], pa.binary()), "source": [s.name],
                                   "sha256": [digest]})
            batches += list(_ingest_batches(iter([inp]), cfg, m.params["ingest"]["max_doc_bytes"]))
    ingested = commit("ingest", pa.Table.from_batches(batches))
    stages["ingest"] = time.monotonic() - t
    n_docs = sum(b.num_rows for b in batches)
    n_bytes = sum(pc.sum(b[P.N_BYTES]).as_py() or 0 for b in batches)

    t = time.monotonic()
    normalized = commit("normalize", pa.Table.from_batches(
        [doc_batch(b, normalize) for b in ingested.to_batches(max_chunksize=2000)]))
    stages["normalize"] = time.monotonic() - t

    t = time.monotonic()
    ids = normalized["doc_id"].to_pylist()
    priorities = normalized["priority"].to_pylist()
    hashes = normalized["text_sha256"].to_pylist()  # computed by doc_batch, as in the Spark stage
    best: dict[str, tuple[int, str]] = {}  # hash -> (-priority, doc_id) of the survivor so far
    copies: dict[str, int] = {}
    for h, d, p in zip(hashes, ids, priorities, strict=True):
        cand = (-p, d)
        if h not in best or cand < best[h]:
            best[h] = cand
        copies[h] = copies.get(h, 0) + 1
    survivor = {h: d for h, (_, d) in best.items()}
    keep = [survivor[h] == d for h, d in zip(hashes, ids, strict=True)]
    dedup = normalized.append_column(P.DECISION, pa.array(["keep" if k else "drop" for k in keep]))
    dedup = dedup.append_column(P.STEP, pa.array(["exact_dedup_v1"] * len(ids)))
    dedup = dedup.append_column(P.REASON, pa.array([None if k else "exact_dedup_v1.duplicate" for k in keep],
                                                   pa.string()))
    dedup = dedup.append_column(P.SCORE, pa.array([float(copies[h]) for h in hashes]))
    dedup = dedup.append_column(P.DUP_OF, pa.array([None if k else survivor[h] for h, k in zip(hashes, keep,
                                                                                               strict=True)],
                                                   pa.string()))
    dedup = dedup.append_column(P.DETAILS, pa.array([[("copies", str(copies[h])), ("text_sha256", h)]
                                                     for h in hashes], pa.map_(pa.string(), pa.string())))
    dedup = dedup.append_column(P.N_BYTES, pc.binary_length(normalized["text"].cast(pa.binary())).cast(pa.int64()))
    kept = commit("exact_dedup", dedup)
    stages["exact_dedup"] = time.monotonic() - t
    return {"startup": 0.0, "pipeline": time.monotonic() - t0, "stages": stages, "docs": n_docs,
            "bytes": n_bytes, "kept": kept.num_rows}


def _median_run(rs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median pipeline time; peak memory is the maximum over all runs."""
    ordered = sorted(rs, key=lambda r: r["pipeline"])
    return ordered[len(ordered) // 2] | {"peak": max(r["peak"] for r in rs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--repeat", type=int, default=3, help="runs per variant; the table shows medians")
    ap.add_argument("--variant", choices=["spark", "single"], help=argparse.SUPPRESS)
    ap.add_argument("--manifest", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.variant:  # child process: one variant, result as JSON on the last line
        fn = variant_spark if args.variant == "spark" else variant_single
        print(json.dumps(fn(Path(args.manifest), Path(args.out))))
        return

    corpora = require_corpora()
    work = Path(tempfile.mkdtemp(prefix="kocurate-bench-"))
    manifest = write_manifests(work, corpora, args.master)
    inner = args.master[6:-1]
    cores = int(inner) if args.master.startswith("local[") and inner.isdigit() else (os.cpu_count() or 1)
    runs: dict[str, list[dict[str, Any]]] = {"single": [], "spark": []}
    for i in range(args.repeat):  # interleaved, so drift on the machine hits both variants alike
        for variant in ("single", "spark"):
            rc, peaks, out, err = run_measured([sys.executable, __file__, "--variant", variant, "--manifest",
                                               str(manifest), "--out", str(work / f"{variant}{i}")])
            if rc != 0:
                print(err[-4000:], file=sys.stderr)
                raise SystemExit(f"{variant} variant failed")
            runs[variant].append(json.loads(out.strip().splitlines()[-1]) | {"peak": peaks.get("total", 0)})
            shutil.rmtree(work / f"{variant}{i}", ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    results = {v: _median_run(rs) for v, rs in runs.items()}
    spreads = {v: (min(r["pipeline"] for r in rs), max(r["pipeline"] for r in rs)) for v, rs in runs.items()}

    single, spark = results["single"], results["spark"]
    assert single["docs"] == spark["docs"] and single["kept"] == spark["kept"], (single, spark)
    mb = spark["bytes"] / 1e6
    rows = [["variant", "cores", "start-up s", "pipeline s", "text MB", "MB/s", "MB/s/core", "docs/s",
             "peak RSS MB", "ingest s", "normalize s", "exact_dedup s"]]
    for name, r, c in (("pyarrow, one process", single, 1), (f"spark {args.master}", spark, cores)):
        rows.append([name, str(c), f"{r['startup']:.1f}", f"{r['pipeline']:.1f}", f"{mb:.1f}",
                     f"{mb / r['pipeline']:.2f}", f"{mb / r['pipeline'] / c:.2f}", f"{r['docs'] / r['pipeline']:,.0f}",
                     f"{r['peak'] / 1e6:,.0f}", *(f"{r['stages'][s]:.1f}" for s in ("ingest", "normalize",
                                                                                      "exact_dedup"))])
    print(f"ingest + normalize + exact dedup on {corpora} ({spark['docs']:,} records, {mb:.1f} MB of text, "
          f"{spark['kept']:,} documents kept)")
    print(table(rows))
    print(f"\nmedians of {args.repeat} interleaved runs; pipeline seconds min-max: "
          + ", ".join(f"{v} {lo:.1f}-{hi:.1f}" for v, (lo, hi) in spreads.items()))
    print(f"spark/single pipeline time: {spark['pipeline'] / single['pipeline']:.2f}x "
          f"(goal: at most 2x; Spark start-up {spark['startup']:.1f} s excluded; spark stage times include "
          f"writing provenance and the DuckDB invariant checks)")


if __name__ == "__main__":
    main()
