"""``kocurate report RUN_DIR``: the run's data card, as HTML with inline SVG charts and as Markdown.

What an auditor sees at a glance: documents and bytes through each stage; removals per reason with a
few examples (cut to 160 characters and passed through the PII detector's redaction first, so a
card never shows a value the PII stage would remove); length and quality-score histograms per domain;
the domain and licence mix of the training tokens; the tokenizer's figures; the configuration and the
package versions. Numbers come from the audit views (``pipeline.audit``), so the card and
``kocurate audit`` never disagree. Charts are plain SVG written here (no plotting dependency), so the
HTML file is self-contained and renders offline.
"""

from __future__ import annotations

import html
import json
import math
import os
from collections.abc import Sequence
from typing import Any

from pipeline import audit
from pipeline.invariants import local_path

PALETTE = ("#3b6ea5", "#e07b39", "#5a9e6f", "#b5495b", "#8c6bb1", "#c9a227", "#4aa3a2", "#7f7f7f")
EXAMPLES_PER_REASON = 2
SNIPPET_CHARS = 160


def _q(con: Any, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in con.execute(sql).fetchall()]


def _bars(title: str, rows: Sequence[tuple[str, float]], unit: str = "", width: int = 720) -> str:
    """A horizontal bar chart as SVG."""
    if not rows:
        return f"<p><em>{html.escape(title)}: no data</em></p>"
    label_w, bar_w, h = 330, width - 330 - 90, 22
    top = max(v for _, v in rows) or 1
    parts = [f'<svg class="chart" width="{width}" height="{len(rows) * h + 30}" role="img" '
             f'aria-label="{html.escape(title)}"><text x="0" y="16" class="t">{html.escape(title)}</text>']
    for i, (label, v) in enumerate(rows):
        y = 26 + i * h
        w = max(1.0, bar_w * v / top) if v else 0
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{html.escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{h - 6}" fill="{PALETTE[0]}"/>'
                     f'<text x="{label_w + w + 4:.1f}" y="{y + 15}">{_num(v)}{unit}</text>')
    return "".join(parts) + "</svg>"


def _hist(title: str, series: dict[str, list[float]], edges: list[float], labels: list[str], width: int = 720
          ) -> str:
    """Grouped histogram (share of each series per bin) as SVG."""
    if not any(series.values()):
        return f"<p><em>{html.escape(title)}: no data</em></p>"
    names = sorted(series)
    shares = {}
    for n in names:
        counts = [0] * (len(edges) - 1)
        for v in series[n]:
            k = max(0, min(len(counts) - 1, next((i for i in range(len(counts)) if v < edges[i + 1]), len(counts) - 1)))
            counts[k] += 1
        total = sum(counts) or 1
        shares[n] = [c / total for c in counts]
    plot_h, left, bottom = 160, 40, 40
    bins = len(edges) - 1
    group_w = (width - left - 10) / bins
    bar_w = group_w / (len(names) + 1)
    top = max(max(s) for s in shares.values()) or 1
    parts = [f'<svg class="chart" width="{width}" height="{plot_h + bottom + 40 + 18 * math.ceil(len(names) / 4)}" '
             f'role="img" aria-label="{html.escape(title)}"><text x="0" y="16" class="t">{html.escape(title)}</text>']
    base = 26 + plot_h
    for b in range(bins):
        x0 = left + b * group_w
        for j, n in enumerate(names):
            hgt = plot_h * shares[n][b] / top
            parts.append(f'<rect x="{x0 + j * bar_w:.1f}" y="{base - hgt:.1f}" width="{bar_w:.1f}" height="{hgt:.1f}" '
                         f'fill="{PALETTE[j % len(PALETTE)]}"><title>{html.escape(n)} {labels[b]}: '
                         f'{shares[n][b]:.1%}</title></rect>')
        parts.append(f'<text x="{x0 + group_w / 2:.1f}" y="{base + 14}" text-anchor="middle" class="s">'
                     f'{html.escape(labels[b])}</text>')
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#444"/>')
    for j, n in enumerate(names):
        x, y = left + (j % 4) * 170, base + 34 + 18 * (j // 4)
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>'
                     f'<text x="{x + 16}" y="{y}">{html.escape(n)} ({len(series[n]):,})</text>')
    return "".join(parts) + "</svg>"


