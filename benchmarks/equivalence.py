"""Equivalence of two pipeline versions, by content: the blocks refactor (issue 19, parts a and b) must
change no output, and this script is the proof.

``record`` runs the pipeline at the current checkout on ``sample_data/`` (the sample manifest) and on all
of ../shared/corpora (the scale benchmark's 100 MB input: every corpus as one source, every stage), and
writes one fingerprint file per run:

- every provenance record, keyed by (stage, source, locator): the ingest locator of the input record
  (file and offset within it, or row), so the key does not depend on how doc ids are made;
- its decision, reason code and the locator of its ``dup_of`` document: not its score (part a records
  the statistic each rule tested, which may differ from today's single score);
- every curated document: the SHA-256 of its text and title, by locator;
- every quarantined record, by locator.

``compare A B`` prints what differs (counts per stage and reason, and the first examples) and exits 1
when anything does. Record at the commit before a change, record after it, compare.

Usage::

    python -m benchmarks.equivalence record --out before/ [--only sample|corpora] [--mb 100]
    python -m benchmarks.equivalence compare before/ after/
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import duckdb

from benchmarks._common import ROOT

RUNS = ("sample", "corpora")


def fingerprint(run_dir: Path, out: Path) -> dict[str, int]:
    """Write ``out`` (Parquet: kind, stage, key, value) for a finished run; returns row counts per kind."""
    con = duckdb.connect()
    prov = str(run_dir / "provenance" / "**" / "*.parquet").replace("'", "''")
    docs = str(run_dir / "docs" / "**" / "*.parquet").replace("'", "''")
    con.execute(f"CREATE VIEW p AS SELECT * FROM read_parquet('{prov}', hive_partitioning=true, union_by_name=true)")
    # The ingest locator names an input record whatever its doc id: file name (not path) and locator.
    con.execute("""
        CREATE TABLE loc AS
        SELECT doc_id, source || '|' || regexp_extract(coalesce(details['file'], ''), '[^/]*$') || '|'
               || coalesce(details['locator'], details['byte_offset'], '') AS key
        FROM p WHERE stage = 'ingest'""")
    dup = con.execute("SELECT count(*) - count(DISTINCT key) FROM loc").fetchall()[0][0]
    if dup:
        raise SystemExit(f"{run_dir}: {dup} ingest records share a locator; the fingerprint needs unique keys")
    con.execute(f"""
        COPY (
          SELECT 'decision' AS kind, p.stage, l.key,
                 p.decision || '|' || coalesce(p.reason, '') || '|' || coalesce(d.key, '') AS value
          FROM p JOIN loc l USING (doc_id) LEFT JOIN loc d ON d.doc_id = p.dup_of
          WHERE p.stage NOT IN ('tokenizer', 'tokens')
          UNION ALL
          SELECT 'curated', '', l.key, sha256(coalesce(c.title, '') || chr(0) || c.text)
          FROM read_parquet('{docs}', hive_partitioning=true) c JOIN loc l USING (doc_id)
          ORDER BY kind, stage, key
        ) TO '{str(out).replace("'", "''")}' (FORMAT parquet)""")
    return dict(con.execute(f"SELECT kind, count(*) FROM '{out}' GROUP BY kind").fetchall())


def run(manifest_args: list[str], out: Path) -> Path:
    res = subprocess.run([sys.executable, "-m", "pipeline", "-q", "run", *manifest_args, "--output", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"pipeline failed:\n{res.stderr[-4000:]}")
    return out


def record(out: Path, only: str | None, mb: float) -> None:
    out.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip())
    meta: dict[str, object] = {"commit": commit, "dirty": dirty, "runs": {}}
    work = Path(tempfile.mkdtemp(prefix="kocurate-equiv-"))
    if only in (None, "sample"):
        r = run([str(ROOT / "manifests" / "sample_run.toml")], work / "sample")
        meta["runs"]["sample"] = fingerprint(r, out / "sample.parquet")  # type: ignore[index]
        print(f"sample: {meta['runs']['sample']}", flush=True)  # type: ignore[index]
    if only in (None, "corpora"):
        from benchmarks._common import require_corpora
        from benchmarks.scale import base_documents, run_pipeline, write_input

        corpora = require_corpora()
        write_input(base_documents(corpora), mb, work / "in")
        run_pipeline(work / "in", work / "corpora", "local[2]")
        meta["runs"]["corpora"] = fingerprint(work / "corpora" / "run", out / "corpora.parquet")  # type: ignore[index]
        print(f"corpora ({mb:g} MB): {meta['runs']['corpora']}", flush=True)  # type: ignore[index]
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def compare(a: Path, b: Path, examples: int = 5) -> int:
    con = duckdb.connect()
    differ = 0
    for name in RUNS:
        fa, fb = a / f"{name}.parquet", b / f"{name}.parquet"
        if not (fa.is_file() and fb.is_file()):
            print(f"{name}: not in both recordings, skipped")
            continue
        rows = con.execute(f"""
            SELECT coalesce(x.kind, y.kind), coalesce(x.stage, y.stage), coalesce(x.key, y.key), x.value, y.value
            FROM '{fa}' x FULL OUTER JOIN '{fb}' y ON x.kind = y.kind AND x.stage = y.stage AND x.key = y.key
            WHERE x.value IS DISTINCT FROM y.value ORDER BY 1, 2, 3""").fetchall()
        total = con.execute(f"SELECT count(*) FROM '{fa}'").fetchall()[0][0]
        if not rows:
            print(f"{name}: identical ({total:,} decisions and curated documents)")
            continue
        differ += len(rows)
        def reason(kind: str, value: str | None) -> str:
            if value is None:
                return "(absent)"
            return value.split("|")[1] if kind == "decision" else ""

        by = Counter((k, s, reason(k, va), reason(k, vb)) for k, s, _, va, vb in rows)
        print(f"{name}: {len(rows):,} of {total:,} differ")
        for (k, s, ra, rb), n in by.most_common(20):
            print(f"  {n:>7,}  {k} {s}: {ra or '-'} -> {rb or '-'}")
        for k, s, key, va, vb in rows[:examples]:
            print(f"    e.g. {k} {s} {key}: {va} -> {vb}")
    return 1 if differ else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("--out", required=True)
    r.add_argument("--only", choices=RUNS)
    r.add_argument("--mb", type=float, default=100.0, help="corpora input (100: every document once)")
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    args = ap.parse_args()
    if args.cmd == "record":
        record(Path(args.out), args.only, args.mb)
    else:
        sys.exit(compare(Path(args.a), Path(args.b)))


if __name__ == "__main__":
    main()
