"""The whole pipeline, all 11 stages, on 10 MB, 100 MB and 1 GB of real Korean text: time, input
bytes and peak memory per stage and per size.

Inputs come from ../shared/corpora (the sources of ingest_dedup.py, parsed with the project's own
parsers). 10 MB is a deterministic sample of the documents; 100 MB is all of them; 1 GB is all of them
plus nine perturbed copies. Copy k passes every document through the k-th permutation of Hangul
syllables that (1) keeps the 60 most frequent syllables (particles, endings, 다/요, the stop words'
syllables) fixed and (2) shuffles the rest within buckets of 32 syllables of neighbouring frequency
rank, KS X 1001 syllables among themselves and the others among themselves. A copy therefore keeps
what the filters measure (length, spacing, stop words, sentence endings, the share of rare syllables):
on a sample of 3,000 documents, 99.5% of the copies pass the quality chain where their originals do.
And it shares few character bigrams with its original (median Jaccard 0.13; 2% reach the fuzzy-dedup
threshold of 0.5, nearly all of them a few words long), so the copies survive exact and fuzzy dedup
and every stage really sees about 10x the data: the table prints each stage's input bytes.
Inputs are written as ~32 MB (uncompressed) JSONL.gz shards.

Memory: the Python driver (kocurate's own process), the JVM (driver and, in local mode, executors)
and the Python workers are sampled separately from /proc every 0.1 s, and each sample is attributed
to the stage running then (from the timestamps of the run log). The goal: 10x the data costs at most
11x the time per stage, and the driver's memory stays flat. The tokenizer trains on the driver, so
its sample is capped (``max_sample_mb``); past the cap its memory is flat by construction.

    python benchmarks/scale.py [--sizes 10,100,1000] [--master local[2]]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import CORPORA, require_corpora, run_measured, spark_process_kind, table
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


def syllable_ranks(docs: list[tuple[str, str]]) -> list[str]:
    """Every Hangul syllable, most frequent first (counted on every 10th document; ties by code)."""
    freq: Counter[str] = Counter()
    for _, text in docs[::10]:
        freq.update(c for c in text if HANGUL0 <= ord(c) < HANGUL0 + N_SYLLABLES)
    return sorted((chr(HANGUL0 + i) for i in range(N_SYLLABLES)), key=lambda c: (-freq[c], c))


def _ksx(c: str) -> bool:
    try:
        return len(c.encode("euc-kr")) == 2
    except UnicodeEncodeError:
        return False


def permutation(k: int, ranked: list[str], fixed: int = 60, bucket: int = 32) -> dict[int, str]:
    """The k-th frequency-preserving permutation of Hangul syllables (see the module docstring)."""
    rng = random.Random(k)
    out: dict[int, str] = {}
    for ksx in (True, False):
        seq = [c for c in ranked[fixed:] if _ksx(c) == ksx]
        for i in range(0, len(seq), bucket):
            group = seq[i:i + bucket]
            shuffled = group[:]
            rng.shuffle(shuffled)
            out.update({ord(a): b for a, b in zip(group, shuffled, strict=True)})
    return out


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
    ranked = syllable_ranks(docs) if len(copies) > 1 else []
    n, total, shard, size = 0, 0, 0, 0
    fh = gzip.open(out / f"part-{shard:04d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1)
    for k, items in copies:
        table_k = permutation(k, ranked) if k else None
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


STAGE_LINE = re.compile(r"^(\S+ \S+) INFO kocurate \[\d+/\d+\] (\w+): (running|\d+ in -> )", re.M)


def stage_windows(log: str, end: float) -> list[tuple[str, float, float]]:
    """(stage, start, end) wall-clock windows from the run log's "[i/n] stage: running" and
    "[i/n] stage: N in -> ..." lines; what follows the last stage (the run summary) is "finish"."""
    windows: list[tuple[str, float, float]] = []
    started: dict[str, float] = {}
    last = None
    for m in STAGE_LINE.finditer(log):
        t = datetime.strptime(m[1], "%Y-%m-%d %H:%M:%S,%f").timestamp()
        if m[3] == "running":
            started[m[2]] = t
        else:
            windows.append((m[2], started.pop(m[2]), t))
            last = t
    if last is not None:
        windows.append(("finish", last, end))
    return windows


def stage_peaks(timeline: list[tuple[float, dict[str, int]]], windows: list[tuple[str, float, float]]
                ) -> dict[str, dict[str, int]]:
    """Peak RSS per kind of process within each stage's window."""
    peaks: dict[str, dict[str, int]] = {}
    for name, t0, t1 in windows:
        p = peaks.setdefault(name, {"driver": 0, "jvm": 0, "workers": 0})
        for t, sample in timeline:
            if t0 <= t < t1:
                for kind, v in sample.items():
                    p[kind] = max(p.get(kind, 0), v)
    return peaks


