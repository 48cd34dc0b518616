"""The end-of-run table, computed from the provenance records (never from counters).

Per stage: documents and bytes in, kept (keep + modify + flag, with modified and flagged shown),
dropped per reason, quarantined per reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.invariants import connect, parquet_view


@dataclass
class StageSummary:
    stage: str
    docs_in: int = 0
    bytes_in: int = 0
    kept: int = 0
    kept_bytes: int = 0
    modified: int = 0
    flagged: int = 0
    dropped: int = 0
    quarantined: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


def summarize(run_dir: str, stages: list[str]) -> list[StageSummary]:
    con = connect()
    out: list[StageSummary] = []
    try:
        for stage in stages:
            parquet_view(con, "dec", f"{run_dir.rstrip('/')}/provenance/{stage}")
            s = StageSummary(stage)
            for decision, reason, n, b in con.execute(
                    "SELECT decision, reason, count(*), coalesce(sum(n_bytes), 0) FROM dec "
                    "GROUP BY ALL ORDER BY ALL").fetchall():
                s.docs_in += n
                s.bytes_in += b
                if decision in ("keep", "modify", "flag"):
                    s.kept += n
                    s.kept_bytes += b
                    s.modified += n if decision == "modify" else 0
                    s.flagged += n if decision == "flag" else 0
                elif decision == "drop":
                    s.dropped += n
                elif decision == "quarantine":
                    s.quarantined += n
                if reason is not None and decision in ("drop", "quarantine", "flag"):
                    s.reasons[f"{decision}: {reason}"] = n
            out.append(s)
    finally:
        con.close()
    return out


def pii_notes(run_dir: str) -> list[str]:
    """One line for the run summary: PII findings per entity type (counts only)."""
    con = connect()
    try:
        parquet_view(con, "dec", f"{run_dir.rstrip('/')}/provenance/pii")
        rows = con.execute("""
            SELECT split_part(t, ':', 1) AS entity, sum(split_part(t, ':', 2)::BIGINT) AS n
            FROM (SELECT unnest(string_split(details['pii.types'], ',')) AS t FROM dec
                  WHERE details['pii.types'] IS NOT NULL)
            GROUP BY ALL ORDER BY n DESC, entity""").fetchall()
        docs = con.execute("SELECT count(*) FROM dec WHERE details['pii.types'] IS NOT NULL").fetchone()
    finally:
        con.close()
    total = sum(n for _, n in rows)
    return [f"pii: {total:,} findings in {docs[0] if docs else 0:,} documents ("
            + ", ".join(f"{e} {n:,}" for e, n in rows) + "); `kocurate audit RUN_DIR --report pii` for details"]


def contamination_notes(run_dir: str, eval_sets: list[str]) -> list[str]:
    """One line for the run summary: per evaluation set, items seen in the data and documents hit."""
    con = connect()
    try:
        parquet_view(con, "dec", f"{run_dir.rstrip('/')}/provenance/decontam")
        rows = dict((r[0], r[1:]) for r in con.execute("""
            SELECT h.set, count(DISTINCT h.item), count(DISTINCT doc_id)
            FROM (SELECT doc_id,
                         unnest(from_json(details['decontam.hits'], '[{"set":"VARCHAR","item":"VARCHAR"}]')) AS h
                  FROM dec WHERE details['decontam.hits'] IS NOT NULL)
            GROUP BY ALL""").fetchall())
    finally:
        con.close()
    if not eval_sets:
        return []
    return ["contamination: " + ", ".join(f"{s} {rows.get(s, (0, 0))[0]:,} items seen in {rows.get(s, (0, 0))[1]:,} "
                                          "documents" for s in eval_sets)
            + "; `kocurate audit RUN_DIR --report contamination` for details"]


def _mb(b: int) -> str:
    return f"{b / 1e6:,.2f}"


def render(summaries: list[StageSummary], notes: list[str] | None = None) -> str:
    header = ("stage", "docs in", "MB in", "kept", "(modified)", "dropped", "quarantined", "MB kept")
    rows = [header]
    for s in summaries:
        rows.append((s.stage, f"{s.docs_in:,}", _mb(s.bytes_in), f"{s.kept:,}", f"{s.modified:,}",
                     f"{s.dropped:,}", f"{s.quarantined:,}", _mb(s.kept_bytes)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for j, r in enumerate(rows):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells))
        if j == 0:
            lines.append("  ".join("-" * w for w in widths))
    reason_lines = [f"  {s.stage:<12} {k:<58} {v:>8,}"
                    for s in summaries for k, v in sorted(s.reasons.items())]
    if reason_lines:
        lines += ["", "removed and flagged, per reason:", *reason_lines]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)
