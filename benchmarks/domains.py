"""Domain labels as a run makes them: the model the domains stage trains inside a run of a real
11-source manifest over ../shared/corpora, judged on documents that run never trained on.

One fit path serves the run and this benchmark: nothing here trains a model. The benchmark

1. runs the 11 sources of ``benchmarks/ingest_dedup.py`` (reviews, chatbot Q&A, blogs, news, statutes,
   bills, industrial-safety rules, technical documentation, heritage laws, novels, UNESCO reports: their
   real formats, declared domains and priorities) through ingest, normalize, exact dedup and quality,
   once;
2. splits the curated documents of every source by a seeded hash of the doc id: 70% stay in the source,
   30% go to a twin source ``<name>_heldout`` with the same declared domain, listed in the domains
   stage's ``weak_label_exclude``, so the run labels them and never trains on them;
3. runs ingest, normalize, exact dedup and domains (``domain_model = "train"``, the stage's defaults
   otherwise) on the split, once per seed, and reads the domain the run gave every held-out document.

True labels are the declared domain, plus legal for the industrial-safety and heritage Acts (they are
regulations as well). A prediction is correct when it is one of the document's true labels; macro-F1
is over the labels with held-out documents, per document and weighted by the documents' UTF-8 bytes
(what a mixture by domain counts: a mislabelled review costs its 60 bytes, a mislabelled novel 30 KB).
The table also gives the model's own validation figures from its metadata (the run's held-out share of
its training sample): what a run reports about itself.

Usage: ``python -m benchmarks.domains [--seeds 1 2 3] [--workdir DIR]``
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb

from benchmarks._common import require_corpora, run_pipeline, table
from benchmarks.ingest_dedup import SOURCES, write_manifests
from filters import domain_model as D

EXTRA_LABELS = {"safety": ("legal",), "heritage": ("legal",)}
HELDOUT_SHARE = 0.3




def curate(work: Path, corpora: Path) -> Path:
    """Step 1: the 11-source manifest through quality (reused when ``work`` holds it); returns the run
    directory."""
    if (work / "curated" / "run.json").is_file():
        return work / "curated"
    manifest = write_manifests(work, corpora, "local[2]")
    text = manifest.read_text(encoding="utf-8").replace(
        'order = ["ingest", "normalize", "exact_dedup"]', 'order = ["ingest", "normalize", "exact_dedup", "quality"]')
    manifest.write_text(text, encoding="utf-8")
    seconds = run_pipeline(manifest, work / "curated")
    print(f"curated the 11 sources (ingest, normalize, exact dedup, quality) in {seconds:.0f} s", flush=True)
    return work / "curated"


def split(curated: Path, seed: int, out: Path) -> dict[str, tuple[int, int]]:
    """Step 2: each source's curated documents as JSONL, 70% under its name, 30% under ``_heldout``."""
    from pipeline.audit import stage_passed

    rows = duckdb.connect().execute(f"""
        SELECT source, doc_id, title, text FROM {stage_passed(str(curated), "quality")}
        ORDER BY source, doc_id""").fetchall()
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, Any] = {}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for source, doc_id, title, text in rows:
        h = int(hashlib.sha256(f"{seed}:{doc_id}".encode()).hexdigest()[:8], 16) / 2**32
        held = h < HELDOUT_SHARE
        name = f"{source}_heldout" if held else source
        if name not in files:
            files[name] = gzip.open(out / f"{name}.jsonl.gz", "wt", encoding="utf-8")
        files[name].write(json.dumps({"id": doc_id, "title": title, "text": text}, ensure_ascii=False) + "\n")
        counts[source][held] += 1
    for fh in files.values():
        fh.close()
    return {s: (c[0], c[1]) for s, c in counts.items()}


def label_run(split_dir: Path, seed: int, work: Path) -> tuple[Path, float]:
    """Step 3: ingest, normalize, exact dedup and domains over the split, the model trained in the run."""
    lines = []
    for name, domain, *_ in SOURCES:
        for twin in (name, f"{name}_heldout"):
            if not (split_dir / f"{twin}.jsonl.gz").is_file():  # a source with no curated document on that side
                continue
            lines += ["[[source]]", f'name = "{twin}"', f'domain = "{domain}"',
                      f'paths = ["{split_dir / twin}.jsonl.gz"]', 'format = "jsonl"',
                      'fields = { text = "text", id = "id", title = "title" }',
                      'licence = "see corpora README"', 'origin = "../shared/corpora"', ""]
    (work / "split_sources.toml").write_text("\n".join(lines), encoding="utf-8")
    heldout = json.dumps([f"{name}_heldout" for name, *_ in SOURCES
                          if (split_dir / f"{name}_heldout.jsonl.gz").is_file()])
    (work / "split_run.toml").write_text(
        f'name = "domains"\nsources_manifest = "split_sources.toml"\nseed = {seed}\n'
        '[stages]\norder = ["ingest", "normalize", "exact_dedup", "domains"]\n'
        f'[stages.domains]\ndomain_model = "train"\nweak_label_exclude = {heldout}\n'
        '[spark]\nmaster = "local[2]"\nshuffle_partitions = 4\ndriver_memory = "3g"\n', encoding="utf-8")
    out = work / f"labelled-{seed}"
    if (out / "run.json").is_file():  # kept from an earlier call with the same --workdir
        return out, json.loads((out / "run.json").read_text(encoding="utf-8"))["seconds_total"]
    seconds = run_pipeline(work / "split_run.toml", out)
    return out, seconds


