"""The ablation harness (benchmarks/ablation.py): its variants, its clean-comparison rules, the model's
bits per byte and reproducibility, and raw against full on the sample run (the CPU scale)."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq
import pytest

torch = pytest.importorskip("torch")

from benchmarks import ablation  # noqa: E402
from benchmarks._common import CORPORA  # noqa: E402
from benchmarks.ablation_lm import ModelSpec, TinyLM, TrainSpec, batches, bits_per_byte, train  # noqa: E402
from pipeline import datacard  # noqa: E402
from tokenizer.megatron import ShardWriter  # noqa: E402
from tokenizer.torch_dataset import TokenWindows  # noqa: E402

STAGES = ("ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam", "domains", "export",
          "tokenizer", "tokens")
CURATED = ["exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam", "domains"]


def test_variants_added_in_turn_and_left_out() -> None:
    add = {v.name: v.stages for v in ablation.variants_of(STAGES, ["add"])}
    assert list(add) == ["raw", "+exact_dedup", "+quality", "+fuzzy_dedup", "+pii", "+decontam", "full"]
    assert add["raw"] == ("ingest", "normalize", "export")
    assert add["+pii"] == ("ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "export")
    assert add["full"] == STAGES[:-2]  # a variant's run ends at export: the shards are the harness's
    loo = {v.name: v.stages for v in ablation.variants_of(STAGES, ["loo"])}
    assert list(loo) == ["raw", *[f"-{s}" for s in CURATED], "full"]
    assert loo["-quality"] == ("ingest", "normalize", "exact_dedup", "fuzzy_dedup", "pii", "decontam", "domains",
                               "export")
    changed = ablation.variants_of(STAGES, ["full"], ["strict:quality.min_quality_score=0.3"])
    assert [v.name for v in changed] == ["raw", "full", "strict"]
    assert changed[-1].changes == (("quality", "min_quality_score", 0.3),) and changed[-1].stages == STAGES[:-2]
    for bad in (["+tokens"], ["-export"], ["everything"]):
        with pytest.raises(SystemExit, match="unknown variant"):
            ablation.variants_of(STAGES, bad)
    with pytest.raises(SystemExit, match=r"NAME:STAGE\.KEY=VALUE"):
        ablation.variants_of(STAGES, ["raw"], ["strict:nothing=1"])


def test_held_out_text_is_removed_from_training() -> None:
    """A training document that holds held-out text (whole, respaced, or inside a longer page) is removed;
    one that shares a phrase or two is not."""
    news = ("서울시는 오늘 시청 앞 광장에서 새해 맞이 행사를 열고 시민 수천 명이 모인 가운데 타종 행사와 "
            "불꽃놀이를 진행했다고 밝혔다 행사는 자정까지 이어졌다")
    review = "배우들 연기가 정말 좋았어요 또 보고 싶네요"
    overlap = ablation.Overlap({"news": [("n1", news)], "reviews": [("r1", review)]})
    assert overlap.hits(news)
    assert overlap.hits("공지사항\n" + news.replace(" ", "  ") + "\n댓글 3개")
    assert overlap.hits("  배우들 연기가 정말   좋았어요 또 보고 싶네요 ")  # a short text: whole, modulo spacing
    words = news.split()
    assert not overlap.hits(" ".join(words[:9]) + " 그리고 다른 이야기가 이어진다 전혀 다른 내용의 글이다")
    assert not overlap.hits("배우들 연기가 정말 좋았어요")
    # A long held-out statute: a training statute sharing a formulaic phrase (three windows) is kept, one
    # holding a fifth of it is removed.
    statute = " ".join(f"제{i}조 이 법에서 사용하는 용어의 뜻은 다음과 같다 항목 {i} 번" for i in range(30))
    law = ablation.Overlap({"statutes": [("s1", statute)]})
    w = statute.split()
    assert not law.hits("다른 법률 " + " ".join(w[13:23]) + " 부칙")
    assert law.hits("다른 법률 " + " ".join(w[: len(w) // 4]) + " 부칙")


def test_reused_run_must_match_the_variant(tmp_path: Path) -> None:
    from pipeline.manifest import load_run
    from tests.conftest import SAMPLE_MANIFEST

    base = load_run(SAMPLE_MANIFEST)
    full = ablation.manifest_for(base, ablation.variants_of(base.stages, ["full"])[1], tmp_path / "full")
    run = {"status": "succeeded", "manifest": json.loads(json.dumps(base.resolved(), default=str))}
    (tmp_path / "run.json").write_text(json.dumps(run), encoding="utf-8")
    assert ablation.reusable(tmp_path, full) is None  # the sample run's tokenizer and tokens stages do not matter
    run["manifest"]["params"]["quality"]["min_quality_score"] = 0.5
    (tmp_path / "run.json").write_text(json.dumps(run), encoding="utf-8")
    assert ablation.reusable(tmp_path, full) == "its quality parameters differ"
    raw = ablation.manifest_for(base, ablation.Variant("raw", ablation.RAW), tmp_path / "raw")
    assert "its stages are" in str(ablation.reusable(tmp_path, raw))
    assert "no run.json" in str(ablation.reusable(tmp_path / "absent", raw))


def test_bits_per_byte_of_an_untrained_model_is_the_uniform_code() -> None:
    """Weights near zero predict every token about uniformly: log2(vocab) bits per token, divided by the
    text's bytes. The arithmetic of windows, chunks and units, checked against what it must give."""
    vocab, spec = 500, ModelSpec(d_model=32, n_layer=1, n_head=2, seq_len=16)
    torch.manual_seed(0)
    lm = TinyLM(vocab, spec)
    rng = np.random.default_rng(0)
    docs = [(rng.integers(4, vocab, n).tolist(), 3 * n) for n in (5, 16, 17, 40)]  # lengths across windows
    tokens = sum(len(i) for i, _ in docs)
    expected = tokens * math.log2(vocab) / sum(b for _, b in docs)
    assert bits_per_byte(lm, docs, eos=2) == pytest.approx(expected, rel=0.01)


