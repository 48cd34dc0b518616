"""``kocurate explain RUN_DIR DOC_ID``: the whole history of one document, from its provenance.

Shows where the document came from (source, locator, licence), every stage's decision with the step,
reason, score and details, what it is a duplicate of, and which documents are duplicates of it.
Raw text is not printed (it may hold PII in the stages before redaction). A duplicate of an earlier
run's document (a run made against ``prior_runs``) names that run and, where its directory is still
readable, what became of the document there.
"""

from __future__ import annotations

import json
import os
from typing import Any

from pipeline.errors import KocurateError
from pipeline.invariants import connect, parquet_view


def _details(entries: list[dict[str, str]] | None) -> dict[str, str]:
    return {e["key"]: e["value"] for e in entries or []}


def _earlier_outcome(run: dict[str, Any], run_id: str, doc_id: str) -> str:
    """What became of ``doc_id`` in the earlier run ``run_id``, from that run's provenance."""
    path = next((p["path"] for p in run.get("prior_runs", []) if p["run_id"] == run_id), None)
    if path is None or not os.path.isfile(os.path.join(path, "run.json")):
        return f"outcome in run {run_id}: not known here (its run directory {path or '?'} is not readable)"
    con = connect()
    try:
        parquet_view(con, "prov", os.path.join(path, "provenance"))
        rows = con.execute("SELECT stage, decision, reason FROM prov WHERE doc_id = ?", [doc_id]).fetchall()
    finally:
        con.close()
    with open(os.path.join(path, "run.json"), encoding="utf-8") as fh:
        stages = [s["stage"] for s in json.load(fh)["stages"]]
    removed = [r for r in sorted(rows, key=lambda r: stages.index(r[0]) if r[0] in stages else len(stages))
               if r[1] in ("drop", "quarantine")]
    outcome = f"removed at {removed[0][0]}: {removed[0][2]}" if removed else \
        "passed every stage" if len(rows) == len(stages) else "in progress"
    return f"outcome in run {run_id} ({path}): {outcome}"


def explain(run_dir: str, doc_id: str) -> str:
    run_json = os.path.join(run_dir, "run.json")
    if not os.path.isfile(run_json):
        raise KocurateError(f"{run_dir}: not a run directory (no run.json)")
    with open(run_json, encoding="utf-8") as fh:
        run: dict[str, Any] = json.load(fh)
    stages = [s["stage"] for s in run["stages"]]
    con = connect()
    try:
        parquet_view(con, "prov", os.path.join(run_dir, "provenance"))
        rows = con.execute(
            "SELECT stage, step, decision, reason, score, dup_of, n_bytes, map_entries(details), source "
            "FROM prov WHERE doc_id = ?", [doc_id]).fetchall()
        if not rows:
            raise KocurateError(f"document {doc_id} is not in the provenance of run {run['run_id']}")
        rows.sort(key=lambda r: stages.index(r[0]) if r[0] in stages else len(stages))
        dups = con.execute("SELECT stage, doc_id FROM prov WHERE dup_of = ? ORDER BY stage, doc_id",
                           [doc_id]).fetchall()
    finally:
        con.close()

    source_name = rows[0][8]
    src = next((s for s in run["manifest"]["sources"] if s["name"] == source_name), None)
    first = _details(rows[0][7])
    lines = [f"document {doc_id} in run {run['run_id']} ({run['name']})"]
    lines.append(f"  locator: {first.get('locator', '?')}")
    if src:
        lines.append(f"  source:  {src['name']} (domain {src['domain']}, licence {src['licence']}, "
                     f"origin {src['origin']})")
    lines += ["", "history:"]
    outcome = "passed every stage" if len(rows) == len(stages) else "in progress"
    for stage, step, decision, reason, score, dup_of, n_bytes, details, _ in rows:
        lines.append(f"  {stage:<12} {decision:<10} {step:<16} {reason or '-'}")
        facts = [f"{n_bytes} bytes in"] if n_bytes is not None else []
        if score is not None:
            facts.append(f"score {score:g}")
        prior = _details(details).get("prior_run")
        if dup_of:
            facts.append(f"duplicate of {dup_of}" + (f" in run {prior}" if prior else ""))
        facts += [f"{k}={v}" for k, v in sorted(_details(details).items()) if k not in ("locator", "prior_run")]
        lines.append(f"  {'':<12} " + "; ".join(facts))
        if prior and dup_of:
            lines.append(f"  {'':<12} " + _earlier_outcome(run, prior, dup_of))
        if decision in ("drop", "quarantine"):
            outcome = f"removed at {stage}: {reason}"
    if dups:
        shown = ", ".join(f"{d} ({s})" for s, d in dups[:20])
        lines += ["", f"duplicates that point here ({len(dups)}): {shown}" + (" …" if len(dups) > 20 else "")]
    lines += ["", f"outcome: {outcome}"]
    return "\n".join(lines)
