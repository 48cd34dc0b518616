"""The tokenizer benchmark's text: training pools per language and evaluation sets per language and genre,
disjoint from each other (docs/tokenizer.md).

Training pools (lines, as the pipeline's tokenizer sample draws them: ``tokenizer.sample.sample_lines``):

    ko:legal   statutes, industrial-safety Acts, heritage Acts      (capped: statutes swamp the rest)
    ko:web     movie reviews, chatbot Q&A                           (capped)
    ko:prose   blogs, technical documentation, novels
    en         ../shared/corpora/english/en_prose (books, manuals, speeches, the Factbook)
    code       ../shared/corpora/english/code, nine files in ten by a hash of the path

Evaluation sets, never trained on:

    ko:wikinews, ko:unesco, ko:klue   the encyclopedic and news stand-ins (Wikinews, the UNESCO reports,
                                      KLUE NLI and STS sentences): whole corpora kept out of training
    ko:statutes, ko:web               one document in ten of the legal and web corpora, by a hash of its id
    ko:technical, ko:ntrex            the Korean side of the parallel documents (technical manuals; NTREX news)
    en:parallel                       their English side
    en:eval                           english/en_eval (same sources as en_prose: in-distribution)
    code:<language>                   the code files held out by hash

Training lines that share an 8-word window with an evaluation document (or equal a short one) are
removed first: the parallel documents' sources (Python's manual, LibreOffice help) are also training
corpora, in both languages. Code lines are checked for 8-word windows only (``}`` and ``return x`` are
in every file).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import xxhash

from benchmarks.corpora import load
from filters.normalize import normalize_text
from tokenizer.evaluate import EvalDoc
from tokenizer.sample import sample_lines

SEED = 7
KO_GROUPS = {
    "legal": ("statutes", "industrial_safety", "heritage_laws"),
    "web": ("nsmc_reviews", "chatbot_qa"),
    "prose": ("blogs", "technical_docs", "novels"),
}
KO_EVAL_ONLY = {"ko:wikinews": "wikinews", "ko:unesco": "unesco_reports"}
#: The Korean sets the encyclopedic-prose goal is measured on (their macro average).
ENCYCLOPEDIC = ("ko:wikinews", "ko:unesco", "ko:klue")
WINDOW = 8


def held_out(doc_id: str) -> bool:
    return xxhash.xxh64_intdigest(doc_id, seed=SEED) % 10 == 0


def _jsonl(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _norm(text: str) -> str:
    return normalize_text(text)[0]


@dataclass
class Pools:
    """Training lines per pool, each in a fixed pseudo-random order (a prefix is a uniform sample)."""

    lines: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)

    def mb(self, pool: str) -> float:
        return sum(len(x.encode("utf-8")) + 1 for x in self.lines[pool]) / 1e6


class Windows:
    """8-word windows (and whole short lines) of the evaluation text, hashed: a training line that holds
    one is left out."""

    def __init__(self, docs: list[EvalDoc]) -> None:
        self.windows: set[int] = set()
        self.short: set[int] = set()
        for d in docs:
            for line in d.text.split("\n"):
                words = line.split()
                if len(words) < WINDOW:
                    if words:
                        self.short.add(xxhash.xxh64_intdigest(" ".join(words)))
                    continue
                for i in range(len(words) - WINDOW + 1):
                    self.windows.add(xxhash.xxh64_intdigest(" ".join(words[i:i + WINDOW])))

    def hits(self, line: str, short: bool = True) -> bool:
        words = line.split()
        if len(words) < WINDOW:
            return short and xxhash.xxh64_intdigest(" ".join(words)) in self.short
        return any(xxhash.xxh64_intdigest(" ".join(words[i:i + WINDOW])) in self.windows
                   for i in range(len(words) - WINDOW + 1))


def eval_docs(corpora: Path, eval_chars: int) -> list[EvalDoc]:
    out: list[EvalDoc] = []
    for label, name in KO_EVAL_ONLY.items():
        got = 0
        for _, t in load(name):
            if got >= eval_chars:
                break
            out.append(EvalDoc(label, t[:eval_chars - got]))
            got += len(out[-1].text)
    seen: set[str] = set()
    klue = corpora / "web" / "klue_dev"
    for name in ("klue-nli-v1.1_dev.json", "klue-sts-v1.1_dev.json"):
        for rec in json.loads((klue / name).read_text(encoding="utf-8")):
            for k in ("premise", "hypothesis", "sentence1", "sentence2"):
                s = _norm((rec.get(k) or "").strip())
                if s and s not in seen:
                    seen.add(s)
                    out.append(EvalDoc("ko:klue", s))
    for label, group in (("ko:statutes", "legal"), ("ko:web", "web")):
        for name in KO_GROUPS[group]:
            got = 0
            for i, t in load(name):
                if held_out(i) and got < eval_chars // len(KO_GROUPS[group]):
                    out.append(EvalDoc(label, t[:eval_chars]))
                    got += len(out[-1].text)
    for path in sorted((corpora / "parallel").glob("*.jsonl.gz")):
        label = "ntrex" if path.name.startswith("ntrex") else "technical"
        for rec in _jsonl(path):
            pair = f"{path.name}:{rec['id']}"
            out.append(EvalDoc(f"ko:{label}", _norm(rec["text"]), "ko", pair))
            out.append(EvalDoc("en:parallel", _norm(rec["text_en"]), "en", pair))
    for rec in _jsonl(corpora / "english" / "en_eval" / "en_eval.jsonl.gz"):
        out.append(EvalDoc("en:eval", _norm(rec["text"]), "en"))
    for path in sorted((corpora / "english" / "code").glob("*.jsonl.gz")):
        for rec in _jsonl(path):
            if held_out(rec["id"]):
                out.append(EvalDoc(f"code:{rec['language']}", _norm(rec["text"]), "code"))
    return out


def pools(corpora: Path, evals: list[EvalDoc], legal_mb: float, web_mb: float) -> Pools:
    win = Windows([d for d in evals if d.lang != "code"])
    out = Pools()

    def add(pool: str, docs: Iterator[tuple[str, str]], cap_mb: float = float("inf")) -> None:
        short = pool != "code"
        keyed: list[tuple[int, str]] = []
        removed = 0
        for doc_id, text in docs:
            for k, line in enumerate(sample_lines(text, doc_id, SEED, 1.0)):
                if win.hits(line, short):
                    removed += 1
                    continue
                keyed.append((xxhash.xxh64_intdigest(f"{doc_id}\x00{k}", seed=SEED), line))
        keyed.sort()
        lines, size = [], 0
        for _, line in keyed:
            size += len(line.encode("utf-8")) + 1
            if size > cap_mb * 1e6:
                break
            lines.append(line)
        out.lines[pool] = lines
        out.removed[pool] = removed

    caps = {"legal": legal_mb, "web": web_mb, "prose": float("inf")}
    for group, names in KO_GROUPS.items():
        add(f"ko:{group}", ((i, t) for n in names for i, t in load(n) if not held_out(i)), caps[group])
    add("en", ((r["id"], _norm(r["text"])) for p in sorted((corpora / "english" / "en_prose").glob("*.jsonl.gz"))
               for r in _jsonl(p)))
    add("code", ((r["id"], _norm(r["text"])) for p in sorted((corpora / "english" / "code").glob("*.jsonl.gz"))
                 for r in _jsonl(p) if not held_out(r["id"])))
    return out

