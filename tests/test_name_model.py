"""The name model (``filters.name_model``, rules version 48): names in a context whose given-name syllables are outside
the rules' list are read through Kiwi, and words with a surname's syllable in front are not.

The names here were not planted by the generator: they are the kinds a list of syllables missed (로, 비, 덕, 다 ...),
and the words are those the list had kept out for (오로지, 경비원) and those a first version of the model read in the
corpora (값인 문자열입니다, 하는지 직원, 장이나 직원은, 조사의 양 당사자).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filters.name_model import reads_as_name, starts_unknown
from filters.pii import find
from filters.pii_rules import RULES, name_in_context


def _names(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find(text) if f.entity == "PERSON"]


@pytest.mark.parametrize(("value", "surname"), [
    ("곽덕희", "곽"), ("노다인", "노"), ("백보람", "백"),  # one unknown word, one proper noun
    ("김로운", "김"), ("전로운", "전"), ("김은비", "김"),  # the surname, then an ending or a particle
    ("선우보람", "선우"), ("허한결", "허"), ("사공덕희", "사공"),  # the surname, then content words
])
def test_names_outside_the_syllables_read_as_names(value: str, surname: str) -> None:
    assert reads_as_name(value, surname)


@pytest.mark.parametrize(("value", "surname"), [
    ("오로지", "오"), ("경비원", "경"), ("전공자", "전"),  # one known word
    ("경우만", "경"), ("부대나", "부"), ("선정일", "선"), ("이번에", "이"), ("문화국", "문"),  # a longer first word
    ("하는지", "하"), ("주거나", "주"), ("하면서", "하"),  # a verb's stem first
    ("위로하", "위"), ("장이나", "장"),  # a phrase: a verb after the noun, a particle last
    ("이로운", "이"),  # an adjective of the dictionary (이롭다)
    ("조사의", "조"),  # a particle's syllable last
])
def test_words_with_a_surname_in_front_do_not(value: str, surname: str) -> None:
    assert not reads_as_name(value, surname)


@pytest.mark.parametrize(("text", "name"), [
    ("문로운 학생은 수업 태도가 바르고", "문로운"), ("배은비 환자분 진료실로 들어오세요", "배은비"),
    ("곽덕희 간호사가 안내해", "곽덕희"), ("항소인 노다인은 원심판결에 불복하여", "노다인"),
    ("상담원 곽덕희입니다", "곽덕희"), ("선우보람 어르신 댁을 방문했습니다", "선우보람"),
    ("남궁은비 어린이가 그린 그림", "남궁은비"), ("연락은 곽덕희 010-2345-6789로", "곽덕희"),
    ("허한결 고객님의 예약", "허한결"), ("저는 노다인이라고 합니다", "노다인"),
])
def test_names_in_context_outside_the_syllables_are_found(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize("text", [
    "오로지 학생은 공부만 했다", "경비원 학생들", "파라미터의 값인 문자열입니다.", "읽어 들인 문자열입니다.",
    "무슨 메시지를 주고 싶어 하는지 직원 입장에선", "수사기관의 장이나 직원은 제1항", "제7조에 따른 조사의 양 당사자",
    "교육에 지장을 주거나 학생과 교직원에게", "신고를 하거나 보호자가 확인되지", "이로운 학생은 드물다",
])
def test_words_in_a_names_context_are_not_names(text: str) -> None:
    assert _names(text) == []


def test_names_inside_the_syllables_do_not_ask_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: str, surname: str) -> bool:
        raise AssertionError(f"asked about {value}")

    monkeypatch.setattr("filters.pii_rules.reads_as_name", refuse)
    assert name_in_context("김민수") and name_in_context("남궁서연")


def test_every_modelled_group_is_a_group_of_its_rule() -> None:
    modelled = [r for r in RULES if r.modelled]
    assert modelled and all(set(r.modelled) <= set(r.pattern.groupindex) for r in modelled)


#: The names' held-out half written at stop 61, read after its report (rules version 49): one writing per class, each
#: not found by version 47 (a role after the name, a salutation, a title with 님, a party's noun, a person noun before
#: the name mid-sentence, a surname Kiwi reads as a determiner).
NAMES_HELD_OUT_61_FAILURES = [
    ("조문 안내 탁봉수 어머님과 상담을 마쳤습니다", "탁봉수"), ("함소율 입주민께서 문의하신 사항", "함소율"),
    ("여시온 요양보호사가 방문해", "여시온"), ("현춘자 튜터의 피드백을 받았어요", "현춘자"),
    ("천도담 팀장님께 보고드립니다", "천도담"), ("사고 경위서 제출 사랑하는 마세라에게 후방 추돌", "마세라"),
    ("지원자 표말순은 성실하며", "표말순"), ("조문 안내 담당 요양보호사 왕시온 장례식장 2층", "왕시온"),
    ('<meta property="og:description" content="공동 매수인 명해솔">', "명해솔"),
    ("천도담 대리: 네, 확인했습니다", "천도담"),
]


@pytest.mark.parametrize(("text", "name"), NAMES_HELD_OUT_61_FAILURES)
def test_the_names_held_out_half_s_failures_are_found(text: str, name: str) -> None:
    assert _names(text) == [name]


#: The classes of the names' held-out half written at stop 62 (reported at 0.6753 with rules version 49), in names and
#: sentences of their own: a KakaoTalk line run into the text before it, the word for how the writer is related to
#: the person before the name, kin, a soldier's rank, a church's or a school's office after it, and an office title
#: after a name outside the listed syllables (the tuning half's 한복희 과장이). Each fails on rules version 49.
NAMES_HELD_OUT_62_CLASSES = [
    ("대화 내용 [김도윤] [오전 9:05] 출발했어요", "김도윤"), ("친구 박서진이랑 영화 봤어요", "박서진"),
    ("주치의 이정민 교수의 설명", "이정민"), ("어제 남편 최준호가 운전했다", "최준호"),
    ("장옥순 할머니께서 주신 김치", "장옥순"), ("김태현 상병은 전역을 앞두고", "김태현"),
    ("박성민 목사님의 기도", "박성민"), ("오세진 교장 선생님께서 오셨다", "오세진"),
    ("한지우 교감은 회의 중", "한지우"), ("윤보람 과장이 전화했어요", "윤보람"), ("태하준 씨가 오셨어요", "태하준"),
]


@pytest.mark.parametrize(("text", "name"), NAMES_HELD_OUT_62_CLASSES)
def test_the_names_held_out_62_classes_are_found(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize("text", [
    "계속 하다가 할머니께서 오셨다", "딸 위해서 제복입고", "빈아저씨 어디 가요", "아들 하나도 못 낳고", "친구 사이에",
    "남편 연봉이 올랐다", "이순신 장군은", "영업부 과장이 말했다", "[관리자] [오후 3:12] 공지입니다",
    "그 강을 건너지 마오 오후 3:12", "소비자 피해가 자주", "증인ㆍ감정인ㆍ참고인의 출석", "1. 채무자   2. 목록에 기재",
])
def test_the_stop_62_contexts_and_surnames_leave_words_alone(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize("text", [
    "소방청 차장 1명", "해당 법무법인등의 구성원 변호사 중 2명", "최근 이집트 교사의 사회적 지위가",
    "위원은 약사 관계 공무원",
    "경영해 볼까 하다가 아버지에게 호통을", "전직원 학생 모두", "현시점 고객 수요", "장이고 직원이고 모두",
    "사용자 인터페이스를 제공", "고객 서비스를 개선", "사랑하는 여러분께", "사랑하는 부모님께",
    "소방청 차장: 보고드립니다", "홍보팀 대리: 네", "경우 실장: 아니요",
])
def test_the_new_contexts_leave_words_alone(text: str) -> None:
    assert _names(text) == []


def test_one_kiwi_per_setting_however_it_is_asked_for() -> None:
    from filters.kiwi_model import kiwi

    assert kiwi() is kiwi(multi_words=True) is kiwi(True)


#: Given names in 인 that the labelled and markup rules read as a person noun (a label), taking the word after them as
#: the name: found on the tuning half's stored draw at stop 61 (rules version 49), each failing before.
NAMES_IN_IN = [
    ("중고 음반 매입 문의 수취인 성함 #최다인 #공유 CD 40장", "최다인"), ("문의 성함 #조다인 #공유 CD", "조다인"),
    ('<th scope="row">보호자 이름</th><td class="value" colspan="2">제갈다인</td></tr></table> 도안', "제갈다인"),
]


@pytest.mark.parametrize(("text", "name"), NAMES_IN_IN)
def test_a_given_name_in_in_is_the_name_not_a_label(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(("text", "name"), [
    ("성명: 연예인 김민수", "김민수"), ("성명: 매수인 김민수", "김민수"), ("수취인 성함: 한국인 김민수", "김민수"),
    ("담당자: 외국인 박서준", "박서준"),
])
def test_a_person_noun_in_in_stays_a_label(text: str, name: str) -> None:
    assert _names(text) == [name]


@given(st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=3, max_size=4))
def test_any_syllables_get_an_answer(value: str) -> None:
    """Kiwi reads any syllables the rules can hand it (20,000 random ones were tried once): never an exception that
    would fail a document."""
    assert isinstance(name_in_context(value), bool)
    assert isinstance(reads_as_name(value, value[:1]), bool) and isinstance(starts_unknown(value), bool)