def judge(run_dir: Path) -> tuple[dict[str, Any], dict[str, Any], Counter[tuple[str, str]]]:
    """Held-out metrics, the model's metadata, and (source, predicted) counts on the held-out sources."""
    from pipeline.audit import stage_passed

    rows = duckdb.connect().execute(f"""
        SELECT source, declared_domain, domain, strlen(text) FROM {stage_passed(str(run_dir), "domains")}
        WHERE ends_with(source, '_heldout')""").fetchall()
    pairs, sizes, confusion = [], [], Counter()
    for source, declared, predicted, size in rows:
        base = source.removesuffix("_heldout")
        pairs.append(((declared, *EXTRA_LABELS.get(base, ())), predicted))
        sizes.append(size)
        confusion[(base, predicted)] += 1
    meta = json.loads((run_dir / "models" / f"{D.STEP}.ftz.json").read_text(encoding="utf-8"))
    held = D.evaluate(pairs, D.DEFAULT_LABELS)
    held["bytes_macro_f1"] = D.evaluate(pairs, D.DEFAULT_LABELS, weights=sizes)["macro_f1"]
    return held, meta, confusion


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--workdir", help="keep the runs here (default: a temporary folder, removed)")
    args = ap.parse_args()
    corpora = require_corpora()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="kocurate-domains-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        curated = curate(work, corpora)
        results = []
        for seed in args.seeds:
            counts = split(curated, seed, work / f"split-{seed}")
            run_dir, seconds = label_run(work / f"split-{seed}", seed, work)
            held, meta, confusion = judge(run_dir)
            results.append((seed, counts, seconds, held, meta, confusion))
            print(f"seed {seed}: held-out macro-F1 {held['macro_f1']}, run {seconds:.0f} s", flush=True)
        report(results)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def report(results: list[tuple[int, dict[str, tuple[int, int]], float, dict[str, Any], dict[str, Any],
                               Counter[tuple[str, str]]]]) -> None:
    seed0, counts0 = results[0][0], results[0][1]
    print(f"\ncurated documents per source, trained-on side / held-out side (seed {seed0}): "
          + ", ".join(f"{s} {a:,}/{b:,}" for s, (a, b) in sorted(counts0.items())))
    labels = list(D.DEFAULT_LABELS)
    rows = [["seed", "held-out macro-F1 (goal 0.95)", "by bytes", "accuracy",
             *[f"{lab} F1 (n)" for lab in labels], "model's validation macro-F1", "its cultural F1 (n)",
             "training examples per label", "run s"]]
    for seed, _, seconds, held, meta, _ in results:
        per = held["per_label"]
        val = meta["valid_metrics"]
        vc = val["per_label"].get("cultural", {})
        rows.append([str(seed), f"{held['macro_f1']:.4f}", f"{held['bytes_macro_f1']:.4f}", f"{held['accuracy']:.4f}",
                     *[f"{per[lab]['f1']:.3f} ({per[lab]['support']:,})" if lab in per else "-" for lab in labels],
                     f"{val['macro_f1']}", f"{vc.get('f1', '-')} ({vc.get('support', 0)})",
                     " ".join(f"{k} {v:,}" for k, v in meta["examples"]["per_label"].items()), f"{seconds:.0f}"])
    print()
    print(table(rows))
    f1s = [r[3]["macro_f1"] for r in results]
    print(f"\nheld-out macro-F1: mean {sum(f1s) / len(f1s):.4f}, min {min(f1s):.4f}, max {max(f1s):.4f}")
    conf = results[0][5]
    sources = sorted({s for s, _ in conf})
    print(f"\nheld-out documents per source and predicted domain (seed {seed0})")
    print(table([["source", *labels]] + [[s, *[f"{conf[(s, lab)]:,}" for lab in labels]] for s in sources]))


if __name__ == "__main__":
    main()
