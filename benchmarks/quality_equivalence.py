"""datatrove's four filters, batch path against datatrove itself, document by document on every corpus.

The quality stage judges Gopher quality, Gopher repetition, C4 and FineWeb over whole batches
(``filters.datatrove_batch``: numpy over code points). datatrove stays the reference: for every document
of every corpus in ../shared/corpora (up to ``--limit`` each, evenly spaced), every filter's decision,
reason code and recorded statistics from the batch path are compared with what datatrove's own filter
class gives the same document through the block's per-document path. Documents the batch leaves to
datatrove (a gate it cannot clear) are counted, not compared. Any difference is printed and the script
exits 1.

It prints, per corpus and filter: documents, the share decided in the batch, differences, and the
seconds per MB of each path on one core (MB: uncompressed UTF-8 text), with the speed-up.

Usage: ``python -m benchmarks.quality_equivalence [--limit 20000] [--corpora nsmc_reviews,statutes]``
"""

from __future__ import annotations

import argparse
import sys
import time

from benchmarks._common import require_corpora, table
from benchmarks.corpora import CORPUS_FILES, load
from filters.blocks.base import Doc
from filters.blocks.datatrove import C4Quality, FineWebQuality, GopherQuality, GopherRepetition
from filters.blocks.params import build
from filters.datatrove_batch import judge

BLOCKS = (GopherQuality, GopherRepetition, C4Quality, FineWebQuality)


def compare(name: str, texts: list[str], rows: list[list[str]], shown: int = 3) -> int:
    """Adds one row per filter; returns the number of differences."""
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    differences = 0
    for cls in BLOCKS:
        block = cls(build(cls.Params, {}), None)
        f = block.filters_for(Doc({"text": ""}))
        judge(block.step, texts[:50], f)  # lookup tables built outside the clock
        t0 = time.perf_counter()
        got = judge(block.step, texts, f)
        batch_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        ref = [block._judge(Doc({"text": t, "doc_id": str(i)})) for i, t in enumerate(texts)]
        ref_s = time.perf_counter() - t0
        diff = [i for i, (g, r) in enumerate(zip(got, ref, strict=True)) if g is not None and g != r]
        for i in diff[:shown]:
            print(f"DIFFERENT {name} {block.name} document {i}: batch {got[i]} datatrove {ref[i]}\n"
                  f"  text: {texts[i][:200]!r}")
        decided = sum(g is not None for g in got)
        differences += len(diff)
        rows.append([name, block.name, f"{len(texts):,}", f"{mb:.2f}", f"{decided / max(len(texts), 1):.4f}",
                     str(len(diff)), f"{batch_s / mb:.3f}", f"{ref_s / mb:.3f}", f"{ref_s / max(batch_s, 1e-9):.1f}x"])
    return differences


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=20000, help="documents per corpus at most (evenly spaced)")
    ap.add_argument("--corpora", default=",".join(CORPUS_FILES), help="comma-separated corpus names")
    args = ap.parse_args(argv)
    require_corpora()
    rows = [["corpus", "filter", "docs", "MB", "decided in batch", "different", "batch s/MB", "datatrove s/MB",
             "speed-up"]]
    differences = 0
    for name in args.corpora.split(","):
        texts = [t for _, t in load(name, args.limit)]
        if texts:
            differences += compare(name, texts, rows)
    print(table(rows))
    print(f"\n{differences} documents judged differently from datatrove")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
