"""Near-duplicate detection on real Korean text: precision, recall and F1 per edit kind and shingle
unit, and throughput beside datatrove's MinHash stages.

The labelled set: documents from ../shared/corpora (news, blogs, reports, technical documentation,
statutes, heritage and industrial-safety Acts, novels; long ones cut to their first 3,000
characters), first deduplicated among themselves (any pair our LSH finds at exact char-5-gram Jaccard
>= 0.5 keeps one member, so the corpora's own near-copies do not count against precision). A third
of them are originals: each gets three variants, drawn from the Korean edit kinds below at edit rates
of 5, 10 and 20%; the rest stay as distinct documents on the same topics (same sources). Every
document is normalized as the pipeline normalizes it before shingling.

Edit kinds: ``spacing`` (띄어쓰기: spaces removed or inserted), ``particles`` (은/는, 이/가, 을/를,
와/과, 로/으로 swapped), ``typos`` (syllables replaced, dropped or doubled), ``header_footer``
(site header and footer lines added), ``reorder`` (sentences moved), ``nfd`` (an NFD copy: the
rate does not apply), ``truncation`` (the end cut off).

Scoring is by pairs: a predicted pair is two documents in one cluster; a true pair is an original with
its variant or two variants of one original. Per edit kind, the pairs that involve a variant of
that kind.

Usage: ``python -m benchmarks.near_dup [--originals 300] [--skip-spark] [--skip-datatrove]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks._common import require_corpora, run_measured, table
from benchmarks.corpora import load
from filters import minhash as M
from filters.normalize import normalize_text

SOURCES = ("wikinews", "blogs", "unesco_reports", "technical_docs", "statutes", "heritage_laws",
           "industrial_safety", "novels")
KINDS = ("spacing", "particles", "typos", "header_footer", "reorder", "nfd", "truncation")
RATES = (0.05, 0.1, 0.2)
MAX_CHARS = 3000
PARTICLES = [("은", "는"), ("이", "가"), ("을", "를"), ("와", "과"), ("로", "으로")]
HEADERS = ["[코큐레이트뉴스] 입력 {y}.{m:02d}.{d:02d} {h:02d}:{mi:02d} | 수정 {y}.{m:02d}.{d:02d}",
           "홈 > 전체기사 > 사회 > 지역 | 글자크기 가 가 | 인쇄하기 | 스크랩",
           "이 블로그 글은 {y}년 {m}월 {d}일에 작성되었습니다. 조회수 {h}{mi}회",
           "원문 출처: 코큐레이트 아카이브 (자료번호 {y}-{h}{mi})"]
FOOTERS = ["관련 기사: 지역 소식 더 보기 | 많이 본 뉴스 | 오늘의 인기 글",
           "저작권자 © 코큐레이트뉴스, 무단 전재 및 재배포 금지. 기사 제보 newsroom@example.kr",
           "댓글 {h}개 · 공감 {mi}개 · 공유하기 · 신고하기",
           "이 글이 도움이 되셨다면 구독과 좋아요를 눌러 주세요. 다음 글: {m}월 {d}일 업데이트"]


# ----------------------------------------------------------------------------------- Korean edits

def _fill(template: str, rng: random.Random) -> str:
    return template.format(y=rng.randint(2015, 2026), m=rng.randint(1, 12), d=rng.randint(1, 28),
                           h=rng.randint(0, 23), mi=rng.randint(0, 59))


def edit(text: str, kind: str, rate: float, rng: random.Random) -> str:
    if kind == "spacing":
        out = []
        for ch in text:
            if ch == " " and rng.random() < rate:
                continue
            out.append(ch)
            if "가" <= ch <= "힣" and rng.random() < rate / 4:
                out.append(" ")
        return "".join(out)
    if kind == "particles":
        def swap(m: re.Match[str]) -> str:
            word, p = m.group(1), m.group(2)
            if rng.random() >= rate:
                return m.group(0)
            for a, b in PARTICLES:
                if p == a:
                    return word + b
                if p == b:
                    return word + a
            return m.group(0)
        return re.sub(r"([가-힣]+?)(으로|은|는|이|가|을|를|와|과|로)(?=\s|[.,!?]|$)", swap, text)
    if kind == "typos":
        out = []
        for ch in text:
            if "가" <= ch <= "힣" and rng.random() < rate:
                op = rng.random()
                if op < 0.5:
                    out.append(chr(rng.randint(0xAC00, 0xD7A3)))
                elif op < 0.75:
                    continue
                else:
                    out.append(ch + ch)
            else:
                out.append(ch)
        return "".join(out)
    if kind == "header_footer":
        budget = max(1, int(len(text) * rate))
        head, foot = [], []
        while sum(map(len, head + foot)) < budget:
            (head if rng.random() < 0.5 else foot).append(_fill(rng.choice(HEADERS if rng.random() < 0.5
                                                                            else FOOTERS), rng))
        return "\n".join([*head, text, *foot])
    if kind == "reorder":
        sents = re.split(r"(?<=[.!?。])\s+|\n+", text)
        k = max(2, int(len(sents) * rate * 2))
        idx = rng.sample(range(len(sents)), min(k, len(sents)))
        moved = [sents[i] for i in idx]
        rng.shuffle(moved)
        for i, s in zip(sorted(idx), moved, strict=True):
            sents[i] = s
        return " ".join(sents)
    if kind == "nfd":
        return unicodedata.normalize("NFD", text)
    if kind == "truncation":
        return text[: max(1, int(len(text) * (1 - rate)))]
    raise ValueError(kind)


# --------------------------------------------------------------------- the stage's logic, in process

def clusters_in_process(texts: list[str], ids: list[str], unit: str, n: int, threshold: float, num_perm: int,
                        seed: int, verify: str = "signature") -> dict[str, str]:
    """doc id -> cluster id, with the stage's semantics: band buckets, star edges to the bucket's
    smallest id, verification at the threshold, connected components (smallest id)."""
    lsh = M.choose_lsh(threshold, num_perm)
    seeds = M.permutation_seeds(seed, lsh.bands * lsh.rows)
    sets = [M.shingles(t, unit, n) for t in texts]
    sigs = M.signatures(sets, seeds)
    keys = M.band_keys(sigs, lsh.bands, lsh.rows)
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(texts)):
        if len(sets[i]):
            for b in range(lsh.bands):
                buckets[(b, int(keys[i, b]))].append(i)
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        center = min(members, key=lambda i: ids[i])
        for m in members:
            if m == center or (center, m) in seen:
                continue
            seen.add((center, m))
            if verify == "signature":
                sim = M.estimated_jaccard(sigs[center], sigs[m])
            elif verify == "exact":
                sim = M.jaccard(sets[center], sets[m])
            else:
                sim = 1.0
            if sim >= threshold:
                parent[find(m)] = find(center)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(texts)):
        groups[find(i)].append(i)
    return {ids[i]: min(ids[j] for j in g) for g in groups.values() for i in g}


def score(clusters: dict[str, str], family: dict[str, str], kind_of: dict[str, str]) -> dict[str, tuple[float, ...]]:
    """Pair precision, recall, F1 overall and per edit kind."""
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for d, c in clusters.items():
        by_cluster[c].append(d)
    predicted = {tuple(sorted(p)) for g in by_cluster.values() if len(g) > 1 for p in combinations(g, 2)}
    by_family: dict[str, list[str]] = defaultdict(list)
    for d, f in family.items():
        by_family[f].append(d)
    true = {tuple(sorted(p)) for g in by_family.values() if len(g) > 1 for p in combinations(g, 2)}

    def prf(pred: set[tuple[str, ...]], gold: set[tuple[str, ...]]) -> tuple[float, ...]:
        tp = len(pred & gold)
        p = tp / len(pred) if pred else 1.0
        r = tp / len(gold) if gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0), len(gold)

    out = {"all": prf(predicted, true)}
    for kind in KINDS:
        def involves(pair: tuple[str, ...], kind: str = kind) -> bool:
            return any(kind_of.get(x, "").startswith(kind + "@") for x in pair)
        out[kind] = prf({p for p in predicted if involves(p)}, {p for p in true if involves(p)})
    return out


# ----------------------------------------------------------------------------------------- the set

def build_set(originals: int, seed: int) -> tuple[list[str], list[str], dict[str, str], dict[str, str]]:
    rng = random.Random(seed)
    base: list[tuple[str, str]] = []
    for name in SOURCES:
        for doc_id, text in load(name, 400):
            text = text[:MAX_CHARS]
            if len(text) >= 300:
                base.append((doc_id, text))
    # Deduplicate the corpora among themselves first (some Acts appear in two sources).
    ids0, texts0 = [d for d, _ in base], [t for _, t in base]
    pre = clusters_in_process(texts0, ids0, "char", 5, 0.5, 128, seed, verify="exact")
    base = [(d, t) for d, t in base if pre[d] == d]
    rng.shuffle(base)
    origin, rest = base[:originals], base[originals:]
    ids, texts, family, kind_of = [], [], {}, {}
    for doc_id, text in origin:
        ids.append(doc_id)
        texts.append(text)
        family[doc_id] = doc_id
        combos = rng.sample([(k, r) for k in KINDS for r in RATES], 3)
        for k, r in combos:
            vid = f"{doc_id}~{k}@{r}"
            ids.append(vid)
            texts.append(edit(text, k, r, rng))
            family[vid] = doc_id
            kind_of[vid] = f"{k}@{r}"
    for doc_id, text in rest:
        ids.append(doc_id)
        texts.append(text)
        family[doc_id] = doc_id
    texts = [normalize_text(t)[0] for t in texts]
    return ids, texts, family, kind_of


# ------------------------------------------------------------------------------------- throughput

def datatrove_minhash(texts: list[str], ids: list[str], workdir: Path, tokenizer: str) -> dict[str, float]:
    """datatrove's four MinHash stages on the same documents, one task each, timed per stage."""
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.utils.hashing import HashConfig
    from datatrove.utils.word_tokenizers import KiwiTokenizer
    from loguru import logger

    from filters.words import EojeolTokenizer

    logger.remove()  # datatrove logs every task's stats
    lang = KiwiTokenizer("cong") if tokenizer == "kiwi" else EojeolTokenizer()
    config = MinhashConfig(hash_config=HashConfig(precision=64), num_buckets=14, hashes_per_bucket=8, n_grams=5)
    docs = [Document(text=t, id=i) for t, i in zip(texts, ids, strict=True)]
    times: dict[str, float] = {}
    sig, buck, clus = workdir / "sigs", workdir / "buckets", workdir / "clusters"
    stages = [("signatures", [lambda data, rank, world_size: iter(docs),
                              MinhashDedupSignature(output_folder=str(sig), config=config, language=lang)]),
              ("buckets", [MinhashDedupBuckets(input_folder=str(sig), output_folder=str(buck), config=config)]),
              ("clusters", [MinhashDedupCluster(input_folder=str(buck), output_folder=str(clus), config=config)]),
              ("filter", [lambda data, rank, world_size: iter(docs),
                          MinhashDedupFilter(input_folder=str(clus))])]
    for name, pipe in stages:
        t0 = time.perf_counter()
        tasks = config.num_buckets if name == "buckets" else 1
        LocalPipelineExecutor(pipeline=pipe, tasks=tasks, workers=1,
                              logging_dir=str(workdir / f"logs_{name}")).run()
        times[name] = time.perf_counter() - t0
    return times


