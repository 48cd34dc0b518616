"""url_filter_v1: every rule and normalization on URLs a crawler meets, and what it must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filters.blocks.base import Doc
from filters.blocks.chain import Chain, build_chain
from filters.blocks.url_filter import host_of, parse


@pytest.fixture(scope="module")
def chain() -> Chain:
    return build_chain([("url_filter_v1", {})], "q")


def reason(chain: Chain, url: str | None) -> str | None:
    return chain.run([Doc({"text": "본문", "url": url})])[0].reason


@pytest.mark.parametrize(("url", "expected"), [
    ("https://bet365.com/", "url_filter_v1.host_gambling"),
    ("https://WWW.Bet365.COM:8443/ko/live?x=1", "url_filter_v1.host_gambling"),  # case, www., port
    ("https://m.sports.bet365.com/", "url_filter_v1.host_gambling"),  # any subdomain
    ("http://bet365.com./", "url_filter_v1.host_gambling"),  # trailing dot
    ("http://xn--vf4b27jfqja61l.com/event", "url_filter_v1.host_gambling"),  # punycode of 토토사이트.com
    ("https://토토사이트.com/", "url_filter_v1.host_gambling"),
    ("bet365.com/promo", "url_filter_v1.host_gambling"),  # no scheme
    ("https://www.xvideos.com/video1", "url_filter_v1.host_adult"),
    ("https://daechul.kr/apply", "url_filter_v1.host_loan"),
    ("https://nid-naver.com/login", "url_filter_v1.host_phishing"),
    ("https://blog.example.kr/토토사이트추천-best", "url_filter_v1.term_gambling"),  # Hangul term in a compound
    ("https://blog.example.kr/%ED%86%A0%ED%86%A0/1", "url_filter_v1.term_gambling"),  # percent-encoded
    ("https://cafe.example.kr/board?q=무직자대출", "url_filter_v1.term_loan"),  # in the query
    ("https://example.kr/free-porn-videos", "url_filter_v1.term_adult"),  # a Latin term as a token
    ("http://[::1/토토", "url_filter_v1.term_gambling"),  # a malformed URL still has its terms read
])
def test_blocked(chain: Chain, url: str, expected: str) -> None:
    assert reason(chain, url) == expected


@pytest.mark.parametrize("url", [
    None, "", "https://news.naver.com/main/read.naver?oid=001",
    "https://bet365.com.example.kr/",  # the listed name as a subdomain of another host is not that host
    "https://notbet365.com/",  # nor a longer name ending in it
    "https://example.kr/occasional-events", "https://example.kr/pornography-law-reform",  # no whole token
    "https://toto.example.kr/",  # terms are looked for in the path and query, never the host
    "mailto:someone", "not a url at all",
])
def test_left_alone(chain: Chain, url: str | None) -> None:
    assert reason(chain, url) is None


def test_the_score_is_the_statistic_the_rule_tested(chain: Chain) -> None:
    o = chain.run([Doc({"text": "x", "url": "https://example.kr/토토/카지노/바카라"})])[0]
    assert o.reason == "url_filter_v1.term_gambling" and o.score == o.scores["url_filter_v1.term_hits"] == 3
    o = chain.run([Doc({"text": "x", "url": "https://bet365.com/"})])[0]
    assert o.score == o.scores["url_filter_v1.blocked_host"] == 1


def test_a_user_list_beside_the_project_s(tmp_path: Path) -> None:
    extra = tmp_path / "ours.txt"
    extra.write_text("# our own\nhost gambling spam-casino.kr\nterm adult 19금\n", encoding="utf-8")
    chain = build_chain([("url_filter_v1", {"extra_list": str(extra), "extra_hosts": ["Lottery.EXAMPLE"],
                                            "use_terms": True})], "q")
    assert reason(chain, "https://a.spam-casino.kr/") == "url_filter_v1.host_gambling"
    assert reason(chain, "https://example.kr/19금-영상") == "url_filter_v1.term_adult"
    assert reason(chain, "https://www.lottery.example/") == "url_filter_v1.host_user"
    assert reason(chain, "https://bet365.com/") == "url_filter_v1.host_gambling"  # the project's list still applies
    hosts_only = build_chain([("url_filter_v1", {"use_terms": False})], "q")
    assert reason(hosts_only, "https://example.kr/토토") is None
    with pytest.raises(ValueError, match="expected 'host CATEGORY HOST'"):
        parse("domain bet.com\n", "bad.txt")


def test_the_shipped_list_is_versioned_and_well_formed() -> None:
    from importlib import resources

    text = (resources.files("filters") / "lexicons" / "url_blocklist_ko_v1.txt").read_text(encoding="utf-8")
    lists = parse(text, "url_blocklist_ko_v1")
    assert {"gambling", "adult", "loan", "phishing"} <= set(lists.hosts.values())
    assert all(h == host_of(h) for h in lists.hosts)  # stored normalized


@given(st.text(max_size=200))
def test_any_url_string_gets_a_decision(url: str) -> None:
    o = build_chain([("url_filter_v1", {})], "q").run([Doc({"text": "x", "url": url})])[0]
    assert o.decision in ("keep", "drop") and (o.reason is None) == (o.decision == "keep")
