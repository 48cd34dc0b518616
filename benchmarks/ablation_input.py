"""The ablation's noisy input: real Korean text of ``../shared/corpora`` mixed with the generated web crawl,
the held-out text removed from both before anything runs.

Curation can only earn its cost on input that needs it. The corpora are clean, edited text; a web crawl is
not: ``benchmarks/web_crawl.py`` builds one around real article text (site templates on every page, spam
hosts, syndicated copies of one article on several sites, EUC-KR pages), the mix the web issue measured.
Written here as the pipeline reads it: one JSONL source per corpus with its declared domain, the crawl as WET
files, a source manifest and a run manifest of every curation stage (templates on the crawl, PII, quality,
fuzzy dedup, decontamination against the KLUE and KorNLI dev sets, domains). ``web_mb = 0`` gives the
real-only input.

A document (or a crawl page's article) that shares text with the held-out set (``ablation.Overlap``) never
enters the input: the held-out text is removed up front, before deduplication could pick it as a survivor.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpora import CORPUS_FILES, domain_of, load

#: Higher wins among exact and near duplicates across sources: edited text over the crawl.
PRIORITY = {"statutes": 10, "industrial_safety": 10, "heritage_laws": 10, "technical_docs": 5, "novels": 5,
            "unesco_reports": 5, "wikinews": 5}
#: Sources whose documents are the quality model's high-quality examples.
HIGH_QUALITY = ("statutes", "heritage_laws", "technical_docs", "novels", "wikinews", "unesco_reports")
SHARD_BYTES = 16_000_000


def _sample(docs: list[tuple[str, str]], share: float) -> list[tuple[str, str]]:
    """Documents in the order of a hash of their ids until ``share`` of the corpus's bytes (all of them
    when the share is 1 or more), then back in file order: by bytes, not by count, so a corpus of a few
    long documents (statutes, novels) gives its share too."""
    if share >= 1 or not docs:
        return docs
    quota = share * sum(len(t.encode("utf-8")) for _, t in docs)
    picked, size = [], 0
    for k in sorted(range(len(docs)), key=lambda k: hashlib.sha256(docs[k][0].encode()).digest()):
        if size >= quota:
            break
        picked.append(k)
        size += len(docs[k][1].encode("utf-8"))
    return [docs[k] for k in sorted(picked)]


def build(out: Path, real_mb: float, web_mb: float, held_out: Callable[[str], bool], seed: int,
          eval_sets: str) -> dict[str, Any]:
    """Write the input under ``out``; returns what it holds (documents and MB per source, documents and pages
    removed for sharing text with the held-out set) and the run manifest's path under ``manifest``."""
    from benchmarks.templates import bodies
    from benchmarks.web_crawl import generate, write_wet_shards

    out.mkdir(parents=True, exist_ok=True)
    corpora = {name: [(i, t) for i, t in load(name) if t.strip()] for name in CORPUS_FILES}
    total = sum(len(t.encode("utf-8")) for docs in corpora.values() for _, t in docs)
    facts: dict[str, Any] = {"sources": {}, "removed_for_eval": {}}
    sources: list[str] = []
    for name, docs in corpora.items():
        drawn = _sample(docs, real_mb * 1e6 / max(total, 1))
        kept = [(i, t) for i, t in drawn if not held_out(t)]
        facts["removed_for_eval"][name] = len(drawn) - len(kept)
        if not kept:
            continue
        path = out / "real" / f"{name}.jsonl.gz"
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
            for doc_id, text in kept:
                fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        facts["sources"][name] = {"documents": len(kept), "mb": sum(len(t.encode()) for _, t in kept) / 1e6}
        sources.append(f'[[source]]\nname = "{name}"\ndomain = "{domain_of(name)}"\npaths = ["real/{name}.jsonl.gz"]\n'
                       'format = "jsonl"\nfields = { text = "text", id = "id" }\n'
                       'licence = "see ../shared/corpora/README.md"\norigin = "../shared/corpora"\n'
                       f"priority = {PRIORITY.get(name, 1)}\n")
    if web_mb > 0:
        articles = bodies()
        texts = [b for b in articles if not held_out(b[2])]
        facts["removed_for_eval"]["crawl_articles"] = len(articles) - len(texts)
        pages: list[Any] = []
        size, k = 0, 0
        while size < web_mb * 1e6:  # crawls of further seeds until the size, the last one's pages cut there
            for page in generate(texts, seed=seed + 1000 * k).pages:
                if size >= web_mb * 1e6:
                    break
                pages.append(page)
                size += len(page.text.encode())
            k += 1
        (out / "crawl").mkdir(exist_ok=True)
        write_wet_shards(pages, out / "crawl", SHARD_BYTES)
        facts["sources"]["web_crawl"] = {"documents": len(pages), "mb": size / 1e6}
        sources.append('[[source]]\nname = "web_crawl"\ndomain = "web"\npaths = ["crawl/*.wet.gz"]\nformat = "warc"\n'
                       'licence = "CC-BY-4.0"\norigin = "benchmarks.web_crawl around ../shared/corpora articles"\n'
                       "priority = 1\n")
    (out / "sources.toml").write_text("\n".join(sources), encoding="utf-8")
    high = [s for s in HIGH_QUALITY if s in facts["sources"]]
    order = ["ingest", "normalize", "exact_dedup", *(["templates"] if web_mb > 0 else []), "quality",
             "fuzzy_dedup", "pii", *(["decontam"] if eval_sets else []), "domains", "export"]
    manifest = out / "run.toml"
    manifest.write_text("\n".join([
        f'name = "ablation-{"web" if web_mb > 0 else "real"}"', 'sources_manifest = "sources.toml"',
        'sources = ["*"]', f"seed = {seed}", "", "[stages]", f"order = {json.dumps(order)}", "",
        "[stages.ingest]", "max_error_rate = 0.05", "",
        *(["[stages.templates]", 'sources = ["web_crawl"]', ""] if web_mb > 0 else []),
        "[stages.quality]", 'languages = ["ko"]', 'quality_model = "train"', f"high_sources = {json.dumps(high)}",
        "low_from_filters = true", "",
        "[stages.domains]", *(['weak_label_exclude = ["web_crawl"]'] if web_mb > 0 else []), "",
        eval_sets, "[spark]", 'master = "local[2]"', "shuffle_partitions = 8", 'driver_memory = "4g"', ""]),
        encoding="utf-8")
    facts["manifest"] = str(manifest)
    return facts