def _shards(tmp: Path, seed: int = 0) -> Path:
    """A token stream with structure to learn: a few repeated phrases."""
    rng = np.random.default_rng(seed)
    phrases = [rng.integers(4, 60, 12) for _ in range(5)]
    w = ShardWriter(tmp / "train_00000", np.uint16)
    for k in rng.integers(0, 5, 300):
        w.add(np.concatenate([phrases[k], [2]]))
    info = w.close()
    (tmp / "manifest.json").write_text(json.dumps({"shards": [{"prefix": "train_00000", "split": "train",
                                                               "tokens": info.tokens}]}), encoding="utf-8")
    return tmp


def test_training_is_reproducible_and_learns(tmp_path: Path) -> None:
    model, spec = ModelSpec(d_model=32, n_layer=1, n_head=2, seq_len=32), TrainSpec(steps=30, batch=8, lr=1e-2)
    d = str(_shards(tmp_path))
    w = TokenWindows(d, "train", model.seq_len, 0)
    stream, starts, span = batches(w, "cpu")
    for i in (0, 5, len(w) - 1):  # a batch's gather is the dataset's own window
        assert torch.equal(stream[starts[i] + span], torch.cat([w[i][0], w[i][1][-1:]]))
    _, a = train(TokenWindows(d, "train", model.seq_len, 0), 64, model, spec, 0)
    _, b = train(TokenWindows(d, "train", model.seq_len, 0), 64, model, spec, 0)
    _, c = train(TokenWindows(d, "train", model.seq_len, 1), 64, model, spec, 1)
    assert a == b  # bit for bit, not only to the printed precision
    assert a != c
    assert a[-1] < a[0] - 1.5  # from about ln 64 towards the phrases' entropy


def test_paired_differences_and_stage_credit() -> None:
    results = {"raw": {0: {"g": 2.0}, 1: {"g": 2.2}},
               "+exact_dedup": {0: {"g": 1.9}, 1: {"g": 2.0}},
               "full": {0: {"g": 1.7}, 1: {"g": 1.95}},
               "-exact_dedup": {0: {"g": 1.8}, 1: {"g": 2.05}}}
    p = ablation.paired(results, ["g"])
    assert p["full"]["g"]["mean"] == pytest.approx(-0.275)
    assert p["full"]["g"]["sd"] == pytest.approx(math.sqrt(2 * 0.025 ** 2))
    assert p["full"]["g"]["sigmas"] == pytest.approx(0.275 / math.sqrt(2 * 0.025 ** 2))
    means = {n: {"g": sum(r[s]["g"] for s in r) / 2} for n, r in results.items()}
    c = ablation.credit(means, ["exact_dedup", "pii"], ["g"])
    assert c["added_in_turn"]["exact_dedup"]["g"] == pytest.approx(0.15)  # raw minus +exact_dedup
    assert c["added_in_turn"]["pii"]["g"] == pytest.approx(0.125)  # +exact_dedup minus full
    assert c["left_out"] == {"exact_dedup": {"g": pytest.approx(0.1)}}
    only = ablation.credit({"raw": means["raw"], "full": means["full"]}, CURATED, ["g"])
    assert only == {"added_in_turn": {"(all stages)": {"g": pytest.approx(0.275)}}, "left_out": {}}


