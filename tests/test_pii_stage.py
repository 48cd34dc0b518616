"""The PII stage: policy per entity type, keyed-hash audit trail, the key's handling, and a scan of
every deliverable of the sample run for the planted PII of sample_data/ (none may be left)."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from filters.pii import MIN_SCORE, key_fingerprint, keyed_hash
from filters.pii_policy import PiiPolicy, apply
from pipeline.errors import ManifestError
from pipeline.pii_key import resolve_key
from tests.conftest import SAMPLE_MANIFEST, TEST_PII_KEY, relocatable

KEY = b"unit-test-key-0123456789"
#: sample_data's ground-truth types -> the stage's entity types.
TYPE = {"KR_PHONE": "PHONE_NUMBER"}


# ----------------------------------------------------------------------------- policy, pure


def test_redact_records_offsets_and_hashes_never_values() -> None:
    text = "문의: 담당자: 김민수, 전화 010-1234-5678"
    o = apply({"title": "공지", "text": text}, PiiPolicy(), KEY)
    assert o.decision == "modify" and o.reason == "pii_v2.redacted"
    assert o.fields["text"] == "문의: 담당자: <|person|>, 전화 <|phone|>" and o.fields["title"] == "공지"
    got = {(f.entity, text[f.start:f.end], f.hash) for f in o.findings}
    assert got == {("PERSON", "김민수", keyed_hash(KEY, "PERSON", "김민수")),
                   ("PHONE_NUMBER", "010-1234-5678", keyed_hash(KEY, "PHONE_NUMBER", "01012345678"))}
    details = o.details()
    assert details["pii.types"] == "PERSON:1,PHONE_NUMBER:1" and details["pii.count"] == 2
    assert "1234" not in str(details) and "김민수" not in str(details)


def test_title_is_scanned_and_mask_and_drop_actions_apply() -> None:
    o = apply({"title": "연락처 010-9876-5432", "text": "카드 4111-1111-1111-1111 결제"},
              PiiPolicy(actions=(("CREDIT_CARD", "mask"),)), KEY)
    assert o.fields["title"] == "연락처 <|phone|>" and o.fields["text"] == "카드 ******************* 결제"
    assert [f.field for f in o.findings] == ["title", "text"]
    dropped = apply({"title": None, "text": "주민등록번호 900101-1081234 입니다"},
                    PiiPolicy(actions=(("KR_RRN", "drop"),)), KEY)
    assert (dropped.decision, dropped.reason) == ("drop", "pii_v2.drop_entity")
    assert "900101" not in (dropped.fields["text"] or "")  # the stage's dataset holds the redacted text


def test_dense_pii_drops_the_document_and_sparse_pii_is_redacted() -> None:
    names = ["김민수", "이서연", "박지훈"]
    rows = "\n".join(f"성명: {n} 연락처 010-{1000 + i}-{2000 + i}" for i, n in enumerate(names))
    dense = apply({"text": rows}, PiiPolicy(), KEY)
    assert (dense.decision, dense.reason) == ("drop", "pii_v2.density") and dense.score >= 0.25
    sparse = apply({"text": "행사 안내문입니다. " * 20 + "문의 010-1234-5678"}, PiiPolicy(), KEY)
    assert sparse.decision == "modify" and sparse.score < 0.1
    clean = apply({"text": "민법 제123조의2에 따라 2024-03-15까지 15,500원을 배상한다."}, PiiPolicy(), KEY)
    assert (clean.decision, clean.reason, clean.findings) == ("keep", None, [])


# ----------------------------------------------------------------------------- key and manifest


def test_key_from_env_then_file_and_never_inside_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOCURATE_TEST_KEY", "x" * 32)
    assert resolve_key("KOCURATE_TEST_KEY", "/nonexistent", None) == (b"x" * 32, "env:KOCURATE_TEST_KEY")
    monkeypatch.setenv("KOCURATE_TEST_KEY", "short")
    with pytest.raises(ManifestError, match="at least 16"):
        resolve_key("KOCURATE_TEST_KEY", "/nonexistent", None)
    monkeypatch.delenv("KOCURATE_TEST_KEY")
    with pytest.raises(ManifestError, match="does not exist"):
        resolve_key("KOCURATE_TEST_KEY", str(tmp_path / "missing.key"), None)
    inside = tmp_path / "run" / "pii.key"
    inside.parent.mkdir()
    inside.write_text("y" * 32)
    with pytest.raises(ManifestError, match="inside the run directory"):
        resolve_key("KOCURATE_TEST_KEY", str(inside), str(tmp_path / "run"))
    # The default key file is created once, owner-only, and then reused (stable hashes).
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    first = resolve_key("KOCURATE_TEST_KEY", "~/.config/kocurate/pii.key", None)
    created = tmp_path / "home" / ".config" / "kocurate" / "pii.key"
    assert created.stat().st_mode & 0o077 == 0 and len(first[0]) == 64
    assert resolve_key("KOCURATE_TEST_KEY", "~/.config/kocurate/pii.key", None) == first


@pytest.mark.parametrize(("table", "message"), [
    ("policy = { KR_SSN = \"redact\" }", "key 'stages.pii.policy.KR_SSN': unknown entity type"),
    ("policy = { KR_RRN = \"hash\" }", "invalid action 'hash'; allowed: redact, mask, drop"),
    ("default_action = \"keep\"", "invalid value 'keep'; allowed: redact, mask, drop"),
])
def test_manifest_rejects_bad_policies(tmp_path: Path, table: str, message: str) -> None:
    from pipeline.manifest import load_run

    text = relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    text = re.sub(r"\[stages\.pii\][^\[]*", f"[stages.pii]\n{table}\n\n", text)
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_run(tmp_path / "m.toml")


def test_a_changed_key_changes_the_fingerprints_of_pii_and_later_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.manifest import load_run
    from pipeline.runner import stage_fingerprints

    a = stage_fingerprints(load_run(SAMPLE_MANIFEST), [])
    monkeypatch.setenv("KOCURATE_PII_KEY", "a-different-key-0123456789")
    m = load_run(SAMPLE_MANIFEST)
    b = stage_fingerprints(m, [])
    changed = [s for s in m.stages if a[s] != b[s]]
    assert changed == list(m.stages[m.stages.index("pii"):])
    assert "a-different-key" not in str(m.resolved())


def test_an_order_with_pii_before_quality_is_refused_with_the_reason(tmp_path: Path) -> None:
    from pipeline.manifest import load_run

    text = relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    old = '"exact_dedup", "pii", "quality", "fuzzy_dedup", "decontam"'
    text = re.sub(r'"exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam"', old, text)
    assert old in text
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match="PII runs after fuzzy dedup, on the documents that survive it"):
        load_run(tmp_path / "m.toml")


def test_the_quality_model_learns_from_redacted_examples() -> None:
    """The PII stage runs after quality: a model quality trains in the run would otherwise keep raw identifiers
    in its vocabulary. The examples go through the detector first, at the lowest score any PII chain takes."""
    import pyarrow as pa

    from pipeline.stages.s40_quality import _scrub_batches

    batch = pa.RecordBatch.from_pylist([
        {"doc_id": "a", "text": "주민등록번호 830207-2555896 으로 조회, 문의 010-1234-5678"},
        {"doc_id": "b", "text": None},
        {"doc_id": "c", "text": "개인정보가 없는 문장입니다."}])
    out = next(_scrub_batches(iter([batch]), min_score=0.5)).to_pylist()
    assert out[0]["text"] == "주민등록번호 <|kr_rrn|> 으로 조회, 문의 <|phone|>"
    assert [r["text"] for r in out[1:]] == [None, "개인정보가 없는 문장입니다."]
    assert [r["doc_id"] for r in out] == ["a", "b", "c"]


def test_the_examples_are_redacted_at_the_lowest_score_any_pii_chain_takes(tmp_path: Path) -> None:
    from pipeline.manifest import load_run
    from pipeline.stages.s40_quality import scrub_score

    text = relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    (tmp_path / "a.toml").write_text(text, encoding="utf-8")
    assert scrub_score(load_run(tmp_path / "a.toml")) == MIN_SCORE
    lower = re.sub(r"\[stages\.pii\]\n", "[stages.pii]\nmin_score = 0.6\n"
                   "[stages.pii.per_source.web_reviews]\nmin_score = 0.45\n", text)
    (tmp_path / "b.toml").write_text(lower, encoding="utf-8")
    assert scrub_score(load_run(tmp_path / "b.toml")) == 0.45
    without = re.sub(r'"fuzzy_dedup", "pii", ', '"fuzzy_dedup", ', text)
    (tmp_path / "c.toml").write_text(re.sub(r"\[stages\.pii\][^\[]*", "", without), encoding="utf-8")
    m = load_run(tmp_path / "c.toml")
    assert "pii" not in m.stages and scrub_score(m) is None


def test_a_new_detector_retrains_the_quality_model_on_resume(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quality model's examples depend on the PII detector (above): its rules version is part of the quality
    stage's fingerprint where the model is trained in the run, and only there."""
    import filters.pii_rules as R
    from pipeline.manifest import load_run
    from pipeline.runner import stage_fingerprints

    a = stage_fingerprints(load_run(SAMPLE_MANIFEST), [])
    monkeypatch.setattr(R, "RULES_VERSION", R.RULES_VERSION + 1)
    m = load_run(SAMPLE_MANIFEST)
    assert m.params["quality"]["quality_model"] == "train"
    b = stage_fingerprints(m, [])
    assert [s for s in m.stages if a[s] != b[s]] == list(m.stages[m.stages.index("quality"):])
    without = dataclasses.replace(m, params={**m.params, "quality": {**m.params["quality"], "quality_model": ""}})
    before = dataclasses.replace(without, params={**without.params, "pii": {**m.params["pii"], "rules_version": 1}})
    c, d = stage_fingerprints(without, []), stage_fingerprints(before, [])
    assert [s for s in m.stages if c[s] != d[s]] == list(m.stages[m.stages.index("pii"):])


