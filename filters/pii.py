"""Korean PII detection with Presidio, offline: Presidio's Korean recognizers plus the project's own.

Presidio's ``AnalyzerEngine`` runs with its ``NoOpNlpEngine`` (no spaCy model, nothing downloaded),
so Presidio itself sees no context words; the project scores Korean context in a window before each
match instead (``CONTEXT``: 주민등록번호 raises a resident-number match, 모델명 or 사건번호 lowers a
phone-like serial or a case number). Recognizers:

- Presidio's own: ``KrRrnRecognizer`` (a failed checksum stays a lower-confidence match: numbers
  issued since October 2020 have no checksum), ``KrFrnRecognizer``, ``KrBrnRecognizer``,
  ``KrPassportRecognizer``, ``KrDriverLicenseRecognizer``, ``PhoneRecognizer(supported_regions=["KR"])``,
  ``EmailRecognizer``, ``IpRecognizer``, ``CreditCardRecognizer`` (Luhn);
- the project's (``KoreanRegexRecognizer``): mobile and landline numbers in every common writing
  (010-1234-5678, 010 1234 5678, 01012345678, +82 10-..., 02-312-3456, a particle attached),
  corporate registration numbers (checksum), bank accounts anchored by a bank name or 계좌, health
  insurance numbers (anchored), vehicle plates, road-name and lot addresses, and person names a label
  announces (성명, 이름, 담당자).

Redaction uses presidio-anonymizer's ``replace`` (typed placeholders) and ``mask`` operators.
Values never leave this module except inside the text being redacted: callers get entity types,
offsets, scores and keyed hashes (``keyed_hash``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Final

# Presidio's e-mail recognizer uses tldextract, which fetches the public suffix list on first use
# unless told not to; its bundled snapshot is enough. Set before presidio (and tldextract) import.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from presidio_analyzer import EntityRecognizer, RecognizerResult

MIN_SCORE: Final = 0.5
WINDOW: Final = 24  # characters before a match searched for context words

#: Placeholder tokens per entity (the tokenizer keeps them whole as user-defined symbols).
PLACEHOLDERS: Final = {
    "KR_RRN": "<|kr_rrn|>", "KR_FRN": "<|kr_frn|>", "KR_BRN": "<|kr_brn|>", "KR_CRN": "<|kr_crn|>",
    "KR_PASSPORT": "<|kr_passport|>", "KR_DRIVER_LICENSE": "<|kr_driver_license|>",
    "PHONE_NUMBER": "<|phone|>", "EMAIL_ADDRESS": "<|email|>", "IP_ADDRESS": "<|ip|>", "CREDIT_CARD": "<|card|>",
    "KR_BANK_ACCOUNT": "<|account|>",
    "KR_HEALTH_INSURANCE": "<|health_insurance|>", "KR_VEHICLE_PLATE": "<|vehicle_plate|>",
    "KR_ADDRESS": "<|address|>", "PERSON": "<|person|>",
}
ENTITIES: Final = tuple(PLACEHOLDERS)

#: Korean context words per entity (raise the score) and words that mark a number as something else.
CONTEXT: Final = {
    "KR_RRN": ("주민등록번호", "주민번호", "주민등록", "생년월일"),
    "KR_FRN": ("외국인등록번호", "외국인등록"),
    "KR_BRN": ("사업자등록번호", "사업자번호", "사업자"),
    "KR_CRN": ("법인등록번호", "법인번호"),
    "KR_PASSPORT": ("여권번호", "여권"),
    "KR_DRIVER_LICENSE": ("운전면허번호", "운전면허", "면허번호"),
    "PHONE_NUMBER": ("전화", "연락처", "휴대폰", "핸드폰", "문의", "TEL", "Tel", "tel", "☎", "H.P", "HP"),
    "EMAIL_ADDRESS": ("이메일", "메일", "E-mail", "e-mail"),
    "CREDIT_CARD": ("카드번호", "신용카드", "체크카드", "카드"),
    "KR_BANK_ACCOUNT": ("계좌", "입금", "예금주"),
    "KR_ADDRESS": ("주소", "소재지", "거주지"),
}
NEGATIVE_CONTEXT: Final = ("모델", "제품번호", "품번", "부품", "시리얼", "S/N", "일련번호", "규격", "사건", "판결",
                           "ISO", "KS ", "도면", "주문번호", "송장")

_BANKS = ("국민|신한|우리|하나|농협|기업|카카오뱅크|케이뱅크|토스뱅크|새마을금고|우체국|SC제일|씨티|부산|대구|"
          "경남|광주|전북|제주|수협|신협|산업")
#: Common surnames (about 99% of the population): a party named in a judgment starts with one.
_SURNAMES = ("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지"
             "엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부")
_ORGANISATION = re.compile(r"회사|법인|공사|공단|조합|재단|협회|은행|병원|학교|국가")
_PLATE_SYLLABLES = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주하허호배"


def _crn_valid(digits: str) -> bool | None:
    """법인등록번호: 13 digits, weights 1,2,1,2,... over the first 12, check = (10 - sum % 10) % 10."""
    if len(digits) != 13:
        return False
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12]) or None


def _luhn(digits: str) -> bool:
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


@dataclass(frozen=True)
class _Rule:
    entity: str
    pattern: re.Pattern[str]  # the value is the group named "v"
    score: float
    validate: Callable[[str], bool | None] | None = None
    needs_context: bool = False


_RULES: Final = [
    _Rule("PHONE_NUMBER", re.compile(
        r"(?<![\d\w-])(?P<v>(?:\+82[-. ]?(?:\(0\))?|0)(?:1[016789]|2|[3-6][1-5]|70|50[2-8])"
        r"(?:[-. )]{0,2})\d{3,4}[-. ]?\d{4})(?![\d-])"), 0.6),
    _Rule("KR_CRN", re.compile(r"(?<!\d)(?P<v>\d{6}-?\d{7})(?!\d)"), 0.3, lambda v: _crn_valid(_digits(v))),
    _Rule("KR_BANK_ACCOUNT", re.compile(
        rf"(?:(?:{_BANKS})(?:은행)?|계좌(?:번호)?)\s*[:：]?\s*"
        r"(?P<v>\d{2,6}(?:[- ]\d{2,7}){1,4}|\d{10,14})(?!\d)"), 0.7),
    _Rule("KR_HEALTH_INSURANCE", re.compile(r"건강보험(?:증)?\s*(?:번호)?\s*[:：]?\s*(?P<v>\d-?\d{10})(?!\d)"), 0.8),
    _Rule("KR_VEHICLE_PLATE", re.compile(
        rf"(?<![\d\w])(?P<v>(?:[가-힣]{{2}})?\d{{2,3}}[{_PLATE_SYLLABLES}]\s?\d{{4}})(?![\d\w])"), 0.5),
    # Bounded name lengths and a start at the beginning of a Hangul run: unbounded [가-힣]+ made a long
    # run of Hangul without spaces quadratic.
    _Rule("KR_ADDRESS", re.compile(
        r"(?<![가-힣])(?P<v>(?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s+)?[가-힣]{1,8}(?:시|군|구)\s+"
        r"(?:[가-힣]{1,8}(?:구|동|읍|면)\s+)?[가-힣0-9]{1,16}(?:로|길)\s*\d+(?:-\d+)?(?:번길\s*\d+(?:-\d+)?)?"
        r"|[가-힣]{1,8}(?:동|리|가)\s+\d+(?:-\d+)?번지)"), 0.6),
    # A label needs a colon (이름을, 담당자 교육 are ordinary words); 성명 alone is a label anyway.
    _Rule("PERSON", re.compile(
        r"(?:(?:성명|이름|담당자|작성자|신청인|대표자|예금주|수신자|보호자)\s*[:：]|성명)\s*(?P<v>[가-힣]{2,4})(?![가-힣])"),
        0.7),
    # Parties in judgments and complaints: a role, then a name followed by a parenthesis or comma
    # (원고 김서연(주민등록번호 ...), 피고인 이준호, ...); an organisation in that place is not a person.
    _Rule("PERSON", re.compile(
        r"(?:원고|피고인?|피해자|증인|피?신청인|피?청구인|참고인|피?고소인|채권자|채무자)\s+"
        rf"(?P<v>[{_SURNAMES}][가-힣]{{1,3}})(?=\s?[(,（])"), 0.65,
        lambda v: False if _ORGANISATION.search(v) else None),
    # Presidio's e-mail and card patterns end in \b, which never matches between a Latin letter or
    # digit and Hangul: "kim@example.com으로" and "4111-1111-1111-1111입니다" were missed.
    _Rule("EMAIL_ADDRESS", re.compile(
        r"(?<![A-Za-z0-9._%+-])(?P<v>[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24})(?![A-Za-z0-9.-])"),
        0.9),
    _Rule("CREDIT_CARD", re.compile(r"(?<![\d-])(?P<v>\d{4}(?:[- ]?\d{4}){2}[- ]?\d{3,4}|\d{4}[- ]?\d{6}[- ]?\d{5})"
                                    r"(?![\d-])"), 0.3, lambda v: _luhn(_digits(v))),
]


class KoreanRegexRecognizer(EntityRecognizer):
    """The project's recognizers: one regex per entity with the value in group ``v``, an optional
    validator (True raises, None keeps, False rejects) and an optional required context."""

    def __init__(self, entity_filter: tuple[str, ...] = ()) -> None:
        self.rules = [r for r in _RULES if not entity_filter or r.entity in entity_filter]
        super().__init__(supported_entities=sorted({r.entity for r in self.rules}), supported_language="ko",
                         name="KoreanRegexRecognizer")

    def load(self) -> None:
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        out = []
        for rule in self.rules:
            if entities and rule.entity not in entities:
                continue
            for m in rule.pattern.finditer(text):
                score = rule.score
                if rule.validate is not None:
                    ok = rule.validate(m.group("v"))
                    if ok is False:
                        continue
                    if ok:
                        score = max(score, 0.85)
                out.append(RecognizerResult(rule.entity, m.start("v"), m.end("v"), score))
        return out


@dataclass(frozen=True)
class Finding:
    entity: str
    start: int
    end: int
    score: float


_PHONE_CANDIDATE = re.compile(r"\+?\(?\d[\d ().-]{6,20}\d")


def _windowed_phone_recognizer():  # type: ignore[no-untyped-def]
    """Presidio's ``PhoneRecognizer`` (libphonenumber, region KR) run on windows around digit runs
    that could be a phone number, instead of on the whole text: libphonenumber's matcher tries every
    digit sequence (dates, prices, article numbers) and took half of the analysis time on 1 KB
    documents. A window keeps two characters on each side, which the matcher inspects."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    class WindowedPhoneRecognizer(PhoneRecognizer):  # type: ignore[misc]
        def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
            out: list[RecognizerResult] = []
            for m in _PHONE_CANDIDATE.finditer(text):
                lo, hi = max(0, m.start() - 2), min(len(text), m.end() + 2)
                for r in super().analyze(text[lo:hi], entities, nlp_artifacts):
                    r.start += lo
                    r.end += lo
                    out.append(r)
            return out

    return WindowedPhoneRecognizer(supported_regions=["KR"], supported_language="ko")


