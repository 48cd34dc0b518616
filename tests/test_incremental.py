"""Incremental curation: a corpus curated in two runs, the second against the first's dedup index.

Every exact and near-duplicate group of the whole corpus is kept exactly once across the two runs, as
one run over everything keeps it; the second run reads the first's index and not its text (the first
run's text datasets are deleted before the second starts); an index made under other settings is
refused before Spark starts; the audit, ``explain`` and ``takedown`` follow the edges across runs.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.errors import ManifestError

pytestmark = pytest.mark.spark

#: Hangul syllables to compose documents from: 2 of 400 syllables make 160,000 bigrams, so two
#: independent documents of 300 syllables share few of them and a near copy shares nearly all.
_POOL = [chr(0xAC00 + i * 27) for i in range(400)]


def _text(rng: random.Random, n: int = 300) -> str:
    words, left = [], n
    while left > 0:
        k = min(left, rng.randint(2, 5))
        words.append("".join(rng.choice(_POOL) for _ in range(k)))
        left -= k
    return " ".join(words) + "."


def _near(rng: random.Random, text: str) -> str:
    """A near copy: three syllables replaced, a word appended (character-bigram Jaccard about 0.97)."""
    chars = list(text)
    for _ in range(3):
        i = rng.randrange(len(chars))
        if chars[i] != " ":
            chars[i] = rng.choice(_POOL)
    return "".join(chars) + " " + "".join(rng.choice(_POOL) for _ in range(3))


def corpus(seed: int = 5) -> tuple[list[dict[str, str]], list[dict[str, str]], list[list[str]]]:
    """Two halves and the duplicate groups of the whole (record ids): exact and near copies across the
    halves, inside the second half only, and inside the first only; and singletons in each."""
    rng = random.Random(seed)
    first: list[dict[str, str]] = []
    second: list[dict[str, str]] = []
    groups: list[list[str]] = []

    def add(half: list[dict[str, str]], rid: str, text: str) -> str:
        half.append({"id": rid, "text": text})
        return rid

    for g in range(6):  # exact copies across the halves (one or two in each)
        t = _text(rng)
        groups.append([add(first, f"x{g}a", t), add(second, f"x{g}b", t)]
                      + ([add(second, f"x{g}c", t)] if g % 2 else []))
    for g in range(6):  # near copies across the halves, and a chain: b near a, c near b (in the second half)
        t = _text(rng)
        b = _near(rng, t)
        members = [add(first, f"n{g}a", t), add(second, f"n{g}b", b)]
        if g % 2:
            members.append(add(second, f"n{g}c", _near(rng, b)))
        groups.append(members)
    for g in range(3):  # copies inside the second half only: one survives there
        t = _text(rng)
        groups.append([add(second, f"s{g}a", t), add(second, f"s{g}b", _near(rng, t))])
    for g in range(3):  # copies inside the first half only
        t = _text(rng)
        groups.append([add(first, f"f{g}a", t), add(first, f"f{g}b", t)])
    for i in range(10):
        groups.append([add(first if i % 2 else second, f"u{i}", _text(rng))])
    return first, second, groups


def _manifest(tmp: Path, name: str, files: list[str], prior: list[str], fuzzy: str = "") -> Path:
    src = tmp / f"{name}_sources.toml"
    src.write_text('[[source]]\nname = "web"\ndomain = "web"\npaths = [' + ", ".join(f'"{f}"' for f in files)
                   + ']\nformat = "jsonl"\nfields = { text = "text", id = "id" }\nlicence = "CC0"\norigin = "test"\n',
                   encoding="utf-8")
    run = tmp / f"{name}.toml"
    run.write_text(f'name = "{name}"\nsources_manifest = "{src.name}"\nseed = 11\n'
                   f"prior_runs = {json.dumps(prior)}\n"
                   '[stages]\norder = ["ingest", "normalize", "exact_dedup", "fuzzy_dedup"]\n'
                   f'[stages.fuzzy_dedup]\nshingle = "char"\nthreshold = 0.8\n{fuzzy}\n'
                   '[spark]\nmaster = "local[2]"\nshuffle_partitions = 4\n', encoding="utf-8")
    return run


def outcomes(out: Path, files: dict[str, list[dict[str, str]]]) -> dict[str, tuple[Any, ...]]:
    """record id -> (doc id, decision, reason, dup_of, prior_run) of the dedup stage that decided it (the
    first that dropped it, else fuzzy dedup's keep), from provenance alone."""
    con = duckdb.connect()
    rid = {}
    for doc, locator in con.execute(f"SELECT doc_id, details['locator'] FROM read_parquet("
                                    f"'{out}/provenance/ingest/*.parquet')").fetchall():
        name, line = locator.rsplit(":", 1)
        rid[doc] = files[Path(name).name][int(line) - 1]["id"]
    result: dict[str, tuple[Any, ...]] = {}
    for doc, _stage, decision, reason, dup_of, prior in con.execute(
            f"SELECT doc_id, stage, decision, reason, dup_of, details['prior_run'] FROM read_parquet("
            f"'{out}/provenance/*/*.parquet', hive_partitioning=false) WHERE stage IN ('exact_dedup', 'fuzzy_dedup') "
            "ORDER BY stage").fetchall():
        if rid[doc] not in result or result[rid[doc]][1] == "keep":
            result[rid[doc]] = (doc, decision, reason, dup_of, prior)
    con.close()
    return result


def _write(tmp: Path, name: str, rows: list[dict[str, str]]) -> None:
    (tmp / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_a_corpus_curated_in_two_runs_keeps_every_duplicate_group_once(spark: Any, tmp_path: Path) -> None:
    from pipeline import datacard
    from pipeline.audit import open_audit
    from pipeline.explain import explain
    from pipeline.manifest import load_run
    from pipeline.runner import execute
    from pipeline.takedown import takedown

    first, second, groups = corpus()
    files = {"a.jsonl": first, "b.jsonl": second}
    for name, rows in files.items():
        _write(tmp_path, name, rows)
    run_a = execute(load_run(_manifest(tmp_path, "first", ["a.jsonl"], []), output=str(tmp_path / "A")))
    # The first run's text goes: the second can only read its index (and provenance, which has no text).
    text_bytes = sum(f.stat().st_size for d in ("work", "docs") for f in (tmp_path / "A" / d).rglob("*") if f.is_file())
    for d in ("work", "docs"):
        shutil.rmtree(tmp_path / "A" / d, ignore_errors=True)
    # verified from the texts within the second run, and by signatures where an edge reaches the first
    second = _manifest(tmp_path, "second", ["b.jsonl"], ["A"], 'verify = "exact"')
    run_b = execute(load_run(second, output=str(tmp_path / "B")))
    assert run_b["prior_runs"] == [{"run_id": run_a["run_id"], "name": "first", "path": str(tmp_path / "A")}]

    a, b = outcomes(tmp_path / "A", files), outcomes(tmp_path / "B", files)
    both = a | b
    for group in groups:
        kept = [r for r in group if both[r][1] == "keep"]
        assert len(kept) == 1, (group, {r: both[r][1:] for r in group})
    kept_in_a = {v[0] for v in a.values() if v[1] == "keep"}
    for r, (_doc, decision, _reason, dup_of, prior) in b.items():
        if prior is not None:  # a duplicate of the first run's: points at a document it kept
            assert decision == "drop" and prior == run_a["run_id"] and dup_of in kept_in_a, r
    # every cross-half group was decided against the first run: its second-half copies all dropped
    crossing = [g for g in groups if any(r in a for r in g) and any(r in b for r in g)]
    assert len(crossing) == 12 and all(b[r][4] == run_a["run_id"] for g in crossing for r in g if r in b)
    assert b["n1c"][2] == "fuzzy_dedup_v2.near_duplicate"  # near its group's second-half copy, not the first's

    stages = {s["stage"]: s["summary"] for s in run_b["stages"]}
    read = stages["exact_dedup"]["prior_index_bytes"] + stages["fuzzy_dedup"]["prior_index_bytes"]
    assert 0 < read and text_bytes > 0

    # The audit views, explain and takedown follow the edges into the first run.
    doc_b, doc_a = b["x0b"][0], a["x0a"][0]
    con = open_audit(str(tmp_path / "B"))
    try:
        dup = con.execute("SELECT survivor, survivor_run, survivor_source FROM duplicates WHERE doc_id = ?",
                          [doc_b]).fetchall()
    finally:
        con.close()
    assert dup == [(doc_a, run_a["run_id"], "web")]
    text = explain(str(tmp_path / "B"), doc_b)
    assert f"duplicate of {doc_a} in run {run_a['run_id']}" in text and "outcome in run" in text
    affected = {x.doc_id: x for x in takedown(str(tmp_path / "B"), [doc_b], [], [])}
    assert doc_a in affected and run_a["run_id"] in affected[doc_a].relation
    assert affected[doc_a].run == str(tmp_path / "A") and affected[doc_a].outcome == "passed fuzzy_dedup"
    _, card = datacard.build(str(tmp_path / "B"))
    exact_across = sum(1 for v in b.values() if v[4] and v[2] == "exact_dedup_v1.duplicate")
    assert f"| {run_a['run_id']} | first | {tmp_path / 'A'} | {exact_across} |" in card


def test_an_index_made_under_other_settings_is_refused_before_spark(tmp_path: Path) -> None:
    from pipeline import dedup_index as X
    from pipeline.manifest import load_run

    first, _, _ = corpus()
    _write(tmp_path, "a.jsonl", first)
    made = load_run(_manifest(tmp_path, "first", ["a.jsonl"], []), output=str(tmp_path / "A"))
    settings = X.index_settings(made.seed, made.stages, made.params)
    (tmp_path / "A" / "index").mkdir(parents=True)
    (tmp_path / "A" / X.META).write_text(X.meta_for("r1", "first", settings, [], {}), encoding="utf-8")
    ok = load_run(_manifest(tmp_path, "second", ["a.jsonl"], ["A"]), output=str(tmp_path / "B"))
    assert [p.run_id for p in ok.prior_runs] == ["r1"] and ok.params["fuzzy_dedup"]["prior_runs"] == ["r1"]
    assert ok.config_hash() != made.config_hash()
    # a third run naming only the second reaches the first through the second's index
    (tmp_path / "B" / "index").mkdir(parents=True)
    (tmp_path / "B" / X.META).write_text(X.meta_for("r2", "second", settings, ok.prior_runs, {}), encoding="utf-8")
    third = load_run(_manifest(tmp_path, "third", ["a.jsonl"], ["B"]), output=str(tmp_path / "C"))
    assert [p.run_id for p in third.prior_runs] == ["r2", "r1"]

    for extra, words in (('ngram = 3', "ngram 2 (this run: 3)"), ("num_perm = 64", "num_perm 128 (this run: 64)"),
                         ("threshold = 0.7", "threshold 0.8 (this run: 0.7)")):
        changed = _manifest(tmp_path, "second", ["a.jsonl"], ["A"])
        changed.write_text(changed.read_text().replace("threshold = 0.8", extra if "threshold" in extra
                                                       else "threshold = 0.8\n" + extra))
        with pytest.raises(ManifestError, match="cannot be deduplicated against") as err:
            load_run(changed, output=str(tmp_path / "B"))
        assert words in str(err.value)
    other_seed = _manifest(tmp_path, "second", ["a.jsonl"], ["A"])
    other_seed.write_text(other_seed.read_text().replace("seed = 11", "seed = 12"))
    with pytest.raises(ManifestError, match=r"seed 11 \(this run: 12\)"):
        load_run(other_seed, output=str(tmp_path / "B"))
    with pytest.raises(ManifestError, match="no complete dedup index"):
        load_run(_manifest(tmp_path, "second", ["a.jsonl"], ["nowhere"]), output=str(tmp_path / "B"))
    with pytest.raises(ManifestError, match="own output directory"):
        load_run(_manifest(tmp_path, "second", ["a.jsonl"], ["A"]), output=str(tmp_path / "A"))
