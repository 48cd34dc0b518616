"""The project's Korean PII recognizers, its Korean context enhancer and the context words.

Each rule is a regex with the value in group ``v``, run on the *detection view* of a text
(``filters.pii.detection_view``: full-width forms, long dashes and Korean digit words turned into
ASCII one character for one, so offsets are the text's own). Grouped numbers allow every separator
people type: a hyphen or dot with or without spaces, spaces, a line break, a JSON ``\\n``.

A rule's base score says how far its shape alone is evidence: a checksum or a distinctive shape
scores at least ``MIN_SCORE`` (0.5) on its own; a bare number with neither (a passport, an account,
a health-insurance number, a 12-digit number without separators) scores below it and is found only
when ``KoreanContextEnhancer`` sees its label. Validators return True (raise to 0.85 or more), None
(keep the base score) or False (reject).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final

from filters.name_model import reads_as_name, starts_unknown
from filters.pii_gates import is_open, scan_of
from filters.pii_spec import MIN_SCORE
from filters.presidio_import import AnalysisExplanation, ContextAwareEnhancer, EntityRecognizer, RecognizerResult
from filters.regex_scan import Scanned, ending_gate, every_position, scanning

#: Recorded with every finding, so findings of an older detector can be told apart.
#: 3: stop 28 (digit words across dashes and line breaks, URL labels, particles, ties); 4: stop 29 (separators
#: and e-mail obfuscations as classes, names in table columns, labels spaced as people space them).
#: 5: stop 31 (whitespace as a Unicode class, a comma between groups where a checksum or shape holds, digit
#: words mixed with digits, 닷컴, labels across markup, financial institutions, person-noun labels).
#: 6: stop 31, second round (runs of joiners and a wrapped line's indent, letters typed for digits, HTML
#: references of @ and the dot, older health-insurance names, BBCode and code spans around names, numbers
#: do not cross a TSV row's cells).
#: 7: stop 31, third round (a wrapped line's indent, the Korean @ word spaced or bracketed, l for 1, the
#: copula's particles after names, LaTeX and hashtags around names, dotted quads are not accounts, plate
#: regions with a space, TSV tables by their rows). 8 to 11: stops 33 to 36 (docs/pii.md, per round).
#: 12: stop 37 (a bar in a pipe-delimited table row is a cell border, an underline before a plate, a
#: name before 이었 and a longer ending). 13: stop 37 ([[at]], a name label with 명 after it, a group of
#: digit words spelled one at a time before a particle). 14: stop 37 (the ideographic comma between groups,
#: at and dot words between hyphens, a symbol the text explains as the @). 15: stop 38 (digits spaced
#: inside their groups, the @ word in quotes or shortened to 골뱅, a percent-encoded dot, an HTML comment or
#: empty span inside an address, a case particle with an auxiliary one after a name, plain person nouns
#: such as 동문 before a name). 16: stop 38 (HTML character references read as the page shows them, every
#: Unicode decimal digit as a digit, a dot and a hyphen between groups, ⓐ for the @, an address
#: concatenated in code, 으로서 after a name). 17: stop 38 (JSON escapes of characters, circled digits, the won
#: sign between groups, a hyphen or a dot between every two digits, the @ word in CJK brackets). 18: stop 38
#: (any two marks between groups, an image whose alternative text is the @, professions in 사 as person
#: nouns). 19: stop 38 (a bare :: is no IP address; what was reported on the seventeenth half otherwise).
#: 20: stop 38 (the full-width bar as a joiner, [@], 쩜 씨오 쩜 케이알, an address wholly percent-encoded, a
#: noun in 생 with 명 as a label, a name closed by <br>, a lone joiner keeps its tabs with the gates open
#: or closed, a checksum that holds crosses a TSV row's cells). 21 to 32: stops 39 to 42 (docs/pii.md).
#: 33: stop 43 (no rule changed: every pattern searched from the characters its matches start with, the
#: same findings; the IP gate lets a leading :: through, which it had lost). 34: stop 43 (the twenty-eighth
#: half in tuning, the twenty-ninth read: docs/pii.md). 35: stop 44 (any symbol or punctuation mark between two
#: digits a separator, by its Unicode class: ``filters.pii._symbols``). 36: stop 44 (the twenty-ninth half in
#: tuning, its dev profile read; the thirtieth written: docs/pii.md). 37: stop 44 (the thirtieth read). 38: stop 51
#: (the thirtieth in tuning, the thirty-first written and read). 39: stop 54 (the thirty-first in tuning, the
#: thirty-second written and read). 40: stop 54 (the thirty-second in tuning, the thirty-third written and read).
#: 41 to 46: stops 55 to 57 (docs/pii.md). 47: stop 59 (the thirty-seventh half in tuning, the thirty-eighth written
#: and read: a negative label inside a word that is none, 리모델링).
#: 48: stop 61 (names in a context outside the list of given-name syllables, read by ``filters.name_model``). 49: stop
#: 61 (the names' held-out half read: roles after and nouns before a name, salutations, titles with 님). 50: stop 62
#: (the third names half read: relations before a name, kin, ranks and offices after it, a chat line run into the text).
RULES_VERSION: Final = 50
WINDOW: Final = 24  # characters before a match searched for a label
AFTER_WINDOW: Final = 14  # characters after a match searched for a label written after it
NEGATIVE_WINDOW: Final = 16  # a label that marks a number as something else must stand this close
CONTEXT_FACTOR: Final = 0.35  # Presidio's default context_similarity_factor
MIN_WITH_CONTEXT: Final = 0.6  # a labelled weak pattern passes MIN_SCORE
BEFORE_BONUS: Final = 0.05  # ... and a little more when its label stands before it

#: Korean deposit-taking institutions (the Financial Supervisory Service's categories, not the generator's
#: labels): a word that names one labels an account. The generic words of their names (은행, 뱅크, 금고,
#: 증권, 저축은행: every commercial, regional, internet and savings bank), the cooperatives and the post
#: office, the banks' Latin brands, and securities firms (CMA accounts). Not the bare first words of bank
#: names: 우리 (we), 하나 (one), 국민 (citizens), 기업 (company), 산업 (industry), 카카오 (the messenger)
#: and the regional banks' cities are everyday words.
FINANCIAL_INSTITUTIONS: Final = (
    "은행", "뱅크", "금고", "증권", "농협", "수협", "신협", "산림조합", "우체국", "새마을",
    "KB", "NH", "IBK", "KDB", "SC제일", "씨티", "iM", "미래에셋", "키움", "CMA",
)

#: Korean labels per entity (raise the score); merged with each Presidio recognizer's own context.
CONTEXT: Final = {
    # ... and No for 번호 (법인No., 주민 No: rules version 31)
    "KR_RRN": ("주민등록번호", "주민번호", "주민등록", "생년월일", "주민 No", "주민 NO"),
    "KR_FRN": ("외국인등록번호", "외국인등록", "외국인 등록", "외국인번호", "외국인 No", "외국인 NO"),
    # and its English abbreviation and name (0000000000 (BRN), Business No.: rules version 30)
    "KR_BRN": ("사업자등록번호", "사업자번호", "사업자 등록", "사업자", "BRN", "Business No", "Business Registration"),
    "KR_CRN": ("법인등록번호", "법인번호", "법인 등록", "법인 No", "법인 NO"),
    "KR_PASSPORT": ("여권번호", "여권", "passport", "Passport", "PASSPORT", "패스포트"),  # the loanword too: 36
    # and the English abbreviation forms print (DL No.: rules version 26)
    "KR_DRIVER_LICENSE": ("운전면허", "면허번호", "면허증", "면허", "DL No", "DL NO", "Driver", "driver", "DRIVER"),
    "KR_HEALTH_INSURANCE": ("건강보험", "건보", "보험증", "의료보험", "의료급여"),
    "PHONE_NUMBER": (
        "전화",
        "연락처",
        "연락",
        "휴대폰",
        "핸드폰",
        "휴대전화",
        "문의",
        "TEL",
        "Tel",
        "tel",
        # rules version 27 (02-1000-0000 (문자): the number to text; 폰번호, 전번, ☏)
        "문자",
        "폰",
        "전번",
        "☏",
        "Cell",
        "Phone",  # rules version 26 (010-0000-0000 (Phone No.))
        "phone",
        "PHONE",
        "☎",
        "H.P",
        "HP",
        "Mobile",
        "mobile",
        "팩스",
        "FAX",
        "Fax",
    ),
    "EMAIL_ADDRESS": ("이메일", "메일", "E-mail", "e-mail", "Email", "email"),
    "CREDIT_CARD": ("카드번호", "신용카드", "체크카드", "카드"),
    "KR_BANK_ACCOUNT": ("계좌", "입금", "예금주", "송금", "이체", "환불", *FINANCIAL_INSTITUTIONS),
    "KR_ADDRESS": ("주소", "소재지", "거주지", "배송지"),
    "IP_ADDRESS": ("IP", "ip", "아이피"),
    "KR_VEHICLE_PLATE": ("차량번호", "차 번호", "차번호", "번호판"),
}
#: The labels that name one identifier type and no other: a match of another type whose nearest label
#: is one of these (a corporate number whose digits also pass the resident-number checksum, after
#: 법인등록번호) is capped below ``MIN_SCORE``.
TYPE_LABELS: Final = {
    "KR_RRN": ("주민등록번호", "주민번호"),
    "KR_FRN": ("외국인등록번호", "외국인 등록번호", "외국인번호"),
    "KR_CRN": ("법인등록번호", "법인번호"),
    "KR_BRN": ("사업자등록번호", "사업자번호", "사업자 등록번호"),
    "KR_PASSPORT": ("여권번호",),
    "KR_DRIVER_LICENSE": ("운전면허번호", "면허번호"),
    "KR_HEALTH_INSURANCE": ("건강보험증", "건강보험번호", "보험증 번호",
                            # rules version 27
                            "건강보험 번호", "의료보험증", "의료보험 번호", "의료보험번호", "건보 번호", "건보번호",
                            # rules version 31 (건보 증번호 before an account word: 입금 확인했습니다)
                            "건보증",
                            # rules version 36 (보험증 No (1-0000000000) 입금 확인했습니다)
                            "보험증 No"),
    "CREDIT_CARD": ("카드번호",),
    "KR_BANK_ACCOUNT": ("계좌번호",),
}
#: How far markup or code (no Hangul in it) may separate a value from the label before or after it.
MARKUP_REACH: Final = 120
#: Labels that mark the number right after them as something else (nearest label wins).
NEGATIVE_CONTEXT: Final = (
    "모델",
    "제품번호",
    "품번",
    "부품번호",
    "시리얼",
    "S/N",
    "SN:",
    "일련번호",
    "규격",
    "사건번호",
    "ISO",
    "KS ",
    "IEC",
    "도면번호",
    "주문번호",
    "주문 번호",
    "송장",
    "운송장",
    "ISBN",
    "doi",
    "DOI",
    "버전",
    "version",
    "Version",
    "좌표",
    "관리번호",
    "접수번호",
    "상품번호",
    "Order",
)
#: Words that hold a negative label without being one (rules version 47): 리모델링 and 모델링 (remodelling,
#: modelling) are no product's model, 모델하우스 a show flat, 규격화 standardization; a number after them is
#: not a model's or a standard's (the thirty-eighth half's 32평 전체 리모델링 before every identifier).
NEGATIVE_CONTEXT_WORDS_NOT: Final = ("모델링", "모델하우스", "규격화")

#: Common surnames (about 99% of the population): a party named in a judgment starts with one.
_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지"
    "엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부"
    # (and rarer ones of the census: 태, 빈, 복, 좌: rules version 50; not 감, 피, 목, 음, 온 or 범, which read 감정인,
    # 피고인, 목록에, 음성, 온라인 and 범죄로 as names in the statutes, nor 가, 시, 동, 두, 형 or 호, which start more
    # words still)
    "태빈복좌"
)
#: A surname where a name starts: the compound surnames too (남궁건우 고객님, 황보하늘: rules version 46; only the
#: spaced rule read them until then, 남궁 민수).
_COMPOUND_SURNAME_WORDS: Final = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방")
_COMPOUND_SURNAMES: Final = f"(?:{'|'.join(_COMPOUND_SURNAME_WORDS)})"
_SURNAME: Final = f"(?:{_COMPOUND_SURNAMES}|[{_SURNAMES}])"
_ORGANISATION = re.compile(r"회사|법인|공사|공단|조합|재단|협회|은행|병원|학교|국가")
#: The regions that start an older vehicle plate (부산 12가3456), a space after them or none.
_REGIONS: Final = "서울|경기|부산|인천|대구|대전|광주|울산|세종|강원|충북|충남|전북|전남|경북|경남|제주"
_PLATE_SYLLABLES = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호배"
#: Office titles a company's staff are named with (rules version 45); the rule takes 대리 (also a proxy) and 사원
#: (also a member) only with 님.
_OFFICE_TITLES: Final = "주임|과장|차장|부장|팀장|실장|계장|주무관|매니저"
#: A name after these is a public figure in news or a review (배우 이아현 씨, 가수 김원준 씨): not
#: redacted, as training teams want public figures' names kept.
_PUBLIC_ROLES: Final = re.compile(
    r"(?:배우|가수|개그맨|개그우먼|코미디언|방송인|아나운서|앵커|감독|선수|작가|"
    r"시인|화가|대통령|총리|장관|의원|시장|도지사|회장|총수|대표|교수|박사|MC|아이돌|멤버)\s*$"
)
#: Words before 님/씨 that are roles or common nouns, not names (고객님, 사장님, 선생님 ...).
_NOT_NAMES = frozenset(
    (
        "고객",
        "선생",
        "사장",
        "회원",
        "부장",
        "과장",
        "차장",
        "대리",
        "팀장",
        "기사",
        "교수",
        "의사",
        "간호",
        "주인",
        "이모",
        "삼촌",
        "언니",
        "오빠",
        "형님",
        "누님",
        "아버",
        "어머",
        "할머",
        "할아",
        "손님",
        "작가",
        "감독",
        "대표",
        "원장",
        "실장",
        "소장",
        "국장",
        "회장",
        "총장",
        "판사",
        "검사",
        "변호",
        "목사",
        "스님",
        "신부",
        "수녀",
        "반장",
        "조장",
        "점장",
        "매니",
        "관리",
        "상담",
        "구매",
        "판매",
        "이웃",
        "여러",
        "모든",
        "각각",
        "어르",
        "주민",
        "학생",
        "부모",
        "친구",
        "동생",
        "마음",
        "김모",
        "이모",
        "박모",
        "최모",
        "정모",
        # seniors, juniors and in-laws a person calls by their role (동문 선배님께: rules version 15)
        "선배",
        "후배",
        "선수",
        "장모",
        "장인",
        "이장",  # the village head (이장님, 구장님)
        "구장",
    )
)

#: Words that stand where a form's value goes and begin with a surname's syllable (정보, 이번, 미정): not
#: names.
_FORM_WORDS: Final = frozenset((
    "정보", "이번", "전체", "기타", "명단", "미정", "변경", "정상", "조회", "신규", "선택", "성별", "주소", "연락처",
    "이상", "이하", "이름", "성명", "성함", "전화", "번호", "서명", "본인", "대리인", "공란", "해당", "하단", "상단",
    "별첨", "별도", "전원", "모두", "다수", "미상", "미기재", "국적", "주민", "여권", "한국", "이메일", "장소", "일시",
    "구분", "금액", "제목", "나이", "소속", "부서", "부서명", "연령", "학년", "사유", "용도", "기간", "직위",
    "생년월일", "명의", "명부", "명세",  # 예금주 명의로: in whose name, not a name (rules version 13)
    "담당", "확인", "결과", "인원", "예정", "완료", "진행", "접수", "처리", "대기", "승인", "반려", "취소", "비고",
    # the regions that start a vehicle plate (경기50너5678)
    "서울", "경기", "부산", "인천", "대구", "대전", "광주", "울산", "세종", "강원", "충북", "충남", "전북", "전남",
    "경북", "경남", "제주",
    # ... and the provinces and cities that start an address
    "경기도", "강원도", "제주도", "충청북도", "충청남도", "전라북도", "전라남도", "경상북도", "경상남도",
    "서울시", "부산시", "인천시", "대구시", "대전시", "광주시", "울산시", "세종시",
    # a board's author where no person is named (작성자: 관리자, 글쓴이: 익명: rules version 46)
    "관리자", "운영자", "운영진", "익명", "비회원", "게스트", "방문자", "고객센터", "관리팀", "운영팀",
    # ... and words that read as a surname and a given name once names with 늘 and 건 were read, or once roles after a
    # name were (오늘은 선생님 차례, 계속중인 사건은, 차라리 환자가, 국정원 직원은, 사업 이용은 회원의, 경우나 환자가:
    # rules version 46)
    "오늘", "사건", "차라리", "국정원", "이용", "지원", "경우",
    # a time's half of the day, as a chat export's line stands it in brackets after the speaker's ([김민수] [오후
    # 3:12]: rules version 50)
    "오전", "오후",
))
#: A verb's connective ending, what follows its one-syllable stem in a word read as a surname and two syllables
#: (하다가 할머니께서, 보면서 병장이: rules version 50); no given name is one.
_CONNECTIVE_ENDINGS: Final = frozenset(("다가", "니까", "면서", "는데", "려고", "으러", "다고", "도록", "더니", "거나",
                                        "지만", "어서", "아서", "으면", "으니", "다며", "자고", "라고", "든지", "고서",
                                        "으며", "던데", "길래", "느라",
                                        # ... and a 하다 verb's (딸 위해서: rules version 50)
                                        "해서", "해도", "하여", "하고", "하면"))


_FIELD_PARTICLES: Final = frozenset("에은는이가을를도의나만와과로")
#: Given names that end in the particle 은's syllable: 이하은 is a name, not the form word 이하 and 은.
_GIVEN_NAMES_IN_EUN: Final = frozenset(("하은", "지은", "서은", "다은", "가은", "예은", "채은", "수은", "소은", "혜은",
                                        "나은", "시은", "유은", "연은", "주은"))


def _form_word(value: str) -> bool:
    """A form word, or a form's field named by one (서명란, 확인란, 기재칸: the box where it goes), with a
    particle after it or not (서명란에): what stands after a person's label on a blank form (매수인 서명란),
    not a name (rules version 10)."""
    def field(word: str) -> bool:
        return len(word) >= 3 and word[-1] in "란칸" and word[:-1] in _FORM_WORDS

    return value in _FORM_WORDS or field(value) or (value[-1:] in _FIELD_PARTICLES and (
        field(value[:-1]) or (value[:-1] in _FORM_WORDS and value[1:] not in _GIVEN_NAMES_IN_EUN)))

#: The syllables Korean given names are mostly made of (민준, 서연, 지훈, 영희, 철수, ...): a name set off
#: from a person noun by a space only must be a surname and two of these.
_GIVEN_SYLLABLES: Final = ("가경규근기나남다도동라란래린명미민범병보빈상서석선성세소"
                           "수숙순슬승시아연영예옥완용우운웅원유윤율은인재정종주준중"
                           "지진찬채철태하한해혁현형혜호홍화환효훈희"
                           # (and twelve more, read from the thirty-eighth half's names: 건우, 하늘, 동욱, 광수,
                           # 덕희, ...; not 로, 비, 만, 일, 식, 국 or 대, which read 오로지, 경비원, 경우만, 선정일,
                           # 정규식, 문화국 and 부대나 in the corpora: rules version 46)
                           "건리늘욱창광덕헌길휘균결")
_NARROW_GIVEN: Final = frozenset(_GIVEN_SYLLABLES)
#: Two syllables of a given name where a context says a name stands (a role, an honorific, a party's word, a sign-off):
#: any two; those with a syllable outside ``_GIVEN_SYLLABLES`` are the name model's to decide (rules version 48:
#: 문로운 학생, 배은비 환자분 and 곽덕희 간호사 were never read, as 로, 비 and 덕 are outside the list).
_GIVEN_PAIR: Final = "[가-힣]{2}"


def name_in_context(value: str) -> bool:
    """A surname and two syllables a context reads as a name: the syllables given names are mostly made of, or
    what ``filters.name_model`` reads as a name (one proper noun or unknown word, or the surname then content words)."""
    surname = value[:2] if len(value) == 4 and value[:2] in _COMPOUND_SURNAME_WORDS else value[:1]
    return all(s in _NARROW_GIVEN for s in value[len(surname):]) or reads_as_name(value, surname)


#: Labels of a person's name on forms, in tables and in messages (a space may stand inside: 성 명): words of
#: their own, a person noun and 명 (수신자명, 교육생 명), a member's 원명 or a Latin field name.
_LABEL_WORDS: Final = ("성\\s?명|이\\s?름|성함|담당자|작성자|신청인|신청자|대표자|예금주|수신자|수신인|발신인|보호자|"
                       "환자명|고객명|수령인|수취인|주문자|구매자|계약자|가입자|피보험자|세대주|받는\\s?분|보내는\\s?분"
                       "|받는\\s?사람|보내는\\s?사람"
                       # (a letter's and a board's: 받는이, 보낸이, 글쓴이: rules version 46)
                       "|받는\\s?이|보낸\\s?이|보내는\\s?이|글쓴이")
_NOUN_LABEL: Final = "(?:[가-힣]{1,4}[자인]|[가-힣]{0,3}[학강육수입업시험련습선장원]생)\\s?명"
_OTHER_LABELS: Final = ("(?:회|직|사|팀|조합|교직|구성)원\\s?명"
                        # (not a markup attribute's name=", whose value names a field, not a person: form-data;
                        # name="차량 번호": rules version 44)
                        "|(?<![A-Za-z/])(?:[Ff]ull_?|[Cc]ustomer_?|[Uu]ser_?)?(?:name|Name|NAME)(?![A-Za-z])"
                        r"(?![ \t]?=[ \t]?\\?[\"'])")
_NAME_LABELS = (f"(?:{_LABEL_WORDS}|{_NOUN_LABEL}|{_OTHER_LABELS})"
                # ... with 명 after it (예금주명, 담당자 명: rules version 13), not 명의 or 명단
                "(?:\\s?명(?![가-힣]))?")
#: A noun for a person's role in a form, by its suffix rather than by a list (인수자, 참석자, 보증인,
#: 위임인, 수강생, 교육생): a name after it is taken after a colon, a bracket, quotes or a hashtag, or where markup
#: separates them and the noun stands where a form's label stands; a common surname starts the name.
_NOUN_SUFFIX: Final = "자인생"
#: ... 생 only after the syllables of the nouns for learners and teachers (학생, 수강생, 교육생, 연수생,
#: 수험생, 선생), not 발생, 출생 or 인생.
#: Nouns for a member or a client with none of those suffixes (동문: **김지민**, 회원 「박수빈」): rules
#: version 15; and for a teacher (담당 선생님: 홍영희): 17.
#: The last words of the nouns written with a space inside (작업 치료사, 심리 상담사: rules version 42).
_SPACED_NOUN_WORDS: Final = "치료사|상담사"
_PLAIN_NOUNS: Final = ("동문|동기|회원|고객|손님|환자|선생님|선생|담임|강사|교사|상담원"
                       # and for a profession in 사 (담당 간호사: 권도윤: rules version 18), not 회사 or 검사
                       "|간호사|의사|약사|기사|변호사|세무사|노무사|상담사|치료사|설계사|미용사|조리사"
                       # and for who serves a client at a school, a gym or a shop (담당 코치: 오유진: rules version 28);
                       # not a company's titles (팀장, 실장), which news writes before an actor's name in brackets
                       "|코치|트레이너|매니저|원장"
                       # and a profession's word with what it treats or serves before it (물리치료사, 심리상담사,
                       # 수간호사, 보육교사, 사회복지사: rules version 31; 수의사, 한의사: 34); not 기사, as 신문기사
                       # is an article
                       # and the other national licences in 사, by their last word (치위생사, 방사선사, 임상병리사,
                       # 공인중개사, 손해사정사, 요양보호사, 응급구조사: rules version 40); not 조산사, which statutes
                       # write with its older name in brackets, 조산사(조산원), read then as a name (조 is a surname).
                       # Tried only where a 사 stands within six syllables: the name rules try their nouns at every
                       # person noun's start (a twentieth of the detector's time on crawl pages without the test)
                       "|[가-힣]{1,3}(?:치료사|상담사|간호사|교사|강사|의사)"
                       # (a therapist's or counsellor's with its object spaced apart, as it is often written: 작업
                       # 치료사, 심리 상담사: rules version 42)
                       f"|[가-힣]{{2,3}} (?:{_SPACED_NOUN_WORDS})"
                       "|(?=[가-힣]{0,5}사)(?:[가-힣]{1,3})?(?:복지사|영양사|위생사|방사선사|병리사|안경사|기공사|구조사"
                       "|기록사|재활사|보호사|회계사|법무사|관세사|변리사|중개사|건축사|기술사|평가사|사정사|지도사"
                       # (and the other national qualifications in 사 people are addressed by: 반려견 훈련사, 제빵사,
                       # 자동차 정비사, 통역사: rules version 43)
                       "|훈련사|조련사|사육사|제빵사|정비사|통역사|항해사|기관사|조종사|이용사|측량사)")
#: Not the everyday words in 인 that a form's buttons and notes hold (확인, 승인: a button's 확인</button> then
#: 사다리차 was a name after a label, 1,060 findings on nothing planted in the twenty-second half: rules version 25),
#: nor the things in 자 (숫자, 문자, 영문자, 글자, 한자, not 방문자: ``(여권 번호(영문/숫자)) 선착순 마감`` read
#: 선착순 as a name: 36).
_SUFFIX_NOUN: Final = (r"(?!(?:확|승|원|요|용|시)인(?![가-힣]))"
                       r"(?!(?:숫|문|글|액|한|과|영문|소문|대문|특수문)자(?![가-힣]))[가-힣]{1,4}[자인]"
                       r"|[가-힣]{0,3}[학강육수입업시험련습선장원]생")
_NOUN_WORD: Final = rf"{_SUFFIX_NOUN}|{_PLAIN_NOUNS}"
#: The parties of a contract, a filing or a judgment whose word ends in 인 (人): no copula reads them (the
#: 인 of 주연인 송윤아 is; 보증 and 위임 name no one), so a name may follow them mid-sentence (경위서 위임인 김민수
#: 사고: rules version 31). Not 증인: statutes speak of any witness (증인 현재지의 지방법원, the one such
#: match in 20,000 documents of every corpus).
_PARTY_NOUNS: Final = ("(?:법정|소송)?대리인|(?:연대)?보증인|위임인|(?:피)?신청인|(?:피)?상속인|참고인|의뢰인"
                       "|위탁인|수탁인|수취인|수령인|발송인|송금인|(?:피)?청구인|피고인|(?:피)?고소인|고발인|임대인"
                       "|임차인|양도인|양수인|매도인|매수인|관리인|추천인|후견인|보호인|변호인|중개인|명의인|신고인"
                       "|(?:피)?진정인|탄원인")
#: How a person noun ends: a hint's test.
_NOUN_END: Final = rf"(?:[{_NOUN_SUFFIX}]|{_PLAIN_NOUNS})"
#: ... with the honorific 님 after it too (담당 강사님: 김미경: rules version 29).
_PERSON_NOUN: Final = rf"(?<![가-힣])(?:{_NOUN_WORD})님?"
#: Where a form's label stands: at a line's start, or after a symbol (and a space).
_LABEL_AT: Final = r"(?:(?<![^\n])|(?<=[^\w\s])|(?<=[^\w\s][ \t]))"
#: ... or after one word that stands there and qualifies the noun (<label>담당 선생님:</label>: rules version 17).
#: ... a symbol and a space before that word too (# 신청 학생: in a TOML comment: rules version 21).
_LABEL_AT_QUALIFIED: Final = (r"(?:(?<=[^\w\s][가-힣] )|(?<=[^\w\s][가-힣]{2} )|(?<=[^\w\s][가-힣]{3} )"
                              r"|(?<=[^\w\s] [가-힣] )|(?<=[^\w\s] [가-힣]{2} )|(?<=[^\w\s] [가-힣]{3} )"
                              r"|(?<=\n[가-힣] )|(?<=\n[가-힣]{2} )|(?<=\n[가-힣]{3} ))")
#: Every Hangul label of an identifier: a label is never a name (신청인 정보: 주민번호 ...).
_ANY_LABEL: Final = "|".join(sorted({w.replace(" ", "") for ws in CONTEXT.values() for w in ws
                                     if re.fullmatch("[가-힣 ]+", w)}, key=len, reverse=True))
#: A person noun that a name follows is a label, not a name (신청인 정보: 인수자 송민수, -- 인수자\n... '신수빈').
_NOT_A_LABEL: Final = (rf"(?![가-힣]{{0,3}}{_NOUN_END}(?![가-힣])[^가-힣\n]{{0,3}}\n?[^가-힣]{{0,60}}?"
                       rf"{_SURNAME}[가-힣])")
#: ... but a given name ends in 인 too (최다인, 제갈다인): such a word between a label and the name a rule took, which
#: the name model reads as a name (not 수취인, 위임인, 연예인: Kiwi's words), is the name, and what followed it is not
#: (수취인 성함 #최다인 #공유 read 공유, a hashtag's word, and missed 최다인: rules version 49).
_NAME_IN_IN: Final = re.compile(rf"(?<![가-힣])(?P<s>{_SURNAME})[가-힣]인(?![가-힣])")
_READS_PAST_NOUNS: Final = frozenset({"kr_person_labelled", "kr_person_markup"})
_PARTY_OR_LABEL: Final = re.compile(f"(?:{_PARTY_NOUNS}|{_NAME_LABELS}|{_ANY_LABEL})")


def name_read_as_noun(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the last word in 인 between ``start`` and ``end`` (a surname, a syllable and 인) that is a name:
    never a party's noun or a label; of the syllables given names are mostly made of (not 공증인, which Kiwi reads as
    a proper noun), and read by the name model as a name or by Kiwi as starting with a word it does not know (제갈다인
    as 제갈다 + 이 + ㄴ; not 연예인, a known word, nor 이하인, 이하 + 이 + ㄴ)."""
    for m in reversed(list(_NAME_IN_IN.finditer(text, start, end))):
        word, surname = m.group(), m.group("s")
        if _PARTY_OR_LABEL.fullmatch(word):
            continue
        if all(c in _NARROW_GIVEN for c in word[len(surname):]) and (starts_unknown(word)
                                                                      or reads_as_name(word, surname)):
            return m.span()
    return None


