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

from filters.pii import _SYMBOLS, analyzer, canonical, detection_view, find, redact
from filters.pii_policy import PiiPolicy, apply
from filters.pii_rules import MIN_WITH_CONTEXT, RULES_VERSION
from filters.pii_spec import MIN_SCORE
from tests import pii_generator as G


def _found(case: G.Case, p: G.Planted, findings: list) -> bool:
    """Found as its type; or, without a label, redacted whole as another type whose shape and checksum it
    also has (a corporate number 110101-4038472 passes the resident-number checksum too)."""
    return any((f.entity == p.entity and f.start < p.end and p.start < f.end)
               or (p.label_pos == "absent" and f.start <= p.start and p.end <= f.end) for f in findings)


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
    import re

    from filters.pii import _recognizer_of

    text = "연락처 010-1234-5678, 메일 kim@example.com, 여권번호 M12345678"
    fs = find(text)
    assert [f.entity for f in fs] == ["PHONE_NUMBER", "EMAIL_ADDRESS", "KR_PASSPORT"]
    shape = re.compile(rf"^\w+\.(v{RULES_VERSION}:[a-z0-9_]+|presidio-\d+\.\d+\.\d+)$")
    assert all(shape.match(f.recognizer) for f in fs), [f.recognizer for f in fs]
    names = {_recognizer_of(r) for r in analyzer().analyze(text=text, language="ko")}
    # Presidio keeps one of two results with the same span, type and score: both kinds appear.
    assert any(n.startswith(f"KoreanRegexRecognizer.v{RULES_VERSION}:") for n in names)
    assert any(".presidio-" in n for n in names)


def test_url_path_and_query_are_scanned_and_the_host_never() -> None:
    url = "https://010-1234-5678.example.kr/u/kim%40naver.com?tel=01012345678&x=1"
    o = apply({"title": None, "text": "본문", "url": url}, PiiPolicy(), b"k" * 16)
    assert o.fields["url"] == "https://010-1234-5678.example.kr/u/<|email|>?tel=<|phone|>&x=1"
    assert {(f.field, f.entity) for f in o.findings} == {("url", "EMAIL_ADDRESS"), ("url", "PHONE_NUMBER")}
    assert all(f.start >= len("https://010-1234-5678.example.kr") for f in o.findings)


def test_meta_values_are_scanned_and_redacted_in_place_with_findings_per_field() -> None:
    """Fields a source maps into ``meta`` (an author, a contact line) are scanned like the text, through
    the stage's own code path (Arrow in and out); a finding names its field, ``meta.<name>``."""
    import json as _json

    from pipeline.stages.s52_pii import STAGE

    key = b"k" * 16
    rows = [{"doc_id": "a", "source": "s", "text": "공지입니다.", "title": None, "url": None,
             "meta": [("author", "담당자 김민수 (010-1234-5678)"), ("kind", "법률"), ("contact", "kim@example.co.kr")]},
            {"doc_id": "b", "source": "s", "text": "공지입니다.", "meta": [("kind", "법률")]},
            {"doc_id": "c", "source": "s", "text": "공지입니다.", "meta": None}]
    out = STAGE.apply_local(rows, {"chain": ["pii_v2"], "blocks": {}}, resources={"pii_key": key}).to_pylist()
    assert out[0]["meta"] == [("author", "담당자 <|person|> (<|phone|>)"), ("kind", "법률"), ("contact", "<|email|>")]
    assert (out[0]["_decision"], out[0]["_reason"]) == ("modify", "pii_v2.redacted")
    found = _json.loads(dict(out[0]["_details"])["pii.findings"])
    assert {(f["field"], f["entity"]) for f in found} == {
        ("meta.author", "PERSON"), ("meta.author", "PHONE_NUMBER"), ("meta.contact", "EMAIL_ADDRESS")}
    assert "010-1234" not in str(out[0]["_details"]) and "kim@" not in str(out[0]["_details"])
    assert [(r["_decision"], r["meta"]) for r in out[1:]] == [("keep", [("kind", "법률")]), ("keep", None)]


@pytest.mark.parametrize("opening,closing", [("(", ")"), ("[", "]"), ("{", "}"), ("（", "）")])
@pytest.mark.parametrize("number", ["010-1234-5678", "010 1234 5678", "02-123-4567", "+82 10-1234-5678"])
def test_a_number_in_brackets_is_redacted_and_the_brackets_stay(opening: str, closing: str, number: str) -> None:
    """The phone rule allows ``(02) 123-4567``; it once took the ``(`` of ``연락처 (010-1234-5678)`` too and
    left ``<|phone|>)`` in the text."""
    inside = f"{opening}{number}{closing}"
    for text in (f"연락처 {inside} 입니다", f"문의{inside}", inside):
        redacted = redact(text, find(text))
        assert redacted.count(opening) == redacted.count(closing) == 1, (text, redacted)
        assert "<|phone|>" in redacted and number not in redacted


#: The first held-out half's failures, read at stop 25 and moved into the tuning half at stop 28: each
#: (text, entity, value) must be found as that type. Every one failed before the fix.
FIRST_HELD_OUT_FAILURES = [
    ("연락처 “공일육 - 공공공공 - 공공공공” 여기로", "PHONE_NUMBER", "공일육 - 공공공공 - 공공공공"),
    ("상태 좋아요. 공오공오 – 공삼구일 – 사삼사삼 (HP) 연락 주세요.", "PHONE_NUMBER", "공오공오 – 공삼구일 – 사삼사삼"),
    ("예약은 “영이-\n이영영-\n오오사삼” 로 하시면", "PHONE_NUMBER", "영이-\n이영영-\n오오사삼"),
    ('{"휴대폰": "공칠공-\\n팔육사공-\\n삼공사팔"}', "PHONE_NUMBER", "공칠공-\\n팔육사공-\\n삼공사팔"),
    ("공급받는자 ☎ 영오일\n삼영이\n사사사륙이에요\n품목", "PHONE_NUMBER", "영오일\n삼영이\n사사사륙"),
    ("청구서 발행 안내: 공일일. 오육칠팔. 삼팔육사 입금 기한은 이번 달", "PHONE_NUMBER", "공일일. 오육칠팔. 삼팔육사"),
    ("청구서 발행 안내: (０１１\n６４４１\n５１１６) 입금 기한은", "PHONE_NUMBER", "０１１\n６４４１\n５１１６"),
    ("건강보험번호 https://shop.example.kr/order?q=96245744287&ref=mail 희망 직무", "KR_HEALTH_INSURANCE",
     "96245744287"),
    ("문의 https://shop.example.kr/order?q=85212293682&ref=mail (건강보험증 번호) 희망", "KR_HEALTH_INSURANCE",
     "85212293682"),
    ("있으신 분은 https://shop.example.kr/order?q=S25493826&ref=mail (Passport No.) 참고", "KR_PASSPORT",
     "S25493826"),
    ("그럼 성명 https://shop.example.kr/order?q=강지훈&ref=mail 여기로", "PERSON", "강지훈"),
    ("행사 담당자 김민수까지 연락", "PERSON", "김민수"),
    ("상태 좋아요. 건강보험증 번호 「7\n0526632306」 연락 주세요.", "KR_HEALTH_INSURANCE", "7\n0526632306"),
    ("청구서 발행 안내: 건보 번호 15162386631으로 입금 기한은 이번 달", "KR_HEALTH_INSURANCE", "15162386631"),
]


#: What the stop-28 held-out half missed, one per failure read (docs/pii.md); it was then moved into tuning.
SECOND_HELD_OUT_FAILURES = [
    ("주민등록번호 830207·2555896 입니다", "KR_RRN", "830207·2555896"),
    ("연락처 010/1234/5678 로", "PHONE_NUMBER", "010/1234/5678"),
    ("카드 4111·1111·1111·1111 결제", "CREDIT_CARD", "4111·1111·1111·1111"),
    ("문의: kim99 at example dot com 으로", "EMAIL_ADDRESS", "kim99 at example dot com"),
    ("메일 kim99골뱅이example점com 남겨요", "EMAIL_ADDRESS", "kim99골뱅이example점com"),
    ("성함: <홍미경>\n확인 부탁드립니다", "PERSON", "홍미경"),
    ("담당: 수령인 = 송서연\n", "PERSON", "송서연"),
    ("번호,성함,등록일\n17,김민수,2024-05-02\n", "PERSON", "김민수"),
    ("- 신청인 정보: <q>강지훈</q>", "PERSON", "강지훈"),
    ("<table><tr><th>성명</th><th>부서</th></tr><tr><td>최유나</td><td>영업</td></tr></table>", "PERSON", "최유나"),
    ("하나은행 계좌 <070-8127-5161-68> 로 입금", "KR_BANK_ACCOUNT", "070-8127-5161-68"),
    ("보험증번호 <q>2  0628550146</q> 급해", "KR_HEALTH_INSURANCE", "2  0628550146"),
    ("[영 칠 영\t사 사 구 이\t구 사 칠 팔] (전화번호)", "PHONE_NUMBER", "영 칠 영\t사 사 구 이\t구 사 칠 팔"),
    ('{"운전 면허 번호": "19\\t81\\t250404\\t23"}', "KR_DRIVER_LICENSE", "19\\t81\\t250404\\t23"),
    ("번호,운전 면허 번호,등록일\n17,281958710032,2024-05-02", "KR_DRIVER_LICENSE", "281958710032"),
]


#: What the stop-29 held-out half missed (docs/pii.md), each a class: whitespace by Unicode category, a
#: comma between groups where a checksum or shape holds, digit words mixed with digits, a Korean top-level
#: domain word (닷컴), a label that only markup or code separates from its value, person nouns by suffix.
#: Every one failed on the stop-29 detector (rules version 4).
THIRD_HELD_OUT_FAILURES = [
    ("주민등록번호 830207\u00a02555896 입니다", "KR_RRN", "830207\u00a02555896"),
    ("사업자 123\u300045\u300067891 확인", "KR_BRN", "123\u300045\u300067891"),
    ("연락처 010\u200b1234\u200b5678", "PHONE_NUMBER", "010\u200b1234\u200b5678"),
    ("이거 830207,2555896 맞나요", "KR_RRN", "830207,2555896"),
    ("카드 4111,1111,1111,1111 결제", "CREDIT_CARD", "4111,1111,1111,1111"),
    ("법인 110111, 0005557 등기", "KR_CRN", "110111, 0005557"),
    ("메일 kim99 골뱅이 example 닷컴 으로", "EMAIL_ADDRESS", "kim99 골뱅이 example 닷컴"),
    ("연락처 010 일이삼사 5678 로", "PHONE_NUMBER", "010 일이삼사 5678"),
    ("폰 공일공-1234-오육칠팔이에요", "PHONE_NUMBER", "공일공-1234-오육칠팔"),
    ('<label>기업은행</label><input name="q" value="123-456789-01-012">', "KR_BANK_ACCOUNT", "123-456789-01-012"),
    ("-- 건강보험증번호\nINSERT INTO t VALUES (17, '1-2345678901', '2024-05-02');", "KR_HEALTH_INSURANCE",
     "1-2345678901"),
    ("Passport Number: M123A4567", "KR_PASSPORT", "M123A4567"),
    ("계약자명 박서연 확인", "PERSON", "박서연"),
    ("인수자: 최유나\n", "PERSON", "최유나"),
    ("보호자 성명 김민수 입니다", "PERSON", "김민수"),
]


#: What the fourth held-out half (written at stop 31) missed, each a class: a run of joiners or a wrapped
#: line's indent between groups, letters typed for digits, HTML character references of @ and the dot,
#: health-insurance labels by their older names, names set off by a code span or a BBCode tag.
#: Every one failed on the first rules-version-5 detector.
FOURTH_HELD_OUT_FAILURES = [
    ("주민등록번호 830207--2555896 입니다", "KR_RRN", "830207--2555896"),
    ("카드 4111-\n  1111-\n  1111-\n  1111 결제", "CREDIT_CARD", "4111-\n  1111-\n  1111-\n  1111"),
    ("연락처 O1O-1234-5678 로", "PHONE_NUMBER", "O1O-1234-5678"),
    ("메일 kim&#64;naver.com 으로", "EMAIL_ADDRESS", "kim&#64;naver.com"),
    ("의료보험 번호 1-2345678901", "KR_HEALTH_INSURANCE", "1-2345678901"),
    ("피상속인: [b]정유진[/b] 서류", "PERSON", "정유진"),
    ("대상자 `권민수` 용도", "PERSON", "권민수"),
]


#: What the fifth held-out half (written at stop 31) missed, each a class: a line break with a wrapped
#: line's indent, the Korean @ word spaced or bracketed, l typed for 1, particles of the copula, names
#: after a LaTeX command or a hashtag, a dotted quad that is an IP address and not an account, a plate's
#: region with a space. Every one failed on rules version 6.
FIFTH_HELD_OUT_FAILURES = [
    ("주민 830207\n    2555896 입니다", "KR_RRN", "830207\n    2555896"),
    ("메일 kim 골 뱅 이 naver . com 으로", "EMAIL_ADDRESS", "kim 골 뱅 이 naver . com"),
    ("메일 kim(골뱅이)naver.com", "EMAIL_ADDRESS", "kim(골뱅이)naver.com"),
    ("폰 0l0-l234-5678 로", "PHONE_NUMBER", "0l0-l234-5678"),
    ("제출 목록: 작성자명 강예준라서, 통장", "PERSON", "강예준"),
    ("이용 시 상속인: \\texttt{전철수} 를 등록", "PERSON", "전철수"),
    ("지원자 상속인 #송서연 #공유 면접", "PERSON", "송서연"),
    ("입금 확인 후 발송합니다. \\texttt{206.208.59.50} 로 연락", "IP_ADDRESS", "206.208.59.50"),
    ("입금 확인 후 From: <6\n    5436957988> (국민건강보험 번호) 로", "KR_HEALTH_INSURANCE", "6\n    5436957988"),
    ("차량 부산 12가3456 입니다", "KR_VEHICLE_PLATE", "부산 12가3456"),
]
#: The sixth half's failures (stop 31), as classes: whitespace runs of up to four spaces and line breaks
#: of any convention between groups, a JSON line break with an indent, spaces around an @, copula
#: endings after a name, nouns for learners, doubled brackets; and a lone digit word that begins a word.
SIXTH_HELD_OUT_FAILURES = [
    ("계좌 {'수협 계좌': '623   167   857345'} 값", "KR_BANK_ACCOUNT", "623   167   857345"),
    ("학부모님 040606   8035028;\n문의", "KR_FRN", "040606   8035028"),
    ("{'value': '560103\r\n2868857'} 확인", "KR_RRN", "560103\r\n2868857"),
    ("임대인 측 법인등록 번호 111129\r\n7701085이라면 확인", "KR_CRN", "111129\r\n7701085"),
    ("| 건강보험 증 번호 | 8\r\n7186471704 |", "KR_HEALTH_INSURANCE", "8\r\n7186471704"),
    ('{"value": "750121\\n    4031603"} 로', "KR_RRN", "750121\\n    4031603"),
    ("저장 시 sq35e8cdtk_ap1h  @  korea.or.kr (메일 주소:) 값", "EMAIL_ADDRESS", "sq35e8cdtk_ap1h  @  korea.or.kr"),
    ("참가 신청은 보호자명 조현우이라면 로 받습니다.", "PERSON", "조현우"),
    ("학부모님 수강생: 황지민이라면\n문의는", "PERSON", "황지민"),
    ('수강 신청 확인: \n# 수강생\nvalue = "이민수"\n 다음 주', "PERSON", "이민수"),
    ("등록 완료 임차인 ((서영희)) (수취인 정보 일치 필요)", "PERSON", "서영희"),
]
#: The seventh half's failures (stop 32), as classes: an unspaced vertical bar between digits (look-alike
#: letters too), the English dot word with any @ form, the copula 이 or 였 with any short ending after a
#: name, member and staff nouns with 명 as labels, a person noun and a name set off by a space or an =.
SEVENTH_HELD_OUT_FAILURES = [
    ("주민번호 830207|2555896 확인", "KR_RRN", "830207|2555896"),
    ("탑승객 {'value': '0l0|65l5|l809'} 영문", "PHONE_NUMBER", "0l0|65l5|l809"),
    ("보낸 사람: 📌 OlO\n2775\n2357 (Tel.)", "PHONE_NUMBER", "OlO\n2775\n2357"),
    ("메일 kim 골뱅이 naver dot com 으로", "EMAIL_ADDRESS", "kim 골뱅이 naver dot com"),
    ("거래는 회원명 박미경이거나 여기로 연락", "PERSON", "박미경"),
    ('"번호","회원명","등록일"\n"17","김하은","2024-05-02"', "PERSON", "김하은"),
    ("신청인 정보 회원명 **한도윤** 처리 기한", "PERSON", "한도윤"),
    ("거래는 <ul><li>위임인 이민수</li></ul> 여기로", "PERSON", "이민수"),
    ("예약은 수강생 최민수입니다 로 하시면", "PERSON", "최민수"),
    ("회신은 교육생 = 윤철수\n 로 부탁드려요.", "PERSON", "윤철수"),
]


#: The eighth half's failures (stop 36), as classes: a colon or two dots between the groups of any grouped
#: type (look-alike letters too; never for a bank account, which has no checksum: a timestamp beside an
#: account label would be one), the ideographic full stop as an e-mail's dot, the Korean words for the @
#: and the dot in brackets, 엣 for 앳.
EIGHTH_HELD_OUT_FAILURES = [
    ("주민번호 830207:2555896 확인", "KR_RRN", "830207:2555896"),
    ("외국인번호 830207..5555895 입니다", "KR_FRN", "830207..5555895"),
    ("카드 4111:1111:1111:1111 결제", "CREDIT_CARD", "4111:1111:1111:1111"),
    ("사업자 120..81..47521 상호", "KR_BRN", "120..81..47521"),
    ("폰 0l0:l234:5678 연락", "PHONE_NUMBER", "0l0:l234:5678"),
    ("휴대폰 공일공:1234:5678 연락", "PHONE_NUMBER", "공일공:1234:5678"),
    ("메일 kim＠naver。com 으로", "EMAIL_ADDRESS", "kim＠naver。com"),
    ("메일 kim(골뱅이)naver(닷)com 으로", "EMAIL_ADDRESS", "kim(골뱅이)naver(닷)com"),
    ("메일 kim[골뱅이]naver[닷]com 으로", "EMAIL_ADDRESS", "kim[골뱅이]naver[닷]com"),
    ("메일 kim 엣 naver.com 으로", "EMAIL_ADDRESS", "kim 엣 naver.com"),
]


#: The ninth half's failures (stop 36), as a class: the polite 요 after a name's particle, or after the name.
NINTH_HELD_OUT_FAILURES = [
    ("유기견 입양 신청서 신청자 성함: 강영희으로요 상담 후", "PERSON", "강영희"),
    ("관리비 별도 받는 사람 조철수으로요 주말 방문", "PERSON", "조철수"),
    ("수령 정보 성명: 장지훈요 확인 후", "PERSON", "장지훈"),
]


#: The tenth half's failures (stop 37), one per class: a pipe-delimited row's bars joined its cells into
#: one number (phones, cards, and a Korean digit word beside a bar: 17|오영희), an underline before a plate,
#: a name before 이었 and a longer ending, a numbered list's next item read as a phone number's last digit.
TENTH_HELD_OUT_FAILURES = [
    ("헌혈증 기부 신청서 \n번호|비고|등록일\n17|공 삼 일∙499∙4410|2024-05-02\n 기부처는", "PHONE_NUMBER",
     "공 삼 일∙499∙4410"),
    ("가입자 정보 \n번호|카드 번호는|등록일\n17|3560 ~ 5975 ~ 5329 ~ ９９５０|2024-05-02\n 갱신일은", "CREDIT_CARD",
     "3560 ~ 5975 ~ 5329 ~ ９９５０"),
    ("가입자 정보 \n번호|대표자명|등록일\n17|오영희|2024-05-02\n 갱신일은", "PERSON", "오영희"),
    ("콘서트 티켓 양도합니다. 정가 양도 ____인천114나 4081____ (차번호) 현장 수령 가능", "KR_VEHICLE_PLATE",
     "인천114나 4081"),
    ("임시보호 신청합니다. 신청인 송유진이었습니다만 반려 경험 있습니다.", "PERSON", "송유진"),
    ("포장이사 견적 문의드려요 \n1. 접수 완료\n2. 27 ~ 06 ~ 139825 ~ 73\n3. 처리 대기\n 다음 달", "KR_DRIVER_LICENSE",
     "27 ~ 06 ~ 139825 ~ 73"),
]


