"""Template removal on a generated Korean crawl (``benchmarks/web_crawl.py``) around real article text.

    python -m benchmarks.templates [--pages-scale 1.0] [--format wet|warc|both] [--work DIR]
                                   [--min-pages N --min-page-share F --min-site-pages N]

Article bodies are drawn from ``../shared/corpora`` (news, blogs, reports, technical documents, in a
seeded order; each body on one page and its syndicated copies). The crawl (32 sites, 14 spam hosts by
default) is written as WET and/or WARC and run through ``ingest, normalize, exact_dedup, templates,
quality, export`` with the URL filter first in the quality chain, then once more without the templates
stage (the lexicon alone, today's behaviour). Lines of the curated pages are matched against the
generator's truth and the table gives: template lines left in curated pages, article lines kept, spam
pages removed (and by which block), article pages kept, and the templates stage's throughput.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

from benchmarks._common import CORPORA, require_corpora, run_pipeline, table
from benchmarks.web_crawl import ARTICLE, SPAM, TEMPLATE, Crawl, generate, write_warc, write_wet
from filters.normalize import normalize_text
from filters.templates import line_norm

#: Titled documents of ../shared/corpora as page bodies: (glob, group of web_crawl.generate).
BODY_FILES = (("news/ko_wikinews_boddari.jsonl.gz", "news"), ("reports/unesco_ko_reports_boddari.jsonl.gz", "reports"),
              ("blog/*.jsonl.gz", "blog"), ("technical/*.jsonl.gz", "technical"))


def bodies() -> list[tuple[str, str | None, str, str]]:
    """(id, title, normalized text, group) of every titled document of the body corpora, in file order."""
    out: list[tuple[str, str | None, str, str]] = []
    for pattern, group in BODY_FILES:
        for path in sorted(CORPORA.glob(pattern)):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    if rec.get("text"):
                        out.append((rec["id"], rec.get("title"), normalize_text(rec["text"])[0], group))
    return out


def write_run(work: Path, data: Path, fmt: str, templates: dict[str, Any] | None, quality: bool = True) -> Path:
    src = work / f"sources-{fmt}.toml"
    src.write_text(f'[[source]]\nname = "crawl"\ndomain = "web"\npaths = ["{data}"]\nformat = "warc"\n'
                   f'licence = "CC-BY-4.0"\norigin = "benchmarks.web_crawl"\n', encoding="utf-8")
    order = ["ingest", "normalize", "exact_dedup", *(["templates"] if templates is not None else []),
             *(["quality"] if quality else []), "export"]
    lines = [f'name = "crawl-{fmt}"', f'sources_manifest = "{src.name}"', 'sources = ["*"]', "seed = 7", "",
             "[stages]", f"order = {json.dumps(order)}", "", "[stages.ingest]", "max_error_rate = 0.5", ""]
    if templates is not None:
        lines += ["[stages.templates]", 'sources = ["crawl"]'] + [f"{k} = {v}" for k, v in templates.items()] + [""]
    if quality:
        lines += ["[stages.quality]", 'languages = ["ko"]',
                  'chain = ["url_filter_v1", "boilerplate_v1", "length_v1", "mojibake_v1", "language_v1", '
                  '"jamo_emoticon_v1", "symbol_ratio_v1", "digit_ratio_v1", "spam_ko_v1", "toxic_ko_v1", '
                  '"gopher_quality_ko_v1", "gopher_repetition_ko_v1", "c4_ko_v1", "fineweb_ko_v1"]', ""]
    lines += ["[spark]", 'master = "local[2]"']
    label = ("templates" if templates is not None else "lexicon") + ("" if quality else "-alone")
    path = work / f"run-{fmt}-{label}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path




def _key(line: str) -> str:
    return line_norm(normalize_text(line)[0])


def score(crawl: Crawl, run_dir: Path) -> dict[str, Any]:
    """The four figures of the issue, from the curated pages of a run and the crawl's truth."""
    con = duckdb.connect()
    curated = dict(con.sql(f"SELECT url, text FROM read_parquet('{run_dir}/docs/**/*.parquet')").fetchall())
    # The ingest pass's dataset holds every document's url; provenance holds the decisions.
    drops = dict(con.sql(f"SELECT d.url, p.reason FROM read_parquet('{run_dir}/provenance/**/*.parquet') p "
                         f"JOIN read_parquet('{run_dir}/work/ingest-normalize/**/*.parquet') d USING (doc_id) "
                         f"WHERE p.decision = 'drop'").fetchall())
    c: Counter[str] = Counter()
    spam_by: Counter[str] = Counter()
    spam_kind: Counter[str] = Counter()
    for page in crawl.pages:
        kept = curated.get(page.url)
        if page.kind == SPAM:
            c["spam_pages"] += 1
            host = page.spam.split(":")[-1]
            spam_kind[f"{host}_pages"] += 1
            if kept is None:
                spam_kind[f"{host}_removed"] += 1
                c["spam_removed"] += 1
                spam_by[(drops.get(page.url) or "?").split(".")[0]] += 1
            continue
        c["article_pages"] += 1
        n_article = sum(1 for _, label in page.lines if label == ARTICLE)
        c["article_lines"] += n_article
        if kept is None:
            continue
        c["article_pages_kept"] += 1
        left = Counter(_key(line) for line in kept.split("\n") if _key(line))
        for line, label in page.lines:
            k = _key(line)
            if label == TEMPLATE:
                c["template_lines_in_kept"] += 1
                if left[k] > 0:
                    c["template_left"] += 1
                    left[k] -= 1
        for line, label in page.lines:
            if label == ARTICLE and left[_key(line)] > 0:
                c["article_lines_kept"] += 1
                left[_key(line)] -= 1
    return {"template_left": c["template_left"] / max(c["template_lines_in_kept"], 1),
            "article_lines_kept": c["article_lines_kept"] / max(c["article_lines"], 1),
            "spam_removed": c["spam_removed"] / max(c["spam_pages"], 1),
            "article_pages_kept": c["article_pages_kept"] / max(c["article_pages"], 1),
            "spam_telling": spam_kind["telling_removed"] / max(spam_kind["telling_pages"], 1),
            "spam_plain": spam_kind["plain_removed"] / max(spam_kind["plain_pages"], 1),
            "spam_by": dict(spam_by), "counts": dict(c)}


