"""Incremental curation on real text: a corpus curated in two runs against one run over everything.

The corpora mix of ``benchmarks/scale.py`` (``--mb`` of it) is split into two halves by a hash of the
record id. Three runs of the dedup part of the default order (ingest, normalize, exact dedup, PII,
quality, fuzzy dedup; quality without a trained model, so no run's decisions depend on which half
trained it):

- **whole**: both halves in one run;
- **first**: the first half; then its text datasets (``work/``) are deleted;
- **second**: the second half with ``prior_runs = [first]``: it can read the first run's dedup index
  and provenance only, and the bytes of index it read are reported.

Every duplicate group of the whole run (documents joined by an exact or near-duplicate decision) is then
counted in the two runs: how many of its documents were curated. One run keeps one of each group (or
none, when its survivor failed a later filter); the two runs must keep as many, the survivor may
differ. A group can be kept twice only where two documents of the first half are joined through a
document of the second (nothing of an earlier run is rewritten): counted separately.

    python -m benchmarks.incremental [--mb 20] [--master local[2]]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import require_corpora, table
from benchmarks.scale import base_documents, write_input

ORDER = ["ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii"]


def split_halves(inp: Path, out: Path) -> tuple[int, int]:
    """``first.jsonl.gz`` and ``second.jsonl.gz``: every record of ``inp``, by a hash of its id."""
    out.mkdir(parents=True)
    n = [0, 0]
    with gzip.open(out / "first.jsonl.gz", "wt", encoding="utf-8") as a, \
            gzip.open(out / "second.jsonl.gz", "wt", encoding="utf-8") as b:
        for part in sorted(inp.glob("*.jsonl.gz")):
            with gzip.open(part, "rt", encoding="utf-8") as fh:
                for line in fh:
                    half = hashlib.sha256(json.loads(line)["id"].encode()).digest()[0] & 1
                    (b if half else a).write(line)
                    n[half] += 1
    return n[0], n[1]


def manifest(work: Path, name: str, files: list[str], prior: list[str], master: str) -> Path:
    src = work / f"{name}_sources.toml"
    src.write_text('[[source]]\nname = "corpora"\ndomain = "web"\npaths = [' + ", ".join(f'"{f}"' for f in files)
                   + ']\nformat = "jsonl"\nfields = { text = "text", id = "id" }\nlicence = "see corpora README"\n'
                   'origin = "../shared/corpora"\n', encoding="utf-8")
    run = work / f"{name}.toml"
    run.write_text(f'name = "{name}"\nsources_manifest = "{src.name}"\nseed = 1\nprior_runs = {json.dumps(prior)}\n'
                   f"[stages]\norder = {json.dumps(ORDER)}\n[stages.ingest]\nmax_error_rate = 0.05\n"
                   f'[spark]\nmaster = "{master}"\nshuffle_partitions = 8\n', encoding="utf-8")
    return run


def outcomes(run: Path) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Per record (source locator): curated or the stage that removed it; and the duplicate edges
    (locator, locator of its survivor) inside the run."""
    import duckdb

    con = duckdb.connect()
    prov = f"read_parquet('{run}/provenance/*/*.parquet', hive_partitioning=false)"
    loc = dict(con.execute(f"SELECT doc_id, details['locator'] FROM {prov} WHERE stage = 'ingest'").fetchall())
    last = {}
    for doc, stage, decision in con.execute(f"SELECT doc_id, stage, decision FROM {prov}").fetchall():
        if decision in ("drop", "quarantine"):
            last[loc[doc]] = stage
        else:
            last.setdefault(loc[doc], "curated")
    edges = [(loc[d], loc[s]) for d, s in con.execute(
        f"SELECT doc_id, dup_of FROM {prov} WHERE dup_of IS NOT NULL AND details['prior_run'] IS NULL").fetchall()]
    con.close()
    return last, edges


