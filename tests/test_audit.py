"""`kocurate audit`: views and canned reports on the sample run match the ground truth; the export is
a self-contained DuckDB file that opens read-only and holds no text, raw bytes or planted PII."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline import audit
from tests.conftest import ROOT, venv_bin

pytestmark = pytest.mark.spark


def test_waterfall_matches_the_ground_truth(sample_run: Path, ground_truth: dict[str, Any]) -> None:
    _, rows = audit.report(str(sample_run), "waterfall")
    by = {(r[0], r[1], r[2]): r[3] for r in rows}
    assert sum(n for (stage, _, _), n in by.items() if stage == "ingest") == ground_truth["records_total"]
    assert sum(n for (stage, d, _), n in by.items() if stage == "ingest" and d == "quarantine") == len(
        ground_truth["broken"])
    assert by[("exact_dedup", "drop", "exact_dedup_v1.duplicate")] == len(ground_truth["exact_duplicate_groups"])
    assert by[("normalize", "drop", "normalize_v1.empty")] == len(ground_truth["empty"])
    order = ["ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam", "domains", "export",
             "tokenizer", "tokens"]
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), key=order.index)


def test_sources_and_duplicates_reports(sample_run: Path, ground_truth: dict[str, Any]) -> None:
    _, rows = audit.report(str(sample_run), "sources")
    assert len(rows) == len(ground_truth["records"])
    docs = duckdb.sql(f"SELECT count(*) FROM read_parquet('{sample_run}/docs/**/*.parquet')").fetchall()[0][0]
    assert sum(r[3] for r in rows) == docs
    _, dups = audit.report(str(sample_run), "duplicates")
    assert len([r for r in dups if r[0] == "exact_dedup"]) == len(ground_truth["exact_duplicate_groups"])
    assert len([r for r in dups if r[0] == "fuzzy_dedup"]) == len(ground_truth["near_duplicates"])
    cross = [r for r in dups if "(mfg_manuals)" in r[4] and r[2] == "legal_statutes"]
    assert len(cross) == 1  # the shared safety rule: the legal copy survived (higher priority)


def test_sql_and_cli(sample_run: Path) -> None:
    cols, rows = audit.query(str(sample_run), "SELECT count(*) AS n FROM decisions WHERE stage = 'export'")
    assert cols == ["n"] and rows[0][0] > 0
    res = subprocess.run([venv_bin("kocurate"), "audit", str(sample_run), "--report", "quarantine"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0 and "ingest_v1.truncated_archive" in res.stdout
    bad = subprocess.run([venv_bin("kocurate"), "audit", str(sample_run), "--report", "nope"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2
    choices = "'waterfall', 'sources', 'licences', 'duplicates', 'domains', 'pii', 'contamination', 'tokens', "
    choices += "'quarantine'"
    assert f"choose from {choices}" in bad.stderr


def test_export_is_self_contained_read_only_and_free_of_pii(sample_run: Path, tmp_path: Path,
                                                            ground_truth: dict[str, Any]) -> None:
    path = tmp_path / "provenance.duckdb"
    audit.export(str(sample_run), str(path))
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"sources", "documents", "shards", "decisions", "duplicates", "quarantine", "run"} <= tables
        docs, shard_docs = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT sum(documents) FROM shards)"
                                       ).fetchall()[0]
        assert docs == shard_docs > 0
        assert con.execute("SELECT count(*) FROM decisions WHERE stage = 'ingest'").fetchall()[0][0] == \
            ground_truth["records_total"]
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns").fetchall()}
        assert not columns & {"text", "raw"}
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM decisions")
    finally:
        con.close()
    blob = path.read_bytes()
    for item in ground_truth["pii"]:
        value = item["value"].encode("utf-8")
        assert value not in blob, f"planted {item['type']} found in the export"