#: The eleventh half's failures (stop 37), one per class: [[at]], a name label with 명 after it (in every
#: container: a chat export's line, a heading, a URL's path after the label), and a group of digit words
#: spelled one at a time before a particle that starts with 이.
ELEVENTH_HELD_OUT_FAILURES = [
    ("건강검진 결과 안내 E-mail : nxcxp[[at]]gmail.co.kr이었는데요 재검이", "EMAIL_ADDRESS", "nxcxp[[at]]gmail.co.kr"),
    ("가정통신문: 현장체험학습 신청서 예금주명 권성호 금요일까지 제출해 주세요.", "PERSON", "권성호"),
    ("신청서 \n2024. 5. 2. 오후 3:12, 김민수 : 예금주명 임지민\n 금요일까지", "PERSON", "임지민"),
    ("입사 지원서 제출합니다. 예금주명: https://shop.example.kr/name/임수빈/detail 희망 연봉은", "PERSON", "임수빈"),
    ("입사 지원서 제출합니다. 02／287／일 삼 오 이이었는데요 희망 연봉은", "PHONE_NUMBER", "02／287／일 삼 오 이"),
]


#: The twelfth half's failures (stop 37), one per class: the ideographic comma between groups (every
#: grouped type), at and dot words between hyphens, a symbol the text explains as the @.
TWELFTH_HELD_OUT_FAILURES = [
    ("렌터카 예약 확인 주민번호 앞6 뒤7 830207、2555896 보험은", "KR_RRN", "830207、2555896"),
    ("결제 카드번호는 4111、1111、1111、1111 입니다", "CREDIT_CARD", "4111、1111、1111、1111"),
    ("연락처 010、1234、5678 로 주세요", "PHONE_NUMBER", "010、1234、5678"),
    ("동호회 가입 신청서 메일 주소 : kim-at-naver-dot-com 회비는", "EMAIL_ADDRESS", "kim-at-naver-dot-com"),
    ("원서 접수 확인 kim★naver.com (★을 @로) 응시료", "EMAIL_ADDRESS", "kim★naver.com"),
]

#: The thirteenth held-out half's failures (rules version 15): digits spaced inside their groups, whatever
#: joins the groups; the Korean @ word in quotes or shortened; a percent-encoded dot; an HTML comment inside
#: an address; a case particle and an auxiliary one after a name.
THIRTEENTH_HELD_OUT_FAILURES = [
    ("부고 알림 주민(외국인)등록번호 8 3 0 2 0 7\u00ad2 5 5 5 8 9 6 발인은", "KR_RRN",
     "8 3 0 2 0 7\u00ad2 5 5 5 8 9 6"),
    ("<td>8 3 0 2 0 7\u3000-\u30002 5 5 5 8 9 6</td>", "KR_RRN", "8 3 0 2 0 7\u3000-\u30002 5 5 5 8 9 6"),
    ("A/S 접수 완료 8 3 0 2 0 7 .. 2 5 5 5 8 9 6 부품", "KR_RRN", "8 3 0 2 0 7 .. 2 5 5 5 8 9 6"),
    ("- 신용카드번호는: 4 1 1 1-\u200d1 1 1 1-\u200d1 1 1 1-\u200d1 1 1 1\n", "CREDIT_CARD",
     "4 1 1 1-\u200d1 1 1 1-\u200d1 1 1 1-\u200d1 1 1 1"),
    ("사업자 No: 2 1 0 - 8 1 - 4 5 6 7 5 입니다", "KR_BRN", "2 1 0 - 8 1 - 4 5 6 7 5"),
    ("법인 번호는 1 1 0 1 1 1-1 2 3 4 5 6 9 입니다", "KR_CRN", "1 1 0 1 1 1-1 2 3 4 5 6 9"),
    ("이메일 주소(아이디) bv_v'골뱅이'daum.com 입니다", "EMAIL_ADDRESS", "bv_v'골뱅이'daum.com"),
    ("메일은요 kim 골뱅 naver.com 으로", "EMAIL_ADDRESS", "kim 골뱅 naver.com"),
    ("# bv.c%40hanmail%2Eac.kr", "EMAIL_ADDRESS", "bv.c%40hanmail%2Eac.kr"),
    ('print("jxrd<!-- -->@korea.co.kr") 잔여 기간', "EMAIL_ADDRESS", "jxrd<!-- -->@korea.co.kr"),
    ("부고 알림 신청자 성명 장성호으로도 발인은", "PERSON", "장성호"),
    ("신랑측 혼주 동문: **김지민** 축하해 주셔서", "PERSON", "김지민"),
]

#: The fourteenth held-out half's failures (rules version 16): HTML character references between groups, a
#: dot then a hyphen, mathematical bold digits, ⓐ for the @, an address concatenated in code.
FOURTEENTH_HELD_OUT_FAILURES = [
    ("주민등록번호 830207&ndash;2555896 입니다", "KR_RRN", "830207&ndash;2555896"),
    ("카드 번호 : 4111&#45;1111&#45;1111&#45;1111", "CREDIT_CARD", "4111&#45;1111&#45;1111&#45;1111"),
    ("연락처 010&#x2D;1234&#8209;5678 로", "PHONE_NUMBER", "010&#x2D;1234&#8209;5678"),
    ("<q><![CDATA[830207.-2555896]]></q>", "KR_RRN", "830207.-2555896"),
    ("연락처 : 𝟎𝟏𝟗-𝟔𝟏𝟎𝟓-𝟓𝟔𝟕𝟖 중2 수학", "PHONE_NUMBER", "𝟎𝟏𝟗-𝟔𝟏𝟎𝟓-𝟓𝟔𝟕𝟖"),
    ("주민번호 𝟖𝟑𝟎𝟐𝟎𝟕-𝟐𝟓𝟓𝟓𝟖𝟗𝟔 입니다", "KR_RRN", "𝟖𝟑𝟎𝟐𝟎𝟕-𝟐𝟓𝟓𝟓𝟖𝟗𝟔"),
    ("메일주소는 kimⓐnaver.com 입니다", "EMAIL_ADDRESS", "kimⓐnaver.com"),
    ("var m = 'kim' + '@' + 'naver.com';", "EMAIL_ADDRESS", "kim' + '@' + 'naver.com"),
    ("회원 이름: 안하은으로서 발송은", "PERSON", "안하은"),
]

#: The fifteenth held-out half's failures (rules version 17): JSON with every non-ASCII character escaped,
#: circled digits, the won sign between groups, a hyphen between every two digits, the @ word in
#: lenticular brackets, a teacher's label, a name in quotes ending in a particle's syllable.
FIFTEENTH_HELD_OUT_FAILURES = [
    ('{"\\uc8fc\\ubbfc\\ubc88\\ud638": "900101-1081238"}', "KR_RRN", "900101-1081238"),
    ('{"\\uc131\\uba85": "\\uae40\\ubbfc\\uc218"}', "PERSON", "\\uae40\\ubbfc\\uc218"),
    ("카드번호 : ④①①①-①①①①-①①①①-①①①①", "CREDIT_CARD", "④①①①-①①①①-①①①①-①①①①"),
    ("주민번호(13자리)는 830207₩2555896 입니다", "KR_RRN", "830207₩2555896"),
    ("신용카드 번호는 4-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1 입니다", "CREDIT_CARD", "4-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1"),
    ("메일 주소(아이디) kim【at】naver.com 입니다", "EMAIL_ADDRESS", "kim【at】naver.com"),
    ("이번 주 주보 광고 담당 선생님 장유진이었을까 새가족", "PERSON", "장유진"),
    ('<label>담당 선생님:</label><input type="text" value="최영희">', "PERSON", "최영희"),
    ('{"담당 선생님:": "안하은"}', "PERSON", "안하은"),
    ("2차 면접 대상자 확인 환자명: 권도윤이라니까요 면접 장소는", "PERSON", "권도윤"),
]

#: The sixteenth held-out half's failures (rules version 18): a double colon between groups, an image whose
#: alternative text is the @, a profession in 사 labelling a name (in an aligned Markdown table too).
SIXTEENTH_HELD_OUT_FAILURES = [
    ("주민등록 번호는 830207::2555896 입니다", "KR_RRN", "830207::2555896"),
    ("카셰어링 이용 내역 안내 196::037::638446 (기업은행 입금) 반납", "KR_BANK_ACCOUNT", "196::037::638446"),
    ('메일 계정은 kim<img src="at.gif" alt="@">naver.com 입니다', "EMAIL_ADDRESS",
     'kim<img src="at.gif" alt="@">naver.com'),
    ("특별공급 자격 확인 서류 담당 간호사 권도윤이라는데요 무주택", "PERSON", "권도윤"),
    ("서류 \n| 번호 | 담당 간호사: |\n|:--:|:--|\n| 17 | 임수빈 |\n 무주택", "PERSON", "임수빈"),
]

#: The seventeenth held-out half's failures (rules version 20): a spaced full-width bar between groups,
#: ``[&#64;]``, an address wholly percent-encoded, 쩜 씨오 쩜 케이알 spaced, a noun in 생 with 명 as a label;
#: and what CI's examples found once the halves had moved: a name closed by ``<br>``, a resident number
#: with tabs around its hyphen on two identical lines (read as a TSV table's cells), a business number
#: with its label in brackets after it and a card's bracketed label before it.
SEVENTEENTH_HELD_OUT_FAILURES = [
    ("주민번호 전체: 830207 ｜ 2555896 입니다", "KR_RRN", "830207 ｜ 2555896"),
    (":E-mail 주소:: lewgh5[&#64;]naver.net\n", "EMAIL_ADDRESS", "lewgh5[&#64;]naver.net"),
    ("메일 %62%73%78%74%71%31%40%6E%61%76%65%72%2E%63%6F%6D 입니다", "EMAIL_ADDRESS",
     "%62%73%78%74%71%31%40%6E%61%76%65%72%2E%63%6F%6D"),
    ('<div data-email="zydy 골뱅이 gmail 쩜 씨오 쩜 케이알"></div>', "EMAIL_ADDRESS",
     "zydy 골뱅이 gmail 쩜 씨오 쩜 케이알"),
    ("디자이너 지정 예약 학생명: 오현우 노쇼 시", "PERSON", "오현우"),
    ("[학원 공지] 수강료 납부 안내\n학부모님 보증인<br>김민수<br>\n문의는", "PERSON", "김민수"),
    ("수강 신청 확인: 000101\t-\t5000003 (외국인등록번호) 다음 주부터.\n수강 신청 확인: 000101\t-\t5000003 "
     "(외국인등록번호) 다음 주부터.\n", "KR_FRN", "000101\t-\t5000003"),
    ("학부모님 4000-0000-0000-0002 (카드번호)\n문의는 교무실로 교통사고 경위서 000-00-00000 (사업자등록번호) 사고",
     "KR_BRN", "000-00-00000"),
    ("학부모님 4000-0000-0000-0002 (카드번호)\n문의는 교무실로 교통사고 경위서 000000-00-000000 (국민은행) 사고",
     "KR_BANK_ACCOUNT", "000000-00-000000"),
]

#: What the eighteenth held-out half (stop 38, read at stop 39) found missing (rules version 21): a dot and a
#: middle dot between groups, the dingbat circled sans-serif zero (Unicode gives it no digit value), the
#: at and dot words with the domain in capitals, a quoted spaced @, a name after a qualified plain noun in a
#: LaTeX cell or a comment, 으로다가 after a name; and, found in the tuning half then, a qualified noun after
#: a comment's # and a space, an unspaced bar between digits inside a spaced Markdown row.
EIGHTEENTH_HELD_OUT_FAILURES = [
    ("주민번호 830207.\u00b72555896 입니다", "KR_RRN", "830207.\u00b72555896"),
    ('query { user(q: "8.\u00b71428001631") { id } } (건강보험증 번호는요)', "KR_HEALTH_INSURANCE",
     "8.\u00b71428001631"),
    ("보일러 \n주민번호(앞6-뒤7) & \U0001f10b➈\U0001f10b➀\U0001f10b➀-➀\U0001f10b\U0001f10b\U0001f10b\U0001f10b"
     "\U0001f10b➇ \\\\\n 기사님", "KR_RRN",
     "\U0001f10b➈\U0001f10b➀\U0001f10b➀-➀\U0001f10b\U0001f10b\U0001f10b\U0001f10b\U0001f10b➇"),
    ("문의: kim AT naver DOT CO DOT KR 로 보내세요", "EMAIL_ADDRESS", "kim AT naver DOT CO DOT KR"),
    ('메일 kim " @ " naver.com 로', "EMAIL_ADDRESS", 'kim " @ " naver.com'),
    ("번호 이동 동의서 \n담당 의사 & 장영희 \\\\\n 위약금은 고객 부담", "PERSON", "장영희"),
    ("보일러 수리 접수 담당 의사 <!-- 서민수 --> 기사님 방문은 내일 오전", "PERSON", "서민수"),
    ("환자 성함 서민수으로다가 처리", "PERSON", "서민수"),
    ('언어 교환 파트너 구해요 \n# 신청 학생:\nvalue = "조서연"\n 주 1회', "PERSON", "조서연"),
    ("목록: 가족관계증명서, \n| 주민No | 030821|3773291 |\n|-+-|\n, 통장 사본", "KR_RRN", "030821|3773291"),
]

#: What the nineteenth held-out half (written and reported at stop 39, then read) found missing (rules version
#: 22): HTML's line break inside a number, Hanja numerals for digits, at with 닷컴, an account with a colon and a
#: space between groups, 으로부턴 after a name, a qualified noun as an attribute's value before the name.
NINETEENTH_HELD_OUT_FAILURES = [
    ("주민번호 830207-<br>2555896", "KR_RRN", "830207-<br>2555896"),
    ("카드 4111-<br/>1111-<br>1111-<br>1111 결제", "CREDIT_CARD", "4111-<br/>1111-<br>1111-<br>1111"),
    ("연락처 010-<br>1234-<br>5678", "PHONE_NUMBER", "010-<br>1234-<br>5678"),
    ("주민번호 八三〇二〇七-二五五五八九六 입니다", "KR_RRN", "八三〇二〇七-二五五五八九六"),
    ("연락처 〇一〇―一二三四―五六七八", "PHONE_NUMBER", "〇一〇―一二三四―五六七八"),
    ("kim at naver 닷컴 으로", "EMAIL_ADDRESS", "kim at naver 닷컴"),
    ('<select name="q"><option selected>659: 35: 521119</option></select> (입금 계좌번호:)', "KR_BANK_ACCOUNT",
     "659: 35: 521119"),
    ("에너지 바우처 신청서 보호자 이름: 조현우으로부턴 주민센터 방문 접수", "PERSON", "조현우"),
    ('하프 코스 접수 확인 <field name="담당 변호사">장영희</field> 기념품은 현장 수령', "PERSON", "장영희"),
]

#: What the twentieth held-out half (written and reported at stop 39, then read) found missing (rules version
#: 23): keycap emoji digits, a first group in Hanja numerals, the ideographic full stop between groups, the @
#: quoted-printable, an account with spaced colons, 으로나마, a name as the title of the tag after its noun.
TWENTIETH_HELD_OUT_FAILURES = [
    ("연락처 0\ufe0f\u20e31\ufe0f\u20e30\ufe0f\u20e3-1\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e3-5\ufe0f\u20e3"
     "6\ufe0f\u20e37\ufe0f\u20e38\ufe0f\u20e3 입니다", "PHONE_NUMBER",
     "0\ufe0f\u20e31\ufe0f\u20e30\ufe0f\u20e3-1\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e3-5\ufe0f\u20e36\ufe0f\u20e3"
     "7\ufe0f\u20e38\ufe0f\u20e3"),
    ("주민번호 八三〇二〇七-2555896", "KR_RRN", "八三〇二〇七-2555896"),
    ("연락처 〇一〇\u2013\u20131234\u2013\u20135678", "PHONE_NUMBER", "〇一〇\u2013\u20131234\u2013\u20135678"),
    ("주민번호 830207\u30022555896", "KR_RRN", "830207\u30022555896"),
    ("메일 kim=40naver.com 로", "EMAIL_ADDRESS", "kim=40naver.com"),
    ("입금계좌: 659 : 35 : 521119", "KR_BANK_ACCOUNT", "659 : 35 : 521119"),
    ("유치원 방과후 신청 입금자 성함 오지훈으로나마 귀가 동의서 첨부", "PERSON", "오지훈"),
    ('플리마켓 셀러 모집 담당 세무사 <span title="장수빈">ⓘ</span> 참가비 2만 원', "PERSON", "장수빈"),
]

#: What the twenty-first held-out half (written and reported at stop 39, then read) found missing (rules version
#: 24): the white circle Korean text writes for a zero, 으로까지 after a name, a qualified noun as a JSON key.
TWENTY_FIRST_HELD_OUT_FAILURES = [
    ("연락처 \u25cb1\u25cb-1234-5678", "PHONE_NUMBER", "\u25cb1\u25cb-1234-5678"),
    ("수도요금 신청 \n>> \u25cb11&bull;9694&bull;5236\n 다음 달부터 적용 (휴대폰)", "PHONE_NUMBER",
     "\u25cb11&bull;9694&bull;5236"),
    ("주민번호 8\u25cb\u25cb2\u25cb7 \uff1a 2555896", "KR_RRN", "8\u25cb\u25cb2\u25cb7 \uff1a 2555896"),
    ("예약자명: 조현우으로까지 주소 변경 포함", "PERSON", "조현우"),
    ('종합검진 결과 발송 {"id": 17, "담당 노무사": "장영희", "ts": "2024-05-02T12:30:45"}', "PERSON", "장영희"),
]


def test_a_percent_encoded_name_in_a_url_is_redacted_whole() -> None:
    """A run of percent escapes is read as the UTF-8 it encodes, each character mapped back to its own
    escapes: the name's escapes are redacted, not the URL around them."""
    text = "성명: %EA%B9%80%EB%AF%BC%EC%88%98 입니다"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("PERSON", "%EA%B9%80%EB%AF%BC%EC%88%98")]
    assert find("할인율 100%%% 그리고 %FF%FE%FD") == []


@pytest.mark.parametrize("text", [
    "第一條 一二三 제1조 二〇二四年",  # Hanja numerals in runs of fewer than nine digits are words, dates
    "회의 12: 30 입금 계좌 안내",  # a time with a space after its colon beside an account word
    "회의 12 : 30 입금 계좌 안내",
    "二〇二四년 一월 행사",  # a year in Hanja with no digit beside it
    '우리 선생님 <img alt="사진">',  # a word in an attribute that is no title, value or data
    "연락처 010-\u25cb\u25cb\u25cb\u25cb-5678 (가운데 가림)",  # a group masked whole with white circles stays masked
    "김\u25cb\u25cb 씨, \u25cb\u25cb고 23회 졸업",
    '<button type="button" value="x">확인</button> 사다리차 비용은 별도',  # 확인 is no person noun
    "신고, 신청, 승인, 허가, 수리",
    "1\u20263번 2024\u20262025년",  # an ellipsis joins no short numbers into an identifier
    "선생님\n수업 시간 10:30",  # a person noun at a line's end, then no name
    "면적 84m\u00b2, 1+1 행사, 10\u00b9\u00b2 바이트, 2+2=4",  # a unit's and an exponent's superscripts, sums
])
def test_hanja_numerals_and_spaced_times_take_no_ordinary_text(text: str) -> None:
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == []


def test_a_bare_double_colon_is_no_ip_address() -> None:
    text = ":접속IP :: 1.1.1.1"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("IP_ADDRESS", "1.1.1.1")]


def test_a_date_and_time_after_an_account_label_is_no_account() -> None:
    text = "입금 계좌 확인 2024-05-02 12:30:45 처리 완료"
    assert find(text) == []


@pytest.mark.parametrize("text", [
    '"선생님! 제집 모르시지요?"',  # a call in dialogue: a plain noun takes a name after a colon only
    "'운명에 맡기자', 이게 조선 사람의 공통성이니깐.",
    "제3조 ① 2024. 1. 1.부터 시행한다.",  # a circled paragraph mark before a date
])
def test_plain_nouns_and_circled_marks_take_no_ordinary_text(text: str) -> None:
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == []


