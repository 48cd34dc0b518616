"""The equivalence check of the blocks refactor (benchmarks/equivalence.py): a run's fingerprint keys
every decision by its input record's locator, and a comparison finds a changed decision, reason,
duplicate or curated text."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from benchmarks.equivalence import compare, fingerprint


def test_fingerprint_of_the_sample_run_covers_every_record(sample_run: Path, tmp_path: Path) -> None:
    counts = fingerprint(sample_run, tmp_path / "sample.parquet")
    con = duckdb.connect()
    prov = sample_run / "provenance" / "**" / "*.parquet"
    want = con.execute(f"SELECT count(*) FROM read_parquet('{prov}', union_by_name=true) "
                       "WHERE stage NOT IN ('tokenizer', 'tokens')").fetchall()[0][0]
    docs = con.execute(f"SELECT count(*) FROM read_parquet('{sample_run / 'docs' / '**' / '*.parquet'}')").fetchall()
    assert counts == {"decision": want, "curated": docs[0][0]}
    assert compare(tmp_path, tmp_path) == 0


@pytest.mark.parametrize("change", ["decision", "reason", "dup_of", "curated", "missing"])
def test_compare_finds_each_kind_of_difference(tmp_path: Path, change: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    near = "drop|fuzzy_dedup_v2.near_duplicate|src|a.jsonl|a.jsonl:"
    rows = [("decision", "quality", "src|a.jsonl|a.jsonl:1", "keep||"),
            ("decision", "fuzzy_dedup", "src|a.jsonl|a.jsonl:2", near + "1"),
            ("curated", "", "src|a.jsonl|a.jsonl:1", "ab12")]
    edited = list(rows)
    if change == "decision":
        edited[0] = (*rows[0][:3], "drop|length_v1.too_short|")
    elif change == "reason":
        edited[1] = (*rows[1][:3], "drop|exact_dedup_v1.duplicate|src|a.jsonl|a.jsonl:1")
    elif change == "dup_of":
        edited[1] = (*rows[1][:3], near + "9")
    elif change == "curated":
        edited[2] = (*rows[2][:3], "cd34")
    else:
        edited = edited[:2]
    con = duckdb.connect()
    for name, data in (("a", rows), ("b", edited)):
        (tmp_path / name).mkdir()
        con.execute("CREATE OR REPLACE TABLE t (kind VARCHAR, stage VARCHAR, key VARCHAR, value VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", data)
        con.execute(f"COPY t TO '{tmp_path / name / 'sample.parquet'}' (FORMAT parquet)")
    assert compare(tmp_path / "a", tmp_path / "b") == 1
    assert "1 of 3 differ" in capsys.readouterr().out