def text_datasets(work: Path) -> list[str]:
    """The datasets under ``work/`` with a text column (the pass datasets; the tokenizer's sample)."""
    import pyarrow.parquet as pq

    out = []
    for d in sorted(p for p in work.iterdir() if p.is_dir() and not p.name.startswith("_")):
        files = sorted(d.rglob("*.parquet"))
        if files and "text" in pq.read_schema(files[0]).names:
            out.append(d.name)
    return out


def eval_sets() -> str:
    """The manifest's decontamination sets: the KLUE NLI and KorNLI (XNLI) dev sets, so that the decontam
    stage does its real work (the sets are in the corpora, and so is some of their text)."""
    klue = CORPORA / "web" / "klue_dev" / "klue-nli-v1.1_dev.json"
    xnli = CORPORA / "web" / "kor_nlu" / "KorNLI_xnli.dev.ko.tsv"
    if not (klue.is_file() and xnli.is_file()):
        return ""
    return (f'[[stages.decontam.eval_sets]]\nname = "klue_nli"\npath = "{klue}"\nformat = "json"\n'
            'text_fields = ["premise", "hypothesis"]\nid_field = "guid"\n'
            f'[[stages.decontam.eval_sets]]\nname = "kornli_xnli"\npath = "{xnli}"\nformat = "tsv"\n'
            'text_fields = ["sentence1", "sentence2"]\n')


