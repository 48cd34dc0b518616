"""The tokenizer a run trains, measured as the tokenizer benchmark measures its variants (issue 22, item 2).

``benchmarks/tokenizer.py`` chooses the settings on training lines it composes itself. This benchmark
gives the same text to a real run instead: the benchmark's training corpora become the run's sources
(whole documents: the Korean corpora, ``english/en_prose`` declared ``language = "en"``, and the code
files not held out declared ``language = "code"``), with the same documents held out and the same
lines overlapping the evaluation text removed (``benchmarks/tokenizer_data.py``). The run curates
them (ingest, normalize, exact dedup, PII, quality keeping Korean and English, fuzzy dedup, export)
and its tokenizer stage samples the curated documents by the manifest's language shares and trains
with the stage's defaults. The model in ``models/tokenizer/`` is then measured on the benchmark's
evaluation sets beside Qwen3.5 and cl100k, with the goals of issue 22.

The Korean legal and web corpora are capped (``--legal-mb``, ``--web-mb``) by whole documents in a
fixed pseudo-random order, as the benchmark caps its lines.

Usage: ``python -m benchmarks.tokenizer_run [--shares 0.7/0.2/0.1] [--keep DIR] [--json out.json]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import xxhash

from benchmarks._common import require_corpora
from benchmarks.corpora import domain_of, load
from benchmarks.tokenizer import evaluate, report, summary
from benchmarks.tokenizer_data import KO_GROUPS, SEED, Windows, _jsonl, _norm, eval_docs, held_out
from tokenizer.encoders import SentencePieceEncoder, baselines
from tokenizer.evaluate import EvalDoc, gold_boundaries


def _clean(text: str, win: Windows, short: bool) -> tuple[str, int]:
    """The document without its lines that overlap the evaluation text, and how many were removed."""
    kept, removed = [], 0
    for line in text.split("\n"):
        if line.strip() and win.hits(line, short):
            removed += 1
        else:
            kept.append(line)
    return "\n".join(kept).strip("\n"), removed


def _write(out: Path, docs: Iterator[tuple[str, str, str]], win: Windows, short: bool, cap_mb: float
           ) -> dict[str, dict[str, Any]]:
    """(corpus, doc id, text) written to ``<corpus>.jsonl.gz`` in a fixed pseudo-random order of the doc ids
    until ``cap_mb`` over all of them; facts per corpus."""
    ordered = sorted(docs, key=lambda d: xxhash.xxh64_intdigest(d[1], seed=SEED))
    facts = {name: {"docs": 0, "mb": 0.0, "lines_removed": 0} for name in dict.fromkeys(d[0] for d in ordered)}
    files = {name: gzip.open(out / f"{name}.jsonl.gz", "wt", encoding="utf-8") for name in facts}
    size = 0
    try:
        for name, doc_id, text in ordered:
            clean, removed = _clean(text, win, short)
            facts[name]["lines_removed"] += removed
            b = len(clean.encode("utf-8"))
            if not clean or size + b > cap_mb * 1e6:
                continue
            files[name].write(json.dumps({"id": doc_id, "text": clean}, ensure_ascii=False) + "\n")
            size += b
            facts[name]["docs"] += 1
            facts[name]["mb"] += b / 1e6
    finally:
        for fh in files.values():
            fh.close()
    return facts


def write_sources(corpora: Path, docs: list[EvalDoc], out: Path, legal_mb: float, web_mb: float
                  ) -> tuple[str, dict[str, Any]]:
    """The run's sources (JSONL under ``out``) and their source manifest text."""
    win = Windows([d for d in docs if d.lang != "code"])
    caps = {"legal": legal_mb, "web": web_mb, "prose": float("inf")}
    entries, facts = [], {}
    for group, names in KO_GROUPS.items():
        facts.update(_write(out, ((n, i, t) for n in names for i, t in load(n) if not held_out(i)), win, True,
                            caps[group]))
        entries += [(name, domain_of(name), "ko") for name in names]
    en = (("en_prose", r["id"], _norm(r["text"]))
          for p in sorted((corpora / "english" / "en_prose").glob("*.jsonl.gz")) for r in _jsonl(p))
    facts.update(_write(out, en, win, True, float("inf")))
    code = (("code", r["id"], _norm(r["text"])) for p in sorted((corpora / "english" / "code").glob("*.jsonl.gz"))
            for r in _jsonl(p) if not held_out(r["id"]))
    facts.update(_write(out, code, win, False, float("inf")))
    entries += [("en_prose", "other", "en"), ("code", "other", "code")]
    text = "".join(
        f'[[source]]\nname = "{name}"\ndomain = "{domain}"\nlanguage = "{lang}"\n'
        f'paths = ["{out / name}.jsonl.gz"]\nformat = "jsonl"\nfields = {{ text = "text", id = "id" }}\n'
        f'licence = "see ../shared/corpora/README.md"\norigin = "../shared/corpora ({name})"\n\n'
        for name, domain, lang in entries)
    return text, facts