# ----------------------------------------------------------------------------- the sample run


def _planted(ground_truth: dict[str, Any]) -> list[dict[str, str]]:
    return [{**p, "entity": TYPE.get(p["type"], p["type"])} for p in ground_truth["pii"]]


def test_every_planted_identifier_is_found_and_provable_by_keyed_hash(sample_run: Path,
                                                                      ground_truth: dict[str, Any]) -> None:
    con = duckdb.connect()
    from pipeline.audit import open_audit

    open_audit(str(sample_run), con)
    key = TEST_PII_KEY.encode()
    hashes = {h for (h,) in con.execute("SELECT hash FROM pii_findings").fetchall()}
    for p in _planted(ground_truth):
        assert keyed_hash(key, p["entity"], p["value"]) in hashes, f"{p['source']} {p['record_id']} {p['entity']}"
    # The run records the key's fingerprint, never the key.
    run_json = (sample_run / "run.json").read_text(encoding="utf-8")
    assert key_fingerprint(key) in run_json and TEST_PII_KEY not in run_json
    # Every document with findings is redacted and passed on, with counts in its provenance.
    rows = con.execute("SELECT decision, reason, details['pii.types'] FROM decisions WHERE stage = 'pii' "
                       "AND details['pii.types'] IS NOT NULL").fetchall()
    assert rows and {(d, r) for d, r, _ in rows} == {("modify", "pii_v2.redacted")}
    con.close()
    # The auditor's report counts findings per source, field and type: the notice with a table (qa-010)
    # holds an account and two names in its text.
    from pipeline.audit import report

    cols, report_rows = report(str(sample_run), "pii")
    assert cols[:4] == ["source", "field", "entity", "action"]
    by = {(r[0], r[1], r[2]): r[4] for r in report_rows}
    assert by[("web_qa", "text", "PERSON")] >= 2 and by[("web_qa", "text", "KR_BANK_ACCOUNT")] == 1