#: A name label that is a word of its own, a member's 원명 or a Latin field name, at every position it starts.
_LABEL_STARTS: Final = every_position(re.compile(f"(?:{_LABEL_WORDS}|{_OTHER_LABELS})"))
#: Where a noun label ends (the 자, 인 or 생 before 명): its start is one to four characters before.
_NOUN_LABEL_END: Final = re.compile(r"[자인생]\s?명")
_NOUN_LABEL_AT: Final = re.compile(_NOUN_LABEL)
#: The character before a person noun that starts a word (``_PERSON_NOUN``), with a cheap test first: one of
#: the syllables a noun ends with within its length.
_BEFORE_NOUN: Final = re.compile(rf"[^가-힣]{ending_gate(re.compile(_NOUN_WORD), '[가-힣]')}(?=(?:{_NOUN_WORD}))")
#: The last word of a noun with a space inside (작업 치료사), searched as a literal: its start is the space before it
#: and the word's two or three syllables before that. The gate above, made of syllables only, cannot see across the
#: space (made of syllables and spaces, it let through a fifth more positions).
_SPACED_NOUN_END: Final = re.compile(_SPACED_NOUN_WORDS)
_NOUN_AT: Final = re.compile(_NOUN_WORD)


def name_anchor(text: str) -> list[int]:
    """Every position where a name label or a person noun starts (overlapping ones too), in ascending order:
    what ``(?=(?:{_NAME_LABELS}|{_PERSON_NOUN}))`` finds, in three scans that ``re`` makes fast instead of a
    long alternation tried at every syllable (a third of the name rules' time, stop 43). A noun label is found
    back from its 명, a noun from the character before it, a word of its own from its first character."""
    out = {m.start() for m in _LABEL_STARTS.finditer(text)}
    for m in _NOUN_LABEL_END.finditer(text):
        out.update(p for p in range(max(0, m.start() - 4), m.start()) if _NOUN_LABEL_AT.match(text, p))
    out.update(m.start() + 1 for m in _BEFORE_NOUN.finditer(text))
    for m in _SPACED_NOUN_END.finditer(text):
        if m.start() >= 3 and text[m.start() - 1] == " ":
            out.update(p for p in range(max(0, m.start() - 4), m.start() - 2)
                       if (p == 0 or not "가" <= text[p - 1] <= "힣") and _NOUN_AT.match(text, p))
    if _NOUN_AT.match(text):
        out.add(0)
    return sorted(out)


#: A province or a metropolitan city, by its suffix.
#: ... or by its short name, as people write an address (서울 강남구 ..., 경북 포항시 ...: rules version 46).
_PROVINCE: Final = rf"(?:[가-힣]{{1,8}}(?:특별시|광역시|특별자치시|특별자치도|도)|(?:{_REGIONS})(?![가-힣]))"
#: A road address's reference item: its 동, 가 or 리 in brackets, an apartment complex's name after a comma too.
_REFERENCE_TOWN: Final = r"(?:\s?[(（][가-힣0-9·]{1,12}[동가리](?:,[ \t]?[가-힣0-9A-Za-z ]{1,20})?[)）])"
#: A lot number's town (읍 or 면, then 동 or 리) before the number, on one line.
_LOT_TOWN: Final = r"(?:[가-힣]{1,8}(?:읍|면)[ \t]+)?[가-힣]{1,8}(?:동|리)[ \t]+"
#: ... and what does not follow a lot number: another digit, or a counter or unit (3곳, 2명, 1600 m).
_NO_COUNT: Final = r"(?![0-9-]|[ \t]?(?:[명개곳건층년월일세살원만천억위등차회번%]|km|m(?![A-Za-z])))"
#: Where an address's road name ends before its number, or a lot number's 번지 stands, or its 동 or 리 before a lot
#: number written without 번지 (rules version 45): every address has one.
_ADDRESS_AT: Final = re.compile(r"[로길]\s*\d|번지|[동리][ \t]+\d")
#: A Hangul run's first character: where an address starts.
_HANGUL_RUN_START: Final = re.compile(r"(?<![가-힣])[가-힣]")
#: An address is at most five whitespace-separated runs up to its 로, 길 or 번지: a province, two cities or a
#: city and a district, a road or a 동, and the lot's number (서울특별시 강남구 역삼동 123번지). Read backwards
#: from there: the rest of its run and four more.
_ADDRESS_RUNS_BACK: Final = re.compile(r"\S*(?:\s+\S*){0,4}")


def address_anchor(text: str) -> list[int]:
    """Every position an address can start at, ascending: the first character of each Hangul run within the
    five whitespace-separated runs that end at a road's 로 or 길 before its number, or at 번지. The address
    pattern starts at every Hangul word and tried there in full it cost a twelfth of the detector's time on
    crawl pages, whose footers pass its hint (stop 45)."""
    out: list[int] = []
    done = 0  # candidates before this position are already out
    backwards = None
    for m in _ADDRESS_AT.finditer(text):
        at = m.start()
        if backwards is None:
            backwards = text[::-1]
        back = _ADDRESS_RUNS_BACK.match(backwards, len(text) - at).end() - (len(text) - at)
        out.extend(h.start() for h in _HANGUL_RUN_START.finditer(text, max(at - back, done), at + 1))
        done = at + 1
    return out


#: A vehicle plate's last number before its syllable (12가3456): every plate has one.
_PLATE_AT: Final = re.compile(rf"\d ?[{_PLATE_SYLLABLES}]")
#: A plate starts at most this many characters before that digit: two more digits and a region (서울 ) or two
#: syllables before them.
_PLATE_REACH: Final = 5


def plate_anchor(text: str) -> list[int]:
    """Every position a vehicle plate can start at, ascending: the few before each digit that a plate's
    syllable follows. Its pattern starts at any Hangul or digit and tried everywhere cost a twentieth of
    the detector's time on crawl pages (stop 45)."""
    out: list[int] = []
    done = 0
    for m in _PLATE_AT.finditer(text):
        out.extend(range(max(m.start() - _PLATE_REACH, done), m.start() + 1))
        done = m.start() + 1
    return out


#: A Markdown link's caption and the start of its target, where the target is a call or mail button's
#: (``[바로가기](tel:``): the caption is the button's word, not text between a label and the value in the link
#: (rules version 36).
_BUTTON_TARGET: Final = r"\]\((?:tel|mailto|sms|callto):"
_CAPTION: Final = rf"\[[^\]\n]{{1,30}}{_BUTTON_TARGET}"
#: A bracket closed right after another: the label before it was a note in a bracket nested in another
#: (``(건강보험증 번호 (세대주)) 어깨``), no label of what follows (rules version 36).
_NESTED_NOTE_END: Final = r"(?![ \t]*[)）\]][ \t]*[)）\]])"
#: Between a label and a name: any punctuation or symbol (colons, =, quotes, brackets, arrows, cell
#: borders), or a table tag; a form's underline too, three long at least (인수자: ____김민수____, not
#: ``__name__``: rules version 26).
_NAME_GAP = (rf"(?:{_CAPTION}|</?[A-Za-z][^<>\n가-힣]{{0,30}}>|\[/?[A-Za-z]{{1,10}}\]|\\[A-Za-z]{{1,12}}\{{"
             # (a rich-text control word, its space after it: 수취인 성명\tab 최하은, rules version 43)
             r"|\\[a-z]{1,12}(?:-?\d{1,5})? ?(?![A-Za-z])"
             r"|[^\w\s]|_{3,})")