RUN = """name = "tokenizer-run"
sources_manifest = "sources.toml"
seed = 7
output = "{output}"
[stages]
order = ["ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "export", "tokenizer"]
[stages.quality]
languages = ["ko", "en"]
quality_model = ""
[stages.quality.per_source.code]
chain = ["length_v1", "mojibake_v1"]
[stages.tokenizer]
language_shares = {{ ko = {ko}, en = {en}, code = {code} }}
[spark]
master = "local[*]"
shuffle_partitions = 8
driver_memory = "6g"
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shares", default="0.7/0.2/0.1", help="Korean/English/code shares of the tokenizer sample")
    ap.add_argument("--legal-mb", type=float, default=16.0)
    ap.add_argument("--web-mb", type=float, default=12.0)
    ap.add_argument("--eval-chars", type=int, default=300_000, help="text per Korean evaluation set")
    ap.add_argument("--boundary-chars", type=int, default=40_000, help="text per Korean set for boundary F1")
    ap.add_argument("--keep", help="directory for the sources and the run (kept afterwards)")
    ap.add_argument("--json", help="write every figure here")
    args = ap.parse_args()
    corpora = require_corpora()
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kocurate-tokrun-"))
    (out / "sources").mkdir(parents=True, exist_ok=True)
    ko, en, code = (float(x) for x in args.shares.split("/"))

    t = time.monotonic()
    docs = eval_docs(corpora, args.eval_chars)
    sources, facts = write_sources(corpora, docs, out / "sources", args.legal_mb, args.web_mb)
    print("sources (documents / MB / lines overlapping evaluation text removed): " + ", ".join(
        f"{k} {v['docs']:,} / {v['mb']:.1f} / {v['lines_removed']:,}" for k, v in facts.items())
        + f"  ({time.monotonic() - t:.0f} s)", flush=True)
    (out / "sources.toml").write_text(sources, encoding="utf-8")
    (out / "run.toml").write_text(RUN.format(output=out / "run", ko=ko, en=en, code=code), encoding="utf-8")

    from pipeline.api import run

    t = time.monotonic()
    record = run(out / "run.toml")
    seconds = time.monotonic() - t
    stages = {s["stage"]: s for s in record["stages"]}
    tok = stages["tokenizer"]["summary"]
    print(f"\nrun: {seconds:.0f} s; " + ", ".join(f"{n} {s['seconds']:.0f} s" for n, s in stages.items()))
    print("\n".join(record.get("summary_table", "").splitlines()[-12:]))
    print(f"tokenizer sample per language: {json.dumps(tok['sample_languages'])}; trained in {tok['train_seconds']} s")

    ko_idx = [i for i, d in enumerate(docs) if d.lang == "ko"]
    gold: list[set[int] | None] = [None] * len(docs)
    for i, b in zip(ko_idx, gold_boundaries([docs[i] for i in ko_idx], args.boundary_chars), strict=True):
        gold[i] = b
    model = out / "run" / "models" / "tokenizer" / "spm.model"
    name = f"in-run bpe {tok['vocab_size'] // 1000}k {args.shares}"
    results = {name: {**evaluate(SentencePieceEncoder(str(model), name), docs, gold),
                      "sample_mb": {k: v["sampled_bytes"] / 1e6 for k, v in tok["sample_languages"].items()},
                      "train_s": tok["train_seconds"]}}
    for e in baselines():
        results[e.name] = evaluate(e, docs, gold)
    report(results)
    s, q = summary(results[name]), summary(results["qwen3.5"])
    en_vs = (s["en_eval"] + s["en_parallel"]) / (q["en_eval"] + q["en_parallel"]) - 1
    print("\ngoals (issue 22): "
          f"English {en_vs:+.1%} vs Qwen3.5 (goal within +5%), code {s['code'] / q['code'] - 1:+.1%} (within +10%), "
          f"Korean encyclopedic {s['ko_encyclopedic']:.3f} tokens per eojeol (goal 1.95, stretch 1.90), "
          f"round trip {s['round_trip']:.2%}, hygiene {results[name]['hygiene']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"sources": facts, "run_seconds": seconds, "stages": {
            n: {"seconds": x["seconds"], "counts": x["counts"]} for n, x in stages.items()}, "tokenizer": tok,
            "results": results}, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
