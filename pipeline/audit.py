"""``kocurate audit RUN_DIR``: DuckDB views over a run's Parquet, canned reports, ad-hoc SQL and a
self-contained export.

Views (documented in docs/provenance.md):
- ``sources``: the run's sources from run.json (name, domain, format, licence, origin, priority);
- ``documents``: the curated documents in ``docs/`` without their text;
- ``decisions``: every provenance record of every stage;
- ``duplicates``: every removed duplicate with its survivor, the run that holds it (null: this run; an
  earlier run's id where the document duplicated a document of a ``prior_runs`` run) and its source;
- ``prior_runs``, ``prior_documents``: the earlier runs this run was deduplicated against, and the
  documents of their dedup indexes (run id, doc id, source);
- ``shards``: one row per curated shard file of ``docs/`` (domain, documents, bytes, sources);
- ``quarantine``: quarantined records without their raw bytes (raw input may hold personal data);
- ``token_lineage``: one row per sequence of the token shards (the sidecars of ``tokens/``): split, shard,
  doc id, copy, token offset and length, source, domain, licence, run id;
- ``pii_findings``: one row per PII finding of the PII stage: document, source, decision, field, entity
  type, character offsets, score, action, the recognizer that found it (name, rule and version; null
  for runs before ``pii_v2``) and the keyed hash of the value (never the value).

Raw text and raw bytes are deliberately not in any view or export: an auditor gets what happened
and why, not the data itself.
"""

from __future__ import annotations

import json
import os
from typing import Any

import duckdb
import pyarrow as pa

from filters.verdict import PASSING
from pipeline.errors import KocurateError
from pipeline.invariants import connect, local_path, parquet_view


def stage_dataset(run_dir: str, stage: str) -> str:
    """The local path of the dataset that holds a stage's rows (its pass's dataset under ``work/``:
    ``work/ingest-normalize`` holds every ingested record), from run.json. The text is there, so it is
    for the operator, not an auditor's view."""
    with open(os.path.join(run_dir, "run.json"), encoding="utf-8") as fh:
        stages = json.load(fh)["stages"]
    uri = next((s["output_uri"] for s in stages if s["stage"] == stage), None)
    if uri is None:
        raise KocurateError(f"{run_dir}: the run has no {stage} stage")
    return local_path(uri) or uri


def stage_passed(run_dir: str, stage: str) -> str:
    """A DuckDB ``FROM`` clause over the documents a stage passed on (kept, modified or flagged), read
    from its pass's dataset, where a stage in a fused pass has its own decision column. The rows carry
    the text, except for the dedup stages' (ids and decisions only)."""
    with open(os.path.join(run_dir, "run.json"), encoding="utf-8") as fh:
        rec = next((s for s in json.load(fh)["stages"] if s["stage"] == stage), None)
    if rec is None or not rec.get("decision_column"):
        raise KocurateError(f"{run_dir}: the run has no {stage} stage with documents in its pass dataset")
    data = (local_path(rec["output_uri"]) or rec["output_uri"]).replace("'", "''")
    passing = ", ".join(f"'{v}'" for v in PASSING)
    return (f"(SELECT * FROM read_parquet('{data}/**/*.parquet', hive_partitioning=false) "
            f'WHERE "{rec["decision_column"]}" IN ({passing}))')


_FINDING_JSON = ('[{"field":"VARCHAR","entity":"VARCHAR","start":"INTEGER","end":"INTEGER","score":"DOUBLE",'
                 '"action":"VARCHAR","hash":"VARCHAR","recognizer":"VARCHAR"}]')

