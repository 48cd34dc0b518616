"""Korean PII detection with Presidio, offline: Presidio's recognizers and the project's, on a
detection view of the text, with a Korean context step.

Presidio's ``AnalyzerEngine`` runs with its ``NoOpNlpEngine`` (no spaCy model, nothing downloaded)
and ``filters.pii_rules.KoreanContextEnhancer`` as its context step (labels found as substrings
around a match, since Korean attaches particles to words and the no-op engine has no lemmas).

The engine does not see the text as written but its *detection view*: full-width digits, letters
and signs (０１０－１２３４), any joiner people type between digit groups (a class drawn from Unicode:
dashes, connectors, slashes, middle dots, bullets, minus signs: 010—1234—5678, 010·1234·5678,
830207/1234567), and phone numbers spelled in Korean digit words (공일공 일이삼사 오육칠팔) become
ASCII, each character for one character, so a finding's offsets are the text's own and redaction
replaces what was written. Recognizers:

- Presidio's: ``PhoneRecognizer(supported_regions=["KR"])`` (on windows around digit runs that
  start with 0 or +), ``EmailRecognizer`` and ``IpRecognizer`` (on text with an @, or a dotted or
  colon-separated group). Not registered: ``KrDriverLicenseRecognizer`` (it validates a bare 12-digit
  number at 1.0, so order numbers such as 202517199101 were redacted) and ``KrBrnRecognizer`` (a bare
  10-digit number with a valid checksum, one in ten of all numbers); nor ``KrRrnRecognizer``,
  ``KrFrnRecognizer``, ``KrPassportRecognizer`` and ``CreditCardRecognizer``, whose shapes and
  checksums the project's rules match in more writings (tested) at a third of their cost.
- the project's (``filters.pii_rules``): resident and foreigner numbers in every separator writing,
  phones, corporate and business numbers (checksums), driver's licences, accounts and health
  insurance numbers (label needed), passports, plates, road-name and lot addresses with building,
  동 and 호, labelled, honorific (씨, 님) and party names, names in a table column under a name label,
  plain and obfuscated e-mails (the @ and the dot as words in any bracket, or in Korean), cards (Luhn).

Redaction uses presidio-anonymizer's ``replace`` (typed placeholders) and ``mask`` operators.
Values never leave this module except inside the text being redacted: callers get entity types,
offsets, scores, the recognizer that found each, and keyed hashes (``keyed_hash``).
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from html.entities import html5 as html5_references
from typing import Final

import regex

from filters.pii_gates import is_open, passes
from filters.pii_rules import (
    AT_CLOSE,
    AT_LIKE,
    AT_OPEN,
    HINTS,
    IMAGE_AT,
    KOREAN_HOSTS,
    KOREAN_TLDS,
    LICENCE_REGIONS,
    PEOPLES_TLDS,
    PHONE_DIGITS,
    RULES_VERSION,
    SHAPELESS,
    KoreanContextEnhancer,
    KoreanRegexRecognizer,
    not_phone_groups,
)
from filters.pii_spec import ENTITIES, MIN_SCORE, PLACEHOLDERS
from filters.presidio_import import RecognizerResult
from filters.regex_scan import Scanned, scanning

# ----------------------------------------------------------------------------- the detection view

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def _spaces() -> dict[int, int]:
    """Whitespace by its Unicode class, not by a list: every space separator (category Zs: the no-break
    space of pasted web text, the ideographic space of Korean input methods, the thin and figure spaces
    of typeset text) reads as an ASCII space, the invisible format characters (category Cf) too: the
    zero-width ones a crawler leaves between digits (ZWSP, ZWNJ, ZWJ, word joiner, BOM) and the
    bidirectional marks an editor leaves after a hyphen (830207-\u200e2555896, the left-to-right mark:
    rules version 28); and the line and paragraph separators (Zl, Zp) as a line break, and the other controls
    ``str.isspace`` holds (the vertical tab, the form feed, NEL): one character for one, so offsets stay the
    text's own. The soft hyphen, also Cf, reads as a hyphen (``_VIEW_TABLE``)."""
    import unicodedata

    out = {}
    for cp in range(0x80, 0x10000):
        cat = unicodedata.category(chr(cp))
        # ... and the letters that show as a blank: the Hangul fillers Korean users type for a space the app
        # would trim (010ㅤ1234ㅤ5678), the blank Braille pattern (rules version 34)
        name = unicodedata.name(chr(cp), "")
        blank = (name.startswith(("HANGUL", "HALFWIDTH HANGUL")) and name.endswith("FILLER")) or cp == 0x2800
        if (cat in ("Zs", "Cf") and cp != 0x00AD) or blank:
            out[cp] = 0x20
        elif cat in ("Zl", "Zp"):
            out[cp] = 0x0A
    # ... and every other character Python counts as whitespace, the controls among them, as a line break: a word
    # processor's manual line break kept as a vertical tab in its export, a form feed's page break, the next-line
    # control of a Latin-1 decoding, the information separators (rules version 39)
    for cp in range(0x110000):
        if chr(cp).isspace() and cp not in out and chr(cp) not in " \t\r\n":
            out[cp] = 0x0A
    return out


def _digits() -> dict[int, int]:
    """Every decimal digit by its Unicode class (category Nd), not only the full-width ones: the
    mathematical bold and monospace digits spam writes numbers in (𝟎𝟏𝟎-𝟏𝟐𝟑𝟒-𝟓𝟔𝟕𝟖: rules version 16), and
    the digits of other scripts, read as ASCII digits one for one; and circled digits."""
    import unicodedata

    words = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")

    def digit(c: str) -> int:
        if unicodedata.category(c) == "Nd":
            return unicodedata.digit(c)
        # circled and dingbat digits (⓪①②, ❶, ➀: rules version 17), not superscripts or fractions; by
        # name where Unicode gives no digit value (🄋, the dingbat circled sans-serif zero: rules version 21)
        name = unicodedata.name(c, "")
        if "CIRCLED" not in name and "DINGBAT" not in name:
            return -1
        value = unicodedata.digit(c, -1)
        if value < 0 and " DIGIT " in name and name.rsplit(" ", 1)[-1] in words:
            value = words.index(name.rsplit(" ", 1)[-1])
        return value

    return {cp: 0x30 + d for cp in range(0x80, 0x20000) if (d := digit(chr(cp))) >= 0}


_SPACES: Final = _spaces()
_DIGITS: Final = _digits()


def _small_forms() -> dict[int, int]:
    """The small form variants (U+FE50 to U+FE6B: ﹫ for the @, ﹒ for the dot, ﹢ for the plus) that CJK
    typesetting and spam write for ASCII punctuation, read as the ASCII character they stand for (rules
    version 27)."""
    import unicodedata

    out = {}
    for cp in range(0xFE50, 0xFE6C):
        ascii_form = unicodedata.normalize("NFKC", chr(cp))
        if len(ascii_form) == 1 and ord(ascii_form) < 0x80:
            out[cp] = ord(ascii_form)
    return out


_SMALL_FORMS: Final = _small_forms()
#: The full-width forms as ASCII, but for the vertical bar and the comma, which ``_joiners`` reads between digits.
_FULLWIDTH: Final = {0xFF01 + i: 0x21 + i for i in range(0x5E) if 0xFF01 + i not in (0xFF5C, 0xFF0C)}
_VIEW_TABLE: Final = {**_DIGITS, **_SMALL_FORMS, **_FULLWIDTH,
                      **{ord(c): ord("-") for c in _DASHES},
                      **_SPACES, 0x00AD: ord("-")}


def _char_class(codepoints: set[int]) -> str:
    """A regex character class of ``codepoints`` written as ranges: the regex engine tests a class of
    hundreds of single characters outside the BMP one by one (rules version 16 made the view's class
    such a list, and the test cost a third of the detector's time)."""
    out, points = [], sorted(codepoints)
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        out.append(re.escape(chr(points[i])) if i == j else f"{re.escape(chr(points[i]))}-{re.escape(chr(points[j]))}")
        i = j + 1
    return "[" + "".join(out) + "]"


_VIEWED = {*range(0xFF01, 0xFF5F), *map(ord, _DASHES), *_SPACES, *_DIGITS, *_SMALL_FORMS, 0x00AD}
#: The characters the view rewrites, in the BMP and beyond it: ``re`` tests a class with characters beyond the
#: BMP range by range (hundreds of digit ranges: 40 µs on 1 KB of text), the BMP's by one bitmap lookup, and one
#: range beyond the BMP as fast; so the rare text with a character beyond it is tested against those only.
_NEEDS_VIEW = re.compile(_char_class({c for c in _VIEWED if c <= 0xFFFF}))
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_NEEDS_VIEW_BEYOND_BMP = re.compile(_char_class({c for c in _VIEWED if c > 0xFFFF}))
#: A run of the BMP characters the view rewrites: translated run by run, not character by character.
_VIEWED_RUN = re.compile(f"{_NEEDS_VIEW.pattern}+")


def _viewed(m: re.Match[str]) -> str:
    return m.group().translate(_VIEW_TABLE)


#: 빵 is the zero people say aloud in a phone number (빵일빵: rules version 28).
_KOREAN_DIGIT = {"공": "0", "영": "0", "빵": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6",
                 "륙": "6", "칠": "7", "팔": "8", "구": "9"}
_DIGIT_WORDS = "공영빵일이삼사오육륙칠팔구"
#: The hyphen's names said aloud (``_DASI``); and the dot's colloquial 쩜, and the English names of both, as a
#: transcript writes them (010 쩜 1234, 830207 dash 2555896: rules version 44).
_SAID_HYPHEN: Final = ("하이픈", "다시", "대시", "쩜", "dash", "Dash", "DASH", "hyphen", "Hyphen", "HYPHEN", "dot",
                       "Dot", "DOT")
#: Hanja numerals written for digits (〇一〇-一二三四-五六七八, as spam writes numbers past filters: rules version
#: 22): runs of two or more are read as digits where the text holds nine of them in such runs at least, the
#: fewest digits of any identifier; a Korean text's 一二 alone, or 第一, stays as written.
#: The Hanja numerals, and the formal ones contracts and cheques write (零壹貳參肆伍陸柒捌玖, 貮 and 叁 their variants:
#: rules version 43).
_HANJA_DIGITS: Final = "〇一二三四五六七八九零壹貳貮參叁肆伍陸柒捌玖"
_HANJA_RUN = re.compile(f"[{_HANJA_DIGITS}]{{2,}}|(?<=[0-9])[{_HANJA_DIGITS}]|[{_HANJA_DIGITS}](?=[0-9])")
_HANJA_TABLE: Final = str.maketrans(_HANJA_DIGITS, "0123456789012233456789")


def _hanja_as_digits(view: str) -> str:
    """Runs of Hanja numerals as digits where they make nine digits together, or where a digit stands within
    eight characters of the run (八三〇二〇七-2555896, a number's first group in Hanja: rules version 23;
    〇〇〇一〇一-<br>1000002: 25); and one numeral alone right beside a digit (0一0-1二3四-5六7八, every other
    digit in Hanja: rules version 30)."""
    many = sum(len(r) for r in _HANJA_RUN.findall(view)) >= 9

    def digits(m: re.Match[str]) -> str:
        near = view[max(0, m.start() - 8):m.start()] + view[m.end():m.end() + 8]
        return m.group().translate(_HANJA_TABLE) if many or any("0" <= c <= "9" for c in near) else m.group()

    return _HANJA_RUN.sub(digits, view)


#: Superscript and subscript digits written for digits (⁰¹⁰-¹²³⁴-⁵⁶⁷⁸, as spam writes numbers past filters:
#: rules version 27). Read as digits where the text holds nine of them at least, or where a run of two or
#: more has a digit within eight characters; a unit's m² or a footnote's ¹ stays as written.
_SMALL_DIGITS: Final = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉"
_SMALL_RUN = re.compile(f"[{_SMALL_DIGITS}]+")
_SMALL_TABLE: Final = str.maketrans(_SMALL_DIGITS, "0123456789" * 2)


def _small_digits_as_digits(view: str) -> str:
    many = sum(len(r) for r in _SMALL_RUN.findall(view)) >= 9

    def digits(m: re.Match[str]) -> str:
        near = view[max(0, m.start() - 8):m.start()] + view[m.end():m.end() + 8]
        ok = many or (len(m.group()) >= 2 and any("0" <= c <= "9" or c in _SMALL_DIGITS for c in near))
        return m.group().translate(_SMALL_TABLE) if ok else m.group()

    return _SMALL_RUN.sub(digits, view)