def stage_seconds(run_dir: Path, stage: str) -> tuple[float, float]:
    rec = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    st = next((s for s in rec["stages"] if s["stage"] == stage), None)
    if st is None:
        return 0.0, 0.0
    return float(st["summary"].get("phase_seconds", {}).get("prepare", 0.0)), float(st.get("seconds", 0.0))


#: Real corpora for the check that the rule takes nothing from sources it is not enabled for, and what it
#: takes from real sources with URLs that have no templates: (name, glob, url field, enabled).
REAL = (("wikinews", "news/ko_wikinews_boddari.jsonl.gz", "url", True),
        ("blogs", "blog/*_boddari.jsonl.gz", "url", True),
        ("statutes", "legal/statutes.jsonl.gz", "source", False),
        ("industrial_safety", "manufacturing/industrial_safety_laws.jsonl.gz", "source", False),
        ("technical_docs", "technical/*.jsonl.gz", "url", False))


def real_check(work: Path) -> None:
    """The templates stage on real corpora: lines in and out per source (enabled or not), and the lines
    it removed from the enabled ones (real article text without templates: every removal is a loss)."""
    srcs = []
    for name, pattern, url_field, _ in REAL:
        out = work / f"{name}.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            for path in sorted(CORPORA.glob(pattern)):
                with gzip.open(path, "rt", encoding="utf-8") as g:
                    for line in g:
                        rec = json.loads(line)
                        url = rec.get(url_field) if str(rec.get(url_field, "")).startswith("http") else None
                        fh.write(json.dumps({"text": rec.get("text") or "", "url": url}, ensure_ascii=False) + "\n")
        srcs.append(f'[[source]]\nname = "{name}"\ndomain = "web"\npaths = ["{out}"]\nformat = "jsonl"\n'
                    f'licence = "see ../shared/corpora/README.md"\norigin = "shared corpora"\n'
                    f'fields = {{ text = "text", url = "url" }}\n')
    (work / "real-sources.toml").write_text("\n".join(srcs), encoding="utf-8")
    # As shipped (the rule on the web sources), then on every source: what the opt-in prevents.
    for label, enabled in (("as configured", [name for name, *_, on in REAL if on]),
                           ("enabled on every source", [name for name, *_ in REAL])):
        manifest = work / "real-run.toml"
        manifest.write_text('name = "real"\nsources_manifest = "real-sources.toml"\nsources = ["*"]\nseed = 7\n\n'
                            '[stages]\norder = ["ingest", "normalize", "exact_dedup", "templates", "export"]\n\n'
                            '[stages.ingest]\nmax_doc_bytes = 20_000_000\n\n'
                            f'[stages.templates]\nsources = {json.dumps(enabled)}\n'
                            '\n[spark]\nmaster = "local[2]"\n', encoding="utf-8")
        out = work / f"real-{len(enabled)}"
        run_pipeline(manifest, out)
        print(f"\n{label}:")
        _real_table(out, set(enabled))


