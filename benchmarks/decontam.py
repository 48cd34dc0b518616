"""Decontamination: items of the KLUE NLI and KorNLI (XNLI) dev sets planted into real documents of
../shared/corpora with Korean edits; recall per edit kind, false positives on clean documents, and
documents per second per core, for several n-gram lengths.

The corpora themselves hold real contamination: KLUE NLI took its premises from sources that include
Naver movie reviews and Wikinews, both in the corpora. A hit on an unplanted document therefore counts
as a false positive only when no field of the hit item (premise or hypothesis, 15 characters or more)
occurs in the document verbatim after canonicalisation; the verified ones are reported as natural
contamination.

Edits: verbatim; spacing (spaces removed or added between eojeol, as Korean copies do); punctuation
dropped or changed; one particle swapped (은/는, 이/가, 을/를, 에/에서); the item inside a longer
page (host text before and after). Clean documents are real web, news, blog, technical and legal
text with nothing planted; any hit on one is a false positive.

Usage: ``python -m benchmarks.decontam [--hosts 2000] [--clean 20000] [--n 12]``
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import time
from collections import Counter

from benchmarks._common import CORPORA, require_corpora, table
from benchmarks.corpora import load
from filters.decontam import EvalItem, NgramIndex, canonical
from filters.normalize import normalize_text

PARTICLES = [("은 ", "는 "), ("는 ", "은 "), ("이 ", "가 "), ("가 ", "이 "), ("을 ", "를 "), ("를 ", "을 "),
             ("에 ", "에서 ")]
EDITS = ("verbatim", "spacing", "punctuation", "particle", "embedded")


def eval_items() -> list[EvalItem]:
    items = []
    for rec in json.loads((CORPORA / "web" / "klue_dev" / "klue-nli-v1.1_dev.json").read_text(encoding="utf-8")):
        items.append(EvalItem("klue_nli", rec["guid"], normalize_text(f"{rec['premise']}\n{rec['hypothesis']}")[0]))
    with open(CORPORA / "web" / "kor_nlu" / "KorNLI_xnli.dev.ko.tsv", encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)):
            items.append(EvalItem("kornli_xnli", f"dev-{i}",
                                  normalize_text(f"{row['sentence1']}\n{row['sentence2']}")[0]))
    return items


def edit(text: str, kind: str, rng: random.Random, host: str) -> str:
    if kind == "spacing":
        words = text.split(" ")
        out = words[0]
        for w in words[1:]:
            r = rng.random()
            out += w if r < 0.3 else (" " + w)
        return re.sub(r"([가-힣]{2})([가-힣]{2})", lambda m: m.group(1) + (" " if rng.random() < 0.1 else "")
                      + m.group(2), out)
    if kind == "punctuation":
        return re.sub(r"[.,!?\"']", lambda m: rng.choice(["", " ", "…", "~"]), text)
    if kind == "particle":
        options = [p for p in PARTICLES if p[0] in text]
        if options:
            a, b = rng.choice(options)
            return text.replace(a, b, 1)
        return text
    if kind == "embedded":
        cut = len(host) // 2
        return host[:cut] + "\n" + text + "\n" + host[cut:]
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hosts", type=int, default=2000)
    ap.add_argument("--clean", type=int, default=20000)
    ap.add_argument("--n", type=int, nargs="*", default=[10, 12, 14, 16])
    ap.add_argument("--min-coverage", type=float, default=0.3)
    ap.add_argument("--min-hits", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    require_corpora()
    rng = random.Random(args.seed)
    items = eval_items()
    pool: list[str] = []
    for name, limit in (("blogs", None), ("wikinews", None), ("nsmc_reviews", 30000), ("technical_docs", None),
                        ("statutes", None), ("chatbot_qa", None), ("novels", None), ("unesco_reports", None)):
        pool += [t[:6000] for _, t in load(name, limit) if len(t) > 40]
    rng.shuffle(pool)
    hosts, clean = pool[:args.hosts], pool[args.hosts:args.hosts + args.clean]
    planted = []
    for i, host in enumerate(hosts):
        item = rng.choice(items)
        kind = EDITS[i % len(EDITS)]
        text = edit(item.text, kind, rng, host)
        planted.append((kind, (item.eval_set, item.item_id), normalize_text(text)[0]))
    print(f"{len(items):,} evaluation items ({dict(Counter(i.eval_set for i in items))}); {len(planted):,} "
          f"planted documents; {len(clean):,} clean documents ({sum(len(t) for t in clean) / 1e6:.1f} M chars)")
    fields = {(i.eval_set, i.item_id): [canonical(f)[0] for f in i.text.split("\n") if len(canonical(f)[0]) >= 15]
              for i in items}
    rows = [["n", "indexed n-grams", *[f"recall {k}" for k in EDITS], "natural contamination",
             "false positives (clean)", "docs/s/core", "MB/s/core"]]
    for n in args.n:
        index = NgramIndex(items, n=n)
        found = Counter()
        for kind, key, text in planted:
            hits, _ = index.scan(text, args.min_coverage, args.min_hits)
            found[kind] += any((h.eval_set, h.item_id) == key for h in hits)
        per = Counter(k for k, _, _ in planted)
        t0 = time.perf_counter()
        scanned = [(t, index.scan(t, args.min_coverage, args.min_hits)[0]) for t in clean]
        dt = time.perf_counter() - t0
        natural = fp = 0
        for t, hits in scanned:
            if not hits:
                continue
            canon = canonical(t)[0]
            verified = any(f in canon for h in hits for f in fields[(h.eval_set, h.item_id)])
            natural += verified
            fp += not verified
        mb = sum(len(t.encode()) for t in clean) / 1e6
        rows.append([str(n), f"{len(index.grams):,}", *[f"{found[k] / per[k]:.4f}" for k in EDITS],
                     f"{natural}", f"{fp} ({fp / len(clean):.3%})", f"{len(clean) / dt:,.0f}", f"{mb / dt:.1f}"])
    print()
    print(table(rows))
    print(f"\nthresholds: an item is hit when at least {args.min_coverage} of its indexed n-grams and at least "
          f"{args.min_hits} of them occur in the document. Goal: recall >= 0.98 for verbatim and lightly edited "
          "items, false positives < 0.1% of clean documents.")


if __name__ == "__main__":
    main()
