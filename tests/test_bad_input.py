"""A generated corpus of broken input: every record ends kept, dropped or quarantined with a reason,
the run finishes, and the counts add up. Nothing crashes the run, nothing is skipped silently."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

pytestmark = pytest.mark.spark


def make_corpus(d: Path) -> None:
    """Write the broken corpus."""
    (d / "jsonl").mkdir(parents=True)
    good = [json.dumps({"id": i, "text": f"정상 문서 {i}번입니다."}, ensure_ascii=False) for i in range(5)]
    lines = [*good, '{"id": 5, "text": "닫히지 않은', '{"id": 6, "text": "NUL\x00바이트"}',
             '{"id": 7, "text": 7}', '"문자열"']
    payload = "\n".join(lines).encode() + b'\n{"id": 8, "text": "\xff\xfe\xfd"}\n'
    (d / "jsonl" / "mixed.jsonl").write_bytes(payload)
    (d / "jsonl" / "empty.jsonl").write_bytes(b"")
    packed = gzip.compress("\n".join(good * 200).encode())
    (d / "jsonl" / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (d / "jsonl" / "named.jsonl.gz").write_bytes(b"this is not gzip at all")
    (d / "txt").mkdir()
    (d / "txt" / "legacy.txt").write_bytes("선언되지 않은 CP949 문서입니다. 똠방각하.".encode("cp949"))
    (d / "txt" / "nul.txt").write_bytes("널\x00바이트가 섞인 문서\x00입니다".encode())
    (d / "txt" / "huge.txt").write_bytes(("가나다라마바사 " * 3_200_000).encode())  # ~50 MB, one document
    (d / "pq").mkdir()
    pq.write_table(pa.table({"id": [1, 2], "text": [3.5, 4.5]}), d / "pq" / "types.parquet")
    pq.write_table(pa.table({"id": [1, 2], "text": ["정상", None]}), d / "pq" / "ok.parquet")
    (d / "pq" / "corrupt.parquet").write_bytes(b"PAR1 not really parquet")
    (d / "csv").mkdir()
    (d / "csv" / "quotes.csv").write_text('id,text\n1,"열린 따옴표\n2,두 번째 행\n3,"세, 번째"\n', encoding="utf-8")


SOURCES = """
[[source]]
name = "jsonl"
domain = "web"
paths = ["{d}/jsonl/*"]
format = "jsonl"
fields = {{ text = "text", id = "id" }}
licence = "CC0-1.0"
origin = "generated"
[[source]]
name = "txt"
domain = "cultural"
paths = ["{d}/txt/*.txt"]
format = "text"
licence = "CC0-1.0"
origin = "generated"
[[source]]
name = "pq"
domain = "legal"
paths = ["{d}/pq/*.parquet"]
format = "parquet"
fields = {{ text = "text", id = "id" }}
licence = "CC0-1.0"
origin = "generated"
[[source]]
name = "csv"
domain = "manufacturing"
paths = ["{d}/csv/*.csv"]
format = "csv"
licence = "CC0-1.0"
origin = "generated"
"""


def test_broken_corpus_is_fully_accounted_for(spark: Any, tmp_path: Path) -> None:
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    data = tmp_path / "data"
    make_corpus(data)
    (tmp_path / "s.toml").write_text(SOURCES.format(d=data))
    (tmp_path / "r.toml").write_text('name = "bad"\nsources_manifest = "s.toml"\nseed = 1\n'
                                     "[stages.ingest]\nmax_error_rate = 0.9\nmax_doc_bytes = 8_000_000\n")
    out = tmp_path / "out"
    record = execute(load_run(tmp_path / "r.toml", output=str(out)))
    assert record["status"] == "succeeded"

    con = duckdb.connect()
    con.execute(f"CREATE VIEW p AS SELECT * FROM read_parquet('{out}/provenance/*/*.parquet')")
    got = {(s, r) for s, r in con.execute(
        "SELECT details['file'], reason FROM p WHERE stage = 'ingest' AND decision <> 'keep'").fetchall()}
    expected = {
        ("mixed.jsonl", "ingest_v1.malformed_json"),  # unterminated string; raw NUL inside a JSON string
        ("mixed.jsonl", "ingest_v1.wrong_type"),
        ("mixed.jsonl", "ingest_v1.not_an_object"),
        ("mixed.jsonl", "ingest_v1.invalid_encoding"),
        ("empty.jsonl", "ingest_v1.empty_file"),
        ("cut.jsonl.gz", "ingest_v1.truncated_archive"),
        ("named.jsonl.gz", "ingest_v1.truncated_archive"),
        ("legacy.txt", "ingest_v1.transcoded"),
        ("huge.txt", "ingest_v1.too_large"),
        ("types.parquet", "ingest_v1.wrong_type"),
        ("ok.parquet", "ingest_v1.missing_text"),
        ("corrupt.parquet", "ingest_v1.unreadable_file"),
        ("quotes.csv", "ingest_v1.malformed_csv"),
    }
    assert got == expected
    # Conservation: every stage's inputs are the previous stage's passing documents.
    per_stage = dict(con.execute("SELECT stage, count(*) FROM p GROUP BY 1").fetchall())
    passing = dict(con.execute("SELECT stage, count(*) FROM p WHERE decision IN ('keep','modify','flag') "
                               "GROUP BY 1").fetchall())
    assert per_stage["normalize"] == passing["ingest"]
    assert per_stage["exact_dedup"] == passing["normalize"]
    assert per_stage["quality"] == passing["exact_dedup"]
    assert per_stage["fuzzy_dedup"] == passing["quality"]
    assert per_stage["pii"] == passing["fuzzy_dedup"]
    assert per_stage["export"] == passing["pii"]
    # The NUL bytes were removed by normalization (a recorded modification), not by a crash.
    nul = con.execute("SELECT decision, details['changes'] FROM p WHERE stage = 'normalize' AND doc_id IN "
                      "(SELECT doc_id FROM p WHERE details['file'] = 'nul.txt')").fetchall()
    assert nul == [("modify", "control_chars")]
    # The 50 MB document is quarantined with its size, not loaded whole into provenance.
    huge = con.execute(f"SELECT raw_size, message FROM read_parquet('{out}/quarantine/*/*.parquet') "
                       "WHERE reason = 'ingest_v1.too_large'").fetchall()
    assert huge[0][0] == 64 * 1024 and "over the limit of 8000000" in huge[0][1]
    # The CSV resynchronised after the unbalanced quote.
    csv_rows = con.execute("SELECT count(*) FROM p WHERE stage = 'ingest' AND source = 'csv' "
                           "AND decision = 'keep'").fetchall()
    assert csv_rows == [(2,)]