def test_a_character_reference_is_redacted_with_its_number_and_hashed_as_what_it_shows() -> None:
    """The finding covers the reference as written, so nothing of the number is left; the keyed hash
    reads ``&#45;`` as the hyphen it shows, not as the digits 4 and 5."""
    text = "카드 4111&#45;1111&#45;1111&#45;1111 &amp; AT&T"
    assert redact(text, find(text)) == "카드 <|card|> &amp; AT&T"
    assert canonical("CREDIT_CARD", "4111&#45;1111&#45;1111&#45;1111") == "4111111111111111"


#: What the tuning half failed on once the thirteenth half joined it (rules version 15; the last two: 16): a
#: pipe row broken across lines by its cell's value, a Markdown row alone, escaped tabs around a hyphen in
#: JSON, a spaced phone number in digit words with colons, a name in lenticular brackets.
ROTATED_TUNING_FAILURES = [
    ("학부모님 \n번호|비고|등록일\n17|010.\n0000.\n0000|2024-05-02\n", "PHONE_NUMBER", "010.\n0000.\n0000"),
    ("민원 내용: \n|카드 No|5572\ufe635374\ufe636727\ufe636935|\n 빠른 처리", "CREDIT_CARD",
     "5572\ufe635374\ufe636727\ufe636935"),
    ('{"외국인등록번호": "190802\\t-\\t5267455"}', "KR_FRN", "190802\\t-\\t5267455"),
    ('String v = "공 일 구:삼 삼 구 육:칠 삼 구 공"; (Phone No.)', "PHONE_NUMBER", "공 일 구:삼 삼 구 육:칠 삼 구 공"),
    ("혹시 필요하신 분 임차인 【강유진】 쪽지 주세요", "PERSON", "강유진"),
    # ... and once the fourteenth joined it: letters for digits before a numbered list's next item, an escaped
    # line break with an escaped tab after it in JSON
    ("명단 업데이트 \n1. 접수 완료\n2. 0l6 - 9830 - 5445\n3. 처리 대기\n", "PHONE_NUMBER", "0l6 - 9830 - 5445"),
    ('{"외국인등록번호": "190802-\\r\\n\\t5267455"}', "KR_FRN", "190802-\\r\\n\\t5267455"),
    # ... and CI's example once the twenty-first had (rules version 25): a spread phone number began inside a
    # spaced resident number's zeros, once a TSV cell's tab could end it
    ("번호\tResident No.\t등록일\n17\t0 0 0 1 0 1-1 0 0 0 0 0 2\t2024-05-02\n", "KR_RRN", "0 0 0 1 0 1-1 0 0 0 0 0 2"),
    ("학부모님 <ul><li>주민번호 앞6 뒤7 0 0 0 1 0 1-1 0 0 0 0 0 2</li></ul>", "KR_RRN", "0 0 0 1 0 1-1 0 0 0 0 0 2"),
    ("[학원 공지] 수강료 납부 안내\n학부모님 인수자 **김민수**\n문의는 교무실로", "PERSON", "김민수"),
    # ... and the dev profile's examples at rules version 26 (the tuning half with the twenty-second's writings
    # still unread by the rules)
    ("학부모님 \u25cb\u25cb\u25cb1\u25cb1-<br>1\u25cb\u25cb\u25cb\u25cb\u25cb2 (주민등록번호)", "KR_RRN",
     "\u25cb\u25cb\u25cb1\u25cb1-<br>1\u25cb\u25cb\u25cb\u25cb\u25cb2"),
    ("학부모님 (\u25cb\u25cb\u25cb1\u25cb1 -- 1\u25cb\u25cb\u25cb\u25cb\u25cb2)", "KR_RRN",
     "\u25cb\u25cb\u25cb1\u25cb1 -- 1\u25cb\u25cb\u25cb\u25cb\u25cb2"),
    ('학부모님 {"user": {"연락처": "\u25cb2\\t-\\t2\u25cb\u25cb\\t-\\t\u25cb\u25cb\u25cb1"}}', "PHONE_NUMBER",
     "\u25cb2\\t-\\t2\u25cb\u25cb\\t-\\t\u25cb\u25cb\u25cb1"),
    ('학부모님 {"이메일": "a0@\\nnaver.com"}', "EMAIL_ADDRESS", "a0@\\nnaver.com"),
    ('학부모님 {"이메일": ["a0 \\" @ \\" naver.com"]}', "EMAIL_ADDRESS", 'a0 \\" @ \\" naver.com'),
    ("학부모님 (111122-4070023) (법인 No:)\n문의는", "KR_CRN", "111122-4070023"),
    ("학부모님 <q>111122-4070023</q> (법인 No:)\n문의는", "KR_CRN", "111122-4070023"),
    ("구합니다 4000-0000-0000-0002 (카드번호) 중2 수학, 주 2회 희망\n구합니다 (000101-1000002) 중2 수학, 주 2회",
     "KR_RRN", "000101-1000002"),
    ('학부모님 // 담당 변호사\nString v = "김민수";\n문의는', "PERSON", "김민수"),
    ("학부모님 \n법인등록번호: |\n  110100|0000005\n\n문의는", "KR_CRN", "110100|0000005"),
    ("<table><tr><th>번호</th><th>운전면허번호</th><th>등록일</th></tr><tr><td>17</td>"
     "<td>11\u2014\t00\u2014\t000000\u2014\t00</td><td>2024-05-02</td></tr></table>", "KR_DRIVER_LICENSE",
     "11\u2014\t00\u2014\t000000\u2014\t00"),
    ("학부모님 인수자: ____김민수____\n문의는", "PERSON", "김민수"),
    ("학부모님 110000000000 (DL No.)\n문의는", "KR_DRIVER_LICENSE", "110000000000"),
    ("학부모님 인수자 https://shop.example.kr/name/김민수/detail\n문의는", "PERSON", "김민수"),
    ("학부모님 피상속인\t'김민수\t\n문의는", "PERSON", "김민수"),
    ("학부모님 공이-<br>이공공-<br>공공공공 (연락처)\n문의는", "PHONE_NUMBER", "공이-<br>이공공-<br>공공공공"),
    ('학부모님 {"카드번호": "4\\ufe0f\\u20e30\\ufe0f\\u20e30\\ufe0f\\u20e30\\ufe0f\\u20e3-0000-0000-0002"}',
     "CREDIT_CARD", "4\\ufe0f\\u20e30\\ufe0f\\u20e30\\ufe0f\\u20e30\\ufe0f\\u20e3-0000-0000-0002"),
    ("학부모님 \n[신청 학생]\nvalue = 김민수\n\n문의는", "PERSON", "김민수"),
    ("수도요금 자동이체 신청 010-0000-0000 (Phone No.) 다음 달부터 적용", "PHONE_NUMBER", "010-0000-0000"),
    ("학부모님 성명 김민수으로밖에\n문의는", "PERSON", "김민수"),
    ("확인: (010\t0000\t0000) 다음 주부터 수업 시작합니다.\n확인: tel = 010\t0000\t0000\n 다음 주부터", "PHONE_NUMBER",
     "010\t0000\t0000"),
    # ... and once the twenty-second joined the tuning half
    ("계약금 입금 확인 \n12\n00:01:02,500 --> 00:01:05,000\n000-00-00000 (사업자등록번호)\n 잔금일은", "KR_BRN",
     "000-00-00000"),
    ("학부모님 \n| 항목 | 내용 |\n|---|---|\n| 담당 간호사 | 김민수 |\n\n문의는", "PERSON", "김민수"),
    ("조의금 계좌 안내 \n|===\n|휴대폰번호 :\n|\u25cb5\u25cb2|9323|5678\n|===\n 마음", "PHONE_NUMBER",
     "\u25cb5\u25cb2|9323|5678"),
    ("선물 받으실 분 정보 4916/8710/0210/0591이거나 메시지 카드 포함", "CREDIT_CARD", "4916/8710/0210/0591"),
    ('휴대폰 개통 신청서 담당 약사: <button type="button" value="황유진">확인</button> 요금제는', "PERSON", "황유진"),
    ("학부모님 -- 담당 상담사\nINSERT INTO t VALUES (17, '김민수', '2024-05-02');\n문의는", "PERSON", "김민수"),
    ("예약금은 환불되지 않습니다. 수강 신청 확인: 02-1000-0000 (문자) 다음 주부터", "PHONE_NUMBER", "02-1000-0000"),
    ("예약금은 환불되지 않습니다. 수강 신청 확인: 02-1000-0000 (폰번호) 다음 주부터", "PHONE_NUMBER", "02-1000-0000"),
    ("○○고 23회 동문회 회비 입금 안내 1-<br>0000000000 (건강보험증 번호) 오늘은", "KR_HEALTH_INSURANCE",
     "1-<br>0000000000"),
    ("동문회 회비 입금 안내 INSERT INTO t VALUES (17, '1-<br>0000000000', '2024-05-02'); (건강보험증 번호) 오늘은",
     "KR_HEALTH_INSURANCE", "1-<br>0000000000"),
    ("동문회 회비 입금 안내 INSERT INTO t VALUES (17, '1-<br>0000000000', '2024-05-02'); (의료보험 번호) 오늘은",
     "KR_HEALTH_INSURANCE", "1-<br>0000000000"),
    ("동문회 회비 입금 안내 INSERT INTO t VALUES (17, '1-<br>0000000000', '2024-05-02'); (건보 증번호) 오늘은",
     "KR_HEALTH_INSURANCE", "1-<br>0000000000"),
    # (a guard, found on the rules before too: a draft of the nearest-label rule took this number from its own
    # label before it for 환불 after it)
    ("원서 접수 확인 '건강보험증 번호' => '1-0000000000', 응시료 환불 규정을 확인하세요.", "KR_HEALTH_INSURANCE",
     "1-0000000000"),    # ... and once the twenty-third joined the tuning half (rules version 28)
    ("학부모님 020-<br>000000-<br>00000 (국민은행)\n문의는", "KR_BANK_ACCOUNT", "020-<br>000000-<br>00000"),
    ("학부모님 010-00-000000 (국민은행)\n문의는", "KR_BANK_ACCOUNT", "010-00-000000"),
    ("학부모님 \n12\n00:01:02,500 --> 00:01:05,000\n대리인 김민수\n\n문의는", "PERSON", "김민수"),
    ('학부모님 {"user": {"tel": "공이\\t-\\t이공공\\t-\\t공공공공"}}\n문의는', "PHONE_NUMBER",
     "공이\\t-\\t이공공\\t-\\t공공공공"),
    ("학부모님 \n12\n00:01:02,500 --> 00:01:05,000\n공이-이공공-공공공공 (연락처)\n\n문의는", "PHONE_NUMBER",
     "공이-이공공-공공공공"),
    ('학부모님 <field name="고객명" value="김민수"/>\n문의는', "PERSON", "김민수"),
    ("학부모님 4000|0000|0000|0002 (카드번호)\n문의는 교무실로\n학부모님 5500|0000|0000|0004 (카드번호)\n문의는",
     "CREDIT_CARD", "5500|0000|0000|0004"),
    ("학부모님 4000|0000|0000|0002 (카드번호)\n확인: 카드번호 (4000|0000|0002|0000) 다음 주부터", "CREDIT_CARD",
     "4000|0000|0002|0000"),
    ("학부모님 '담당 노무사' => '김민수',\n문의는", "PERSON", "김민수"),
    # (a guard, found on the rules before too: a draft read a comma before a zero as a thousands group's)
    ("학부모님 \n번호,연락처,등록일\n17,010-공공공공-0000,2024-05-02\n\n문의는", "PHONE_NUMBER", "010-공공공공-0000"),
    # ... and once the twenty-fourth joined the tuning half (rules version 29)
    ("학부모님 성명 이하은\n문의는", "PERSON", "이하은"),
    ("학부모님 위임인 김민수\n문의는", "PERSON", "김민수"),
    ("<table><tr><th>번호</th><th>보내는 분 성함</th><th>등록일</th></tr><tr><td>17</td><td>김민수</td>"
     "<td>2024-05-02</td></tr></table> 사고", "PERSON", "김민수"),
    ('통신사 이전 설치 요청 <field name="동문" value="안미경"/> 공유기는', "PERSON", "안미경"),
    ("귀가 동의서 상속인:\t'이하은\t 보호자 외", "PERSON", "이하은"),
    ("학부모님 \n-- \n홍길동 | 고객지원팀\n000101|5000003\n (외국인등록번호)\n문의는", "KR_FRN", "000101|5000003"),
    # ... and the dev profile's once the twenty-sixth joined the tuning half (rules version 31): a TSV row's
    # licence cell and the year of the next cell passing Luhn as a card, an account with two tabs between its
    # groups, a white circle's zero beside a query string's encoded space, a person noun in 인 before an = or a
    # party's noun mid-sentence, a noun and a colon before a URL, 주민센터 read as a resident number's label,
    # an account run that ends its line, and a hex escape whose backslash a JSON string escapes in turn
    ("\n번호\t면허증 No.\t등록일\n17\t189300011300\t2024-05-02\n", "KR_DRIVER_LICENSE", "189300011300"),
    ("학부모님 000000\t\t00\t\t000000 (국민은행)\n문의는", "KR_BANK_ACCOUNT", "000000\t\t00\t\t000000"),
    ("학부모님 (4○○○%20○○○1%20○○○1%20○○18)\n문의는", "CREDIT_CARD", "4○○○%20○○○1%20○○○1%20○○18"),
    ("학부모님 보증인 = 김민수\n\n문의는", "PERSON", "김민수"),
    ("교통사고 경위서 위임인 김민수 사고 장소: 사거리", "PERSON", "김민수"),
    ("학부모님 인수자: https://shop.example.kr/name/김민수/detail\n문의는", "PERSON", "김민수"),
    ("주민센터 방문 접수 수강 신청 확인: (110101. 1000002) 다음", "KR_CRN", "110101. 1000002"),
    ("명함 인쇄 주문 \n국민은행: 00000000000000\r\n 200매 양면", "KR_BANK_ACCOUNT", "00000000000000"),
    ('학부모님 {"이메일": ["a0\\\\x40naver.com"]}\n문의는', "EMAIL_ADDRESS", "a0\\\\x40naver.com"),
    # ... and after the twenty-seventh was read: a digit word starting the next line's word (사고), a full-width
    # hyphen in an inline element, spaced digits before a two-digit number, 건보 증번호 before 입금, an image's
    # alt text for the @ with its quotes escaped in JSON, No for 번호 in a label (법인No.), letters for digits
    # across <br>, three JSON escapes in a row (\r\n\t), another type's label in brackets after its own number,
    # a bracketed label after an element's closing tags
    ("사업자 등록 No: 050\ufe6331\ufe6388290\n 사고 장소", "KR_BRN", "050\ufe6331\ufe6388290"),
    ('// 신용카드 No:\nString v = "９４１０<span>－</span>３６０８<span>－</span>２３０９<span>－</span>７２７７";',
     "CREDIT_CARD", "９４１０<span>－</span>３６０８<span>－</span>２３０９<span>－</span>７２７７"),
    ("연락처 공 일 공-공 공 공 공-공 공 공 공 32평 아파트", "PHONE_NUMBER", "공 일 공-공 공 공 공-공 공 공 공"),
    ("판매자 건보 증번호 (1-0000000000) 입금 확인했습니다", "KR_HEALTH_INSURANCE", "1-0000000000"),
    ('학부모님 {"이메일": ["a0<img src=\\"at.gif\\" alt=\\"@\\">naver.com"]}', "EMAIL_ADDRESS",
     'a0<img src=\\"at.gif\\" alt=\\"@\\">naver.com'),
    ("학부모님 1101000000005 (법인No.)\n문의는", "KR_CRN", "1101000000005"),
    ("학부모님 O2-<br>2OO-<br>OOOO (연락처)\n문의는", "PHONE_NUMBER", "O2-<br>2OO-<br>OOOO"),
    ('{\n  "연락처": "공 일 공-\\r\\n\\t0000-\\r\\n\\t0000"\n}', "PHONE_NUMBER",
     "공 일 공-\\r\\n\\t0000-\\r\\n\\t0000"),
    ("목록: 가족관계증명서, 11-00-000000-00 (운전면허번호), 통장 사본 수강 신청 확인: (000101-1000002) 다음", "KR_RRN",
     "000101-1000002"),
    ("목록: 가족관계증명서, (000-00-00000) (사업자등록번호), 통장 사본 꽃배달 주문 (000101-1000002) 리본", "KR_RRN",
     "000101-1000002"),
    ('예약자 정보 <select name="q"><option selected>M00000000</option></select> (Passport No.)', "KR_PASSPORT",
     "M00000000"),
    # ... and once the twenty-seventh joined the tuning half (rules version 32): a full-width comma
    # between groups in a CSV row, a value with more commas than its header's cell, 금고 read in 등록금 고지서,
    # look-alike letters after a subtitle's timestamp, a JavaScript escape whose backslash a JSON string
    # escapes in turn, spaced digits with escaped tabs around the hyphens
    ("학부모님 \n번호,운전면허번호\n1,11，00，000000，00\n\n문의는", "KR_DRIVER_LICENSE", "11，00，000000，00"),
    ("학부모님 \n번호,운전면허번호\n1,11,00,000000,00\n\n문의는", "KR_DRIVER_LICENSE", "11,00,000000,00"),
    ("장학생 선발 안내 보험증 No (1-0000000000) 등록금 고지서를 확인하세요.", "KR_HEALTH_INSURANCE", "1-0000000000"),
    ("학부모님 \n12\n00:01:02,500 --> 00:01:05,000\n0l0-0000-0000\n\n문의는", "PHONE_NUMBER", "0l0-0000-0000"),
    ('학부모님 {\n  "이메일": "a0\\\\u0040naver.com"\n}\n문의는', "EMAIL_ADDRESS", "a0\\\\u0040naver.com"),
    ('{"user": {"연락처": "0 1 0\\t-\\t0 0 0 0\\t-\\t0 0 0 0"}}', "PHONE_NUMBER", "0 1 0\\t-\\t0 0 0 0\\t-\\t0 0 0 0"),
    # ... and once the twenty-eighth joined the tuning half (rules version 34): a header cell's noun with 님,
    # two colons before a URL, a percent-encoded hyphen beside combining marks or a tag, a combining mark as a
    # JSON escape, tags between digit words or circled digits and a hyphen
    ('학부모님 \n"번호","담당 강사님","등록일"\n"17","김민수","2024-05-02"\n\n문의는', "PERSON", "김민수"),
    ("학부모님 방문자:: https://shop.example.kr/name/김민수/detail\n문의는", "PERSON", "김민수"),
    ("학부모님 0\u03320\u03320\u03321\u03320\u03321\u0332%2D1\u03320\u03320\u03320\u03320\u03320\u03322\u0332"
     " (주민등록번호)", "KR_RRN", "0\u03320\u03320\u03321\u03320\u03321\u0332%2D1\u03320\u03320"),
    ("학부모님 <span>8</span><span>3</span><span>0</span><span>2</span><span>0</span><span>7</span>%2D<span>2</span>"
     "<span>5</span><span>5</span><span>5</span><span>8</span><span>9</span><span>6</span> (주민등록번호)", "KR_RRN",
     "8</span><span>3</span><span>0</span><span>2</span><span>0</span><span>7</span>%2D<span>2</span><span>5"),
    ('학부모님 {"\\uce74\\ub4dc\\ubc88\\ud638": "4\\u03320\\u03320\\u03320\\u0332-0\\u03320\\u03320\\u03320'
     '\\u0332-0\\u03320\\u03320\\u03320\\u0332-0\\u03320\\u03320\\u03322\\u0332"}', "CREDIT_CARD",
     "4\\u03320\\u03320\\u03320\\u0332-0"),
    ("학부모님 (공일공</span>-<span>공공공공</span>-<span>공공공공)\n문의는", "PHONE_NUMBER",
     "공일공</span>-<span>공공공공"),
    ("학부모님 ⓿⓿⓿❶⓿❶</span>-<span>❶⓿⓿⓿⓿⓿❷ (주민등록번호)\n문의는", "KR_RRN", "⓿⓿⓿❶⓿❶</span>-<span>❶⓿⓿⓿⓿⓿❷"),
    # Stop 44's dev profile of the tuning half, the twenty-ninth half in it (rules version 36)
    ("학부모님 a0=40naver.com (이메일)", "EMAIL_ADDRESS", "a0=40naver.com"),  # = of a quoted-printable @
    ("학부모님 a0**@**naver.com (이메일)", "EMAIL_ADDRESS", "a0**@**naver.com"),  # bold around the @ after a digit
    ("[거래완료] 판매자 보험증 No (1-0000000000) 입금 확인했습니다", "KR_HEALTH_INSURANCE", "1-0000000000"),
    ("청구서 발행 안내: 건강보험 가입 번호 (1-0000000000) 입금 기한은", "KR_HEALTH_INSURANCE", "1-0000000000"),
    ("학부모님 공일공에 공공공공에 공공공공 (연락처)", "PHONE_NUMBER", "공일공에 공공공공에 공공공공"),
    ("학부모님 O1O에 OOOO에 OOOO (연락처)", "PHONE_NUMBER", "O1O에 OOOO에 OOOO"),
    ("학부모님 ○2에 2○○에 ○○○1 (연락처)", "PHONE_NUMBER", "○2에 2○○에 ○○○1"),
    ("학부모님 0 2에 2 0 0에 0 0 0 0 (연락처)", "PHONE_NUMBER", "0 2에 2 0 0에 0 0 0 0"),
    ('학부모님 담당 선생님 :: <span title="김민수">ⓘ</span>\n문의는', "PERSON", "김민수"),
    ("\n번호|성명|등록일\n17|김민수|2024-05-02\n 확인: 연락처 02|200|0000이고 다음", "PHONE_NUMBER", "02|200|0000"),
    ("\n번호|성명|등록일\n17|김민수|2024-05-02\n 확인: 공 이|이 공 공|공 공 공 공 (연락처)", "PHONE_NUMBER",
     "공 이|이 공 공|공 공 공 공"),
    ("\n번호|성명|등록일\n17|김민수|2024-05-02\n 확인: 연락처 O2|2OO|OOOO 다음", "PHONE_NUMBER", "O2|2OO|OOOO"),
    ("확인: '법인등록번호' => '110100 - 0000005', 다음 주부터.\n로드 자전거 (000-00-00000) 사이즈 52, 직거래",
     "KR_BRN", "000-00-00000"),
    ("학부모님 【110100-0000005】 (법인등록번호)\n문의는 교무실로 꽃배달 주문 4000-0000-0000-0002 리본", "CREDIT_CARD",
     "4000-0000-0000-0002"),
    ("예약자 정보 \nQ=110100-0000005\n (법인등록번호) 수강 신청 확인: (4000-0000-0000-0002) 다음", "CREDIT_CARD",
     "4000-0000-0000-0002"),
    ("학부모님 4〇0〇</span>-<span>0〇0〇</span>-<span>0〇0〇</span>-<span>0〇0二 (카드번호)", "CREDIT_CARD",
     "4〇0〇</span>-<span>0〇0〇</span>-<span>0〇0〇</span>-<span>0〇0二"),
    ("학부모님 51○○</span>-<span>○○○1</span>-<span>○○○1</span>-<span>○○○6 (카드번호)", "CREDIT_CARD",
     "51○○</span>-<span>○○○1</span>-<span>○○○1</span>-<span>○○○6"),
    ("학부모님 \n12\n00:01:02,500 --> 00:01:05,000\nO1O-11OO-OOOO (연락처)\n", "PHONE_NUMBER", "O1O-11OO-OOOO"),
    ('학부모님 담당 강사님 <svg width="200" height="20"><text x="0" y="15">김민수</text></svg>', "PERSON", "김민수"),
    ('학부모님 {"user": {"이메일": "a0@naver\\\\.com"}}\n문의는', "EMAIL_ADDRESS", "a0@naver\\\\.com"),
    ('학부모님 {/* 법인 (등록) 번호 */}\n<Contact q="110101-1111122" />\n문의는', "KR_CRN", "110101-1111122"),
    ('학부모님 <Contact q="110101-1111122" /> (법인 (등록) 번호)\n문의는', "KR_CRN", "110101-1111122"),
    ("학부모님 \n||사업자등록번호||\n|000|00|00000|\n\n문의는", "KR_BRN", "000|00|00000"),
    ("동문회 회비 입금 안내 \nQ=110000000000\n (운전면허) 오늘은", "KR_DRIVER_LICENSE", "110000000000"),
    ("학부모님 081-1000-0000-00 (국민은행)\n문의는", "KR_BANK_ACCOUNT", "081-1000-0000-00"),
]

