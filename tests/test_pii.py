"""Korean PII recognizers: positive and negative Korean examples for every recognizer, checksums,
redaction with typed placeholders, and keyed hashes that hold no value."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filters.pii import find, key_fingerprint, keyed_hash, redact


def rrn(front: str, gender: str, rest: str) -> str:
    """A resident number with a valid pre-2020 checksum."""
    digits = front + gender + rest
    s = sum(int(d) * w for d, w in zip(digits, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5], strict=True))
    return f"{front}-{gender}{rest}{(11 - s % 11) % 10}"


def brn(first9: str) -> str:
    d = [int(c) for c in first9]
    s = sum(x * w for x, w in zip(d, [1, 3, 7, 1, 3, 7, 1, 3, 5], strict=True)) + (d[8] * 5) // 10
    return f"{first9[:3]}-{first9[3:5]}-{first9[5:]}{(10 - s % 10) % 10}"


def crn(first12: str) -> str:
    s = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(first12))
    return f"{first12[:6]}-{first12[6:]}{(10 - s % 10) % 10}"


def found(text: str) -> list[tuple[str, str]]:
    return [(f.entity, text[f.start:f.end]) for f in find(text)]


POSITIVE = [
    ("KR_RRN", "주민등록번호: {v} 입니다", rrn("900101", "1", "08123")),
    ("KR_RRN", "생년월일 포함 번호 {v}", "021015-3123456"),  # since October 2020: no checksum, still PII
    ("KR_BRN", "사업자등록번호 {v}", brn("123456789")),
    ("KR_CRN", "법인등록번호 {v}", crn("110111000555")),
    ("PHONE_NUMBER", "제 연락처는 {v}입니다.", "010-1234-5678"),
    ("PHONE_NUMBER", "{v}로 연락 주세요", "010 1234 5678"),
    ("PHONE_NUMBER", "{v}로 문자 주세요", "01012345678"),
    ("PHONE_NUMBER", "해외에서는 {v} 로 걸어 주세요", "+82 10-1234-5678"),
    ("PHONE_NUMBER", "사무실 전화 {v}", "02-312-3456"),
    ("EMAIL_ADDRESS", "이메일 {v} 으로 보내 주세요", "hong.gildong@example.co.kr"),
    ("EMAIL_ADDRESS", "{v}으로 보내 주세요", "kim99@example.com"),  # a particle attached: no \b there
    ("CREDIT_CARD", "결제 카드는 {v}입니다", "4111-1111-1111-1111"),
    ("IP_ADDRESS", "접속 IP {v} 에서 로그인", "203.0.113.45"),
    ("CREDIT_CARD", "카드번호 {v} 결제", "4111 1111 1111 1111"),
    ("KR_BANK_ACCOUNT", "국민은행 {v} 예금주 홍길동", "123456-01-234567"),
    ("KR_BANK_ACCOUNT", "계좌번호: {v}", "1002-123-456789"),
    ("KR_HEALTH_INSURANCE", "건강보험증 번호 {v}", "1-2345678901"),
    ("KR_VEHICLE_PLATE", "차량번호 {v} 차주", "12가 3456"),
    ("KR_ADDRESS", "주소: {v}", "서울특별시 마포구 월드컵로 123-4"),
    ("KR_ADDRESS", "소재지 {v}", "청운동 123-4번지"),
    ("PERSON", "담당자: {v} (내선 123)", "김민수"),
    ("PERSON", "성명 {v}", "이서연"),
    ("PERSON", "원고 {v}(주민등록번호 생략)는 변론기일에 출석하였다.", "김서연"),
    ("PERSON", "피고인 {v}, 박지민은 각 공소사실을 부인한다.", "이준호"),
]


@pytest.mark.parametrize(("entity", "template", "value"), POSITIVE, ids=[f"{e}-{i}" for i, (e, _, _) in
                                                                         enumerate(POSITIVE)])
def test_each_recognizer_finds_its_entity(entity: str, template: str, value: str) -> None:
    text = template.format(v=value)
    assert (entity, value) in found(text), found(text)


NEGATIVE = [
    "민법 제123조의2에 따라 손해를 배상한다.",
    "대법원 2023다12345 판결에서 원심을 파기하였다.",
    "행사는 2024-03-15에 개최되며 입장료는 15,500원이다.",
    "부품 FLT-0931 교체 후 압력은 0.7 MPa를 유지한다.",
    "ISO 9001:2015 및 KS Q ISO 14001 인증을 받았다.",
    "모델 S/N 010-2345-6789 확인 후 등록하십시오.",
    "사건번호 2023가합12345, 제출일 2023. 5. 1.",
    "주문번호 20240101-1234567 배송 준비 중",
    "정답은 4번이고 점수는 95점입니다.",
    "피고 주식회사한빛(대표이사 생략)은 원고에게 금원을 지급하라.",
    "피고 대한민국(법률상 대표자 법무부장관)의 항소를 기각한다.",
    "원고 이사회는 결의를 취소하였다.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_hard_negatives_survive(text: str) -> None:
    assert found(text) == []


def test_checksums_raise_confidence_and_a_failed_one_only_lowers_it() -> None:
    valid = find(f"번호 {rrn('850505', '2', '12345')}")
    invalid = find("번호 850505-2123457")  # the checksum digit of 850505-212345 is 6
    assert valid and invalid and valid[0].score > invalid[0].score >= 0.5


def test_redaction_uses_typed_placeholders_or_masks() -> None:
    text = "연락처 010-1234-5678, 메일 kim@example.com"
    fs = find(text)
    assert redact(text, fs) == "연락처 <|phone|>, 메일 <|email|>"
    assert redact(text, fs, {"PHONE_NUMBER": "mask"}) == "연락처 *************, 메일 <|email|>"


def test_keyed_hashes_are_stable_canonical_and_key_dependent() -> None:
    a = keyed_hash(b"k1", "PHONE_NUMBER", "010-1234-5678")
    assert a == keyed_hash(b"k1", "PHONE_NUMBER", "01012345678")  # the same number however written
    assert a != keyed_hash(b"k2", "PHONE_NUMBER", "010-1234-5678")
    assert "1234" not in a and len(a) == 32
    assert key_fingerprint(b"k1") != key_fingerprint(b"k2")


@pytest.mark.parametrize("text", ["", "   ", "ㅋㅋㅋ", "😀😀", "韓國語 mixed 한국어", "가" * 200_000])
def test_edge_inputs_do_not_raise(text: str) -> None:
    assert isinstance(find(text), list)


def test_a_match_running_past_a_tables_row_does_not_raise() -> None:
    """A match that starts in a TSV row and runs over its line break into the next line has no cell to end in: it
    raised StopIteration, which failed the whole document (drawn from the tuning half at stop 61)."""
    text = "\t운전면허 No:\t등록일\n17\t15 〜 93 〜 203677 〜 09\t2024-05-02\n 3"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("KR_DRIVER_LICENSE", "15 〜 93 〜 203677 〜 09")]


def test_a_kept_phone_window_gives_each_call_results_of_its_own() -> None:
    """libphonenumber's results are kept per window text (a footer's number on every page); the context step
    sets scores and context words in the results it is given, so a second call on the same window must get
    results that the first call's changes did not reach."""
    from filters.pii import analyzer

    phone = next(r for r in analyzer().registry.recognizers if r.name == "WindowedPhoneRecognizer")
    text = "대표번호 02-2345-6789 (평일 9시~18시)"
    first = phone.analyze(text, ["PHONE_NUMBER"])
    assert [(r.start, r.end, r.score) for r in first] == [(5, 17, 0.4)]
    first[0].score = 0.0
    first[0].analysis_explanation.set_improved_score(0.0)
    first[0].recognition_metadata["is_score_enhanced_by_context"] = True
    again = phone.analyze(f"다른 쪽 글. {text}", ["PHONE_NUMBER"])
    assert [(r.start, r.end, r.score) for r in again] == [(13, 25, 0.4)]
    assert again[0].analysis_explanation.score == 0.4
    assert "is_score_enhanced_by_context" not in again[0].recognition_metadata
    assert phone.kept.found, "the window was not kept"


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=60))
def test_first_apart_takes_what_testing_every_finding_taken_takes(spans: list[tuple[int, int]]) -> None:
    """``first_apart`` finds overlaps by bisection; it takes exactly what testing each finding against every
    finding taken before it takes, in the same order (nested, touching, equal and disjoint spans)."""
    from filters.pii import Finding, first_apart

    ranked = [Finding("X", a, a + n, 0.5, str(i)) for i, (a, n) in enumerate(spans)]
    naive: list[Finding] = []
    for f in ranked:
        if all(f.end <= c.start or f.start >= c.end for c in naive):
            naive.append(f)
    assert first_apart(ranked) == naive