def spark_stage(texts: list[str], ids: list[str], workdir: Path, unit: str, n: int, threshold: float,
                copies: int = 1) -> dict[str, Any]:
    src = workdir / f"docs{copies}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for c in range(copies):
            for i, t in zip(ids, texts, strict=True):
                # Copies get a distinct Hangul-syllable permutation so they stay distinct documents.
                tt = t if c == 0 else "".join(chr(0xAC00 + (ord(x) - 0xAC00 + 37 * c) % 11172)
                                              if "가" <= x <= "힣" else x for x in t)
                fh.write(json.dumps({"id": f"{i}#{c}", "text": tt}, ensure_ascii=False) + "\n")
    (workdir / "s.toml").write_text(
        f'[[source]]\nname = "bench"\ndomain = "web"\npaths = ["{src}"]\nformat = "jsonl"\n'
        'fields = { text = "text", id = "id" }\nlicence = "mixed"\norigin = "benchmark"\n', encoding="utf-8")
    (workdir / "r.toml").write_text(
        'name = "near-dup"\nsources_manifest = "s.toml"\nseed = 1\n'
        '[stages]\norder = ["ingest", "normalize", "fuzzy_dedup"]\n[stages.ingest]\nmax_error_rate = 1.0\n'
        f'[stages.fuzzy_dedup]\nshingle = "{unit}"\nngram = {n}\nthreshold = {threshold}\n'
        '[spark]\nmaster = "local[2]"\nshuffle_partitions = 4\n', encoding="utf-8")
    out = workdir / f"run{copies}"
    code, peaks, _, err = run_measured([sys.executable, "-m", "pipeline.cli", "-q", "run", str(workdir / "r.toml"),
                                        "--output", str(out)], env={**os.environ})
    if code != 0:
        raise SystemExit(f"spark run failed:\n{err[-3000:]}")
    done = json.loads((out / "work" / "_done" / "fuzzy_dedup.json").read_text())
    import duckdb

    # Benchmark id -> the stage's cluster id (its own doc id when it has no near-duplicate), for the
    # first copy: a label per document, which is all the pair scoring needs.
    from pipeline.audit import stage_dataset

    # The stage writes decisions keyed by doc id; the record ids are in the documents ingest wrote.
    clusters = dict(duckdb.sql(
        f"SELECT split_part(d.source_record_id, '#', 1), coalesce(f._details['cluster_id'], f.doc_id) "
        f"FROM read_parquet('{out}/work/fuzzy_dedup/*.parquet') f "
        f"JOIN read_parquet('{stage_dataset(str(out), 'ingest')}/*.parquet') d USING (doc_id) "
        f"WHERE d.source_record_id LIKE '%#0'").fetchall())
    shutil.rmtree(out, ignore_errors=True)
    return {"seconds": done["seconds"], "peak": peaks.get("total", 0), "clusters": clusters,
            "docs": len(texts) * copies}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--originals", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--skip-datatrove", action="store_true")
    ap.add_argument("--no-ten-x", dest="ten_x", action="store_false", help="the Spark stage on the set once, not "
                    "also on ten copies of it")
    ap.add_argument("--unit", choices=M.UNITS, help="evaluate one configuration instead of the grid")
    ap.add_argument("--ngram", type=int, default=3)
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--variant", help=argparse.SUPPRESS)
    ap.add_argument("--docs-file", help=argparse.SUPPRESS)
    ap.add_argument("--out-file", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.variant:
        _variant(args)
        return
    require_corpora()
    ids, texts, family, kind_of = build_set(args.originals, args.seed)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{len(texts)} documents ({args.originals} originals with 3 variants each, "
          f"{len(texts) - 4 * args.originals} distinct), {mb:.1f} MB")

    grid = [("char", 2), ("char", 3), ("char", 4), ("char", 5), ("eojeol", 1), ("eojeol", 2), ("eojeol", 3),
            ("morph", 3)]
    if args.unit:
        grid = [(args.unit, args.ngram)]
    thresholds = (args.threshold,) if args.threshold else (0.4, 0.5, 0.6, 0.7)
    rows = [["unit", "n", "threshold", "precision", "recall", "F1", *[f"F1 {k}" for k in KINDS]]]
    best: dict[str, tuple[float, ...]] = {}
    results: list[tuple[float, float, str, int, float]] = []
    for unit, n in grid:
        for threshold in thresholds:
            c = clusters_in_process(texts, ids, unit, n, threshold, 128, args.seed)
            s = score(c, family, kind_of)
            p, r, f1, _ = s["all"]
            rows.append([unit, str(n), f"{threshold}", f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}",
                         *[f"{s[k][2]:.3f}" for k in KINDS]])
            if unit not in best or f1 > best[unit][0]:
                best[unit] = (f1, n, threshold, p)
            results.append((f1, p, unit, n, threshold))
    print()
    print(table(rows))
    # The winner: the best F1; configurations within 0.005 of it count as tied and the most precise
    # of them wins (a false removal loses a distinct document).
    top = max(r[0] for r in results)
    f1, p, unit, n, threshold = max((r for r in results if r[0] >= top - 0.005), key=lambda r: (r[1], r[0]))
    print("\nbest per unit: " + ", ".join(f"{u} n={b[1]} t={b[2]}: F1 {b[0]:.3f} P {b[3]:.3f}"
                                          for u, b in best.items()))
    print(f"winner: {unit} {n}-grams at Jaccard {threshold} (F1 {f1:.3f}, precision {p:.3f}; goal F1 >= 0.97)")

    # Per edit kind and rate for the winner.
    c = clusters_in_process(texts, ids, unit, int(n), threshold, 128, args.seed)
    rows = [["edit", "rate", "variants", "found with their original"]]
    for k in KINDS:
        for r in RATES:
            vs = [v for v, kr in kind_of.items() if kr == f"{k}@{r}"]
            hit = sum(c[v] == c[family[v]] for v in vs)
            rows.append([k, f"{r:.0%}", str(len(vs)), f"{hit / len(vs):.3f}" if vs else "-"])
    print()
    print(table(rows))

    # Throughput, each in its own process so its peak memory is its own: our signatures, datatrove's
    # four MinHash stages (whitespace words and Kiwi), and the Spark stage at 1x and 10x.
    rows = [["what", "cores", "seconds", "docs/s/core", "MB/s/core", "x datatrove (eojeol)", "peak MB"]]
    with tempfile.TemporaryDirectory(prefix="kocurate-neardup-") as tmp:
        docs_file = Path(tmp) / "docs.json"
        docs_file.write_text(json.dumps([ids, texts], ensure_ascii=False), encoding="utf-8")

        def measured(variant: str) -> tuple[dict[str, float], int]:
            out_file = Path(tmp) / f"{variant}.json"
            code, peaks, _, err = run_measured([sys.executable, "-m", "benchmarks.near_dup", "--variant", variant,
                                                "--docs-file", str(docs_file), "--out-file", str(out_file),
                                                "--unit", unit, "--ngram", str(n), "--threshold", str(threshold)])
            if code != 0:
                raise SystemExit(f"{variant} failed:\n{err[-3000:]}")
            return json.loads(out_file.read_text()), peaks.get("total", 0)

        ours, ours_peak = measured("ours")
        ref: dict[str, float] = {}
        dt_rows = []
        if not args.skip_datatrove:
            for tok in ("eojeol", "kiwi"):
                times, peak = measured(f"datatrove_{tok}")
                total = sum(times.values())
                if tok == "eojeol":
                    ref = {"signatures": times["signatures"], "total": total}
                dt_rows.append((f"datatrove signatures ({tok} words, 5-grams)", times["signatures"], peak,
                                "signatures"))
                dt_rows.append((f"datatrove 4 stages ({tok}; buckets in 14 tasks, clusters in 1)", total, peak,
                                "total"))

        def row(label: str, cores: int, seconds: float, docs: int, peak: int, kind: str) -> list[str]:
            rate = docs / seconds / cores
            ratio = f"{(ref[kind] / seconds) * (docs / len(texts)) / cores:.2f}" if kind in ref else "-"
            mbps = mb * docs / len(texts) / seconds / cores
            return [label, str(cores), f"{seconds:.1f}", f"{rate:,.0f}", f"{mbps:.2f}", ratio, f"{peak / 2**20:,.0f}"]

        rows.append(row(f"ours: signatures + band keys ({unit} {n})", 1, ours["signatures"], len(texts), ours_peak,
                        "signatures"))
        rows += [row(label, 1, sec, len(texts), peak, kind) for label, sec, peak, kind in dt_rows]
        if not args.skip_spark:
            one = spark_stage(texts, ids, Path(tmp), unit, int(n), threshold, 1)
            ten = spark_stage(texts, ids, Path(tmp), unit, int(n), threshold, 10) if args.ten_x else None
            for label, r in (("1x", one), ("10x", ten)):
                if r is None:
                    continue
                rows.append(row(f"ours: Spark fuzzy_dedup stage, {label} ({r['docs']} docs)", 2, r["seconds"],
                                r["docs"], r["peak"], "total"))
            s = score(one["clusters"], family, kind_of)
            print("\nthe Spark stage itself (its star centres by signature hash): precision {:.3f}, recall {:.3f}, "
                  "F1 {:.3f}".format(*s["all"][:3]))
            if ten is not None:
                print(f"10x the input took {ten['seconds'] / one['seconds']:.1f}x the time (goal <= 12x)")
    print()
    print(table(rows))
    print("(x datatrove: our throughput per core over datatrove's with whitespace words on the same documents; "
          "the stage rows compare with datatrove's four stages)")


def _variant(args: argparse.Namespace) -> None:
    ids, texts = json.loads(Path(args.docs_file).read_text(encoding="utf-8"))
    if args.variant == "ours":
        t0 = time.perf_counter()
        lsh = M.choose_lsh(args.threshold, 128)
        sets = [M.shingles(t, args.unit, args.ngram) for t in texts]
        M.band_keys(M.signatures(sets, M.permutation_seeds(1, lsh.bands * lsh.rows)), lsh.bands, lsh.rows)
        result = {"signatures": time.perf_counter() - t0}
    else:
        with tempfile.TemporaryDirectory(prefix="kocurate-dt-") as tmp:
            result = datatrove_minhash(texts, ids, Path(tmp), args.variant.removeprefix("datatrove_"))
    Path(args.out_file).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
