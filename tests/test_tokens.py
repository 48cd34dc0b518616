"""Token shards: the Megatron index format, Megatron-Core's own reader, lineage from any token back to
its document, ``tokens verify``, and the PyTorch windows dataset (CPU; GPU where one is present)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pytest

from tokenizer import megatron as M
from tokenizer.spm import SPECIAL_IDS
from tokenizer.verify import verify


def test_index_round_trip(tmp_path: Path) -> None:
    seqs = [np.arange(n, dtype=np.int64) % 70_000 for n in (1, 5, 0, 1000, 3)]
    for dtype in (np.uint16, np.int32):
        w = M.ShardWriter(tmp_path / f"x_{dtype.__name__}", dtype)
        offsets = [w.add(s.astype(dtype)) for s in seqs]
        info = w.close()
        r = M.IndexedShard(info.prefix)
        assert r.dtype == np.dtype(dtype) and len(r) == len(seqs)
        assert [o for o, _ in offsets] == [0, 1, 6, 6, 1006]
        for s, i in zip(seqs, range(len(seqs)), strict=True):
            assert np.array_equal(r[i], s.astype(dtype))
        assert list(r.document_indices) == list(range(len(seqs) + 1))
        assert r.pointers[-1] == 1006 * np.dtype(dtype).itemsize
        raw = Path(info.prefix + ".idx").read_bytes()
        assert raw[:9] == M.MAGIC and raw[9:17] == (1).to_bytes(8, "little")
        assert raw[17] == M.DTYPE_CODES[dtype]
    assert M.dtype_for(64_000) is np.uint16 and M.dtype_for(128_000) is np.int32


def test_megatron_core_reads_the_shards_as_written(sample_run: Path) -> None:
    indexed = pytest.importorskip("megatron.core.datasets.indexed_dataset")
    man = json.loads((sample_run / "tokens" / "manifest.json").read_text())
    for s in man["shards"]:
        prefix = str(sample_run / "tokens" / s["prefix"])
        theirs = indexed.IndexedDataset(prefix, mmap=True)
        ours = M.IndexedShard(prefix)
        assert len(theirs) == len(ours) == s["sequences"]
        for i in range(len(ours)):
            assert np.array_equal(theirs[i], ours[i])
        assert np.array_equal(theirs.document_indices, ours.document_indices)


def test_lineage_from_any_token_to_its_document(sample_run: Path) -> None:
    import sentencepiece as spm

    tokens = sample_run / "tokens"
    man = json.loads((tokens / "manifest.json").read_text())
    sp = spm.SentencePieceProcessor(model_file=str(tokens / man["tokenizer"]))
    con = duckdb.connect()
    docs = dict(con.execute(f"SELECT doc_id, text FROM read_parquet('{sample_run}/docs/**/*.parquet')").fetchall())
    meta = {r[0]: r[1:] for r in con.execute(
        f"SELECT doc_id, source, licence, domain FROM read_parquet('{sample_run}/docs/**/*.parquet', "
        "hive_partitioning=true)").fetchall()}
    rng = np.random.default_rng(1)
    for s in man["shards"]:
        prefix = tokens / s["prefix"]
        shard = M.IndexedShard(prefix)
        for pos in rng.integers(0, shard.tokens, 25):
            # The auditor's join: the sidecar row whose token range holds the position.
            row = con.execute(f"SELECT doc_id, source, licence, domain, token_offset, n_tokens, run_id FROM "
                              f"read_parquet('{prefix}.parquet') WHERE token_offset <= {pos} AND "
                              f"{pos} < token_offset + n_tokens").fetchall()
            assert len(row) == 1
            doc_id, source, licence, domain, off, n, run_id = row[0]
            seq = shard.bin[off: off + n]
            assert seq[-1] == SPECIAL_IDS["</s>"]
            assert sp.decode(seq[:-1].astype(int).tolist()) == docs[doc_id]
            assert (source, licence, domain) == meta[doc_id]
            assert run_id == man["run_id"]
    # Every curated document is in the shards (upsampled ones several times), and only they are.
    seen = {r[0] for r in con.execute(f"SELECT DISTINCT doc_id FROM read_parquet('{tokens}/*/*.parquet')").fetchall()}
    assert seen == set(docs)


def test_manifest_counts_blend_and_config(sample_run: Path) -> None:
    tokens = sample_run / "tokens"
    man = json.loads((tokens / "manifest.json").read_text())
    for split, total in man["tokens"].items():
        assert sum(man["tokens_by_domain"][split].values()) == total
        assert sum(man["tokens_by_source"][split].values()) == total
        parts = (tokens / f"blend_{split}.txt").read_text().split()
        assert sum(float(w) for w in parts[0::2]) == pytest.approx(1.0, abs=1e-4)
        assert all((tokens / (p + ".bin")).exists() for p in parts[1::2])
    assert set(man["tokens"]) == {"train", "valid"}
    cfg = json.loads((tokens / "tokenizer_config.json").read_text())
    assert (cfg["bos_token_id"], cfg["eos_token_id"], cfg["pad_token_id"]) == (1, 2, 3)
    assert cfg["placeholder_token_ids"]["<|kr_rrn|>"] == man["placeholder_ids"]["<|kr_rrn|>"]
    # Legal documents are upsampled 1.5x by the sample manifest: some appear twice.
    con = duckdb.connect()
    copies = dict(con.execute(f"SELECT domain, max(copy) FROM read_parquet('{tokens}/train/*.parquet') "
                              "GROUP BY 1").fetchall())
    assert copies["legal"] >= 1
    # Each document appears as many times as the stage's decision says (its copies detail).
    per_doc = dict(con.execute(f"SELECT doc_id, count(*) FROM read_parquet('{tokens}/*/*.parquet') GROUP BY 1")
                   .fetchall())
    decided = dict(con.execute(f"SELECT doc_id, copies FROM read_parquet('{sample_run}/work/tokens/*.parquet') "
                               "WHERE _decision = 'keep'").fetchall())
    assert per_doc == decided
    valid = {r[0] for r in con.execute(f"SELECT doc_id FROM read_parquet('{tokens}/valid/*.parquet')").fetchall()}
    train = {r[0] for r in con.execute(f"SELECT doc_id FROM read_parquet('{tokens}/train/*.parquet')").fetchall()}
    assert valid and not valid & train


def test_verify_passes_and_catches_corruption(sample_run: Path, tmp_path: Path) -> None:
    rep = verify(str(sample_run), sample=10_000)
    assert rep.ok, rep.problems
    assert rep.decoded == rep.sequences > 0
    copy = tmp_path / "run"
    shutil.copytree(sample_run / "tokens", copy / "tokens")
    shutil.copytree(sample_run / "docs", copy / "docs")
    first = json.loads((copy / "tokens" / "manifest.json").read_text())["shards"][0]["prefix"]
    b = copy / "tokens" / (first + ".bin")
    data = bytearray(b.read_bytes())
    data[10] ^= 0xFF
    b.write_bytes(bytes(data))
    rep = verify(str(copy))
    assert not rep.ok and any("checksum" in p for p in rep.problems)


def test_audit_tokens_report_matches_the_manifest(sample_run: Path) -> None:
    from pipeline import audit

    man = json.loads((sample_run / "tokens" / "manifest.json").read_text())
    cols, rows = audit.report(str(sample_run), "tokens")
    by_split: dict[str, int] = {}
    for r in rows:
        by_split[r[0]] = by_split.get(r[0], 0) + r[cols.index("tokens")]
    assert by_split == man["tokens"]
    assert all(r[cols.index("licence")] for r in rows)


def test_build_verify_and_eval_commands(sample_run: Path, tmp_path: Path) -> None:
    """`kocurate tokens build` on a finished run reuses every stage; `tokens verify` and `tokenizer eval`
    run as commands."""
    import subprocess

    from tests.conftest import ROOT, SAMPLE_MANIFEST, venv_bin

    run = tmp_path / "run"
    shutil.copytree(sample_run, run)
    res = subprocess.run([venv_bin("kocurate"), "tokens", "build", str(SAMPLE_MANIFEST), "--output", str(run),
                          "--master", "local[1]"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "tokens: train " in res.stdout and "tokens: already complete" in res.stderr
    ok = subprocess.run([venv_bin("kocurate"), "tokens", "verify", str(run), "--sample", "20"],
                        capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and ok.stdout.strip().endswith("ok")
    ev = subprocess.run([venv_bin("kocurate"), "tokenizer", "eval", str(run / "models" / "tokenizer" / "spm.model"),
                         str(run / "docs"), "--no-baselines", "--boundary-chars", "3000"],
                        capture_output=True, text=True, timeout=300)
    assert ev.returncode == 0, ev.stderr[-2000:]
    assert "tokens_per_unit" in ev.stdout and "eojeol" in ev.stdout and "legal" in ev.stdout
    assert "multi_eojeol" in ev.stdout