#: An arrow, a pictograph or an emoji (→, ☎, ✉, 📞, 👉), which listings set before a value in place of a colon.
_PICTOGRAPH: Final = "[\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]"
#: The start of a line of code that assigns a value (``String v = ``, ``value = ``, ``name: ``, ``set(``,
#: ``INSERT INTO t VALUES (``).
_CODE_LINE: Final = r"(?=[ \t]*[A-Za-z_$][\w$.]*(?:[ \t]+[A-Za-z_$][\w$.<>\[\]]*){0,4}[ \t]*[=:(])"
#: What opens and closes a name set off in running text: brackets, quotes, a code span, a BBCode or HTML tag.
#: ... Markdown's bold too (인수자 **김민수**: rules version 25).
_OPEN: Final = r"(?:[「『【〔《〈\[<“\"'`(（{]|\*\*|\[[A-Za-z]{1,10}\]|<[A-Za-z]{1,10}>|\\[A-Za-z]{1,12}\{)"
_CLOSE: Final = r"(?:[」』】〕》〉\]>”\"'`)）}]|\*\*|<br\s*/?>|\[/[A-Za-z]{1,10}\]|</[A-Za-z]{1,10}>)"
#: What may follow a name: a particle, a title, or anything that is not Hangul.
#: The particles and copula endings of Korean grammar that attach to a noun (a name): case particles,
#: auxiliary particles and the copula, longest first so that 이라고 is not read as 이. Not 나 or 요 alone:
#: names end in them (최유나), and the name is matched lazily.
#: A word followed by a colon is itself a label (신청인 정보: ...), not a name.
_AFTER_NAME = (# not one or two syllables and then a closing quote: the name is all of it ("안하은", not 안하 and
               # the particle 은: rules version 17)
               "(?![가-힣]{1,2}[\"'”’」』】\\]>])"
               "(?:이었습니다|이었는데|이었어요|이거든요|거든요|이라서|이라고|이라는|이라면|이라도|이지만|"
               "이어서|이어도|이므로|이든지|이래요|이구요|이니까|이었고|이었다|이었|이랑|이에요|입니다|였어요|였는데|였다|"
               "이고|이며|이다|이나|이요|이면|이든|이니|인데|라서|라면|래요|구요|니까|였고|지만|에게서|에게|에서|"
               # 으로서, 으로써 and 으로선 with an ending after them (으로선가: rules version 34)
               "한테|께서|께|임|인지|인가|(?:으로|로)[서선써][가-힣]{1,2}(?![가-힣])|으로선|로선|으로서|로서|으로써|로써|이었[가-힣]{1,4}(?![가-힣])|이라[가-힣]{1,4}(?![가-힣])|이[가-힣]{1,4}(?![가-힣])|였[가-힣]{1,4}(?![가-힣])|"
               # a case particle with an auxiliary one after it (장성호으로도, 김민수에게는: rules version 15), or
               # with the colloquial 다가 (서민수으로다가, 김민수에다가: 21), 부터 (조현우으로부턴: 22), 나마 (23) or
               # 까지 (24), or 밖에, 조차, 마저, 라도, 뿐 (26), 야 (27), 밖엔 (30); 으로서 and 으로써 with one too
               # (으로서는: 28), and 으로선 as 으로서는 is shortened (31); two auxiliaries (송서연으로까지는: 42)
               "(?:으로서|로서|으로써|로써|으로|로|에게|에서|한테|까지|부터|하고|이랑|랑|과|와)(?:도|는|만|다가|부턴|부터는?|나마|까지|밖에|밖엔|조차|마저|라도|뿐|야){1,2}|에다가?|"
               # ... or the copula after a case particle, with its ending (장서연으로부터였나, 김민수에게서였다,
               # 김민수까지이고: rules version 41)
               "(?:으로부터|로부터|에게서|한테서|에게|한테|에서|부터|까지|보다|처럼|만큼)(?:였|이었|이)[가-힣]{0,4}(?![가-힣])|"
               "까지|부터|보다|처럼|하고|으로|예요|라고|라는|랑|로|님|씨|은|는|이|가|을|를|의|과|와|도|만)?"
               # the polite 요 after any of them, or after the name itself (강영희으로요, 강영희요): version 11
               "요?"
               "(?![ \t]*[:：])(?:[^가-힣]|$)")

#: A given name after a surname: one to three syllables, the fewest that a particle or no Hangul follows; but
#: not one that 은 then the line's end, a symbol or a cell's tab follows (성명 이하은\n: 하은, 지은, 서은 end in the
#: syllable of the particle 은 and are read whole there, not as 이하 and 은; where words go on, 은 stays a
#: particle: 대표자 변경은 제외한다: rules version 29).
_GIVEN: Final = r"(?:[가-힣](?!은(?:[ \t]*(?:\r?\n|$|[^\w\s])|\t))|[가-힣]{2,3}?)"

#: What may follow a name's honorific (김민수 씨가, 정수빈 고객님께서): a particle or the copula, then no Hangul.
_HONORIFIC_AFTER: Final = ("(?:이|가|은|는|을|를|의|께서|께|에게|도|와|과|이고|이며|입니다|이에요|예요)?"
                           "(?:[^가-힣]|$)")
#: The nouns a name is addressed with, before 님 (rules version 46): clients, members, patients, teachers, owners.
_ADDRESSED_NOUNS: Final = "고객|회원|환자|학생|학부모|선생|교수|원장|사장|대표|강사|코치|기사"
#: The roles a name is followed by without 님 too (김하은 어린이가, 김민수 학생은, 김민수 환자분, 김민수 선배가: rules
#: version 46); not after a syllable 한, an adjective's ending (우수한 학생, 조용한 학생), nor after 도, the particle
#: among the given-name syllables (전라도 학생이).
_ROLES_AFTER_NAME: Final = ("어린이|학생|환자|어르신|고객|회원|선배|후배|이장|반장|간호사|상담원|원생|수강생|교육생"
                            # (a pupil's parents addressed by the pupil's name, residents, tutors and who cares for
                            # someone at home: rules version 49; not every profession of the labels, as 구성원
                            # 변호사, 이집트 교사 and 위원은 약사 read as names in the corpora, nor 어머니 and 아버지
                            # without 님, as 하다가 아버지에게 did)
                            "|어머님|아버님|입주민|입주자|튜터|멘토|요양보호사|간병인|활동지원사"
                            "|보호자|학부모|선생|강사|코치|직원"
                            # (kin a family or a neighbour names so, a soldier's rank below a general's, a church's
                            # offices, a school's head: 김영자 할머니께서, 이준호 병장은, 박성훈 목사님의, 최정숙 교장
                            # 선생님: rules version 50; not a general's rank, 이순신 장군, whose holders news names)
                            "|할머니|할아버지|할머님|할아버님|이모님|고모님|외삼촌|삼촌"
                            "|이병|일병|상병|병장|하사|중사|상사|원사|준위|소위|중위|대위|소령|중령|대령|훈련병"
                            "|목사|전도사|장로|집사|권사|수녀|교장|교감|(?:교장|교감|담임)[ \t]?선생")
#: The words for how a writer is related to the person they name next: family, friends, colleagues, a patient's doctor
#: (rules version 50).
_RELATIONS: Final = ("친구|절친|동생|여동생|남동생|언니|오빠|누나|형님|남편|아내|와이프|조카|사촌|손자|손녀|며느리|사위"
                     # (남자 친구 김민수 is 친구's; no word here starts inside another after a space, so the anchor's
                     # matches do not overlap)
                     "|아들|딸|동료|짝꿍|룸메이트|남자친구|여자친구|남친|여친|주치의|담당의|집도의|제자")
_RELATION_AT: Final = Scanned(re.compile(rf"(?<![가-힣])(?:{_RELATIONS})[ \t]"))


def relation_anchor(text: str) -> list[int]:
    """Where the relation rule can match, ascending: each relation word before a space."""
    return [m.start() for m in _RELATION_AT.finditer(text)]


#: The words a letter greets its reader with before the name (사랑하는 ...에게, 친애하는 ...께).
_SALUTATIONS: Final = "사랑하는|친애하는|보고[ \t]?싶은|그리운|소중한|고마운"
#: The adjectives a client is greeted with that read as a surname and two given-name syllables (소중한 고객님).
_GREETING_WORDS: Final = "소중한|귀중한|존경하는"
#: The words after a judgment's role that read as a surname and two given-name syllables (증인 현재지의, 피고
#: 주소지: rules version 46).
_PARTY_NOT_NAMES: Final = "현재지|주소지|소재지"
#: The copula or its written forms after an introduced name (김영희입니다, 김영희예요, 김영희이고요).
_INTRODUCING: Final = "(?:입니다|이에요|예요|이고요?|이며|이라고|라고|이야|임)(?![가-힣])"

#: A mobile number right after a name (the contact rule's lookahead), and where a name before one can start: three
#: or four syllables, 님 or 씨, two spaces, a bracket or a colon, two spaces: three to ten characters before it.
_MOBILE_NUMBER: Final = r"(?:\+82[ \t-]?|0)1[016789][ \t.-]?\d{3,4}[ \t.-]?\d{4}(?!\d)"
_MOBILE: Final = f"(?={_MOBILE_NUMBER})"
_MOBILE_AT: Final = Scanned(re.compile(_MOBILE_NUMBER))
_NAME_REACH: Final = range(3, 11)
_REPRESENTATIVE_AT: Final = re.compile("대표")


#: The word after an addressed name (its honorific noun, 귀하 or a sign-off; 군, 양 or a role after a space), or a
#: letter's To., From. or Dear before Hangul, or its salutation before the name (사랑하는): one scan for all.
_ADDRESSED_AT: Final = Scanned(re.compile(rf"(?:{_ADDRESSED_NOUNS})님|귀하|드림|올림|배상|(?P<s>{_SALUTATIONS})"
                                          rf"|(?<=[가-힣][ \t])(?:군|양|{_ROLES_AFTER_NAME})"
                                          r"|(?<![A-Za-z])(?:[Tt]o|TO|[Ff]rom|FROM|[Dd]ear|DEAR)"
                                          r"(?=[ \t]*[.:,]?[ \t]*[가-힣])"))
#: A name's three or four syllables (a compound surname's), a space after it or not.
_ADDRESSED_REACH: Final = (3, 4, 5)


def addressed_anchor(text: str) -> list[int]:
    """Where the addressed rule can match, ascending: three to five characters before each word that ends an
    addressed name, and each letter's To., From. or Dear. Tried from every surname syllable instead, the rule cost
    more than any other name rule's matches on crawl pages (stop 57)."""
    out: set[int] = set()
    for m in _ADDRESSED_AT.finditer(text):
        if text[m.start()].isascii() or m.group("s"):
            out.add(m.start())
        else:
            out.update(m.start() - k for k in _ADDRESSED_REACH if m.start() >= k)
    return sorted(out)


def contact_anchor(text: str) -> list[int]:
    """Where the contact rule can match, ascending: a few positions before each mobile number (the name before it),
    and each 대표. Tried from every surname syllable, its name-first branch cost more than any other name rule on
    crawl pages (stop 57)."""
    out = {m.start() - k for m in _MOBILE_AT.finditer(text) for k in _NAME_REACH if m.start() >= k}
    out.update(m.start() for m in _REPRESENTATIVE_AT.finditer(text))
    return sorted(out)


def _not_a_name(value: str) -> bool | None:
    """False where the word an honorific, a title or an introduction reads is no name: a role or a common noun
    (고객님, 강사님: rules version 29), a form word (오늘은 선생님), or news's anonymized surname with 모 (윤모(35) 씨:
    rules version 46), or a verb and its connective ending (하다가 할머니께서: 50)."""
    if value[:2] in _NOT_NAMES or value in _NOT_NAMES or re.fullmatch(_PLAIN_NOUNS, value) or _form_word(value):
        return False
    if len(value) == 3 and value[1:] in _CONNECTIVE_ENDINGS:
        return False
    if value.endswith("아저"):  # 아저씨 (빈아저씨, 김아저씨) is a man's address, not a name's honorific 씨
        return False
    return False if len(value) == 2 and value[1] == "모" else None


#: The top-level domains, and the second-level words before .kr, people write after a comma or a glued dot word.
PEOPLES_TLDS: Final = "com|net|org|edu|gov|kr|ac|co|go|or|ne|re"
#: The brackets the @'s and the dot's words stand in (kim[at]naver, kim【at】naver, kim«at»naver: guillemets since rules
#: version 43), opening and closing, for a character class: the address rules', the gate's and the canonical form's.
AT_OPEN: Final = "\\[({<【〔［《〈「『«‹"
AT_CLOSE: Final = "\\])}>】〕］》〉」』»›"
#: The characters written for the @ itself: the circled and the parenthesized a, the snail emoji (골뱅이: a sea snail).
AT_LIKE: Final = "ⓐⒶ⒜🐌"
#: An image whose alternative text or title is the @ or its word, in an address in place of the @.
IMAGE_AT: Final = r"<img[^<>]{0,80}?\b(?:alt|title)=\\?[\"']?(?:@|골뱅이|at)\\?[\"']?[^<>]{0,80}>"
#: The @ and the dot of an e-mail address written as words: in any bracket, any case, or in Korean.
#: 엣 is how 앳 is often misspelled; a Korean word for the @ or the dot may stand in brackets too, and the
#: ideographic full stop (。, ｡) of a CJK keyboard is a dot (rules version 10); the atmark of Japanese sites too
#: (kim(atmark)naver.com: 36); the a alone in brackets, as the circled a is written with the keyboard's
#: parentheses (kim(a)naver.com: 39).
_AT_WORD: Final = (rf"[{AT_OPEN}]{{1,2}}\s?"
                   # (the word's noun after it too: kim (at sign) naver (dot) com, rules version 42)
                   r"(?:at(?:mark|[ -]?(?:sign|symbol))?|AT(?:MARK|[ -]?(?:SIGN|SYMBOL))?"
                   r"|At(?:mark|[ -]?(?:[Ss]ign|[Ss]ymbol))?|@|골\s?[뱅벵](?:\s?이)?|[앳엣])"
                   # (in guillemets too: kim«at»naver.com, rules version 43)
                   rf"\s?[{AT_CLOSE}]{{1,2}}"
                   # (the a alone only glued to both parts: a list's item mark stands between spaces, 조항 (a) 참조)
                   r"|(?<=[A-Za-z0-9._%+-])[(\[{（［][aA][)\]}）］](?=[A-Za-z0-9])"
                   # in quotes too, and 골뱅 as people shorten it (kim'골뱅이'naver.com, kim 골뱅 naver.com:
                   # rules version 15); the @ itself quoted (kim " @ " naver.com: 21), in a JSON string too
                   # (kim \" @ \" naver.com: 26)
                   # ... in backticks too (kim`at`naver`dot`com: rules version 29)
                   r"|\\?['\"‘“`]\s?(?:at|AT|At|@|골\s?[뱅벵](?:\s?이)?|[앳엣])\s?\\?['\"’”`]|골\s?[뱅벵](?:\s?이)?|[앳엣]"
                   # the circled a that spam writes for the @ (kimⓐnaver.com: rules version 16), the
                   # parenthesized one too (kim⒜naver.com: 31)
                   # (the snail emoji, as 골뱅이 is a sea snail: kim🐌naver.com, rules version 43)
                   rf"|[{AT_LIKE}]"
                   # a word for the @ between slashes, spaced (kim /at/ naver /dot/ com: rules version 31)
                   r"|(?<=\s)/(?:at|AT|At|@)/(?=\s)"
                   # an image whose alternative text is the @ (kim<img src="at.gif" alt="@">naver.com: 18), its
                   # quotes escaped in a JSON string too (alt=\"@\": 31)
                   # ... or its word (alt="골뱅이": rules version 44)
                   rf"|{IMAGE_AT}"
                   r"|&#0*64;|&#[xX]0*40;|&commat;"
                   # Markdown's emphasis or a code span around the @ (kim**@**naver.com: rules version 28)
                   r"|\*{1,2}@\*{1,2}|~~@~~|`@`"
                   # between hyphens or underscores, with the dot so written too (kim-at-naver-dot-com: rules
                   # version 14; a host written with hyphens, up-at-dawn.com, is no address)
                   r"|(?<=[A-Za-z0-9])[-_](?:at|AT)[-_](?=[A-Za-z0-9][A-Za-z0-9-]*[-_](?:dot|DOT)[-_][A-Za-z])")
#: The dot's words, in English and in Korean (닷, 점, 쩜, 돗, 도트).
_DOT_WORDS: Final = "dot|DOT|Dot|닷|점|쩜|돗|도트"
#: ... as an address read out in English says it (spaced letter by letter too: rules version 44).
_SPOKEN_DOT: Final = "dot|DOT|Dot|d o t|D O T|period|PERIOD|Period"
#: The dot or its word in any bracket the @'s word stands in (kim[at]naver[dot]com, kim[@]naver[.]com).
_BRACKETED_DOT: Final = rf"[{AT_OPEN}]{{1,2}}\s?(?:{_DOT_WORDS}|\.)\s?[{AT_CLOSE}]{{1,2}}"
#: ... the dot itself in brackets too, as security reports defang an address so that nothing links it
#: (kim[@]naver[.]com), between slashes, or a middle dot for it (kim@naver·com: rules version 31); a comma before
#: a top-level domain (36), or the word dot glued before one (39); any dot-like mark (•, ‧, ∙, ⋅) as the middle
#: dot is (40).
_DOT_WORD: Final = (rf"{_BRACKETED_DOT}"
                    # (in quotes too, as the @'s word is: kim@naver'쩜'kr, rules version 44)
                    rf"|\\?['\"‘“`]\s?(?:{_DOT_WORDS})\s?\\?['\"’”`]|(?<=\s)/(?:dot|DOT|Dot|\.)/(?=\s)"
                    r"|닷|점|쩜|돗|도트|[。｡·・•‧∙⋅･]|&#0*46;"
                    r"|&#[xX]0*2[eE];|&period;|%2[eE]|(?<=\s)(?:dot|DOT|Dot|period|PERIOD|Period)(?=\s)"
                    r"|(?<=[A-Za-z0-9])[-_](?:dot|DOT)[-_](?=[A-Za-z0-9])"
                    # the comma typed for the dot before a top-level domain people use (kim@naver,com: 36)
                    rf"|,(?=(?:{PEOPLES_TLDS})(?:\.[a-z]{{2}})?(?![A-Za-z0-9-]))"
                    # the word dot glued between the host and such a domain (kim@naverdotcom, kim@daumdotnet: 39)
                    rf"|(?<=[A-Za-z0-9])(?:dot|DOT)(?=(?:{PEOPLES_TLDS})(?:(?:\.|dot|DOT)[a-z]{{2}})?(?![A-Za-z0-9-]))")
