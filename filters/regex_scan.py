"""Regular expressions that ``re`` searches by skipping to the characters a match can start with.

Python's ``re`` skips quickly through a text only to a pattern's literal prefix or to a character set that
every match starts with, and it sees that set only where the pattern begins with a literal, a single character
class or an alternation of literals: a pattern that begins with a lookbehind (``(?<!\\d)\\d{6}...``, as most of
the PII rules do), a repeated class (``\\d{3}``) or an alternation of classes is tried in full at every
character of the text. On 1 KB documents that was most of the PII detector's regex time, though its matches
start only at a digit.

``scanning`` derives from the parsed pattern the set of characters a match can start with and builds a pattern
that begins with that set, so that ``re`` skips to its members, then matches the original pattern at that
position inside a lookahead: ``[C](?<=(?=P)[\\s\\S])``; its matches start where the original's do, which is all
a gate asks. ``Scanned`` matches the original pattern where that scan stops, for its groups and end.
``every_position`` finds every position where a pattern matches, overlapping ones too (a label anchor), and
``ending_gate`` is a cheap lookahead for a pattern whose matches end in a few characters. Where no set can be
derived (a match may start with any character, or with a back-reference), the original pattern is used, as it
is where ``re``'s private parser (``re._parser``, read here) is missing or not the one this was written against.
``tests/test_regex_scan.py`` compares the two on generated and real texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

try:  # re's private modules: a Python without them searches every pattern as it is written
    from re import _compiler  # type: ignore[attr-defined]
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _compiler = C = P = None

_CATEGORIES: dict[Any, str] = {} if C is None else {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """The first characters cannot be told (any character, a back-reference, a flag this does not read)."""


def _item(op: object, av: object) -> str:
    if op is C.LITERAL:
        return _char(av)  # type: ignore[arg-type]
    if op is C.RANGE:
        lo, hi = av  # type: ignore[misc]
        return f"{_char(lo)}-{_char(hi)}"
    if op is C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown(op)


def _char(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "\\]^-[" else chr(code)


def _edge(seq: P.SubPattern | list[tuple[object, object]], last: bool = False) -> tuple[set[str], bool]:
    """The class items that a match of ``seq`` can start with (with ``last``, end with), and whether ``seq``
    can match nothing."""
    items: set[str] = set()
    for op, av in reversed(list(seq)) if last else seq:
        if op is C.LITERAL:
            return items | {_char(av)}, False  # type: ignore[arg-type]
        if op is C.IN:
            if any(o is C.NEGATE for o, _ in av):  # type: ignore[attr-defined]
                raise _Unknown(op)
            return items | {_item(o, a) for o, a in av}, False  # type: ignore[attr-defined]
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width: the next element starts (or ends) the match
        if op is C.SUBPATTERN:
            _, add, _, sub = av  # type: ignore[misc]
            if add & (re.IGNORECASE | re.LOCALE | re.ASCII):
                raise _Unknown(op)
            got, empty = _edge(sub, last)
        elif op is C.ATOMIC_GROUP:
            got, empty = _edge(av, last)  # type: ignore[arg-type]
        elif op is C.BRANCH:
            got, empty = set(), False
            for alt in av[1]:  # type: ignore[index]
                g, e = _edge(alt, last)
                got |= g
                empty = empty or e
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _, sub = av  # type: ignore[misc]
            got, empty = _edge(sub, last)
            empty = empty or lo == 0
        else:
            raise _Unknown(op)
        items |= got
        if not empty:
            return items, False
    return items, True


def ending_gate(pattern: re.Pattern[str], made_of: str = "[\\s\\S]") -> str:
    """A lookahead that every match of ``pattern`` passes where it starts: one of the characters a match ends
    with, within the longest match's length (after characters of ``made_of``, the class every match is made
    of where the caller knows it); empty where those cannot be told. A cheap test before a long alternation
    whose matches end in a few characters (``[가-힣]{1,4}[자인]``, ``간호사``)."""
    if P is None or pattern.flags & (re.IGNORECASE | re.LOCALE | re.ASCII | re.VERBOSE):
        return ""
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        items, empty = _edge(parsed, last=True)
        width = parsed.getwidth()[1]
    except (_Unknown, AttributeError, TypeError, ValueError):  # the private parser, as below
        return ""
    if empty or not items or width >= 100:
        return ""
    return f"(?={made_of}{{0,{width - 1}}}[{''.join(sorted(items))}])"


def first_class(pattern: re.Pattern[str]) -> str | None:
    """A character class (``[...]``) holding every character a match of ``pattern`` can start with, or
    None where that cannot be told."""
    if P is None or pattern.flags & (re.IGNORECASE | re.LOCALE | re.ASCII | re.VERBOSE):
        return None
    try:
        items, empty = _edge(P.parse(pattern.pattern, pattern.flags))
    except (_Unknown, AttributeError, TypeError, ValueError):  # re's parser is private: a new Python may differ
        return None
    if empty or not items:
        return None
    return "[" + "".join(sorted(items)) + "]"


def scanning(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with the class of its first characters in front, for ``re`` to skip to (module
    docstring): a match wherever ``pattern`` has one, one character long; ``pattern`` itself where there is
    no such class or ``re`` finds one already. For a gate, which asks only whether there is a match."""
    head = first_class(pattern)
    if head is None or _has_prefix(pattern):
        return pattern
    return _behind(head, pattern)


class Scanned:
    """``pattern``, searched as ``scanning`` makes it fastest, giving ``pattern``'s own matches: the scan
    finds where the next match starts, ``pattern`` matches there (so groups, ends and ``m.string`` are
    what ``pattern.search`` would give)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scan = scanning(pattern)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        if self.scan is self.pattern:
            return self.pattern.search(text, pos)
        at = self.scan.search(text, pos)
        return None if at is None else self.pattern.match(text, at.start())

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer`` gives: each search starts where the last match ended (``scanning``
        rewrites no pattern that can match nothing)."""
        if self.scan is self.pattern:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        """What ``pattern.sub(repl, text)`` gives."""
        if self.scan is self.pattern:
            return self.pattern.sub(repl, text)
        out: list[str] = []
        pos = 0
        for m in self.finditer(text):
            out += [text[pos:m.start()], repl(m)]
            pos = m.end()
        return "".join(out) + text[pos:] if out else text


def every_position(body: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern whose ``finditer`` has a match at every position where ``body`` matches, overlapping
    matches too (one character long each where the first characters are known, zero-width otherwise):
    the positions a long alternation of labels starts at, found at the scan's speed."""
    head = first_class(body)
    if head is None:
        return re.compile(f"(?=(?:{body.pattern}))", body.flags)
    return _behind(head, body)


def _behind(head: str, pattern: re.Pattern[str]) -> re.Pattern[str]:
    """One character of ``head`` where ``pattern`` matches from it: ``[C](?<=(?=P)[\\s\\S])``."""
    return re.compile(f"{head}(?<=(?=(?:{pattern.pattern}))[\\s\\S])", pattern.flags)


def _has_prefix(pattern: re.Pattern[str]) -> bool:
    """Whether ``re`` finds a literal prefix or a first character set in ``pattern`` by itself."""
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
        return bool(_compiler._get_literal_prefix(parsed, pattern.flags)[0]
                    or _compiler._get_charset_prefix(parsed, pattern.flags))
    except (AttributeError, TypeError, ValueError):  # private, as above: then the rewrite is used
        return False
