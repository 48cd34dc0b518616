"""``filters.regex_scan`` changes how ``re`` searches, never what it finds: every pattern of the PII
detector, searched through ``Scanned``, gives the same matches (spans, groups) as the pattern itself,
from every position a search starts at, and its ``scanning`` form finds a match wherever the pattern has
one, on the PII generator's documents of both halves, on real sentences and on text drawn from the
characters identifiers and labels are written with.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filters.pii as pii
import filters.pii_rules as pii_rules
from filters.regex_scan import Scanned, ending_gate, every_position, first_class, scanning
from tests import pii_generator as G

#: Every compiled pattern of the detector's modules (rules, hints, gates, the view's rewrites, anchors).
PATTERNS: dict[str, re.Pattern[str]] = {
    **{f"{mod.__name__}.{name}": value for mod in (pii, pii_rules) for name, value in vars(mod).items()
       if isinstance(value, re.Pattern)},
    **{f"rule {r.name}": r.pattern for r in pii_rules.RULES},
    **{f"hint {name}": h for name, h in pii_rules.HINTS.items()},
}
REAL = G.real_sentences(300)
DOCS = [c.text for half in G.HALVES for c in G.cases(120, half, 20261203, REAL)] + list(REAL[:150])
#: The characters identifiers, their separators, labels and markup are written with.
ALPHABET = st.sampled_from([*"0123456789", *"-.:/ \t\n@()[]<>|,\"'_*+", *"OlIMSRabtdomkr",
                            *"가나다이성명름함자인생님씨김박민준서연", *"담당예금주원고피고님께로길번지닷골뱅앳"])


def _matches(search: Callable[[str, int], re.Match[str] | None], text: str) -> list[tuple[object, ...]]:
    """Every match a search finds, searching again from the character after each match's start."""
    out = []
    pos = 0
    while (m := search(text, pos)) is not None:
        out.append((m.span(), m.groupdict(), m.groups(), m.string is text))
        pos = m.start() + 1
    return out


SCANS = {name: Scanned(p) for name, p in PATTERNS.items()}


def _marked(m: re.Match[str]) -> str:
    return f"<{m.start()}:{m.group()}>"


def _same_everywhere(text: str) -> None:
    for name, scanned in SCANS.items():
        pattern = scanned.pattern
        if scanned.scan is not pattern:
            assert _matches(scanned.search, text) == _matches(pattern.search, text), (name, text)
            assert [m.span() for m in scanned.finditer(text)] == [m.span() for m in pattern.finditer(text)], name
            assert scanned.sub(_marked, text) == pattern.sub(_marked, text), name
            starts = [m.start() for m in scanned.scan.finditer(text)]  # the gate's scan: a match where one starts
            assert (starts != []) is (pattern.search(text) is not None), (name, text)


def test_scanning_finds_what_every_detector_pattern_finds_on_generated_and_real_text() -> None:
    rewritten = [name for name, scanned in SCANS.items() if scanned.scan is not scanned.pattern]
    assert len(rewritten) >= 30, rewritten  # the rules that start with a lookbehind are rewritten
    for text in DOCS:
        _same_everywhere(text)


@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_scanning_finds_what_every_detector_pattern_finds_on_drawn_text(text: str) -> None:
    _same_everywhere(text)


def test_the_name_anchor_is_at_every_position_its_labels_start() -> None:
    """``name_anchor``'s three scans find what one lookahead of every label and noun finds, on the documents,
    on every Hangul word the labels and nouns are spelled with, alone, run together and after a prefix."""
    lookahead = re.compile(rf"(?=(?:{pii_rules._NAME_LABELS}|{pii_rules._PERSON_NOUN}))")
    words = sorted(set(re.findall("[가-힣]{2,}", f"{pii_rules._NAME_LABELS}|{pii_rules._NOUN_WORD}")))
    spelled = [" ".join(words), "".join(words), " ".join(f"물리{w}명" for w in words),
               "\n".join(f"({w} 명" for w in words)]
    for text in [*DOCS, *spelled, "고객명: 수신자명 담당자 김민수님", "이름이름 성 명", "교육생 명단 수강생명",
                 "인 명 자명"]:
        assert pii_rules.name_anchor(text) == [m.start() for m in lookahead.finditer(text)], text


@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_the_name_anchor_on_drawn_text(text: str) -> None:
    lookahead = re.compile(rf"(?=(?:{pii_rules._NAME_LABELS}|{pii_rules._PERSON_NOUN}))")
    assert pii_rules.name_anchor(text) == [m.start() for m in lookahead.finditer(text)]



