"""Versioned word lists shipped in ``filters/lexicons/`` and fast counting against them.

A list's file name is its step version (``spam_ko_v1``): editing a list means a new file, so the
reason codes in old decision records keep their meaning. Terms match inside an eojeol by default
(Korean attaches particles and writes compounds with or without spaces, so spaces are removed from
both the term and the text) or, with a leading ``=``, only as a whole eojeol.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from filters.regex_scan import Scanned


@dataclass(frozen=True)
class Lexicon:
    name: str
    substrings: tuple[str, ...]
    whole_words: frozenset[str]

    def hits(self, text: str) -> int:
        """Occurrences of the lexicon's terms in ``text``."""
        found = 0
        if self.substrings:
            found += len(_alternation(self.substrings).findall(text.replace(" ", "")))
        if self.whole_words:
            # A whole eojeol: no letter or digit directly before or after (punctuation may be).
            found += sum(1 for _ in _whole_words(tuple(sorted(self.whole_words))).finditer(text))
        return found


@cache
def _alternation(terms: tuple[str, ...], whole: bool = False) -> re.Pattern[str]:
    body = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if whole else body)


@cache
def _whole_words(terms: tuple[str, ...]) -> Scanned:
    """The whole-word alternation searched from its terms' first characters: it starts with a lookbehind,
    which ``re`` would try, with every term after it, at every character of the text (4x the time on the
    corpora, issue 20)."""
    return Scanned(_alternation(terms, whole=True))


@cache
def load_lexicon(name: str) -> Lexicon:
    """Load ``filters/lexicons/<name>.txt``; an unknown name fails with the list of valid ones."""
    root = resources.files("filters") / "lexicons"
    path = root / f"{name}.txt"
    if not path.is_file():
        valid = sorted(p.name.removesuffix(".txt") for p in root.iterdir() if p.name.endswith(".txt"))
        raise ValueError(f"unknown lexicon {name!r}; valid: {', '.join(valid)}")
    subs: list[str] = []
    whole: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        if term.startswith("="):
            whole.add(term[1:].replace(" ", ""))
        else:
            subs.append(term.replace(" ", ""))
    return Lexicon(name, tuple(subs), frozenset(whole))


def word_list(name: str) -> frozenset[str]:
    """A lexicon used as a plain set of words (stop words)."""
    lex = load_lexicon(name)
    return frozenset(lex.substrings) | lex.whole_words