def _joiners() -> str:
    """Characters people put between digit groups, by their Unicode class rather than one by one: every
    dash and connector (categories Pd, Pc), and the slashes, middle dots, bullets and minus signs among
    punctuation and maths symbols; with ㆍ (U+318D), which Korean keyboards type as a middle dot, and
    the tilde; and the ideographic comma (、 and its half-width form), which is never a thousands separator
    (rules version 14); and the won sign (₩, ￦), which a Korean keyboard types for the backslash (rules
    version 17); and the full-width vertical bar (｜), which no Markdown or pipe table delimits its cells with
    (rules version 20); and the ideographic full stop (。, ｡) of a CJK keyboard, which no decimal number is
    written with (rules version 23); and the ellipses (…, ‥, ⋯), which a number typed with dots for its hyphens
    is written with where a keyboard or an editor joins three dots into one (rules version 26); and the plus
    sign, which a form's space becomes in a query string (tel=010+1234+5678: rules version 27); and the vowel
    letter ㅡ, which a Korean keyboard types for a dash, and the Japanese long-vowel mark ー, which a Japanese
    input method does (010ㅡ1234ㅡ5678: rules version 31); and the full-width comma, which no CSV row
    delimits its cells with (1,11，00，000000，00 under a licence's header: 32); and every minus by its name, an
    emoji's (➖) and a modifier letter's (˗) too (32); and the horizontal box-drawing lines (─, which the Korean
    keyboard's symbol table offers for a dash), the dot leaders (․) and the equals sign, which a marketplace's
    number filter is dodged with (010=1234=5678: 34). The full stop is not here: a dot between groups is
    ``filters.pii_rules.SEP``'s own."""
    import unicodedata

    out = ["\u318d", "~", "\u3001", "\uff64", "\u20a9", "\uffe6", "\uff5c", "\u3002", "\uff61",
           "\u2026", "\u2025", "\u22ef", "+", "\u3161", "\u30fc", "\uff0c", "="]
    for cp in range(0x21, 0x10000):
        c = chr(cp)
        cat = unicodedata.category(c)
        name = unicodedata.name(c, "")
        if cat in ("Pd", "Pc") or (cat in ("Po", "Sm") and any(
                k in name for k in ("SOLIDUS", "SLASH", "MIDDLE DOT", "BULLET", "DOT OPERATOR", "HYPHEN"))) \
                or ("MINUS" in name and "PLUS" not in name) or "DOT LEADER" in name \
                or (name.startswith("BOX DRAWINGS") and "HORIZONTAL" in name
                    and not any(k in name for k in ("VERTICAL", "UP", "DOWN"))):
            out.append(c)
    return "".join(out + _compatible(out))


def _compatible(chars: list[str]) -> list[str]:
    """The characters beyond ASCII that compatibility normalization (NFKC) makes the same as one of ``chars``, of that
    one's Unicode category, but those the view rewrites: the conjoining vowel ᅳ that ㅡ normalizes to and the
    half-width ￚ, for a joiner ㅡ; ᅵ for the bar-like ㅣ (rules version 40: a class by equivalence, not the next
    round's one more mark). Of the same category: the circled jamo ㉧ (a symbol) normalizes to the letter ᄋ, which
    makes no letter a separator."""
    import unicodedata

    forms: dict[str, set[str]] = {}
    for c in chars:
        forms.setdefault(unicodedata.normalize("NFKC", c), set()).add(unicodedata.category(c))
    have = set(chars)
    return [chr(cp) for cp in range(0x80, 0x10000) if chr(cp) not in have and cp not in _VIEWED
            and unicodedata.category(chr(cp)) in forms.get(unicodedata.normalize("NFKC", chr(cp)), ())]


_JOINERS: Final = _joiners()


#: What is never read as a separator, though its class is a symbol's or a punctuation mark's: the marks numbers
#: and addresses are written with (``.``, ``,``, ``:``, ``@``, ``%``, ``&``, ``;``: the rules' own separators,
#: thousands groups, lists, query strings and character references), HTML's angle brackets, a table's bar
#: (``_bars_as_hyphens``), the quotes and backticks that delimit a CSV cell, a JSON string or a code span, the
#: dollar of a template, and the white circles Korean text writes for a zero.
_NOT_SEPARATORS: Final = frozenset(".,:@%&;<>|\"'`$\u25cb\u25ef")


def _symbols() -> str:
    """The other characters a number's groups are set apart with, by their Unicode class: every punctuation mark
    but brackets and the typographic quotes (Po), every symbol (Sm, So, Sk, Sc: ★, ♥, ※, →, emoji, the
    replacement character a broken decoding leaves for a dash) and every modifier letter (Lm), but
    ``_NOT_SEPARATORS``, the joiners above and what the view rewrites (＊ is read as *, ﹠ as &); and ㅣ, which
    a Korean keyboard types for a bar. Read as a hyphen only between two digits (``_SYMBOL_JOINED``), not
    between digit words: prose sets Hangul words apart with them (담당 영양사 → 이영희: 사 and 이 are digit
    words).

    Rules version 35: until then the separators were the joiners alone, a list grown one held-out round at a
    time, and each round's new mark was missed in every number type at its report."""
    import unicodedata

    joiners = set(_JOINERS)
    out = ["\u3163"]
    for cp in range(0x21, 0x110000):
        c = chr(cp)
        if (unicodedata.category(c) in ("Po", "Sm", "So", "Sk", "Sc", "Lm") and c not in _NOT_SEPARATORS
                and c not in joiners and cp not in _VIEWED):
            out.append(c)
    return "".join(out + [c for c in _compatible(out) if c not in joiners and c not in _NOT_SEPARATORS])


_SYMBOLS: Final = _symbols()
_SYMBOL_BMP = _char_class({ord(c) for c in _SYMBOLS if ord(c) <= 0xFFFF})

#: A number spelled with Korean digit words, wholly or in part (공일공 일이삼사 오육칠팔, 010 일이삼사 5678):
#: digits and digit words with separators between them (spaces, a dot or dash, a line break or its JSON
#: escape, or HTML's ``<br>``: rules version 26), starting with 0, 공 or 영; whether it is a number at all
#: is decided by ``_as_digits``.
#: A JSON string's escaped tab is a tab on either side of a mark (공이\\t-\\t이공공, which the view reads as
#: ``공이  -  이공공``: rules version 28). 에 as a number read aloud is typed (공일공에 공공공공에: rules version 36).
#: HTML's ``<br/>`` then the source's own line break is one break (070-<br/>\n삼칠구칠: rules version 38).
#: A symbol between groups too, as between digits (공이★이공공★공공공공: rules version 38), and 다시 as 에 (공일공 다시
#: 일이삼사: 38), which ``_as_digits`` then reads as a hyphen where the run makes a number; 하이픈 and 대시 as
#: 다시, and an area code's closing parenthesis (공일공)일이삼사: 39).
_RUN_SEP = (r"(?:(?:[ \t.,:\-에)'\u2018\u2019]|\\t|" + "|".join(_SAID_HYPHEN) + "|" + _SYMBOL_BMP
            + r"[\ufe0e\ufe0f]?){0,6}"
            r"(?:(?:<br\s?/?>[ \t]{0,2}(?:\r\n?|\n|(?:\\[nrt]){1,3})?|\r\n?|\n|(?:\\[nrt]){1,3})[ \t]{0,8})?)")
#: ... not from inside a grouped number (4916/8710/0210/0591이거나: its third group is no phone number's start),
#: nor from a time's zero (00:01:05,000\n공이-이공공-공공공공: rules version 28; a comma stays a CSV cell's).
#: At most 24 digits: no number is longer, and a run that makes none is tried again from its next start
#: (``_each_run``).
_DIGIT_RUN = re.compile(rf"(?<![0-9])(?:(?<![0-9][-:])0|(?<![0-9]-)[공영빵])(?:{_RUN_SEP}[0-9{_DIGIT_WORDS}]){{8,23}}")
#: Where a text may hold such a run: a digit word next to a digit, or three digit words in a row.
_DIGIT_RUN_HINT = re.compile(rf"[0-9]{_RUN_SEP}[{_DIGIT_WORDS}]|[{_DIGIT_WORDS}]{_RUN_SEP}[0-9]"
                             rf"|[공영빵]{_RUN_SEP}[{_DIGIT_WORDS}]{_RUN_SEP}[{_DIGIT_WORDS}]")


def _symbol_run(symbol: str) -> re.Pattern[str]:
    """A run of one to three ``symbol`` (each with an emoji's variation selector after it: ❤️) between two digits,
    spaces around it allowed: 010★1234★5678, 010 💕 1234, 830207※2555896. The first digit is matched, so that
    ``re`` skips ahead to digits."""
    return re.compile(f"([0-9][ \t]{{0,2}})((?:{symbol}[\ufe0e\ufe0f]?){{1,3}})(?=[ \t]{{0,2}}[0-9])")


#: ``re`` tests the BMP's characters of a class with one bitmap lookup and those beyond it range by range (150 µs
#: on 1 KB of text for the symbols' hundreds of ranges): text with a character beyond the BMP before a digit is
#: read with every symbol, other text with the BMP's only.
_SYMBOL_JOINED = _symbol_run(_SYMBOL_BMP)
_SYMBOL_JOINED_BEYOND_BMP = _symbol_run(_char_class(set(map(ord, _SYMBOLS))))
#: Where a text may hold such a run: the last symbol of one, then a digit; or any character beyond the BMP so.
_SYMBOL_HINT = re.compile(f"{_SYMBOL_BMP}[\ufe0e\ufe0f]?[ \t]{{0,2}}[0-9]")
_BEYOND_BMP_HINT = re.compile("[\U00010000-\U0010ffff][\ufe0e\ufe0f]?[ \t]{0,2}[0-9]")


def _symbol_as_hyphen(m: re.Match[str]) -> str:
    """The run as one hyphen, the same length, spaces on both sides of it within the three a separator takes."""
    lead, run = len(m.group(1)) - 1, len(m.group(2))
    before = max(0, min(3 - lead, run - 1))
    return m.group(1) + " " * before + "-" + " " * (run - 1 - before)


