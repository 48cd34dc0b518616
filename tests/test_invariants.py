"""The DuckDB invariant checks catch each kind of violation and name the offending ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import InvariantError
from pipeline.invariants import check_stage, check_text_hashes


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


@pytest.mark.spark
def test_stale_text_hash_is_caught(tmp_path: Path, spark: Any) -> None:
    """Check 6 runs as a Spark job over a pass's data: among the rows its first stage passed on, a hash
    that is not the text's is named; a dropped row's, a null hash and a null text are not checked."""
    import hashlib

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    out = tmp_path / "out"
    out.mkdir()
    pq.write_table(pa.table({"doc_id": ["a", "b", "c", "d", "e"],
                             "text": ["가나다", "라마바", "사아자", "차카", None],
                             "text_sha256": [sha("가나다"), sha("바뀌기 전"), sha("바뀌기 전"), None, sha("x")],
                             "_t_decision": ["keep", "modify", "drop", "keep", "keep"]}),
                   out / "part-0.parquet")
    with pytest.raises(InvariantError, match=r"stage t: invariant violated: text_sha256 does not match the "
                                             r"text.*: b$"):
        check_text_hashes(spark, "t", str(out), "_t_decision")
    with pytest.raises(InvariantError, match=r"text.*: b, c$"):
        check_text_hashes(spark, "t", str(out))
    pq.write_table(pa.table({"doc_id": ["a"], "text": ["가나다"], "text_sha256": [sha("가나다")]}),
                   out / "part-0.parquet")
    check_text_hashes(spark, "t", str(out))
    pq.write_table(pa.table({"doc_id": ["a"], "text": ["가나다"]}), out / "part-0.parquet")
    check_text_hashes(spark, "t", str(out))
    # a partitioned pass that passed nothing on wrote no data file, only Spark's marker
    (out / "part-0.parquet").unlink()
    (out / "_SUCCESS").write_bytes(b"")
    check_text_hashes(spark, "t", str(out))


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


IDS = st.sampled_from(["a", "b", "c", "d", "e", None])
DECISION_ROWS = st.lists(st.fixed_dictionaries({
    "doc_id": IDS, "decision": st.sampled_from(["keep", "modify", "flag", "drop", "quarantine", "maybe"]),
    "reason": st.none() | st.just("x_v1.r"), "dup_of": st.none() | IDS,
    "prior_run": st.none() | st.sampled_from(["r0", "r1"])}), max_size=8)


def _outcome(tmp: Path, decisions: list[dict[str, object]], output: list[str], inputs: list[str] | None,
             prior: list[tuple[str, str]] | None) -> str:
    """What check_stage says: the counts, or the violated check's message."""
    dec = tmp / "dec"
    dec.mkdir(parents=True)
    rows = [{k: r[k] for k in ("doc_id", "decision", "reason", "dup_of")} |
            {"details": [("prior_run", r["prior_run"])] if r["prior_run"] else []} for r in decisions]
    pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema(
        [("doc_id", pa.string()), ("decision", pa.string()), ("reason", pa.string()), ("dup_of", pa.string()),
         ("details", pa.map_(pa.string(), pa.string()))])), dec / "part-0.parquet")
    out = dataset(tmp / "out", [{"doc_id": d} for d in output])
    inp = (dataset(tmp / "in", [{"doc_id": d} for d in inputs]), None) if inputs is not None else None
    runs = [(run, dataset(tmp / f"prior-{run}", [{"doc_id": d} for d in ids]))
            for run, ids in {r: [d for q, d in prior if q == r] for r in ("r0", "r1")}.items()] if prior else []
    try:
        return str(check_stage("t", str(dec), out, inp, prior=runs))
    except InvariantError as e:
        return str(e)


PASSING_DECISIONS = ("keep", "modify", "flag")


@st.composite
def stages(draw: st.DrawFn) -> tuple[list[dict[str, object]], list[str], list[str] | None,
                                     list[tuple[str, str]] | None]:
    """A stage's decisions with its output, input and earlier runs' indexes: mostly consistent (so the
    screen is what decides), sometimes off by one id."""
    decisions = draw(DECISION_ROWS)
    if draw(st.integers(0, 3)):  # mostly no scan check fails first (it would hide the set checks)
        decisions = [r | {"decision": "drop" if r["decision"] == "maybe" else r["decision"],
                          "reason": None if r["decision"] == "keep" else "x_v1.r"} for r in decisions]
    ids = [r["doc_id"] for r in decisions]
    output = [d for d, r in zip(ids, decisions, strict=True) if r["decision"] in PASSING_DECISIONS]
    inputs: list[str] | None = sorted(set(ids), key=str) if draw(st.booleans()) else None
    prior = [(r["prior_run"], r["dup_of"]) for r in decisions if r["prior_run"] and r["dup_of"]] \
        if draw(st.booleans()) else None
    for _ in range(draw(st.integers(0, 2))):  # perturb: one id more or one fewer somewhere
        where = draw(st.sampled_from(["output", "inputs", "prior"]))
        target = {"output": output, "inputs": inputs, "prior": prior}[where]
        if target is None:
            continue
        if target and draw(st.booleans()):
            target.pop(draw(st.integers(0, len(target) - 1)))
        elif where == "prior":
            target.append((draw(st.sampled_from(["r0", "r1"])), draw(IDS)))
        else:
            target.append(draw(IDS))
    if inputs is not None:
        inputs = sorted(set(inputs), key=str)  # the stage before proved its ids unique
    return decisions, output, inputs, prior


@given(stage=stages(), set_rows=st.sampled_from([1, 2, 250_000]))
def test_screen_decides_as_the_exact_checks(stage: tuple[list[dict[str, object]], list[str], list[str] | None,
                                                         list[tuple[str, str]] | None], set_rows: int) -> None:
    """The screen in constant memory (fingerprints, hash partitions of ``set_rows`` ids) and the exact
    queries say the same of every stage whose input ids are unique (the stage before checked them)."""
    import tempfile

    from pipeline import invariants

    decisions, output, inputs, prior = stage
    with tempfile.TemporaryDirectory() as d:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(invariants, "SET_ROWS", set_rows)
            screened = _outcome(Path(d) / "screened", decisions, output, inputs, prior)
            mp.setattr(invariants, "_screened", lambda *a: False)
            exact = _outcome(Path(d) / "exact", decisions, output, inputs, prior)
    assert screened == exact


def test_screen_skips_the_set_queries_on_a_clean_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a consistent stage no query over a whole set of ids runs (the driver's memory stays flat)."""
    from pipeline import invariants

    set_checks: list[str] = []
    real = invariants._checks

    def recorded(*a: object, **k: object) -> list[invariants.Check]:
        checks = real(*a, **k)  # type: ignore[arg-type]
        set_checks.extend(c.name for c in checks if c.sets)
        return [invariants.Check(c.name, "SELECT NULL AS doc_id WHERE false" if not c.sets else
                                 "SELECT error('an exact set query ran') AS doc_id", c.sets) for c in checks]

    monkeypatch.setattr(invariants, "_checks", recorded)
    monkeypatch.setattr(invariants, "SET_ROWS", 1)
    inp = dataset(tmp_path / "in", [{"doc_id": d} for d in "abc"])
    dec = dataset(tmp_path / "dec", GOOD)
    out = dataset(tmp_path / "out", [{"doc_id": "a"}, {"doc_id": "c"}])
    assert check_stage("t", dec, out, (inp, None)) == {"keep": 1, "drop": 1, "modify": 1, "output_rows": 2}
    assert set_checks  # the set checks exist, and none of their queries ran (each would raise)