#: The twenty-second held-out half's failures (rules version 26): ``<wbr>`` inside a number and before the @,
#: three dots between groups, a label in brackets after an HTML button that holds the value.
TWENTY_SECOND_HELD_OUT_FAILURES = [
    ("주민번호 830207-<wbr>2555896", "KR_RRN", "830207-<wbr>2555896"),
    ("메일 kim<wbr>@naver.com 로", "EMAIL_ADDRESS", "kim<wbr>@naver.com"),
    ("신용카드 번호: 4000...\u3007\u3007\u3007\u3007...0000...0002\nEND", "CREDIT_CARD",
     "4000...\u3007\u3007\u3007\u3007...0000...0002"),
    ("주민번호 830207...2555896", "KR_RRN", "830207...2555896"),
    ("연락처 010\u20261234\u20265678", "PHONE_NUMBER", "010\u20261234\u20265678"),
    ('<button type="button" value="D34479254">확인</button> (Passport No:) 사진은', "KR_PASSPORT", "D34479254"),
    ('<button type="button" value="338432-49-690649">확인</button> (하나은행 계좌번호) 주차는', "KR_BANK_ACCOUNT",
     "338432-49-690649"),
    ('<button type="button" value="9410-<wbr>\u3007\u516d\u4e00\u4e03-<wbr>9576-<wbr>7166">확인</button> (카드 번호는)',
     "CREDIT_CARD", "9410-<wbr>\u3007\u516d\u4e00\u4e03-<wbr>9576-<wbr>7166"),
]

#: The twenty-third held-out half's failures (rules version 27): a plus sign (a query string's space) and
#: ``%20`` between groups, superscript digits, digits in combining enclosing circles, the small commercial at,
#: a colon and a hyphen between an account's groups.
TWENTY_THIRD_HELD_OUT_FAILURES = [
    ("주민 번호는 000101+1000002 입니다", "KR_RRN", "000101+1000002"),
    ("연락처 010+1234+5678", "PHONE_NUMBER", "010+1234+5678"),
    ("https://m.example.kr/f?tel=010%201234%205678&x=1", "PHONE_NUMBER", "010%201234%205678"),
    ("주민번호 \u2078\u00b3\u2070\u00b2\u2070\u2077-\u00b2\u2075\u2075\u2075\u2078\u2079\u2076", "KR_RRN",
     "\u2078\u00b3\u2070\u00b2\u2070\u2077-\u00b2\u2075\u2075\u2075\u2078\u2079\u2076"),
    ("연락처 010-\u00b9\u00b2\u00b3\u2074-5678", "PHONE_NUMBER", "010-\u00b9\u00b2\u00b3\u2074-5678"),
    ("카드 4\u20dd0\u20dd0\u20dd0\u20dd-0000-0000-0002", "CREDIT_CARD", "4\u20dd0\u20dd0\u20dd0\u20dd-0000-0000-0002"),
    ("메일 kim\ufe6bnaver.com", "EMAIL_ADDRESS", "kim\ufe6bnaver.com"),
    ("국민은행 계좌: 123456:-78:-901234", "KR_BANK_ACCOUNT", "123456:-78:-901234"),
    ("신청 \n[Web발신]\n0\u20dd3\u20dd1\u20dd%204\u20dd9\u20dd9\u20dd%204\u20dd4\u20dd1\u20dd0\u20dd\n (H/P) 리허설은",
     "PHONE_NUMBER", "0\u20dd3\u20dd1\u20dd%204\u20dd9\u20dd9\u20dd%204\u20dd4\u20dd1\u20dd0\u20dd"),
    ("필라테스 체험 신청 가입자 성함 조현우으로야 편한 복장으로 오세요", "PERSON", "조현우"),
    ("> 0\u20dd1\u20dd0\u20dd\u2013\t3748\u2013\t8948\n 주 1회 30분 희망 동아리 공연 신청 051\u2013\t302\u2013\t4730",
     "PHONE_NUMBER", "0\u20dd1\u20dd0\u20dd\u2013\t3748\u2013\t8948"),
]


#: The twenty-fourth held-out half's failures (rules version 28): a left-to-right mark after a hyphen, 빵 for a
#: zero, a string's ``\x40``, the @ in Markdown's bold, At and Dot in title case, 코치 and other roles, 으로서는
#: after a name, a table drawn with box characters, spaced digits before a number of two digits.
TWENTY_FOURTH_HELD_OUT_FAILURES = [
    ("주민번호 830207-\u200e2555896 입니다", "KR_RRN", "830207-\u200e2555896"),
    ("연락처 010-\u200f1234-\u200f5678", "PHONE_NUMBER", "010-\u200f1234-\u200f5678"),
    ("연락처 빵일빵-일이삼사-오육칠팔 로", "PHONE_NUMBER", "빵일빵-일이삼사-오육칠팔"),
    ("메일 kim\\x40naver.com 로", "EMAIL_ADDRESS", "kim\\x40naver.com"),
    ("메일 kim**@**naver.com 로", "EMAIL_ADDRESS", "kim**@**naver.com"),
    ("메일 hong At naver Dot com 로", "EMAIL_ADDRESS", "hong At naver Dot com"),
    ("운동화 세탁 맡김 담당 코치: 전민수이었대 이번 주", "PERSON", "전민수"),
    ("꽃배달 주문 예약자 성명 서수빈으로서는 리본", "PERSON", "서수빈"),
    ("\n┌────────┐\n│ 담당 코치 │ 안민수 │\n└────────┘\n", "PERSON", "안민수"),
    ("입주 청소 견적 문의 주민 번호 13자리: 3\u200b4\u200b1\u200b0\u200b2\u200b2\u2060-\u20604\u200b4\u200b5\u200b3"
     "\u200b3\u200b6\u200b0 32평 아파트", "KR_RRN",
     "3\u200b4\u200b1\u200b0\u200b2\u200b2\u2060-\u20604\u200b4\u200b5\u200b3\u200b3\u200b6\u200b0"),
]


#: The twenty-fifth held-out half's failures (rules version 29): an inline HTML tag around the @, the at and
#: dot words in backticks, a person noun with the honorific 님 before a name.
TWENTY_FIFTH_HELD_OUT_FAILURES = [
    ("신청 {email: vzj5t7_9au<b>@</b>daum.com} 앞치마", "EMAIL_ADDRESS", "vzj5t7_9au<b>@</b>daum.com"),
    ("\n보낸사람: 고객센터\nhzq`at`hanmail`dot`com\n 산동", "EMAIL_ADDRESS", "hzq`at`hanmail`dot`com"),
    ("등록 <details><summary>담당 강사님</summary>김민수</details> 월", "PERSON", "김민수"),
    ("\n담당 강사님 김미경\n 작품", "PERSON", "김미경"),
    ("손세차 예약 담당 강사님 안지민으로는요 실내", "PERSON", "안지민"),
    ("\n☑ 담당 강사님: 오민수\n 이번", "PERSON", "오민수"),
]


#: The twenty-sixth held-out half's failures (rules version 30): an inline element around a group's mark or
#: an address's dot, a Hanja numeral alone beside a digit, 으로밖엔 after a name; and from the dev profile
#: before it, an English label of a business number.
TWENTY_SIXTH_HELD_OUT_FAILURES = [
    ("주민번호 830207<span>-</span>2555896 입니다", "KR_RRN", "830207<span>-</span>2555896"),
    ('"반환받을 계좌": "2930<span>-</span>583<span>-</span>538310"\n} (반환받을 계좌)', "KR_BANK_ACCOUNT",
     "2930<span>-</span>583<span>-</span>538310"),
    ("메일 kim@naver<b>.</b>com 로", "EMAIL_ADDRESS", "kim@naver<b>.</b>com"),
    ("연락처 0一0-1二3四-5六7八", "PHONE_NUMBER", "0一0-1二3四-5六7八"),
    ("주민번호 8三0二0七-2五5五8九6", "KR_RRN", "8三0二0七-2五5五8九6"),
    ("현수막 제작 의뢰 예약자 성함 : 강예준으로밖엔 시안", "PERSON", "강예준"),
    ("학부모님 0000000000 (BRN)\n문의는", "KR_BRN", "0000000000"),
]


#: The twenty-seventh held-out half's failures (rules version 31): the vowel letter ㅡ and the long-vowel mark
#: ー for a dash, an empty HTML comment after a mark, digits under a combining low line, a defanged address, the
#: parenthesized a, at and dot words between slashes, a middle dot for the dot, a profession's compound word,
#: 으로선 after a name.
TWENTY_SEVENTH_HELD_OUT_FAILURES = [
    ("주민번호 830207ㅡ2555896 입니다", "KR_RRN", "830207ㅡ2555896"),
    ("연락처 010ー1234ー5678 로", "PHONE_NUMBER", "010ー1234ー5678"),
    ("사업자번호 000-<!-- -->00-<!-- -->00000\n", "KR_BRN", "000-<!-- -->00-<!-- -->00000"),
    ("전화 0\u03321\u03320\u0332-1\u03322\u03323\u03324\u0332-5\u03326\u03327\u03328\u0332 끝", "PHONE_NUMBER",
     "0\u03321\u03320\u0332-1\u03322\u03323\u03324\u0332-5\u03326\u03327\u03328\u0332"),
    ("메일 kim[@]naver[.]com 끝", "EMAIL_ADDRESS", "kim[@]naver[.]com"),
    ("메일 kim\u249cnaver.com 끝", "EMAIL_ADDRESS", "kim\u249cnaver.com"),
    ("메일 kim /at/ naver /dot/ com 끝", "EMAIL_ADDRESS", "kim /at/ naver /dot/ com"),
    ("메일 kim@naver·com 끝", "EMAIL_ADDRESS", "kim@naver·com"),
    ("\n```\n담당 물리치료사: 김민수\n```\n", "PERSON", "김민수"),
    ("시술 예약 예약인 성명 강예준으로선 리터치는", "PERSON", "강예준"),
]


#: The twenty-eighth held-out half's failures (rules version 32): an emoji's and a modifier
#: letter's minus, inline tags at a group's edge or around every digit, the dot read as period, a mail
#: service's Korean name, an arrow after a person noun, a passport's O before a line that starts with a digit.
TWENTY_EIGHTH_HELD_OUT_FAILURES = [
    ("주민번호 830207\u27962555896 입니다", "KR_RRN", "830207\u27962555896"),
    ("주민번호 830207\u02d72555896 입니다", "KR_RRN", "830207\u02d72555896"),
    ("연락처 010</span>-<span>1234</span>-<span>5678 로", "PHONE_NUMBER", "010</span>-<span>1234</span>-<span>5678"),
    ("TEL. <span>0</span><span>1</span><span>0</span></span>-<span><span>1</span><span>2</span><span>3</span>"
     "<span>4</span></span>-<span><span>5</span><span>6</span><span>7</span><span>8</span> 끝", "PHONE_NUMBER",
     "0</span><span>1</span><span>0</span></span>-<span><span>1</span><span>2</span><span>3</span><span>4</span>"
     "</span>-<span><span>5</span><span>6</span><span>7</span><span>8"),
    ("→ 0\u03367\u03360\u0336</span>-<span>4\u03369\u03365\u03360\u0336</span>-<span>9\u03363\u03366\u03363"
     "\u0336\n", "PHONE_NUMBER", "0\u03367\u03360\u0336</span>-<span>4\u03369\u03365\u03360\u0336</span>-<span>"
     "9\u03363\u03366\u03363\u0336"),
    ("메일 a0 at naver period com 로", "EMAIL_ADDRESS", "a0 at naver period com"),
    ("메일 kim 골뱅이 네이버 닷컴 으로", "EMAIL_ADDRESS", "kim 골뱅이 네이버 닷컴"),
    ("\n담당 영양사 → 서현우\n 방문", "PERSON", "서현우"),
    ("\n▶ 여권 번호 (PASSPORT NO.) : O54603220\n 4월", "KR_PASSPORT", "O54603220"),
]

#: The twenty-ninth held-out half's failures (rules version 34): the Hangul filler, a box-drawing line, 에 as a
#: number is read aloud, an equals sign and a dot leader between groups, Markdown's bold around groups, 골벵이,
#: 도트, a Markdown-escaped dot, 수의사, 공동 before a party noun, a spreadsheet formula's quote after =, an
#: element whose text is the name after a noun, 으로선가, a display name before an address in angle brackets.
TWENTY_NINTH_HELD_OUT_FAILURES = [
    ("연락처 010\u31641234\u31645678 로", "PHONE_NUMBER", "010\u31641234\u31645678"),
    ("주민번호 830207\u25002555896 입니다", "KR_RRN", "830207\u25002555896"),
    ("전화 010에 1234에 5678 로 주세요", "PHONE_NUMBER", "010에 1234에 5678"),
    ("문의 010=1234=5678 번", "PHONE_NUMBER", "010=1234=5678"),
    ("주민번호 830207\u20242555896 입니다", "KR_RRN", "830207\u20242555896"),
    ("카드 **4000**-**0000**-**0000**-**0002** 결제", "CREDIT_CARD", "**4000**-**0000**-**0000**-**0002**"),
    ('예약 ="vzj5t7_9au 골벵이 daum.com" 겨울용', "EMAIL_ADDRESS", "vzj5t7_9au 골벵이 daum.com"),
    ('메일 (회신용) : ="mui2so@korea 도트 net" 테너', "EMAIL_ADDRESS", "mui2so@korea 도트 net"),
    ('메일 (회신용) : ="t0@naver\\.com" 주말', "EMAIL_ADDRESS", "t0@naver\\.com"),
    ("E-Mail Address mmg.d\u3164@\u3164korea.net으로선가 벽걸이", "EMAIL_ADDRESS", "mmg.d\u3164@\u3164korea.net"),
    ("\n||담당 수의사||\n|김민수|\n 벽걸이", "PERSON", "김민수"),
    ("안경 맞춤 주문 공동명의인 이도윤 누진 다초점 렌즈", "PERSON", "이도윤"),
    ('휠 얼라인먼트 점검 공동명의인 ="서지민" 오전 방문', "PERSON", "서지민"),
    ('일정 안내 공동명의인 <svg width="200" height="20"><text x="0" y="15">서서연</text></svg> 매주', "PERSON",
     "서서연"),
    ("고양이 목욕 예약 문의 참가자명 강예준으로선가 주말 가능 여부", "PERSON", "강예준"),
    ("보낸사람: 김민수 <kim@naver.com>", "PERSON", "김민수"),
]
#: The thirtieth held-out half's failures at its report (stop 44, rules version 36 before its fixes): symbols between
#: the groups were already found by their class (rules version 35); these were not.
THIRTIETH_HELD_OUT_FAILURES = [
    ("연락처 010%C2%B71234%C2%B75678 으로", "PHONE_NUMBER", "010%C2%B71234%C2%B75678"),  # an encoded middle dot
    ("주민번호 830207-<br/>\n2555896 입니다", "KR_RRN", "830207-<br/>\n2555896"),  # HTML's break, the source's line
    ("연락처 `010`-`1234`-`5678` 으로", "PHONE_NUMBER", "`010`-`1234`-`5678`"),  # every group a code span
    ("퀵서비스 접수 ||`280118`%C2%B7`4006126`|| 서류 봉투 1개", "KR_RRN", "`280118`%C2%B7`4006126`"),
    ("주민등록 No : &#57;&#54;&#48;&#56;&#48;&#56;%C2%B7&#52;&#53;&#49;&#55;&#50;&#54;&#53;이었겠네", "KR_RRN",
     "&#57;&#54;&#48;&#56;&#48;&#56;%C2%B7&#52;&#53;&#49;&#55;&#50;&#54;&#53;"),
    ("메일 kim@naver,com 으로", "EMAIL_ADDRESS", "kim@naver,com"),  # the comma typed for the dot
    ("<field name='email' value='hzkgi0.t@daum,ac.kr'/> (메일 주소(필수))", "EMAIL_ADDRESS", "hzkgi0.t@daum,ac.kr"),
    ("메일 kim(atmark)naver.com 으로", "EMAIL_ADDRESS", "kim(atmark)naver.com"),  # Japanese sites' atmark
    ("스크린골프 예약 예약인 이름: [바로가기](tel:강지훈) 4인 2시간", "PERSON", "강지훈"),  # a call button's caption
    ("신청 공동보증인 [바로가기](tel:권수빈) 부스 한 칸", "PERSON", "권수빈"),
    ("캠핑장 사이트 예약 여권 번호 (사진면 기재) [바로가기](tel:M000A0000) 전기 사용 포함", "KR_PASSPORT", "M000A0000"),
    ("마사지 예약 담당 작업치료사 ||서하은|| 전신 90분 코스", "PERSON", "서하은"),  # between a wiki table's bars
    ("글램핑 예약 변경 요청 G931Z9049 (패스포트 번호) 바비큐 그릴 추가", "KR_PASSPORT", "G931Z9049"),  # the loanword
    ("20237❤️26❤️077765 (입금하실 곳 (농협)) 서류 봉투 1개 스크린골프 예약 11❤️00❤️000000❤️00 4인 2시간",
     "KR_DRIVER_LICENSE", "11❤️00❤️000000❤️00"),  # the account's bracketed label is the account's
]