def _mojibake_bytes() -> dict[str, int]:
    """The byte each character stands for where UTF-8 was read as Windows-1252 (a crawl's most common wrong code
    page) or as Latin-1 (which also shows Windows-1252's five undefined bytes, as C1 controls): the bytes from
    0x80 on."""
    out: dict[str, int] = {}
    for b in range(0x80, 0x100):
        try:
            out[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            pass
        out.setdefault(chr(b), b)
    return out


_MOJIBAKE_BYTE: Final = _mojibake_bytes()
_CONTINUATION = _char_class({ord(c) for c, b in _MOJIBAKE_BYTE.items() if 0x80 <= b <= 0xBF})
#: One character of a text whose bytes were read with the wrong code page (rules version 41): a character of two or
#: three UTF-8 bytes read as Windows-1252 or Latin-1 (a lead byte's character, Â to ß or à to ï, then its
#: continuation bytes': 830207â€“2555896, an en dash), or one of EUC-KR's symbol, full-width and enclosed rows (KS X
#: 1001's lead bytes A1 to A3, A6, A8, A9; the second byte A1 to FE) so read (010¡ª1234, £°£±£° for ０１０, £À for
#: ＠: rules version 42, which made the class a decoding layer instead of the view's reading of separators). Decoded
#: where it stands for a number's or an address's character (``_unmojibaked``), each to its own span.
_MOJIBAKE = (f"(?:[\u00c2-\u00df]{_CONTINUATION}|[\u00e0-\u00ef]{_CONTINUATION}{{2}}"
             "|[\u00a1-\u00a3\u00a6\u00a8\u00a9][\u00a1-\u00fe])")
_MOJIBAKE_LEADS: Final = frozenset("\u00a1\u00a2\u00a3\u00a6\u00a8\u00a9" + "".join(map(chr, range(0xC2, 0xF0))))
#: What such a character may stand for to be decoded: a joiner, a symbol or a space, a digit of any form, a full-width
#: form, the @ and the dots; not a letter (CafÃ© stays as written: decoding prose is not the detector's to do).
_SEPARATING: Final = frozenset(_JOINERS + _SYMBOLS + "".join(map(chr, _SPACES)) + "@.\u00b7")


_MOJIBAKE_ONE = re.compile(_MOJIBAKE)


def _reread(run: str) -> str | None:
    """The text a run of wrongly read characters was, read back once as UTF-8; None where its bytes are not."""
    try:
        return bytes(_MOJIBAKE_BYTE[c] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None


def _mojibake_spans(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """A run of wrongly read characters as ``_decoded`` takes it: each character that ``_unmojibaked`` reads back
    with its own span, the others as written; a stretch read wrong twice (Ã¢â‚¬â€œ, an en dash: rules version 44),
    whose characters decode only together, as what it reads back to twice, every character with the stretch's span."""
    pieces = [(p.group(), m.start() + p.start(), m.start() + p.end()) for p in _MOJIBAKE_ONE.finditer(m.group())]
    once = [_unmojibaked(w) for w, _, _ in pieces]
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(pieces):
        if once[k] is not None:
            out.append((once[k], pieces[k][1], pieces[k][2]))
            k += 1
            continue
        # a piece that does not decode alone, with the pieces after it (a character read wrong twice is two or three
        # of them, some of which decode alone by chance: â‚¬ is €): the longest stretch that reads back twice
        for end in range(min(len(pieces), k + 6), k, -1):
            lo, hi = pieces[k][1], pieces[end - 1][2]
            twice = _reread_twice(m.string[lo:hi])
            if twice is not None:
                out += [(c, lo, hi) for c in twice]
                k = end
                break
        else:
            w, lo, _ = pieces[k]
            out += [(ch, lo + i, lo + i + 1) for i, ch in enumerate(w)]
            k += 1
    return out


def _reread_twice(run: str) -> str | None:
    """What a run read wrong twice stands for: read back once, wholly characters read wrong, each of which
    ``_unmojibaked`` reads back; else None."""
    again = _reread(run)
    if not again or sum(map(len, _MOJIBAKE_ONE.findall(again))) != len(again):
        return None
    twice = [_unmojibaked(p.group()) for p in _MOJIBAKE_ONE.finditer(again)]
    return None if None in twice else "".join(c for c in twice if c is not None)


def _unmojibaked(written: str) -> str | None:
    """The character ``written`` stands for, read back as UTF-8 or as EUC-KR (CP949), where it is one a number or an
    address is written with; else None."""
    raw = bytes(_MOJIBAKE_BYTE[c] for c in written)
    for codec in ("utf-8", "cp949"):
        try:
            shown = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(shown) == 1 and (shown in _SEPARATING or shown.isdigit() or ord(shown) in _DIGITS
                                or 0xFF01 <= ord(shown) <= 0xFF5E):
            return shown
    return None


_DIGITISH = "0-9０-９공영빵일이삼사오육륙칠팔구"
#: A joiner between two digits (spaces around it allowed) is read as a hyphen: 010·1234·5678, 830207/1234567;
#: beside a dot or a colon too, which the rules' mark then takes with it (830207.·2555896: rules version 21).
#: 에 between two groups of digits, as a number read aloud is typed (010에 1234에 5678), is read as a hyphen
#: (rules version 34).
_DICTATED = re.compile(r"([0-9])에(?=[ \t]?[0-9][ \t]?[0-9])")  # spaced digits too (0 2에 2 0 0에: 36)
#: Its gate: the same 에, searched from the 에 (a rarer character than a digit: a sixth of the cost, stop 45).
_DICTATED_HINT = re.compile(r"(?<=[0-9])에(?=[ \t]?[0-9][ \t]?[0-9])")
#: The hyphen's names said aloud, as a transcript or a dictated note writes a number: 다시 (123 다시 4567, 산 12 다시 3:
#: rules version 38), 대시 and 하이픈 (010 하이픈 1234: 39). Between two digits, read as a hyphen and spaces.
_DASI = re.compile(rf"(?:(?<=[0-9])|(?<=[0-9][ \t]))(?:{'|'.join(_SAID_HYPHEN)})(?=[ \t]?[0-9])")


_SAID = re.compile("|".join(_SAID_HYPHEN))


def _said_hyphen(m: re.Match[str]) -> str:
    """A hyphen's name said as a hyphen and spaces, the same length: a long name as two marks (hyphen: ``  --  ``), the
    spaces split around them, so that with a space on each side the separator keeps within the three a side takes."""
    n = len(m.group())
    marks = min(3, max(1, n - 4))
    before = (n - marks) // 2
    return " " * before + "-" * marks + " " * (n - marks - before)


#: An unspaced closing parenthesis after a group of digits that no opening one stands before, and before two
#: digits, as an area code is written (02)1234-5678), is read as a hyphen (rules version 38); (02)1234-5678 is
#: left as it stands, and so are a list's item marks (1)2)3)).
_AREA_CLOSE = re.compile(r"(?<![(0-9])([0-9]{1,6})\)(?=[0-9]{2})")
_AREA_CLOSE_HINT = re.compile(r"(?<=[0-9])\)(?=[0-9]{2})")
#: A reply's quote markers at the start of a line that goes on with a number's next group (``032-\n> 526-\n> 2836``,
#: a quoted line wrapped inside the number: rules version 39) are the wrapped line's indent; after a JSON string's
#: escaped line break too (40).
_QUOTED_BREAK = re.compile(f"(?<=[{_DIGITISH}])([ \t.{re.escape(_JOINERS)}]{{0,3}}(?:\r\n?|\n|\\\\n))"
                           f"([ \t]{{0,2}}>(?:[ \t]?>){{0,3}})(?=[ \t]{{0,2}}[{_DIGITISH}])")
#: Its hint, searched from the marker (rarer than a line break): a line break or its escape, up to two spaces, then it.
_AFTER_BREAK = "|".join(f"(?<={lb}{sp})" for lb in ("[\\r\\n]", "\\\\n") for sp in ("", "[ \\t]", "[ \\t]{2}"))
_QUOTED_BREAK_HINT = re.compile(f"(?:{_AFTER_BREAK})>(?:[ \t]?>){{0,3}}[ \t]{{0,2}}[{_DIGITISH}]")


def _quote_markers_as_indent(m: re.Match[str]) -> str:
    return m.group(1) + m.group(2).replace(">", " ")


#: ... but not the = of a quoted-printable @ before a host (a0=40naver.com: rules version 36). Not the hyphen
#: itself, which it would write as it stands: its matches were most of the rewrite's cost and made it run on
#: every document with a grouped number (no match can start inside one, as each starts after a digit; stop 45).
_JOINED = re.compile(f"(?<=[{_DIGITISH}])([ \t]{{0,2}}[.:]?)(?!=40[A-Za-z])[{re.escape(_JOINERS.replace('-', ''))}]"
                     f"(?=[.:]?[ \t]{{0,2}}[{_DIGITISH}])")
#: An apostrophe or a single quote between two digits with no space on either side (02'9999'6086: the key beside the
#: semicolon typed for a hyphen; rules version 40): a quote that delimits a CSV cell or a string stands beside a
#: comma or a space, and feet and inches (5'10") make no identifier.
_QUOTE_JOINED = re.compile("(?<=[0-9])['\u2018\u2019](?=[0-9])")
#: A vertical bar with no space on either side between two digits (830207|2555896): a table's cell border
#: stands between spaces (``| 17 | 2024 |``), so an unspaced bar is read as a hyphen, except in a row of a
#: pipe-delimited table (``_bars_as_hyphens``).
_BAR = re.compile(f"(?<=[{_DIGITISH}OoIl])\\|(?=[{_DIGITISH}OoIl])")


#: A run of bars, one cell border however many bars it has (Jira's ``||``).
_BAR_RUN = re.compile(r"\|+")
#: YAML's block-scalar indicator at a line's end (``법인등록번호: |``): no cell border (rules version 26).
_YAML_BLOCK = re.compile(r":[ \t]*\|[-+0-9]{0,2}[ \t]*$")
#: A line that starts and ends with a bar is a Markdown table's row, alone too (``|카드 No|5572-5374|``,
#: rules version 15).
_MARKDOWN_ROW = re.compile(r"[ \t]*\|[^\n]*\|[ \t]*")


def _bars_as_hyphens(view: str) -> str:
    """``_BAR`` read as a hyphen, except on a row of a table whose cells are delimited by unspaced bars
    (``17|010-1234-5678|2024-05-02`` under ``번호|연락처|등록일``: the tenth held-out half, rules version 12):
    a line with as many bars as the line above or below it, two at least, or one where that other line
    has no digit beside its bar (a header: ``이름|연락처`` over ``17|010-1234-5678``). Two lines of one
    number each written with a bar (``830207|2555896``) stay numbers."""
    lines = view.split("\n")
    # cell borders, a run of bars one (Jira's header ``||사업자등록번호||`` has one cell, as ``|000|00|00000|`` has
    # three: rules version 36)
    counts = [len(_BAR_RUN.findall(line)) - (_YAML_BLOCK.search(line) is not None) for line in lines]

    def header_like(i: int) -> bool:
        """A header of such a table: no digit beside a bar, and its bars unspaced too (a signature's ``홍길동 |
        고객지원팀`` over ``000101|5000003`` is no header: rules version 29)."""
        return _BAR.search(lines[i]) is None and _UNSPACED_BAR.search(lines[i]) is not None

    def broken_row(i: int) -> bool:
        """Whether line ``i`` is part of a row whose cell holds a line break: a run of up to four lines
        with line ``i`` in it, that together hold as many bars as the line above the run, two at least
        (``17|010.`` / ``0000.`` / ``0000|2024-05-02`` under ``번호|비고|등록일``: rules version 15). The run's
        first line holds a bar, the end of the row's first cell: a line of prose between two numbers written
        with bars is no row (rules version 28)."""
        for start in range(i, max(0, i - 3), -1):
            if counts[start] == 0:
                continue
            n, total = counts[start - 1], 0
            for j in range(start, min(len(lines), start + 4)):
                total += counts[j]
                if n < 2 or total > n:
                    break
                if total == n and j >= i:
                    return True
        return False

    out = []
    for i, line in enumerate(lines):
        n = counts[i]
        # a line between bars is a row alone too, unless the table line above it has another number of cells
        # (``|000|00|00000|`` under Jira's one-cell header ``||사업자등록번호||``: rules version 36)
        row = n > 0 and (any(0 <= j < len(lines) and counts[j] == n and (n >= 2 or header_like(j))
                             for j in (i - 1, i + 1))
                         or (_MARKDOWN_ROW.fullmatch(line) is not None and not (i > 0 and 0 < counts[i - 1] != n))
                         or broken_row(i))
        out.append(line if row and not _spaced_cells(line) and not _number_in_prose(line) else _BAR.sub("-", line))
    return "\n".join(out)


#: Digit groups joined by bars alone, no word character or bar on either side; digit words and look-alike letters
#: too, spelled one at a time too, and a particle after them is part of the prose (02|200|0000이고, 공 이|이 공 공,
#: O2|2OO|OOOO: rules version 36).
_BARRED_GROUP = f"[0-9OoIl{_DIGIT_WORDS}](?: ?[0-9OoIl{_DIGIT_WORDS}])*"
_BARRED_WORD = re.compile(f"(?<![\\w|]){_BARRED_GROUP}(?:\\|{_BARRED_GROUP})+(?![0-9A-Za-z_|])")


def _number_in_prose(line: str) -> bool:
    """Whether a line's bars all join one number that stands among words (``학부모님 4000|0000|0000|0002
    (카드번호)`` twice, on two lines: no table whose rows hold as many bars, rules version 28). A row of a
    table of numbers holds no word (``17|010.``)."""
    m = _BARRED_WORD.search(line)
    return (m is not None and m.group().count("|") == line.count("|")
            and re.search(r"[^\W\d_]", line[:m.start()] + line[m.end():]) is not None)


#: A bar with no space on either side.
_UNSPACED_BAR = re.compile(r"[^\s|]\|[^\s|]")
#: A bar that delimits a cell the way a spaced table writes it: a space, or the line's edge, on both sides.
_SPACED_BAR = re.compile(r"(?:(?<=\s)|(?<![^\n]))\|(?=\s|$)")


def _spaced_cells(line: str) -> bool:
    """Whether a table row spaces every delimiter (``| 주민No | 030821|3773291 |``): an unspaced bar between
    digits in it is then no delimiter but a separator inside the cell (rules version 21)."""
    return line.count("|") - len(_BAR.findall(line)) >= 2 and all(
        _SPACED_BAR.match(line, m.start()) or _BAR.match(line, m.start()) for m in re.finditer(r"\|", line))
#: A run of joiners and spaces between two digits with at most one line break in it (``--``, ``-\n  `` of
#: a wrapped and indented line, `` — `` ...), where one joiner is not alone; read as one hyphen.
_J = re.escape(_JOINERS)
_JOIN_RUN = re.compile(f"(?<=[{_DIGITISH}])(?=[ \t\r\n{_J}]*[{_J}])[ \t{_J}]*"
                       f"(?:(?:\r\n?|\n|(?:\\\\[nrt]){{1,3}})[ \t{_J}]*)?(?=[{_DIGITISH}])")
#: Its hint: two joiners, or one and a line break, or a line break's escape in a JSON string (whose backslash is a
#: joiner: 1\\n0100000000 is read as 1- 0100000000); a line break before the joiner too (rules version 41: until
#: then the hint missed both, and a number after them, which the gates open read, was not found).
_JOIN_RUN_HINT = re.compile(f"[{_J}][ \t]*[\r\n{_J}]|[\r\n][ \t]*[{_J}][ \t{_J}]*[{_DIGITISH}]"
                            f"|\\\\[nrt][ \t{_J}]*[{_DIGITISH}]")
#: Letters typed for digits inside a number (O for 0 and l or I for 1, as classified ads write 010 to slip
#: past filters).
#: A number may be letters only where its digits are all 0 and 1 (Oll-OOOO-OOOO for 011-0000-0000): a
#: word of such letters that starts with O, three long (a phone number's first group) or ten to eleven
#: (the whole number run together), stands for one.
_ALL_LETTERS: Final = r"(?<![A-Za-z0-9])[Oo][OolI]{2}(?:[OolI]{7,8})?(?![A-Za-z])"
#: A look-alike letter beside a digit, l or I between two Os, or a number in letters only: searched from the
#: letter, which is rarer than a digit (stop 45).
_LOOKALIKE_HINT = re.compile(rf"(?<=[0-9])[OoIl]|[OoIl](?=[0-9])|(?<=[Oo])[lI](?=[Oo])|{_ALL_LETTERS}")
_LOOKALIKES = str.maketrans("OoIl", "0011")
#: ... its groups apart across a line break, its JSON escape or HTML's (O2-<br>2OO-<br>OOOO: rules version 31), or
#: the 에 of a number read aloud (O1O에 OOOO에: 36), or a symbol (0l0ㅣ0000ㅣ0000, which the view then reads as a hyphen
#: between digits: 38), or an area code's closing parenthesis (O1O)l234, which ``_AREA_CLOSE`` then reads: 39).
_LOOKALIKE_RUN = re.compile(f"(?<![A-Za-z0-9])[0Oo](?:(?:[ \\t\\r\\n.,:에)'\u2018\u2019{_J}]|\\\\[nrt]|<br\\s?/?>"
                            f"|{_SYMBOL_BMP}[\ufe0e\ufe0f]?){{0,9}}[0-9OoIl]){{8,11}}(?![A-Za-z0-9])")


#: A symbol explained as the @ (``kim★naver.com (★을 @로)``, ``★→@``, ``★ 대신 @``): spam and classified
#: ads write the address with another symbol and say which (rules version 14).
_EXPLAINED_AT = re.compile(r"([^\w\s@()\[\]{}<>'\"“”‘’.,:;!?\-])[ \t]?(?:[을를은는이가][ \t]?)?"
                           r"(?:(?:→|->|=>|=)[ \t]?@|대신[ \t]?@|@[ \t]?(?:으로|로))")


def _explained_at(view: str) -> str:
    """Each symbol the text explains as the @, read as one between the parts of an address."""
    for sym in dict.fromkeys(m.group(1) for m in _EXPLAINED_AT.finditer(view)):
        view = re.sub(rf"(?<=[A-Za-z0-9._%+-]){re.escape(sym)}(?=[A-Za-z0-9-])", "@", view)
    return view


#: A JSON escape of a tab beside a mark or another escape (``"830207\\t-\\t2555896"``, ``-\\r\\n\\t``):
#: two spaces in the view, as a tab would read (rules version 15); not a LaTeX command (\\texttt: 21).
_ESCAPED_TAB = re.compile(r"(?<=[-:.\s0-9])\\t(?![A-Za-z])|\\t(?=[-:.\s\\0-9])")


def detection_view(text: str) -> str:
    """The text as the recognizers see it, the same length as ``text``: full-width forms as ASCII, any
    space as a space, any joiner between digits (dash, slash, middle dot, ...) as a hyphen, Korean digit
    words of a spelled-out phone number as digits."""
    if passes(_BEYOND_BMP, text) and passes(_NEEDS_VIEW_BEYOND_BMP, text):
        view = text.translate(_VIEW_TABLE)
    elif passes(_NEEDS_VIEW, text):  # only the runs that change: translating every character cost 4x (stop 45)
        view = _VIEWED_RUN.sub(_viewed, text)
    else:
        view = text
    if is_open() or any(z in view for z in _ZERO_LIKE):  # before the joiners: ○11·9694·5236
        view = _CIRCLE_RUN.sub(_circles_as_zeros, view)
    if passes(_HANJA_RUN, view):
        view = _hanja_as_digits(view)
    if passes(_SMALL_RUN, view):
        view = _small_digits_as_digits(view)
    if "|" in view or is_open():  # before the look-alikes: 0l0|65l5|l809
        view = _bars_as_hyphens(view)
    if passes(_LOOKALIKE_HINT, view):
        view = _each_run(_LOOKALIKE_RUN, _lookalike_digits, view)
    if passes(_BEYOND_BMP_HINT, view):
        view = _scanned(_SYMBOL_JOINED_BEYOND_BMP).sub(_symbol_as_hyphen, view)
    elif passes(_SYMBOL_HINT, view):
        view = _scanned(_SYMBOL_JOINED).sub(_symbol_as_hyphen, view)
    if passes(_QUOTED_BREAK_HINT, view):
        view = _QUOTED_BREAK.sub(_quote_markers_as_indent, view)
    if is_open() or any(q in view for q in "'\u2018\u2019"):  # a substring test: a tenth of the search's cost
        view = _QUOTE_JOINED.sub("-", view)
    if passes(_JOIN_RUN_HINT, view):
        view = _scanned(_JOIN_RUN).sub(_one_joiner, view)
    if passes(_DICTATED_HINT, view):
        view = _DICTATED.sub(lambda m: m.group(1) + "-", view)
    if passes(_DASI, view):
        view = _DASI.sub(_said_hyphen, view)
    if passes(_AREA_CLOSE_HINT, view):
        view = _AREA_CLOSE.sub(lambda m: m.group(1) + "-", view)
    if passes(_JOINED, view):
        view = _scanned(_JOINED).sub(lambda m: m.group(1) + "-", view)
    if passes(_DIGIT_RUN_HINT, view):
        view = _each_run(_DIGIT_RUN, _as_digits, view)
    if "@" in view and passes(_EXPLAINED_AT, view):
        view = _explained_at(view)
    if "\\t" in view or is_open():
        view = _ESCAPED_TAB.sub("  ", view)
    return view


#: A run of digits and white circles (○) in groups: Korean text writes ○ for a zero (○1○-1234-5678) and for a
#: masked digit (010-○○○○-5678, 김○○); a circle is read as a zero only in a run of nine or more digits and
#: circles whose every group holds a digit, so a group masked whole stays masked (rules version 24); groups
#: apart across a line break, ``<br>``, a bar or a JSON escape too (○○○1○1-<br>1○○○○○2, ○2\\t-\\t2○○, ○5○2|9323: 26), or
#: the 에 of a number read aloud (○2에 2○○에: 36), or a symbol (○1○ㅣ○○○1: 38).
_CIRCLE_SEP = (f"(?:\\\\[nrt]|[-.,:| \t에'\u2018\u2019{re.escape(_JOINERS)}]|<br\\s?/?>|\r\n?|\n"
               f"|{_SYMBOL_BMP}[\ufe0e\ufe0f]?)")
#: ... and the other circles typed for a zero: the large circle ◯ and the jamo ㅇ (ㅇ1ㅇ-1234-5678, as ads write
#: it past filters: rules version 40), the conjoining ᄋ too.
_ZERO_LIKE: Final = "\u25cb\u25ef\u3147\u110b"
#: ... ㅇ, a letter chat writes alone and after a number (ㅇㅇ, ㅇㅋ), only in a run that holds one before its last
#: digit.
_IEUNG: Final = "\u3147\u110b"
_ZEROS: Final = str.maketrans(_ZERO_LIKE, "0" * len(_ZERO_LIKE))
_CIRCLE_RUN = re.compile(f"[0-9{_ZERO_LIKE}](?:{_CIRCLE_SEP}{{0,5}}[0-9{_ZERO_LIKE}])+")


def _circles_as_zeros(m: re.Match[str]) -> str:
    run = m.group()
    groups = re.split(f"{_CIRCLE_SEP}+", run)
    if (not any(c in _ZERO_LIKE for c in run) or sum(map(len, groups)) < 9
            or not all(any(c.isdigit() for c in g) for g in groups)):
        return run
    if not any(c in "\u25cb\u25ef" for c in run) and not any(c in _IEUNG for c in run.rstrip(_IEUNG)):
        return run  # ㅇ after a number only (5678ㅇㅇ, 22ㅇㅋ: chat's yes and okay), no zero typed so
    return run.translate(_ZEROS)


def _one_joiner(m: re.Match[str]) -> str:
    """A separator run as one hyphen with at most two spaces on each side, the same length; a run
    longer than five characters stays as written."""
    run = m.group()
    if len(run) > 5:
        return run
    if sum(c in _JOINERS for c in run) < 2 and not any(c in run for c in "\r\n\\"):
        return run  # one joiner alone is ``_JOINED``'s, as the hint that gates this rewrite says
    before = min(2, (len(run) - 1) // 2)
    return " " * before + "-" + " " * (len(run) - 1 - before)


def _lookalike_digits(m: re.Match[str]) -> str:
    """O and o as zeros, l and I as ones in a run of digits, where the run then is a Korean phone number
    and is not a passport number (O12345678)."""
    run = m.group()
    if not any(c in run for c in "OoIl") or re.match(r"O\d{8}(?!\d)", run):
        return run  # O and eight digits is a passport number, whatever the run takes in after it (O54603220\n 4월: 32)
    first = run.split("\n", 1)[0]
    if "\n" in run and not any(c in first for c in "OoIl") and any(c in first for c in ":,"):
        return run  # a timestamp, then letters on the next line: its digits do not start the number (36)
    fixed = run.translate(_LOOKALIKES)
    # The longest start of the run that makes a number: a run may take in the next line's item number
    # (``2. 0l6 - 9830 - 5445\n3. 처리``: rules version 16).
    for end in range(len(fixed), 0, -1):
        if fixed[end - 1].isdigit() and PHONE_DIGITS.fullmatch("".join(c for c in fixed[:end] if c.isdigit())):
            return fixed[:end] + run[end:]
    return run


#: A lone digit word at the end, after a separator that follows a digit (``4327 사``; across a line break and
#: an indent too, 88290\n 사고: rules version 31): with Hangul right after it, it begins a word. After a digit
#: word and a space it is one of a group spelled a word at a time (``일 삼 오 이이었는데요``: rules version 13).
_LONE_WORD = re.compile(rf"[0-9](?:[ \t.,\-\r\n]|\\[nrt]){{1,6}}[{_DIGIT_WORDS}]$")
#: Hangul that continues a particle or ending begun by 이 (이에요, 이고, 이며, 이다, 이라고, 이랑, ...; 이거나,
#: 이던, 이잖아, 이죠, 이므로, 이네요: rules version 26; the copula's other endings, 이랬어요,
#: 이더라고요, 이였어요, 이세요, 이시다, 이신, 이셨어요, 이냐, 이군요, 이건, 이걸, 이겠죠, 이요,
#: 이예요, 이자, 이랍니다: 47). Not 구 or 오, which are digit words.
_AFTER_I = frozenset("에고며다라랑나니면어었야지거래던잖란죠든므네여기랬더였세시신셨냐군건걸겠요예자랍")


def _each_run(run: re.Pattern[str], convert: Callable[[re.Match[str]], str], view: str) -> str:
    """``run``'s matches as ``convert`` reads them. A run that ``convert`` leaves as it is is tried again
    from its next start: a timestamp's zeros start a run that takes in the digit words or look-alike letters
    of the next line (00:01:05,000\n공이-이공공-공공공공: rules version 28; 00:01:05,000\n0l0-0000-0000: 32),
    which make a number alone."""
    out: list[str] = []
    pos = at = 0
    while (m := _scanned(run).search(view, at)) is not None:
        shown = convert(m)
        if shown == m.group():
            at = m.start() + 1
            continue
        out += [view[pos:m.start()], shown]
        pos = at = m.end()
    return "".join(out) + view[pos:] if out else view


_scanned = cache(Scanned)


def _as_digits(m: re.Match[str]) -> str:
    """The longest start of a run of digits and digit words whose digits make a Korean phone number, as
    digits; the rest as written. A run with no digit word, or none that makes a number, stays as it is:
    the 이 of a particle after a number (``오육칠팔이에요``) or a word after it (``5678 이사``) is not read
    as a digit, because the number ends where its digits stop making a phone number."""
    written, text = m.group(), m.string
    run = _SAID.sub(_said_hyphen, written)  # a hyphen's name said as a hyphen and spaces (하이픈 holds 이, no digit)
    if not any(c in _KOREAN_DIGIT for c in run):
        return written
    for end in range(len(run), 0, -1):
        if run[end - 1] not in _KOREAN_DIGIT and not run[end - 1].isdigit():
            continue
        if run[end - 1] == "이" and m.start() + end < len(text) and text[m.start() + end] in _AFTER_I:
            continue  # 이 begins a particle
        if _LONE_WORD.search(run, 0, end) and m.start() + end < len(text) and "가" <= text[m.start() + end] <= "힣":
            continue  # one digit word after a separator, then Hangul: a word (0219-4327 사용), not a digit
        digits = "".join(_KOREAN_DIGIT.get(c, c) for c in run[:end] if c.isdigit() or c in _KOREAN_DIGIT)
        if len(digits) < 9:
            break
        if PHONE_DIGITS.fullmatch(digits):  # 에 between its groups as a hyphen, as ``_DICTATED`` reads it
            number = "".join(_KOREAN_DIGIT.get(c, c) for c in run[:end]).replace("에", "-").replace(")", "-")
            if passes(_SYMBOL_HINT, number):  # and a symbol, as between digits (공이★이공공: rules version 38)
                number = _scanned(_SYMBOL_JOINED).sub(_symbol_as_hyphen, number)
            return number + written[end:]
    return written


# ----------------------------------------------------------------------------- the engine

@dataclass(frozen=True)
class Finding:
    entity: str
    start: int
    end: int
    score: float
    #: the recognizer (and rule) that found it, with its version
    recognizer: str = ""


#: A Korean number starts with 0 or +82: dates, prices and article numbers never reach libphonenumber.
_PHONE_CANDIDATE = re.compile(r"(?<!\d)(?:\+\d|\(?0)[\d ().-]{6,20}\d")


class _KeptWindows:
    """What a recognizer found in each window of text it was run on, by the window's text: what Presidio's
    phone and e-mail recognizers find in a window depends on its text alone, and a site's footer repeats its
    numbers and addresses on every page (109 distinct phone windows in 1,162 on 800 crawl pages, stop 45).
    ``WINDOWS_KEPT`` windows at most, then forgotten all at once. Each call gets results of its own, as the
    context step sets scores and context words in them."""

    WINDOWS_KEPT: Final = 4096

    def __init__(self) -> None:
        self.found: dict[tuple[str, tuple[str, ...]], list[RecognizerResult]] = {}

    def results(self, text: str, windows: list[tuple[int, int]], entities: list[str] | None,
                analyze: Callable[[str], list[RecognizerResult]]) -> list[RecognizerResult]:
        """``analyze``'s results on each window of ``text``, at their places in ``text``."""
        out: list[RecognizerResult] = []
        for lo, hi in windows:
            window = text[lo:hi]
            key = (window, tuple(entities or ()))
            found = self.found.get(key)
            if found is None:
                found = analyze(window)
                if len(self.found) >= self.WINDOWS_KEPT:
                    self.found.clear()
                self.found[key] = found
            out += [_moved(r, lo) for r in found]
        return out


def _moved(r: RecognizerResult, by: int) -> RecognizerResult:
    """A result of its own, ``by`` characters on: its explanation and metadata copied, as the context step sets
    a score and a context word in them."""
    return RecognizerResult(r.entity_type, r.start + by, r.end + by, r.score, copy.copy(r.analysis_explanation),
                            dict(r.recognition_metadata or {}))


#: The recognizers' kept windows, for ``forget_windows``.
_KEPT: list[_KeptWindows] = []


def forget_windows() -> None:
    """Forget the windows the recognizers kept: a benchmark that times the same documents again must not time
    what the first round kept."""
    for kept in _KEPT:
        kept.found.clear()


def _windowed_phone_recognizer():  # type: ignore[no-untyped-def]
    """Presidio's ``PhoneRecognizer`` (libphonenumber, region KR) run on windows around digit runs
    that could be a phone number, instead of on the whole text: libphonenumber's matcher tries every
    digit sequence (dates, prices, article numbers) and took half of the analysis time on 1 KB
    documents. A window keeps two characters on each side, which the matcher inspects. What libphonenumber
    leniently takes for a phone number though its groups are none a phone number is written in (010-00-000000,
    an account: ``filters.pii_rules.not_phone_groups``) is dropped (rules version 28). Windows are kept
    (``_KeptWindows``)."""
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    class WindowedPhoneRecognizer(PhoneRecognizer):  # type: ignore[misc]
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)
            self.kept = _KeptWindows()
            _KEPT.append(self.kept)

        def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
            candidates = _scanned(_PHONE_CANDIDATE).finditer(text)
            windows = ([(0, len(text))] if is_open() else
                       [(max(0, m.start() - 2), min(len(text), m.end() + 2)) for m in candidates])

            def found(window: str) -> list[RecognizerResult]:
                return [r for r in super(WindowedPhoneRecognizer, self).analyze(window, entities, nlp_artifacts)
                        if not not_phone_groups(window[r.start:r.end])]

            return self.kept.results(text, windows, entities, found)

    return WindowedPhoneRecognizer(supported_regions=["KR"], supported_language="ko",
                                   context=["전화", "연락처", "휴대폰", "핸드폰", "문의", "tel", "phone"])


#: The characters of Presidio's e-mail pattern (its local part's, the @, its host's word characters, hyphens
#: and dots), in the ``regex`` module it is matched with: every match is a run of them. Forward from an @ and,
#: with ``REVERSE``, back from it.
_MAIL_RUN: Final = regex.compile(r"[!#$%&'*+\-/=?^_`{|}~.\w@]*", flags=regex.I | regex.M | regex.S)
_MAIL_RUN_BACK: Final = regex.compile(r"[!#$%&'*+\-/=?^_`{|}~.\w@]*",
                                      flags=regex.I | regex.M | regex.S | regex.REVERSE)


def mail_windows(text: str) -> list[tuple[int, int]]:
    """The windows Presidio's e-mail pattern is run on: each run of its characters that holds an @. Every
    match is inside such a run, runs are apart, and what stands beside a run is no word character (the edge
    of a window reads as a word boundary, as that character does), so the pattern finds in them what it finds
    in the whole text: a 4 KB page's footer address no longer takes the pattern through every word of the
    page (8% of a crawl page's detection, stop 45)."""
    out: list[tuple[int, int]] = []
    at = text.find("@")
    while at >= 0:
        lo = _MAIL_RUN_BACK.match(text, 0, at).start()
        hi = _MAIL_RUN.match(text, at).end()
        out.append((lo, hi))
        at = text.find("@", hi)
    return out


def _windowed_mail(recognizer):  # type: ignore[no-untyped-def]
    """Presidio's ``EmailRecognizer`` (its name kept, as findings record it) run on ``mail_windows``, the
    windows kept (``_KeptWindows``)."""
    analyze = recognizer.analyze
    kept = _KeptWindows()
    _KEPT.append(kept)

    def windowed(text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        windows = [(0, len(text))] if is_open() else mail_windows(text)
        return kept.results(text, windows, entities, lambda window: analyze(window, entities, nlp_artifacts))

    recognizer.analyze = windowed
    return recognizer


def _hinted(recognizer, hint: re.Pattern[str]):  # type: ignore[no-untyped-def]
    """A Presidio recognizer that runs only on text where ``hint`` is found: its patterns run in the
    ``regex`` module and cost as much as everything else together on text that holds no candidate
    (an IP address needs dotted or colon-separated groups)."""
    analyze = recognizer.analyze

    def hinted(text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        return analyze(text, entities, nlp_artifacts) if passes(hint, text) else []

    recognizer.analyze = hinted
    return recognizer


#: What Presidio's IP recognizer needs: an IPv4 address's four groups (every IPv4 pattern of Presidio's has
#: them; three groups are a date: 2024.05.01), an IPv6 address's :: beside a hex digit (every compressed form
#: has one), or its eight groups; not a time's colons (10:30:45), which took Presidio's patterns through one
#: document in eight (stop 45). A bare :: is no address (``_find``). Each alternative starts at a dot or a
#: colon, which ``re`` skips to.
IP_HINT: Final = re.compile(r"\.\d{1,3}\.\d{1,3}\.\d|::[0-9A-Fa-f]|(?<=[0-9A-Fa-f])::|:(?:[0-9A-Fa-f]{1,4}:){6}")


@cache
def analyzer():  # type: ignore[no-untyped-def]
    """Presidio's AnalyzerEngine with the no-op NLP engine, the Korean recognizers and the Korean
    context enhancer (once per process)."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, IpRecognizer

    registry = RecognizerRegistry(supported_languages=["ko"])
    for rec in (_windowed_phone_recognizer(), _windowed_mail(EmailRecognizer(supported_language="ko")),
                _hinted(IpRecognizer(supported_language="ko"), IP_HINT), KoreanRegexRecognizer()):
        registry.add_recognizer(rec)
    engine = NoOpNlpEngine(models=[{"lang_code": "ko", "model_name": "none"}])
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["ko"],
                              context_aware_enhancer=KoreanContextEnhancer())
    # ``_find`` asks for every entity the recognizers support (Presidio's faster path), which must be ENTITIES
    if set(analyzer.get_supported_entities("ko")) != set(ENTITIES):
        raise RuntimeError(f"recognizers support {analyzer.get_supported_entities('ko')}, not {ENTITIES}")
    return analyzer


@cache
def _no_nlp():  # type: ignore[no-untyped-def]
    """The no-op NLP engine's empty artifacts, made once: no recognizer reads or changes them, and the engine
    made a spaCy ``Doc`` for each call (3% of the detector's time on 1 KB documents, stop 45)."""
    return analyzer().nlp_engine.process_text("", "ko")


@cache
def _presidio_version() -> str:
    from importlib.metadata import version

    return version("presidio-analyzer")


def _recognizer_of(r: RecognizerResult) -> str:
    meta = r.recognition_metadata or {}
    name = meta.get(RecognizerResult.RECOGNIZER_NAME_KEY, "?")
    if "rule" in meta:
        return f"{name}.v{RULES_VERSION}:{meta['rule']}"
    return f"{name}.presidio-{_presidio_version()}"


#: Every recognizer but the name rules needs a digit (any script, circled, Hanja or superscript too), an @ (the
#: small form ﹫ too), a full-width form, an e-mail obfuscation, a Korean digit-word run or a number in
#: look-alike letters only: text without any skips Presidio's per-call overhead.
GATE = re.compile(rf"[\d@\uff01-\uff5e\ufe6b{AT_LIKE}]|" + _char_class({c for c in _DIGITS if not chr(c).isdecimal()})
                  + rf"|[{_HANJA_DIGITS}]{{2}}|[{_SMALL_DIGITS}]{{2}}|&#"
                  # the address rules' own hints, which every match of theirs holds (rules version 45: the gate's
                  # narrower patterns lost kim"at"naver.com, kim at naver [dot] com, an image's alt="at" in a text
                  # without a digit)
                  rf"|{HINTS['email_obfuscated'].pattern}|{HINTS['email_words'].pattern}"
                  rf"|{_ALL_LETTERS}")
_NAME_RULES = KoreanRegexRecognizer(entity_filter=("PERSON",))


def needs_analyzer(text: str) -> bool:
    """Whether any recognizer but the name rules can match ``text`` (the gate before Presidio)."""
    return passes(GATE, text) or (("공" in text or "영" in text or "빵" in text)
                                  and _DIGIT_RUN.search(detection_view(text)) is not None)



#: The marks a number or an address is written with, an inline element around one read as the mark (ASCII,
#: the dashes, the middle dot; the full-width and small forms: ９４１０<span>－</span>３６０８, rules version 31).
_INLINE_MARK = r"[-.@:/_~+\u00b7\u2010-\u2015\u2212\ufe63\uff0b\uff0d-\uff0f\uff1a\uff20\uff3f\uff5e]"


#: HTML's inline elements, which a page shows no character for.
_INLINE_TAGS = ("span|b|i|em|strong|u|s|small|mark|font|sup|sub|code|kbd|a"
                # and an office document's runs, its text split across them (Word's w:r and w:t, PowerPoint's a:r
                # and a:t, OpenDocument's text:span: rules version 43)
                "|w:r|w:t|a:r|a:t|text:span")


def _any_case(words: str) -> str:
    """An alternation of ``words`` (``|``-separated) in which each letter may be of either case: ``re``'s scoped
    flags are not read by ``filters.regex_scan``."""
    return "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in w) for w in words.split("|"))


#: BBCode's inline tags, which a forum shows no character for ([color=red]010[/color]-[color=red]1234[/color]: rules
#: version 41); a tag's parameter is never shown, whatever it holds ([size=5], [font=굴림]).
_BB_TAGS = _any_case("b|i|u|s|strike|color|colour|size|font|sup|sub|highlight|bgcolor|code|tt|em|strong")
_BB_OPEN = rf"\[(?:{_BB_TAGS})(?:=[^\[\]\n]{{1,30}})?\]"
_BB_CLOSE = rf"\[/(?:{_BB_TAGS})\]"
#: Their attributes, where they hold no digit, @ or Hangul but a colour's hex code (<font color="#ff0000">: rules
#: version 38): what such attributes hold is not shown.
_TAG_ATTRS = r"(?:\s(?:#[0-9A-Fa-f]{3,8}(?![0-9A-Za-z])|[^<>0-9@가-힣]){0,40})?"
#: A digit in any form the view reads as one (Hanja numerals, small digits and the white circle too: rules version
#: 36), or a digit word.
_DIGIT_POINTS: Final = {*range(0x30, 0x3A), *_DIGITS, *map(ord, _HANJA_DIGITS + _SMALL_DIGITS + "\u25cb")}
_DIGIT_LIKE = _char_class(_DIGIT_POINTS | set(map(ord, _DIGIT_WORDS)))
_DIGIT_LIKE_CHAR = re.compile(_DIGIT_LIKE)
#: ... a digit only, not a digit word.
_DIGIT_CHAR = _char_class(_DIGIT_POINTS)


def _marks() -> str:
    """The combining marks (categories Mn, Me) of the BMP, the variation selectors among them, as a class."""
    import unicodedata

    return _char_class({cp for cp in range(0x300, 0x10000) if unicodedata.category(chr(cp)) in ("Mn", "Me")})


_MARKS: Final = _marks()
#: An inline element a page hides, around a decoy word in letters (``_ESCAPE``).
_HIDDEN_ELEMENT = (r"<(?:span|font|b|i|em|strong|small|u|s|a|ins|del|div|p)\s[^<>]{0,80}?"
                   r"(?:display\s?:\s?none|visibility\s?:\s?hidden|(?<=\s)hidden(?=[\s>=]))[^<>]{0,80}>"
                   r"[A-Za-z][A-Za-z._ -]{0,30}</(?:span|font|b|i|em|strong|small|u|s|a|ins|del|div|p)>")


#: HTML's legacy named references, which its parser reads without a semicolon (nbsp, middot, shy, amp, ...).
_LEGACY_REFERENCES: Final = "|".join(sorted((k for k in html5_references if not k.endswith(";")), key=len,
                                            reverse=True))
#: The control characters that are no space (``str.isspace`` makes the others spaces).
_CONTROL: Final = _char_class({cp for cp in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if not chr(cp).isspace()})
#: An HTML character reference (``&ndash;``, ``&#45;``, ``&#x2D;``, ``&nbsp;``): crawled text keeps them where
#: a page escaped what it shows, a number's hyphen too (830207&ndash;2555896: rules version 16). And a
#: JSON or JavaScript escape of a character (``\uc8fc\ubbfc``: Python's ``json.dumps`` writes every
#: non-ASCII character so by default, labels and names with it; a surrogate pair for one beyond the BMP:
#: rules version 17).
_ESCAPE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
                     # (a numeric reference without its semicolon, and a legacy named one, as HTML's parser reads them
                     # in text: 830207&nbsp2555896, kim&#64naver.com: rules version 43)
                     r"|&#[0-9]{1,7}(?![0-9;])|&#[xX][0-9A-Fa-f]{1,6}(?![0-9A-Fa-f;])"
                     rf"|&(?:{_LEGACY_REFERENCES})(?![A-Za-z;])"
                     # a control character that is no space (a NUL after each character of UTF-16 read a byte a
                     # character: rules version 43), shown as nothing
                     rf"|{_CONTROL}"
                     # (one escape's backslash escaped in turn where a JSON string holds it: "a0\\u0040naver.com",
                     # rules version 32)
                     r"|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\{1,2}u[0-9a-fA-F]{4}"
                     # a run of three or more percent escapes: a mailto link's encoder writes a whole address
                     # so (%6B%69%6D%40...: rules version 20); one or two (%40) are the rules' own
                     r"|(?:%[0-9A-Fa-f]{2}){3,}"
                     # a keycap emoji digit (0️⃣: the digit, the emoji selector, the combining keycap), which
                     # SNS posts and ads write numbers in (rules version 23); or another combining
                     # enclosing mark (0⃝: the enclosing circle, square, diamond: 27); or any combining mark
                     # a fancy-text generator puts on a digit (0̲1̲0̲, underlined; 0̶, struck through: 31)
                     # (any combining mark or variation selector of the BMP, by its class: 0️1️0️, each digit with the
                     # emoji selector and no keycap: 40)
                     f"|[0-9]\ufe0f?[\u20dd-\u20e0\u20e2-\u20e4]|[0-9]{_MARKS}+"
                     # an empty HTML comment, which a page shows as nothing (830207-<!-- -->2555896: 31); not one
                     # with anything in it, which the rules read (담당 의사 <!-- 서민수 -->, <!-- ０１０－... -->)
                     r"|<!--[ \t]{0,8}-->"
                     # ... and so in a JSON string's escapes (4\\ufe0f\\u20e3: rules version 26; any combining
                     # mark, 4\\u0332: 34)
                     r"|[0-9](?:\\u[fF][eE]0[fF])?(?:\\u(?:03[0-6][0-9a-fA-F]|20[dDeE][0-9a-fA-F]|20[fF]0))+"
                     # a query string's encoded space or hyphen between two characters of a word or number
                     # (830207%201234567: rules version 27), a white circle's zero too (4○○○%20○○○1: 31), a digit
                     # under a combining mark or in a tag of its own too (1̲%2D1̲, 1</span>%2D<span>0: 34); any
                     # other encoded ASCII mark but the @ (the rules' own) and any two-byte character too, beside
                     # another escape or a code span's backtick too (010%C2%B71234, a middle dot: 36)
                     r"|(?<=[\w\u0300-\u036f\u20d0-\u20f0\u25cb>;`*])"
                     r"%(?:2[0-9a-fA-F]|3[a-fA-F]|[cCdD][0-9a-fA-F]%[89abAB][0-9a-fA-F])(?=[\w\u25cb<&`*])"
                     # HTML's word-break opportunity, which a page shows as nothing (830207-<wbr>2555896, kim<wbr>@...:
                     # rules version 26)
                     r"|<[wW][bB][rR][ \t]?/?>"
                     # an inline element around a mark, which a page shows as the mark (830207<span>-</span>2555896,
                     # kim@naver<b>.</b>com: rules version 30)
                     # (a mark a number or an address is written with: not ⓘ, which a page shows for the title
                     # attribute that holds the text)
                     rf"|<[A-Za-z][A-Za-z0-9]{{0,9}}(?:\s[^<>]{{0,40}})?>{_INLINE_MARK}{{1,3}}"
                     r"</[A-Za-z][A-Za-z0-9]{0,9}>"
                     # an inline element's opening tag right before a digit or its closing tag right after one,
                     # which a page shows as nothing (<span>0</span><span>1</span>, 010</span>-<span>1234: rules
                     # version 32); a tag elsewhere stays, for the name rules read labels and attributes in them,
                     # and so does one whose attributes hold a digit, an @ or Hangul (<a href="tel:010-...">010-...,
                     # <span title="김민수">: what it holds is read as text)
                     # (beside a group's look-alike letters too, where a digit stands with them: O1O</span>-<span>l234:
                     # rules version 38)
                     rf"|(?:<(?:{_INLINE_TAGS}){_TAG_ATTRS}>)+(?=[OoIl]{{0,2}}\d)"
                     # (closing tags after a digit and opening ones after them, before a joiner: 010</w:t></w:r><w:r>
                     # <w:t>-1234, 010</span><span>-1234: rules version 43)
                     rf"|(?<={_DIGIT_LIKE})(?:</(?:{_INLINE_TAGS})>)+(?:<(?:{_INLINE_TAGS}){_TAG_ATTRS}>)+"
                     rf"(?=[{_J}])"
                     rf"|(?:(?<=[\d\u0300-\u036f\u20d0-\u20f0])|(?<=[0-9][0-9OoIl][OoIl])|(?<=[OoIl][0-9][OoIl]))"
                     rf"(?:</(?:{_INLINE_TAGS})>)+"
                     # ... and where they part a group of digit words or digits of any form from the joiner
                     # after it or before it (공일공</span>-<span>공공공공, ⓿❶</span>-<span>❶: rules version 34), not
                     # elsewhere around a syllable
                     rf"|(?<={_DIGIT_LIKE})(?:</(?:{_INLINE_TAGS})>)+(?=[{_J}])"
                     rf"|(?<=[{_J}])(?:<(?:{_INLINE_TAGS}){_TAG_ATTRS}>)+(?={_DIGIT_LIKE})"
                     # ... and BBCode's so, around a digit or a group (rules version 41)
                     rf"|(?:{_BB_OPEN})+(?=[OoIl]{{0,2}}\d)|(?<=[{_J}])(?:{_BB_OPEN})+(?={_DIGIT_LIKE})"
                     rf"|(?<=[\d\u0300-\u036f\u20d0-\u20f0])(?:{_BB_CLOSE})+|(?<={_DIGIT_LIKE})(?:{_BB_CLOSE})+(?=[{_J}])"
                     # Markdown's backslash before a mark an address or a number is written with, between two
                     # characters of it (kim@naver\\.com: rules version 34), and its bold around a group of
                     # digits (**010**-**1234**: 34), not its bold around an address's @ (a0**@**naver.com: 36); the
                     # backslash escaped in turn in a JSON string ("a0@naver\\\\.com": 36)
                     # (before any ASCII punctuation mark, as CommonMark escapes them: 830207\\|2555896 in a table's
                     # cell: rules version 40)
                     r"|(?<=\w)\\{1,2}(?=[!-/:-@\[-`{-~]\w)"
                     # ... and its code span's backtick around one (`010`-`1234`: 36), a digit's, not a digit word's
                     # (kim`골뱅이`daum.net)
                     rf"|(?<={_DIGIT_LIKE})(?:\*\*|__)(?![@＠﹫])|(?<![@＠﹫])(?:\*\*|__)(?={_DIGIT_LIKE})"
                     # (not the backtick before an at or dot word after an address's digit: vi_0`at`naver: 38)
                     # (nor the backticks around an @ alone: kim0`@`1und1.de, rules version 41)
                     rf"|(?<={_DIGIT_CHAR})`(?!(?:at|AT|dot|DOT|@|＠)`)|(?<!`@)(?<!`＠)`(?={_DIGIT_CHAR})"
                     # ... and its single-marker emphasis around a group of digits or digit words (*010*-*1234*,
                     # _830207_-_2555896_: rules version 39), shown as the group; a star's inside a word too, as
                     # CommonMark reads it (ㄴ*019*, *1174837*이고), not a mask's stars (1******) nor a product (2*3*4)
                     rf"|(?<![*0-9\\])\*(?:{_DIGIT_LIKE}){{1,8}}\*(?!\*)|(?<![*\w\\])_(?:{_DIGIT_LIKE}){{1,8}}_(?!\w)"
                     # an element a page hides (display:none, visibility:hidden, the hidden attribute) around a decoy
                     # word in letters, which an address is written with against harvesters
                     # (kim<span style="display:none">nospam</span>@naver.com: rules version 39); not one that holds a
                     # digit, an @ or Hangul, which stays text
                     rf"|{_HIDDEN_ELEMENT}"
                     # a character of a text read with the wrong code page (830207â€“2555896, £°£±£°: rules versions 41
                     # and 42)
                     f"|(?:{_MOJIBAKE})+"
                     # a combining mark or a variation selector on a joiner (830207-\ufe0e2555896, the text
                     # presentation selector an emoji keyboard adds: rules version 42), shown as nothing
                     rf"|(?<=[{_J}]){_MARKS}+"
                     # a C, Python or JavaScript string's hex escape of a printable ASCII character
                     # (kim\x40naver.com: rules version 28), its backslash escaped in turn where a JSON string
                     # holds it (["kim\\x40naver.com"]: 31)
                     r"|\\{1,2}x[2-7][0-9a-fA-F]")


#: Where a text may hold an escape ``_ESCAPE`` reads: a test only (whether it matches, not where). What comes
#: before a tag or a backslash is looked behind at, so that every alternative starts at a mark and the scan skips
#: to those: a digit, a word character or a joiner first was tried at nearly every character of a page (6% of
#: the detector's time on crawl pages, stop 53).
_DECODE_HINT = scanning(re.compile(rf"[&%\u0300-\u036f\u20d0-\u20f0]|\\[ux]|<[wW!]|>{_INLINE_MARK}{{1,3}}</"
                                   rf"|(?<={_DIGIT_LIKE})</|>\d|</(?:{_INLINE_TAGS})>[{_J}]|(?<=[{_J}])<(?:{_INLINE_TAGS})[\s>]"
                                   r"|(?<=\w)\\{1,2}[!-/:-@\[-`{-~]\w|\*\*|__|`"
                                   rf"|(?<=[0-9]){_MARKS}|{_MOJIBAKE}|(?<=[{_J}]){_MARKS}|{_CONTROL}|\](?=[OoIl]{{0,2}}\d)|(?<=\d)\[/|\[/(?:{_BB_TAGS})\][{_J}]"
                                   rf"|(?<=[{_J}])\[(?:{_BB_TAGS})[=\]]"
                                   rf"|(?<![*0-9\\])\*(?={_DIGIT_LIKE})|(?<![*\w\\])_(?={_DIGIT_LIKE})|<(?=[A-Za-z][^<>]{{0,80}}?(?:display|visibility|hidden))"))


_HIDDEN = re.compile(_HIDDEN_ELEMENT)
_MARK_RUN = re.compile(f"{_MARKS}+")
_CONTROL_CHAR = re.compile(_CONTROL)
_TAG_RUN = re.compile(r"(?:</?[A-Za-z][^<>]*>)+")


def _shown(escape: str) -> str:
    """What an escape stands for; the escape itself where it stands for nothing known."""
    import html

    if _MARK_RUN.fullmatch(escape) or _CONTROL_CHAR.match(escape):  # marks on a joiner, a control: nothing
        return ""
    if _TAG_RUN.fullmatch(escape):  # tags alone, closing ones then opening ones: nothing
        return ""
    if escape in ("\\", "\\\\", "**", "__", "`"):  # Markdown's escape of a mark (kim@naver\\.com), its bold: nothing
        return ""
    if escape[0] in "*_":  # Markdown's emphasis around a group: the group
        return escape[1:-1]
    if escape[0] == "<" and _HIDDEN.fullmatch(escape):  # what a page hides: nothing
        return ""
    if escape[0] == "[":  # BBCode's tags: nothing
        return ""
    if escape[0] == "<":  # <wbr> shows nothing; an element around a mark shows the mark
        return escape[escape.index(">") + 1:escape.rindex("</")] if "</" in escape else ""
    if escape[0] == "&":
        return html.unescape(escape)
    if escape[0].isdigit():
        return escape[0]
    if escape[1] in "x\\":  # \x40, \\x40, \\u0040
        return chr(int(escape[-2:] if escape[-3] == "x" else escape[-4:], 16))
    units = [int(escape[i + 2:i + 6], 16) for i in range(0, len(escape), 6)]
    if len(units) == 2:
        return chr(0x10000 + ((units[0] - 0xD800) << 10) + (units[1] - 0xDC00))
    return escape if 0xD800 <= units[0] <= 0xDFFF else chr(units[0])


def _percent_decoded(m: re.Match[str]) -> list[tuple[str, int, int]]:
    """A run of percent escapes as UTF-8 characters, each with the span of its own escapes; [] where the
    bytes are not UTF-8."""
    raw = bytes(int(m.group()[i + 1:i + 3], 16) for i in range(0, len(m.group()), 3))
    try:
        shown = raw.decode("utf-8")
    except UnicodeDecodeError:
        return []
    out, at = [], m.start()
    for c in shown:
        width = 3 * len(c.encode("utf-8"))
        out.append((c, at, at + width))
        at += width
    return out


def _decoded(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with its character references and escapes decoded, as a page or a parser shows it, and
    for each of its characters where that character starts and ends in ``text``; None where the text
    holds neither. An escape shown as nothing belongs to a character beside it, so that a finding covers it:
    a closing tag to the character it closes (Markdown's bold after a digit too: 34), anything else (an opening
    tag, ``<wbr>``, an empty comment) to the character after it (``<span>0</span><span>1</span>...`` is
    redacted whole: rules version 32)."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    pending = -1  # where escapes shown as nothing began, for the next character to take in

    def plain(lo: int, hi: int) -> None:
        nonlocal pending
        parts.append(text[lo:hi])
        starts.extend(range(lo, hi))
        ends.extend(range(lo + 1, hi + 1))
        if pending >= 0 and hi > lo:
            starts[len(starts) - (hi - lo)] = pending
            pending = -1

    for m in _scanned(_ESCAPE).finditer(text):
        spans = None
        if m.group()[0] == "%":
            spans = _percent_decoded(m)
        elif m.group()[0] in _MOJIBAKE_LEADS:
            spans = _mojibake_spans(m)
            if all(c == text[lo:hi] for c, lo, hi in spans):
                continue  # no character of the run stands for a number's or an address's
        if spans is None:
            shown = _shown(m.group())
            if shown == m.group():
                continue  # not a reference HTML knows
            spans = [(c, m.start(), m.end()) for c in shown]
        elif not spans:
            continue  # not UTF-8
        plain(pos, m.start())
        if not spans:
            # (a control after a digit is that digit's: UTF-16 read a byte a character puts a NUL after each: 43)
            after_digit = m.start() > 0 and _DIGIT_LIKE_CHAR.match(text, m.start() - 1) is not None
            closing = m.group().startswith(("</", "[/")) or (after_digit and (
                m.group() in ("**", "__", "`") or _CONTROL_CHAR.match(m.group()) is not None))
            if closing and ends and ends[-1] == m.start():
                ends[-1] = m.end()
            elif pending < 0:
                pending = m.start()
        for c, lo, hi in spans:
            parts.append(c)
            starts.append(pending if pending >= 0 else lo)
            ends.append(hi)
            pending = -1
        pos = m.end()
    if pos == 0:
        return None
    plain(pos, len(text))
    return "".join(parts), starts, ends


#: Digits read apart as a radio operator or a call centre reads them, so that 일 and 이 are not misheard: the
#: native words 하나, 둘, 셋, 넷, 다섯, 여섯, 일곱, 여덟, 아홉 among the Sino-Korean ones (공하나공 하나둘삼넷
#: 오여섯칠팔: rules version 39).
_ENGLISH_DIGITS: Final = "zero one two three four five six seven eight nine".split()
_NATIVE_DIGIT: Final = {"하나": "1", "둘": "2", "셋": "3", "넷": "4", "다섯": "5", "여섯": "6", "일곱": "7",
                        "여덟": "8", "아홉": "9",
                        # and the English ones, as ads spell a number past filters (zero one zero ...: rules version 44)
                        **{w: str(i) for i, word in enumerate(_ENGLISH_DIGITS) for w in (word, word.title())}}
_SPOKEN_DIGIT = "|".join(sorted({*_NATIVE_DIGIT, *_KOREAN_DIGIT, *"0123456789"}, key=len, reverse=True))
#: A run of them that starts as a number does (0, 공, 영, 빵), each apart from the next by anything but a letter or a
#: digit (up to eight such characters: spaces, marks, markup's brackets, a line break) or by a hyphen's name said.
_SPOKEN_RUN = re.compile(rf"(?<![가-힣A-Za-z0-9])(?:[0공영빵]|zero|Zero)"
                         rf"(?:[^\w]{{0,8}}(?:(?:{'|'.join(_SAID_HYPHEN)}|에)[^\w]{{0,8}})?(?:{_SPOKEN_DIGIT})){{8,23}}")
#: A digit of such a run, or a hyphen's name said (하이픈 holds 이, which is no digit there).
_SPOKEN_TOKEN = re.compile(f"{'|'.join(_SAID_HYPHEN)}|{_SPOKEN_DIGIT}")
_NATIVE_HINT = re.compile("|".join(_NATIVE_DIGIT))


def _native_digits(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with the native digit words of a spoken run that makes a Korean phone number shown as digits, and
    for each of its characters where it starts and ends in ``text`` (as ``_decoded``); None where no run does. Only
    the native words change: the Sino-Korean ones, and where the number ends (a particle's 이 after it), are the
    detection view's (``_as_digits``)."""
    changes: list[tuple[int, int, str]] = []
    for m in _scanned(_SPOKEN_RUN).finditer(text):
        tokens = [t for t in _SPOKEN_TOKEN.finditer(m.group()) if t.group() not in _SAID_HYPHEN]
        if not any(t.group() in _NATIVE_DIGIT for t in tokens):
            continue
        digits = [_NATIVE_DIGIT.get(t.group()) or _KOREAN_DIGIT.get(t.group(), t.group()) for t in tokens]
        for n in range(len(tokens), 8, -1):
            if PHONE_DIGITS.fullmatch("".join(digits[:n])):
                changes += [(m.start() + t.start(), m.start() + t.end(), _NATIVE_DIGIT[t.group()])
                            for t in tokens[:n] if t.group() in _NATIVE_DIGIT]
                break
    if not changes:
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for lo, hi, digit in changes:
        parts += [text[pos:lo], digit]
        starts += [*range(pos, lo), lo]
        ends += [*range(pos + 1, lo + 1), hi]
        pos = hi
    parts.append(text[pos:])
    starts += range(pos, len(text))
    ends += range(pos + 1, len(text) + 1)
    return "".join(parts), starts, ends


#: A form's label spaced out letter by letter before its colon (연 락 처 :, 임 차 인 성 함 : 한현우): three to
#: twenty-four letters one space apart, the first a syllable no syllable stands beside. Searched from the colon,
#: which is rarer than a syllable.
_LETTER = "[가-힣)（）]"
_SPACED_LABEL_END = re.compile(f"(?:(?<={_LETTER} {_LETTER} {_LETTER})|(?<={_LETTER} {_LETTER} {_LETTER}[ \t]))[:：]")
#: ... its note in brackets spaced so too (입 금 계 좌 ( 우 리 은 행 ) :, 여 권 번 호 ( 영 문 1 자 리 + 숫 자 ) :).
_SPACED_LABEL = re.compile("(?<![가-힣])[가-힣](?: [가-힣0-9()（）+/]){2,23}[ \t]?$")


def _unspaced_labels(text: str) -> tuple[str, list[int], list[int]] | None:
    """The text with the spaces inside letter-spaced labels taken out, so that the rules read the label (rules
    version 40), and for each of its characters where it starts and ends in ``text`` (as ``_decoded``); None where
    no label is so written."""
    gone: list[int] = []
    for m in _SPACED_LABEL_END.finditer(text):
        run = _SPACED_LABEL.search(text, max(0, m.start() - 48), m.start())
        if run is not None:
            gone += [i for i in range(run.start(), m.start() - 1) if text[i] == " " and text[i + 1] not in " \t"]
    if not gone:
        return None
    kept = sorted(set(range(len(text))) - set(gone))
    return "".join(text[i] for i in kept), kept, [i + 1 for i in kept]


def find(text: str, min_score: float = MIN_SCORE) -> list[Finding]:
    """Non-overlapping findings, left to right; where two overlap the higher score (then the longer)
    wins. Character references are read as the page shows them, and the findings' offsets are the
    text's own."""
    layers: list[tuple[str, list[int], list[int]]] = []
    shown = text
    if (is_open() or _DECODE_HINT.search(text) is not None) and (decoded := _decoded(text)) is not None:
        layers.append(decoded)
        shown = decoded[0]
        # A second layer: markup that stands beside a digit only once the first is read (an inline element's tags
        # around Markdown's bold or code span or a character reference: **000101**</span>-<span>**1000002**,
        # &#48;&#49;&#48;</span>-<span>...: rules version 38)
        if _DECODE_HINT.search(shown) is not None and (again := _decoded(shown)) is not None:
            layers.append(again)
            shown = again[0]
    # Then a spoken number's native digit words (rules version 39), and labels spaced letter by letter (40)
    if passes(_NATIVE_HINT, shown) and (spoken := _native_digits(shown)) is not None:
        layers.append(spoken)
        shown = spoken[0]
    if passes(_SPACED_LABEL_END, shown) and (unspaced := _unspaced_labels(shown)) is not None:
        layers.append(unspaced)
        shown = unspaced[0]
    if not layers:
        return _find(text, min_score)
    _, starts, ends = layers[0]
    for _, inner_starts, inner_ends in layers[1:]:
        starts, ends = [starts[i] for i in inner_starts], [ends[j - 1] for j in inner_ends]
    return [Finding(f.entity, starts[f.start], ends[f.end - 1], f.score, f.recognizer)
            for f in _find(shown, min_score)]


def _find(text: str, min_score: float) -> list[Finding]:
    if not needs_analyzer(text):
        view = text
        raw = KoreanContextEnhancer().enhance_using_context(text, _NAME_RULES.analyze(text, []), None, [_NAME_RULES])
    else:
        view = detection_view(text)
        # every supported entity, which ``analyzer`` checks are ENTITIES: Presidio then takes every
        # recognizer instead of matching each to each entity on every call
        raw = analyzer().analyze(text=view, language="ko", entities=None, score_threshold=0.0,
                                 nlp_artifacts=_no_nlp())
    # Presidio's IPv6 pattern takes a bare ``::`` (접속IP :: 1.1.1.1): an address holds a digit or a letter
    # (rules version 19).
    scored = [_without_stray_brackets(text, Finding(r.entity_type, r.start, r.end, r.score, _recognizer_of(r)))
              for r in raw if r.score >= min_score
              and not (r.entity_type == "IP_ADDRESS" and not any(c.isalnum() for c in text[r.start:r.end]))]
    # At equal scores a type with a shape of its own (a phone's prefix, a checksum) wins over a shapeless
    # one (an account, a health-insurance number), whose score came from a context word such as 입금
    # near a phone number. The recognizer then breaks ties: two recognizers can score one span the same,
    # and the order Presidio returns them in is not fixed from process to process.
    # Before all that, a finding that stops inside a grouped number (digits continue past a separator,
    # 070-8127-5161 of the account 070-8127-5161-68) loses to one that holds the whole number.
    scored.sort(key=lambda f: (_cuts_number(view, f), -f.score, -(f.end - f.start), f.entity in SHAPELESS, f.start,
                               f.entity, f.recognizer))
    return sorted(first_apart(scored), key=lambda f: f.start)


def first_apart(ranked: list[Finding]) -> list[Finding]:
    """Each finding in ``ranked``'s order that overlaps none taken before it. The spans taken stand apart, so
    in the text's order their ends are in order too, and a finding overlaps one of them where the last that
    starts before its end ends after its start: a bisection, not a test against every finding taken so far
    (quadratic on a table of a thousand numbers, stop 45)."""
    taken: list[Finding] = []
    starts: list[int] = []
    ends: list[int] = []
    for f in ranked:
        k = bisect.bisect_left(starts, f.end)
        if k == 0 or ends[k - 1] <= f.start:
            taken.append(f)
            at = bisect.bisect_right(starts, f.start)
            starts.insert(at, f.start)
            ends.insert(at, f.end)
    return taken


#: A separator between number groups as ``filters.pii_rules.SEP`` reads them (and a slash), HTML's line break
#: too (020-<br>000000-<br>00000: rules version 28).
_GROUP_SEP = (r"(?:[ \t]{0,3}(?:/|[-:.]{1,3})[ \t]{0,3}(?:(?:\r\n?|\n|<br\s?/?>)[ \t]{0,8})?|[ \t]{1,4}"
              r"|[ \t]{0,4}(?:\r\n?|\n|<br\s?/?>)[ \t]{0,8})?")
#: A numbered list's item mark at the start of a line (``3. ``, ``2) ``): the number of the next item, or of
#: this one, is not a group of the number beside it (rules version 12).
_ITEM = r"[ \t]*\d{1,2}[.)][ \t]"
_NUMBER_GOES_ON = re.compile(rf"(?![ \t]{{0,4}}(?:\r\n?|\n){_ITEM}){_GROUP_SEP}[0-9]")
#: ... a group after a digit and a comma is a thousands group or a decimal's tail, no group of an identifier
#: (the subtitle timestamp 00:01:05,000 on the line before 000-00-00000: rules version 26).
_NUMBER_CAME = re.compile(rf"(?<!\d,)(?<![0-9])[0-9]+{_GROUP_SEP}$")
_ITEM_CAME = re.compile(rf"^{_ITEM}[ \t]*$", re.M)
_NUMBERS: Final = frozenset({"KR_RRN", "KR_FRN", "KR_BRN", "KR_CRN", "KR_DRIVER_LICENSE", "KR_HEALTH_INSURANCE",
                             "KR_BANK_ACCOUNT", "CREDIT_CARD", "PHONE_NUMBER", "KR_PASSPORT"})


def _cuts_number(view: str, f: Finding) -> bool:
    """Whether a number finding is part of a longer grouped number in the detection view."""
    if f.entity not in _NUMBERS:
        return False
    came = _NUMBER_CAME.search(view, max(0, f.start - 14), f.start) is not None \
        and _ITEM_CAME.search(view, max(0, f.start - 14), f.start) is None
    return came or _NUMBER_GOES_ON.match(view, f.end, min(len(view), f.end + 14)) is not None


_CLOSING = {"(": ")", "[": "]", "{": "}", "（": "）"}
_OPENING = {v: k for k, v in _CLOSING.items()}


def _without_stray_brackets(text: str, f: Finding) -> Finding:
    """A bracket at either end of a span that the span does not close (or open) belongs to the text: a
    rule that allows ``(02) 123-4567`` also matches the ``(`` of ``연락처 (010-1234-5678)``, and redacting
    it would leave ``<|phone|>)``."""
    start, end = f.start, f.end
    while end - start > 1 and text[start] in _CLOSING and _CLOSING[text[start]] not in text[start + 1:end]:
        start += 1
    while end - start > 1 and text[end - 1] in _OPENING and _OPENING[text[end - 1]] not in text[start:end - 1]:
        end -= 1
    return f if (start, end) == (f.start, f.end) else Finding(f.entity, start, end, f.score, f.recognizer)


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


#: The @ and the dot written otherwise, as the address rules read them: in any bracket the rules take, the @'s word with
#: its noun too (at sign, atmark: rules version 42; until then such an address hashed with its brackets and words).
_OBFUSCATED_AT = re.compile(rf"\s*(?:[{AT_OPEN}]{{1,2}}\s?"
                            r"(?:at(?:mark|[ -]?(?:sign|symbol))?|a|골\s?[뱅벵]\s?이|앳|@)\s?"
                            rf"[{AT_CLOSE}]{{1,2}}"
                            r"|골\s?[뱅벵]\s?이|앳|%40"
                            # the @ or its word in quotes, a code span or emphasis (kim`@`naver.com,
                            # kim'골뱅이'naver.com: rules version 41)
                            r"|[`'\"‘’“”*~]{1,2}\s?(?:at|골\s?[뱅벵]\s?이|앳|@)\s?[`'\"‘’“”*~]{1,2}"
                            rf"|{IMAGE_AT}"
                            rf"|&#0*64;|&#x0*40;|&commat;|@@?|[{AT_LIKE}]|/at/|\sa ?t\s)\s*", re.IGNORECASE)
_OBFUSCATED_DOT = re.compile(rf"\s*(?:[{AT_OPEN}]{{1,2}}\s?(?:dot|닷|점|쩜|돗|도트|\.)\s?"
                             rf"[{AT_CLOSE}]{{1,2}}"
                             r"|/dot/|닷|점|쩜|돗|도트|&#0*46;|&#x0*2e;|&period;"
                             # (the dot or its word so too: kim`at`naver`dot`com, rules version 41)
                             r"|[`'\"‘’“”]{1,2}\s?(?:dot|닷|점|쩜|돗|도트|\.)\s?[`'\"‘’“”]{1,2}"
                             # (the ideographic full stops the rules read as a dot too: rules version 45)
                             r"|\s(?:d ?o ?t|period)\s|[.·・•‧∙⋅･。｡]"
                             rf"|(?<=[a-z0-9])dot(?=(?:{PEOPLES_TLDS})(?:(?:\.|dot)[a-z]{{2}})?$))\s*",
                             re.IGNORECASE)
#: The markup an address's rule reads as nothing around its @ or dot (``filters.pii_rules._GAP``): a comment, an empty
#: span, a line break (kim<br>@naver.com: rules version 40).
_MAIL_MARKUP = re.compile(r"<!--[^<>]{0,40}?-->|<span[^<>]{0,40}>[ \t]*</span>|<br\s?/?>")
#: A Korean top-level-domain word at the end of an address whose dot words are already dots (씨오쩜케이알 is
#: then 씨오.케이알).
_KOREAN_TLD_END = re.compile("\\.(" + "|".join(sorted({*KOREAN_TLDS, "씨오.케이알"}, key=len, reverse=True)) + ")$")


def canonical(entity: str, value: str) -> str:
    """The form a value is hashed in: digits only for numbers (full-width and Korean digit words as
    ASCII), lowercase e-mail with obfuscations undone, spaces removed; character references decoded
    (``&#45;`` is a hyphen, not the digits 4 and 5)."""
    decoded = _decoded(value) if _DECODE_HINT.search(value) is not None else None
    value = decoded[0] if decoded is not None else value
    spoken = _native_digits(value) if _NATIVE_HINT.search(value) is not None else None
    value = detection_view(spoken[0] if spoken is not None else value)
    if entity in ("EMAIL_ADDRESS",):
        value = _MAIL_MARKUP.sub("", value)
        email = _OBFUSCATED_DOT.sub(".", _OBFUSCATED_AT.sub("@", value.strip())).lower()
        email = re.sub("@(" + "|".join(KOREAN_HOSTS) + ")", lambda m: "@" + KOREAN_HOSTS[m.group(1)], email)
        return _KOREAN_TLD_END.sub(lambda m: "." + KOREAN_TLDS[m.group(1).replace(".", "쩜")], email)
    if entity == "KR_PASSPORT":  # m 123 45678 is M12345678 (rules version 45)
        return re.sub(r"[\s-]+", "", value).upper()
    if entity == "KR_DRIVER_LICENSE":  # 서울 12-345678-90 and 11 12 345678 90 are 111234567890 (rules version 45)
        region = next((code for name, code in LICENCE_REGIONS.items() if value.lstrip().startswith(name)), "")
        return region + "".join(c for c in value if c.isdigit())
    if entity in ("KR_ADDRESS", "PERSON", "KR_VEHICLE_PLATE", "IP_ADDRESS"):
        return re.sub(r"\s+", "", value)
    digits = "".join(c for c in value if c.isdigit())
    if entity in ("KR_RRN", "KR_FRN") and len(digits) > 13:  # parts named apart: 앞자리 830207 뒤 7자리 2555896
        return digits[:6] + digits[-7:]
    if entity == "PHONE_NUMBER" and (national := _national(value)) is not None:
        return national
    return digits or value


#: A Korean number written with its country code: +82, after an international prefix (00, 001, 00700), or 82 alone
#: before a separator (rules version 45); the national number drops a trunk zero written as (0).
_COUNTRY_CODE = re.compile(r"[\s(]*(?:(?:\+|00700|00[1-9]?)[\s-]?82|82(?=\D))")


def _national(view: str) -> str | None:
    """The digits of a number written with Korea's country code as it is dialled at home (+82 10 1234 5678 and
    0082-10-1234-5678 hash as 010-1234-5678 does), or None for a number written without one."""
    m = _COUNTRY_CODE.match(view)
    if m is None:
        return None
    rest = "".join(c for c in view[m.end():] if c.isdigit())
    return rest if rest.startswith("0") else "0" + rest


@lru_cache(maxsize=1 << 14)
def keyed_hash(key: bytes, entity: str, value: str) -> str:
    """HMAC-SHA256 of the canonical value under the run's PII key: an auditor holding the key can
    check that a given number was removed; nobody can read it back from the hash. Remembered for the
    process's last 16,384 values (a footer's phone number or address on every page of a site: 616 distinct of
    7,384 findings on 2,000 generated crawl pages, each otherwise read through the detection view again)."""
    return hmac.new(key, f"{entity}:{canonical(entity, value)}".encode(), hashlib.sha256).hexdigest()[:32]


def key_fingerprint(key: bytes) -> str:
    return hashlib.sha256(b"kocurate-pii-key:" + key).hexdigest()[:16]