REPORTS: dict[str, tuple[str, str]] = {
    "waterfall": ("documents and bytes through each stage, per decision and reason", """
        SELECT d.stage, d.decision, coalesce(d.reason, '') AS reason, count(*) AS documents,
               sum(d.n_bytes) AS bytes
        FROM decisions d JOIN stages s USING (stage)
        GROUP BY ALL ORDER BY any_value(s.position), d.decision, reason"""),
    "sources": ("curated documents and bytes per source and licence", """
        SELECT s.name AS source, s.domain AS declared_domain, s.licence, count(d.doc_id) AS documents,
               coalesce(sum(d.n_bytes), 0) AS bytes
        FROM sources s LEFT JOIN documents d ON d.source = s.name
        GROUP BY ALL ORDER BY bytes DESC, source"""),
    "duplicates": ("duplicate clusters: survivor, its source, the removed copies, and the earlier run that "
                   "holds the survivor (a run made against prior_runs)", """
        SELECT stage, survivor, survivor_source, count(*) + 1 AS copies,
               string_agg(doc_id || ' (' || source || ')', ', ' ORDER BY doc_id) AS removed, survivor_run
        FROM duplicates GROUP BY ALL ORDER BY copies DESC, survivor"""),
    "licences": ("curated documents and bytes per licence, its terms, documents refused by the licence "
                 "policy, and the attribution list (source and origin)", """
        WITH cur AS (SELECT source, count(*) AS n, sum(n_bytes) AS b FROM documents GROUP BY source),
             refused AS (SELECT source, count(*) AS n FROM decisions
                         WHERE stage = 'ingest' AND reason LIKE 'ingest_v1.licence_%' GROUP BY source)
        SELECT s.licence, s.terms, sum(coalesce(cur.n, 0)) AS documents, sum(coalesce(cur.b, 0)) AS bytes,
               sum(coalesce(refused.n, 0)) AS refused,
               string_agg(s.name || ' (' || s.origin || ')', '; ' ORDER BY s.name) AS attribution
        FROM sources s LEFT JOIN cur ON cur.source = s.name LEFT JOIN refused ON refused.source = s.name
        GROUP BY s.licence, s.terms ORDER BY bytes DESC, s.licence"""),
    "domains": ("curated documents and bytes per predicted and declared domain, with flagged disagreements", """
        SELECT d.domain, d.declared_domain, count(*) AS documents, sum(d.n_bytes) AS bytes,
               count(f.doc_id) AS flagged, round(avg(d.domain_score), 3) AS mean_score
        FROM documents d
        LEFT JOIN (SELECT doc_id FROM decisions WHERE stage = 'domains' AND decision = 'flag') f USING (doc_id)
        GROUP BY ALL ORDER BY bytes DESC, d.domain, d.declared_domain"""),
    "contamination": ("evaluation-set items found in the data, per set: items seen, documents hit, decisions", """
        SELECT h.set AS eval_set, count(DISTINCT h.item) AS items_seen, count(DISTINCT doc_id) AS documents,
               count(DISTINCT doc_id) FILTER (WHERE decision = 'drop') AS dropped,
               count(DISTINCT doc_id) FILTER (WHERE decision = 'modify') AS cut,
               round(max(h.coverage), 3) AS max_coverage
        FROM (SELECT doc_id, decision, unnest(from_json(details['decontam.hits'],
                     '[{"set":"VARCHAR","item":"VARCHAR","coverage":"DOUBLE"}]')) AS h
              FROM decisions WHERE stage = 'decontam' AND details['decontam.hits'] IS NOT NULL)
        GROUP BY ALL ORDER BY eval_set"""),
    "pii": ("PII removed per source, field and entity type (counts, never values)", """
        SELECT source, field, entity, action, count(*) AS findings, count(DISTINCT doc_id) AS documents,
               count(DISTINCT hash) AS distinct_values,
               count(*) FILTER (WHERE decision = 'drop') AS in_dropped_documents
        FROM pii_findings GROUP BY ALL ORDER BY source, field, findings DESC, entity"""),
    "tokens": ("training tokens per split, source and licence (from the token shards' sidecars)", """
        SELECT q.split, q.source, q.licence, s.terms, count(DISTINCT q.doc_id) AS documents,
               count(*) AS sequences, sum(q.n_tokens) AS tokens
        FROM token_lineage q LEFT JOIN sources s ON s.name = q.source
        GROUP BY ALL ORDER BY q.split, tokens DESC, q.source"""),
    "quarantine": ("quarantined records per source and reason", """
        SELECT source, reason, count(*) AS records, sum(raw_size) AS raw_bytes, min(locator) AS first_locator
        FROM quarantine GROUP BY ALL ORDER BY source, reason"""),
}


def _load_run(run_dir: str) -> dict[str, Any]:
    path = os.path.join(run_dir, "run.json")
    if not os.path.isfile(path):
        raise KocurateError(f"{run_dir}: not a run directory (no run.json)")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