def test_data_card_shows_the_ablation(tmp_path: Path) -> None:
    result: dict[str, Any] = {
        "eval": {"news": {}, "reviews": {}}, "parameters": 1234, "tokens_trained": 4096, "seeds": [0, 1],
        "tokenizer": {"vocab": 300},
        "variants": {n: {"config_hash": h * 16, "documents": d, "bpb_mean": {"news": m, "reviews": m, "all": m},
                         "bpb_sd": {"news": 0.01, "reviews": 0.01, "all": 0.01}, "bpb": {"0": {"all": m - 0.01},
                                                                                          "1": {"all": m + 0.01}}}
                     for n, h, d, m in (("raw", "a", 10, 3.1), ("full", "b", 8, 3.0))},
        "paired": {"full": {"all": {"mean": -0.1, "sigmas": 12.0}}},
    }
    assert datacard._ablation(str(tmp_path)) == ([], [])
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "ablation.json").write_text(json.dumps(result), encoding="utf-8")
    page, md = datacard._ablation(str(tmp_path))
    html = "".join(page)
    assert "<svg" in html and "full (bbbbbbbb)" in html and html.count("<circle") == 4
    table = "\n".join(md)
    assert "| full | bbbbbbbbbbbb | 8 | 4,096 | 3.0000 ± 0.0100 |" in table and "-0.1000 | 12.0 |" in table


@pytest.mark.spark
@pytest.mark.slow
def test_raw_against_full_on_the_sample_run(spark: Any, sample_run: Path, tmp_path: Path) -> None:
    """The CPU scale: the raw variant is run, full is the sample run reused; one tokenizer, two paired
    seeds, and the first seed trained twice."""
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora absent: the held-out text comes from it")
    card = tmp_path / "card"
    shutil.copytree(sample_run, card)  # the shared sample run's own card stays as it is
    args = ablation.parse_args(["--reuse", f"full={sample_run}", "--seeds", "2", "--steps", "12", "--batch", "8",
                                "--seq-len", "64", "--eval-kb", "4", "--check-determinism", "--work",
                                str(tmp_path), "--card", str(card)])
    r = ablation.run(args, spark=spark)
    raw, full = r["variants"]["raw"], r["variants"]["full"]
    assert full["reused"] and not raw["reused"]
    assert (raw["documents"], full["documents"]) == (389, 350)  # normalize's and export's counts of sample_data
    assert raw["removed_for_eval"] == full["removed_for_eval"] == 0  # sample_data holds no corpus text
    assert raw["tokens_available"] > full["tokens_available"]
    assert r["determinism"]["identical"]
    assert raw["loss_curves"]["0"] != raw["loss_curves"]["1"]
    for v in (raw, full):
        for s in ("0", "1"):
            assert v["loss_curves"][s][-1] < v["loss_curves"][s][0]
            assert all(0.5 < v["bpb"][s][g] < 10 for g in [*ablation.GENRES, "all"])
    diffs = [full["bpb"][s]["all"] - raw["bpb"][s]["all"] for s in ("0", "1")]
    assert r["paired"]["full"]["all"]["mean"] == pytest.approx(sum(diffs) / 2)
    assert set(raw["mix"]) == {"web", "legal", "manufacturing", "cultural"}
    assert sum(raw["mix"].values()) == pytest.approx(1.0)
    assert json.loads((card / "reports" / "ablation.json").read_text(encoding="utf-8")) == json.loads(json.dumps(r))
    page, md = datacard.build(str(card))
    assert "Ablation: does curation help a small model?" in page and page.count("<circle") == 4
    assert f"| full | {full['config_hash'][:12]} | 350 |" in md

    # The bundle stores a text shared by both variants once, and gives each variant back its documents.
    from benchmarks.ablation_bundle import Bundle
    from tokenizer.megatron import IndexedShard
    from tokenizer.spm import processor

    bundle = tmp_path / "bundle"
    stored = len(np.load(bundle / "store_lengths.npy"))
    assert raw["documents"] <= stored < raw["documents"] + full["documents"]
    sp = processor(str(bundle / "tokenizer.model"))
    texts = dict(zip(*ablation.curated(sample_run).select(["doc_id", "text"]).to_pydict().values(), strict=True))
    shard = IndexedShard(tmp_path / "tokens" / "full" / "seed-1" / "train_00000")
    side = pq.read_table(tmp_path / "tokens" / "full" / "seed-1" / "train_00000.parquet").to_pylist()
    assert len(shard) == len(side) == full["documents"]
    for i in range(0, len(side), 37):
        assert sp.decode(shard[i][:-1].tolist()) == texts[side[i]["doc_id"]] and shard[i][-1] == 2
    # Training from the bundle alone (as on a GPU machine, without the pipeline) gives the same figures.
    again = ablation.train_all(bundle, ablation.parse_args(
        ["--from-bundle", str(bundle), "--seeds", "1", "--steps", "12", "--batch", "8", "--seq-len", "64",
         "--work", str(tmp_path / "again")]))
    assert again["variants"]["full"]["bpb"]["0"] == full["bpb"]["0"]
    assert Bundle.open(bundle).size_bytes() < 2_000_000