#: A dot of an address's local part written otherwise, as its host's dots are (hong[dot]gildong, hong 쩜 gildong,
#: hong·gildong, hong dot gildong at gmail dot com: rules version 45; until then only the piece after the last such dot
#: was taken, the name before it left in the text): in a bracket or quotes, a word between spaces, a dot-like mark or
#: a reference; a Korean word only between spaces (강남A점 kim@naver.com keeps its shop's name).
_LOCAL_DOT: Final = (rf"[ \t]?(?:{_BRACKETED_DOT}"
                     rf"|\\?['\"‘“`]\s?(?:{_DOT_WORDS}|\.)\s?\\?['\"’”`])[ \t]?"
                     rf"|\s(?:{_DOT_WORDS})\s|[。｡·・•‧∙⋅･]|&#0*46;|&#[xX]0*2[eE];|&period;|%2[eE]")
#: An address's local part: up to four pieces between such dots.
_LOCAL: Final = rf"[A-Za-z0-9._%+-]{{1,64}}(?:(?:{_LOCAL_DOT})[A-Za-z0-9._%+-]{{1,64}}){{0,3}}"
#: Top-level domains read out in Korean, written after a Korean dot word (닷컴, 쩜넷, 닷 케이알): .com,
#: .net, .org, .kr and .co.kr.
KOREAN_TLDS: Final = {"컴": "com", "넷": "net", "오알지": "org", "케이알": "kr", "씨오쩜케이알": "co.kr"}
# co.kr spaced too (쩜 씨오 쩜 케이알: rules version 20); after a typed dot too, the domain read aloud after it
# (kim@naver.컴, .씨오.케이알: rules version 41)
_KOREAN_TLD: Final = (r"(?:닷|점|쩜|돗|도트|[.。｡])\s?(?:씨오\s?(?:닷|점|쩜|돗|도트|[.。｡])\s?케이알|"
                      rf"{'|'.join(sorted(KOREAN_TLDS, key=len, reverse=True))})")
#: The mail services' names as Korean speakers write them, for the host of an address read out (kim 골뱅이
#: 네이버 닷컴: rules version 32).
KOREAN_HOSTS: Final = {"네이버": "naver", "다음": "daum", "한메일": "hanmail", "지메일": "gmail", "카카오": "kakao",
                       "네이트": "nate", "야후": "yahoo", "핫메일": "hotmail", "구글": "google", "아웃룩": "outlook"}
_HOST: Final = rf"(?:[A-Za-z0-9-]{{1,63}}|{'|'.join(KOREAN_HOSTS)})"
#: The @ and the dot of an address read out in plain words (kim at naver dot com, kim At naver Period com, kim a t
#: naver d o t com: rules versions 21 to 44), a dot word of the other rules or a dot too.
_PLAIN_AT: Final = "at|AT|At|a t|A T"
_WORDS_AT: Final = rf"\s+(?:{_PLAIN_AT})\s+"
_WORDS_DOT: Final = rf"\s+(?:{_SPOKEN_DOT})\s+|\.|\s?(?:{_DOT_WORD})\s?"
#: Top-level domains an address written with plain words must end in: the generic ones people use and
#: every two-letter country code (co.kr, go.kr end in kr).
_TLDS: Final = r"\b(?:com|net|org|edu|gov|mil|info|biz|name|pro|io|ai|app|dev|me|xyz|site|online|shop|[a-z]{2})"
#: A letter or digit standing alone, as each of a spaced-out address's characters does.
_SPACED: Final = r"[A-Za-z0-9](?![A-Za-z0-9가-힣])"

#: The mark between two digit groups: a hyphen, a dot or two, or a colon (830207:2555896, 830207..2555896:
#: the eighth held-out half's writings, rules version 10), or any two of them together (830207.-2555896:
#: rules version 16; 830207::2555896: 18), or three (830207...2555896, an ellipsis typed: 26). A colon alone
#: joins no time (10:30) into an identifier: every grouped type has a checksum, a prefix or a length a time
#: does not reach.
_MARK: Final = r"(?:[-:.]{1,3})"
#: An optional separator between digit groups, as people type them: that mark with up to three spaces
#: or tabs on each side, a run of up to four spaces or tabs (people align groups with several),
#: a line break of any convention (``\n``, ``\r\n``, ``\r``) with a wrapped line's indent after it (up
#: to eight spaces or tabs), or a JSON escape of one (``\\n``, ``\\r\\n``) with the same indent.
#: A line break, or HTML's (830207-<br>2555896: a page that wraps a number where it breaks the line: rules
#: version 22).
_BR: Final = r"(?:\r\n?|\n|<br\s?/?>(?:[ \t]*(?:\r\n?|\n|(?:\\[nrt]){1,3}))?)"  # HTML's break and the source's line
#: too (-<br/>\n: 36), or its escape in a JSON string (-<br/>\\n: 38)
_ESC: Final = r"(?:\\[nrt]){1,3}"
_SEP_BODY: Final = (rf"[ \t]{{0,3}}{_MARK}[ \t]{{0,3}}(?:(?:{_BR}|{_ESC})[ \t]{{0,8}})?|[ \t]{{1,4}}"
                    rf"|[ \t]{{0,4}}(?:{_BR}|{_ESC})[ \t]{{0,8}}")
SEP: Final = rf"(?:{_SEP_BODY})?"
#: Space around an e-mail's @ or dot: any one whitespace character, or up to three spaces or tabs; or
#: markup that renders as nothing, which pages put inside an address to hide it from harvesters (an HTML
#: comment, an empty span: ``kim<!-- -->@naver.com``, rules version 15).
#: ... or the quotes and plus of a string concatenated in code (``'kim' + '@' + 'naver.com'``: rules
#: version 16); or a JSON escape of a line break (``"a0@\\nnaver.com"``: 26); or HTML's line break
#: (``kim<br>@naver.com``: 40).
_GAP: Final = (r"(?:[ \t]{1,3}|\s|<!--[^<>]{0,40}?-->|<span[^<>]{0,40}>[ \t]*</span>|<br\s?/?>(?:\r?\n)?"
               r"|['\"][ \t]*\+[ \t]*['\"]|(?:\\[nrt]){1,3})?")
#: ... for a bank account: without a bare tab between groups (a TSV row's delimiter; a tab beside a
#: hyphen or a dot stays), and without a single colon: an account has no checksum or prefix, and a
#: timestamp's digits (2024-05-02 12:30:45) reach an account's length beside an account's label. A double
#: colon is no timestamp's (rules version 18), nor a colon and a hyphen (27).
_ACCOUNT_SEP: Final = (rf"(?:[ \t]{{0,3}}(?:-\.?|\.[.-]?|\.\.\.|::|:-)[ \t]{{0,3}}(?:(?:{_BR}|{_ESC})[ \t]{{0,8}})?"
                       rf"| {{1,4}}| {{0,4}}(?:{_BR}|{_ESC})[ \t]{{0,8}})?")
#: ... or a comma, for the types whose checksum or shape tells a comma between groups from a thousands
#: separator (groups of 6 and 7, 3-4-4, 4-4-4-4 digits are never thousands): ``Rule.comma``.
SEPC: Final = rf"(?:{_SEP_BODY}|[ \t]?,[ \t]?)?"
#: What stands between a resident number's parts named apart: a comma or a slash, a connective (이고, 이며), the label
#: again, then the back part's name (뒷자리, 뒷번호, 뒤 7자리) with its particle or colon.
_RRN_BACK: Final = (r"[ \t]?(?:[,./]|이고요?|이며|이구요|이요|그리고)?[ \t]{0,3}(?:주민(?:등록)?[ \t]?번호[ \t]?)?"
                    # (뒤 alone before the back part too, as 앞 before the front: 앞 830207 뒤 2555896: version 46)
                    r"(?:뒷|뒤)[ \t]?(?:(?:7|일곱)[ \t]?)?(?:자리|번호|부분)?(?:는|은|가)?[ \t]?[:：]?[ \t]{0,3}")
_OCTET: Final = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_NB: Final = r"(?<![0-9A-Za-z])"  # no letter or digit right before
_NA: Final = r"(?![0-9]|T[0-9]{2}:[0-9]{2})"  # nor a time after it: a timestamp's date (2024-05-02T09:12): 36


#: The digits of a Korean phone number: mobile, Seoul, area codes, 070, 050x and 080.
PHONE_DIGITS: Final = re.compile(r"01[016789]\d{7,8}|02\d{7,8}|0[3-6][1-5]\d{7,8}|070\d{8}|050[2-8]\d{7,8}|080\d{7}")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")  # a dotted quad is an IP address, not an account
_DATE = re.compile(r"(?:19|20)\d\d[-. ]+\d{1,2}[-. ]+\d{1,2}\.?")
#: A date and the hour of a time after it (2024-05-02 12 of 2024-05-02 12:30:45, cut at the colon): rules
#: version 18.
_DATE_HOUR = re.compile(r"(?:19|20)\d\d[-. ]+\d{1,2}[-. ]+\d{1,2}[ T]\d{1,2}")


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _has_separator(v: str) -> bool:
    return not v.isdigit()


def _rrn_checksum(d: str) -> bool:
    s = sum(int(c) * w for c, w in zip(d[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True))
    return (11 - s % 11) % 10 == int(d[12]) or (d[6] in "5678" and (13 - s % 11) % 10 == int(d[12]))


def _rrn(v: str) -> bool | float:
    """A resident or foreigner number: the checksum (pre-October-2020 numbers) makes it certain; without
    it (numbers issued since carry none) a hyphenated 6-7 shape still passes, other writings need a
    label."""
    d = _digits(v)
    if len(d) != 13:
        return False
    if _rrn_checksum(d):
        return True
    return 0.5 if "-" in v else 0.3


def _crn(v: str) -> bool | float:
    d = _digits(v)
    total = sum(int(c) * (1 if i % 2 == 0 else 2) for i, c in enumerate(d[:12]))
    if (10 - total % 10) % 10 != int(d[12]):
        return False
    return 0.7 if _has_separator(v) else 0.35


def _brn(v: str) -> bool | float:
    d = [int(c) for c in _digits(v)]
    s = sum(x * w for x, w in zip(d, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=False)) + (d[8] * 5) // 10
    if (10 - s % 10) % 10 != d[9]:
        return False
    return 0.85 if _has_separator(v) else 0.35


def luhn(digits: str) -> bool:
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


#: The groupings of a card written with separators.
_CARD_GROUPS: Final = ((4, 4, 4, 4), (4, 4, 4, 3), (4, 6, 5))


def _card(v: str) -> bool:
    """Luhn's checksum; and a tab only between a card's own groups: 12 digits, a tab and a year
    (``189300011300\t2024`` of a TSV row's licence and date cells) pass Luhn one time in ten (rules version
    31)."""
    if "\t" in v:
        joined = re.sub(r"(?<=\d) (?=\d)", "", v)  # spaced digits (4 0 0 0\t-0 0 0 0) as their groups
        bare = any(not sep.strip() and "\t" in sep for sep in re.split(r"\d+", joined)[1:-1])
        if bare and tuple(len(g) for g in re.findall(r"\d+", joined)) not in _CARD_GROUPS:
            return False
    return luhn(_digits(v))


#: A driver's licence's region as older licences print it, by its code (the code's two digits on newer ones).
LICENCE_REGIONS: Final = {"경기북부": "28", "서울": "11", "부산": "12", "경기": "13", "강원": "14",
                          "충북": "15", "충남": "16", "전북": "17", "전남": "18", "경북": "19",
                          "경남": "20", "제주": "21", "대구": "22", "인천": "23", "광주": "24",
                          "대전": "25", "울산": "26"}


def _licence(v: str) -> float:
    return 0.6 if _has_separator(v) else 0.1


@dataclass(frozen=True)
class Rule:
    name: str  # recorded with each finding
    entity: str
    pattern: re.Pattern[str]  # the value is the group named "v"
    score: float
    #: True raises to 0.85 or more, a float sets the score, None keeps it, False rejects
    validate: Callable[[str], bool | float | None] | None = None
    #: a match is rejected when this is found in the 10 characters before it
    not_after: re.Pattern[str] | None = None
    #: its pattern takes a comma between groups (``SEPC``): a match with one is rejected where it is a
    #: thousands-grouped number, or one item of a comma-separated list of numbers (a digit and a comma
    #: stand right before it or right after it) whose checksum does not hold
    comma: bool = False
    #: every position where a match can start, ascending (the rule's labels: ``name_anchor``; the fragment
    #: every match holds: ``address_anchor``, ``plate_anchor``): the rule's pattern is then tried at those
    #: positions only, which gives the same matches as searching and spares Python's ``re`` trying a long
    #: alternation at every character or word
    anchor: Callable[[str], list[int]] | None = None
    #: the groups whose value is a surname and two syllables in a name's context (``_GIVEN_PAIR``): a match there
    #: with a syllable outside ``_GIVEN_SYLLABLES`` is rejected unless the name model reads it as a name
    modelled: tuple[str, ...] = ()
    #: ``pattern`` as ``re`` searches it fastest (``filters.regex_scan``): the same matches
    scan: Scanned = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "scan", Scanned(self.pattern))


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