#: The thirty-first half's failures (stop 51, rules version 38), one per class: 다시 between groups as a number is
#: read aloud, an area code's closing parenthesis, an inline element whose attributes hold a colour's hex code,
#: an address with every character spaced apart, a person noun with the colon on the next line (a Markdown
#: definition list) or a pictograph before the name; and the tuning half's, which now holds the thirtieth (HTML's
#: break then a line break between digit words, a code span's backtick after an address's digit before an at word,
#: and the eight below: the last one missed before this round too).
THIRTY_FIRST_HELD_OUT_FAILURES = [
    ("연락처 010 다시 1234 다시 5678 입니다", "PHONE_NUMBER", "010 다시 1234 다시 5678"),
    ("방탈출 카페 예약 주민등록번호 (- 포함) 000101 다시 1000002 테마 두 개", "KR_RRN", "000101 다시 1000002"),
    ("연락처 공일공 다시 일이삼사 다시 오육칠팔 입니다", "PHONE_NUMBER", "공일공 다시 일이삼사 다시 오육칠팔"),
    ("주민등록번호 (- 포함) 830207)2555896 입니다", "KR_RRN", "830207)2555896"),  # 02)1234-5678 was read already
    ("제빵 수업 등록 3)9452669857 (건강보험 가입자 번호) 주말반 오전", "KR_HEALTH_INSURANCE", "3)9452669857"),
    ('연락처 <font color="#ff0000">010</font>-<font color="#ff0000">1234</font>-<font color="#ff0000">5678</font>',
     "PHONE_NUMBER",
     '<font color="#ff0000">010</font>-<font color="#ff0000">1234</font>-<font color="#ff0000">5678</font>'),
    ("메일 (회신용) w 0 @ n a v e r . c o m 6명 가능할까요", "EMAIL_ADDRESS", "w 0 @ n a v e r . c o m"),
    ("문의 c 5 o 0 f @ n a v e r . g o . k r이었던걸요", "EMAIL_ADDRESS", "c 5 o 0 f @ n a v e r . g o . k r"),
    ("방탈출 카페 예약 \n담당 언어치료사\n: 임수빈\n 테마 두 개 연속", "PERSON", "임수빈"),
    ("베이킹 원데이 클래스 신청 담당 언어치료사 📞 장민수 마카롱 만들기", "PERSON", "장민수"),
    ("예약은 \ntel: 070-<br/>\n삼칠구칠-<br/>\n5772\n 로 하시면 됩니다", "PHONE_NUMBER",
     "070-<br/>\n삼칠구칠-<br/>\n5772"),
    ("E-MAIL: (vi_0`at`naver`dot`com) 견인차 요청", "EMAIL_ADDRESS", "vi_0`at`naver`dot`com"),
    # the thirtieth half's writings with the tuning half's, once it joined it: a symbol between digit words, look-alike
    # letters or white circles; HTML's break then a JSON-escaped line break; an element's tags beside Markdown's bold
    # or a character reference
    ("학부모님 공이★이공공★공공공공 (연락처)", "PHONE_NUMBER", "공이★이공공★공공공공"),
    ("학부모님 0l0ㅣ0000ㅣ0000 (연락처)", "PHONE_NUMBER", "0l0ㅣ0000ㅣ0000"),
    ("학부모님 ○1○ㅣ○○○1ㅣ○○○1 (연락처)", "PHONE_NUMBER", "○1○ㅣ○○○1ㅣ○○○1"),
    ('학부모님 {"user": {"q": "000-<br/>\\n00-<br/>\\n00000"}}', "KR_BRN", "000-<br/>\\n00-<br/>\\n00000"),
    ('{"tel": "공일공-<br/>\\n일이삼사-<br/>\\n오육칠팔"}', "PHONE_NUMBER", "공일공-<br/>\\n일이삼사-<br/>\\n오육칠팔"),
    ("학부모님 **000101**</span>-<span>**1000002** (주민등록번호)", "KR_RRN", "**000101**</span>-<span>**1000002**"),
    ("학부모님 &#48;&#49;&#48;</span>-<span>&#48;&#48;&#48;&#48;</span>-<span>&#48;&#48;&#48;&#48; (연락처)",
     "PHONE_NUMBER", "&#48;&#49;&#48;</span>-<span>&#48;&#48;&#48;&#48;</span>-<span>&#48;&#48;&#48;&#48;"),
    ("연락처 O1O</span>-<span>l234</span>-<span>5678 으로", "PHONE_NUMBER", "O1O</span>-<span>l234</span>-<span>5678"),
]

#: The thirty-second held-out half's failures at its report (rules version 38, 0.5095), one or two per class read
#: (docs/pii.md, stop 54); each failed on version 38. With the tuning half's two that the draw of stop 54 showed: a
#: closing parenthesis between digit words or look-alike letters (the thirty-first half's, now in tuning).
THIRTY_SECOND_HELD_OUT_FAILURES = [
    ("연락처 010 하이픈 1234 하이픈 5678 입니다", "PHONE_NUMBER", "010 하이픈 1234 하이픈 5678"),
    ("주민번호 13자리 000101 대시 1000002 입니다", "KR_RRN", "000101 대시 1000002"),
    ("연락처 공일공 하이픈 일이삼사 하이픈 오육칠팔", "PHONE_NUMBER", "공일공 하이픈 일이삼사 하이픈 오육칠팔"),
    ("주민번호 830207\x0b2555896 확인", "KR_RRN", "830207\x0b2555896"),
    ("카드 번호 5570\x0c1746\x0c8145\x0c3843 결제", "CREDIT_CARD", "5570\x0c1746\x0c8145\x0c3843"),
    ("김장 김치 주문 032-\n> 526-\n> 2836이었나보네", "PHONE_NUMBER", "032-\n> 526-\n> 2836"),
    ("카드 번호 3560-\n>> 6875-\n>> 9751-\n>> 0494", "CREDIT_CARD", "3560-\n>> 6875-\n>> 9751-\n>> 0494"),
    ("주민번호 *320425*-*1174837*이고", "KR_RRN", "*320425*-*1174837*"),
    ("문의 \nㄴ*019*-\n> *2761*-\n> *2003*\n 공기계 2대", "PHONE_NUMBER", "*019*-\n> *2761*-\n> *2003*"),
    ("_830207_-_2555896_ (주민등록번호)", "KR_RRN", "_830207_-_2555896_"),
    ('이메일 a0<span style="display:none">nospam</span>@naver.com 으로', "EMAIL_ADDRESS",
     'a0<span style="display:none">nospam</span>@naver.com'),
    ("메일 kim(a)naver.com 으로", "EMAIL_ADDRESS", "kim(a)naver.com"),
    ("이메일 gc_m@kakaodotnet 으로", "EMAIL_ADDRESS", "gc_m@kakaodotnet"),
    ("문의 공여섯넷 하이픈 둘오팔 하이픈 공칠아홉둘 (전화 :)", "PHONE_NUMBER",
     "공여섯넷 하이픈 둘오팔 하이픈 공칠아홉둘"),
    ("ㄴ공둘\x0b하나둘넷칠\x0b둘하나칠넷\n 양양", "PHONE_NUMBER", "공둘\x0b하나둘넷칠\x0b둘하나칠넷"),
    ("연락처 공일공)일이삼사)오육칠팔", "PHONE_NUMBER", "공일공)일이삼사)오육칠팔"),
    ("O1O)l234)5678 연락처", "PHONE_NUMBER", "O1O)l234)5678"),
]


@pytest.mark.parametrize("text", [
    "하이픈(-)을 넣어 주세요, 대시 문자 2개",  # the mark's names with no digit on both sides
    "계산 2*3*4, 주민번호 901212-1******, 목록 *가* 와 _나_",  # a product, a mask, emphasis around words
    "Section (a) applies. see 2024 (a) and (b)",  # a list's item marks between spaces
    "사과 하나 둘 셋 넷 다섯, 공 하나 둘",  # native numbers in prose, too few for a number
    '<span style="display:none">전화 010-1234-5678</span>',  # a hidden element that holds a number stays text
])
def test_the_thirty_second_halfs_readings_leave_plain_text_alone(text: str) -> None:
    """Where a reading of rules version 39 has no number or address to read, nothing is found but what the text
    holds as written (the hidden number is found, not dropped with its element)."""
    found = [(f.entity, text[f.start:f.end]) for f in find(text)]
    if "display" in text:
        assert [e for e, v in found if "010-1234-5678" in v] == ["PHONE_NUMBER"], found
    else:
        assert found == [], found


def test_a_spoken_number_ends_where_its_digits_stop_making_one() -> None:
    """공삼하나 하나둘삼 넷오여섯칠 is 031-123-4567; with the 이 of the particle after it, 0311234567 and 2 would make
    another number, so the 이 that begins a particle stays prose, as after Sino-Korean digit words (rules version
    39)."""
    text = "연락처 공삼하나 하나둘삼 넷오여섯칠이에요"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("PHONE_NUMBER", "공삼하나 하나둘삼 넷오여섯칠")]


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("kim(a)naver.com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim@naverdotcom", "kim@naver.com", "EMAIL_ADDRESS"),
    ('kim<span style="display:none">nospam</span>@naver.com', "kim@naver.com", "EMAIL_ADDRESS"),
    ("공하나공-하나둘삼넷-오여섯칠팔", "010-1234-5678", "PHONE_NUMBER"),
])
def test_the_thirty_second_halfs_writings_hash_as_the_plain_value(written: str, plain: str, entity: str) -> None:
    """An auditor who holds the key checks a removed value by its plain form: the canonical form (and so the keyed
    hash) of each new writing is the plain value's."""
    assert canonical(entity, written) == canonical(entity, plain)


#: The thirty-third held-out half's failures at its report (rules version 39, 0.3962), one or two per class read
#: (docs/pii.md, stop 54); each failed on version 39. With one of the tuning half's that the draw showed: a reply's
#: quote markers after a JSON string's escaped line break.
THIRTY_THIRD_HELD_OUT_FAILURES = [
    ("연락처 010ᅳ1234ᅳ5678 입니다", "PHONE_NUMBER", "010ᅳ1234ᅳ5678"),
    ("주민번호 941214'3157363 영한 계약서", "KR_RRN", "941214'3157363"),
    ("연락처 02'9999'6086ㅎㅎㅎ", "PHONE_NUMBER", "02'9999'6086"),
    ("카드 5570\\|1746\\|8145\\|3843 결제", "CREDIT_CARD", "5570\\|1746\\|8145\\|3843"),
    ("연락처 ㅇ1ㅇ-1234-5678 으로", "PHONE_NUMBER", "ㅇ1ㅇ-1234-5678"),
    ("주민번호 82112ㅇᅳ4823575으로부터요", "KR_RRN", "82112ㅇᅳ4823575"),
    ("연락처 0\ufe0f1\ufe0f0\ufe0f-1\ufe0f2\ufe0f3\ufe0f4\ufe0f-5\ufe0f6\ufe0f7\ufe0f8\ufe0f", "PHONE_NUMBER",
     "0\ufe0f1\ufe0f0\ufe0f-1\ufe0f2\ufe0f3\ufe0f4\ufe0f-5\ufe0f6\ufe0f7\ufe0f8\ufe0f"),
    ("명단 b0h_o4k5n@hanmail.한국ㅎㅎㅎ 신분증", "EMAIL_ADDRESS", "b0h_o4k5n@hanmail.한국"),
    ("메일 kim@@naver.com 으로", "EMAIL_ADDRESS", "kim@@naver.com"),
    ("메일 kim@naver•com 으로", "EMAIL_ADDRESS", "kim@naver•com"),
    ("견적 요청 xxf7o0b<br>@naver.com 졸업증명서", "EMAIL_ADDRESS", "xxf7o0b<br>@naver.com"),
    ("팬사인회 확인 임 차 인 성 함 : 한현우 앨범 2장", "PERSON", "한현우"),
    ("예약 입 금 계 좌 ( 우 리 은 행 ) : 542-9494-6437-38 아이", "KR_BANK_ACCOUNT", "542-9494-6437-38"),
    ("팬사인회 확인 담당 치위생사 안서연이라니까요? 앨범", "PERSON", "안서연"),
    ("팬사인회 확인 \n[공동 상속인]: 안지훈\n 앨범 2장", "PERSON", "안지훈"),
    ('신분증에 {"value": "➄➄➀➂-\\n> ➃➃➃➀-\\n> ➀➇➃➁-\\n> ➁➂➆➅"} 적혀', "CREDIT_CARD",
     "➄➄➀➂-\\n> ➃➃➃➀-\\n> ➀➇➃➁-\\n> ➁➂➆➅"),
]


@pytest.mark.parametrize(("text", "found"), [
    ("연락처 010-1234-5678ㅇㅇ 알겠어요", [("PHONE_NUMBER", "010-1234-5678")]),  # chat's yes after a number
    ("면허 28-29-348529-22ㅇㅋ 확인", [("KR_DRIVER_LICENSE", "28-29-348529-22")]),  # and its okay
    ("키 5'10\" 체중 70kg, '24년 시즌 'A','B' 1'2", []),  # feet and inches, a year, quoted cells
    ("이 게 뭐 야 : 진짜 웃기네 ㅋㅋ", []),  # letter-spaced prose before a colon, no label
    ("의사ㆍ조산사(조산원)ㆍ간호사(간호원) 또는 간호조무사", []),  # a profession's older name in brackets
    ("트위터 kim@anecdotes 계정 참고", []),  # dot inside a word, before no domain people use: no address
])
def test_the_thirty_third_halfs_readings_leave_plain_text_as_written(text: str, found: list[tuple[str, str]]) -> None:
    """Where a reading of rules version 40 has nothing to read, the text's findings are what it holds as written."""
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == found


@pytest.mark.parametrize("noun", ["치위생사", "임상병리사", "방사선사", "공인중개사", "손해사정사", "요양보호사",
                                  "응급구조사", "의무기록사", "언어재활사", "사회복지사"])
def test_a_licensed_profession_before_a_name_is_a_person_noun(noun: str) -> None:
    """The national licences in 사 by their last word, with what qualifies them before it (rules version 40)."""
    text = f"담당 {noun} 김민수 선생님께 문의"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("PERSON", "김민수")]


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("kim@@naver.com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim@naver•com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim<br>@naver.com", "kim@naver.com", "EMAIL_ADDRESS"),
])
def test_the_thirty_third_halfs_writings_hash_as_the_plain_value(written: str, plain: str, entity: str) -> None:
    assert canonical(entity, written) == canonical(entity, plain)


#: The thirty-fourth held-out half's failures at its report (rules version 40), one of each class read at stop 55: a
#: separator's UTF-8 bytes read as Windows-1252 (or Latin-1), BBCode's tags around groups, a Korean top-level domain
#: word after a typed dot, the @ alone in a code span after a digit, a role noun before a BBCode cell or a dot leader,
#: the copula after a case particle.
THIRTY_FOURTH_HELD_OUT_FAILURES = [
    ("주민번호 830207â€“2555896 입니다", "KR_RRN", "830207â€“2555896"),
    ("연락처 010 â€” 1234 â€” 5678 으로", "PHONE_NUMBER", "010 â€” 1234 â€” 5678"),
    ("면허 28â€“29â€“348529â€“22 확인", "KR_DRIVER_LICENSE", "28â€“29â€“348529â€“22"),
    ("사업자 000â€“00â€“00000 법인", "KR_BRN", "000â€“00â€“00000"),
    ("카드 4111Â·1111Â·1111Â·1111 결제", "CREDIT_CARD", "4111Â·1111Â·1111Â·1111"),
    ("연락처 010ï¼\x8d1234ï¼\x8d5678", "PHONE_NUMBER", "010ï¼\x8d1234ï¼\x8d5678"),
    ("카드 [color=red]4111[/color]-[color=red]1111[/color]-[color=red]1111[/color]-[color=red]1111[/color] 결제",
     "CREDIT_CARD", "[color=red]4111[/color]-[color=red]1111[/color]-[color=red]1111[/color]-[color=red]1111[/color]"),
    ("주민번호 [COLOR=#ff0000]830207[/COLOR]\ufffd[COLOR=#ff0000]2555896[/COLOR]이었더라고요", "KR_RRN",
     "830207[/COLOR]\ufffd[COLOR=#ff0000]2555896"),
    ("연락처 [size=5]010[/size]∼[size=5]1234[/size]∼[size=5]5678[/size]ㄹㅇ", "PHONE_NUMBER",
     "010[/size]∼[size=5]1234[/size]∼[size=5]5678"),
    ("이메일 a0@gmail.컴이라던가요 재검사", "EMAIL_ADDRESS", "a0@gmail.컴"),
    ("메일 kim@naver.씨오.케이알 로", "EMAIL_ADDRESS", "kim@naver.씨오.케이알"),
    ("[td]oth9qth0`@`kakao.net[/td]", "EMAIL_ADDRESS", "oth9qth0`@`kakao.net"),
    ("[table][tr][td]담당 임상병리사[/td][td]윤미경[/td][/tr][/table] CD", "PERSON", "윤미경"),
    ("풋살 리그 \n담당 임상병리사 ........ 김민수\n 선수 8명", "PERSON", "김민수"),
    ("코스튬 대여 예약 임대인 이름: 장서연으로부터였나 반납은", "PERSON", "장서연"),
    ("캠프 신청서 수취인명 : 오서연으로부터였나 보호자", "PERSON", "오서연"),
]


@pytest.mark.parametrize(("text", "found"), [
    ("가격 3â€™4 입니다, Café 830207é2555896", []),  # mojibake of no separator, a letter between digits
    ("CafÃ© 830207Ã©2555896", []),  # mojibake of a letter (é read as Windows-1252) between digits: no separator
    ("[b]2024[/b]년 [color=red]중요[/color] 공지 [size=3]가격 10,000원[/size]", []),  # BBCode around no identifier
    ("목차\n제1장 총칙 ........ 1\n제2장 담당 공무원 ........ 12", []),  # a table of contents' dot leaders
    ("담당 간호사 ........ 이번에 새로", []),  # a leader, then no name
    ("그는 담당 간호사. 정말 친절했다, 담당 간호사… 정말로", []),  # a sentence's full stop or an ellipsis is no leader
    ("그건 우리들로부터였나 싶다, 파일은 report.컴 폴더에", []),  # a particle's copula after no name; 컴 with no @
    ("코드 `010`은 `@`로 시작", []),  # code spans with no address
])
def test_the_thirty_fourth_halfs_readings_leave_plain_text_as_written(text: str, found: list[tuple[str, str]]) -> None:
    """Where a reading of rules version 41 has nothing to read, the text's findings are what it holds as written."""
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == found


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("830207â€“2555896", "830207-2555896", "KR_RRN"),
    ("[color=red]010[/color]-[color=red]1234[/color]-[color=red]5678[/color]", "010-1234-5678", "PHONE_NUMBER"),
    ("kim@naver.컴", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim@naver.씨오.케이알", "kim@naver.co.kr", "EMAIL_ADDRESS"),
    ("kim0`@`1und1.de", "kim0@1und1.de", "EMAIL_ADDRESS"),
    ("kim'골뱅이'naver'닷'com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim`at`naver`dot`com", "kim@naver.com", "EMAIL_ADDRESS"),
])
def test_the_thirty_fourth_halfs_writings_hash_as_the_plain_value(written: str, plain: str, entity: str) -> None:
    assert canonical(entity, written) == canonical(entity, plain)


