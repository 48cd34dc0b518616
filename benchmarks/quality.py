"""Quality filtering: throughput beside datatrove's Kiwi path, and eojeol/Kiwi agreement.

On Korean web text from ../shared/corpora (movie reviews, chatbot Q&A, blogs, news) it measures, each
variant in its own process so peak memory is its own:

- ``ours``: the quality stage's whole filter chain (language, Korean heuristics, datatrove filters on
  eojeol, boilerplate), one process, one core;
- ``ours_kiwi``: the same chain with Kiwi morphemes as the word unit (the manifest option);
- ``datatrove_kiwi``: datatrove's own Gopher quality, Gopher repetition, C4 and FineWeb filters with
  datatrove's ``KiwiTokenizer("cong")`` (its defaults otherwise), one process, one core;
- ``spark_stage``: the quality stage itself on an embedded ``local[2]`` Spark (2 cores), over the
  same documents written as a JSONL source, measured as the stage's compute-and-write time.

It prints documents/s and MB/s per core (MB: uncompressed UTF-8 text), the ratio against datatrove's
Kiwi path, peak memory, and how often the eojeol and Kiwi paths decide the same on the four datatrove
filters (per filter and all four together).

Usage: ``python -m benchmarks.quality [--docs 6000] [--skip-spark]``
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._common import require_corpora, run_measured, table
from benchmarks.corpora import WEB, load


def web_docs(n: int) -> list[tuple[str, str]]:
    """About ``n`` documents: half reviews and Q&A (short), half blogs and news (long, all of them)."""
    long_docs = load("blogs") + load("wikinews")
    short = max(0, n - len(long_docs))
    return load("nsmc_reviews", short * 2 // 3) + load("chatbot_qa", short // 3) + long_docs


def _variant(name: str, docs_file: str, out_file: str) -> None:
    docs = [tuple(x) for x in json.loads(Path(docs_file).read_text(encoding="utf-8"))]
    texts = [t for _, t in docs]
    decisions: list[Any] = []
    t0 = time.perf_counter()
    if name in ("ours", "ours_kiwi"):
        from filters.blocks.base import Doc
        from filters.quality import quality_chain

        chain = quality_chain({"word_path": "kiwi" if name == "ours_kiwi" else "eojeol"})
        chain.run([Doc({"text": "준비 운동 삼아 한 문장을 먼저 평가합니다. 모델과 사전이 여기서 읽힙니다."}),
                   Doc({"text": "A warm-up sentence in English loads the language model before the clock starts."})])
        t0 = time.perf_counter()
        for doc_id, text in docs:
            o = chain.run([Doc({"text": text, "doc_id": doc_id})])[0]
            decisions.append({step: j.action != "drop" for step, j in o.judgements})
    elif name == "datatrove_kiwi":
        from datatrove.data import Document
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
        from datatrove.utils.word_tokenizers import KiwiTokenizer

        kiwi = KiwiTokenizer("cong")
        filters = [GopherQualityFilter(language=kiwi), GopherRepetitionFilter(language=kiwi),
                   C4QualityFilter(language=kiwi), FineWebQualityFilter(language=kiwi)]
        kiwi.word_tokenize("준비 운동 삼아 한 문장을 먼저 나눕니다.")
        t0 = time.perf_counter()
        for doc_id, text in docs:
            decisions.append([f.filter(Document(text=text, id=doc_id)) is True for f in filters])
    seconds = time.perf_counter() - t0
    Path(out_file).write_text(json.dumps({"seconds": seconds, "docs": len(texts),
                                          "bytes": sum(len(t.encode()) for t in texts),
                                          "decisions": decisions}), encoding="utf-8")


def spark_stage(docs: list[tuple[str, str]], workdir: Path) -> dict[str, Any]:
    """The quality stage on local[2] over the same documents (as one JSONL source)."""
    src = workdir / "web.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for doc_id, text in docs:
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    (workdir / "sources.toml").write_text(
        f'[[source]]\nname = "web"\ndomain = "web"\npaths = ["{src}"]\nformat = "jsonl"\n'
        f'fields = {{ text = "text", id = "id" }}\nlicence = "mixed"\norigin = "benchmark"\n', encoding="utf-8")
    (workdir / "run.toml").write_text(
        'name = "quality-bench"\nsources_manifest = "sources.toml"\nseed = 1\n'
        '[stages]\norder = ["ingest", "normalize", "quality"]\n'
        '[stages.ingest]\nmax_error_rate = 1.0\n[spark]\nmaster = "local[2]"\nshuffle_partitions = 2\n',
        encoding="utf-8")
    code, peaks, _, err = run_measured(
        [sys.executable, "-m", "pipeline.cli", "-q", "run", str(workdir / "run.toml"), "--output",
         str(workdir / "run")], env={**os.environ})
    if code != 0:
        raise SystemExit(f"spark run failed:\n{err[-3000:]}")
    done = json.loads((workdir / "run" / "work" / "_done" / "quality.json").read_text())
    return {"seconds": done["summary"]["phase_seconds"]["compute_and_write"], "peak": peaks.get("total", 0),
            "stage_seconds": done["seconds"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=6000)
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--variant", help=argparse.SUPPRESS)
    ap.add_argument("--docs-file", help=argparse.SUPPRESS)
    ap.add_argument("--out-file", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.variant:
        _variant(args.variant, args.docs_file, args.out_file)
        return
    require_corpora()
    docs = web_docs(args.docs)
    mb = sum(len(t.encode()) for _, t in docs) / 1e6
    print(f"{len(docs)} Korean web documents ({', '.join(WEB)}), {mb:.1f} MB")
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="kocurate-qbench-") as tmp:
        docs_file = Path(tmp) / "docs.json"
        docs_file.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        for name in ("ours", "ours_kiwi", "datatrove_kiwi"):
            out_file = Path(tmp) / f"{name}.json"
            code, peaks, _, err = run_measured([sys.executable, "-m", "benchmarks.quality", "--variant", name,
                                                "--docs-file", str(docs_file), "--out-file", str(out_file)])
            if code != 0:
                raise SystemExit(f"{name} failed:\n{err[-3000:]}")
            results[name] = {**json.loads(out_file.read_text()), "peak": peaks.get("total", 0), "cores": 1}
        if not args.skip_spark:
            results["spark_stage"] = {**spark_stage(docs, Path(tmp)), "cores": 2}

    ref = results["datatrove_kiwi"]
    ref_rate = len(docs) / ref["seconds"]
    rows = [["variant", "cores", "seconds", "docs/s/core", "MB/s/core", "x datatrove+Kiwi", "peak MB"]]
    for name, r in results.items():
        rate = len(docs) / r["seconds"] / r["cores"]
        mbps = mb / r["seconds"] / r["cores"]
        rows.append([name, str(r["cores"]), f"{r['seconds']:.1f}", f"{rate:,.0f}", f"{mbps:.2f}",
                     f"{rate / ref_rate:.1f}", f"{r['peak'] / 2**20:,.0f}"])
    print()
    print(table(rows))
    if "spark_stage" in results:
        print(f"(spark_stage: compute-and-write phase of the stage; the whole stage incl. provenance and invariants "
              f"took {results['spark_stage']['stage_seconds']:.1f} s)")

    # Agreement of the eojeol and Kiwi paths on datatrove's four filters: over every document, and
    # over the documents those filters actually decide (the earlier filters pass them).
    steps = ["gopher_quality_ko_v1", "gopher_repetition_ko_v1", "c4_ko_v1", "fineweb_ko_v1"]
    a, b = results["ours"]["decisions"], results["ours_kiwi"]["decisions"]
    decided = [i for i, x in enumerate(a) if all(v for k, v in x.items() if k not in steps)]
    rows = [["datatrove filter", "same (all docs)", f"same ({len(decided)} decided)", "eojeol drops",
             "Kiwi drops"]]
    agreement = {}
    for label, pick in [*((s, (lambda x, s=s: x[s])) for s in steps),
                        ("all four (pass/fail)", lambda x: all(x[s] for s in steps))]:
        same_all = sum(pick(x) == pick(y) for x, y in zip(a, b, strict=True)) / len(a)
        same_dec = sum(pick(a[i]) == pick(b[i]) for i in decided) / max(len(decided), 1)
        agreement[label] = (same_all, same_dec)
        rows.append([label, f"{same_all:.2%}", f"{same_dec:.2%}", str(sum(not pick(a[i]) for i in decided)),
                     str(sum(not pick(b[i]) for i in decided))])
    print()
    print(table(rows))
    goal_speed = len(docs) / results["ours"]["seconds"] / ref_rate
    both = agreement["all four (pass/fail)"]
    print(f"\ngoal: ours >= 20x datatrove's Kiwi path per core: {goal_speed:.1f}x; eojeol/Kiwi agreement >= 97%: "
          f"{both[1]:.2%} of the documents these filters decide ({both[0]:.2%} of all documents)")


if __name__ == "__main__":
    main()