def _values(ground_truth: dict[str, Any]) -> set[str]:
    out = set()
    for p in ground_truth["pii"]:
        out.add(p["value"])
        digits = re.sub(r"\D", "", p["value"])
        if len(digits) >= 9:
            out.add(digits)
    return out


def _deliverables(run: Path) -> list[Path]:
    """Everything a run hands out: all of the run directory but work/ and quarantine/, which hold raw
    input and are restricted like the input itself (docs/pii.md)."""
    return [p for p in run.rglob("*") if p.is_file() and p.relative_to(run).parts[0] not in ("work", "quarantine")]


def test_no_planted_pii_in_any_deliverable(sample_run: Path, ground_truth: dict[str, Any]) -> None:
    values = _values(ground_truth)
    files = _deliverables(sample_run)
    kinds = {p.relative_to(sample_run).parts[0] for p in files}
    assert {"docs", "provenance", "reports", "models", "tokens", "run.json"} <= kinds
    assert (sample_run / "reports" / "run.log").stat().st_size > 0
    import sentencepiece as spm

    from tokenizer.megatron import IndexedShard

    sp = spm.SentencePieceProcessor(model_file=str(sample_run / "tokens" / "tokenizer" / "spm.model"))
    for path in files:
        if path.suffix == ".parquet":
            blob = str(pq.read_table(path).to_pylist()).encode("utf-8")  # decoded: pages are compressed
        elif path.suffix == ".bin":  # token shards: decoded back to text
            shard = IndexedShard(str(path)[: -len(".bin")])
            blob = "\n".join(sp.decode(shard[i].astype(int).tolist()) for i in range(len(shard))).encode("utf-8")
        else:
            blob = path.read_bytes()
        for v in values:
            assert v.encode("utf-8") not in blob, f"planted PII ({len(v)} chars) left in {path}"
    # The curated text carries the placeholders where the values were.
    docs = str([r["text"] for p in files if p.parts[-1].endswith(".parquet") and "docs" in p.parts
                for r in pq.read_table(p, columns=["text"]).to_pylist()])
    assert "<|kr_rrn|>" in docs and "<|phone|>" in docs and "<|email|>" in docs


def test_pii_lookup_command_confirms_a_removed_number(sample_run: Path, ground_truth: dict[str, Any]) -> None:
    rrn = next(p["value"] for p in ground_truth["pii"] if p["type"] == "KR_RRN")
    cmd = [sys.executable, "-m", "pipeline", "audit", str(sample_run), "--pii-lookup", "KR_RRN"]
    ok = subprocess.run(cmd, input=f"{rrn}\n", capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and "found in 1 place" in ok.stdout and rrn not in ok.stdout + ok.stderr
    missing = subprocess.run(cmd, input="900101-1000000\n", capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "not found" in missing.stdout
    wrong = subprocess.run(cmd, input=f"{rrn}\n", capture_output=True, text=True, timeout=120,
                           env={**os.environ, "KOCURATE_PII_KEY": "another-key-0123456789abcdef"})
    assert wrong.returncode == 2 and "is not the run's" in wrong.stderr