#: The rules anchored at a fragment every match holds, with text that puts their matches where the anchor's
#: reach ends: five runs before 번지, runs split by any whitespace, a plate's region and three digits.
FRAGMENT_ANCHORED = [r for r in pii_rules.RULES if r.anchor is not None and r.anchor is not pii_rules.name_anchor]
EDGES = ["서울특별시 강남구 역삼동 123번지", "경기도\n성남시\u3000분당구\t정자동   178-1번지 101동 202호",
         "부산광역시 해운대구 우동 센텀중앙로 97", "서울시 중구 세종대로 110 서울시 종로구 종로1길 5",
         "서울 12가3456 부산123나4567 경기 3바 1234 (서울12가 3456)", "가 나 다 라 마 바 사 동 1번지",
         "서울 강남구 테헤란로 10길 5번지", "x시 y로 1 가시 나로1",
         # a name addressed or beside a contact (rules version 46): a compound surname, a space or none before the word
         # after it, the most a mobile number's name reaches back (남궁건우님 （: then the number)
         "남궁건우 고객님 김민수선생님 이서준 귀하 박서진드림 김하은 어린이가 To. 김민지 From:남궁건우 dear 김",
         "남궁건우님  （  +82-10-1234-5678 김민수: 010.1234.5678 박서진01012345678 대표 : 이영희\n대표이사: 김철\n",
         # a relation before a name (rules version 50): spaces and tabs, a word inside another, a compound surname
         "남자 친구 김민수랑 여자친구\t\t이서준이 친구친구 박서진 여동생 남궁건우한테 주치의  최하은 교수 딸 김"]


def _every_start(pattern: re.Pattern[str], text: str) -> list[int]:
    return [p for p in range(len(text) + 1) if pattern.match(text, p)]


@pytest.mark.parametrize("rule", FRAGMENT_ANCHORED, ids=lambda r: r.name)
def test_a_fragment_anchor_holds_every_position_its_rule_matches_at(rule: pii_rules.Rule) -> None:
    """An anchored rule is tried only at its anchor's positions: a position it could match at and the anchor
    missed would be an address or a plate lost with the gates closed. Fails when the reach is one run or one
    character short (``EDGES``)."""
    assert {r.name for r in FRAGMENT_ANCHORED} == {"kr_address", "kr_vehicle_plate", "kr_person_addressed",
                                                   "kr_person_contact", "kr_person_relation"}
    for text in [*DOCS, *EDGES]:
        anchored = rule.anchor(text)
        assert anchored == sorted(set(anchored)), text
        assert set(_every_start(rule.pattern, text)) <= set(anchored), (rule.name, text)


@given(st.lists(st.sampled_from([*"0123456789 \t\n-,", "서울", "시", "구", "동", "로", "길", "번지", "호", "가",
                                 "특별", "광역", "강남", "12", "바", "경기", "김", "민수", "남궁", "건우", "님", "씨",
                                 " 고객님", " 학생", "귀하", "드림", "To", ".", ":", "（", "010", "+82", "1234",
                                 "대표", "친구", "남자", "여동생", "동생", "주치의", "랑", "이랑"]),
                max_size=40).map("".join))
def test_a_fragment_anchor_on_drawn_text(text: str) -> None:
    for rule in FRAGMENT_ANCHORED:
        assert set(_every_start(rule.pattern, text)) <= set(rule.anchor(text)), (rule.name, text)


@pytest.mark.parametrize(("pattern", "gate", "text", "passes"), [
    ("[가-힣]{1,4}[자인]|간호사", r"(?=[\s\S]{0,4}[사인자])", "보호자", True),
    ("[가-힣]{1,4}[자인]|간호사", r"(?=[\s\S]{0,4}[사인자])", "간호원", False),
    ("ab?c*", "", "", False),  # may end with any of a, b, c or be one character: nothing cheaper to test
])
def test_ending_gate(pattern: str, gate: str, text: str, passes: bool) -> None:
    assert ending_gate(re.compile(pattern)) == gate
    if gate:
        assert (re.match(gate, text) is not None) is passes


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(?<!\d)\d{6}-\d{7}", r"[\d]"),
    (r"(?<![0-9])(?:\+82|0)1[016789]", "[+0]"),
    (r"(?:[A-Z]{2})?[0-9]{3}", "[0-9A-Z]"),
    (r"\b(?:성명|이\s?름)\s*:", "[성이]"),
    (r"(?=[가-힣])(?:x|[가-힣])", "[x가-힣]"),
    (r"[\]\-^\\]x", r"[\-\\\]\^]"),
])
def test_first_class_holds_every_first_character(pattern: str, expected: str) -> None:
    assert first_class(re.compile(pattern)) == expected


@pytest.mark.parametrize(("pattern", "flags"), [
    (r"(?<!\d)\d*", 0),  # may match nothing: any position
    (r"(?<!\d)[^가-힣]x", 0),  # a negated class: not a set
    (r"(?<!\d)(a?)\1x", 0),  # a back-reference first
    (r"(?<!\d).x", 0),
    (r"(?<!\d)abc", re.IGNORECASE),
])
def test_first_class_is_none_where_a_match_can_start_anywhere(pattern: str, flags: int) -> None:
    p = re.compile(pattern, flags)
    assert first_class(p) is None
    assert scanning(p) is p


