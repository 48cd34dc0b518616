"""Documents of ../shared/corpora by corpus name, normalized as the pipeline normalizes them.

Shared by the calibration script and the benchmarks. Every corpus is read in file order and, where a
limit is given, sampled deterministically (every k-th document), so two runs see the same text.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path

from benchmarks._common import CORPORA
from filters.normalize import normalize_text

#: name -> (glob under the corpora folder, reader, domain)
CORPUS_FILES: dict[str, tuple[str, str, str]] = {
    "nsmc_reviews": ("web/nsmc_reviews.tsv.gz", "nsmc", "web"),
    "chatbot_qa": ("web/chatbot_qa.csv", "chatbot", "web"),
    "blogs": ("blog/*.jsonl.gz", "jsonl", "web"),
    "wikinews": ("news/ko_wikinews_boddari.jsonl.gz", "jsonl", "web"),
    "unesco_reports": ("reports/unesco_ko_reports_boddari.jsonl.gz", "jsonl", "cultural"),
    "technical_docs": ("technical/*.jsonl.gz", "jsonl", "manufacturing"),
    "statutes": ("legal/statutes.jsonl.gz", "jsonl", "legal"),
    "industrial_safety": ("manufacturing/industrial_safety_laws.jsonl.gz", "jsonl", "manufacturing"),
    "heritage_laws": ("cultural/heritage_culture_laws.jsonl", "jsonl", "cultural"),
    "novels": ("cultural/koconovel_novels.jsonl", "jsonl", "cultural"),
}
#: Korean web text (the quality benchmark's input).
WEB = ("nsmc_reviews", "chatbot_qa", "blogs", "wikinews")


def _open(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")
    return raw  # type: ignore[return-value]


def _raw(name: str) -> Iterator[tuple[str, str]]:
    pattern, reader, _ = CORPUS_FILES[name]
    for path in sorted(CORPORA.glob(pattern)):
        with _open(path) as fh:
            if reader == "nsmc":
                rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                next(rows, None)
                for row in rows:
                    if len(row) >= 5:
                        yield f"{name}:{row[0]}", row[4]
            elif reader == "chatbot":
                for i, row in enumerate(csv.DictReader(fh)):
                    yield f"{name}:{i}", f"{row['Q']}\n{row['A']}"
            else:
                for i, line in enumerate(fh):
                    rec = json.loads(line)
                    yield f"{name}:{path.name}:{rec.get('id', rec.get('path', i))}", rec.get("text") or ""


def load(name: str, limit: int | None = None) -> list[tuple[str, str]]:
    """(doc id, normalized text) of a corpus; with ``limit``, an evenly spaced deterministic sample."""
    docs = list(_raw(name))
    if limit is not None and len(docs) > limit:
        if limit <= 0:
            return []
        step = len(docs) / limit
        docs = [docs[int(i * step)] for i in range(limit)]
    return [(i, normalize_text(t)[0]) for i, t in docs]


def domain_of(name: str) -> str:
    return CORPUS_FILES[name][2]