RULES: Final = [
    Rule(
        "kr_rrn",
        "KR_RRN",
        _r(rf"{_NB}(?P<v>\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]){SEPC}[1-8]\d{{6}}){_NA}"),
        0.3,
        _rrn,
        comma=True,
    ),
    # A resident number's two parts apart, each named: 앞자리 830207 뒷자리 2555896, 830207이고 뒤 7자리는 2555896, as
    # a form or a chat asks for them (rules version 45).
    Rule(
        "kr_rrn_parts",
        "KR_RRN",
        _r(rf"{_NB}(?P<v>\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]){_RRN_BACK}[1-8]\d{{6}}){_NA}"),
        0.3,
        lambda v: _rrn(v[:6] + v[-7:]),  # the parts alone: the 7 of 뒤 7자리 is no digit of the number
    ),
    Rule(
        "kr_phone",
        "PHONE_NUMBER",
        _r(
            # the country code after an international prefix too, or alone before a separator, as business cards
            # write it (0082-10-..., 001-82-10-..., 82-10-...: rules version 45; +82 alone until then)
            rf"(?<![0-9A-Za-z.+-])(?P<v>(?:(?:\+|00700|00[1-9]?)[ \t-]?82\)?{SEP}(?:\(0\))?{SEP}"
            rf"|82\)?(?:{_SEP_BODY})(?:\(0\))?{SEP}|\(?0)(?:1[016789]|2|[3-6][1-5]|70|80|50[2-8])\)?"
            rf"{SEPC}\d{{3,4}}{SEPC}\d{{4}}){_NA}"
        ),
        0.6,
        comma=True,
    ),
    # A phone number with a separator anywhere, between any two digits (0 1 0 - 1 2 3 4 ..., as digit
    # words are spelled one by one): the digits must make a Korean number. Not across a line break into
    # a numbered list's next item (``2. 27 ~ 06 ~ 139825 ~ 73\n3. 처리 대기``: a licence, then item 3).
    Rule(
        "kr_phone_spread",
        "PHONE_NUMBER",
        # Not from inside a run of spaced digits (0 0 0 1 0 1-1 0 0 ...: a spaced resident number's zeros; rules
        # version 25).
        _r(r"(?<![0-9A-Za-z.+-])(?<![0-9][ .\-][0-9][ .\-])"
           # (five marks: a JSON string's escaped tabs around a hyphen, which the view reads as two spaces each:
           # 0 1 0\\t-\\t1 2 3 4: rules version 32; six: a hyphen's English name said between spaced digits, 0 1 0
           # dash 1 2 3 4, which the view reads as a hyphen and spaces: 44)
           rf"(?P<v>0(?:[ \t.,:\-]{{0,6}}(?:(?:{_BR}|(?:\\[nrt]){{1,3}})[ \t]{{0,8}}"
           r"(?!\d{1,2}[.)][ \t]))?\d){8,11})"
           # a tab right before a digit ends a TSV cell (17\t0 1 1 . 9 1 5 2 . 5 0 8 7\t2024-05-02: rules version 21);
           # after digits spaced one by one, a number of two digits or more is no digit of theirs (0 1 0-1 2 3 4-5 6 7
           # 8 32평: rules version 31), as for the other spaced rules
           r"(?!\d)(?:(?<=\d[ .\-]\d)(?![ \t.\-]{1,3}\d(?<!\t\d)(?!\d))|(?<!\d[ .\-]\d)(?![ \t.\-]{0,3}\d(?<!\t\d)))"),
        0.6,
        lambda v: None if PHONE_DIGITS.fullmatch(_digits(v)) and not not_phone_groups(v) else False,
        comma=True,
    ),
    Rule("kr_crn", "KR_CRN", _r(rf"{_NB}(?P<v>\d{{6}}{SEPC}\d{{7}}){_NA}"), 0.3, _crn, comma=True),
    Rule("kr_brn", "KR_BRN", _r(rf"{_NB}(?P<v>\d{{3}}{SEPC}\d{{2}}{SEPC}\d{{5}}){_NA}"), 0.3, _brn, comma=True),
    Rule(
        "kr_driver_licence",
        "KR_DRIVER_LICENSE",
        # the region's name for its code too, as older licences print it (서울 12-345678-90: rules version 45)
        _r(rf"(?P<v>(?:{_NB}(?:1[1-9]|2[0-8])|(?<![0-9A-Za-z가-힣])(?:{'|'.join(LICENCE_REGIONS)})[ \t]?){SEPC}\d{{2}}"
           rf"{SEPC}\d{{6}}{SEPC}\d{{2}}){_NA}"),
        0.1,
        _licence,
        comma=True,
    ),
    Rule(
        "kr_bank_account",
        "KR_BANK_ACCOUNT",
        # One separator throughout: a comma- or tab-separated account (1966,680,027425) is not run
        # together with the fields of the CSV or TSV row around it (17,56406420088,2024-05-02).
        # Single colons only where a group after one has three digits or more, which no time has
        # (000000:00:000000, not 12:30:45: rules version 20).
        # A space may follow each colon (659: 35: 521119: rules version 22), or stand on both sides (23).
        # A run of digits that ends its line is whole, whatever number starts the next line (국민은행:
        # 00000000000000\n 200매 양면: rules version 31).
        _r(rf"{_NB}(?P<v>\d{{10,14}}(?=[ \t]*\r?\n)"
           rf"|\d{{2,6}}(?=(?:[ \t]?:[ \t]?\d{{2,7}}){{1,4}}(?![ \t]?:|\d))"
           rf"(?=[\d: \t]*:[ \t]?\d{{3}})(?:[ \t]?:[ \t]?\d{{2,7}}){{1,4}}"
           rf"|\d{{2,6}}(?:[ \t]?,[ \t]?\d{{2,7}}){{1,4}}{_NA}|\d{{2,6}}(?:\t\d{{2,7}}){{1,4}}{_NA}"
           # ... or two tabs throughout (000000\t\t00\t\t000000: rules version 31)
           rf"|\d{{2,6}}(?:\t\t\d{{2,7}}){{1,4}}{_NA}"
           rf"|\d{{2,6}}(?:{_ACCOUNT_SEP}\d{{2,7}}){{1,4}}|\d{{10,14}}){_NA}"),
        0.1,
        lambda v: None if 10 <= len(_digits(v)) <= 14 and not _DATE.fullmatch(v) and not _DATE_HOUR.fullmatch(v)
        and not _IPV4.fullmatch(v) else False,
        comma=True,
    ),
    Rule("kr_health_insurance", "KR_HEALTH_INSURANCE", _r(rf"{_NB}(?P<v>\d{SEPC}\d{{10}}){_NA}"), 0.1, comma=True),
    Rule(
        "kr_passport",
        "KR_PASSPORT",
        # its letter in lower case too, a space or a hyphen after it or between digits (M 123 45678, M-12345678,
        # m12345678: rules version 45); the label is needed as before
        _r(r"(?<![0-9A-Za-z])(?P<v>[MSRODGmsrodg][ -]?(?:\d(?:[ -]?\d){7}|\d{3}[ -]?[A-Za-z][ -]?\d{4}))"
           r"(?![0-9A-Za-z])"),
        0.1,
    ),
    Rule(
        "kr_vehicle_plate",
        "KR_VEHICLE_PLATE",
        # (its syllable set apart by a space on both sides too, 12 가 3456: rules version 46)
        _r(rf"(?<![0-9A-Za-z가-힣])(?P<v>(?:(?:{_REGIONS})\s?|[가-힣]{{2}})?\d{{2,3}}"
           rf"(?:[{_PLATE_SYLLABLES}]\s?| [{_PLATE_SYLLABLES}] )\d{{4}})"
           rf"(?![0-9A-Za-z])"),
        0.5,
        anchor=plate_anchor,
    ),
    # Bounded name lengths and a start at the beginning of a Hangul run: unbounded [가-힣]+ made a long
    # run of Hangul without spaces quadratic. A building with 동 and 호 may follow.
    Rule(
        "kr_address",
        "KR_ADDRESS",
        _r(
            # (a province or a metropolitan city by its short name too, as people write it: 서울 강남구 테헤란로 152,
            # 경기 성남시 분당구 ...: rules version 46)
            rf"(?<![가-힣])(?P<v>(?:(?:(?:{_PROVINCE}|[가-힣]{{1,8}}시)\s+)?"
            r"[가-힣]{1,8}(?:시|군|구)\s+"
            # (a side road's number apart from its road: 독막로 19길 5, as 독막로19길 5: rules version 46)
            r"(?:[가-힣]{1,8}(?:구|동|읍|면)\s+)?[가-힣0-9]{1,16}(?:로|길)\s*\d+(?:-\d+)?(?:번?길\s*\d+(?:-\d+)?)?"
            rf"|(?:(?:{_PROVINCE}|[가-힣]{{1,8}}시)\s+)?(?:[가-힣]{{1,8}}(?:시|군|구)\s+){{0,2}}"
            r"[가-힣]{1,8}(?:동|리|가)\s+"
            r"\d+(?:-\d+)?번지"
            # a lot number without 번지 after its district (수성구 범어동 123-4, 포항시 남구 대잠동 999: rules
            # version 45), on one line, not a count: hyphenated, or after a city and its district or a province and a
            # city (words in 구, 시 and 동 abound: 연구 활동 2, 증가시)
            rf"|(?:(?:{_PROVINCE}|[가-힣]{{1,8}}시)[ \t]+)?(?:[가-힣]{{1,8}}(?:시|군|구)[ \t]+){{1,2}}"
            rf"{_LOT_TOWN}\d{{1,5}}-\d{{1,5}}{_NO_COUNT}"
            rf"|(?:{_PROVINCE}[ \t]+(?:[가-힣]{{1,8}}(?:시|군|구)[ \t]+){{1,2}}"
            r"|[가-힣]{1,8}(?:시|군)[ \t]+[가-힣]{1,8}구[ \t]+)"
            rf"{_LOT_TOWN}\d{{1,5}}{_NO_COUNT})"
            # (the reference item's 동 in brackets, before the flat's 호 or after the address: 중앙로 38-10 (장항동)
            # 301호, 세종대로 110 (태평로1가): rules version 46)
            rf"(?:{_REFERENCE_TOWN}(?=,?\s*\d{{1,5}}호))?"
            r"(?:,?\s*(?:[가-힣A-Za-z0-9]{1,20}\s)?\d{1,4}동\s?\d{1,5}호|,?\s*\d{1,5}호)?"
            rf"{_REFERENCE_TOWN}?)"
        ),
        0.6,
        anchor=address_anchor,
    ),
    # A labelled name: with a colon any 2-4 syllables (a particle may follow: 이름: 오하은이고); without one
    # (이름을, 담당자 교육 are ordinary words) a common surname first and a particle or no Hangul after.
    Rule(
        "kr_person_labelled",
        "PERSON",
        _r(
            rf"(?:{_NAME_LABELS})(?:\s?[가-힣]{{1,4}}\s*(?=[:：])|\s?[(（][^)）\n]{{1,10}}[)）])?"
            # not into the next header cell (<th>보내는 분 성함</th><th>등록일</th>: rules version 29), nor out of a
            # bracket nested in another, a note on a label (건강보험증 번호 (세대주)) 부스: 36)
            rf"(?![ \t]*</[tT][hH]>[ \t]*<[tT][hH]){_NESTED_NOTE_END}"
            # (a blank line after the gap too, the name alone on its line: a multipart form's field name="성명", then
            # its value; not a heading's bracket and its paragraph: rules version 44)
            rf"[ \t]*(?:[:：]|{_NAME_GAP})[ \t]*(?:(?:{_NAME_GAP}[ \t]*)+|\n[ \t]*"
            rf"|\r?\n\r?\n(?={_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}(?:\r?\n|$)))?"
            rf"(?!{_NAME_LABELS}|{_ANY_LABEL})"
            rf"{_NOT_A_LABEL}"
            # (not a call or mail button's caption: [바로가기](tel:...: 36)
            rf"(?P<v>[가-힣]{{2,4}}?)(?={_AFTER_NAME})(?![^\]\n()]{{0,30}}{_BUTTON_TARGET})"
            # (not a form word that a surname starts, where a name ending in 은 reads longer: 이름 이하은 실내, not 이하
            # and the particle: rules version 46)
            rf"|(?:{_NAME_LABELS})\s+(?!{_NAME_LABELS}|{_ANY_LABEL})(?P<w>{_SURNAME}{_GIVEN})(?<!이하|이상)"
            rf"(?={_AFTER_NAME})"
            # (the colon on the next line too, as a Markdown definition list writes it: 담당 언어치료사\n: 임수빈;
            # rules version 38)
            rf"|{_PERSON_NOUN}(?:[ \t]*(?:\r?\n[ \t]*)?[:：][ \t]*(?:{_NAME_GAP}[ \t]*)*"
            # ... or an arrow, a pictograph or an emoji set before the name (담당 언어치료사 📞 장민수: 38)
            rf"|[ \t]?{_PICTOGRAPH}\ufe0f?[ \t]?(?={_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}(?![가-힣]))"
            # ... or its closing quote and a line break or a blank line, the name alone on its line (a multipart form's
            # field: name="담당 치기공사"\r\n\r\n최성호: rules version 44)
            rf"|[\"'](?:\r?\n){{1,2}}(?={_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}(?:\r?\n|$))"
            # ... or a rich-text control word (담당 반려견 훈련사\tab 김도윤: rules version 43)
            rf"|\\[a-z]{{1,12}}(?:-?\d{{1,5}})? (?={_SURNAME})"
            # (a compound surname's four syllables too: \href{황보건우}: rules version 46)
            rf"|[ \t]?(?:{_OPEN}){{1,2}}[ \t]?(?=[가-힣]{{2,3}}{_CLOSE}|{_COMPOUND_SURNAMES}[가-힣]{{2}}{_CLOSE})"
            rf"|[ \t]?#(?=[가-힣]{{2,3}}(?:\s|#|$))"
            # ... or in a call or mail button's target after its caption (담당 작업치료사 [바로가기](tel:장영희): 36),
            # or between a wiki table's bars (담당 작업치료사 ||서하은||: 36)
            rf"|[ \t]?{_CAPTION}(?=[가-힣]{{2,4}}\))|[ \t]?\|\|?[ \t]?(?=[가-힣]{{2,4}}[ \t]?\|)"
            # ... or alone in a comment (담당 의사 <!-- 서민수 -->: rules version 21), or the value of the next
            # tag's title, value or data attribute (담당 세무사 <span title="장수빈">: 23), after a colon too
            # (담당 약사: <button value="황유진">: 26), two too (담당 선생님 :: <span title="김민수">: 36)
            rf"|[ \t]?<!--[ \t]*(?=[가-힣]{{2,4}}[ \t]*-->)"
            rf"|(?:[ \t]*[:：]{{1,2}})?[ \t]?<[A-Za-z]{{1,10}}\s(?:[^<>\n]{{0,40}}?\s)?"
            rf"(?:title|value|data-[a-z-]{{1,20}})=[\"']"
            rf"(?=[가-힣]{{2,4}}[\"']))"
            rf"(?P<u>{_SURNAME}{_GIVEN})(?<!이하|이상)(?={_AFTER_NAME})"
            # ... or after a space or an = only (위임인 이민수, 교육생 = 윤철수): with nothing but a space to
            # set it off, only a surname and two syllables that given names are made of (이번에, 권한으
            # and 선정 are words), never a label or a form word; a noun in 인 only after a symbol (a bullet,
            # a tag) or where the name ends the line (대리인 김민수 on a subtitle's line: rules version 28; 학부모님
            # 위임인 김민수: 29), as 인 is also the copula (주연인 송윤아보다: who is the lead); or after a tab and the
            # quote a spreadsheet's text cell starts with, any noun (피상속인\t'김민수: rules version 26)
            rf"|(?:(?:(?<=[^\w\s])|(?<=[^\w\s][ \t])){_PERSON_NOUN}"
            rf"|{_PERSON_NOUN}(?=[ \t]+{_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}[ \t]*(?:\r?\n|$))"
            # (공동 before one of three syllables too, which the name anchor's nouns cover: 공동명의인 이도윤, rules
            # version 34)
            rf"|(?<![가-힣])(?:공동(?=[가-힣]{{2}}인(?![가-힣])))?(?:{_PARTY_NOUNS})"
            # ... or before an = anywhere (학부모님 보증인 = 김민수: no copula takes an =; rules version 31), a
            # spreadsheet formula's quote after it too (공동명의인 ="서지민": 34)
            rf"|{_PERSON_NOUN}(?=[ \t]*=[ \t]*[\"']?{_SURNAME})"
            rf"|(?<![가-힣])(?:[가-힣]{{1,4}}자|[가-힣]{{0,3}}[학강육수입업시험련습선장원]생|{_PLAIN_NOUNS})님?"
            rf"|(?<![가-힣]){_PERSON_NOUN}(?=\t'))"
            rf"(?:[ \t]+|[ \t]*=[ \t]*[\"']?|\t')(?!{_NAME_LABELS}|{_ANY_LABEL})"
            # any two syllables between the quotes of a formula after an = (담당 요양보호사 ="백보람": rules
            # version 47; not a quote closing prose: ‘개인 성격차’)
            rf"(?:(?:(?<==[\"'])|(?<==[ \t][\"']))(?P<y>{_SURNAME}[가-힣]{{2}})(?=[\"'])"
            rf"|(?P<x>{_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}))(?={_AFTER_NAME})"
        ),
        0.7,
        lambda v: False if _form_word(v) else None,
        anchor=name_anchor,
    ),
    # A labelled name with a space after its surname, as compound surnames are often written (성명: 남궁 민수,
    # 성명: 김 민수: rules version 45; the labelled rule took 남궁 alone and left the given name): after a label's
    # colon, standing alone up to the line's end or a delimiter.
    Rule(
        "kr_person_labelled_spaced",
        "PERSON",
        _r(rf"(?:{_NAME_LABELS})(?:\s?[(（][^)）\n]{{1,10}}[)）])?[ \t]*[:：][ \t]*"
           # (each syllable spaced apart too: 김 민 수, as a form's boxes are filled in: rules version 46)
           rf"(?P<v>{_SURNAME}[ \t][{_GIVEN_SYLLABLES}]"
           rf"(?:[ \t]?[{_GIVEN_SYLLABLES}])?)"
           r"(?=[ \t]*(?:\r?\n|\Z|[,;/|)\]<(]))"),
        0.7,
        lambda v: False if _form_word(re.sub(r"\s", "", v)) else None,
        anchor=name_anchor,
    ),
    # A name that only markup or code separates from its label (<label>예금주</label><input value="황유진">,
    # -- 참석자\nINSERT INTO t VALUES (17, '권도윤', ...), 참석자 [오영희]): a label, or a noun for a person's
    # role where a label stands (at a line's start or after a symbol: not the copula of 사건인 '부림사건'),
    # then text with no Hangul, no number of four digits or more (a label a number follows labels the
    # number) and a symbol at its end, then a name that starts with a common surname and stands alone.
    Rule(
        "kr_person_markup",
        "PERSON",
        _r(
            # a plain noun (선생님! 제집 ...: a call in dialogue) or one after a qualifying word only before a colon,
            # a LaTeX cell's &, a comment's opening or a closing tag (담당 의사 & 장영희, 담당 의사 <!-- 서민수 -->,
            # <label>담당 약사</label><input value="안미경">: rules version 21), or an attribute's closing quote
            # (<field name="담당 변호사">장영희</field>: 22), or a JSON key's ("담당 노무사": "장영희": 24), a table's
            # cell border (| 담당 간호사 | 김민수 |: 26; drawn with box characters, │ 담당 코치 │: 28), or the end of
            # its line where code follows (// 담당 변호사\nString v = "김민수";: 26), a quoted key's = or => ('담당
            # 노무사' => '김민수': 28), or the next attribute holds the value (<field name="동문" value="안미경"/>:
            # 29), an INI section's name too ([신청 학생]\nvalue = 김민수: 26); any noun, wherever it stands, before a
            # URL (인수자 https://shop.example.kr/name/김민수/detail: 26), after a colon too (인수자: https://...: 31;
            # two, 방문자:: https://...: 34)
            rf"(?:{_NAME_LABELS}|{_LABEL_AT}(?<![가-힣])(?:{_SUFFIX_NOUN})"
            rf"|(?:{_LABEL_AT}|{_LABEL_AT_QUALIFIED}){_PERSON_NOUN}"
            # ... or an arrow (담당 영양사 → 서현우: rules version 32); a bracket closed before the colon too (a
            # Markdown link's definition, [공동 상속인]: 안지훈: 40)
            # ... or a BBCode table's closing tag ([td]담당 임상병리사[/td][td]윤미경: rules version 41), or a leader of
            # dots as receipts and forms set between a label and its value (담당 간호사 ........ 김민수: 41)
            rf"(?=[ \t]*(?:[\"'\]）)］】」』]?[ \t]*[:：]|&|[|│┃║]|[→⇒➔➜➡▶►☞]|-{{1,2}}>|=>|<!--|</[A-Za-z]|[\"']>"
            rf"|\[/[A-Za-z]|[.·・…‥⋯]{{3,}}"
            # (a PHP-serialized array's quoted key before its value: "담당 작업 치료사";s:9:"송수빈": 42)
            rf"|[\"'][ \t]*=>?|[\"'];"
            rf"|[\"'][ \t]+(?:value|content)=|(?:\*/|-->|\])?[ \t]*\r?\n{_CODE_LINE}))"
            # (the URL in brackets too, as a chat's link markup writes it: <https://...|장하은>, rules version 42)
            rf"|(?<![가-힣])(?:{_NOUN_WORD})(?=[ \t]*(?:[:：]{{1,2}}[ \t]*)?[<(\[]?(?:https?://|www\.))"
            # ... or before an element whose text is a surname and two syllables given names are made of, as
            # after a bare space (공동명의인 <svg ...><text ...>서민수</text>: rules version 34; not 공지), with 님
            # after the noun too (담당 강사님 <svg ...>: 36)
            rf"|(?<![가-힣])(?:{_NOUN_WORD})님?"
            rf"(?=[ \t]*(?:<[A-Za-z][^<>\n가-힣]{{0,60}}>){{1,3}}{_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}</))"
            # not a word in a bracket nested in another, a note on a label (건강보험증 번호 (세대주)) 어깨: 36)
            rf"{_NESTED_NOTE_END}"
            rf"(?:(?!\d{{4}})[^가-힣]){{1,{MARKUP_REACH}}}?"
            rf"(?<=[^\sA-Za-z0-9가-힣])[^가-힣\w]{{0,3}}"
            # never a name's own label (학부모님 <field name="고객명" value="김민수"/>: rules version 28)
            rf"{_NOT_A_LABEL}(?!{_ANY_LABEL}|(?:{_NAME_LABELS})(?![가-힣]))(?P<v>{_SURNAME}[가-힣]{{1,3}})(?![가-힣0-9])"
        ),
        0.7,
        lambda v: False if _form_word(v) else None,
        anchor=name_anchor,
    ),
    # The display name a mail header or a signature writes before an address in angle brackets (김민수
    # <kim@naver.com>, "김민수" <...>): a surname and two syllables given names are made of, as after a bare
    # space (고객센터 <cs@...> is no one): rules version 34.
    Rule(
        "kr_person_mail_name",
        "PERSON",
        _r(rf"(?<![가-힣])[\"']?(?P<v>{_SURNAME}{_GIVEN_PAIR})[\"']?[ \t]*"
           r"<(?:mailto:)?[^\s<>@]{1,64}@"),
        0.7,
        lambda v: False if _form_word(v) else None,
        modelled=("v",),
    ),
    # A labelled name that is a URL's query value: the label stands before the URL (a segment of its path,
    # /name/임수빈/detail, is the markup rule's, within its reach).
    Rule(
        "kr_person_url",
        "PERSON",
        _r(rf"(?:{_NAME_LABELS})\s*[:：]{{0,2}}\s*(?:https?://|www\.)\S*?[?&][^\s=&#]*=(?P<v>[가-힣]{{2,4}})(?=[&#\s]|$)"),
        0.7,
    ),
    # Parties in judgments and complaints: a role, then a name followed by a parenthesis or comma
    # (원고 김서연(주민등록번호 ...), 피고인 이준호, ...); an organisation in that place is not a person. Or a name
    # with a particle after it, as a judgment's prose goes on (원고 김서연은 피고 최동훈에게, 증인 박병서는; a colon
    # before it: 원고: 김서연; the family court's 상대방 and 사건본인: rules version 46): then a surname and two
    # syllables given names are made of, and not the words that follow these roles in statutes (증인 현재지의,
    # 피고 주소지).
    Rule(
        "kr_person_party",
        "PERSON",
        _r(
            # (the appeals' parties too, 항소인 김민수는, 재항고인: rules version 46)
            r"(?:원고|피고인?|피해자|증인|피?신청인|피?청구인|참고인|피?고소인|채권자|채무자|상대방|사건본인"
            # (an applicant's, a candidate's and an offender's too, 지원자 옥이든은: rules version 49)
            r"|피?항소인|피?상고인|재?항고인|지원자|응시자|가해자)"
            rf"(?:\s+(?P<v>{_SURNAME}[가-힣]{{1,3}})(?=\s?[(,（])"
            rf"|(?:[ \t]+|[ \t]*[:：][ \t]*)(?!{_PARTY_NOT_NAMES})(?P<w>{_SURNAME}{_GIVEN_PAIR})"
            rf"(?={_AFTER_NAME}))"
        ),
        0.65,
        lambda v: False if _ORGANISATION.search(v) else None,
        modelled=("w",),
    ),
    # A name with 씨 or 님 after it (김민수 씨, 박지영님); roles and nouns before 님 are not names.
    Rule(
        "kr_person_honorific",
        "PERSON",
        _r(
            rf"(?<![가-힣])(?P<v>{_SURNAME}[가-힣]{{1,2}})"
            # (news's age in brackets before 씨, an occupation beside it: 이수진(32) 씨, 이수진(32·회사원)씨: rules
            # version 46)
            r"(?:\(\d{1,3}(?:세|살)?(?:[·,][ \t]?[가-힣]{1,8})?\))?"
            rf"\s?(?:씨|님)(?={_HONORIFIC_AFTER})"
        ),
        0.6,
        _not_a_name,
        _PUBLIC_ROLES,
    ),
    # A name with an office title after it (홍보팀 김민지 과장, 박지훈 대리님: rules version 45): a company's staff,
    # private persons; no title of public office (장관, 의원), whose holders news names. A surname and two syllables
    # given names are made of, a space before the title (노상주차장 holds 차장; 경우 실장, 경리 과장, 마케팅 부장 are
    # words).
    Rule(
        "kr_person_title",
        "PERSON",
        # (any two syllables where 님 follows the title, the name model deciding: 천도담 팀장님께, where an agency's
        # name stands before a title without it, 소방청 차장: rules version 49)
        # (any two syllables before a title without 님 too, the name model deciding, not an agency's or a department's
        # name, which ends so: 한복희 과장이 안내: rules version 50)
        _r(rf"(?<![가-힣])(?:(?P<v>{_SURNAME}{_GIVEN_PAIR})(?<![청처부국팀과실단])[ \t]"
           rf"(?:{_OFFICE_TITLES}|(?:대리|사원)(?=님))님?"
           rf"|(?P<w>{_SURNAME}{_GIVEN_PAIR})[ \t](?:{_OFFICE_TITLES}|대리|사원)님"
           # ... or a speaker's name and title before a colon, as minutes and transcripts write them (천도담 대리: 네,
           # 확인했습니다: rules version 49); not an agency's or a department's name, which ends so (소방청 차장:)
           rf"|(?P<u>{_SURNAME}{_GIVEN_PAIR})(?<![청처부국팀과실단])[ \t](?:{_OFFICE_TITLES}|대리|사원)"
           r"(?=[ \t]*[:：]))"
           r"(?=(?:이|가|은|는|을|를|의|께서|께|에게|도|와|과|이고|이며|입니다|이에요|예요|으로|로)?(?:[^가-힣]|$))"),
        0.6,
        _not_a_name,
        _PUBLIC_ROLES,
        modelled=("v", "w", "u"),
    ),
    # A name after a person noun of the labels (a profession, a client's or a party's word) and a space, mid-sentence
    # (담당 요양보호사 왕시온 장례식장, 공동 매수인 명해솔">: rules version 49), the word ending with the name or its
    # particle: any two syllables, the name model deciding (고객 서비스를 and 환자 정보를 are words). The labelled
    # rule reads these nouns where a label stands, or with a name of the listed syllables.
    Rule(
        "kr_person_role",
        "PERSON",
        _r(rf"(?<![가-힣])(?:{_PLAIN_NOUNS}|{_PARTY_NOUNS})님?[ \t]+(?P<v>{_SURNAME}{_GIVEN_PAIR})"
           r"(?=(?:이|가|은|는|을|를|의|께서|께|에게|도|와|과|입니다|이에요|예요|님|씨)?(?:[^가-힣]|$))"),
        0.6,
        _not_a_name,
        _PUBLIC_ROLES,
        anchor=name_anchor,
        modelled=("v",),
    ),
    # A name after the word for how the writer is related to the person, mid-sentence (친구 류서준이랑, 주치의 원단비
    # 교수의, 남편 이준호가: rules version 50), the word ending with the name or its particle: any two syllables, the
    # name model deciding (친구 사이에, 남편 연봉이 are words).
    Rule(
        "kr_person_relation",
        "PERSON",
        # (not a word with the particle 도 last: 아들 하나도)
        _r(rf"(?<![가-힣])(?:{_RELATIONS})[ \t]+(?P<v>{_SURNAME}{_GIVEN_PAIR})(?<!도)"
           r"(?=이?(?:가|은|는|을|를|의|께서|께|에게|한테|도|와|과|랑|하고|님|씨)?(?:[^가-힣]|$))"),
        0.6,
        _not_a_name,
        _PUBLIC_ROLES,
        anchor=relation_anchor,
        modelled=("v",),
    ),
    # A name addressed (rules version 46): a surname and two syllables given names are made of, then a client's,
    # a member's or a teacher's noun with 님 (정수빈 고객님, 박은지 교수님), 귀하 on a letter or a form (이서준 귀하),
    # 군 or 양 after a young person's name (김지호 군과), a role after a space (김하은 어린이가, 김민수 환자분), or a
    # letter's sign-off (박서진 드림, 김민수 배상); or after a letter's To., From. or Dear (To. 김민지). Not the
    # adjectives a client is greeted with (소중한 고객님), nor, before 양 or a role, a verb's past (사용한 양이).
    Rule(
        "kr_person_addressed",
        "PERSON",
        _r(rf"(?<![가-힣])(?!{_GREETING_WORDS})(?P<v>{_SURNAME}{_GIVEN_PAIR})"
           rf"(?:[ \t]?(?:(?:{_ADDRESSED_NOUNS})님|귀하)(?={_HONORIFIC_AFTER})"
           rf"|(?<!한)[ \t](?:군|양)(?={_HONORIFIC_AFTER})"
           rf"|(?<![한도])[ \t](?:{_ROLES_AFTER_NAME})(?:님|분)?(?={_HONORIFIC_AFTER})"
           r"|[ \t]?(?:드림|올림|배상)(?![가-힣]))"
           rf"|(?<![A-Za-z])(?:[Tt]o|TO|[Ff]rom|FROM|[Dd]ear|DEAR)[ \t]*[.:,]?[ \t]*"
           rf"(?P<w>{_SURNAME}{_GIVEN_PAIR})(?:님|씨|에게|께)?(?=[ \t]*(?:[,.!)]|\r?\n|$))"
           # ... or after a letter's salutation, with 에게 or 께 after it (사랑하는 변말순에게, 그리운 김민수님께: rules
           # version 49)
           rf"|(?<![가-힣])(?:{_SALUTATIONS})[ \t]+(?P<x>{_SURNAME}{_GIVEN_PAIR})(?:님|씨)?(?:에게|께)(?![가-힣])"),
        0.6,
        _not_a_name,
        _PUBLIC_ROLES,
        anchor=addressed_anchor,
        modelled=("v", "w", "x"),
    ),
    # A name introduced (rules version 46): after 이름은, 성함은 or 성명은 with the copula after it (제 이름은
    # 김영희입니다, 성함은 박민수 입니다), or after 저는 with a name's quotative or the copula (저는 김지훈이라고
    # 합니다, 저는 김지훈입니다: then a surname and two syllables given names are made of).
    Rule(
        "kr_person_introduced",
        "PERSON",
        _r(rf"(?:이\s?름|성함|성\s?명)(?:은|는|이)[ \t]+(?P<v>{_SURNAME}[가-힣]{{1,2}})[ \t]?{_INTRODUCING}"
           rf"|(?<![가-힣])저는[ \t]+(?P<w>{_SURNAME}{_GIVEN_PAIR})"
           rf"(?:(?:이라고|라고)[ \t]?(?:합니다|해요|하고|하는|불러|부릅)|{_INTRODUCING})"),
        0.6,
        _not_a_name,
        modelled=("w",),
    ),
    # ... or by a person noun before the name and the copula after it (상담원 김민수입니다, 담당자 박지훈이에요: rules
    # version 46), tried where a person noun starts.
    Rule(
        "kr_person_introduced_noun",
        "PERSON",
        # (a cheap test first: a noun of at most seven characters, three spaces and a name of four before the copula)
        # (a noun in 인 only before the syllables given names are mostly made of: 인 is also the copula's and a verb's
        # ending, 값인 문자열입니다, 들인 문자열입니다: rules version 48)
        _r(rf"(?<![가-힣])(?=[가-힣 \t]{{4,16}}(?:입니다|이에요|예요))(?:{_NOUN_WORD})"
           rf"(?:(?<!인)[ \t]{{1,3}}(?P<v>{_SURNAME}{_GIVEN_PAIR})"
           rf"|[ \t]{{1,3}}(?P<w>{_SURNAME}[{_GIVEN_SYLLABLES}]{{2}}))(?:입니다|이에요|예요)(?![가-힣])"),
        0.6,
        _not_a_name,
        anchor=name_anchor,
        modelled=("v",),
    ),
    # A name beside a contact (rules version 46): right before a mobile number, as classified ads and contact lines
    # write it (연락은 김민수 010-1234-5678, 담당 김민수 (010-...)), a surname and two syllables given names are made
    # of; or after a shop's 대표 and a colon in its footer, a delimiter after the name (상호: 행복마트 | 대표: 이영희 |
    # 사업자등록번호 ...; without the colon 대표 is also a word of prose, 대표 메뉴).
    Rule(
        "kr_person_contact",
        "PERSON",
        _r(rf"(?<![가-힣])(?P<v>{_SURNAME}{_GIVEN_PAIR})(?:님|씨)?[ \t]{{0,2}}[(（:：/]?[ \t]{{0,2}}"
           rf"{_MOBILE}"
           rf"|(?<![가-힣])대표(?:이사)?[ \t]*[:：][ \t]*(?P<w>{_SURNAME}[가-힣]{{1,2}})(?=[ \t]*(?:[|,/<\r\n]|$))"),
        0.6,
        _not_a_name,
        anchor=contact_anchor,
        modelled=("v",),
    ),
    # A chat's speaker as KakaoTalk exports a conversation ([김민수] [오후 3:15] ..., 2024년 1월 5일 오후 3:15,
    # 김민수 : ...: rules version 46).
    Rule(
        "kr_person_chat",
        "PERSON",
        # (a line's start, or a space where a page ran the lines together: rules version 50)
        _r(r"(?<![^\s])\[(?P<v>[가-힣]{2,4})\] \[(?:오전|오후) \d{1,2}:\d{2}\]"
           r"|(?:오전|오후) \d{1,2}:\d{2}, (?P<w>[가-힣]{2,4}) : "),
        0.6,
        _not_a_name,
    ),
    # Presidio's IP pattern ends in \b too (31.5.17.1이고); versions are told apart by their label.
    Rule(
        "ipv4",
        "IP_ADDRESS",
        _r(rf"(?<![0-9.])(?P<v>{_OCTET}(?:\.{_OCTET}){{3}})(?![0-9]|\.[0-9])"),
        0.6,
    ),
    # ... with a space after each dot, as a spaced writing goes (192. 168. 0. 1: rules version 46); a label needed, as
    # a list's numbers are written so too (10. 20. 30. 40).
    Rule(
        "ipv4_spaced",
        "IP_ADDRESS",
        _r(rf"(?<![0-9.])(?P<v>{_OCTET}(?:\. {_OCTET}){{3}})(?![0-9]|\.[0-9])"),
        0.3,
    ),
    # Presidio's e-mail and card patterns end in \b, which never matches between a Latin letter or
    # digit and Hangul: "kim@example.com으로" and "4111-1111-1111-1111입니다" were missed.
    Rule(
        "email",
        "EMAIL_ADDRESS",
        _r(
            # (the Korean internationalized domain .한국 too, a particle right after it: rules version 40)
            r"(?<![A-Za-z0-9._%+-])(?P<v>[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\."
            r"(?:[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])|한국))"
        ),
        0.9,
    ),
    # Obfuscated: the @ and the dots written as words in any bracket, or in Korean, joined or spaced:
    # kim[at]naver.com, kim (AT) naver {dot} com, kim 골뱅이 naver 닷 com, kim앳naver점com, kim%40naver.com; the @
    # typed twice (kim@@naver.com: rules version 40).
    Rule(
        "email_obfuscated",
        "EMAIL_ADDRESS",
        _r(
            # the @ quoted-printable too (kim=40naver.com, a raw mail's body: rules version 23)
            # (the local part's dots written otherwise too: rules version 45)
            rf"(?<![A-Za-z0-9._%+-])(?P<v>{_LOCAL}(?:{_GAP}(?:{_AT_WORD}|@@?){_GAP}|%40|=40)"
            rf"{_HOST}(?:(?:(?:{_GAP}(?:{_DOT_WORD}|\.){_GAP})[A-Za-z0-9-]{{1,63}}){{1,3}}"
            rf"|(?:(?:{_GAP}(?:{_DOT_WORD}|\.){_GAP})[A-Za-z0-9-]{{1,63}}){{0,2}}{_GAP}{_KOREAN_TLD}))"
            r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])"
        ),
        0.85,
        lambda v: None if re.search(rf"(?:[A-Za-z]{{2,24}}|{_KOREAN_TLD})$", v) else False,
    ),
    # The at and the dot as plain English words (kim at naver dot com, kim at naver.com): the last part
    # must be a top-level domain people use, so "looked at it. Then" is not an address.
    Rule(
        "email_words",
        "EMAIL_ADDRESS",
        _r(
            # ... in title case too (kim At naver Dot com: rules version 28)
            # ... the dot as period too (kim at naver period com: rules version 32)
            # ... the words spaced letter by letter (kim a t naver d o t com: rules version 44)
            # ... the local part's dots so written too (hong dot gildong at gmail dot com: rules version 45)
            r"(?<![A-Za-z0-9._%+-])(?P<v>[A-Za-z0-9._%+-]{1,64}"
            rf"(?:(?:\s+(?:{_SPOKEN_DOT})\s+|{_LOCAL_DOT})"
            rf"[A-Za-z0-9._%+-]{{1,64}}){{0,3}}{_WORDS_AT}"
            rf"{_HOST}(?:(?:(?:{_WORDS_DOT})[A-Za-z0-9-]{{1,63}}){{1,3}}"
            # ... or a top-level domain read out in Korean (kim at naver 닷컴: rules version 22)
            rf"|\s?{_KOREAN_TLD}))"
            r"(?![A-Za-z0-9-]|\.[A-Za-z0-9])"
        ),
        0.8,
        # the domain in capitals too (kim AT naver DOT CO DOT KR: rules version 21)
        lambda v: None if re.search(rf"(?:{_TLDS}|{_KOREAN_TLD})$", v.lower()) else False,
    ),
    # Every character of the address one space apart, against scrapers (k i m @ n a v e r . c o m: rules
    # version 38); the last part, read without its spaces, a top-level domain people use.
    Rule(
        "email_spaced_letters",
        "EMAIL_ADDRESS",
        _r(
            # (each character on its own: not the first of a word, 6명 after the address)
            r"(?<![A-Za-z0-9._%+-])(?<![A-Za-z0-9._%+-] )"
            rf"(?P<v>{_SPACED}(?: [._%+-]|(?: {_SPACED})){{0,63}} @ {_SPACED}(?: -| {_SPACED}){{0,62}}"
            # (the parts after a dot in letters, a particle may follow the last: ...k r이었던걸요)
            r"(?: \. [A-Za-z](?![A-Za-z0-9])(?: -| [A-Za-z](?![A-Za-z0-9])){0,62}){1,3})"
            rf"(?! {_SPACED})(?![A-Za-z0-9])"
        ),
        0.85,
        lambda v: None if re.search(rf"\.{_TLDS}$", v.replace(" ", "").lower()) else False,
    ),
    Rule(
        "card",
        "CREDIT_CARD",
        _r(
            rf"(?<![\d-])(?P<v>\d{{4}}(?:{SEPC}\d{{4}}){{2}}{SEPC}\d{{3,4}}|\d{{4}}{SEPC}\d{{6}}"
            rf"{SEPC}\d{{5}}){_NA}"
        ),
        0.3,
        _card,
        comma=True,
    ),
]