def run_pipeline(input_dir: Path, work: Path, master: str, web: bool = False) -> dict[str, Any]:
    """One run of every stage of the default order; the tokenizer at 64k with a 64 MB sample cap, and
    two evaluation sets for decontamination. The input is ``write_input``'s JSONL shards, or with
    ``web`` WET files (``benchmarks/throughput.py``'s generated crawl)."""
    work.mkdir(parents=True, exist_ok=True)
    fmt = (f'paths = ["{input_dir}/*.wet.gz"]\nformat = "warc"\n' if web else
           f'paths = ["{input_dir}/*.jsonl.gz"]\nformat = "jsonl"\nfields = {{ text = "text", id = "id" }}\n')
    (work / "s.toml").write_text(
        f'[[source]]\nname = "scale"\ndomain = "web"\n{fmt}'
        'licence = "see corpora README"\norigin = "../shared/corpora"\n')
    (work / "r.toml").write_text(
        'name = "scale"\nsources_manifest = "s.toml"\nseed = 1\n[stages.ingest]\nmax_error_rate = 0.05\n'
        '[stages.tokenizer]\nvocab_size = 64000\nmax_sample_mb = 64\n'
        f'[spark]\nmaster = "{master}"\nshuffle_partitions = 8\ndriver_memory = "4g"\n' + eval_sets())
    cmd = [sys.executable, "-m", "pipeline", "-q", "run", str(work / "r.toml"), "--output", str(work / "run")]
    timeline: list[tuple[float, dict[str, int]]] = []
    returncode, measured, _, err = run_measured(cmd, classify=spark_process_kind, timeline=timeline)
    end = time.time()
    peaks = {"driver": 0, "jvm": 0, "workers": 0} | measured
    if returncode != 0:
        raise SystemExit(f"pipeline failed:\n{err[-4000:]}")
    rec = json.loads((work / "run" / "run.json").read_text())
    windows = stage_windows((work / "run" / "reports" / "run.log").read_text(encoding="utf-8"), end)
    # Stages run in passes (one window and one time for a fused pass): reported per pass, with the input
    # bytes of its first stage.
    passes = {s.get("pass_name") or s["stage"]: s for s in rec["stages"]}  # in order; one record per pass
    first = {name: next(s["stage"] for s in rec["stages"] if (s.get("pass_name") or s["stage"]) == name)
             for name in passes}
    bytes_in = {s["stage"]: s["bytes_in"] for s in rec["summary"]}
    peaks_by_stage = stage_peaks(timeline, windows)
    return {"stages": {name: passes[name]["seconds"] for name in first}, "startup": rec["spark"]["startup_seconds"],
            "bytes_in": {name: bytes_in.get(stage, 0) for name, stage in first.items()},
            "pass_docs_in": {name: next(s["docs_in"] for s in rec["summary"] if s["stage"] == stage)
                             for name, stage in first.items()},
            "pass_stages": {name: [s["stage"] for s in rec["stages"] if (s.get("pass_name") or s["stage"]) == name]
                            for name in passes},
            "stage_peaks": {name: peaks_by_stage.get(stage, {}) for name, stage in first.items()} |
                           {"finish": peaks_by_stage.get("finish", {})},
            "text_datasets": text_datasets(work / "run" / "work"),
            "total": rec["seconds_total"], "peaks": peaks,
            "docs_out": rec["summary"][-1]["kept"], "docs_in": rec["summary"][0]["docs_in"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="input sizes in MB of text")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--json", help="also write the measurements to this file")
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
            print(f"  {r['total']:.0f} s, {r['docs_out']:,} documents curated", flush=True)
            results.append((mb, n, nbytes, r))
            if args.json:
                Path(args.json).write_text(json.dumps([list(x) for x in results], indent=1))
            shutil.rmtree(root / f"work-{mb:g}", ignore_errors=True)
            shutil.rmtree(inp, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print_tables(results)


def print_tables(results: list[tuple[float, int, int, dict[str, Any]]]) -> None:
    stages = list(results[0][3]["stages"])
    rows = [["input", "docs in", "text MB", "pipeline s", "start-up s", "driver py MB", "JVM MB", "workers MB",
             "docs out", "text datasets in work/"]]
    for mb, _n, nbytes, r in results:
        rows.append([f"{mb:g} MB", f"{r['docs_in']:,}", f"{nbytes / 1e6:,.1f}", f"{r['total'] - r['startup']:.1f}",
                     f"{r['startup']:.1f}", f"{r['peaks']['driver'] / 1e6:,.0f}", f"{r['peaks']['jvm'] / 1e6:,.0f}",
                     f"{r['peaks']['workers'] / 1e6:,.0f}", f"{r['docs_out']:,}",
                     f"{len(r.get('text_datasets', []))}: {', '.join(r.get('text_datasets', []))}"])
    print(table(rows))

    print("\nper pass (a fused pass's stages share one time): seconds, input MB (text bytes its first stage read)"
          " and peak RSS while it ran")
    rows = [["pass", "input", "pass in MB", "s", "MB/s", "driver py MB", "JVM MB", "workers MB"]]
    for s in [*stages, "finish"]:
        for mb, _n, _b, r in results:
            # "finish": after the last stage, the run summary the driver builds from the provenance.
            sec = r["stages"][s] if s != "finish" else r["total"] - r["startup"] - sum(r["stages"].values())
            b_in, pk = r["bytes_in"].get(s, 0), r["stage_peaks"].get(s, {})
            rows.append([s, f"{mb:g} MB", f"{b_in / 1e6:,.1f}" if b_in else "-", f"{sec:.1f}",
                         f"{b_in / 1e6 / sec:.2f}" if sec and b_in else "-",
                         f"{pk.get('driver', 0) / 1e6:,.0f}", f"{pk.get('jvm', 0) / 1e6:,.0f}",
                         f"{pk.get('workers', 0) / 1e6:,.0f}"])
    print(table(rows))

    print("\nfor each 10x step of the input: the stage's data ratio, time ratio (goal: at most 11x) and "
          "driver peak ratio (goal: flat)")
    head = ["stage"]
    for (mb0, *_), (mb1, *_) in itertools.pairwise(results):
        head += [f"{mb0:g}->{mb1:g} data", "time", "driver"]
    rows = [head]
    for s in [*stages, "finish", "pipeline"]:
        row = [s]
        for (_, _, b0, r0), (_, _, b1, r1) in itertools.pairwise(results):
            if s == "pipeline":
                d, t = b1 / b0, (r1["total"] - r1["startup"]) / (r0["total"] - r0["startup"])
                m = r1["peaks"]["driver"] / r0["peaks"]["driver"]
            else:
                d = r1["bytes_in"][s] / r0["bytes_in"][s] if r0["bytes_in"].get(s) else b1 / b0
                t0, t1 = (r["stages"][s] if s != "finish" else r["total"] - r["startup"] - sum(r["stages"].values())
                          for r in (r0, r1))
                t = t1 / t0
                m0, m1 = r0["stage_peaks"].get(s, {}).get("driver", 0), r1["stage_peaks"].get(s, {}).get("driver", 0)
                m = m1 / m0 if m0 else float("nan")
            row += [f"{d:.1f}x", f"{t:.1f}x", f"{m:.2f}x"]
        rows.append(row)
    print(table(rows))


if __name__ == "__main__":
    main()