def _num(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:,.2f}"


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    def td(v: Any) -> str:
        num = isinstance(v, int | float) and not isinstance(v, bool)
        return f"<td{' class=n' if num else ''}>{html.escape(_cell(v))}</td>"

    body = "".join("<tr>" + "".join(td(v) for v in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _md_table(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    out += ["| " + " | ".join(_cell(v).replace("|", "\\|").replace("\n", " ") for v in r) + " |" for r in rows]
    return "\n".join(out)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.3f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    return str(v)


def _snippet(text: str) -> str:
    """A short example with anything the PII detector finds replaced by its placeholder."""
    from filters.pii import find, redact

    cut = " ".join(text.split())[:SNIPPET_CHARS]
    return redact(cut, find(cut)) + ("…" if len(text) > SNIPPET_CHARS else "")


def _examples(con: Any, run: dict[str, Any]) -> dict[tuple[str, str], list[str]]:
    """Up to two redacted snippets per (stage, reason) of dropped documents: their text as the stage saw it,
    from the dataset each stage's record names (its pass's dataset, or for a dedup stage the text
    dataset it read)."""
    out: dict[tuple[str, str], list[str]] = {}
    text_uri = {s["stage"]: s.get("text_uri") for s in run["stages"]}
    reasons = _q(con, "SELECT DISTINCT stage, reason FROM decisions WHERE decision = 'drop' AND reason IS NOT NULL "
                      "ORDER BY 1, 2")
    for stage, reason in reasons:
        work = local_path(text_uri.get(stage) or "")
        if not work or not os.path.isdir(work):
            continue
        path = f"{work}/**/*.parquet".replace("'", "''")
        rows = _q(con, f"""SELECT t.text FROM read_parquet('{path}', hive_partitioning = true, union_by_name = true) t
                          JOIN decisions d USING (doc_id)
                          WHERE d.stage = '{stage}' AND d.decision = 'drop' AND d.reason = '{reason.replace("'", "''")}'
                          AND t.text IS NOT NULL ORDER BY t.doc_id LIMIT {EXAMPLES_PER_REASON}""")
        out[(stage, reason)] = [x for x in (_snippet(r[0]) for r in rows) if x.strip()]
    return out


def build(run_dir: str) -> tuple[str, str]:
    """The data card as (HTML, Markdown)."""
    run = json.loads(open(os.path.join(run_dir, "run.json"), encoding="utf-8").read())
    con = audit.open_audit(run_dir)
    try:
        return _build(run_dir, run, con)
    finally:
        con.close()


def _build(run_dir: str, run: dict[str, Any], con: Any) -> tuple[str, str]:
    stages = [s["stage"] for s in run["stages"]]
    flow = _q(con, """SELECT stage, count(*) AS docs_in, sum(n_bytes) AS bytes_in,
                      count(*) FILTER (WHERE decision IN ('keep', 'modify', 'flag')) AS passed,
                      sum(n_bytes) FILTER (WHERE decision IN ('keep', 'modify', 'flag')) AS bytes_passed,
                      count(*) FILTER (WHERE decision = 'drop') AS dropped,
                      count(*) FILTER (WHERE decision = 'quarantine') AS quarantined
                      FROM decisions GROUP BY stage""")
    flow.sort(key=lambda r: stages.index(r[0]) if r[0] in stages else 99)
    removals = _q(con, """SELECT stage, decision, reason, count(*) AS documents, sum(n_bytes) AS bytes FROM decisions
                          WHERE decision IN ('drop', 'quarantine', 'modify', 'flag') AND reason IS NOT NULL
                          GROUP BY ALL""")
    removals.sort(key=lambda r: (stages.index(r[0]) if r[0] in stages else 99, r[1], r[2]))
    examples = _examples(con, run)
    docs = _q(con, "SELECT domain, n_bytes, quality_score FROM documents")
    lengths: dict[str, list[float]] = {}
    quality: dict[str, list[float]] = {}
    for dom, nb, qs in docs:
        lengths.setdefault(dom, []).append(float(nb or 0))
        if qs is not None:
            quality.setdefault(dom, []).append(float(qs))
    tok_domain = _q(con, "SELECT domain, sum(n_tokens) FROM token_lineage WHERE split = 'train' GROUP BY 1 "
                         "ORDER BY 2 DESC")
    tok_licence = _q(con, "SELECT licence, sum(n_tokens) FROM token_lineage WHERE split = 'train' GROUP BY 1 "
                          "ORDER BY 2 DESC")
    tok_source = _q(con, """SELECT q.source, q.licence, s.terms, s.origin, count(DISTINCT q.doc_id) AS documents,
                            sum(q.n_tokens) AS tokens FROM token_lineage q LEFT JOIN sources s ON s.name = q.source
                            WHERE q.split = 'train' GROUP BY ALL ORDER BY tokens DESC""")
    tokenizer = next((s["summary"] for s in run["stages"] if s["stage"] == "tokenizer"), None)
    tokens = next((s["summary"] for s in run["stages"] if s["stage"] == "tokens"), None)
    len_edges = [0, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, float("inf")]
    len_labels = ["<100", "100-300", "300-1k", "1k-3k", "3k-10k", "10k-30k", "30k-100k", "≥100k"]
    q_edges = [i / 10 for i in range(11)]
    q_labels = [f"{i / 10:.1f}" for i in range(10)]

    flow_cols = ["stage", "documents in", "MB in", "passed", "MB passed", "dropped", "quarantined"]
    flow_rows = [(s, a, (b or 0) / 1e6, c, (d or 0) / 1e6, e, f) for s, a, b, c, d, e, f in flow]
    rem_cols = ["stage", "decision", "reason", "documents", "bytes", "examples (PII redacted)"]
    rem_rows = [(s, d, r, n, b, " ⟂ ".join(examples.get((s, r), []))) for s, d, r, n, b in removals]
    src_cols = ["source", "licence", "terms", "origin", "documents", "tokens"]
    tk_rows: list[tuple[str, Any]] = []
    if tokenizer:
        tk_rows = [("model", f"SentencePiece {tokenizer['model_type']}"), ("vocabulary", tokenizer["vocab_size"]),
                   ("trained on", f"{tokenizer['sample_bytes'] / 1e6:,.2f} MB, {tokenizer['sample_lines']:,} lines"),
                   *[(f"hygiene: {k}", v) for k, v in tokenizer["hygiene"].items()],
                   ("model sha256", tokenizer["model_sha256"][:16] + "…")]
        tk_rows += _tokenizer_efficiency(con, run_dir)
    if tokens:
        tk_rows += [(f"tokens ({split})", n) for split, n in sorted(tokens["tokens"].items())]
        tk_rows.append(("shard dtype", tokens["dtype"]))
    crawl_html, crawl_md = _crawl(con, run)
    earlier_html, earlier_md = _earlier_runs(con, run)
    ablation_html, ablation_md = _ablation(run_dir)
    versions = sorted(run["packages"].items())
    config = json.dumps(run["manifest"], indent=1, ensure_ascii=False, sort_keys=True)

    title = f"Data card: {run['name']} (run {run['run_id']})"
    summary = (f"Status {run['status']}; {len(run['inputs'])} input files from {len(run['manifest']['sources'])} "
               f"sources; {run['seconds_total']:.0f} s on {html.escape(run['spark']['master'])} "
               f"(Spark {run['spark']['version']}); config {run['config_hash'][:12]}.")
    body = [
        f"<h1>{html.escape(title)}</h1><p>{summary}</p>",
        "<h2>Documents through each stage</h2>",
        _bars("documents passed on, per stage", [(r[0], float(r[3])) for r in flow]),
        _bars("MB passed on, per stage", [(r[0], (r[4] or 0) / 1e6) for r in flow], " MB"),
        _table(flow_cols, flow_rows),
        "<h2>Removals and changes, per reason</h2>",
        _bars("documents per reason", [(f"{r[0]}: {r[2]}", float(r[3])) for r in removals]),
        _table(rem_cols, rem_rows),
        *crawl_html,
        *earlier_html,
        "<h2>Curated documents per domain</h2>",
        _hist("document length (UTF-8 bytes), share per domain", lengths, len_edges, len_labels),
        _hist("quality score, share per domain", quality, q_edges, q_labels) if quality else
        "<p><em>no quality model in this run</em></p>",
        "<h2>Training tokens</h2>",
        _bars("training tokens per domain", [(str(d), float(n)) for d, n in tok_domain]),
        _bars("training tokens per licence", [(str(lic), float(n)) for lic, n in tok_licence]),
        "<h3>Attribution: sources of the training tokens</h3>",
        _table(src_cols, tok_source),
        "<h2>Tokenizer and shards</h2>",
        _table(["figure", "value"], tk_rows) if tk_rows else "<p><em>no tokenizer stage in this run</em></p>",
        *ablation_html,
        "<h2>Configuration</h2>",
        f"<details><summary>resolved manifest</summary><pre>{html.escape(config)}</pre></details>",
        "<h3>Package versions</h3>",
        _table(["package", "version"], versions),
    ]
    page = ("<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>" + "\n".join(body)
            + "</body></html>\n")
    md = "\n\n".join([
        f"# {title}", summary.replace("&amp;", "&"),
        "## Documents through each stage", _md_table(flow_cols, flow_rows),
        "## Removals and changes, per reason", _md_table(rem_cols, rem_rows),
        *crawl_md,
        *earlier_md,
        "## Curated documents per domain",
        _md_table(["domain", "documents", "median bytes", "mean quality score"],
                  [(d, len(v), int(sorted(v)[len(v) // 2]),
                    sum(quality[d]) / len(quality[d]) if quality.get(d) else None)
                   for d, v in sorted(lengths.items())]),
        "## Training tokens", _md_table(["domain", "tokens"], tok_domain),
        _md_table(["licence", "tokens"], tok_licence),
        "### Attribution: sources of the training tokens", _md_table(src_cols, tok_source),
        "## Tokenizer and shards", _md_table(["figure", "value"], tk_rows) if tk_rows else "no tokenizer stage",
        *ablation_md,
        "## Package versions", _md_table(["package", "version"], versions),
        "The charts and the resolved manifest are in datacard.html.",
    ]) + "\n"
    return page, md


def _ablation(run_dir: str) -> tuple[list[str], list[str]]:
    """The small-model ablation put in this run's card (``benchmarks/ablation.py --card``): held-out bits per
    byte per variant and genre with the seeds' spread, and the paired difference from raw; each variant
    named by the configuration hash of the run it trained on. Empty when none was."""
    path = os.path.join(run_dir, "reports", "ablation.json")
    if not os.path.isfile(path):
        return [], []
    r = json.loads(open(path, encoding="utf-8").read())
    genres = [g for g in r["eval"]] + ["all"]
    cols = ["variant", "config", "documents", "tokens trained", *[f"{g} bits/byte" for g in genres],
            "Δ all from raw", "σ"]
    rows = []
    for name, v in r["variants"].items():
        p = r["paired"].get(name, {}).get("all", {})
        rows.append((name, v["config_hash"][:12], v["documents"], r["tokens_trained"],
                     *[_spread_cell(v["bpb_mean"][g], v["bpb_sd"][g]) for g in genres],
                     "" if p.get("mean") is None else f"{p['mean']:+.4f}",
                     "" if p.get("sigmas") is None else f"{p['sigmas']:.1f}"))
    note = (f"A {r['parameters']:,}-parameter transformer trained on each variant's curated documents, "
            f"{r['tokens_trained']:,} tokens per variant and seed (seeds {', '.join(map(str, r['seeds']))}), "
            f"one tokenizer for all ({r['tokenizer']['vocab']:,} pieces, from the raw text); loss on held-out "
            "text of five genres in bits per UTF-8 byte, lower is better. Δ: variant minus raw, paired by seed; "
            "σ: |Δ| in standard deviations of the paired differences. benchmarks/ablation.py, docs/ablation.md.")
    chart = _spread("held-out bits per byte, all genres (bar: mean; dots: seeds)",
                    [(f"{n} ({v['config_hash'][:8]})", [float(x["all"]) for x in v["bpb"].values()])
                     for n, v in r["variants"].items()])
    return ([f"<h2>Ablation: does curation help a small model?</h2><p>{html.escape(note)}</p>", chart,
             _table(cols, rows)], ["## Ablation: does curation help a small model?", note, _md_table(cols, rows)])


def _spread_cell(mean: float, sd: float | None) -> str:
    return f"{mean:.4f}" + (f" ± {sd:.4f}" if sd is not None else "")


def _spread(title: str, rows: Sequence[tuple[str, list[float]]], width: int = 720) -> str:
    """Bars of each row's mean with a dot per value, on an axis that starts below the smallest value (the
    differences between variants are small beside the values)."""
    label_w, bar_w, h = 330, width - 330 - 90, 24
    values = [x for _, xs in rows for x in xs]
    lo, hi = min(values), max(values)
    lo, hi = lo - (hi - lo or 1) * 0.5, hi + (hi - lo or 1) * 0.1

    def x_of(v: float) -> float:
        return label_w + bar_w * (v - lo) / (hi - lo)

    parts = [f'<svg class="chart" width="{width}" height="{len(rows) * h + 44}" role="img" '
             f'aria-label="{html.escape(title)}"><text x="0" y="16" class="t">{html.escape(title)}</text>']
    for i, (label, xs) in enumerate(rows):
        y = 26 + i * h
        mean = sum(xs) / len(xs)
        parts.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{html.escape(label)}</text>'
                     f'<rect x="{label_w}" y="{y + 4}" width="{x_of(mean) - label_w:.1f}" height="{h - 8}" '
                     f'fill="{PALETTE[0]}" opacity="0.5"/>'
                     + "".join(f'<circle cx="{x_of(x):.1f}" cy="{y + h / 2:.1f}" r="3" fill="{PALETTE[1]}"/>'
                               for x in xs)
                     + f'<text x="{x_of(max(xs)) + 6:.1f}" y="{y + 16}">{mean:.4f}</text>')
    parts.append(f'<text x="{label_w}" y="{len(rows) * h + 40}">axis from {lo:.3f} to {hi:.3f} bits per byte</text>')
    return "".join(parts) + "</svg>"


def _earlier_runs(con: Any, run: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The earlier runs this run was deduplicated against, and the documents it dropped as their copies."""
    prior = run.get("prior_runs") or []
    if not prior:
        return [], []
    counts = {(r, st): n for r, st, n in _q(con, """SELECT details['prior_run'], stage, count(*) FROM decisions
                                                  WHERE details['prior_run'] IS NOT NULL GROUP BY ALL""")}
    cols = ["run", "name", "directory", "exact copies dropped", "near copies dropped"]
    rows = [(p["run_id"], p["name"], p["path"], counts.get((p["run_id"], "exact_dedup"), 0),
             counts.get((p["run_id"], "fuzzy_dedup"), 0)) for p in prior]
    note = ("Deduplicated against earlier runs by their dedup indexes (docs/incremental.md): a document that "
            "copies an earlier run's is dropped here; the earlier runs' outputs are unchanged.")
    return ([f"<h2>Earlier runs</h2><p>{html.escape(note)}</p>", _table(cols, rows)],
            ["## Earlier runs", note, _md_table(cols, rows)])


def _crawl(con: Any, run: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Crawl facts of a run with the templates stage, as (HTML parts, Markdown parts): per site
    (registered domain) its pages, the template lines found, what the removal took, and the URL filter's
    hits per rule. Empty without the stage."""
    stage = next((s for s in run["stages"] if s["stage"] == "templates"), None)
    if stage is None or "largest_sites" not in stage["summary"]:
        return [], []
    took = {r[0]: r[1:] for r in _q(con, """
        SELECT details['template.site'] AS site, count(*) FILTER (WHERE reason = 'template_lines_v1.removed'),
               sum(TRY_CAST(details['template.lines'] AS BIGINT)), sum(n_bytes * COALESCE(score, 0)),
               count(*) FILTER (WHERE reason = 'template_lines_v1.spam_site'),
               count(*) FILTER (WHERE reason = 'template_lines_v1.only_template')
        FROM decisions WHERE stage = 'templates' AND details['template.site'] IS NOT NULL GROUP BY 1""")}
    cols = ["site (registered domain)", "pages", "template lines", "pages changed", "lines removed",
            "MB removed (approx.)", "dropped: spam site", "dropped: only template", "dropped by URL/spam blocks"]
    rows = []
    for site in stage["summary"]["largest_sites"]:
        changed, lines, removed, spam, only = took.get(site["site"], (0, 0, 0.0, 0, 0))
        rows.append((site["site"], site["pages"], site["template_lines"], changed, lines or 0, (removed or 0) / 1e6,
                     spam, only, site["dropped_by_filters"]))
    url_hits = _q(con, "SELECT stage, reason, count(*) FROM decisions WHERE reason LIKE 'url_filter_v1.%' "
                       "GROUP BY ALL ORDER BY 3 DESC, 2")
    hit_cols = ["stage", "URL filter rule", "pages"]
    summary = stage["summary"]
    head = (f"{summary['pages']:,} pages of {summary['sites']:,} sites (registered domains) of "
            f"{', '.join(summary['sources'])}; {summary['template_lines']:,} template lines "
            f"({summary['table_bytes']:,} bytes broadcast); spam sites: {len(summary['spam_sites'])}. "
            f"The {len(rows)} sites with the most pages:")
    title = "Crawl: sites, templates and URL filter"
    return ([f"<h2>{title}</h2>", f"<p>{html.escape(head)}</p>", _table(cols, rows), "<h3>URL filter hits</h3>",
             _table(hit_cols, url_hits) if url_hits else "<p><em>no URL filter hits</em></p>"],
            [f"## {title}", head, _md_table(cols, rows), "### URL filter hits",
             _md_table(hit_cols, url_hits) if url_hits else "no URL filter hits"])


def _tokenizer_efficiency(con: Any, run_dir: str, max_chars: int = 2_000_000) -> list[tuple[str, Any]]:
    """Tokens per eojeol and round trip of the run's tokenizer on (up to 2 M characters of) its curated text."""
    from tokenizer.encoders import SentencePieceEncoder
    from tokenizer.evaluate import EvalDoc, measure

    model = os.path.join(run_dir, "models", "tokenizer", "spm.model")
    if not os.path.isfile(model):
        return []
    docs_dir = os.path.join(run_dir, "docs")
    rows = _q(con, f"SELECT domain, text FROM read_parquet('{docs_dir}/**/*.parquet', hive_partitioning = true) "
                   "ORDER BY doc_id")
    docs, used = [], 0
    for dom, text in rows:
        if used > max_chars:
            break
        docs.append(EvalDoc(dom, text))
        used += len(text)
    m = measure(SentencePieceEncoder(model), docs, [None] * len(docs))[-1].row()
    return [("tokens per eojeol (curated text)", round(float(m["tokens_per_eojeol"]), 3)),
            ("characters per token", round(float(m["chars_per_token"]), 3)),
            ("round trip", f"{float(m['round_trip_rate']):.2%}"),
            ("byte-fallback tokens", f"{float(m['byte_fallback_rate']):.3%}")]


def write(run_dir: str, out_dir: str | None = None) -> list[str]:
    out = out_dir or os.path.join(run_dir, "reports")
    os.makedirs(out, exist_ok=True)
    page, md = build(run_dir)
    paths = [os.path.join(out, "datacard.html"), os.path.join(out, "datacard.md")]
    for path, text in zip(paths, (page, md), strict=True):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    return paths


_CSS = """
body { font-family: "Noto Sans CJK KR", "Nanum Gothic", sans-serif; margin: 24px; color: #222; max-width: 1100px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0; }
td, th { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; max-width: 480px; }
td.n { text-align: right; }
svg.chart { display: block; margin: 8px 0; font-size: 12px; } svg .t { font-weight: bold; font-size: 13px; }
svg .s { font-size: 10px; } pre { font-size: 11px; background: #f6f6f6; padding: 8px; }
"""
