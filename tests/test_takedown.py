"""``kocurate takedown``: a removal request by URL, doc id or personal value finds every copy of the
content (exact and fuzzy duplicates, both directions) and the curated shards to rebuild."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.audit import stage_dataset
from pipeline.errors import KocurateError
from pipeline.takedown import render, takedown


def _ids(run: Path) -> dict[tuple[str, str], str]:
    ingested = stage_dataset(str(run), "ingest")
    rows = duckdb.sql(f"SELECT source, source_record_id, doc_id FROM read_parquet('{ingested}/*.parquet')")
    return {(s, r): d for s, r, d in rows.fetchall()}


def test_a_url_finds_the_surviving_copy_of_a_mirrored_document(sample_run: Path,
                                                               ground_truth: dict[str, Any]) -> None:
    ids = _ids(sample_run)
    group = next(g for g in ground_truth["exact_duplicate_groups"] if g["copy_kind"] == "mirror")
    members = {ids[(m["source"], m["record_id"])] for m in group["members"]}
    got = takedown(str(sample_run), [], ["https://mirror.example.kr/law/12"], [])
    assert {a.doc_id for a in got} == members
    assert got[0].relation == "requested (url)"
    curated = [a for a in got if a.outcome == "curated"]
    assert len(curated) == 1 and curated[0].shard and curated[0].shard.startswith("docs/domain=legal/")
    assert (sample_run / curated[0].shard).is_file()
    assert "shards to rebuild: docs/domain=legal/" in render(got)
    # The token ranges that hold it: each decodes to the curated text.
    import json

    import sentencepiece as spm

    from tokenizer.megatron import IndexedShard

    assert curated[0].token_ranges
    sp = spm.SentencePieceProcessor(model_file=str(sample_run / "tokens" / "tokenizer" / "spm.model"))
    text = duckdb.sql(f"SELECT text FROM read_parquet('{sample_run}/docs/**/*.parquet') WHERE doc_id = "
                      f"'{curated[0].doc_id}'").fetchall()[0][0]
    for r in curated[0].token_ranges:
        prefix, span = r.rstrip("]").split("[")
        a, b = map(int, span.split(":"))
        toks = IndexedShard(sample_run / "tokens" / prefix).bin[a:b]
        assert sp.decode(toks[:-1].astype(int).tolist()) == text
    assert "token shards to rebuild (tokens/): " in render(got)
    assert json.loads((sample_run / "tokens" / "manifest.json").read_text())["shards"]


def test_a_removed_near_duplicate_leads_to_its_curated_survivor(sample_run: Path,
                                                                ground_truth: dict[str, Any]) -> None:
    ids = _ids(sample_run)
    near = next(n for n in ground_truth["near_duplicates"] if n["source"] == "legal_statutes")
    pair = {ids[(near["source"], near["record_id"])], ids[(near["of"]["source"], near["of"]["record_id"])]}
    dropped = {d for (d,) in duckdb.sql(f"SELECT doc_id FROM read_parquet('{sample_run}/provenance/fuzzy_dedup/"
                                          "*.parquet') WHERE decision = 'drop'").fetchall()}
    removed = (pair & dropped).pop()
    got = {a.doc_id: a for a in takedown(str(sample_run), [removed], [], [])}
    assert set(got) >= pair
    survivor = got[(pair - {removed}).pop()]
    assert survivor.relation.startswith("surviving copy (fuzzy_dedup) of") and survivor.outcome == "curated"
    assert got[removed].outcome == "removed at fuzzy_dedup: fuzzy_dedup_v2.near_duplicate"


def test_a_personal_value_is_found_by_keyed_hash_and_reported_redacted(sample_run: Path,
                                                                       ground_truth: dict[str, Any]) -> None:
    rrn = next(p["value"] for p in ground_truth["pii"] if p["type"] == "KR_RRN")
    res = subprocess.run([sys.executable, "-m", "pipeline", "takedown", str(sample_run), "--pii", "KR_RRN"],
                         input=f"{rrn}\n", capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert res.returncode == 0, res.stderr
    assert "requested (personal value, redact)" in res.stdout and "no curated shard holds it" in res.stdout
    assert rrn not in res.stdout + res.stderr


def test_an_unknown_document_is_an_error(sample_run: Path) -> None:
    with pytest.raises(KocurateError, match="not in the run's provenance: nope"):
        takedown(str(sample_run), ["nope"], [], [])
