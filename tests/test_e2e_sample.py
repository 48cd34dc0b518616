"""The main job on sample_data/, checked against sample_data/ground_truth.json.

Counts add up per stage; every planted broken record and exact duplicate is caught and nothing else
is; reruns are deterministic; --resume skips finished stages and a changed parameter reruns only the
stages it affects.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.audit import stage_dataset
from tests.conftest import relocatable

pytestmark = pytest.mark.spark

STAGES = ["ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam", "domains", "export",
          "tokenizer", "tokens"]


def prov(con: duckdb.DuckDBPyConnection, run: Path) -> None:
    con.execute(f"CREATE OR REPLACE VIEW p AS SELECT * FROM read_parquet('{run}/provenance/*/*.parquet')")
    ingested = stage_dataset(str(run), "ingest")
    con.execute(f"CREATE OR REPLACE VIEW ingested AS SELECT * FROM read_parquet('{ingested}/*.parquet')")


def ids(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(source, source_record_id) -> doc_id for every document that passed ingest."""
    return {(s, r): d for s, r, d in con.execute(
        "SELECT source, source_record_id, doc_id FROM ingested").fetchall()}


def test_counts_add_up_per_stage(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                 ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    counts = {(s, d): n for s, d, n in duck.execute(
        "SELECT stage, decision, count(*) FROM p GROUP BY ALL").fetchall()}
    total = {s: sum(n for (st, _), n in counts.items() if st == s) for s in STAGES}
    passed = {s: sum(counts.get((s, d), 0) for d in ("keep", "modify", "flag")) for s in STAGES}
    assert total["ingest"] == ground_truth["records_total"]
    for prev, nxt in itertools.pairwise(STAGES):
        assert total[nxt] == passed[prev], f"{nxt} saw {total[nxt]} documents, {prev} passed {passed[prev]}"
    for s in STAGES:
        assert total[s] == passed[s] + counts.get((s, "drop"), 0) + counts.get((s, "quarantine"), 0)
    docs = duck.execute(f"SELECT count(*) FROM read_parquet('{sample_run}/docs/**/*.parquet')").fetchall()[0][0]
    assert docs == passed["export"]
    run = json.loads((sample_run / "run.json").read_text())
    assert run["status"] == "succeeded"
    assert [s["stage"] for s in run["summary"]] == STAGES
    assert run["summary"][0]["docs_in"] == ground_truth["records_total"]
    # A pass's seconds are its stages' preparation (a model's fit) and its commit phases, none missing.
    for s in run["stages"]:
        phases = s["summary"]["phase_seconds"]
        assert "prepare" in phases and sum(phases.values()) <= s["seconds"] + 0.01, (s["stage"], phases)
    domains = next(s for s in run["stages"] if s["stage"] == "domains")
    decontam = next(s for s in run["stages"] if s["stage"] == "decontam")
    assert domains["summary"]["phase_seconds"]["prepare"] > decontam["summary"]["phase_seconds"]["prepare"], \
        "the domain model's fit is the domains stage's prepare, not its pass-mate's"


def test_exactly_the_planted_broken_records_are_quarantined(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                                            ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    got = set(duck.execute("SELECT source, details['locator'], reason FROM p WHERE decision = 'quarantine'")
              .fetchall())
    expected = {(b["source"], b["locator"], b["reason"]) for b in ground_truth["broken"]}
    assert got == expected
    q = duck.execute(f"SELECT count(*), count(message), count(raw), count_if(raw_size = 0) FROM "
                     f"read_parquet('{sample_run}/quarantine/*/*.parquet')").fetchall()[0]
    assert q == (len(expected), len(expected), len(expected), 1)  # only the zero-byte file has no bytes


def test_non_documents_are_dropped_with_a_reason(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                                 ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    got = Counter(r for (r,) in duck.execute(
        "SELECT reason FROM p WHERE stage = 'ingest' AND decision = 'drop'").fetchall())
    assert got == Counter(d["reason"] for d in ground_truth["dropped_at_ingest"])


def test_transcoding_is_recorded(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                 ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    m = ids(duck)
    got = {d for (d,) in duck.execute(
        "SELECT doc_id FROM p WHERE stage='ingest' AND reason = 'ingest_v1.transcoded'").fetchall()}
    assert got == {m[(t["source"], t["record_id"])] for t in ground_truth["transcoded"]}
    enc = dict(duck.execute("SELECT details['encoding'], count(*) FROM p WHERE stage='ingest' AND "
                            "reason = 'ingest_v1.transcoded' GROUP BY 1").fetchall())
    assert enc == {"cp949": len(ground_truth["transcoded"])}


def test_empty_documents_are_dropped_at_normalize(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                                  ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    m = ids(duck)
    got = {d for (d,) in duck.execute("SELECT doc_id FROM p WHERE stage='normalize' AND decision='drop'").fetchall()}
    assert got == {m[(e["source"], e["record_id"])] for e in ground_truth["empty"]}
    assert {r for (r,) in duck.execute(
        "SELECT DISTINCT reason FROM p WHERE stage='normalize' AND decision='drop'").fetchall()} == {
        "normalize_v1.empty"}


def test_exactly_the_planted_exact_duplicates_are_removed(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                                          ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    m = ids(duck)
    decisions = {d: (dec, dup) for d, dec, dup in duck.execute(
        "SELECT doc_id, decision, dup_of FROM p WHERE stage = 'exact_dedup'").fetchall()}
    expected_drops: set[str] = set()
    for group in ground_truth["exact_duplicate_groups"]:
        members = [m[(x["source"], x["record_id"])] for x in group["members"]]
        kept = [d for d in members if decisions[d][0] == "keep"]
        assert len(kept) == 1, f"{group}: {[decisions[d] for d in members]}"
        for d in members:
            if d != kept[0]:
                assert decisions[d] == ("drop", kept[0])
                expected_drops.add(d)
        if "survivor" in group:  # higher source priority wins
            assert kept[0] == m[(group["survivor"]["source"], group["survivor"]["record_id"])]
    dropped = {d for d, (dec, _) in decisions.items() if dec == "drop"}
    assert dropped == expected_drops
    for near in ground_truth["near_duplicates"]:  # exact dedup must not touch near duplicates
        assert decisions[m[(near["source"], near["record_id"])]][0] == "keep"


def test_clean_and_planted_documents_reach_the_curated_output(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                                              ground_truth: dict[str, Any]) -> None:
    docs = {(s, r): (dom, text) for s, r, dom, text in duck.execute(
        f"SELECT source, source_record_id, domain, text FROM "
        f"read_parquet('{sample_run}/docs/**/*.parquet', hive_partitioning=true)").fetchall()}
    # Members of an exact-duplicate group are checked above (one survivor each, by priority then id),
    # near-duplicate pairs in tests/test_fuzzy_dedup.py (one survivor each).
    grouped = {(m["source"], m["record_id"]) for g in ground_truth["exact_duplicate_groups"] for m in g["members"]}
    grouped |= {(x["source"], x["record_id"]) for n in ground_truth["near_duplicates"] for x in (n, n["of"])}
    for kind in ("clean", "pii"):
        for item in ground_truth[kind]:
            if (item["source"], item["record_id"]) not in grouped:
                assert (item["source"], item["record_id"]) in docs, f"{kind} {item} missing from docs/"
    for kind in ("spam", "non_korean", "boilerplate_heavy", "too_short"):
        for item in ground_truth[kind]:
            assert (item["source"], item["record_id"]) not in docs, f"{kind} {item} reached docs/"
    survivors = [sum((m["source"], m["record_id"]) in docs for m in g["members"])
                 for g in ground_truth["exact_duplicate_groups"]]
    assert survivors == [1] * len(survivors)
    assert {dom for dom, _ in docs.values()} == {"web", "legal", "manufacturing", "cultural"}
    import unicodedata
    assert all(unicodedata.is_normalized("NFC", t) and t.strip() for _, t in docs.values())


QUALITY_REASONS = {"spam": {"spam_ko_v1.spam_terms"}, "non_korean": {"language_v1.not_allowed"},
                   "boilerplate_heavy": {"boilerplate_v1.mostly_boilerplate"}, "too_short": {"length_v1.too_short"}}


def test_quality_drops_exactly_the_planted_noise_with_its_reason(sample_run: Path, duck: duckdb.DuckDBPyConnection,
                                                                 ground_truth: dict[str, Any]) -> None:
    prov(duck, sample_run)
    m = ids(duck)
    got = {d: r for d, r in duck.execute(
        "SELECT doc_id, reason FROM p WHERE stage = 'quality' AND decision = 'drop'").fetchall()}
    expected: dict[str, set[str]] = {}
    for kind, reasons in QUALITY_REASONS.items():
        for item in ground_truth[kind]:
            expected[m[(item["source"], item["record_id"])]] = reasons
    assert set(got) == set(expected), "dropped at quality: exactly the planted spam, non-Korean, boilerplate, short"
    for doc, reason in got.items():
        assert reason in expected[doc]
    # Every document judged carries every block's scores (one per rule, 19 in the sample's chain of 14
    # blocks), kept ones too, and a drop's score is the statistic its rule tested.
    n_scores = duck.execute("SELECT min(len(list_filter(map_entries(details), lambda e: e.key LIKE 'score.%'))) "
                            "FROM p WHERE stage = 'quality'").fetchall()[0]
    assert n_scores[0] >= 19
    off = duck.execute("SELECT count(*) FROM p WHERE stage = 'quality' AND decision = 'drop' AND NOT list_contains("
                       "list_transform(list_filter(map_entries(details), lambda e: e.key LIKE 'score.' || step "
                       "|| '.%'), lambda e: CAST(e.value AS DOUBLE)), round(score, 6))").fetchall()[0][0]
    assert off == 0
    scored = duck.execute(f"SELECT count(*), count(quality_score), min(cardinality(scores)), "
                          f"count(DISTINCT list_sort(list_distinct(list_transform(map_keys(scores), "
                          f"lambda k: split_part(k, '.', 1))))) FROM read_parquet('{sample_run}/docs/**/*.parquet')"
                          ).fetchall()[0]
    assert scored[0] == scored[1] and scored[2] == 19 and scored[3] == 1
    meta = json.loads((sample_run / "models" / "quality_model_v1.ftz.json").read_text())
    assert meta["examples"]["low"] == len(expected) and meta["model_bytes"] < 8_000_000


def test_docs_layout_and_schema(sample_run: Path, duck: duckdb.DuckDBPyConnection) -> None:
    assert sorted(p.name for p in (sample_run / "docs").iterdir() if p.is_dir()) == [
        "domain=cultural", "domain=legal", "domain=manufacturing", "domain=web"]
    cols = [c[0] for c in duck.execute(
        f"DESCRIBE SELECT * FROM read_parquet('{sample_run}/docs/**/*.parquet', hive_partitioning=true)").fetchall()]
    for c in ("doc_id", "source", "source_record_id", "domain", "text", "licence", "locator", "text_sha256", "meta",
              "language"):
        assert c in cols
    # Every sample document is Korean by the language block (the sample keeps Korean only).
    assert duck.execute(f"SELECT DISTINCT language FROM read_parquet('{sample_run}/docs/**/*.parquet')"
                        ).fetchall() == [("ko",)]
    # The statute source maps its records' `kind` into meta (schema 2); other sources have none.
    kinds = duck.execute(f"SELECT source, count(*), count(meta['kind']) FROM read_parquet('{sample_run}/docs/**/*"
                         ".parquet', hive_partitioning=true) GROUP BY source ORDER BY source").fetchall()
    assert all((n == k) == (src == "legal_statutes") or (src != "legal_statutes" and k == 0) for src, n, k in kinds)
    assert dict((s, k) for s, _, k in kinds)["legal_statutes"] > 0
    for sub in ("provenance", "quarantine", "work", "reports"):
        assert (sample_run / sub).is_dir()
    run = json.loads((sample_run / "run.json").read_text())
    for key in ("run_id", "config_hash", "manifest", "packages", "inputs", "stages", "spark"):
        assert key in run
    assert all(len(f["sha256"]) == 64 for f in run["inputs"]) and run["docs_schema_version"] == 3
    assert len(run["inputs"]) == 45


def test_explain_shows_the_history_of_a_duplicate(sample_run: Path, duck: duckdb.DuckDBPyConnection) -> None:
    from pipeline.explain import explain

    prov(duck, sample_run)
    doc, survivor = duck.execute("SELECT doc_id, dup_of FROM p WHERE stage='exact_dedup' AND decision='drop' "
                                 "ORDER BY doc_id LIMIT 1").fetchall()[0]
    text = explain(str(sample_run), doc)
    assert "exact_dedup_v1.duplicate" in text and survivor in text and "outcome: removed at exact_dedup" in text
    assert doc in explain(str(sample_run), survivor)  # the survivor lists its duplicates


def _docs_content(run: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT * FROM read_parquet('{run}/docs/**/*.parquet', hive_partitioning=true) "
                           "ORDER BY doc_id").fetchall()
    finally:
        con.close()


def _prov_content(run: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect()
    try:
        return con.execute(f"SELECT stage, doc_id, decision, reason, score, dup_of, n_bytes, "
                           f"map_entries(details)::VARCHAR FROM read_parquet('{run}/provenance/*/*.parquet') "
                           "ORDER BY stage, doc_id").fetchall()
    finally:
        con.close()


def test_resume_skips_finished_stages_and_reruns_what_a_change_affects(sample_run: Path, tmp_path: Path) -> None:
    import shutil

    from pipeline.manifest import load_run
    from pipeline.runner import execute
    from tests.conftest import SAMPLE_MANIFEST

    run = tmp_path / "resumed"
    shutil.copytree(sample_run, run)
    before = _docs_content(run)
    record = execute(load_run(SAMPLE_MANIFEST, output=str(run), master="local[2]"), resume=True)
    assert [s["skipped"] for s in record["stages"]] == [True] * len(STAGES)
    assert _docs_content(run) == before

    # A changed export parameter reruns export and the stages after it (tokenizer, tokens).
    text = SAMPLE_MANIFEST.read_text().replace("target_shard_mb = 64", "target_shard_mb = 0.05")
    changed = tmp_path / "changed.toml"
    changed.write_text(relocatable(text))
    record = execute(load_run(changed, output=str(run), master="local[2]"), resume=True)
    n = STAGES.index("export")
    assert [s["skipped"] for s in record["stages"]] == [True] * n + [False] * (len(STAGES) - n)
    assert _docs_content(run) == before
    assert len(list((run / "docs" / "domain=web").glob("*.parquet"))) > 1  # smaller shards, more files

    # A stage interrupted before its completion record is redone with its pass (PII, decontam and domains) and
    # the stages after it (a kill inside exact_dedup, a shuffle stage, is tests/test_faults.py's).
    (run / "work" / "_done" / "decontam.json").unlink()
    record = execute(load_run(changed, output=str(run), master="local[2]"), resume=True)
    n = STAGES.index("pii")
    assert [s["skipped"] for s in record["stages"]] == [True] * n + [False] * (len(STAGES) - n)
    assert _docs_content(run) == before


def test_a_fresh_run_does_not_mix_with_an_earlier_one(sample_run: Path, tmp_path: Path) -> None:
    import shutil

    from pipeline.manifest import load_run
    from pipeline.runner import execute
    from tests.conftest import SAMPLE_MANIFEST

    run = tmp_path / "rerun"
    shutil.copytree(sample_run, run)
    (run / "notes.txt").write_text("the user's own file")
    text = SAMPLE_MANIFEST.read_text().replace(f'"exact_dedup", {", ".join(repr(s) for s in STAGES[3:])}]'
                                               .replace("'", '"'), '"exact_dedup"]')
    m = tmp_path / "no_export.toml"
    m.write_text(relocatable(text))
    execute(load_run(m, output=str(run), master="local[2]"))
    assert sorted(p.name for p in (run / "provenance").iterdir()) == ["exact_dedup", "ingest", "normalize"]
    assert not (run / "docs").exists()
    assert (run / "notes.txt").read_text() == "the user's own file"
