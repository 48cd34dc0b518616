"""The DuckDB invariant checks catch each kind of violation and name the offending ids."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.errors import InvariantError
from pipeline.invariants import check_stage


def dataset(path: Path, rows: list[dict[str, object]]) -> str:
    path.mkdir(parents=True)
    schema = pa.schema([("doc_id", pa.string()), ("decision", pa.string()), ("reason", pa.string()),
                        ("dup_of", pa.string())])
    full = [{k: r.get(k) for k in schema.names} for r in rows]
    pq.write_table(pa.Table.from_pylist(full, schema=schema), path / "part-0.parquet")
    return str(path)


GOOD = [
    {"doc_id": "a", "decision": "keep"},
    {"doc_id": "b", "decision": "drop", "reason": "x_v1.dup", "dup_of": "a"},
    {"doc_id": "c", "decision": "modify", "reason": "x_v1.changed"},
]


def test_consistent_stage_passes(tmp_path: Path) -> None:
    inp = dataset(tmp_path / "in", [{"doc_id": d} for d in "abc"])
    dec = dataset(tmp_path / "dec", GOOD)
    out = dataset(tmp_path / "out", [{"doc_id": "a"}, {"doc_id": "c"}])
    counts = check_stage("t", dec, out, (inp, None))
    assert counts == {"keep": 1, "drop": 1, "modify": 1, "output_rows": 2}


def test_stale_text_hash_is_caught(tmp_path: Path) -> None:
    import hashlib

    dec = dataset(tmp_path / "dec", [{"doc_id": "a", "decision": "keep"}, {"doc_id": "b", "decision": "keep"}])
    (tmp_path / "out").mkdir()
    pq.write_table(pa.table({"doc_id": ["a", "b"], "text": ["가나다", "라마바"],
                             "text_sha256": [hashlib.sha256("가나다".encode()).hexdigest(),
                                             hashlib.sha256("바뀌기 전".encode()).hexdigest()]}),
                   tmp_path / "out" / "part-0.parquet")
    with pytest.raises(InvariantError, match=r"text_sha256 does not match the text.*: b$"):
        check_stage("t", dec, str(tmp_path / "out"), None)


@pytest.mark.parametrize(("decisions", "output", "inputs", "message"), [
    (GOOD, ["a"], "abc", "keep/modify/flag decisions missing from the output: c"),
    (GOOD, ["a", "b", "c"], "abc", "output rows without a keep/modify/flag decision: b"),
    (GOOD, ["a", "c", "c"], "abc", "document id not unique in the output: c"),
    (GOOD, ["a", "c"], "abcd", "an input document has no decision: d"),
    (GOOD, ["a", "c"], "ab", "a decision for a document that was not an input: c"),
    ([*GOOD, {"doc_id": "a", "decision": "keep"}], ["a", "c"], "abc", "more than one decision: a"),
    ([{"doc_id": "a", "decision": "drop"}], [], "a", "a reason is missing on a non-keep decision"),
    ([{"doc_id": "a", "decision": "keep", "reason": "x_v1.y"}], ["a"], "a", "or present on a keep: a"),
    ([{"doc_id": "a", "decision": "drop", "reason": "x_v1.d", "dup_of": "z"}], [], "a",
     "dup_of does not point at a document this stage passed on: a"),
    ([{"doc_id": "a", "decision": "maybe", "reason": "x_v1.d"}], [], "a", "unknown decision value: a"),
])
def test_violations_are_reported_with_ids(tmp_path: Path, decisions: list[dict[str, object]], output: list[str],
                                          inputs: str, message: str) -> None:
    inp = dataset(tmp_path / "in", [{"doc_id": d} for d in inputs])
    dec = dataset(tmp_path / "dec", decisions)
    out = dataset(tmp_path / "out", [{"doc_id": d} for d in output])
    with pytest.raises(InvariantError, match=message):
        check_stage("t", dec, out, (inp, None))