def test_a_pattern_re_already_scans_is_kept() -> None:
    for pattern in (r"\d\d-\d{4}", "성명|이름", "[0-9][0-9]"):
        p = re.compile(pattern)
        assert scanning(p) is p


def test_a_scanned_pattern_gives_the_pattern_s_own_matches() -> None:
    p = re.compile(r"(?<!\d)(?P<v>\d{3})-(\d{4})(?!\d)")
    scanned = Scanned(p)
    assert scanned.scan is not p
    m = scanned.search("x 010-1234 y 02-5678 z 011-2345")
    assert m is not None and m.re is p and (m.span(), m.group("v"), m.group(2)) == ((2, 10), "010", "1234")
    assert [m.group() for m in scanned.finditer("x 010-1234 y 02-5678 z 011-2345")] == ["010-1234", "011-2345"]
    assert every_position(re.compile("ab|b")).findall("abab") == ["a", "b", "a", "b"]


def _linear_column_header(text: str, start: int, end: int) -> str | None:
    """``column_header`` as it was before stop 45: every cell of every row tried in order."""
    rows = pii_rules._table_rows(text)
    for i, cells in enumerate(rows):
        col = next((k for k, (a, b) in enumerate(cells) if a <= start and end <= b), None)
        if col is None:
            continue
        first = i
        while first > 0 and len(rows[first - 1]) == len(cells):
            first -= 1
        if first == i:
            return None
        a, b = rows[first][col]
        return None if pii_rules._VALUE_IN_CELL.search(text, a, b) else text[a:b]
    return None


TABLES = ["<table><tr><td>성명</td><td>전화</td></tr><tr><td>김민수</td><td>010-1234-5678</td></tr></table>\n"
          "이름,전화\n홍길동,010-0000-0000\n<tr><td>a,b</td><td>c</td></tr>",
          "이름\t번호\n김민수\t123\n\n이름|번호\n박지훈|456", "a,b\nc,d\n<tr><td>x</td></tr><tr><td>y</td></tr>"]


def test_column_header_by_bisection_is_the_linear_search() -> None:
    """``column_header`` finds a span's row by bisection over the rows' starts (``_table_index``): the same
    header as trying every cell of every row, for every span of every cell and between cells, on the
    documents and on HTML rows before and after delimited lines (a comma inside an HTML cell too)."""
    checked = 0
    for text in [*DOCS, *TABLES]:
        spans = {(a, b) for row in pii_rules._table_rows(text) for a, b in row if b > a}
        spans |= {(a, min(len(text), a + 3)) for a, _ in spans}
        spans |= {(max(0, b - 2), min(len(text), b + 2)) for _, b in spans}
        for a, b in sorted(spans):
            assert pii_rules.column_header(text, a, b) == _linear_column_header(text, a, b), (text, a, b)
            checked += 1
    assert checked > 1000


def _reference_rows(text: str) -> list[list[tuple[int, int]]]:
    """``pii_rules._rows`` as it was written before stop 53 (a line's delimiter: the first of tab, pipe, comma
    and semicolon it counts at least once, in a generator per line)."""
    rows: list[list[tuple[int, int]]] = []
    last = 0
    for m in re.finditer(r"<tr[^>]*>(.*?)</tr>", text, re.IGNORECASE | re.DOTALL):
        if "</table>" in text[last:m.start()].lower():
            rows.append([])
        rows.append([(c.start(1), c.end(1)) for c in pii_rules._HTML_CELL.finditer(text, m.start(1), m.end(1))])
        last = m.end()
    rows.append([])
    pos, last_delim = 0, None
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        delim = next((d for d in ("\t", "|", ",", ";") if line.count(d) >= 1), None)
        parts = line.split(delim) if delim is not None else []
        if delim is None or not line.strip() or any(len(p) > pii_rules._CELL_MAX for p in parts):
            rows.append([])
            last_delim = None
            continue
        if last_delim is not None and delim != last_delim:
            rows.append([])
        last_delim = delim
        cells, at = [], start
        for part in parts:
            cells.append((at, at + len(part)))
            at += len(part) + 1
        rows.append(cells)
    return rows


_ROW_PIECES = st.sampled_from(["\t", "|", ",", ";", "\n", " ", "a", "김민수", "010-1234", "x" * 30, "y" * 19,
                               "<tr><td>이름</td><td>a,b</td></tr>", "</table>", "\r"])


@given(st.lists(_ROW_PIECES, max_size=40).map("".join))
def test_table_rows_are_the_reference_s(text: str) -> None:
    assert pii_rules._rows(text) == _reference_rows(text), text


def test_table_rows_on_the_tables_and_documents() -> None:
    for text in [*DOCS, *TABLES]:
        assert pii_rules._rows(text) == _reference_rows(text), text
