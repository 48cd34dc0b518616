"""Calibration report of the quality stage: what each filter removes from each corpus, and why.

For every corpus in ../shared/corpora (and the sample run's documents, when runs/sample exists) it
runs the quality chain (eojeol path, default thresholds) and writes to ``--out``:

- ``calibration.md``: per corpus, the fraction of documents removed by each filter (the first failing
  filter decides, as in the stage) and the fraction each filter *would* fail on its own;
- ``boundary/<filter>.md``: a few documents just past and just inside each threshold, so a person can
  judge the boundary (corpus text: this folder stays outside the repository; docs/calibration.md holds
  the numbers only).

Usage: ``python scripts/calibrate_quality.py --out /tmp/calibration [--limit 3000]``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._common import require_corpora  # noqa: E402
from benchmarks.corpora import CORPUS_FILES, load  # noqa: E402
from filters.blocks.base import Doc  # noqa: E402
from filters.quality import DEFAULT_CHAIN, quality_chain  # noqa: E402


def sample_run_docs(run: Path) -> list[tuple[str, str]]:
    import duckdb

    files = run / "work" / "exact_dedup"
    if not files.is_dir():
        return []
    return [tuple(r) for r in duckdb.sql(  # type: ignore[misc]
        f"SELECT doc_id, text FROM read_parquet('{files}/*.parquet') "
        "WHERE _decision IN ('keep','modify','flag') ORDER BY doc_id").fetchall()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=3000, help="documents per corpus (evenly spaced sample)")
    ap.add_argument("--sample-run", default=str(ROOT / "runs" / "sample"))
    args = ap.parse_args()
    require_corpora()
    out = Path(args.out)
    (out / "boundary").mkdir(parents=True, exist_ok=True)
    chain = quality_chain()
    steps = list(DEFAULT_CHAIN)
    corpora = {name: load(name, args.limit) for name in CORPUS_FILES}
    sample = sample_run_docs(Path(args.sample_run))
    if sample:
        corpora["sample_data"] = sample
    first: dict[str, Counter[str]] = {}
    alone: dict[str, Counter[str]] = {}
    examples: dict[str, list[tuple[float, bool, str, str]]] = defaultdict(list)
    for name, docs in corpora.items():
        first[name], alone[name] = Counter(), Counter()
        for doc_id, text in docs:
            o = chain.run([Doc({"text": text, "doc_id": doc_id})])[0]
            if o.decision == "drop":
                first[name][o.step] += 1
            # Which blocks fail on their own, with the statistic each one's deciding rule tested.
            for step, j in o.judgements:
                keep = j.action != "drop"
                if not keep:
                    alone[name][step] += 1
                examples[step].append((o.scores.get(f"{step}.{j.score}", 0.0), keep, name, text))
        print(f"{name}: {len(docs)} documents, {sum(first[name].values())} removed", file=sys.stderr)

    lines = ["# Quality calibration", "", f"Documents per corpus: up to {args.limit} (evenly spaced).", "",
             "## Removed by (first failing filter, as the stage decides), % of documents", ""]
    header = "| corpus | docs | removed | " + " | ".join(steps) + " |"
    lines += [header, "|" + "---|" * (len(steps) + 3)]
    for name, docs in corpora.items():
        n = max(len(docs), 1)
        cells = [f"{100 * first[name][s] / n:.1f}" if first[name][s] else "" for s in steps]
        removed = 100 * sum(first[name].values()) / n
        lines.append(f"| {name} | {len(docs)} | {removed:.1f} | " + " | ".join(cells) + " |")
    lines += ["", "## Would fail on its own, % of documents", "", header, "|" + "---|" * (len(steps) + 3)]
    for name, docs in corpora.items():
        n = max(len(docs), 1)
        cells = [f"{100 * alone[name][s] / n:.1f}" if alone[name][s] else "" for s in steps]
        lines.append(f"| {name} | {len(docs)} | | " + " | ".join(cells) + " |")
    (out / "calibration.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    for step, items in examples.items():
        failed = sorted((x for x in items if not x[1]), key=lambda x: x[0])
        kept = sorted((x for x in items if x[1]), key=lambda x: x[0])
        if not failed:
            continue
        # Just past the boundary: the failed documents whose scores are closest to the kept ones.
        near_fail = failed[-3:] if failed and kept and failed[-1][0] <= kept[0][0] else failed[:3]
        near_keep = kept[:3] if near_fail is failed[-3:] else kept[-3:]
        doc = [f"# {step}", ""]
        for title, group in (("removed, near the threshold", near_fail), ("kept, near the threshold", near_keep)):
            doc += [f"## {title}", ""]
            for score, _, corpus, text in group:
                doc += [f"- score {score:.4f} ({corpus}): {text[:300]!r}"]
            doc.append("")
        (out / "boundary" / f"{step}.md").write_text("\n".join(doc), encoding="utf-8")
    print((out / "calibration.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