#: The thirty-fifth held-out half's failures at its report (rules version 41), one of each class read at stop 55: an
#: EUC-KR page's symbols, full-width digits and @ read as Latin-1 (a decoding layer of wrong code pages, which now
#: holds version 41's UTF-8 reading too), a presentation selector on a joiner, the @'s word with its noun, a spaced
#: therapist before a PHP-serialized value, a noun before a URL in brackets, two auxiliary particles after a name.
THIRTY_FIFTH_HELD_OUT_FAILURES = [
    ("연락처 010¡ª1234¡ª5678 으로", "PHONE_NUMBER", "010¡ª1234¡ª5678"),
    ("사업자 000¡ª00¡ª00000 법인", "KR_BRN", "000¡ª00¡ª00000"),
    ("연락처 £°£±£°-£±£²£³£´-£µ£¶£·£¸ 으로", "PHONE_NUMBER", "£°£±£°-£±£²£³£´-£µ£¶£·£¸"),
    ("주민번호 £¸£³£°£²£°£·-£²£µ£µ£µ£¸£¹£¶ 입니다", "KR_RRN", "£¸£³£°£²£°£·-£²£µ£µ£µ£¸£¹£¶"),
    ("메일 kim£Ànaver.com 로", "EMAIL_ADDRESS", "kim£Ànaver.com"),
    ("면허 28-\ufe0e29-\ufe0e348529-\ufe0e22 확인", "KR_DRIVER_LICENSE", "28-\ufe0e29-\ufe0e348529-\ufe0e22"),
    ("카드 4111-\ufe0e1111-\ufe0e1111-\ufe0e1111 결제", "CREDIT_CARD", "4111-\ufe0e1111-\ufe0e1111-\ufe0e1111"),
    ("메일 kim (at sign) naver (dot) com 로", "EMAIL_ADDRESS", "kim (at sign) naver (dot) com"),
    ('공방 주문 a:1:{s:23:"담당 작업 치료사";s:9:"송수빈";} 머그컵', "PERSON", "송수빈"),
    ('상담 예약 a:1:{s:23:"담당 스포츠 상담사";s:9:"김민수";} 체험', "PERSON", "김민수"),
    ("셀러 신청 담당 작업 치료사 <https://example.com/u|이지민> 부스", "PERSON", "이지민"),
    ("회원권 양도 임차인 성명: 강현우으로까지는 잔여 20회", "PERSON", "강현우"),
    ("장터 신청 공동 신청인 송서연으로까지는 부스 1칸", "PERSON", "송서연"),
    # and, in the tuning half at the same report, a label's note in brackets before markup: the note counted toward
    # the label's span, which then no longer reached the label
    ('<field name="여권번호 (영문 1자리 + 숫자)" value="S40722921"/> 6인 테이블', "KR_PASSPORT", "S40722921"),
]


#: The thirty-sixth held-out half's failures at its report (rules version 42), one of each class read at stop 55: HTML
#: references without their semicolon, an office document's runs splitting a number, control characters between
#: digits, the formal Hanja numerals, the @'s word in guillemets, the snail emoji for 골뱅이, a rich-text control word
#: between a label and a name, the national qualifications in 사.
THIRTY_SIXTH_HELD_OUT_FAILURES = [
    ("주민번호 830207&nbsp2555896 입니다", "KR_RRN", "830207&nbsp2555896"),
    ("카드 4111&nbsp1111&nbsp1111&nbsp1111 결제", "CREDIT_CARD", "4111&nbsp1111&nbsp1111&nbsp1111"),
    ("메일 kim&#64naver&#46com 로", "EMAIL_ADDRESS", "kim&#64naver&#46com"),
    ("<w:t>010</w:t></w:r><w:r><w:t>-1234</w:t></w:r><w:r><w:t>-5678</w:t>", "PHONE_NUMBER",
     "010</w:t></w:r><w:r><w:t>-1234</w:t></w:r><w:r><w:t>-5678"),
    ("면허 28</w:t></w:r><w:r><w:t>-29</w:t></w:r><w:r><w:t>-348529</w:t></w:r><w:r><w:t>-22 확인",
     "KR_DRIVER_LICENSE", "28</w:t></w:r><w:r><w:t>-29</w:t></w:r><w:r><w:t>-348529</w:t></w:r><w:r><w:t>-22"),
    ("연락처 0\x001\x000\x00-1\x002\x003\x004\x00-5\x006\x007\x008\x00 로", "PHONE_NUMBER",
     "0\x001\x000\x00-1\x002\x003\x004\x00-5\x006\x007\x008\x00"),  # the last NUL redacted with its digit
    ("연락처 零壹零-壹貳參肆-伍陸柒捌 로", "PHONE_NUMBER", "零壹零-壹貳參肆-伍陸柒捌"),
    ("연락처 零壹零</w:t></w:r><w:r><w:t>-壹貳參肆</w:t></w:r><w:r><w:t>-伍陸柒捌 로", "PHONE_NUMBER",
     "零壹零</w:t></w:r><w:r><w:t>-壹貳參肆</w:t></w:r><w:r><w:t>-伍陸柒捌"),
    ("연락처 010</b></i></span><span>-1234-5678 로", "PHONE_NUMBER", "010</b></i></span><span>-1234-5678"),
    ("주민번호 捌參零貳零柒-貳伍伍伍捌玖陸 입니다", "KR_RRN", "捌參零貳零柒-貳伍伍伍捌玖陸"),
    ("메일 kim«at»naver.com 로", "EMAIL_ADDRESS", "kim«at»naver.com"),
    ("메일 kim🐌naver.com 로", "EMAIL_ADDRESS", "kim🐌naver.com"),
    ("상담 신청 {\\rtf1\\ansi 담당 반려견 훈련사\\tab 김도윤\\par} 5개월", "PERSON", "김도윤"),
    ("상담 신청 {\\rtf1\\ansi 매수인 이름\\tab 강미경\\par} 1박", "PERSON", "강미경"),
    ("| 담당 반려견 훈련사: 정도윤 |", "PERSON", "정도윤"),
]


@pytest.mark.parametrize(("text", "found"), [
    ("AT&T R&D 5&copy 2024 &amp, ?a=1&copy=2", []),  # references without a semicolon around no identifier
    ("<w:t>2024</w:t></w:r><w:r><w:t>-05-02</w:t>", []),  # a date split across an office document's runs
    ("가\x00나 1\x002", []),  # controls between no identifier's characters
    ("壹萬 원, 參考 자료, 零下 5도", []),  # formal numerals in prose: an amount, a word, a temperature
    ("조종사 훈련 과정, 정비사 자격증 취득", []),  # the qualifications' nouns with no name after them
    ("\\tab 들여쓰기 \\par 문단", []),  # rich-text control words with no label or name
])
def test_the_thirty_sixth_halfs_readings_leave_plain_text_as_written(text: str, found: list[tuple[str, str]]) -> None:
    """Where a reading of rules version 43 has nothing to read, the text's findings are what it holds as written."""
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == found


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("830207&nbsp2555896", "830207-2555896", "KR_RRN"),
    ("kim&#64naver&#46com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim«at»naver«dot»com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim🐌naver.com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("零壹零-壹貳參肆-伍陸柒捌", "010-1234-5678", "PHONE_NUMBER"),
    ("0\x001\x000\x00-1\x002\x003\x004\x00-5\x006\x007\x008", "010-1234-5678", "PHONE_NUMBER"),
])
def test_the_thirty_sixth_halfs_writings_hash_as_the_plain_value(written: str, plain: str, entity: str) -> None:
    assert canonical(entity, written) == canonical(entity, plain)


#: The thirty-seventh held-out half's failures at its report (rules version 43), one of each class read at stop 55: a
#: character read wrong twice, 쩜 and the English names of the dash said between groups, digits spelled in English,
#: the at and dot words spaced letter by letter, an image's alternative text 골뱅이, 쩜 in quotes, a multipart form's
#: field and its value after a blank line.
THIRTY_SEVENTH_HELD_OUT_FAILURES = [
    ("주민번호 830207Ã¢â‚¬â€œ2555896 입니다", "KR_RRN", "830207Ã¢â‚¬â€œ2555896"),
    ("카드 ï¼\x94ï¼\x91ï¼\x91ï¼\x91Ã¢â‚¬â€œ1111Ã¢â‚¬â€œ1111Ã¢â‚¬â€œ1111 결제", "CREDIT_CARD",
     "ï¼\x94ï¼\x91ï¼\x91ï¼\x91Ã¢â‚¬â€œ1111Ã¢â‚¬â€œ1111Ã¢â‚¬â€œ1111"),
    ("연락처 010 쩜 1234 쩜 5678 로", "PHONE_NUMBER", "010 쩜 1234 쩜 5678"),
    ("주민 860104 dash 7688846 확인", "KR_FRN", "860104 dash 7688846"),
    ("사업자 000 HYPHEN 00 HYPHEN 00000 법인", "KR_BRN", "000 HYPHEN 00 HYPHEN 00000"),
    ("연락처 zero one zero - one two three four - five six seven eight 로", "PHONE_NUMBER",
     "zero one zero - one two three four - five six seven eight"),
    ("연락처 Zero One Zero dash One Two Three Four dash Five Six Seven Eight 로", "PHONE_NUMBER",
     "Zero One Zero dash One Two Three Four dash Five Six Seven Eight"),
    ("메일 a0 a t naver d o t com 로", "EMAIL_ADDRESS", "a0 a t naver d o t com"),
    ('메일 kim<img src="a.gif" alt="골뱅이">kakao.kr 로', "EMAIL_ADDRESS", 'kim<img src="a.gif" alt="골뱅이">kakao.kr'),
    ("메일 kim@naver'쩜'kr 로", "EMAIL_ADDRESS", "kim@naver'쩜'kr"),
    ('Content-Disposition: form-data; name="수취인 (성함)"\r\n\r\n한도윤\r\n--boundary--', "PERSON", "한도윤"),
    ('Content-Disposition: form-data; name="담당 치기공사"\r\n\r\n최성호\r\n--boundary--', "PERSON", "최성호"),
]

#: Found at stop 56 by writing addresses by hand outside the generator (rules version 44): a dot of the local part
#: written as the host's dots are (only the piece after it was taken, the name before it left in the text), and
#: addresses the rules read but the gate before Presidio did not let through in a text without a digit.
STOP_56_PROBED_FAILURES = [
    ("메일 hong dot gildong at gmail dot com 로", "EMAIL_ADDRESS", "hong dot gildong at gmail dot com"),
    ("메일 hong[dot]gildong[at]gmail[dot]com", "EMAIL_ADDRESS", "hong[dot]gildong[at]gmail[dot]com"),
    ("메일 hong(dot)gildong(at)gmail(dot)com", "EMAIL_ADDRESS", "hong(dot)gildong(at)gmail(dot)com"),
    ("메일 hong 쩜 gildong 골뱅이 gmail 쩜 com", "EMAIL_ADDRESS", "hong 쩜 gildong 골뱅이 gmail 쩜 com"),
    ("메일 hong dot gil dot dong at gmail dot com", "EMAIL_ADDRESS", "hong dot gil dot dong at gmail dot com"),
    ("메일 hong[dot]gildong@gmail.com", "EMAIL_ADDRESS", "hong[dot]gildong@gmail.com"),
    ("메일 hong·gildong@gmail.com", "EMAIL_ADDRESS", "hong·gildong@gmail.com"),
    ("메일 hong'dot'gildong'at'gmail'dot'com", "EMAIL_ADDRESS", "hong'dot'gildong'at'gmail'dot'com"),
    ('메일: kim"at"naver.com', "EMAIL_ADDRESS", 'kim"at"naver.com'),
    ("메일: kim ‘at’ naver.com", "EMAIL_ADDRESS", "kim ‘at’ naver.com"),
    ('메일: kim<img src="a.gif" alt="at">naver.com', "EMAIL_ADDRESS", 'kim<img src="a.gif" alt="at">naver.com'),
    ("메일: kim  at  naver dot com", "EMAIL_ADDRESS", "kim  at  naver dot com"),
    ("메일: kim at 네이버 닷컴", "EMAIL_ADDRESS", "kim at 네이버 닷컴"),
    ("메일: kim at naver [dot] com", "EMAIL_ADDRESS", "kim at naver [dot] com"),
    ("메일: kim at naver。com", "EMAIL_ADDRESS", "kim at naver。com"),
    ("메일: kim.(a)naver.com", "EMAIL_ADDRESS", "kim.(a)naver.com"),
    # a phone number's country code after an international prefix, or alone before a separator
    ("연락처 0082-10-1234-5678", "PHONE_NUMBER", "0082-10-1234-5678"),
    ("Mobile 82-10-1234-5678", "PHONE_NUMBER", "82-10-1234-5678"),
    ("국제전화 001-82-10-1234-5678", "PHONE_NUMBER", "001-82-10-1234-5678"),
    ("Tel. 82 2 345 6789", "PHONE_NUMBER", "82 2 345 6789"),
    # a resident number's parts named apart, as a form or a chat asks for them
    ("주민번호 앞자리 830207 뒷자리 2555896", "KR_RRN", "830207 뒷자리 2555896"),
    ("주민번호 앞자리: 830207, 뒷자리: 2555896", "KR_RRN", "830207, 뒷자리: 2555896"),
    ("주민번호 앞자리는 830207이고 뒷자리는 2555896이에요", "KR_RRN", "830207이고 뒷자리는 2555896"),
    ("주민번호 앞 6자리: 830207 / 뒤 7자리: 2555896", "KR_RRN", "830207 / 뒤 7자리: 2555896"),
    ("생년월일 830207 주민번호 뒷자리 2555896", "KR_RRN", "830207 주민번호 뒷자리 2555896"),
    ("외국인등록번호 앞자리 830207 뒷자리 5555896", "KR_FRN", "830207 뒷자리 5555896"),
    # a passport's letter in lower case, a space or a hyphen after it or between its digits
    ("여권번호는 M 123 45678 입니다", "KR_PASSPORT", "M 123 45678"),
    ("여권 M1234 5678", "KR_PASSPORT", "M1234 5678"),
    ("여권번호 m12345678", "KR_PASSPORT", "m12345678"),
    ("Passport: M-12345678", "KR_PASSPORT", "M-12345678"),
    # a driver's licence's region by its name, as older licences print it
    ("운전면허번호 서울 12-345678-90", "KR_DRIVER_LICENSE", "서울 12-345678-90"),
    ("운전면허 부산-12-345678-90", "KR_DRIVER_LICENSE", "부산-12-345678-90"),
    ("면허번호 경기북부 12-345678-90", "KR_DRIVER_LICENSE", "경기북부 12-345678-90"),
    # a lot number without 번지
    ("주소 : 대구광역시 수성구 범어동 123-4", "KR_ADDRESS", "대구광역시 수성구 범어동 123-4"),
    ("주소: 경북 포항시 남구 대잠동 999", "KR_ADDRESS", "포항시 남구 대잠동 999"),
    ("서울 강남구 역삼동 123-45 2층", "KR_ADDRESS", "강남구 역삼동 123-45"),
    ("군위군 효령면 장군리 123-1", "KR_ADDRESS", "군위군 효령면 장군리 123-1"),
    # a labelled name with a space after its surname (the given name was left in the text), a name with an office title
    ("성명: 김 민수", "PERSON", "김 민수"),
    ("이름 : 남궁 민수", "PERSON", "남궁 민수"),
    ("신청인 성명 : 황보 혜진", "PERSON", "황보 혜진"),
    ("문의: 홍보팀 김민지 과장 (02-123-4567)", "PERSON", "김민지"),
    ("박지훈 대리님께 전달 부탁드립니다", "PERSON", "박지훈"),
]

#: The thirty-eighth half's failures (stop 59), each missed by rules version 46 (docs/pii.md, "Stop 59").
THIRTY_EIGHTH_HELD_OUT_FAILURES = [
    # 모델 inside 리모델링 read as a model number's label: every identifier after it within 16 characters was dropped
    ("32평 전체 리모델링 스키 강습 예약 158.210.107.204 초급반", "IP_ADDRESS", "158.210.107.204"),
    ("32평 전체 리모델링 부고 알림 11-27-852339-14 (운전면허 번호) 발인", "KR_DRIVER_LICENSE", "11-27-852339-14"),
    ("32평 전체 리모델링 사고 경위서 제출 =\"360406</span>-<span>1645630\"", "KR_RRN", "360406</span>-<span>1645630"),
    ("32평 전체 리모델링\n과외 학생 모집 016 － 0888 － 1026 영어", "PHONE_NUMBER", "016 － 0888 － 1026"),
    ("주방 모델링 후 견적 요청 010-2345-6789로 연락", "PHONE_NUMBER", "010-2345-6789"),
    ("모델하우스 상담 예약 010-2345-6789 토요일", "PHONE_NUMBER", "010-2345-6789"),
    ("규격화 이후 031-234-5678로 문의", "PHONE_NUMBER", "031-234-5678"),
    # the copula 이 with an ending after a number: not the digit word 2 (051-654-84262 was a number of 11 digits)
    ("과외 학생 모집 051-654-8426이랬어요 영어 회화 초급", "PHONE_NUMBER", "051-654-8426"),
    ("연락처 031-200-7031이더라고요", "PHONE_NUMBER", "031-200-7031"),
    ("대표번호 02-345-6789이세요", "PHONE_NUMBER", "02-345-6789"),
    # ... and after a name, an ending of four syllables
    ("부고 알림 공동 매수인: 노다인이더라고요 발인", "PERSON", "노다인"),
    ("담당 요양보호사 허준서이더라고요", "PERSON", "허준서"),
    # a person noun, an = and a quoted name: any two syllables where the quote closes it
    ("담당 요양보호사 =\"백보람\" 고2 수학", "PERSON", "백보람"),
    ("조문 안내 공동 매수인 =\"곽로운\" 장례식장", "PERSON", "곽로운"),
]

