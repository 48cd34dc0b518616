"""``kocurate takedown RUN_DIR``: everything in a run that holds what a removal request names.

A request names documents by doc id or URL, or a personal value by its keyed hash (the value is read
from stdin, hashed under the run's PII key, and looked up in the PII findings). Content travels: a
document removed as a duplicate has a surviving copy that carries the same text into the training
data, and a survivor has removed copies that would come back if it were dropped and the run redone.
So the requested documents are expanded through every duplicate relation the run recorded (exact and
fuzzy, in both directions, transitively), and for each document the report says whether it is in the
curated output and in which shard file, and which token ranges of which token shards hold it, so the
affected shards can be rebuilt.

A run made against earlier runs (``prior_runs``) has duplicate relations into them: a document dropped
as a copy of an earlier run's document. The expansion follows them into those runs (their provenance,
curated shards and token shards, where their run directories still are), and the report names the run
that holds each document. An earlier run does not know the runs made after it: a request made there
does not reach the copies later runs dropped (they are not in any curated output).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pipeline.audit import _load_run, open_audit, stage_dataset
from pipeline.errors import KocurateError


@dataclass(frozen=True)
class Affected:
    doc_id: str
    source: str
    relation: str  # requested, or how it relates to a requested document
    outcome: str  # curated, or where and why it was removed
    shard: str | None  # the docs/ file that holds it (curated documents), relative to its run directory
    token_ranges: tuple[str, ...] = ()  # "train/kocurate_train_00001[1234:1567]" per copy in the token shards
    run: str = ""  # the run directory that holds it: the request's, or an earlier run's


def _runs(run_dir: str) -> dict[str, str]:
    """run id -> run directory: this run first, then the earlier runs it was deduplicated against."""
    run = _load_run(run_dir)
    return {run["run_id"]: run_dir} | {p["run_id"]: p["path"] for p in run.get("prior_runs", [])}


def takedown(run_dir: str, doc_ids: list[str], urls: list[str], hashes: list[str]) -> list[Affected]:
    runs = _runs(run_dir)
    here = next(iter(runs))
    con = open_audit(run_dir)
    cons = {here: con}
    try:
        seeds: dict[str, str] = {d: "requested (doc id)" for d in doc_ids}
        if urls:
            ingest = stage_dataset(run_dir, "ingest")
            table = f"read_parquet('{ingest}/**/*.parquet')" if os.path.isdir(ingest) else "documents"
            for (d,) in con.execute(f"SELECT doc_id FROM {table} WHERE url IN (SELECT unnest(?))", [urls]).fetchall():
                seeds.setdefault(d, "requested (url)")
        redacted: set[str] = set()
        if hashes:
            for d, actions in con.execute("SELECT doc_id, string_agg(DISTINCT action, ',') FROM pii_findings "
                                          "WHERE hash IN (SELECT unnest(?)) GROUP BY doc_id", [hashes]).fetchall():
                seeds.setdefault(d, f"requested (personal value, {actions})")
                if set(actions.split(",")) <= {"redact", "mask"}:
                    redacted.add(d)  # the curated text holds a placeholder, not the value
        known = {r[0] for r in con.execute("SELECT DISTINCT doc_id FROM decisions WHERE doc_id IN (SELECT unnest(?))",
                                           [list(seeds)]).fetchall()}
        missing = [d for d in doc_ids if d not in known]
        if missing:
            raise KocurateError(f"not in the run's provenance: {', '.join(missing)}")
        for rid, path in runs.items():
            if rid not in cons and os.path.isfile(os.path.join(path, "run.json")):
                cons[rid] = open_audit(path)
        # Nodes are (run id, doc id): a duplicate relation may end in an earlier run.
        edges = []
        for rid, c in cons.items():
            for copy, survivor, stage, prior in c.execute(
                    "SELECT DISTINCT doc_id, dup_of, stage, details['prior_run'] FROM decisions "
                    "WHERE dup_of IS NOT NULL").fetchall():
                edges.append(((rid, copy), (prior or rid, survivor), stage))
        relation = {(here, d): how for d, how in seeds.items()}
        frontier = list(relation)
        while frontier:
            nxt = []
            for copy, survivor, stage in edges:
                for a, b, how in ((copy, survivor, f"surviving copy ({stage}) of"), (survivor, copy,
                                                                                     f"removed copy ({stage}) of")):
                    if a in relation and b not in relation:
                        where = f" in run {b[0]}" if b[0] != a[0] else ""
                        relation[b] = f"{how} {a[1]}{where}"
                        nxt.append(b)
            frontier = nxt
        out = []
        for rid, c in cons.items():
            ids = sorted(d for r, d in relation if r == rid)
            if ids:
                out += _affected(c, runs[rid], ids, {d: relation[(rid, d)] for d in ids},
                                 redacted if rid == here else set())
        out += [Affected(d, "?", relation[(r, d)], f"in run {r}, whose directory {runs.get(r, '?')} is not readable",
                         None, run=runs.get(r, "")) for r, d in sorted(relation) if r not in cons]
    finally:
        for c in cons.values():
            c.close()
    order = {"requested": 0}
    return sorted(out, key=lambda a: (a.run != run_dir, order.get(a.relation.split(" ")[0], 1), a.doc_id))


def _affected(con: Any, run_dir: str, ids: list[str], relation: dict[str, str], redacted: set[str]
              ) -> list[Affected]:
    """Where each of ``ids`` ended in one run: its last decision, its curated shard and token ranges."""
    final = {r[0]: r[1:] for r in con.execute("""
        SELECT doc_id, arg_max(source, s.position), arg_max(stage, s.position), arg_max(decision, s.position),
               arg_max(reason, s.position)
        FROM decisions JOIN stages s USING (stage) WHERE doc_id IN (SELECT unnest(?)) GROUP BY doc_id""",
                                                    [ids]).fetchall()}
    shards = dict(con.execute(
        f"SELECT doc_id, filename FROM read_parquet('{os.path.join(run_dir, 'docs')}/**/*.parquet', "
        "filename = true, hive_partitioning = true) WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()) \
        if os.path.isdir(os.path.join(run_dir, "docs")) else {}
    ranges: dict[str, list[str]] = {}
    for d, shard_prefix, off, n in con.execute(
            "SELECT doc_id, shard, token_offset, n_tokens FROM token_lineage WHERE doc_id IN (SELECT unnest(?)) "
            "ORDER BY shard, token_offset", [ids]).fetchall():
        ranges.setdefault(d, []).append(f"{shard_prefix}[{off}:{off + n}]")
    out = []
    for d in ids:
        source, stage, decision, reason = final.get(d, ("?", "?", "?", None))
        shard = shards.get(d)
        outcome = "curated" if shard else f"removed at {stage}: {reason}" if decision in ("drop", "quarantine") \
            else f"passed {stage}"
        if d in redacted:
            outcome, shard = "curated, the value redacted by the PII stage", None
        out.append(Affected(d, source, relation[d], outcome, os.path.relpath(shard, run_dir) if shard else None,
                            tuple(ranges.get(d, ())), run_dir))
    return out


def render(rows: list[Affected]) -> str:
    from pipeline.audit import render as table

    runs = sorted({a.run for a in rows})
    several = len(runs) > 1
    body: list[tuple[Any, ...]] = [((a.run,) if several else ()) + (a.doc_id, a.source, a.relation, a.outcome,
                                                                     a.shard or "", " ".join(a.token_ranges))
                                   for a in rows]
    text = table((["run"] if several else []) + ["doc_id", "source", "relation", "outcome", "shard", "token ranges"],
                 body)
    for run in runs:
        mine = [a for a in rows if a.run == run]
        shards = sorted({a.shard for a in mine if a.shard})
        token_shards = sorted({r.split("[", 1)[0] for a in mine for r in a.token_ranges})
        where = f" of {run}" if several else ""
        text += (f"\n\nshards to rebuild{where}: " + ", ".join(shards)) if shards else \
            f"\n\nno curated shard{where} holds it"
        if token_shards:
            text += f"\ntoken shards to rebuild{where} (tokens/): " + ", ".join(token_shards)
    return text