def open_audit(run_dir: str, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the audit views over ``run_dir``."""
    run = _load_run(run_dir)
    con = con or connect()
    from filters.licences import terms

    sources = pa.Table.from_pylist([{**{k: s[k] for k in ("name", "domain", "format", "licence", "origin", "priority")},
                                     "terms": ",".join(terms(s["licence"]))} for s in run["manifest"]["sources"]])
    con.register("_sources", sources)
    con.execute("CREATE OR REPLACE TEMP VIEW sources AS SELECT * FROM _sources")
    stages = pa.table({"stage": [s["stage"] for s in run["stages"]],
                       "position": list(range(len(run["stages"])))})
    con.register("_stages", stages)
    con.execute("CREATE OR REPLACE TEMP VIEW stages AS SELECT * FROM _stages")
    parquet_view(con, "decisions", os.path.join(run_dir, "provenance"))
    parquet_view(con, "_docs", os.path.join(run_dir, "docs"))
    cols = [r[0] for r in con.execute("DESCRIBE _docs").fetchall()]
    if "text" in cols:
        con.execute("CREATE OR REPLACE TEMP VIEW documents AS SELECT * EXCLUDE (text) FROM _docs")
    else:
        # a run without export (the dedup stages only, say): the columns the reports and the data card read
        con.execute("CREATE OR REPLACE TEMP VIEW documents AS SELECT doc_id, NULL::VARCHAR AS source, "
                    "NULL::BIGINT AS n_bytes, NULL::VARCHAR AS domain, NULL::VARCHAR AS declared_domain, "
                    "NULL::DOUBLE AS quality_score, NULL::DOUBLE AS domain_score FROM _docs")
    docs_dir = os.path.join(run_dir, "docs")
    if "text" in cols:
        # One row per curated shard file: what a training team receives and a takedown rebuilds.
        con.execute(f"""CREATE OR REPLACE TEMP VIEW shards AS
            SELECT replace(filename, '{docs_dir}/', 'docs/') AS shard, domain, count(*) AS documents,
                   sum(n_bytes) AS bytes, count(DISTINCT source) AS sources, min(doc_id) AS first_doc_id
            FROM read_parquet('{docs_dir}/**/*.parquet', filename = true, hive_partitioning = true)
            GROUP BY ALL""")
    else:
        con.execute("CREATE OR REPLACE TEMP VIEW shards AS SELECT NULL::VARCHAR AS shard, NULL::VARCHAR AS domain, "
                    "NULL::BIGINT AS documents, NULL::BIGINT AS bytes WHERE false")
    parquet_view(con, "_quarantine", os.path.join(run_dir, "quarantine"))
    qcols = [r[0] for r in con.execute("DESCRIBE _quarantine").fetchall()]
    con.execute("CREATE OR REPLACE TEMP VIEW quarantine AS SELECT "
                + ("* EXCLUDE (raw)" if "raw" in qcols else "doc_id, NULL::VARCHAR AS source, NULL::VARCHAR AS "
                   "reason, NULL::BIGINT AS raw_size, NULL::VARCHAR AS locator") + " FROM _quarantine")
    _prior_views(con, run.get("prior_runs", []))
    con.execute("""CREATE OR REPLACE TEMP VIEW duplicates AS
        SELECT d.stage, d.doc_id, d.source, d.dup_of AS survivor, d.details['prior_run'] AS survivor_run,
               coalesce(s.source, p.source) AS survivor_source,
               CASE WHEN d.stage = 'fuzzy_dedup' THEN TRY_CAST(d.details['cluster_size'] AS DOUBLE)
                    ELSE d.score END AS group_size,
               CASE WHEN d.stage = 'fuzzy_dedup' THEN d.score END AS similarity,
               d.details['cluster_id'] AS cluster_id
        FROM decisions d
        LEFT JOIN decisions s ON s.doc_id = d.dup_of AND s.stage = d.stage AND d.details['prior_run'] IS NULL
        LEFT JOIN prior_documents p ON p.run_id = d.details['prior_run'] AND p.doc_id = d.dup_of
        WHERE d.dup_of IS NOT NULL""")
    tokens_dir = os.path.join(run_dir, "tokens")
    if any(f.endswith(".parquet") for _, _, fs in os.walk(tokens_dir) for f in fs):
        con.execute(f"""CREATE OR REPLACE TEMP VIEW token_lineage AS
            SELECT regexp_extract(filename, '/tokens/([a-z]+)/', 1) AS split,
                   regexp_extract(filename, '/tokens/(.*)\\.parquet$', 1) AS shard, * EXCLUDE (filename)
            FROM read_parquet('{tokens_dir}/*/*.parquet', filename = true)""")
    else:
        empty = ("NULL::VARCHAR AS split, NULL::VARCHAR AS shard, NULL::BIGINT AS seq_index, NULL::VARCHAR AS doc_id, "
                 "NULL::INTEGER AS copy, NULL::BIGINT AS token_offset, NULL::BIGINT AS n_tokens, "
                 "NULL::VARCHAR AS source, NULL::VARCHAR AS domain, NULL::VARCHAR AS licence, NULL::VARCHAR AS run_id")
        con.execute(f"CREATE OR REPLACE TEMP VIEW token_lineage AS SELECT {empty} WHERE false")
    con.execute(f"""CREATE OR REPLACE TEMP VIEW pii_findings AS
        SELECT doc_id, source, decision, f.field, f.entity, f.start, f."end", f.score, f.action, f.hash,
               f.recognizer
        FROM (SELECT doc_id, source, decision, unnest(from_json(details['pii.findings'], '{_FINDING_JSON}')) AS f
              FROM decisions WHERE stage = 'pii' AND details['pii.findings'] IS NOT NULL)""")
    return con


def _prior_views(con: duckdb.DuckDBPyConnection, prior: list[dict[str, str]]) -> None:
    """``prior_runs`` (the earlier runs this run was deduplicated against) and ``prior_documents``: the
    documents of their dedup indexes (run id, doc id, source; no text), for the duplicates of them."""
    from pipeline import dedup_index as X

    con.register("_prior_runs", pa.Table.from_pylist(prior, pa.schema([("run_id", pa.string()), ("name", pa.string()),
                                                                       ("path", pa.string())])))
    con.execute("CREATE OR REPLACE TEMP VIEW prior_runs AS SELECT * FROM _prior_runs")
    parts = []
    for p in prior:
        for part in (X.EXACT, X.FUZZY_SIGNATURES):
            files = os.path.join(p["path"], part)
            if os.path.isdir(files):
                path = files.replace("'", "''")
                parts.append(f"SELECT '{p['run_id']}' AS run_id, doc_id, source FROM read_parquet('{path}/*.parquet')")
    con.execute("CREATE OR REPLACE TEMP VIEW prior_documents AS "
                + (" UNION ".join(parts) if parts else
                   "SELECT NULL::VARCHAR AS run_id, NULL::VARCHAR AS doc_id, NULL::VARCHAR AS source WHERE false"))


def check_key(run_dir: str, key: bytes) -> None:
    """Refuse a PII key that is not the run's: its hashes would match nothing, silently."""
    from filters.pii import key_fingerprint

    expected = _load_run(run_dir)["manifest"]["params"].get("pii", {}).get("key_fingerprint")
    if expected is None:
        raise KocurateError(f"{run_dir}: the run has no PII stage")
    if key_fingerprint(key) != expected:
        raise KocurateError(f"the PII key's fingerprint {key_fingerprint(key)} is not the run's {expected}: "
                            "hashes are comparable only under the run's key")


def run_key(run_dir: str) -> bytes:
    """The PII key from where the run's manifest says (variable or key file), refused unless it is the
    run's key."""
    from pipeline.pii_key import resolve_key

    params = _load_run(run_dir)["manifest"]["params"].get("pii")
    if params is None:
        raise KocurateError(f"{run_dir}: the run has no PII stage")
    key, _ = resolve_key(params["key_env"], params["key_file"])
    check_key(run_dir, key)
    return key


def check_entity(entity: str) -> None:
    from filters.pii_spec import ENTITIES

    if entity not in ENTITIES:
        raise KocurateError(f"unknown entity type {entity!r}; allowed: {', '.join(ENTITIES)}")


def pii_lookup(run_dir: str, entity: str, value: str, key: bytes) -> list[tuple[Any, ...]]:
    """The findings whose keyed hash is that of ``value``: proves a given identifier was found (and
    what happened to it) without the run storing it. The key must be the run's (same fingerprint)."""
    from filters.pii import keyed_hash

    check_entity(entity)
    check_key(run_dir, key)
    con = open_audit(run_dir)
    try:
        return con.execute("SELECT doc_id, source, decision, field, entity, start, \"end\", action FROM pii_findings "
                           "WHERE hash = ? ORDER BY doc_id, field, start",
                           [keyed_hash(key, entity, value)]).fetchall()
    finally:
        con.close()


def query(run_dir: str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    con = open_audit(run_dir)
    try:
        cur = con.execute(sql)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()


def report(run_dir: str, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    if name not in REPORTS:
        raise KocurateError(f"unknown report {name!r}; allowed: {', '.join(REPORTS)}")
    return query(run_dir, REPORTS[name][1])


def export(run_dir: str, path: str) -> None:
    """Write the views as tables into a self-contained DuckDB file (opens read-only anywhere)."""
    if os.path.exists(path):
        raise KocurateError(f"{path} exists; choose a new file")
    con = open_audit(run_dir)
    try:
        con.execute(f"ATTACH '{path}' AS out")
        for view in ("sources", "stages", "documents", "shards", "decisions", "duplicates", "quarantine",
                     "pii_findings", "token_lineage", "prior_runs"):
            con.execute(f"CREATE TABLE out.{view} AS SELECT * FROM {view}")
        run = _load_run(run_dir)
        con.execute("CREATE TABLE out.run AS SELECT ? AS run_id, ? AS name, ? AS status, ? AS config_hash",
                    [run["run_id"], run["name"], run["status"], run["config_hash"]])
        con.execute("DETACH out")
    finally:
        con.close()


def render(columns: list[str], rows: list[tuple[Any, ...]], max_width: int = 60) -> str:
    def cell(v: Any) -> str:
        s = "" if v is None else f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v)
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.rjust(w) if isinstance(rows[j][i], int | float) else v.ljust(w)
                        for i, (v, w) in enumerate(zip(r, widths, strict=True))) for j, r in enumerate(body)]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)