#: Stop 57's writings tried by hand, each missed (or taken in part) by rules version 45 (docs/pii.md, "Stop 57").
STOP_57_PROBED_FAILURES = [
    # a judgment's parties with a particle after the name, a colon before it, the family court's roles
    ("원고 김서연은 피고 최동훈에게 금 5,000,000원을 대여하였다.", "PERSON", "김서연"),
    ("원고 김서연은 피고 최동훈에게 금 5,000,000원을 대여하였다.", "PERSON", "최동훈"),
    ("증인 박병서는 법정에서 다음과 같이 진술하였다.", "PERSON", "박병서"),
    ("원고 이지은과 피고 강태호 사이의 혼인은 파탄되었다.", "PERSON", "강태호"),
    ("증인 한지민의 증언은 믿기 어렵다.", "PERSON", "한지민"),
    ("원고: 김서연\n피고: 최동훈", "PERSON", "김서연"),
    ("상대방 권혁수는 항고하였다.", "PERSON", "권혁수"),
    ("사건본인 김하은의 친권자로 청구인을 지정한다.", "PERSON", "김하은"),
    # a name addressed: a client's or a teacher's noun with 님, 귀하, 군 and 양, a letter's sign-off, its To. and From.
    ("안녕하세요 정수빈 고객님, 예약이 확정되었습니다.", "PERSON", "정수빈"),
    ("이재훈 선생님께 감사드립니다", "PERSON", "이재훈"),
    ("박은지 교수님 연구실에서", "PERSON", "박은지"),
    ("수신: 이서준 귀하", "PERSON", "이서준"),
    ("김지호 군과 이서윤 양이 참석했다", "PERSON", "김지호"),
    ("김지호 군과 이서윤 양이 참석했다", "PERSON", "이서윤"),
    ("그럼 이만 줄입니다.\n박서진 드림", "PERSON", "박서진"),
    ("김철수 올림", "PERSON", "김철수"),
    ("To. 김민지\n생일 축하해!", "PERSON", "김민지"),
    ("From. 박서진", "PERSON", "박서진"),
    # news's age in brackets before 씨
    ("수영구에 사는 이수진(32) 씨는", "PERSON", "이수진"),
    ("이수진(32·회사원)씨는 말했다", "PERSON", "이수진"),
    # a name introduced
    ("제 이름은 김영희입니다.", "PERSON", "김영희"),
    ("성함은 박민수입니다.", "PERSON", "박민수"),
    ("저는 김지훈이라고 합니다.", "PERSON", "김지훈"),
    ("안녕하세요, 저는 김지훈입니다.", "PERSON", "김지훈"),
    # a name beside a contact: before a mobile number, after a footer's 대표 and its colon, a chat's speaker
    ("연락은 김민수 010-1234-5678로 주세요", "PERSON", "김민수"),
    ("담당 김민수 (010-1234-5678)", "PERSON", "김민수"),
    ("상호명: 행복마트 | 대표 : 이영희 | 사업자등록번호 123-45-67891", "PERSON", "이영희"),
    ("[김민수] [오후 3:15] 내일 몇 시에 만나?", "PERSON", "김민수"),
    ("2024년 1월 5일 오후 3:15, 김민수 : 안녕하세요", "PERSON", "김민수"),
    # an address with the province's short name, a side road's number apart, the reference item's 동 in brackets
    ("주소: 서울 강남구 테헤란로 152", "KR_ADDRESS", "서울 강남구 테헤란로 152"),
    ("부산 해운대구 센텀중앙로 79, 1203호", "KR_ADDRESS", "부산 해운대구 센텀중앙로 79, 1203호"),
    ("서울 종로구 청운동 123", "KR_ADDRESS", "서울 종로구 청운동 123"),
    ("주소는 서울 마포구 독막로 19길 5, 2층이에요", "KR_ADDRESS", "서울 마포구 독막로 19길 5"),
    ("배송지: 경기 고양시 일산동구 중앙로 1275번길 38-10 (장항동) 301호", "KR_ADDRESS",
     "경기 고양시 일산동구 중앙로 1275번길 38-10 (장항동) 301호"),
    ("서울특별시 송파구 올림픽로 300 (신천동, 롯데월드타워)", "KR_ADDRESS",
     "서울특별시 송파구 올림픽로 300 (신천동, 롯데월드타워)"),
    # a letter's and a board's labels, a name with each syllable spaced apart after a label
    ("글쓴이: 오민석", "PERSON", "오민석"),
    ("받는이: 김민수\n보낸이 : 박서진", "PERSON", "김민수"),
    ("받는이: 김민수\n보낸이 : 박서진", "PERSON", "박서진"),
    ("성 명 : 김 민 수", "PERSON", "김 민 수"),
    # the thirty-eighth half's (stop 57, the generator's names in their context and its held-out names), one per
    # class: a role after the name without 님 (어린이, 학생, 환자분, 어르신, 선배, 고객, 간호사), a village head's 님, a
    # letter's 배상 mid-sentence, an appeal's party, an agent's noun before the name and its copula, given names with
    # syllables the rules did not list (건우, 하늘, 동욱), compound surnames outside the spaced rule
    ("김하은 어린이가 그린 그림", "PERSON", "김하은"),
    ("김민수 학생은 수업 태도가 바르고", "PERSON", "김민수"),
    ("김민수 환자분 진료실로 들어오세요", "PERSON", "김민수"),
    ("김민수 어르신 댁을 방문했습니다", "PERSON", "김민수"),
    ("김민수 선배가 추천해 준", "PERSON", "김민수"),
    ("김민수 고객의 요청에 따라", "PERSON", "김민수"),
    ("김민수 간호사가 안내해", "PERSON", "김민수"),
    ("김민수 이장님 댁", "PERSON", "김민수"),
    ("김민수 배상 3박 4일", "PERSON", "김민수"),
    ("항소인 김민수는 원심판결에 불복하여", "PERSON", "김민수"),
    ("상담원 김민수입니다", "PERSON", "김민수"),
    ('Content-Disposition: form-data; name="매도자 성명"\r\n\r\n문건우\r\n--boundary--', "PERSON", "문건우"),
    ('Content-Disposition: form-data; name="담당 치기공사"\r\n\r\n허하늘\r\n--boundary--', "PERSON", "허하늘"),
    ("김동욱 고객님의 예약", "PERSON", "김동욱"),
    ("남궁건우 고객님의 예약", "PERSON", "남궁건우"),
    ('Content-Disposition: form-data; name="수취인 (성함)"\r\n\r\n남궁건우\r\n--boundary--', "PERSON", "남궁건우"),
    ("서예 교실 수강 신청 담당 치기공사 \\href{황보건우}{연락} 화선지 지참", "PERSON", "황보건우"),
    ("환자 이름 이하은 실내 크리닝 추가", "PERSON", "이하은"),  # a name in 은 that a form word (이하) starts
    # an IP address with a space after each dot, a plate's syllable spaced apart, a resident number's 앞 and 뒤 parts
    ("접속 IP 192. 168. 0. 1", "IP_ADDRESS", "192. 168. 0. 1"),
    ("차량번호 12 가 3456", "KR_VEHICLE_PLATE", "12 가 3456"),
    ("주민번호 앞 830207 뒤 2555896", "KR_RRN", "830207 뒤 2555896"),
]


@pytest.mark.parametrize(("text", "found"), [
    ("강남A점 kim@naver.com", [("EMAIL_ADDRESS", "kim@naver.com")]),  # a shop's branch before an address
    ("강남A점 kim[at]naver.com", [("EMAIL_ADDRESS", "kim[at]naver.com")]),  # ... read by the obfuscated rule alone
    ("I met him at school yesterday. The dot at the end.", []),  # the words in prose
    ("v1.2·3 빌드, A·B 테스트 at home", []),  # dot-like marks between words with no address after them
    ("2023년 82-10 경기 결과 1234-5678", []),  # a score, then a number: no country code before a phone's shape
    ("코드 821012345678 확인", []),  # 82 alone is a country code only before a separator
    ("주문번호 앞자리 240101 뒷자리 1234567", []),  # an order number's parts: a resident's shape, another label
    ("쿠폰 번호 앞자리 240101, 뒷자리 3234567 입력", []),
    ("전화번호 뒷자리 5678, 뒷자리 1234567 만 알려주세요", []),  # a back part alone
    ("경기 결과 12-345678-90", []),  # a region's name that is also a word (경기: a match), no label
    ("남서울 12-345678-90 안내", []),  # a region's name inside a longer place name
    ("모델 M1234 5678, 시리얼 S 123 45678", []),  # a passport's shape without its label
    ("결과, 실질GDP 1% 증가시 지니계수가 0.3% 감소", []),  # words in 시 and 가 before a number
    ("관제업무 수행을 위한 연구 활동\n  2. 교육훈련", []),  # words in 구 and 동, a list's next item
    ("강남구 역삼동 3곳에서 행사, 서초구 서초동 1600 m 거리", []),  # a count or a distance after a 동
    ("수성구 범어동 123, 연구 활동 2", []),  # a district and a plain number: the shape of 연구 활동 2, not taken
    ("수원시 영통구 매탄동 3곳, 강남구 역삼동 2-3회 방문", []),  # counts after a lot's shape
    ("노상주차장의 설치, 이 경우 실장ㆍ국장의 명칭, 절차를 위한 대리 및 경리 과장, 마케팅 부장", []),  # titles in words
    ("성명: 미 기재", []),  # a form word, spaced
    ("성명: 전 원\n", []),  # ... one whose syllables a surname and a given name are made of (전원: everyone)
    ("성명: 이 수정 요청 바랍니다", []),  # a spaced name stands alone: 이 수정 (this correction) and more words
    # stop 57's readings
    ("증인 현재지의 지방법원, 피고 주소지 관할 법원, 채무자 소재지", []),  # a statute's words after the roles
    ("소중한 고객님께 감사드립니다", []),  # the adjective a client is greeted with
    ("사용한 양이 많다, 주입한 양을 기록", []),  # a verb's past before 양 (amount)
    ("대표 메뉴 | 가격, 대표: 02-123-4567", [("PHONE_NUMBER", "02-123-4567")]),  # 대표 without a name after it
    ("김모(45)씨는, 대학생 송모(19)씨를, 어머니 유모(69·여)씨는", []),  # news's anonymized surnames
    ("점수는 10. 20. 30. 40 순, 총 12 가구 3456명", []),  # a list of spaced numbers, a count of households
    ("작성자: 관리자\n받는 분: 고객센터\n글쓴이: 익명", []),  # a board's author where no person is named
    ("우수한 학생은, 조용한 학생이, 전라도 학생이", []),  # an adjective or a word with 도 before a role
    ('"오늘은 선생님 차례예요." 계속중인 사건은 차라리 환자가', []),  # words a wider list of given syllables reads
    ("국정원 직원은, 사업 이용은 회원의, 특별히 정한 경우나 환자가", []),  # ... and a noun with its particle
])
def test_the_probed_rules_readings_leave_plain_text_as_written(text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == found


@pytest.mark.parametrize(("written", "plain"), [
    ("hong dot gildong at gmail dot com", "hong.gildong@gmail.com"),
    ("hong[dot]gildong[at]gmail[dot]com", "hong.gildong@gmail.com"),
    ("hong 쩜 gildong 골뱅이 gmail 쩜 com", "hong.gildong@gmail.com"),
    ("hong·gildong@gmail.com", "hong.gildong@gmail.com"),
    ("hong'dot'gildong'at'gmail'dot'com", "hong.gildong@gmail.com"),
    ('kim"at"naver.com', "kim@naver.com"),
    ("kim at 네이버 닷컴", "kim@naver.com"),
    ("kim at naver。com", "kim@naver.com"),  # the ideographic full stop, read as a dot since version 10
    ("kim@daum｡net", "kim@daum.net"),
])
def test_the_local_part_s_dots_hash_as_the_plain_address(written: str, plain: str) -> None:
    assert canonical("EMAIL_ADDRESS", written) == canonical("EMAIL_ADDRESS", plain)


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("+82-10-1234-5678", "010-1234-5678", "PHONE_NUMBER"),  # hashed with its 82 until rules version 45
    ("+82 (0)10-1234-5678", "010-1234-5678", "PHONE_NUMBER"),
    ("0082-10-1234-5678", "010-1234-5678", "PHONE_NUMBER"),
    ("001-82-10-1234-5678", "010-1234-5678", "PHONE_NUMBER"),
    ("82-2-345-6789", "02-345-6789", "PHONE_NUMBER"),
    ("+821012345678", "01012345678", "PHONE_NUMBER"),
    ("830207 / 뒤 7자리: 2555896", "830207-2555896", "KR_RRN"),
    ("830207이고 뒷자리는 2555896", "830207-2555896", "KR_RRN"),
    ("서울 12-345678-90", "11-12-345678-90", "KR_DRIVER_LICENSE"),
    ("11 12 345678 90", "11-12-345678-90", "KR_DRIVER_LICENSE"),  # hashed with its hyphens until version 45
    ("m 123 45678", "M12345678", "KR_PASSPORT"),
    ("M-123A-4567", "M123A4567", "KR_PASSPORT"),
])
def test_stop_56_s_writings_hash_as_the_number_written_plainly(written: str, plain: str, entity: str) -> None:
    assert canonical(entity, written) == canonical(entity, plain)


@pytest.mark.parametrize(("text", "found"), [
    ("버전 2 dot 0 dot 1 배포, 스코어 3 dash 1 승리, 3 쩜 5 평점", []),  # said marks between no identifier's groups
    ("one two three four five six seven eight nine ten, zero one-time codes", []),  # English numbers in prose
    ('Content-Disposition: form-data; name="차량 번호"', []),  # a markup attribute's name=, a field's name
    ("##### 제31조 (보호관찰 담당자)\n\n보호관찰은 보호관찰소 소속 보호관찰관이 담당한다", []),  # a heading
])
def test_the_thirty_seventh_halfs_readings_leave_plain_text_as_written(text: str, found: list[tuple[str, str]]) -> None:
    """Where a reading of rules version 44 has nothing to read, the text's findings are what it holds as written."""
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == found


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("zero one zero - one two three four - five six seven eight", "010-1234-5678", "PHONE_NUMBER"),
    ("830207Ã¢â‚¬â€œ2555896", "830207-2555896", "KR_RRN"),
    ("kim a t naver d o t com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim@naver'쩜'com", "kim@naver.com", "EMAIL_ADDRESS"),
    ('kim<img src="a.gif" alt="골뱅이">naver.com', "kim@naver.com", "EMAIL_ADDRESS"),
])
def test_the_thirty_seventh_halfs_writings_hash_as_the_plain_value(written: str, plain: str, entity: str) -> None:
    assert canonical(entity, written) == canonical(entity, plain)


def test_a_wrong_code_page_is_decoded_only_where_it_stands_for_a_number_s_or_an_address_s_character() -> None:
    """Latin-1 text read as Latin-1 stays as written (CafÃ© is é's mojibake, a letter: prose is not the detector's
    to decode); an EUC-KR page's middle dot and a UTF-8 en dash read as Latin-1 are decoded."""
    from filters.pii import _decoded

    assert _decoded("CafÃ© au lait") is None
    decoded = _decoded("CafÃ© 서울¡¤부산 010â€“1234")
    assert decoded is not None and decoded[0] == "CafÃ© 서울·부산 010–1234"


@pytest.mark.parametrize(("text", "found"), [
    ("서울¡¤부산 ©2024 가격 £5, CafÃ© au lait", []),  # Latin-1 characters of no number or address
    ("이 기호는 (at sign) 이라고 부른다", []),  # the @'s word with no address around it
    ("담당 작업 치료사 선생님, 심리 상담사 자격증", []),  # a spaced profession with no name after it
    ("가-\ufe0e나 1-\ufe0e2", []),  # a selector on a joiner between no identifier's groups
])
def test_the_thirty_fifth_halfs_readings_leave_plain_text_as_written(text: str, found: list[tuple[str, str]]) -> None:
    """Where a reading of rules version 42 has nothing to read, the text's findings are what it holds as written."""
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == found


@pytest.mark.parametrize(("written", "plain", "entity"), [
    ("010¡ª1234¡ª5678", "010-1234-5678", "PHONE_NUMBER"),
    ("£¸£³£°£²£°£·-£²£µ£µ£µ£¸£¹£¶", "830207-2555896", "KR_RRN"),
    ("kim£Ànaver.com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim (at sign) naver (dot) com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim(atmark)naver.com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("kim【at】naver《dot》com", "kim@naver.com", "EMAIL_ADDRESS"),
    ("4111-\ufe0e1111-\ufe0e1111-\ufe0e1111", "4111-1111-1111-1111", "CREDIT_CARD"),
])
def test_the_thirty_fifth_halfs_writings_hash_as_the_plain_value(written: str, plain: str, entity: str) -> None:
    assert canonical(entity, written) == canonical(entity, plain)


@pytest.mark.parametrize("text", [
    "10분 뒤 다시 3시에 만나요",  # 다시 with no digit right before it
    "항목 1)2)3)을 보세요, (02)1234 구간",  # a list's one-digit marks; a parenthesis an opening one stands before
])
def test_the_thirty_first_halfs_readings_leave_plain_text_as_written(text: str) -> None:
    """Where 다시 or a closing parenthesis is no part of a number, the detection view (the text as the
    recognizers read it) is the text itself (rules version 38)."""
    assert detection_view(text) == text


def test_a_tag_before_a_digit_is_shown_as_nothing_only_where_its_attributes_hold_no_value() -> None:
    """A colour's hex code in an inline element's attributes is markup, and the element shows as nothing beside
    a digit (rules version 38); a link whose target holds the number keeps its opening tag, read as text."""
    from filters.pii import _decoded

    decoded = _decoded('<font color="#ff0000">010</font>-1234')
    assert decoded is not None and decoded[0] == "010-1234"
    decoded = _decoded('<a href="tel:010-1234-5678">010-1234-5678</a>')
    assert decoded is not None and decoded[0] == '<a href="tel:010-1234-5678">010-1234-5678'


@pytest.mark.parametrize("text", [
    "I am @ home . I t 연락처 a b @ c d . e f g h 참고",  # spaced letters around an @, no top-level domain people use
    "담당자 ☎ 문의 바랍니다, 의사 ☎ 간호사 호출",  # a pictograph after a person noun, no name after it
])
def test_the_thirty_first_halfs_readings_find_nothing_in_plain_text(text: str) -> None:
    """A spaced-out address needs a top-level domain people use; a pictograph after a person noun needs a
    surname and two given-name syllables after it."""
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == []


@pytest.mark.parametrize("text", [
    "||9★8803528444 ||\n (건강보험증 번호 (세대주)) 어깨 위주로 부탁",  # a note in a bracket nested in another
    "4342749894|| (사업자 등록번호(개인/법인)) 부스 한 칸",
    "\nuser = { rrn = \"820723%2D4609951\" }\n (주민번호 (본인)) 원본 파일 제공",
    "문 앞에 두고 벨 눌러주세요 [Web발신]\n881209--2260370 (주민번호(본인))\n 이순신 대표는 이날 기자회견을 열었다",
    "건강보험증 번호 (세대주) [바로가기](tel:4-5097921) 신청자 성명 : [전화하기](tel:010-1234-5678)",  # captions
])
def test_notes_and_button_captions_are_no_names(text: str) -> None:
    """A word in a bracket nested in another is a note on a label, and a call button's caption is the button's
    word: neither a name label nor a name (the thirtieth half's false names, rules version 36)."""
    assert [text[f.start:f.end] for f in find(text) if f.entity == "PERSON"] == []


@pytest.mark.parametrize("text", [
    "굵게 **중요** 공지 __밑줄__ 5**2 그리고 1에 2를 더하면 x=1=2",  # bold, dictation and = with no number
    "주간 일정 보고자 <b>공지사항</b> 확인 ┌──┐ 1─2 구간",  # a noun before an element that holds no name, box lines
    "제1一 조",  # a Hanja numeral beside one digit: no number
    "<b>!</b> 안녕 <i>-</i>",  # marks in inline elements, no number around them
    "강사님 말씀이 좋았다",  # a person noun with 님 is no name
    "을 변경한 자(상호의 변경 및 법인의 대표자 변경은 제외한다)",  # 은 after a form word where words go on
    "주연인 송윤아보다 조연인 박원상이 더 많이 나온다",  # 인 as the copula at a text's start: no label
    "At the end of the day At home we rest.",  # title-case at words with no address
    "빵이 일곱 개, 빵 일 이 삼 사 오 천 원",  # 빵 the bread, digit words that make no number
    "17|010.\n0000.\n0000|2024-05-02",  # a table row broken across lines stays cells
    "ㅡㅡ 진짜 2015ㅡ2016 시즌은 별로",  # the vowel letter as a face and as a dash between years
    "증인 현재지의 지방법원판사에게 그 신문을 촉탁할 수 있다",  # 증인 speaks of any witness
    "신문기사 제목 ⒜ 항목 설명 <!-- 주석 --> 끝",  # a compound 기사, a list mark, a comment: no name or address
    "주소 a·b·c 항목 /at/ 표시",  # a middle dot and a slash word with no address around them
    "오차 5±2, 점수 3➖1 <b>굵게</b> <span>12</span>월",  # plus-minus, an emoji minus, tags around a short number
    "다음 주 월요일 골뱅이 다음 닷컴 He looked at it period end",  # 다음 and period with no address
])
def test_new_readings_take_no_ordinary_text(text: str) -> None:
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == []


@pytest.mark.parametrize("text", [
    "행렬의 첫 행은 1 0 0 1 0 1 1 0 1 0 1 1 0 1 0 1 이다",  # a matrix row passes Luhn: zeros and ones only
    "점수: 8 3 0 2 0 7 2 5 5 5 8 9 6 1 2 점",  # a resident number's digits inside a longer spaced run
    "동문 선배님께 감사드립니다",  # a senior called by the role, not a name
    "동문회 회비 입금 안내",
    "골뱅이무침 먹으러 갔다. naver.com 에서 찾았다",
])
def test_spaced_digits_nouns_and_the_at_word_take_no_ordinary_text(text: str) -> None:
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == []


def test_spaced_digits_need_a_checksum_or_a_label_where_no_group_shows() -> None:
    """A licence number's shape scores on its own where its groups show (11-22-333333-44); spaced digit by
    digit with single spaces only, nothing shows a group, and only its label finds it."""
    bare = "번호 1 1 2 2 3 3 3 3 3 3 4 4 입니다"
    assert find(bare) == []
    labelled = "운전면허 번호 1 1 2 2 3 3 3 3 3 3 4 4 입니다"
    assert [(f.entity, labelled[f.start:f.end]) for f in find(labelled)] == [
        ("KR_DRIVER_LICENSE", "1 1 2 2 3 3 3 3 3 3 4 4")]


def test_an_inline_tag_read_as_nothing_hides_nothing_it_holds() -> None:
    """Version 32 reads an inline element's tags at a digit as nothing; a tag whose attributes hold a number, an
    address or Hangul stays text, so the number in a link's href is found as well as the one it shows."""
    text = '<a href="tel:010-1234-5678">010-1234-5678</a> 로 전화'
    found = [f for f in find(text) if f.entity == "PHONE_NUMBER"]
    assert len(found) == 2, found
    assert found[0].end <= text.index(">") < found[1].start  # the href's, then the one the link shows


@pytest.mark.parametrize("text,entity,value", [*FIRST_HELD_OUT_FAILURES, *SECOND_HELD_OUT_FAILURES,
                                               *THIRD_HELD_OUT_FAILURES, *FOURTH_HELD_OUT_FAILURES,
                                               *FIFTH_HELD_OUT_FAILURES, *SIXTH_HELD_OUT_FAILURES,
                                               *SEVENTH_HELD_OUT_FAILURES, *EIGHTH_HELD_OUT_FAILURES,
                                               *NINTH_HELD_OUT_FAILURES, *TENTH_HELD_OUT_FAILURES,
                                               *ELEVENTH_HELD_OUT_FAILURES, *TWELFTH_HELD_OUT_FAILURES,
                                               *THIRTEENTH_HELD_OUT_FAILURES, *ROTATED_TUNING_FAILURES,
                                               *FOURTEENTH_HELD_OUT_FAILURES, *FIFTEENTH_HELD_OUT_FAILURES,
                                               *SIXTEENTH_HELD_OUT_FAILURES, *SEVENTEENTH_HELD_OUT_FAILURES,
                                               *EIGHTEENTH_HELD_OUT_FAILURES, *NINETEENTH_HELD_OUT_FAILURES,
                                               *TWENTIETH_HELD_OUT_FAILURES, *TWENTY_FIRST_HELD_OUT_FAILURES,
                                               *TWENTY_SECOND_HELD_OUT_FAILURES, *TWENTY_THIRD_HELD_OUT_FAILURES,
                                               *TWENTY_FOURTH_HELD_OUT_FAILURES, *TWENTY_FIFTH_HELD_OUT_FAILURES,
                                               *TWENTY_SIXTH_HELD_OUT_FAILURES, *TWENTY_SEVENTH_HELD_OUT_FAILURES,
                                               *TWENTY_EIGHTH_HELD_OUT_FAILURES, *TWENTY_NINTH_HELD_OUT_FAILURES,
                                               *THIRTIETH_HELD_OUT_FAILURES,
                                               *THIRTY_FIRST_HELD_OUT_FAILURES,
                                               *THIRTY_SECOND_HELD_OUT_FAILURES,
                                               *THIRTY_THIRD_HELD_OUT_FAILURES,
                                               *THIRTY_FOURTH_HELD_OUT_FAILURES,
                                               *THIRTY_FIFTH_HELD_OUT_FAILURES,
                                               *THIRTY_SIXTH_HELD_OUT_FAILURES,
                                               *THIRTY_SEVENTH_HELD_OUT_FAILURES,
                                               *THIRTY_EIGHTH_HELD_OUT_FAILURES,
                                               *STOP_56_PROBED_FAILURES, *STOP_57_PROBED_FAILURES])
def test_the_earlier_held_out_halves_failures_are_found(text: str, entity: str, value: str) -> None:
    start = text.index(value)
    fs = find(text)
    assert any(f.entity == entity and f.start <= start and start + len(value) <= f.end for f in fs), \
        [(f.entity, text[f.start:f.end]) for f in fs]


@pytest.mark.parametrize("text", ["모델 SM-G270N 010-1234-5678", "모델명 010-1234-5678", "신모델 A1234 1588-1234-5678",
                                  "규격 KS 031-234-5678"])
def test_a_model_s_or_a_standard_s_number_stays_plain_while_words_holding_the_label_do_not_count(text: str) -> None:
    """리모델링 and 모델하우스 hold 모델 without naming a model (rules version 47); 모델 and 규격 still do."""
    assert find(text) == [], [(f.entity, text[f.start:f.end]) for f in find(text)]


@pytest.mark.parametrize("text", ["이를 ‘개인 성격차’로 설명한다.", '(이하 "사단법인 협의회"라 한다)',
                                  "‘범민족적인 정체성’이었다", '담당 요양보호사 서비스" 고2'])
def test_a_quote_closing_prose_after_a_person_noun_is_no_name(text: str) -> None:
    """Any two syllables are a name only between a formula's quotes after an = (담당 요양보호사 ="백보람": rules
    version 47); a first version took them before any closing quote and read these as names in the corpora. (The
    last case was `담당 요양보호사 백보람" 고2` until rules version 49, which reads a name after a profession's noun
    mid-sentence: 백보람 is one there, 서비스 is not.)"""
    assert [f for f in find(text) if f.entity == "PERSON"] == [], find(text)


def test_a_value_of_two_types_takes_the_type_its_bracketed_label_names() -> None:
    """110101-1000002 passes the resident-number and the corporate-number checksums: labelled corporate in
    brackets after it, Presidio's resident-number recognizer (which scores it 0.5 on its own) is capped
    by the label, as the project's rules are; a phone number before a resident-number label is not."""
    from presidio_analyzer.predefined_recognizers.country_specific.korea.kr_rrn_recognizer import KrRrnRecognizer

    from filters.pii import detection_view
    from filters.pii_rules import KoreanContextEnhancer

    text = "학부모님 110101-1000002 (법인등록No)\n문의는 교무실로"
    rec = KrRrnRecognizer()
    view = detection_view(text)
    scored = KoreanContextEnhancer().enhance_using_context(view, rec.analyze(view, rec.supported_entities), None,
                                                           [rec])
    assert all(r.score < MIN_SCORE for r in scored)
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("KR_CRN", "110101-1000002")]
    text = "010-1234-5678 (주민등록번호 확인용)"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("PHONE_NUMBER", "010-1234-5678")]