def groups_of(edges: list[tuple[str, str]]) -> list[set[str]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    out: dict[str, set[str]] = {}
    for x in parent:
        out.setdefault(find(x), set()).add(x)
    return list(out.values())


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="MB of text of the corpora mix")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--keep", help="keep the runs in this new directory (default: deleted)")
    args = ap.parse_args()
    corpora = require_corpora()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kocurate-incremental-"))
    root.mkdir(parents=True, exist_ok=not args.keep)
    try:
        n_docs, n_bytes = write_input(base_documents(corpora), args.mb, root / "mix")
        halves = split_halves(root / "mix", root / "in")
        print(f"{n_docs:,} documents, {n_bytes / 1e6:.1f} MB of text; halves of {halves[0]:,} and {halves[1]:,}",
              flush=True)
        files = [str(root / "in" / "first.jsonl.gz"), str(root / "in" / "second.jsonl.gz")]
        # One Spark session for the three runs (as a notebook would run them): its start-up and the
        # Python workers' imports are paid once, so the seconds below are the runs' own.
        from pipeline.manifest import load_run
        from pipeline.runner import execute
        from pipeline.session import build_session

        def run(name: str, inputs: list[str], prior: list[str]) -> float:
            m = load_run(manifest(root, name, inputs, prior, args.master), output=str(root / name))
            return float(execute(m, spark=spark)["seconds_total"])

        spark = build_session(load_run(manifest(root, "whole", files, [], args.master)).spark, "kocurate:incremental")
        seconds = {"whole": run("whole", files, [])}
        seconds["first"] = run("first", files[:1], [])
        text_bytes, index_bytes = du(root / "first" / "work"), du(root / "first" / "index")
        shutil.rmtree(root / "first" / "work")  # the second run cannot read the first's text
        seconds["second"] = run("second", files[1:], [str(root / "first")])
        spark.stop()
        report(root, seconds, text_bytes, index_bytes)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def report(root: Path, seconds: dict[str, float], text_bytes: int, index_bytes: int) -> None:
    whole, whole_edges = outcomes(root / "whole")
    first, _ = outcomes(root / "first")
    second, _ = outcomes(root / "second")
    split = first | second
    assert set(split) == set(whole), "the two runs did not see the records of the whole run"
    kinds: Counter[str] = Counter()
    for group in groups_of(whole_edges):
        one = sum(whole[x] == "curated" for x in group)
        two = sum(split[x] == "curated" for x in group)
        crosses = any(x in first for x in group) and any(x in second for x in group)
        kinds["groups"] += 1
        kinds["across the halves"] += crosses
        kinds["kept as often" if one == two else "kept twice or more (joined through the second half)"
              if two > one else "kept less often"] += 1
    rows = [["duplicate groups of the whole run", "count"]]
    rows += [[k, f"{v:,}"] for k, v in kinds.items()]
    print(table(rows))
    differ = Counter((whole[x], split[x]) for x in whole if whole[x] != split[x])
    if differ:
        print()
        print(table([["outcome in the whole run", "in the two runs", "records"]]
                    + [[a, b, f"{n:,}"] for (a, b), n in sorted(differ.items())]))
    curated = [["run", "records", "curated", "seconds"]]
    for name, out in (("whole", whole), ("first", first), ("second", second)):
        kept = sum(v == "curated" for v in out.values())
        curated.append([name, f"{len(out):,}", f"{kept:,}", f"{seconds[name]:.1f}"])
    curated.append(["first + second", f"{len(split):,}", f"{sum(v == 'curated' for v in split.values()):,}",
                    f"{seconds['first'] + seconds['second']:.1f}"])
    print()
    print(table(curated))
    rec: dict[str, Any] = json.loads((root / "second" / "run.json").read_text(encoding="utf-8"))
    stages = {s["stage"]: s["summary"] for s in rec["stages"]}
    read = sum(stages[s].get("prior_index_bytes", 0) for s in ("exact_dedup", "fuzzy_dedup"))
    prov = f"read_parquet('{root / 'second'}/provenance/*/*.parquet', hive_partitioning=false)"
    import duckdb

    across = dict(duckdb.sql(f"SELECT stage, count(*) FROM {prov} WHERE details['prior_run'] IS NOT NULL "
                             "GROUP BY stage").fetchall())
    print()
    print(table([["the second run against the first", "value"],
                 ["dropped as copies of the first run's (exact dedup)", f"{across.get('exact_dedup', 0):,}"],
                 ["dropped as near copies of the first run's (fuzzy dedup)", f"{across.get('fuzzy_dedup', 0):,}"],
                 ["first run's text datasets (work/, deleted before)", f"{text_bytes / 1e6:,.1f} MB"],
                 ["first run's dedup index (index/)", f"{index_bytes / 1e6:,.1f} MB"],
                 ["index bytes the second run read", f"{read / 1e6:,.1f} MB"]]))


if __name__ == "__main__":
    main()
