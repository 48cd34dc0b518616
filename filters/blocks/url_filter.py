"""``url_filter_v1``: documents dropped by their URL's host or path, from the project's list of Korean
gambling, adult, loan-spam and phishing hosts and URL terms (``filters/lexicons/url_blocklist_ko_v1.txt``)
and a user-supplied list beside it, in the same format.

A host matches itself and every subdomain (``m.bet365.com``); ``www.``, a port, a trailing dot, case
and punycode (``xn--...``: Korean IDN hosts are compared in Hangul) are normalized first. Terms are
looked for in the percent-decoded path and query, never the host: a Hangul term as a substring (Korean
glues words: ``/토토사이트추천``), a Latin term as a whole token (``porn`` but not ``pornography`` within
a word, ``casino`` but not ``occasional``). The reason names the rule: ``url_filter_v1.host_gambling``,
``url_filter_v1.term_adult``. A document without a URL is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from filters.blocks.base import Block, Doc, Judgement, drop, keep
from filters.blocks.params import ParamError, param
from filters.blocks.registry import register

LIST = "url_blocklist_ko_v1"
_HANGUL = re.compile(r"[가-힣ㄱ-ㆎ]")
_TOKEN = re.compile(r"[a-z0-9]+")


def host_of(url: str) -> str:
    """The URL's host, lowercased, without ``www.``, port or trailing dot, punycode decoded."""
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except UnicodeError:
                pass
        labels.append(label)
    host = ".".join(labels).lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class UrlList:
    hosts: dict[str, str]  # host -> category
    hangul_terms: tuple[tuple[str, str], ...]  # (term, category)
    latin_terms: dict[str, str]


def parse(text: str, where: str) -> UrlList:
    hosts: dict[str, str] = {}
    hangul: list[tuple[str, str]] = []
    latin: dict[str, str] = {}
    for i, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 3 or parts[0] not in ("host", "term"):
            raise ValueError(f"{where}:{i}: expected 'host CATEGORY HOST' or 'term CATEGORY TERM', got {line!r}")
        kind, category, value = parts[0], parts[1].lower(), parts[2].lower()
        if kind == "host":
            hosts[host_of(value)] = category
        elif _HANGUL.search(value):
            hangul.append((value, category))
        else:
            latin[value] = category
    return UrlList(hosts, tuple(hangul), latin)


@cache
def load(path: str | None) -> UrlList:
    shipped = resources.files("filters") / "lexicons" / f"{LIST}.txt"
    base = parse(shipped.read_text(encoding="utf-8"), LIST)
    if path is None:
        return base
    extra = parse(Path(path).read_text(encoding="utf-8"), path)
    return UrlList({**base.hosts, **extra.hosts}, base.hangul_terms + extra.hangul_terms,
                   {**base.latin_terms, **extra.latin_terms})


@dataclass(frozen=True)
class UrlFilterParams:
    extra_list: str | None = param(None, "a file in the list's format (host/term CATEGORY VALUE per line) whose "
                                   "rules are added to the project's")
    extra_hosts: tuple[str, ...] = param((), "more hosts to drop (category 'user')")
    use_terms: bool = param(True, "drop by terms of the URL's path and query, not only by host")

    def __post_init__(self) -> None:
        if self.extra_list is not None and not Path(self.extra_list).is_file():
            raise ParamError("extra_list", f"file not found: {self.extra_list}")


@register
class UrlFilter(Block[UrlFilterParams]):
    """Drops a document whose URL's host (or a parent domain of it) is on the list (``blocked_host``: 1), or
    whose path or query holds a listed term (``term_hits``: how many)."""

    name = "url_filter_v1"
    Params = UrlFilterParams

    def _match(self, doc: Doc) -> tuple[str | None, str | None, int]:
        def compute() -> tuple[str | None, str | None, int]:
            url = doc.url or ""
            if not url:
                return None, None, 0
            lists = load(self.p.extra_list)
            host = host_of(url)
            labels = host.split(".")
            extra = {host_of(h): "user" for h in self.p.extra_hosts}
            for i in range(len(labels) - 1):
                parent = ".".join(labels[i:])
                category = lists.hosts.get(parent) or extra.get(parent)
                if category:
                    return f"host_{category}", None, 0
            if not self.p.use_terms:
                return None, None, 0
            try:
                parts = urlsplit(url if "//" in url else "//" + url)
                rest = unquote(f"{parts.path}?{parts.query}").lower()
            except ValueError:  # a malformed URL (an unclosed IPv6 bracket): its terms are still looked for
                rest = unquote(url).lower()
            hits = [c for t, c in lists.hangul_terms if t in rest]
            hits += [lists.latin_terms[t] for t in _TOKEN.findall(rest) if t in lists.latin_terms]
            return None, (f"term_{hits[0]}" if hits else None), len(hits)
        return doc.memo("url_filter_v1", compute)

    def score(self, doc: Doc) -> dict[str, float]:
        host_rule, _, hits = self._match(doc)
        return {"blocked_host": 1.0 if host_rule else 0.0, "term_hits": float(hits)}

    def decide(self, doc: Doc, scores: Mapping[str, float]) -> Judgement:
        host_rule, term_rule, _ = self._match(doc)
        if host_rule:
            return drop(host_rule, "blocked_host")
        if term_rule:
            return drop(term_rule, "term_hits")
        return keep("blocked_host")
