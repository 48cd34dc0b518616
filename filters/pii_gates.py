"""The PII detector's gates, and the switch that opens them all.

Every cheap test the detector makes before costly work is a gate: the search for a digit, an @ or an
e-mail obfuscation before Presidio runs at all (``filters.pii.needs_analyzer``), a rule's hint before
its pattern (``filters.pii_rules.HINTS``), the anchor positions a name, address or plate rule is tried
at, the windows around digit runs that libphonenumber reads instead of the whole text (and around each @
for Presidio's e-mail pattern), the hints before each rewrite of the detection view. A gate may only
save time: with the gates open the detector must find exactly what it finds with them closed.
``tests/test_pii_gates.py`` opens them (``opened``) and compares, on the PII generator's documents of
both halves, its hard negatives and real sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from filters.regex_scan import scanning

_open = False


def is_open() -> bool:
    """Whether the gates are open (every gate passes; only inside ``opened``)."""
    return _open


def passes(hint: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` passes the gate ``hint`` (always, while the gates are open); the hint is searched
    as ``filters.regex_scan`` makes it fastest."""
    return _open or scan_of(hint).search(text) is not None


def scan_of(hint: re.Pattern[str]) -> re.Pattern[str]:
    """``hint`` as ``filters.regex_scan.scanning`` makes it fastest to search, made once per hint: for a caller
    that keeps its own verdicts (``KoreanRegexRecognizer``) and asks ``is_open`` itself."""
    known = _SCANS.get(id(hint))
    if known is None or known[0] is not hint:
        known = _SCANS[id(hint)] = (hint, scanning(hint))
    return known[1]


#: Each hint's scan, by the hint's identity: a compiled pattern hashes its whole program, which cost a
#: microsecond for each of the 28 gates a document passes through (3% of the detector's time, stop 45). The
#: hint is kept with its scan, so its identity is never another's.
_SCANS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


@contextmanager
def opened() -> Iterator[None]:
    """Every gate open while the block runs: the detector does all its work on every text. For tests."""
    global _open
    before, _open = _open, True
    try:
        yield
    finally:
        _open = before