def _real_table(out: Path, enabled: set[str]) -> None:
    con = duckdb.connect()
    before = dict(con.sql(f"SELECT doc_id, text FROM read_parquet('{out}/work/ingest-normalize/**/*.parquet')"
                          ).fetchall())
    after = con.sql(f"SELECT doc_id, source, text, _decision FROM read_parquet('{out}/work/templates/**/*.parquet')"
                    ).fetchall()
    c: Counter[tuple[str, str]] = Counter()
    removed: Counter[str] = Counter()
    for doc_id, source, text, decision in after:
        lines_in = [x for x in before[doc_id].split("\n") if x.strip()]
        lines_out = Counter(x for x in (text or "").split("\n") if x.strip()) if decision != "drop" else Counter()
        c[source, "in"] += len(lines_in)
        for x in lines_in:
            if lines_out[x] > 0:
                lines_out[x] -= 1
                c[source, "out"] += 1
            else:
                removed[f"{source}: {x[:60]}"] += 1
    rows = [["source", "rule enabled", "lines in", "lines kept", "share kept"]]
    for name, *_ in REAL:
        rows.append([name, "yes" if name in enabled else "no", f"{c[name, 'in']:,}", f"{c[name, 'out']:,}",
                     f"{c[name, 'out'] / max(c[name, 'in'], 1):.4f}"])
    print(table(rows))
    print("lines removed most often (real text without templates: each is a loss):")
    for line, n in removed.most_common(12):
        print(f"  {n:5d}  {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sites", type=int, default=32)
    ap.add_argument("--spam", type=int, default=14)
    ap.add_argument("--pages", type=str, default="10,80", help="pages per site, min,max")
    ap.add_argument("--format", choices=("wet", "warc", "both"), default="both")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--copies", type=int, default=1, help="crawls of further seeds appended (their own sites; the "
                    "bodies are reused): 16 make about 100 MB, for throughput")
    ap.add_argument("--runs", default="templates,templates+quality,lexicon",
                    help="which runs: templates, templates+quality, lexicon")
    ap.add_argument("--min-pages", type=int, default=None)
    ap.add_argument("--min-page-share", type=float, default=None)
    ap.add_argument("--min-site-pages", type=int, default=None)
    ap.add_argument("--real", action="store_true", help="the stage on real corpora instead (see real_check)")
    a = ap.parse_args()
    require_corpora()
    if a.real:
        work = a.work or Path(tempfile.mkdtemp(prefix="kocurate-templates-real-"))
        work.mkdir(parents=True, exist_ok=True)
        real_check(work)
        return
    lo, hi = (int(x) for x in a.pages.split(","))
    crawl = generate(bodies(), seed=a.seed, n_sites=a.sites, n_spam=a.spam, pages=(lo, hi))
    for k in range(1, a.copies):
        crawl.pages += generate(bodies(), seed=a.seed + 1000 * k, n_sites=a.sites, n_spam=a.spam, pages=(lo, hi)).pages
    work = a.work or Path(tempfile.mkdtemp(prefix="kocurate-templates-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = {k: v for k, v in (("min_pages", a.min_pages), ("min_page_share", a.min_page_share),
                                  ("min_site_pages", a.min_site_pages)) if v is not None}
    mb = sum(len(p.text.encode()) for p in crawl.pages) / 1e6
    n_spam = sum(p.kind == SPAM for p in crawl.pages)
    print(f"crawl: {len(crawl.pages)} pages ({n_spam} spam) on {a.sites} sites and {a.spam} spam hosts, "
          f"{mb:.1f} MB of page text; settings {settings or 'defaults'}; work {work}", flush=True)
    (work / "truth.json").write_text(json.dumps(crawl.truth(), ensure_ascii=False), encoding="utf-8")
    rows = [["input", "stages", "template lines left", "article lines kept", "spam pages removed (telling / plain "
             "hosts)", "article pages kept", "removed by", "templates pass s (count)", "MB/s/core"]]
    runs = [r for r, key in ((("templates", settings, False), "templates"),
                             (("templates, quality", settings, True), "templates+quality"),
                             (("quality (lexicon only)", None, True), "lexicon")) if key in a.runs.split(",")]
    for fmt in (("wet", "warc") if a.format == "both" else (a.format,)):
        data = work / f"crawl.{fmt}.gz"
        (write_wet if fmt == "wet" else write_warc)(crawl, data)
        for label, templates, quality in runs:
            manifest = write_run(work, data, fmt, templates, quality)
            out = work / manifest.stem
            run_pipeline(manifest, out)
            s = score(crawl, out)
            prep, total = stage_seconds(out, "templates")
            rows.append([fmt, label, f"{s['template_left']:.3f}", f"{s['article_lines_kept']:.3f}",
                         f"{s['spam_removed']:.3f} ({s['spam_telling']:.3f} / {s['spam_plain']:.3f})",
                         f"{s['article_pages_kept']:.3f}",
                         ", ".join(f"{k} {v}" for k, v in sorted(s["spam_by"].items(), key=lambda kv: -kv[1])),
                         f"{total:.1f} ({prep:.1f})" if total else "-",
                         f"{mb / total / 2:.2f}" if total and not quality else "-"])
            print(json.dumps({"format": fmt, "run": label, **s}, ensure_ascii=False), flush=True)
    print(table(rows))
    print("goals: template lines left <= 0.05, article lines kept >= 0.97, spam pages removed >= 0.98, "
          "article pages kept >= 0.95")


if __name__ == "__main__":
    main()
