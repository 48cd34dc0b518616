"""Every benchmark script at a tiny size, end to end: no benchmark rots.

Each script runs as its own process on a miniature copy of ``../shared/corpora``
(``benchmarks.mini_corpora``: the same files and formats, each cut to its first records), so it takes
every path its full run takes (its Spark runs, its reference tools) on little text, and must exit 0 and
print its table. One result file per script (``OUT/<script>.json``), written when the script ends:
``tests/test_benchmarks_smoke.py`` starts this runner in the background when the test session starts
and checks the files at its end, so the runs overlap the rest of the suite.

    python -m benchmarks.smoke [--out DIR] [--jobs N] [SCRIPT ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks._common import CORPORA, ROOT, table

#: script -> its arguments at the tiny size (``{tmp}``: a folder of its own), in the order they start.
SMOKE: dict[str, list[str]] = {  # the longest first
    "domains": ["--seeds", "1"],
    "near_dup": ["--originals", "8", "--unit", "char", "--ngram", "3", "--threshold", "0.5", "--no-ten-x"],
    "tokenizer_run": ["--legal-mb", "0.1", "--web-mb", "0.1", "--eval-chars", "2000", "--boundary-chars", "500"],
    "throughput": ["--sizes", "0.2", "--inputs", "web", "--reference-mb", "0.05"],
    "audit": ["--mb", "0.2"],
    "ablation": ["--sources", "web_reviews", "--variants", "raw,+exact_dedup", "--seeds", "2",
                 "--steps", "4", "--batch", "4", "--seq-len", "32", "--eval-kb", "2", "--vocab", "2000",
                 "--check-determinism"],
    "scale": ["--sizes", "0.2"],
    "ingest_dedup": ["--repeat", "1"],
    "incremental": ["--mb", "0.2"],
    "templates": ["--sites", "3", "--spam", "1", "--pages", "3,4", "--format", "wet", "--runs", "templates"],
    "equivalence": ["record", "--out", "{tmp}/eq", "--mb", "0.2", "--only", "corpora"],
    "quality": ["--docs", "60"],
    "pii": ["--docs", "30", "--corpus-mb", "0.02"],
    "tokens": ["--sizes", "0.2", "--shard-mb", "0.05"],
    "tokenizer": ["--variants", "bpe-2k-70/20/10", "--legal-mb", "0.1", "--web-mb", "0.1", "--eval-chars", "2000",
                  "--boundary-chars", "500"],
    "warc_ingest": ["--mb", "1"],
    "quality_equivalence": ["--limit", "10"],
    "decontam": ["--hosts", "20", "--clean", "100", "--n", "12"],
    "mini_corpora": ["{tmp}/mini", "--records", "3"],
}
#: Runs after the first one, on its output: the equivalence check records, then compares.
THEN: dict[str, list[str]] = {"equivalence": ["compare", "{tmp}/eq", "{tmp}/eq"]}

#: A table as ``benchmarks._common.table`` prints it (a header, then a rule of dashes under it) or as
#: Markdown. A script whose result is a sentence says what it must print instead.
RULE = re.compile(r"^-+(?:  -+)+$|^\|(?:-+\|)+$", re.M)
PRINTS = {"equivalence": re.compile(r"^corpora: identical \([0-9,]+ decisions", re.M),
          "mini_corpora": re.compile(r"^miniature corpora in ", re.M)}


def scripts_with_main() -> set[str]:
    """The runnable scripts of ``benchmarks/`` (a module with a ``main``), this runner excepted."""
    return {p.stem for p in (ROOT / "benchmarks").glob("*.py")
            if p.stem != "smoke" and re.search(r"^def main\(", p.read_text(encoding="utf-8"), re.M)}


def run_one(script: str, corpora: Path, work: Path, timeout: float = 600) -> dict[str, object]:
    """Run one script at its tiny size; what it did, and ``problem`` (None when it ran and printed)."""
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "KOCURATE_CORPORA": str(corpora), "TMPDIR": str(work)}
    t0 = time.monotonic()
    problem, out, err = None, "", ""
    for argv in (SMOKE[script], THEN.get(script)):
        if argv is None:
            continue
        args = [a.replace("{tmp}", str(work)) for a in argv]
        try:
            res = subprocess.run([sys.executable, "-m", f"benchmarks.{script}", *args], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            problem = f"{script} {args[0]} ran past {timeout:.0f} s"
            break
        out, err = res.stdout, res.stderr
        if res.returncode != 0:
            problem = f"{script} {args[0]} exited {res.returncode}"
            break
        if out.startswith("skipped"):
            problem = f"{script} skipped: {out.strip()}"
            break
    if problem is None and not PRINTS.get(script, RULE).search(out):
        problem = f"{script} printed no table"
    return {"script": script, "seconds": round(time.monotonic() - t0, 1), "problem": problem,
            "stdout": out[-3000:], "stderr": err[-3000:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scripts", nargs="*", help="which scripts (default: all)")
    ap.add_argument("--out", type=Path, help="write <script>.json here (default: a temporary folder)")
    ap.add_argument("--records", type=int, default=40, help="records kept of every corpus file")
    ap.add_argument("--jobs", type=int, default=1, help="scripts run at once (more do not help where the "
                    "cores are busy: the time is CPU, not waiting)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="kocurate-smoke-"))
    out.mkdir(parents=True, exist_ok=True)
    if not CORPORA.is_dir():
        print(f"skipped: the corpora folder {CORPORA} is absent (set KOCURATE_CORPORA to point at it)")
        (out / "_skipped").write_text("corpora absent\n", encoding="utf-8")
        return
    from benchmarks.mini_corpora import build

    corpora = build(out / "_corpora", records=args.records)

    def one(script: str) -> dict[str, object]:
        r = run_one(script, corpora, out / script)
        tmp = out / f".{script}.json"
        tmp.write_text(json.dumps(r, ensure_ascii=False), encoding="utf-8")
        tmp.replace(out / f"{script}.json")  # whole or absent: the tests poll for it
        print(f"{script}: {r['problem'] or 'ok'} ({r['seconds']:.1f} s)", flush=True)
        return r

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, args.scripts or list(SMOKE)))
    rows = [["script", "seconds", "result"]] + [[str(r["script"]), f"{r['seconds']:.1f}", str(r["problem"] or "ok")]
                                                for r in results]
    print()
    print(table(rows))
    sys.exit(1 if any(r["problem"] for r in results) else 0)


if __name__ == "__main__":
    main()