def _no_context_enhancer():  # type: ignore[no-untyped-def]
    """The no-op NLP engine gives Presidio's context enhancer no tokens to look at, so it only
    deep-copies results; Korean context is scored by ``_context_score`` instead."""
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(context_similarity_factor=0.0, min_score_with_context_similarity=0.0,
                             context_prefix_count=0, context_suffix_count=0)

        def enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: object,
                                  recognizers: list[EntityRecognizer], context: list[str] | None = None
                                  ) -> list[RecognizerResult]:
            return raw_results

    return NoContextEnhancer()


@cache
def analyzer():  # type: ignore[no-untyped-def]
    """Presidio's AnalyzerEngine with the no-op NLP engine and the Korean recognizers (once per process)."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
    )
    from presidio_analyzer.predefined_recognizers.country_specific.korea import (
        KrBrnRecognizer,
        KrDriverLicenseRecognizer,
        KrFrnRecognizer,
        KrPassportRecognizer,
        KrRrnRecognizer,
    )

    registry = RecognizerRegistry(supported_languages=["ko"])
    for rec in (KrRrnRecognizer(), KrFrnRecognizer(), KrBrnRecognizer(), KrPassportRecognizer(),
                KrDriverLicenseRecognizer(), _windowed_phone_recognizer(),
                EmailRecognizer(supported_language="ko"), IpRecognizer(supported_language="ko"),
                CreditCardRecognizer(supported_language="ko"), KoreanRegexRecognizer()):
        registry.add_recognizer(rec)
    engine = NoOpNlpEngine(models=[{"lang_code": "ko", "model_name": "none"}])
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["ko"],
                          context_aware_enhancer=_no_context_enhancer())


def _context_score(text: str, f: RecognizerResult) -> float:
    before = text[max(0, f.start - WINDOW):f.start]
    score = f.score
    if any(w in before for w in CONTEXT.get(f.entity_type, ())):
        score += 0.3
    if any(w in before for w in NEGATIVE_CONTEXT):
        score -= 0.45
    return max(0.0, min(1.0, score))


#: Every recognizer but the labelled-name ones needs a digit (any script: \d as Presidio's patterns
#: use it) or an @: text without either skips Presidio's per-call overhead.
_NEEDS_ANALYZER = re.compile(r"[\d@]")
_NAME_RULES = KoreanRegexRecognizer(entity_filter=("PERSON",))


def find(text: str, min_score: float = MIN_SCORE) -> list[Finding]:
    """Non-overlapping findings, left to right; where two overlap the higher score (then the longer)
    wins."""
    if _NEEDS_ANALYZER.search(text) is None:
        raw = _NAME_RULES.analyze(text, [])
    else:
        raw = analyzer().analyze(text=text, language="ko", entities=list(ENTITIES), score_threshold=0.0)
    scored = [Finding(r.entity_type, r.start, r.end, _context_score(text, r)) for r in raw]
    scored = [f for f in scored if f.score >= min_score]
    scored.sort(key=lambda f: (-f.score, -(f.end - f.start), f.start, f.entity))
    chosen: list[Finding] = []
    for f in scored:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


@cache
def _anonymizer():  # type: ignore[no-untyped-def]
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def redact(text: str, findings: list[Finding], mode: dict[str, str] | None = None) -> str:
    """Replace each finding with its typed placeholder (``mode[entity] == "redact"``, the default)
    or a mask of ``*`` of the same length (``"mask"``), with presidio-anonymizer's ``replace`` and
    ``mask`` operators."""
    if not findings:
        return text
    from presidio_anonymizer.entities import OperatorConfig
    from presidio_anonymizer.entities import RecognizerResult as Span

    mode = mode or {}
    operators = {
        e: OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": len(text), "from_end": False})
        if mode.get(e, "redact") == "mask" else OperatorConfig("replace", {"new_value": PLACEHOLDERS[e]})
        for e in {f.entity for f in findings}}
    spans = [Span(f.entity, f.start, f.end, f.score) for f in findings]
    return str(_anonymizer().anonymize(text=text, analyzer_results=spans, operators=operators).text)


def canonical(entity: str, value: str) -> str:
    """The form a value is hashed in: digits only for numbers, lowercase e-mail, spaces removed."""
    if entity in ("EMAIL_ADDRESS",):
        return value.strip().lower()
    if entity in ("KR_ADDRESS", "PERSON", "KR_VEHICLE_PLATE", "KR_PASSPORT", "KR_DRIVER_LICENSE", "IP_ADDRESS"):
        return re.sub(r"\s+", "", value)
    return _digits(value) or value


def keyed_hash(key: bytes, entity: str, value: str) -> str:
    """HMAC-SHA256 of the canonical value under the run's PII key: an auditor holding the key can
    check that a given number was removed; nobody can read it back from the hash."""
    return hmac.new(key, f"{entity}:{canonical(entity, value)}".encode(), hashlib.sha256).hexdigest()[:32]


def key_fingerprint(key: bytes) -> str:
    return hashlib.sha256(b"kocurate-pii-key:" + key).hexdigest()[:16]
