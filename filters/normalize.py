"""Korean text normalization: NFC, never NFKC, and every change named.

NFKC would rewrite compatibility jamo (ㅋ), circled and parenthesized Hangul (㈜) and full-width
forms that carry meaning in Korean text; NFD (common in text copied from macOS) splits every
syllable into jamo, which silently breaks hashing, n-gram shingling and tokenization. So we compose
to NFC and leave compatibility characters alone.

The function is pure and returns the names of the changes it made, so a stage can record the
document as *modified* with the list, never silently.
"""

from __future__ import annotations

import re
import unicodedata
from html.entities import html5
from typing import Final

STEP: Final = "normalize_v1"

# Named and numeric character references left in text exported from markup. A trailing ';' is
# required: html.unescape() would also turn "&notice" into "¬ice" and break URLs such as "?a=1&copy=2".
_CHAR_REF = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")

# C0 and C1 controls except tab and newline (carriage returns are handled as line endings first).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")

# Invisible characters with no meaning in running Korean text. ZWJ/ZWNJ (U+200D/U+200C) stay:
# emoji sequences and some scripts need them. U+3164/U+FFA0 (Hangul fillers) are used as blank
# nicknames and spam padding.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad\u180e\u3164\uffa0]")

_LINE_ENDINGS = re.compile("\r\n|\r|\u2028|\u2029|\u0085")

# Exotic spaces become an ASCII space: NBSP, en/em spaces, narrow NBSP, math space, ideographic space.
_EXOTIC_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

# Runs of spaces/tabs inside a line (after the first non-blank character): indentation is kept so
# code and Markdown survive.
_INNER_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINE_RUN = re.compile(r"\n{3,}")


def _resolve_char_ref(match: re.Match[str]) -> str:
    body = match.group(1)
    if body.startswith("#"):
        try:
            code = int(body[2:-1], 16) if body[1] in "xX" else int(body[1:-1])
        except ValueError:
            return match.group(0)
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return match.group(0)
        return chr(code)
    return html5.get(body, match.group(0))


def normalize_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the normalized text and the names of the changes made (empty when unchanged).

    Order matters: character references first (they may produce decomposed jamo), then removal of
    control and invisible characters (one between two jamo would block their composition), then
    NFC, then whitespace layout.
    """
    changes: list[str] = []
    out = text
    if "&" in out:
        new = _CHAR_REF.sub(_resolve_char_ref, out)
        if new != out:
            changes.append("html_entities")
            out = new
    new = _LINE_ENDINGS.sub("\n", out)
    if new != out:
        changes.append("line_endings")
        out = new
    new = _CONTROL.sub("", out)
    if new != out:
        changes.append("control_chars")
        out = new
    new = _ZERO_WIDTH.sub("", out)
    if new != out:
        changes.append("zero_width")
        out = new
    if not unicodedata.is_normalized("NFC", out):
        out = unicodedata.normalize("NFC", out)
        changes.append("nfc")
    new = _EXOTIC_SPACE.sub(" ", out)
    new = _INNER_SPACE_RUN.sub(" ", new)
    new = _TRAILING_SPACE.sub("", new)
    new = _BLANK_LINE_RUN.sub("\n\n", new).strip("\n")
    if new.strip() == "":
        new = ""
    if new != out:
        changes.append("whitespace")
        out = new
    return out, tuple(changes)
