"""Licence policy: which licence identifiers a run accepts, and the terms an auditor must see.

Identifiers are SPDX-style (``CC-BY-4.0``, ``CC-BY-SA-4.0``, ``CC-BY-NC-4.0``, ``KOGL-Type1``,
``MIT``). Share-alike is recognised from an ``SA`` element or a copyleft family (GPL, LGPL, AGPL, GFDL,
MPL, ODbL; 공공누리 Type 4 adds a change prohibition, not share-alike); non-commercial from an ``NC``
element or 공공누리 (KOGL) Types 2 and 4. A run may deny identifiers, allow only some, or deny every
share-alike or non-commercial licence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SA = re.compile(r"(?:^|[-_ ])SA(?:$|[-_ ])|^(?:A|L)?GPL|^GFDL|^MPL|^ODbL", re.I)
_NC = re.compile(r"(?:^|[-_ ])NC(?:$|[-_ ])|^KOGL-Type[24]$", re.I)


def terms(licence: str) -> tuple[str, ...]:
    """The terms of a licence identifier that a curated dataset inherits."""
    out = []
    if _SA.search(licence):
        out.append("share_alike")
    if _NC.search(licence):
        out.append("non_commercial")
    return tuple(out)


@dataclass(frozen=True)
class LicencePolicy:
    allowed: tuple[str, ...] = ()  # empty: any licence not denied
    denied: tuple[str, ...] = ()
    deny_share_alike: bool = False
    deny_non_commercial: bool = False

    def violation(self, licence: str) -> str | None:
        """Why a licence is refused (``denied``, ``not_allowed``, ``share_alike``, ``non_commercial``),
        or None."""
        if licence in self.denied:
            return "denied"
        if self.allowed and licence not in self.allowed:
            return "not_allowed"
        t = terms(licence)
        if self.deny_share_alike and "share_alike" in t:
            return "share_alike"
        if self.deny_non_commercial and "non_commercial" in t:
            return "non_commercial"
        return None


def policy_from(params: dict[str, object]) -> LicencePolicy:
    def strings(key: str) -> tuple[str, ...]:
        value = params.get(key) or []
        assert isinstance(value, Sequence)
        return tuple(str(x) for x in value)

    return LicencePolicy(strings("allowed_licences"), strings("denied_licences"),
                         bool(params.get("deny_share_alike")), bool(params.get("deny_non_commercial")))
