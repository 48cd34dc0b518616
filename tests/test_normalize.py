"""normalize_text: NFC never NFKC, every change named, edge cases never raise."""

from __future__ import annotations

import unicodedata

import pytest

from filters.normalize import normalize_text


@pytest.mark.parametrize(("text", "expected", "changes"), [
    ("안녕하세요", "안녕하세요", ()),
    (unicodedata.normalize("NFD", "한국어 텍스트"), "한국어 텍스트", ("nfc",)),
    ("&#xC548;녕 &amp; R&D", "안녕 & R&D", ("html_entities",)),
    ("&#50504;녕하세요", "안녕하세요", ("html_entities",)),
    ("가\r\n나\r다", "가\n나\n다", ("line_endings",)),
    ("가\x00나\x07다", "가나다", ("control_chars",)),
    ("가\u200b나\ufeff다", "가나다", ("zero_width",)),
    ("가  나\u00a0\u3000다   ", "가 나 다", ("whitespace",)),
    ("가\n\n\n\n나", "가\n\n나", ("whitespace",)),
])
def test_changes_are_named(text: str, expected: str, changes: tuple[str, ...]) -> None:
    assert normalize_text(text) == (expected, changes)


def test_compatibility_characters_survive() -> None:
    # NFKC would turn ㅋ into a conjoining jamo, ㈜ into (주) and full-width digits into ASCII.
    text = "ㅋㅋㅋ ㈜한국 ０１２ ﬁ 韓國語"
    assert normalize_text(text) == (text, ())


def test_entities_without_semicolon_are_left_alone() -> None:
    text = "https://example.kr/?a=1&copy=2&notice=3"
    assert normalize_text(text) == (text, ())


def test_code_indentation_is_kept() -> None:
    text = "예시:\n    for i in range(3):\n        print(i)"
    assert normalize_text(text)[0] == text


def test_zwj_emoji_sequences_are_kept() -> None:
    family = "가족 \U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert normalize_text(family) == (family, ())


def test_control_char_between_jamo_does_not_block_composition() -> None:
    nfd = unicodedata.normalize("NFD", "한")
    out, _ = normalize_text(nfd[0] + "\x01" + nfd[1:])
    assert out == "한"


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u3000", "ㅋㅋㅋ", "😀😀", "漢字 and Latin 한글", "가" * 5_000_000])
def test_edge_cases_never_raise(text: str) -> None:
    out, _ = normalize_text(text)
    assert unicodedata.is_normalized("NFC", out)
    assert out == out.strip("\n")