#: A spaced digit: the digits of a group written one at a time with a space between them
#: (``8 3 0 2 0 7-2 5 5 5 8 9 6``, as people type a number they read out; rules version 15), or a hyphen
#: or a dot between every two (``4-1-1-1-1-1-...``, to slip past filters: rules version 17).
def not_phone_groups(v: str) -> bool:
    """Whether digits written in three groups or more of two digits at least end in a group no phone number
    has: longer than four (010-00-000000 (국민은행) is an account whose digits happen to make a phone number's:
    rules version 28); or a domestic number in four groups (081-1000-0000-00 (국민은행): 36; +82 10 1234 5678
    is a phone number). Digits spaced one by one show no groups."""
    groups = re.findall(r"[0-9]+", v)
    return len(groups) >= 3 and min(map(len, groups)) >= 2 and (
        len(groups[-1]) > 4 or (len(groups) >= 4 and groups[0].startswith("0")))


def _spaced_group(n: int) -> str:
    return r"\d" if n == 1 else rf"\d(?:[ .\-]\d){{{n - 1}}}"


_ONLY_SPACED: Final = re.compile(r"\d(?:[ .\-]\d)+")


#: The longest spaced group every match of a spread rule holds (its hint: a run of that many spaced digits).
_SPREAD_RUN: dict[str, int] = {}


def _spread_rule(base: Rule, shapes: tuple[tuple[int, ...], ...], shape: re.Pattern[str] | None = None) -> Rule:
    """``base`` with the digits of every group spaced, the groups joined by any separator ``SEPC`` takes.
    Its validator and score are the base rule's; where ``shape`` is given, the digits must fit it too.
    Where none is, a run of zeros and ones is a bit string or a matrix row, not an identifier (a resident
    number's date and a licence's region tell theirs from one); a spaced digit right
    before or after the match continues a longer run, which is not one identifier either. Where only
    single spaces separate the digits, no group shows: a score the shape alone gives (a hyphenated licence
    number's) falls back to the base score, and only a checksum or a label raises it."""
    body = "|".join(SEPC.join(_spaced_group(n) for n in groups) for groups in shapes)
    validate = base.validate

    def check(v: str) -> bool | float | None:
        d = _digits(v)
        if (shape is None and set(d) <= {"0", "1"}) or (shape is not None and not shape.fullmatch(d)):
            return False
        ok = None if validate is None else validate(v)
        if isinstance(ok, float) and _ONLY_SPACED.fullmatch(v):
            return base.score
        return ok

    _SPREAD_RUN[f"{base.name}_spaced"] = min(max(groups) for groups in shapes)
    return Rule(f"{base.name}_spaced", base.entity,
                # a spaced digit before continues the run; a digit attached to a word is a label's (주민번호 앞6
                # 뒤7 0 0 0 1 0 1-...: rules version 25); a number of two digits or more on either side is not
                # a spaced digit (... 3 6 0 32평: rules version 28)
                _r(rf"(?<![0-9A-Za-z])(?<![^0-9가-힣A-Za-z][0-9][ .\-])(?<!^[0-9][ .\-])(?P<v>{body})(?![0-9])"
                   rf"(?![ .\-][0-9](?![0-9]))"), base.score, check,
                comma=True)