def test_results_on_one_start_are_each_judged_by_their_own_span_s_windows() -> None:
    """The context step computes a span's windows once for every result on that span (stop 53), not once for
    every result that starts there: the label in brackets right after the whole value is stronger evidence
    (``BEFORE_BONUS``) than the same label a few digits after a shorter match that starts where it does."""
    from presidio_analyzer import RecognizerResult

    from filters.pii_rules import BEFORE_BONUS, KoreanContextEnhancer, KoreanRegexRecognizer

    rec = KoreanRegexRecognizer()
    text = "참고 1234567890123456789 (계좌번호) 끝"
    start = text.index("1")
    whole, short = start + 19, start + 4

    def result(end: int) -> RecognizerResult:
        return RecognizerResult("KR_BANK_ACCOUNT", start, end, 0.1, None,
                                {RecognizerResult.RECOGNIZER_NAME_KEY: rec.name,
                                 RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rec.id})

    for order in ((whole, short), (short, whole)):
        scored = KoreanContextEnhancer().enhance_using_context(text, [result(e) for e in order], None, [rec])
        assert {r.end: r.score for r in scored} == pytest.approx(
            {whole: MIN_WITH_CONTEXT + BEFORE_BONUS, short: MIN_WITH_CONTEXT}), order


def test_another_types_label_across_markup_does_not_cap_the_next_value() -> None:
    """The window reaches across markup for a value's own label, not for another type's: the resident
    number's label, a sentence and a log prefix before a business number labelled after it."""
    text = ("낙찰자 정보 000101-1000002 (주민등록번호) 확인 바랍니다. 2024-11-03T09:12:44Z WARN auth failed "
            "000-00-00000 (사업자등록번호) retry=3")
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [
        ("KR_RRN", "000101-1000002"), ("KR_BRN", "000-00-00000")]


@pytest.mark.parametrize("text", [
    "- 신청인 정보:\n- 처리 상태: 검토 중",  # a word before a colon is a label
    "| 이름 | 나이 |\n|---|---|\n| 30 | 40 |",  # a header row's cells are labels
    "I looked at it. Then he left.",  # at and a dot in prose
    "2024/05/03 회의, 3/4 분기",
    "가격은 1,234,567원, 수량 1,200,000개",  # thousands separators
    "측정값 12,345,678 / 2,555,896",
    "참석자: 이번 회의는 취소",  # a form word after a person noun
    "신청인 정보 확인 부탁드립니다",
    "보호자 성명 란은 비워 두세요",  # a label after a label is not a name
    "Model O1O2 version 2O24, 기간 2020--2024",  # letters and joiner runs outside a number
    "제품명 HD-0219-4327 사용 후기.",  # a digit word that begins a word is not a digit (사용)
    "발생: 김치 축제가 열렸다. 출생: 김해",  # 생 of 발생 and 출생 is no learner
    "지원자 이번에 합격, 관리자 권한으로 실행, 참가자 전원이 모여",  # words after a person noun and a space
    "주연인 송윤아보다 조연인 박원상이 더 많이 나온다",  # 인 as the copula: public figures stay
    "| 830207 | 2555896 |",  # a table's bars between spaces are cell borders
    "차량 매매 계약서: 매수인 서명란",  # a form's field after a person noun (the eighth half's false positives)
    "신청인 서명란에 서명해 주세요",
    "회의는 10:30에 시작하고 입금 계좌는 내일 알려 드립니다",  # a time beside an account label
    "입금 계좌 2024:05:02:12:30 확인",  # a colon-separated timestamp is no account
    "doi: 10.1000/j.0000.000\n2024-05-02T09:12:44Z WARN 재시도 (국민은행)",  # a timestamp's date ends no number
    "시트 이름에는 문자, 숫자, 공백 및 밑줄 문자를 모두 쓸 수 있다. 사용자 이름 (소문자, 공백 없이)",  # things in 자
    "순위는 1에 2 3 순서로 바뀌었고 공에 이 삼이 더해졌다",  # 에 between short numbers and digit words in prose
])
def test_labels_headers_and_prose_are_not_values(text: str) -> None:
    assert find(text) == [], [(f.entity, text[f.start:f.end]) for f in find(text)]


@given(st.sampled_from(sorted(set(__import__("filters.pii", fromlist=["_JOINERS"])._JOINERS))))
def test_any_joiner_between_digit_groups_is_a_separator(joiner: str) -> None:
    """The separator is a class (dashes, connectors, slashes, middle dots, ...), not a list."""
    text = f"주민등록번호 830207{joiner}2555896 입니다"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("KR_RRN", f"830207{joiner}2555896")]


@given(st.sampled_from(sorted(_SYMBOLS)), st.sampled_from(["", " ", "\ufe0f"]), st.integers(1, 3))
def test_any_symbol_between_digit_groups_is_a_separator(symbol: str, after: str, times: int) -> None:
    """Any other symbol or punctuation mark a keyboard, an emoji palette or a seller dodging a filter puts between
    the groups is one too (010★1234★5678, 010💕1234💕5678, 830207※2555896, the replacement character of a broken
    decoding), alone or repeated, spaced or followed by an emoji's selector (❤️): a class, not a list (rules
    version 35; until then each held-out round's new mark was missed in every number type)."""
    mark = (symbol + after) * times if after != " " else f" {symbol * times} "
    for text, entity, value in ((f"주민등록번호 830207{mark}2555896 입니다", "KR_RRN", f"830207{mark}2555896"),
                                (f"연락처 010{mark}1234{mark}5678 으로", "PHONE_NUMBER", f"010{mark}1234{mark}5678")):
        assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [(entity, value.strip())], text


@pytest.mark.parametrize("text", [
    "평점 4.5★ (1,234명) 재구매 의사 100%",  # a rating, a count and a share beside symbols
    "1★2★3 순서로 이 → 삼 → 사 단계",  # digit words between arrows in prose, short numbers between stars
    "제3조※제5조 참조, 3×4=12, 2024→2025 시즌, 2019♥2020♥2021",  # article numbers, arithmetic, years
    "합계 1,234원 ※ 5,678원 별도, 스코어 3:1 ★ 2:0",
    "주문번호 202517199101★ 배송",  # an order number before a symbol stays an order number
])
def test_symbols_between_short_numbers_and_words_are_no_identifier(text: str) -> None:
    """A symbol reads as a separator only between digits, and a run it joins is an identifier only where its
    digits make one: ratings, years, article numbers and digit words in prose stay."""
    assert find(text) == [], [(f.entity, text[f.start:f.end]) for f in find(text)]


@given(st.sampled_from(sorted(chr(k) for k in __import__("filters.pii", fromlist=["_SPACES"])._SPACES)))
def test_any_space_between_digit_groups_is_a_separator(space: str) -> None:
    """Whitespace is a class (every Unicode space separator, the zero-width characters), not a list."""
    text = f"주민등록번호 830207{space}2555896 입니다"
    assert [(f.entity, text[f.start:f.end]) for f in find(text)] == [("KR_RRN", f"830207{space}2555896")]


def test_every_character_python_counts_as_whitespace_is_read_as_one() -> None:
    """The controls ``str.isspace`` holds (a word processor's vertical tab, a form feed, NEL, the information
    separators) are whitespace too, so the test above draws them (rules version 39)."""
    from filters.pii import _SPACES

    missing = [hex(c) for c in range(0x110000) if chr(c).isspace() and chr(c) not in " \t\r\n" and c not in _SPACES]
    assert missing == []


#: One example per rule of the project's recognizer: (rule, entity, text with its label, the same value
#: without a label, whether the unlabelled value must be found at the policy's score).
RULE_EXAMPLES = [
    ("kr_rrn", "KR_RRN", "주민등록번호 {v}", "900101-1081238", True),
    ("kr_phone", "PHONE_NUMBER", "연락처 {v}", "010 1234 5678", True),
    ("kr_crn", "KR_CRN", "법인등록번호 {v}", "110111-0005557", True),
    ("kr_brn", "KR_BRN", "사업자등록번호 {v}", "123-45-67891", True),
    ("kr_driver_licence", "KR_DRIVER_LICENSE", "운전면허번호 {v}", "11-22-123456-78", True),
    ("kr_bank_account", "KR_BANK_ACCOUNT", "국민은행 계좌 {v}", "123456-01-234567", False),
    ("kr_health_insurance", "KR_HEALTH_INSURANCE", "건강보험증 번호 {v}", "1-2345678901", False),
    ("kr_passport", "KR_PASSPORT", "여권번호 {v}", "M123A4567", False),
    ("kr_vehicle_plate", "KR_VEHICLE_PLATE", "차량번호 {v}", "12가 3456", True),
    ("kr_address", "KR_ADDRESS", "주소: {v}", "서울특별시 마포구 월드컵로 123, 한빛빌딩 101동 1203호", True),
    ("kr_person_labelled", "PERSON", "담당자: {v}", "김민수", False),
    ("kr_person_honorific", "PERSON", "오늘 {v} 씨를 만났다", "박지영", False),
    ("ipv4", "IP_ADDRESS", "접속 IP {v}", "203.0.113.45", True),
    ("email", "EMAIL_ADDRESS", "메일 {v}", "kim99@example.com", True),
    ("email_obfuscated", "EMAIL_ADDRESS", "메일 {v}", "kim99 [at] example [dot] com", True),
    ("email_words", "EMAIL_ADDRESS", "메일 {v}", "kim99 at example dot com", True),
    ("kr_phone_spread", "PHONE_NUMBER", "연락처 {v}", "0 1 0 - 1 2 3 4 - 5 6 7 8", True),
    ("card", "CREDIT_CARD", "카드번호 {v}", "4111 1111 1111 1111", True),
    ("kr_person_mail_name", "PERSON", "보낸사람 {v} <kim99@example.com>", "김민수", False),
    ("kr_rrn_parts", "KR_RRN", "주민번호 앞자리 {v}", "830207 뒷자리 2555896", True),  # the checksum holds
    ("kr_person_labelled_spaced", "PERSON", "성명: {v}\n비고", "남궁 민수", False),
    ("kr_person_title", "PERSON", "문의는 {v} 과장", "김민지", False),
    ("kr_person_party", "PERSON", "원고 {v}은 피고에게 지급하라는 판결", "김서연", False),
    ("kr_person_addressed", "PERSON", "{v} 고객님의 예약", "정수빈", False),
    ("kr_person_introduced", "PERSON", "제 이름은 {v}", "김영희", False),
    ("kr_person_contact", "PERSON", "연락은 {v} 010-1234-5678로 주세요", "김민수", False),
    ("ipv4_spaced", "IP_ADDRESS", "접속 IP {v}", "203. 0. 113. 45", False),
]


@pytest.mark.parametrize(("rule", "entity", "labelled", "value", "bare_found"), RULE_EXAMPLES,
                         ids=[r[0] for r in RULE_EXAMPLES])
def test_each_rule_fires_with_and_without_its_label(rule: str, entity: str, labelled: str, value: str,
                                                    bare_found: bool) -> None:
    from filters.pii_rules import RULES, KoreanRegexRecognizer

    assert any(r.name == rule for r in RULES)
    text = labelled.format(v=value) + "입니다."
    raw = KoreanRegexRecognizer().analyze(text, [])
    assert any(r.recognition_metadata["rule"] == rule and text[r.start:r.end] == value for r in raw), raw
    found = [(f.entity, text[f.start:f.end]) for f in find(text)]
    assert (entity, value) in found, found
    bare = f"참고로 {value}입니다."
    assert ((entity, value) in [(f.entity, bare[f.start:f.end]) for f in find(bare)]) == bare_found


@pytest.fixture(scope="module")
def presidio_recognizers() -> list:
    """Presidio's recognizers for types the project's rules cover, which are not registered in the
    engine (their ``regex``-module patterns cost a third of the analysis time)."""
    from presidio_analyzer.predefined_recognizers import CreditCardRecognizer
    from presidio_analyzer.predefined_recognizers.country_specific.korea import (
        KrFrnRecognizer,
        KrPassportRecognizer,
        KrRrnRecognizer,
    )

    return [KrRrnRecognizer(), KrFrnRecognizer(), KrPassportRecognizer(), CreditCardRecognizer(supported_language="ko")]


@given(case=G.document(G.TUNING, max_pii=2, max_neg=1))
def test_the_project_rules_find_whatever_presidios_unregistered_recognizers_find(case: G.Case,
                                                                                presidio_recognizers: list) -> None:
    """Presidio's recognizers that the analyzer does not register find nothing the project's rules leave:
    the same type over the span, or another type whose rule holds the whole span. 110101-1000002 passes
    Presidio's resident-number recognizer (it accepts numbers without the old checksum) and the
    corporate-number checksum, which the project's rules prefer where no label says otherwise; it is
    redacted whole either way."""
    from filters.pii_rules import KoreanContextEnhancer

    view = detection_view(case.text)
    ours = find(case.text)
    for rec in presidio_recognizers:
        results = KoreanContextEnhancer().enhance_using_context(view, rec.analyze(view, rec.supported_entities),
                                                                None, [rec])
        for r in results:
            if r.score >= MIN_SCORE:
                assert any((f.entity == r.entity_type and f.start < r.end and r.start < f.end)
                           or (f.start <= r.start and r.end <= f.end) for f in ours), (rec.name, view[r.start:r.end],
                                                                                       ours)


@pytest.mark.parametrize("text,name", [("담당자: 최유나 (010-5217-4155)", "최유나"), ("성명: 김지나입니다", "김지나"),
                                       ("담당자 박민수까지 연락", "박민수")])
def test_a_labelled_name_ending_like_a_particle_is_redacted_whole(text: str, name: str) -> None:
    """나 and 요 end names (최유나): the particle list leaves them out, else the lazy name match stops short."""
    assert [text[f.start:f.end] for f in find(text) if f.entity == "PERSON"] == [name]


@pytest.mark.parametrize("text,values", [
    ("번호|연락처|등록일\n17|010-1234-5678|2024-05-02", ["010-1234-5678"]),  # cell borders
    ("이름|연락처\n17|010-1234-5678", ["010-1234-5678"]),  # one bar under a header
    ("주민 830207|2555896\n주민 900101|1234567", ["830207|2555896", "900101|1234567"]),  # separators, line by line
    ("폰 0l0|65l5|l809 연락", ["0l0|65l5|l809"]),  # a number written with bars, alone on its line
])
def test_a_bar_is_a_cell_border_in_a_pipe_table_and_a_separator_elsewhere(text: str, values: list[str]) -> None:
    assert [text[f.start:f.end] for f in find(text)] == values


@pytest.mark.parametrize("text", ["예금주 명의로 된 계좌로 보내 주세요", "참석자 명단은 다음과 같다",
                                  "연락처 0219-4327 사용 중"])
def test_a_label_with_a_word_after_it_is_not_a_name_label(text: str) -> None:
    """명 after a label makes a label (예금주명) only where no syllable follows it: 명의, 명단 are words."""
    assert not [f for f in find(text) if f.entity in ("PERSON", "PHONE_NUMBER")]


@pytest.mark.parametrize("text", ["up-at-dawn.com 에서 예약", "연도별 2019、2020、2021년 실적",
                                  "별★점 5점 (★을 @로 바꾸지 마세요)"])
def test_at_words_and_the_ideographic_comma_need_an_address_or_a_number(text: str) -> None:
    """A host with -at- in it is no address without a -dot- written the same way; a list of years joined by
    the ideographic comma is no number; a symbol explained as the @ outside an address changes nothing."""
    assert find(text) == []

