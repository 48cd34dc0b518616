"""Query time of the audit's canned reports and of the data card on a run over all of ../shared/corpora.

The run is the scale benchmark's (``benchmarks/scale.py``): every document of the corpora as one
source, every stage of the default order, on ``local[2]``. Each report is timed from a fresh DuckDB
connection (views opened each time, as ``kocurate audit RUN --report NAME`` does), median of three.

Usage: ``python -m benchmarks.audit [--mb 100] [--run-dir DIR]`` (``--run-dir`` reuses a finished run).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks._common import require_corpora, table
from benchmarks.scale import base_documents, run_pipeline, write_input
from pipeline import audit
from pipeline.datacard import build


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--run-dir", help="a finished run to query instead of running the pipeline")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    if args.run_dir:
        run_dir = args.run_dir
    else:
        corpora = require_corpora()
        root = Path(tempfile.mkdtemp(prefix="kocurate-audit-bench-"))
        n, nbytes = write_input(base_documents(corpora), args.mb, root / "in")
        print(f"running the pipeline on {n:,} documents, {nbytes / 1e6:,.1f} MB -> {root / 'work' / 'run'}", flush=True)
        r = run_pipeline(root / "in", root / "work", args.master)
        print(f"pipeline: {r['total']:.0f} s, {r['docs_in']:,} documents in, {r['docs_out']:,} curated")
        run_dir = str(root / "work" / "run")
    rows = [["report", "rows", "median s", "under 1 s"]]
    for name in audit.REPORTS:
        times, n_rows = [], 0
        for _ in range(3):
            t = time.perf_counter()
            _, result = audit.report(run_dir, name)
            times.append(time.perf_counter() - t)
            n_rows = len(result)
        med = statistics.median(times)
        rows.append([name, f"{n_rows:,}", f"{med:.3f}", "yes" if med < 1 else "no"])
    t = time.perf_counter()
    page, _ = build(run_dir)
    rows.append(["data card (kocurate report)", f"{len(page):,} bytes", f"{time.perf_counter() - t:.3f}", "-"])
    print(f"\naudit queries on {run_dir}")
    print(table(rows))


if __name__ == "__main__":
    main()
