"""Decontamination: the character n-gram index (verbatim, spacing, punctuation and particle edits,
embedded copies, near misses), cutting spans, evaluation sets in KLUE's and KorNLI's formats, the
stage on sample_data/ and the manifest's checks."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filters.decontam import EvalItem, NgramIndex, canonical, cut
from pipeline import provenance as P
from pipeline.audit import stage_dataset
from pipeline.errors import ManifestError
from tests.conftest import ROOT, SAMPLE_MANIFEST, relocatable

ITEMS = [
    EvalItem("nli", "0", "도서관 열람실은 평일에는 밤 열한 시까지, 주말에는 오후 여섯 시까지 문을 연다.\n"
                         "열람실은 주말에 더 일찍 문을 닫는다."),
    EvalItem("nli", "1", "새로 개통한 경전철은 출퇴근 시간에 사 분 간격으로 운행하며 요금은 시내버스와 같다.\n"
                         "경전철 요금은 시내버스보다 비싸다."),
    EvalItem("qa", "q7", "조선 시대에 한글을 창제한 임금은 누구인가?\n세종대왕"),
]
HOST = ("주말에 가족과 함께 근처 공원을 산책했다. 날씨가 맑아서 사람들이 많았고, 아이들은 자전거를 탔다. "
        "돌아오는 길에 시장에 들러 제철 과일을 샀다.")


@pytest.fixture(scope="module")
def index() -> NgramIndex:
    return NgramIndex(ITEMS, n=12)


def hit_ids(index: NgramIndex, text: str) -> list[str]:
    return [h.item_id for h in index.scan(text, 0.3, 5)[0]]


def test_canonical_keeps_letters_and_digits_with_offsets() -> None:
    canon, pos = canonical("가 나, Ab 1!")
    assert canon == "가나ab1" and pos == [0, 2, 5, 6, 8]


@pytest.mark.parametrize("variant", [
    ITEMS[0].text,  # verbatim
    ITEMS[0].text.replace(" ", ""),  # spaces removed
    ITEMS[0].text.replace("평일에는", "평일 에는").replace("밤 열한", "밤열한"),  # spacing changed
    ITEMS[0].text.replace(",", "").replace(".", "!"),  # punctuation
    ITEMS[0].text.replace("열람실은 주말", "열람실이 주말"),  # a particle swapped
    f"{HOST}\n{ITEMS[0].text}\n{HOST}",  # inside a longer page
], ids=["verbatim", "no_spaces", "spacing", "punctuation", "particle", "embedded"])
def test_copies_are_found(index: NgramIndex, variant: str) -> None:
    assert hit_ids(index, variant) == ["0"]


@pytest.mark.parametrize("text", [
    HOST,
    "우리 동네 도서관은 평일 저녁 늦게까지 열어서 좋아요. 주말엔 일찍 닫아요.",  # same topic, other words
    "경전철 요금이 시내버스와 같다고 해서 출퇴근할 때 자주 탑니다.",  # shares a few words only
])
def test_near_misses_are_kept(index: NgramIndex, text: str) -> None:
    assert hit_ids(index, text) == []


def test_cut_removes_the_shared_spans_only(index: NgramIndex) -> None:
    text = f"{HOST}\n{ITEMS[1].text}\n{HOST}"
    hits, spans = index.scan(text, 0.3, 5)
    assert [h.item_id for h in hits] == ["1"] and hits[0].coverage == 1.0
    assert cut(text, spans) == f"{HOST}\n{HOST}"


def test_template_ngrams_shared_by_many_items_are_not_indexed() -> None:
    items = [EvalItem("mc", str(i), f"다음 중 옳은 것을 고르시오. 보기 {i}번 항목의 설명") for i in range(30)]
    idx = NgramIndex(items, n=12, max_items_per_gram=20)
    assert idx.dropped_grams > 0 and all(not g.startswith("다음중옳은것을") for g in idx.grams)


def _rows(texts: list[str]) -> list[dict[str, Any]]:
    import hashlib

    return [{"doc_id": str(i), "source": "s", "text": t, "text_sha256": hashlib.sha256(t.encode()).hexdigest()}
            for i, t in enumerate(texts)]


#: Text made of what decides a scan: pieces of the items (so n-grams cross piece boundaries), spaces and
#: punctuation it drops, letters whose case it folds (one of them, İ, lowercases to two characters),
#: digits of other scripts, line breaks.
LATIN = EvalItem("en", "e1", "The QUICK brown Fox, 2024: jumps over the lazy dog")
DIGITS = EvalItem("num", "n1", "3.1415 9265 3589 79")
_PIECES = st.sampled_from([
    *(it.text[i:i + 7] for it in (*ITEMS, LATIN, DIGITS) for i in range(0, len(it.text), 5)),
    *(part for it in (*ITEMS, LATIN, DIGITS) for part in (it.text, it.text[:20], it.text[-20:], it.text.upper())),
    " ", ".", ",", "\n", "-",
    "QUICK", "quick", "Quick", "İ", "ǅ", "Σ", "١٢٣", "１２", "😀", HOST[:30], "문을 연다", "경전철", "세종대왕",
])
MIXED = NgramIndex([*ITEMS, LATIN, DIGITS], n=12)


@given(st.lists(st.lists(_PIECES, max_size=30).map("".join), min_size=1, max_size=8))
def test_the_batch_gate_never_hides_an_n_gram_the_scan_finds(texts: list[str]) -> None:
    """``may_hit`` over a whole batch against ``scan`` per text: False only where the scan finds no
    indexed n-gram at all (so the block's verdicts cannot change)."""
    index = MIXED
    maybe = index.may_hit(texts)
    for text, m in zip(texts, maybe, strict=True):
        canon, _ = canonical(text)
        has_gram = any(canon[i:i + index.n] in index.grams for i in range(len(canon) - index.n + 1))
        assert m or not has_gram, text
        if not m:
            assert index.scan(text, 0.0, 1) == ([], [])


def test_the_batch_gate_lets_copies_through_and_stops_the_rest(index: NgramIndex) -> None:
    texts = [HOST, f"{HOST} {ITEMS[0].text}", HOST + "İ", "", "세종대왕", ITEMS[2].text.replace(" ", "")]
    assert index.may_hit(texts).tolist() == [False, True, True, False, False, True]
    # Item 0's first n-gram split between two documents of the batch is in neither.
    assert index.may_hit(["도서관 열람실은", "평일에는 밤 열한"]).tolist() == [False, False]
    with_surrogate = [HOST, "\ud800" + ITEMS[1].text]
    assert index.may_hit(with_surrogate).tolist() == [True, True]  # cannot be encoded: the scan decides


@pytest.mark.parametrize("text", [f"İSTANBUL {ITEMS[0].text} {HOST}", f"{HOST} {ITEMS[0].text} İİİ"])
def test_a_character_with_a_two_character_lower_case_keeps_the_offsets(index: NgramIndex, text: str) -> None:
    """İ lowercases to two characters: the canonical form's offsets still point into the text (an item
    after it was an IndexError)."""
    canon, pos = canonical(text)
    assert len(canon) == len(pos)
    hits, spans = index.scan(text, 0.3, 5)
    assert [h.item_id for h in hits] == ["0"]
    assert "도서관" not in cut(text, spans) and "İ" in cut(text, spans)


def test_stage_batch_drops_or_cuts_and_records_set_and_item(index: NgramIndex) -> None:
    import hashlib

    from pipeline.stages.s55_decontam import STAGE

    texts = [f"{HOST}\n{ITEMS[1].text}\n{HOST}", HOST, ITEMS[2].text]
    p = {"min_coverage": 0.3, "min_hits": 5, "action": "cut", "min_chars_after_cut": 50}
    out = STAGE.apply_local(_rows(texts), {"chain": ["decontam_v1"], "blocks": {"decontam_v1": p}},
                            {"index": index}).to_pylist()
    assert [(r[P.DECISION], r[P.REASON]) for r in out] == [
        ("modify", "decontam_v1.cut"), ("keep", None), ("drop", "decontam_v1.contaminated")]
    assert out[0]["text"] == f"{HOST}\n{HOST}"
    assert out[0]["text_sha256"] == hashlib.sha256(out[0]["text"].encode()).hexdigest()
    details = dict(out[0][P.DETAILS])
    assert json.loads(details["decontam.hits"]) == [{"set": "nli", "item": "1", "coverage": 1.0}]
    assert "경전철" not in str(details)  # item ids, never item text
    dropped = STAGE.apply_local(_rows(texts), {"chain": ["decontam_v1"],
                                               "blocks": {"decontam_v1": {**p, "action": "drop"}}},
                                {"index": index}).to_pylist()
    assert [r[P.DECISION] for r in dropped] == ["drop", "keep", "drop"]


def test_eval_sets_in_klue_and_kornli_formats(tmp_path: Path) -> None:
    from pipeline.eval_sets import load_items

    klue = load_items({"name": "k", "path": str(ROOT / "sample_data" / "eval" / "klue_nli_style_dev.json"),
                       "format": "json", "text_fields": ["premise", "hypothesis"], "id_field": "guid"})
    assert klue[0].item_id == "sample-nli_dev_00000" and "\n" in klue[0].text
    kornli = load_items({"name": "n", "path": str(ROOT / "sample_data" / "eval" / "kornli_style_dev.tsv"),
                         "format": "tsv", "text_fields": ["sentence1", "sentence2"], "id_field": ""})
    assert [i.item_id for i in kornli] == ["0", "1", "2", "3"]
    (tmp_path / "q.jsonl").write_text('{"id": "a", "q": "질문", "a": "답"}\n\n{"id": "b", "q": "", "a": ""}\n')
    items = load_items({"name": "j", "path": str(tmp_path / "q.jsonl"), "format": "jsonl", "text_fields": ["q", "a"],
                        "id_field": "id"})
    assert [(i.item_id, i.text) for i in items] == [("a", "질문\n답")]


def test_sample_run_drops_planted_copies_and_keeps_near_misses(sample_run: Path,
                                                               ground_truth: dict[str, Any]) -> None:
    con = duckdb.connect()
    rows = con.execute(f"SELECT source, doc_id, decision, reason, details['decontam.hits'] FROM "
                       f"read_parquet('{sample_run}/provenance/decontam/*.parquet')").fetchall()
    ingested = stage_dataset(str(sample_run), "ingest")
    ids = dict(con.execute(f"SELECT doc_id, source_record_id FROM read_parquet('{ingested}/*.parquet')")
               .fetchall())
    got = {(src, ids[doc]): (dec, reason, hits) for src, doc, dec, reason, hits in rows}
    for c in ground_truth["contaminated"]:
        dec, reason, hits = got[(c["source"], c["record_id"])]
        assert (dec, reason) == ("drop", "decontam_v1.contaminated")
        assert {(h["set"], h["item"]) for h in json.loads(hits)} == {(c["eval_set"], c["item"])}
    for n in ground_truth["decontam_near_miss"]:
        assert got[(n["source"], n["record_id"])][0] == "keep"
    assert sum(1 for dec, _, _ in got.values() if dec != "keep") == len(ground_truth["contaminated"])
    summary = (sample_run / "reports" / "summary.txt").read_text(encoding="utf-8")
    assert "contamination: klue_nli_style 2 items seen in 2 documents, kornli_style 1 items seen" in summary
    con.close()


@pytest.mark.parametrize(("table", "message"), [
    ('name = "x"\npath = "nope.json"\nformat = "json"\ntext_fields = ["q"]', "file not found"),
    ('name = "x"\npath = "../sample_data/eval/kornli_style_dev.tsv"\nformat = "xml"\ntext_fields = ["q"]',
     "invalid value 'xml'; allowed: json, jsonl, tsv, csv"),
    ('name = "x"\npath = "../sample_data/eval/kornli_style_dev.tsv"\nformat = "tsv"', "text_fields': is required"),
])
def test_manifest_checks_evaluation_sets(tmp_path: Path, table: str, message: str) -> None:
    from pipeline.manifest import load_run

    text = SAMPLE_MANIFEST.read_text(encoding="utf-8")
    text = re.sub(r"\[\[stages\.decontam\.eval_sets\]\].*?(?=\n\[stages\.domains\])",
                  f"[[stages.decontam.eval_sets]]\n{table}\n", text, flags=re.S)
    (tmp_path / "m.toml").write_text(relocatable(text), encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_run(tmp_path / "m.toml")