_BY_NAME: Final = {r.name: r for r in RULES}
RULES += [
    _spread_rule(_BY_NAME["kr_rrn"], ((6, 7),),
                 re.compile(r"\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[1-8]\d{6}")),
    _spread_rule(_BY_NAME["kr_crn"], ((6, 7),)),
    _spread_rule(_BY_NAME["kr_brn"], ((3, 2, 5),)),
    _spread_rule(_BY_NAME["kr_driver_licence"], ((2, 2, 6, 2),), re.compile(r"(?:1[1-9]|2[0-8])\d{10}")),
    _spread_rule(_BY_NAME["kr_health_insurance"], ((1, 10),)),
    _spread_rule(_BY_NAME["card"], ((4, 4, 4, 4), (4, 4, 4, 3), (4, 6, 5))),
]


@cache
def _label_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the labels, spaced as people space them: a space may stand between any two of a label's
    characters, or not stand where the label has one (운전 면허 번호 for 운전면허, 법인등록 for 법인 등록); not
    inside a word of two characters, which two words' edges make (금고 in 등록금 고지서: rules version 32)."""
    unspaced = {w.replace(" ", "") for w in words}
    return re.compile("|".join(r"[ \t]?".join(map(re.escape, w)) if len(w) > 2 else re.escape(w)
                               for w in sorted(unspaced, key=len, reverse=True)))


#: A cheap search a text must pass before a rule's pattern runs on it: the rule's label words where
#: the rule needs its label to reach ``MIN_SCORE`` anyway, else a fragment every match contains. Not for
#: the anchored rules: they are tried only where their anchor allows a match to start (the address and the
#: plate anchors find that fragment themselves), and the name rules' positions, found once for both, cost
#: less than their two hints did (which passed on two of three of the benchmark's documents and only
#: repeated the anchor's work: 10 to 20% of the detector's time, stop 39).
HINTS: Final = {
    "kr_bank_account": _label_pattern(CONTEXT["KR_BANK_ACCOUNT"]),
    "kr_health_insurance": _label_pattern(CONTEXT["KR_HEALTH_INSURANCE"]),
    "kr_passport": re.compile(r"[MSRODGmsrodg][ -]?\d"),
    "kr_person_title": re.compile(f"{_OFFICE_TITLES}|대리님|사원님|(?:대리|사원)[ \t]*[:：]"),
    "kr_rrn_parts": re.compile(r"[뒷뒤]"),
    "kr_person_url": re.compile(r"[?&][^\s=&#]*=[가-힣]"),
    "kr_person_mail_name": re.compile(r"<(?:mailto:)?[^\s<>@]{1,64}@"),
    "kr_person_party": re.compile(r"원고|피고|피해자|증인|신청인|청구인|참고인|고소인|채권자|채무자|상대방|사건본인"
                                  r"|항소인|상고인|항고인|지원자|응시자|가해자"),
    "kr_person_introduced": re.compile(r"(?:름|함|명)[은는이][ \t]|저는[ \t]"),
    "kr_person_chat": re.compile(r"오[전후] \d{1,2}:\d\d"),
    "kr_person_honorific": re.compile(r"[씨님]"),
    "ipv4": re.compile(r"(?<=\d)\.\d{1,3}\.\d"),  # from the dot, rarer than a digit (stop 45)
    "ipv4_spaced": re.compile(r"(?<=\d)\. \d{1,3}\. \d"),
    "email": re.compile("@"),
    "email_obfuscated": re.compile(rf"@|%40|=40|{_AT_WORD}"),
    # what every match holds from its @'s word to its first dot (rules version 45; the gate before Presidio takes it:
    # a narrower pattern of its own there lost kim at naver [dot] com, kim at 네이버 닷컴 in a text without a digit)
    "email_words": re.compile(rf"\s(?:{_PLAIN_AT})\s+{_HOST}(?:{_WORDS_DOT}|\s?{_KOREAN_TLD})"),
    "email_spaced_letters": re.compile(r"[A-Za-z0-9] @ [A-Za-z0-9] "),
    # a spread rule's longest group spaced (seven digits for a resident number's): three spaced digits passed
    # every statute (stop 39)
    **{name: re.compile(rf"\d(?:[ .\-]\d){{{n - 1}}}") for name, n in _SPREAD_RUN.items()},
}
#: The spread rules' shortest hint, before each one's own: a text that fails it fails them all.
_SPREAD_ANY: Final = HINTS[min(_SPREAD_RUN, key=_SPREAD_RUN.__getitem__)]


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _checksum_holds(rule: str, value: str) -> bool:
    rule = rule.removesuffix("_spaced")
    d = _digits(value)
    if rule == "kr_rrn":
        return len(d) == 13 and _rrn_checksum(d)
    if rule == "kr_crn":
        return _crn(value) is not False
    if rule == "kr_brn":
        return _brn(value) is not False
    return rule == "card" and _card(value)


#: One group of digits with its marks (``010–`` of ``010–\t3748–\t8948``).
_ONE_GROUP = re.compile(r"[^\w]*[0-9]+[^\w]*")


def _amid_text(text: str, start: int, end: int, cells: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> bool:
    """Whether a match with tabs in it has other text before it in the cell where it starts and other text
    after it in the cell where it ends: tabs in running text then, not cell borders (``확인: (010\t0000\t0000)
    다음``, ``?tel=010\t0000\t0000&ref=mail``; two such lines read as a TSV table: rules version 26). A
    number that crosses a table's cells starts or ends with one (17\t22 00 282726 57\t2024-05-02). A match that runs
    past its row's last cell into the next line has no cell to end in, so no text after it there (it raised
    StopIteration until stop 61: ``...\t2024-05-02\n 3``, a line break and a digit after a row)."""
    first = next((a for a, b in cells if a <= start <= b), start)
    last = next((b for a, b in cells if a <= end <= b), end)
    return bool(text[first:start].strip()) and bool(text[end:last].strip())


def _crosses_cells(text: str, start: int, end: int) -> bool:
    """Whether a match stands in a row of a TSV table (a row of three or more short cells with a row of as
    many cells above or below it): a number with a tab in it does not cross a table's cells
    (17\t22 00 282726 57\t2024-05-02), unless it stands amid text (``_amid_text``) or holds one group in each
    cell (010\t0000\t0000: a form's fields for one number: rules version 26)."""
    rows = _table_rows(text)
    for i, cells in enumerate(rows):
        if cells and cells[0][0] <= start <= cells[-1][1]:
            if "\t" not in text[cells[0][0]:cells[-1][1]]:
                return False
            n = len(cells)  # three cells at least: two lines with a tab each are not yet a table
            # ... and the match is in no one cell: an HTML row's cell holds tabs of its own
            # (<td>11—\t00—\t000000—\t00</td>: rules version 26)
            return (n >= 3 and ((i > 0 and len(rows[i - 1]) == n) or (i + 1 < len(rows) and len(rows[i + 1]) == n))
                    and not any(a <= start and end <= b for a, b in cells)
                    and not _amid_text(text, start, end, cells)
                    and not all(_ONE_GROUP.fullmatch(p) for p in text[start:end].split("\t")))
    return False


def _in_number_list(text: str, start: int, end: int, rule: str) -> bool:
    """Whether a comma-separated value is a thousands-grouped number, or one item of a list of numbers (a
    CSV row) whose checksum does not hold: a phone shape between two numbers of a list is not taken."""
    value = text[start:end]
    if _THOUSANDS.fullmatch(value.replace(" ", "")) is not None:
        return True
    listed = (re.search(r"\d[ \t]?,[ \t]?$", text[max(0, start - 3):start]) is not None
              or re.match(r"[ \t]?,[ \t]?\d", text[end:end + 3]) is not None)
    return listed and not _checksum_holds(rule, value) and not _one_cell_of_csv(text, start, end)


def _one_cell_of_csv(text: str, start: int, end: int) -> bool:
    """Whether a value with commas in it is one cell of a CSV row: the row has as many commas more than the
    header line above it as the value holds (번호,운전면허번호 over 1,11,00,000000,00: rules version 32)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if lo == 0 or "\n" in text[start:end]:
        return False
    header = text[text.rfind("\n", 0, lo - 1) + 1:lo - 1]
    extra = text.count(",", lo, hi) - header.count(",")
    return "," in header and extra > 0 and extra == text.count(",", start, end)


class KoreanRegexRecognizer(EntityRecognizer):
    """The project's rules as one Presidio recognizer; each result names its rule in
    ``recognition_metadata["rule"]``."""

    def __init__(self, entity_filter: tuple[str, ...] = ()) -> None:
        self.rules = [r for r in RULES if not entity_filter or r.entity in entity_filter]
        self._hints = [tuple(h for h in (_SPREAD_ANY if r.name in _SPREAD_RUN else None, HINTS.get(r.name))
                             if h is not None) for r in self.rules]
        #: the named groups each rule's value can be in, in the order they are read
        self._groups = [tuple(g for g in ("v", "w", "u", "x", "y") if g in r.pattern.groupindex)
                        for r in self.rules]
        super().__init__(
            supported_entities=sorted(
                {r.entity for r in self.rules}
                | ({"KR_FRN"} if any(r.entity == "KR_RRN" for r in self.rules) else set())
            ),
            supported_language="ko",
            name="KoreanRegexRecognizer",
            version=str(RULES_VERSION),
        )

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        out = []
        anchored: dict[Callable[[str], list[int]], list[int]] = {}  # an anchor's positions, shared by its rules
        # a hint's verdict on this text, shared likewise; by the hint's identity, as a compiled pattern hashes
        # its whole program (filters.pii_gates._SCANS)
        verdicts: dict[int, bool] = {}
        gates_open = is_open()
        for rule, hints, groups in zip(self.rules, self._hints, self._groups, strict=True):
            if entities and rule.entity not in entities:
                continue
            passed = True
            for hint in () if gates_open else hints:
                ok = verdicts.get(id(hint))
                if ok is None:
                    ok = verdicts[id(hint)] = scan_of(hint).search(text) is not None
                if not ok:
                    passed = False
                    break
            if not passed:
                continue
            pos = 0
            starts = None
            if rule.anchor is not None and not gates_open:
                starts = anchored.get(rule.anchor)
                if starts is None:
                    starts = anchored[rule.anchor] = rule.anchor(text)
            k = 0
            # A rejected match may hide a valid one that starts inside it (17,56406420088 in a CSV row):
            # the search goes on from the character after its start, not after its end.
            while True:
                if starts is None:
                    m = rule.scan.search(text, pos)
                else:
                    m = None
                    while k < len(starts) and m is None:
                        if starts[k] >= pos:
                            m = rule.pattern.match(text, starts[k])
                        k += 1
                if m is None:
                    break
                pos = m.end() if m.end() > m.start() else m.start() + 1
                group = groups[0] if len(groups) == 1 else next(g for g in groups if m.group(g) is not None)
                if rule.not_after is not None and rule.not_after.search(
                    text, max(0, m.start(group) - 10), m.start(group)
                ):
                    continue
                if rule.comma and "," in m.group(group) and _in_number_list(text, m.start(group), m.end(group),
                                                                           rule.name):
                    pos = m.start() + 1
                    continue
                # ... nor across a TSV table's cells, unless its checksum holds (a table's neighbouring cells
                # almost never make a valid resident or card number: rules version 19)
                if ("\t" in m.group(group) and not _checksum_holds(rule.name, m.group(group))
                        and _crosses_cells(text, m.start(group), m.end(group))):
                    pos = m.start() + 1
                    continue
                score = rule.score
                if rule.validate is not None:
                    ok = rule.validate(m.group(group))
                    if ok is False:
                        pos = m.start() + 1
                        continue
                    if ok is True:
                        score = max(score, 0.85)
                    elif isinstance(ok, float):
                        score = ok
                if group in rule.modelled and not name_in_context(m.group(group)):
                    pos = m.start() + 1
                    continue
                start, end = m.start(group), m.end(group)
                if rule.name in _READS_PAST_NOUNS:
                    start, end = name_read_as_noun(text, m.start(), start) or (start, end)
                entity = rule.entity
                if entity == "KR_RRN" and _digits(m.group(group))[-7] in "5678":  # the back part's first digit
                    entity = "KR_FRN"
                explanation = AnalysisExplanation(
                    recognizer=self.name,
                    original_score=rule.score,
                    pattern_name=rule.name,
                    pattern=rule.pattern.pattern,
                    validation_result=None if score == rule.score else score,
                )
                meta = {
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    "rule": rule.name,
                }
                out.append(RecognizerResult(entity, start, end, score, explanation, meta))
        if "PERSON" in self.supported_entities and (not entities or "PERSON" in entities):
            names, headers = table_names(text)
            if headers:  # a label's neighbour in a header row is another label
                out = [r for r in out if not (r.entity_type == "PERSON" and any(a <= r.start < b for a, b in headers))]
            for start, end in names:
                explanation = AnalysisExplanation(recognizer=self.name, original_score=TABLE_SCORE,
                                                  pattern_name="kr_person_table", pattern=None)
                meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id, "rule": "kr_person_table"}
                out.append(RecognizerResult("PERSON", start, end, TABLE_SCORE, explanation, meta))
        return out


#: A header cell that names a person's column: a label or a person noun, with up to two words before it
#: (``보내는 분 성함``: rules version 29), 님 after it too (``담당 강사님``: 34).
_LABEL_CELL = re.compile(
    rf"[\s\"'*`<>\[\]]*(?:[가-힣]{{1,6}}\s){{0,2}}(?:{_NAME_LABELS}|{_NOUN_WORD})님?[\s\"'*`<>\[\]:：]*")
_NAME_CELL = re.compile(r"[\s\"'*`<>\[\]]*(?P<v>[가-힣]{2,4})[\s\"'*`<>\[\]]*")
_HTML_CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.IGNORECASE | re.DOTALL)
TABLE_SCORE: Final = 0.7


_CELL_MAX = 48  # characters: a longer "cell" is prose


def _rows(text: str) -> list[list[tuple[int, int]]]:
    """The table rows of ``text`` as cell spans: lines split by the delimiter they share with the lines
    around them (comma, tab, pipe, semicolon), and HTML rows; a blank line ends a table."""
    rows: list[list[tuple[int, int]]] = []
    last = 0
    for m in re.finditer(r"<tr[^>]*>(.*?)</tr>", text, re.IGNORECASE | re.DOTALL):
        if "</table>" in text[last:m.start()].lower():
            rows.append([])
        rows.append([(c.start(1), c.end(1)) for c in _HTML_CELL.finditer(text, m.start(1), m.end(1))])
        last = m.end()
    rows.append([])
    pos, last_delim = 0, None
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        # the first of tab, pipe, comma and semicolon the line holds (a test each: a generator per line was
        # a tenth of the table reading on crawl pages, stop 53)
        delim = "\t" if "\t" in line else "|" if "|" in line else "," if "," in line else ";" if ";" in line else None
        parts = line.split(delim) if delim is not None else []
        # A row's cells are short, and a table's rows share their delimiter: a sentence with a comma in
        # it, or a chat line with a tab, is not a row.
        if delim is None or not line.strip() or max(map(len, parts)) > _CELL_MAX:
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


@lru_cache(maxsize=8)
def _table_rows(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    return tuple(tuple(r) for r in _rows(text))


@lru_cache(maxsize=8)
def _table_index(text: str) -> tuple[tuple[tuple[list[int], list[int]], ...], tuple[int, ...]]:
    """What ``column_header`` needs of ``_table_rows``, made once per text (for each finding it walked every
    cell of every row and back to the header row: quadratic on a long table, stop 45). First, the rows in two
    runs that each stand in the text's order and apart, the HTML rows and then the lines' (``_rows`` puts them
    in that order), each as its rows' starts and indices: a span is in the last row of a run that starts at or
    before it, or in none of the run's. Second, for each row the first of the rows above it with as many
    cells, itself included: its table's header row."""
    rows = _table_rows(text)
    runs: list[tuple[list[int], list[int]]] = []
    last = -1
    for i, cells in enumerate(rows):
        if not cells:
            continue
        if not runs or cells[0][0] <= last:  # the lines' rows start over from the text's start
            runs.append(([], []))
        runs[-1][0].append(cells[0][0])
        runs[-1][1].append(i)
        last = cells[-1][1]
    firsts: list[int] = []
    for i, cells in enumerate(rows):
        firsts.append(firsts[-1] if i > 0 and len(rows[i - 1]) == len(cells) else i)
    return tuple(runs), tuple(firsts)


def column_header(text: str, start: int, end: int) -> str | None:
    """The header of the table column a span stands in (the first row of its table with as many cells),
    or None where the span is in no table, in the header row itself, or where that first row's cell holds a
    value."""
    if not _holds_tag(text):
        line = text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]
        if not any(d in line for d in ("\t", "|", ",", ";")):
            return None  # a row's line holds its delimiter
    rows = _table_rows(text)
    runs, firsts = _table_index(text)
    for starts, indices in runs:
        # the one row of the run that can hold the span: the last that starts at or before it
        at = bisect.bisect_right(starts, start) - 1
        if at < 0:
            continue
        i = indices[at]
        cells = rows[i]
        col = next((k for k, (a, b) in enumerate(cells) if a <= start and end <= b), None)
        if col is None:
            continue
        first = firsts[i]
        if first == i:
            return None
        a, b = rows[first][col]
        return None if _VALUE_IN_CELL.search(text, a, b) else text[a:b]
    return None


@lru_cache(maxsize=8)
def _holds_tag(text: str) -> bool:
    """Whether ``text`` holds an HTML table tag's start, read once per text: a search of the whole text for
    each finding was quadratic on a long table (stop 45)."""
    return "<t" in text


#: A number of eight digits or more in a cell: a value, so its row is no header (two lines of prose with one
#: comma each read as a two-column table, ``... 4000-0000-0000-0002 (카드번호) 중2 수학, 주 2회 희망``: rules
#: version 26); its groups apart with a spaced hyphen too ('110100 - 0000005': rules version 36).
_VALUE_IN_CELL = re.compile(r"[0-9](?:[ \-.]{0,3}[0-9]){7,}")


#: A name label or the end of a person noun (님 after it too): a table without one names no one.
_TABLE_LABEL: Final = scanning(re.compile(rf"{_NAME_LABELS}|{_NOUN_END}님?[^가-힣]"))
#: A header row and a row below it (``_rows``): two lines in a row with a delimiter each, or an HTML row.
_TABLE_SHAPE: Final = scanning(re.compile(r"[\t|,;][^\n]*\n[^\n]*[\t|,;]|<[tT][rR]"))


