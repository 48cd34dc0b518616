"""PII detection on documents nobody tuned a rule on: ``hypothesis`` composes identifiers, writings,
containers, labels and genres (``tests/pii_generator.py``); every decidable planted value must be
found and every hard negative must survive. Only the tuning half runs here; the held-out half is
measured by ``benchmarks/pii.py`` and never tuned on.

Also: the two failures a new user found (a passport after 여권번호, a resident number with spaces
around its hyphen) and the order numbers that were redacted as driver's licences, each a test that
fails on the detector before ``pii_v2``; and Presidio's context step as the project replaced it,
tested for what Presidio's own step does.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filters.pii import analyzer, canonical, detection_view, find, redact
from filters.pii_policy import PiiPolicy, apply
from filters.pii_rules import MIN_SCORE, MIN_WITH_CONTEXT
from tests import pii_generator as G


def _found(case: G.Case, p: G.Planted, findings: list) -> bool:
    return any(f.entity == p.entity and f.start < p.end and p.start < f.end for f in findings)


@given(G.document(G.TUNING))
def test_every_decidable_identifier_is_found(case: G.Case) -> None:
    findings = find(case.text)
    for p in case.planted:
        if p.decidable:
            assert _found(case, p, findings), (p, case.text[max(0, p.start - 30):p.end + 10], findings)


@given(G.document(G.TUNING, max_pii=1, max_neg=3))
def test_hard_negatives_survive_redaction(case: G.Case) -> None:
    red = redact(case.text, find(case.text))
    for kind, value in case.negatives:
        assert value in red, (kind, value, red)


@given(st.sampled_from(("M12345678", "S123A4567", "R987B6543", "D00000001")),
       st.sampled_from(("여권번호 ", "여권번호: ", "여권 번호 ", "여권번호는 ")))
def test_a_passport_after_its_label_is_found(number: str, label: str) -> None:
    text = f"출국 서류에 {label}{number} 를 적었다."
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("KR_PASSPORT", number)]


@pytest.mark.parametrize("sep", [" - ", " -", "- ", "  -  ", " ", "\n"])
def test_a_resident_number_with_spaced_separators_is_found(sep: str) -> None:
    text = f"주민번호 830207{sep}2555896 으로 조회했어요"
    assert [f.entity for f in find(text)] == ["KR_RRN"], find(text)
    bare = f"830207{sep}2555896"  # valid checksum: found without its label too
    assert [f.entity for f in find(f"이거 {bare} 맞나요")] == ["KR_RRN"]


@pytest.mark.parametrize("text", ["...참고: 주문번호 202517199101.", "주문번호 202435636953 배송 완료",
                                  "운송장번호 6012-3456-7890 조회", "모델 S/N 010-2345-6789"])
def test_order_and_tracking_numbers_are_not_identifiers(text: str) -> None:
    assert find(text) == []


def test_a_labelled_driver_licence_still_is_one() -> None:
    assert [f.entity for f in find("운전면허번호 11-22-123456-78")] == ["KR_DRIVER_LICENSE"]
    assert [f.entity for f in find("운전면허번호 112212345678")] == ["KR_DRIVER_LICENSE"]
    assert find("합계 112212345678") == []  # a bare 12-digit number is not one


@pytest.mark.parametrize(("written", "entity"), [
    ("０１０－１２３４－５６７８", "PHONE_NUMBER"), ("010—1234—5678", "PHONE_NUMBER"),
    ("공일공 일이삼사 오육칠팔", "PHONE_NUMBER"), ("kim[at]naver.com", "EMAIL_ADDRESS"),
    ("kim 골뱅이 naver 닷 com", "EMAIL_ADDRESS"), ("kim%40naver.com", "EMAIL_ADDRESS"),
    ("８３０２０７－２５５５８９６", "KR_RRN")])
def test_writings_map_to_the_canonical_value(written: str, entity: str) -> None:
    text = f"연락은 {written}으로"
    (f,) = find(text)
    assert f.entity == entity and text[f.start:f.end].startswith(written[:3])
    assert len(detection_view(text)) == len(text)
    plain = {"PHONE_NUMBER": "01012345678", "EMAIL_ADDRESS": "kim@naver.com", "KR_RRN": "8302072555896"}[entity]
    assert canonical(entity, text[f.start:f.end]) == plain


def test_the_context_step_does_what_presidios_did() -> None:
    """Presidio's LemmaContextAwareEnhancer raises a supported match by the similarity factor to at
    least its floor and records the supporting word; with Korean particles it found none."""
    r = analyzer().analyze(text="여권번호는 M12345678 입니다", language="ko", return_decision_process=True)
    (hit,) = [x for x in r if x.entity_type == "KR_PASSPORT" and x.score >= MIN_SCORE]
    assert hit.score >= MIN_WITH_CONTEXT
    assert hit.analysis_explanation.supportive_context_word
    bare = analyzer().analyze(text="코드 M12345678 입니다", language="ko")
    assert all(x.score < MIN_SCORE for x in bare if x.entity_type == "KR_PASSPORT")


def test_findings_name_their_recognizer_and_version() -> None:
    fs = find("연락처 010-1234-5678, 메일 kim@example.com, 여권번호 M12345678")
    assert all(f.recognizer for f in fs)
    assert any(f.recognizer.startswith("KoreanRegexRecognizer.v2:") for f in fs)
    assert any(".presidio-" in f.recognizer for f in fs)


def test_url_path_and_query_are_scanned_and_the_host_never() -> None:
    url = "https://010-1234-5678.example.kr/u/kim%40naver.com?tel=01012345678&x=1"
    o = apply({"title": None, "text": "본문", "url": url}, PiiPolicy(), b"k" * 16)
    assert o.fields["url"] == "https://010-1234-5678.example.kr/u/<|email|>?tel=<|phone|>&x=1"
    assert {(f.field, f.entity) for f in o.findings} == {("url", "EMAIL_ADDRESS"), ("url", "PHONE_NUMBER")}
    assert all(f.start >= len("https://010-1234-5678.example.kr") for f in o.findings)
