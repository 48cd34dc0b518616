"""The whole pipeline's throughput, stage by stage against its budget (docs/throughput.md).

Every stage of the default order runs on Spark (``--master``, ``local[2]`` by default) over two inputs:

- ``corpora``: today's corpora mix (``benchmarks/scale.py``'s input: every document of the corpora,
  and perturbed copies above 100 MB; 276 bytes a document on average, mostly one-line reviews, where
  the cost per document dominates);
- ``web``: a web-like mix whose documents have the size of Korean web pages (FineWeb-2's Korean
  documents average about 3.8 KB): the generated crawl of ``benchmarks/web_crawl.py`` (site templates,
  spam hosts, syndicated news around real article text), crawls of further seeds appended to the size,
  as WET files of about 16 MB each.

Per pass (a fused pass's stages share one time): seconds, core-seconds per MB of the text the pass read and
per MB of the pipeline's input (the budgets add up to 1 per MB of input), documents per second per core
(cores: those the run was given, busy or not), the budget (the sum of its stages'), the share
of the pipeline's time. Then the whole pipeline in MB/s per core, core-hours per TB, and the
arithmetic projection of FineWeb-2's Korean input (670 GB) on 256 cores: arithmetic, not a run.
Peak memory (RSS): the Python driver's over the passes before the tokenizer's (issue 20 asks it flat from
100 MB to 1 GB; the tokenizer's capped sample stays allocated after it) and in all, the JVM's, the workers'.
Beside it, in the same run and on the same text (up to ``--reference-mb``), datatrove's four quality
filters and its MinHash signatures, one process, per core.

Usage: ``python -m benchmarks.throughput [--sizes 100] [--inputs corpora,web] [--master local[2]]``
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._common import require_corpora, table
from benchmarks.scale import base_documents, run_pipeline, write_input

#: core-seconds per MB, per stage (docs/throughput.md says why).
BUDGET = {"ingest": 0.10, "normalize": 0.05, "exact_dedup": 0.05, "templates": 0.0, "pii": 0.10, "quality": 0.20,
          "fuzzy_dedup": 0.20, "decontam": 0.05, "domains": 0.03, "export": 0.04, "tokenizer": 0.03, "tokens": 0.15}
FINEWEB2_KOREAN_MB = 670_000
WET_SHARD_BYTES = 16_000_000


def web_input(target_mb: float, out: Path) -> tuple[int, int]:
    """The generated crawl, seeds appended until ``target_mb`` of page text, as WET shards."""
    from benchmarks.templates import bodies
    from benchmarks.web_crawl import generate, write_wet_shards

    out.mkdir(parents=True)
    texts = bodies()
    pages: list[Any] = []
    total, k = 0, 0
    while total < target_mb * 1e6:
        crawl = generate(texts, seed=1 + 1000 * k)
        pages += crawl.pages
        total += sum(len(p.text.encode()) for p in crawl.pages)
        k += 1
    write_wet_shards(pages, out, WET_SHARD_BYTES)
    return len(pages), total


def reference(texts: list[str], workdir: Path) -> dict[str, float]:
    """MB/s per core of datatrove's four quality filters (eojeol words, Korean parameters: the blocks'
    per-document path) and of its MinHash signatures (whitespace words, 5-grams), one process."""
    from benchmarks.near_dup import datatrove_minhash
    from filters.blocks.base import Doc
    from filters.blocks.datatrove import C4Quality, FineWebQuality, GopherQuality, GopherRepetition
    from filters.blocks.params import build

    mb = sum(len(t.encode()) for t in texts) / 1e6
    blocks = [cls(build(cls.Params, {}), None) for cls in (GopherQuality, GopherRepetition, C4Quality, FineWebQuality)]
    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        for b in blocks:
            b._judge(Doc({"text": t, "doc_id": str(i)}))
    filters_s = time.perf_counter() - t0
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        times = datatrove_minhash(texts, [str(i) for i in range(len(texts))], workdir, "eojeol")  # its task logs
    return {"MB": mb, "filters": mb / filters_s, "signatures": mb / times["signatures"],
            "minhash": mb / sum(times.values())}


def report(name: str, mb_in: float, r: dict[str, Any], cores: int) -> list[str]:
    total = sum(r["stages"].values())
    # core-s/MB of what the pass read, and of the pipeline's input: the budgets add up to 1 per MB of input, so
    # the second is what a budget compares with where a pass reads only what the stages before it kept
    rows = [["pass", "seconds", "core-s/MB read", "core-s/MB input", "budget", "docs/s/core", "share"]]
    for p, seconds in r["stages"].items():
        mb = r["bytes_in"][p] / 1e6 or mb_in
        budget = sum(BUDGET.get(s, 0.0) for s in r["pass_stages"][p])
        rows.append([p, f"{seconds:.1f}", f"{seconds * cores / mb:.3f}", f"{seconds * cores / mb_in:.3f}",
                     f"{budget:.2f}", f"{r['pass_docs_in'][p] / seconds / cores:,.0f}", f"{seconds / total:.1%}"])
    core_s_mb = total * cores / mb_in
    rows.append(["pipeline", f"{total:.1f}", f"{core_s_mb:.3f}", f"{core_s_mb:.3f}", f"{sum(BUDGET.values()):.2f}",
                 f"{r['docs_in'] / total / cores:,.0f}", "100%"])
    print(f"\n{name}: {r['docs_in']:,} documents, {mb_in:.1f} MB ({mb_in * 1e6 / max(r['docs_in'], 1):,.0f} bytes "
          f"a document), {cores} cores, start-up {r['startup']:.1f} s excluded")
    print(table(rows))
    hours = FINEWEB2_KOREAN_MB * core_s_mb / 256 / 3600
    print(f"whole pipeline: {1 / core_s_mb:.3f} MB/s per core; {core_s_mb * 1e6 / 3600:,.0f} core-hours per TB; "
          f"arithmetic projection, not a run: 670 GB on 256 cores = {hours:.1f} hours")
    driver = driver_peak_mb(r)
    print(f"peak memory (RSS): Python driver {driver:,.0f} MB before the tokenizer's pass, "
          f"{r['peaks']['driver'] / 1e6:,.0f} MB in all (the tokenizer's sample, capped by max_sample_mb, and "
          f"what it leaves allocated); JVM {r['peaks']['jvm'] / 1e6:,.0f} MB; Python workers together "
          f"{r['peaks']['workers'] / 1e6:,.0f} MB")
    return [name, f"{mb_in:.0f}", f"{1 / core_s_mb:.3f}", f"{core_s_mb:.2f}", f"{hours:.1f}", f"{driver:,.0f}"]


def driver_peak_mb(r: dict[str, Any]) -> float:
    """The Python driver's peak RSS in MB over the passes before the tokenizer's (item 6 of issue 20: flat
    from 100 MB to 1 GB). The tokenizer trains on the driver from a sample bounded by ``max_sample_mb``, and
    the memory it frees stays with the process, so the passes after it show its size, not their own."""
    names = list(r["stages"])
    before = names[: names.index("tokenizer")] if "tokenizer" in names else names
    return max((r["stage_peaks"].get(name, {}).get("driver", 0) for name in before), default=0) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100", help="input sizes in MB of text")
    ap.add_argument("--inputs", default="corpora,web")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--reference-mb", type=float, default=20.0, help="text datatrove's reference runs on")
    ap.add_argument("--json", help="also write the measurements to this file")
    args = ap.parse_args()
    corpora = require_corpora()
    cores = int(m[1]) if (m := re.fullmatch(r"local\[(\d+)\]", args.master)) else 2
    summary = [["input", "MB", "MB/s/core", "core-s/MB", "670 GB on 256 cores (h)", "driver peak (MB)"]]
    results: dict[str, Any] = {}
    base = base_documents(corpora) if "corpora" in args.inputs else []
    for size in (float(s) for s in args.sizes.split(",")):
        for name in args.inputs.split(","):
            with tempfile.TemporaryDirectory(prefix="kocurate-throughput-") as tmp:
                data = Path(tmp) / "input"
                _, nbytes = web_input(size, data) if name == "web" else write_input(base, size, data)
                r = run_pipeline(data, Path(tmp) / "work", args.master, web=name == "web")
                summary.append(report(f"{name} {size:.0f} MB", nbytes / 1e6, r, cores))
                results[f"{name}-{size:.0f}"] = r
    with tempfile.TemporaryDirectory(prefix="kocurate-throughput-ref-") as tmp:
        texts: list[str] = []
        if "web" in args.inputs:
            from benchmarks.templates import bodies
            from benchmarks.web_crawl import generate

            texts = [p.text for p in generate(bodies(), seed=1).pages]
        texts += [t for _, t in base[::7]]
        kept, size = [], 0
        for t in texts:
            kept.append(t)
            size += len(t.encode())
            if size > args.reference_mb * 1e6:
                break
        ref = reference(kept, Path(tmp))
    print()
    print(table(summary))
    print(f"\nreference, one process on {ref['MB']:.1f} MB of the same text: datatrove's four quality filters "
          f"{ref['filters']:.2f} MB/s per core; its MinHash signatures {ref['signatures']:.2f} MB/s per core, "
          f"its four MinHash stages {ref['minhash']:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": results, "reference": ref}, indent=1))


if __name__ == "__main__":
    main()