def table_names(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Names in a table column whose header is a name label (a CSV, TSV or Markdown table, or an HTML
    table): the label stands in the header row, the names below it. Returns the names' spans and the
    header rows' spans (the cells beside a label there are other labels, not values)."""
    if _TABLE_SHAPE.search(text) is None or _TABLE_LABEL.search(text) is None:
        return [], []
    out: list[tuple[int, int]] = []
    headers: list[tuple[int, int]] = []
    header: tuple[int, int, int, int] | None = None  # (column, cells, start and end of the header row)
    for cells in _table_rows(text):
        if not cells:
            header = None
            continue
        if header is None or len(cells) != header[1]:
            cols = [i for i, (a, b) in enumerate(cells) if _LABEL_CELL.fullmatch(text, a, b)]
            header = (cols[0], len(cells), cells[0][0], cells[-1][1]) if cols else None
            continue
        if not headers or headers[-1] != header[2:]:
            headers.append(header[2:])  # a header row: a row of its shape follows
        a, b = cells[header[0]]
        m = _NAME_CELL.fullmatch(text, a, b)
        if m is not None:
            out.append((m.start("v"), m.end("v")))
    return out, headers


def _last(haystack: str, words: tuple[str, ...] | list[str], not_in: tuple[str, ...] = ()) -> int:
    """Position just after the rightmost occurrence of any word in ``haystack``, or -1; not one that starts a
    longer word of ``not_in``."""
    best = -1
    if not words:
        return best
    for m in _label_pattern(tuple(words)).finditer(haystack):
        if not (not_in and haystack.startswith(not_in, m.start())):
            best = max(best, m.end())
    return best


#: A label in brackets right after a number is that number's (11-00-000000-00 (운전면허번호)), not the label of a
#: value further on; after any closing bracket, quote or tag of the number's own, or a line break (【110100-0000005】
#: (법인등록번호), Q=110100-0000005\n (법인등록번호): rules version 36).
_CLAIMED: Final = re.compile(rf"\d(?:{_CLOSE}){{0,2}}[ \t]*(?:\r?\n[ \t]*)?[(（\[][^)）\]\n]{{0,10}}$")


def _last_unclaimed(haystack: str, words: tuple[str, ...] | list[str], text: str, end: int, head: int) -> int:
    """``_last``, passing over an occurrence that is a bracketed label of the number right before it in
    ``text`` (rules version 31: ``11-00-000000-00 (운전면허번호), 통장 사본 ... (000101-1000002)`` capped the
    resident number); ``haystack[head:]`` is the piece of ``text`` that ends at ``end`` (before it in
    ``haystack``, a column's header)."""
    best = -1
    at = text.rfind(haystack[head:], 0, end) if head < len(haystack) else -1
    for m in _label_pattern(tuple(words)).finditer(haystack):
        where = at + m.start() - head
        if m.start() < head or at < 0 or _CLAIMED.search(text, max(0, where - 16), where) is None:
            best = max(best, m.end())
    return best


#: Types a number has only by its label: no checksum, no prefix, no shape of their own.
SHAPELESS: Final = frozenset({"KR_BANK_ACCOUNT", "KR_HEALTH_INSURANCE"})
#: A shapeless type's word with a number word after it, within eight characters (건강보험 가입 번호, 계좌 No.): a label
#: of the type's own, as ``TYPE_LABELS``'s are, however it is spelled (rules version 36).
_NUMBER_LABEL: Final = {
    e: re.compile(rf"(?:{_label_pattern(tuple(CONTEXT[e])).pattern})[^\n]{{0,8}}?(?:번호|넘버|N[Oo](?![A-Za-z]))")
    for e in SHAPELESS}


def _other_label_nearer_after(entity: str, after: str, distance_before: int) -> bool:
    """Whether another type's own label (``TYPE_LABELS``; any word of another shapeless type's, which is decided
    by its nearest word alone) starts in ``after`` fewer characters from the value than ``distance_before``,
    with no word of ``entity``'s before it."""
    own = _label_pattern(tuple(CONTEXT[entity])).search(after)
    for e, labels in TYPE_LABELS.items():
        if e == entity:
            continue
        words = (*labels, *CONTEXT[e]) if e in SHAPELESS else labels
        m = _label_pattern(tuple(words)).search(after, 0, own.start() if own is not None else len(after))
        if m is not None and m.start() < distance_before:
            return True
    return False


#: Types one label can name both of (a resident number and a foreigner number share a shape).
_SIBLINGS: Final = frozenset({("KR_RRN", "KR_FRN"), ("KR_FRN", "KR_RRN")})


class KoreanContextEnhancer(ContextAwareEnhancer):
    """Presidio's context step for Korean text, which has no spaces between a word and its
    particles (연락처는, 여권번호:) and which the no-op NLP engine gives no lemmas: Presidio's
    ``LemmaContextAwareEnhancer`` then found no context at all, and a passport after 여권번호 stayed
    at its recognizer's 0.05. Here a label is a substring in a window around the match (before it, or
    right after it), the labels are the recognizer's own ``context`` and the project's ``CONTEXT``;
    a supported match is raised as Presidio raises it (``+context_similarity_factor``, at least
    ``min_score_with_context_similarity``) and its explanation records the word. A number whose
    nearest label marks it as something else (주문번호, 모델, S/N ...) is set to 0."""

    def __init__(self) -> None:
        super().__init__(
            context_similarity_factor=CONTEXT_FACTOR,
            min_score_with_context_similarity=MIN_WITH_CONTEXT,
            context_prefix_count=0,
            context_suffix_count=0,
        )

    def enhance_using_context(
        self,
        text: str,
        raw_results: list[RecognizerResult],
        nlp_artifacts: object,
        recognizers: list[EntityRecognizer],
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        by_id = {r.id: r for r in recognizers}
        # a span's windows, once for all the results on it (half the results on crawl pages share their span
        # with another recognizer's or type's: stop 53)
        spans: dict[tuple[int, int], tuple[str, str, tuple[int, int]]] = {}
        for result in raw_results:
            rec = by_id.get((result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY))
            words = [*CONTEXT.get(result.entity_type, ()), *(rec.context or () if rec else ()), *(context or ())]
            windows = spans.get((result.start, result.end))
            if windows is None:
                windows = spans[result.start, result.end] = _windows(text, result.start, result.end)
            before, after, near = windows
            # a shapeless type's label is its only evidence: not the last value's bracketed label (36)
            pos = (_last_unclaimed(before, words, text, result.start, near[0]) if result.entity_type in SHAPELESS
                   else _last(before, words))
            neg = _last(before[-NEGATIVE_WINDOW:], NEGATIVE_CONTEXT, NEGATIVE_CONTEXT_WORDS_NOT)
            if neg >= 0:
                neg += max(0, len(before) - NEGATIVE_WINDOW)
            # Another type's label caps a match only from the plain window (and the column header): across
            # markup it would reach the label of the value before (주민등록번호) ... WARN 000-00-00000).
            other_hay = before[:near[0]] + before[near[1]:]
            others = _other_labels(result.entity_type)
            other = -1 if others.search(other_hay) is None else max(
                (
                    _last_unclaimed(other_hay, words, text, result.start, near[0])
                    for e, words in TYPE_LABELS.items()
                    if e != result.entity_type and (e, result.entity_type) not in _SIBLINGS
                ),
                default=-1,
            )
            if other > near[0]:
                other += near[1] - near[0]
            if neg > pos:
                result.score = 0.0
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_improved_score(0.0)
                continue
            word = before[:pos].rsplit(None, 1)[-1] if pos >= 0 and before[:pos].split() else ""
            bracketed = False
            # A type with no shape of its own is named by its nearest label: another type's own label after
            # it, nearer than this type's word before it (a word, not its own type's label), caps it
            # (회비 입금 안내 INSERT INTO t VALUES (17, '1-0000000000', ...); (건강보험증 번호): the
            # health-insurance label, not 입금; rules version 27).
            if (pos >= 0 and result.entity_type in SHAPELESS and _last(before, TYPE_LABELS[result.entity_type]) < 0
                    and _NUMBER_LABEL[result.entity_type].search(before) is None
                    and _other_label_nearer_after(result.entity_type, after, len(before) - pos)):
                other = len(before) + 1
            if pos < 0:
                after_at = _label_pattern(tuple(words)).search(after) if words else None
                word = after_at.group() if after_at else ""
                # Its own label in the brackets right after it names it, whatever label of another type stood
                # before (4000-0000-0000-0002 (카드번호) ... 000-00-00000 (사업자등록번호), ... (국민은행):
                # rules version 20).
                opened = _BRACKET_AFTER.match(after)
                closed = _BRACKET_CLOSE.search(after, opened.end()) if opened is not None else None
                bracketed = (after_at is not None and opened is not None and closed is not None
                             and opened.end() <= after_at.start() < closed.start())
                if bracketed:
                    other = -1
                # Another type's own label nearer after the value than this type's word caps it too:
                # 66520187474 (건강보험 번호) 입금 기한 is a health-insurance number, not an account.
                if after_at is not None and others.search(after, 0, after_at.start()) is not None:
                    other = len(before) + 1
                # ... and, between the types with a checksum, another type's label before the value or in
                # brackets right after it, with no word of this type's, where the value is one of that type
                # too (110101-1000002 (법인등록No): a valid resident number as well, labelled corporate).
                if after_at is None and _labelled_as_another(result.entity_type, text[result.start:result.end],
                                                             before, after):
                    other = len(before) + 1
            if word or pos >= 0:
                # A label before the value is stronger evidence than a word after it (건보 번호 1516...
                # 으로 입금: the health-insurance label, not 입금, decides); a label in brackets right after
                # it is as strong (회비 입금 안내 1-0000000000 (건강보험증 번호): rules version 27).
                floor = MIN_WITH_CONTEXT + (BEFORE_BONUS if pos >= 0 or bracketed else 0.0)
                result.score = min(max(result.score + CONTEXT_FACTOR, floor), self.MAX_SCORE)
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            # Another type's own label nearer before the match than any of this type's caps it, also
            # when a word after the match raised it: 건강보험증 번호 7\n0526632306 (연락 주세요) holds
            # a phone-shaped tail, and the label before it decides.
            if other > pos and result.score >= MIN_SCORE:
                result.score = MIN_SCORE - 0.1
            if result.analysis_explanation is not None and (word or pos >= 0 or other > pos):
                if word:
                    result.analysis_explanation.set_supportive_context_word(word)
                result.analysis_explanation.set_improved_score(result.score)
        return _one_per_span(raw_results)


@cache
def _other_labels(entity: str) -> re.Pattern[str]:
    """Every label of another type that can cap ``entity`` (``TYPE_LABELS`` but its own and its siblings'), in
    one pattern: a window where it finds nothing holds no such label, and each type's is not looked for."""
    return _label_pattern(tuple(w for e, words in TYPE_LABELS.items()
                                if e != entity and (e, entity) not in _SIBLINGS for w in words))


def _fits(entity: str, value: str) -> bool:
    """Whether ``value`` is, whole, a value of ``entity`` by one of the project's rules (its shape and
    checksum)."""
    for rule in RULES:
        if rule.entity != entity:
            continue
        m = rule.pattern.fullmatch(value)
        if m is not None and (rule.validate is None or rule.validate(m.group("v")) is not False):
            return True
    return False


#: The types whose values a checksum tells apart, and which one value can pass two of (a corporate and a
#: resident number).
_CHECKSUMMED: Final = ("KR_RRN", "KR_FRN", "KR_CRN", "KR_BRN", "CREDIT_CARD")
#: The stem every label of a checksum type starts with (법인 No, 법인등록No., 외국인 등록No): a label in any
#: spelling, for telling one such type from another.
_TYPE_STEMS: Final = {"KR_RRN": ("주민",), "KR_FRN": ("외국인",), "KR_CRN": ("법인",), "KR_BRN": ("사업자",),
                      "CREDIT_CARD": ("카드",)}
#: ... a stem where a label goes on from it: not a word it begins (주민센터, 외국인 근로자, 법인 대표: rules
#: version 31), unless that word is the label's own (주민등록, 법인 번호, 외국인등록증).
_STEM_ENDS: Final = r"(?![ \t]?[가-힣])|(?=[ \t]?(?:등록|번호|증|넘버))"
_TYPE_LABEL: Final = {
    e: re.compile(f"{_label_pattern(CONTEXT[e]).pattern}|(?:{'|'.join(_TYPE_STEMS[e])})(?:{_STEM_ENDS})")
    for e in _CHECKSUMMED}


def _labelled_as_another(entity: str, value: str, before: str, after: str) -> bool:
    """Whether a value of a checksum type with no word of its own type near it is labelled as another
    checksum type it is also a value of: that type's label (or its stem) in the last 24 characters before
    it (or before markup only: ``_label_near``), or in brackets right after it."""
    if entity not in _CHECKSUMMED:
        return False
    opened = _BRACKET_AFTER.match(after)
    for e in _CHECKSUMMED:
        if e == entity or (e, entity) in _SIBLINGS:
            continue
        label = _TYPE_LABEL[e]
        if ((_label_near(label, before) or (opened is not None and label.match(after, opened.end())))
                and _fits(e, value)):
            return True
    return False


def _label_near(label: re.Pattern[str], before: str) -> bool:
    """Whether ``label`` stands in the last 24 characters of the window before a value, or further back with
    only markup or code between its ``LABEL_SPAN`` characters and the value, no Hangul, and no number before it
    whose bracketed label it is (``{/* 법인 (등록) 번호 */}\n<Contact q="...``: rules version 36)."""
    if label.search(before[-24:]) is not None:
        return True
    starts = [m.start() for m in label.finditer(before)]
    return bool(starts) and _FIRST_HANGUL.search(before, starts[-1] + LABEL_SPAN) is None and _CLAIMED.search(
        before, max(0, starts[-1] - 16), starts[-1]) is None


#: The opening of a bracketed label right after a value: ``110101-1000002 (법인등록번호)``; after the value's
#: own closing bracket, quote or tag too (``(111122-4070023) (법인 No:)``, ``<q>...</q> (법인 No:)``: rules version 26),
#: an empty element's end too, or a line break (``<Contact q="..." /> (법인 (등록) 번호)``, ``Q=110000000000\n
#: (운전면허)``: 36).
_BRACKET_AFTER = re.compile(rf"(?:(?:{_CLOSE}|’|/)[ \t]*){{0,3}}[ \t]*(?:\r?\n[ \t]*)?[(（\[][ \t]*")
_BRACKET_CLOSE = re.compile(r"[)）\]]")
#: A URL up to the ``=`` of a query parameter, ending where a value starts.
_URL_TO_VALUE = re.compile(r"(?:https?://|www\.)\S*?[?&][^\s=&#]*=$")
_URL_REACH = 300


_LAST_HANGUL = re.compile(r"[가-힣][^가-힣]*$")
#: A call or mail button's caption right before a value in its target (``_windows``).
_CAPTION_BEFORE = re.compile(f"{_CAPTION}$")
_FIRST_HANGUL = re.compile(r"[가-힣]")
#: Where markup separates a value from the nearest Hangul (up to ``MARKUP_REACH``), how much text from
#: that Hangul on is searched for the label.
LABEL_SPAN: Final = 16


#: The rest of an element a value stands in, its text and its closing tag, then a bracketed label
#: (``<button value="D34479254">확인</button> (여권번호)``: the button's own word is no label, the bracket
#: after it is; rules version 26).
#: ... or the closing tags of the elements a value stands in, then the bracket (``<option selected>M00000000</option>
#: </select> (Passport No.)``: rules version 31).
_ELEMENT_THEN_BRACKET = re.compile(r"(?:[\"']?[^<>\n]{0,40}>[^<>\n]{0,16}</[A-Za-z][A-Za-z0-9]{0,9}>"
                                   r"|(?:</[A-Za-z][A-Za-z0-9]{0,9}>){1,3})[ \t]*[(（\[][^)）\]\n]{1,24}[)）\]]")


def _windows(text: str, start: int, end: int) -> tuple[str, str, tuple[int, int]]:
    """The windows searched for a label before and after a match.

    A value in a table column (CSV, TSV, Markdown or HTML) has its column's header before it. Markup
    and code between a label and its value hold no Hangul (``<label>기업은행</label><input value="...``,
    ``-- 건강보험증 번호\\nINSERT INTO t VALUES (17, '...``) and do not count toward a window: where
    the nearest Hangul stands within ``MARKUP_REACH`` characters, the window takes in at least
    ``LABEL_SPAN`` characters from it on. A value
    that is a URL's query parameter is read as if the URL were not there: ``건강보험번호
    https://example.kr/form?q=96245744287`` has its label before the URL (and after it, past the URL).
    Returns the window before, the window after, and where in the first the header ends and the plain
    ``WINDOW`` characters before the value begin."""
    lead = text[max(0, start - _URL_REACH) : start]
    m = _URL_TO_VALUE.search(lead)
    if m:
        start -= len(lead) - m.start()
        while end < len(text) and not text[end].isspace():
            end += 1
    lo, hi = max(0, start - WINDOW), end + AFTER_WINDOW
    # the caption of a call or mail button the value is the target of is no text before it (36)
    caption = _CAPTION_BEFORE.search(text, max(0, start - 40), start)
    before_markup = caption.start() if caption is not None else start
    h = _LAST_HANGUL.search(text, max(0, before_markup - MARKUP_REACH), before_markup)
    if h is not None:
        at = h.start() + 1
        # a note in brackets that ends the label counts toward the span no more than markup does (<field
        # name="여권번호 (영문 1자리 + 숫자)" value="...: rules version 42)
        if text[at:at + 1] in (")", "）"):
            opened = max(text.rfind("(", max(0, at - LABEL_SPAN), at), text.rfind("（", max(0, at - LABEL_SPAN), at))
            at = opened if opened >= 0 else at
        lo = min(lo, max(0, at - LABEL_SPAN))
    h = _FIRST_HANGUL.search(text, end, end + MARKUP_REACH)
    if h is not None:
        hi = max(hi, h.start() + LABEL_SPAN)
    m = _ELEMENT_THEN_BRACKET.match(text, end)
    if m is not None:
        hi = max(hi, m.end())
    header = column_header(text, start, end)
    head = f"{header}\n" if header else ""
    return head + text[lo:start], text[end:hi], (len(head), len(head) + max(0, start - WINDOW) - lo)


def _one_per_span(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """One result per (type, span): the highest score, then the recognizer's name and rule. Presidio's
    ``remove_duplicates`` goes through a ``set`` first, so which of two equal results it kept changed
    from process to process, and with it the recognizer recorded in provenance."""
    best: dict[tuple[str, int, int], RecognizerResult] = {}
    for r in results:
        key = (r.entity_type, r.start, r.end)
        if key not in best or _rank(r) > _rank(best[key]):
            best[key] = r
    return sorted(best.values(), key=lambda r: (r.start, r.end, r.entity_type))


def _rank(r: RecognizerResult) -> tuple[float, bool, str, str]:
    """Higher score first; on a tie Presidio's own recognizer, then by name and rule."""
    meta = r.recognition_metadata or {}
    rule = str(meta.get("rule", ""))
    return r.score, not rule, str(meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")), rule
