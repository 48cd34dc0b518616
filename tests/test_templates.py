"""Template removal by evidence across pages: the line keys, the removal, the block, and the stage on a
generated crawl (``benchmarks/web_crawl.py``) whose article bodies are sample_data's distinct documents."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
import zstandard
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.web_crawl import ARTICLE, SPAM, TEMPLATE, generate, write_warc, write_wet
from filters.blocks.base import Doc
from filters.blocks.chain import build_chain
from filters.normalize import normalize_text
from filters.templates import STEP, TemplateIndex, line_key, line_norm, page_keys, remove_templates, site_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"


@pytest.mark.parametrize(("url", "site"), [
    ("https://news.example.co.kr/a/1?x=2", "example.co.kr"),
    ("http://www.Example.CO.KR:8080/b", "example.co.kr"),
    ("https://m.example.co.kr", "example.co.kr"),
    ("https://blog.site.com/u/1", "site.com"),
    ("https://xn--3e0b707e.kr/", "한국.kr"),
    ("http://10.0.0.7/x", "10.0.0.7"),
    ("https://a.b.seoul.kr/", "b.seoul.kr"),
    (None, ""),
    ("", ""),
])
def test_a_site_is_the_registered_domain_of_the_host(url: str | None, site: str) -> None:
    assert site_of(url) == site


def test_lines_are_counted_as_ccnet_normalizes_them() -> None:
    assert line_norm("  댓글 12개 ") == line_norm("댓글 3개") == "댓글 0개"
    assert line_norm("입력 2024.03.05\t14:22") == "입력 0.0.0 0:0"
    assert line_norm("HOME  >  Sports") == "home > sports"
    # the site is part of the key: the same line on two sites is two lines
    assert line_key("a.kr", "로그인") != line_key("b.kr", "로그인")
    assert len(page_keys("a.kr", "x\n\nx\n y\n")) == 2  # a line counts once per page; blank lines never


def _index(site: str, lines: list[str], pages: int = 9) -> TemplateIndex:
    return TemplateIndex.build(["crawl"], [(int(line_key(site, line_norm(x))), pages) for x in lines])


def test_template_lines_are_removed_and_the_rest_is_left_as_it_was() -> None:
    text = ("로그인 | 회원가입\n정치 · 경제 · 사회\n\n오늘 시청 앞에서 열린 행사에는 많은 시민이 참여했다.\n"
            "행사는 저녁까지 이어졌다.\n\nCopyright © 한빛일보\n대표전화 02-123-4567")
    index = _index("hanbit.co.kr", ["로그인 | 회원가입", "정치 · 경제 · 사회", "Copyright © 한빛일보",
                                    "대표전화 02-000-0000"])
    r = remove_templates("hanbit.co.kr", text, index)
    assert r.text == "오늘 시청 앞에서 열린 행사에는 많은 시민이 참여했다.\n행사는 저녁까지 이어졌다."
    assert r.removed_lines == 4 and r.pages == (9, 9, 9, 9)
    # another site's page with the same lines is not touched
    assert remove_templates("other.kr", text, index).text == text


def test_the_page_s_own_headline_is_kept_where_the_site_s_lists_repeat_it() -> None:
    headline = "시청 앞 광장에서 가을 음악회 열려"
    body = "시청 앞 광장에서 어제 저녁 가을 음악회가 열려 시민 삼천여 명이 모였다. 음악회는 두 시간 동안 이어졌다."
    other = "지하철 요금 내년부터 인상된다는 소식"
    index = _index("hanbit.co.kr", [headline, other, "많이 본 뉴스"])
    page = f"{headline}\n{body}\n많이 본 뉴스\n{other}"
    r = remove_templates("hanbit.co.kr", page, index, keep_overlap=0.5)
    assert r.text == f"{headline}\n{body}" and r.kept_as_headline == 1
    # without the rule, or on another page of the site, the headline is a list entry and goes
    assert headline not in remove_templates("hanbit.co.kr", page, index).text
    elsewhere = f"{other}\n지하철 기본요금이 내년 봄부터 150원 오른다고 시가 밝혔다. 요금 인상은 8년 만이다.\n" \
                f"{headline}"
    assert remove_templates("hanbit.co.kr", elsewhere, index, keep_overlap=0.5).text.endswith("8년 만이다.")


_LINE = st.text(alphabet=st.sampled_from("가나다라 마바사12 ab|·>\t"), max_size=12)


@given(st.lists(_LINE, max_size=12), st.sets(st.integers(0, 11)), st.floats(0, 1))
def test_removal_only_takes_lines_of_the_table_and_keeps_the_order(lines: list[str], chosen: set[int],
                                                                   overlap: float) -> None:
    text = "\n".join(lines)
    index = _index("s.kr", [lines[i] for i in chosen if i < len(lines)])
    r = remove_templates("s.kr", text, index, keep_overlap=overlap)
    table = {int(k) for k in index.keys}
    kept = [x for x in r.text.split("\n") if x.strip()]
    it = iter(x for x in lines if x.strip())
    assert all(any(k == x for x in it) for k in kept)  # a subsequence of the page's lines
    removed = [x for x in lines if line_norm(x)] and r.removed_lines
    assert r.removed_lines == len(r.pages) and (removed or r.text == text)
    for x in lines:
        if line_norm(x) and line_key("s.kr", line_norm(x)) not in table:
            assert x in r.text.split("\n") or not x.strip()


def _chain(index: TemplateIndex | None) -> Any:
    return build_chain([("template_lines_v1", {})], STEP, None, {"templates": index} if index else {})


def test_the_block_modifies_drops_and_leaves_other_sources_alone() -> None:
    index = TemplateIndex.build(["crawl"], [(int(line_key("a.kr", line_norm("메뉴 | 로그인"))), 12)],
                                {"spam.xyz": 0.4})
    chain = _chain(index)
    docs = [Doc({"source": "crawl", "url": "https://a.kr/1", "text": "메뉴 | 로그인\n본문입니다."}),
            Doc({"source": "crawl", "url": "https://a.kr/2", "text": "메뉴 | 로그인"}),
            Doc({"source": "statutes", "url": "https://a.kr/3", "text": "메뉴 | 로그인\n본문입니다."}),
            Doc({"source": "crawl", "url": None, "text": "메뉴 | 로그인\n본문입니다."}),
            Doc({"source": "crawl", "url": "http://m.spam.xyz/bbs/1", "text": "아무 내용"})]
    out = chain.run(docs)
    assert [o.decision for o in out] == ["modify", "drop", "keep", "keep", "drop"]
    assert [o.reason for o in out] == ["template_lines_v1.removed", "template_lines_v1.only_template", None, None,
                                       "template_lines_v1.spam_site"]
    assert docs[0].text == "본문입니다." and out[0].details["template.pages"] == "12"
    assert out[0].details["template.site"] == "a.kr" and out[4].details["template.site_spam_share"] == 0.4
    assert _chain(None).run([Doc({"source": "crawl", "url": "https://a.kr/1", "text": "x"})])[0].decision == "keep"


# ----------------------------------------------------------------------------- the stage, on Spark

def sample_bodies() -> list[tuple[str, str | None, str, str]]:
    """sample_data's distinct documents with paragraphs, as (id, title, text, group) page bodies."""
    out: list[tuple[str, str | None, str, str]] = []
    with zstandard.ZstdDecompressor().stream_reader(open(SAMPLE / "web" / "blog_posts.jsonl.zst", "rb")) as fh:
        for line in io.TextIOWrapper(fh, encoding="utf-8"):
            rec = json.loads(line)
            out.append((rec["id"], None, rec["content"], "blog"))
    for rec in pq.read_table(SAMPLE / "legal" / "statutes.parquet").to_pylist():
        out.append((rec["law_id"], rec["title"], rec["text"], "news"))
    with open(SAMPLE / "cultural" / "heritage.csv", encoding="utf-8") as fh:
        out += [(r["id"], r["title"], r["text"], "reports") for r in csv.DictReader(fh)]
    for path in sorted((SAMPLE / "manufacturing" / "manuals").glob("*.md")):
        out.append((path.stem, None, path.read_text(encoding="utf-8"), "technical"))
    seen: set[str] = set()
    distinct = []
    for bid, title, text, group in out:
        if not text:
            continue
        h = hashlib.sha256(normalize_text(text)[0].encode()).hexdigest()
        if h not in seen:
            seen.add(h)
            distinct.append((bid, title, text, group))
    return distinct


def _manifest(tmp: Path, data: Path, fmt: str, extra_sources: str = "") -> Path:
    (tmp / "sources.toml").write_text(
        f'[[source]]\nname = "crawl"\ndomain = "web"\npaths = ["{data}"]\nformat = "warc"\nlicence = "CC-BY-4.0"\n'
        f'origin = "tests"\n{extra_sources}', encoding="utf-8")
    run = tmp / f"run-{fmt}.toml"
    run.write_text('name = "crawl"\nsources_manifest = "sources.toml"\nsources = ["*"]\nseed = 3\n\n[stages]\n'
                   'order = ["ingest", "normalize", "exact_dedup", "templates", "export"]\n\n[stages.templates]\n'
                   'sources = ["crawl"]\n', encoding="utf-8")
    return run


@pytest.fixture(scope="module")
def crawl() -> Any:
    return generate(sample_bodies(), seed=5, n_sites=6, n_spam=2, pages=(9, 14), spam_pages=(6, 8))


@pytest.mark.parametrize("fmt", ["wet", "warc"])
def test_a_crawl_written_twice_is_the_same_bytes(tmp_path: Path, crawl: Any, fmt: str) -> None:
    """Records' offsets are part of the documents' ids: a random record id or the time of writing in a
    header would change them, and fuzzy dedup's star centres with them, between two benchmark runs."""
    write = write_wet if fmt == "wet" else write_warc
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        write(crawl, tmp_path / run / "crawl.gz")
    assert (tmp_path / "a" / "crawl.gz").read_bytes() == (tmp_path / "b" / "crawl.gz").read_bytes()


@pytest.mark.spark
@pytest.mark.parametrize("fmt", ["wet", "warc"])
def test_the_stage_removes_a_crawl_s_templates(spark: Any, tmp_path: Path, crawl: Any, fmt: str) -> None:
    from pipeline import api, datacard
    from pipeline.manifest import load_run

    data = tmp_path / f"crawl.{fmt}.gz"
    (write_wet if fmt == "wet" else write_warc)(crawl, data)
    # a source that is not enabled, with lines repeated on every record: it passes unchanged
    statute = "이 법은 공포한 날부터 시행한다."
    (tmp_path / "laws.jsonl").write_text("".join(json.dumps({"text": f"제{i}조 내용 {i}번째 조문이다.\n{statute}",
                                                             "url": f"https://law.go.kr/{i}"}, ensure_ascii=False)
                                                 + "\n" for i in range(12)), encoding="utf-8")
    laws = (f'[[source]]\nname = "laws"\ndomain = "legal"\npaths = ["{tmp_path / "laws.jsonl"}"]\nformat = "jsonl"\n'
            f'licence = "KOGL-1"\norigin = "tests"\nfields = {{ text = "text", url = "url" }}\n')
    out = tmp_path / "out"
    rec = api.run(load_run(_manifest(tmp_path, data, fmt, laws), output=str(out), master="local[2]"), spark=spark)
    stage = next(s for s in rec["stages"] if s["stage"] == "templates")
    assert stage["summary"]["template_lines"] > 0 and stage["summary"]["sites"] == 8
    con = duckdb.connect()
    work = f"{out}/work/templates"
    docs = {u: t for u, t in con.sql(f"SELECT url, text FROM read_parquet('{work}/**/*.parquet') "
                                     f"WHERE _decision IN ('keep', 'modify')").fetchall()}
    # every input record has one templates decision; the counts add up (the run's invariants check it too)
    decisions = Counter(r for (r,) in con.sql(f"SELECT reason FROM read_parquet('{out}/provenance/**/*.parquet') "
                                              "WHERE stage = 'templates'").fetchall())
    assert sum(decisions.values()) == stage["counts"]["output_rows"] + sum(
        v for k, v in stage["counts"].items() if k in ("drop", "quarantine"))
    assert all(t.endswith(statute) for u, t in docs.items() if u.startswith("https://law.go.kr"))
    # sample_data's documents are composed from small sentence pools: a body line that stands on four or
    # more pages of one site is a repeated line there, whatever the page's truth calls it
    on_pages: Counter[tuple[str, str]] = Counter()
    for page in crawl.pages:
        for k in {line_norm(normalize_text(line)[0]) for line, _ in page.lines}:
            on_pages[page.site, k] += 1
    # pages exact dedup dropped (syndicated copies whose extracted text is the same) never reach the stage
    reached = {u for (u,) in con.sql(f"SELECT url FROM read_parquet('{work}/**/*.parquet')").fetchall()}
    left = total = article = kept_article = spam_left = 0
    for page in crawl.pages:
        if page.url not in reached:
            continue
        text = docs.get(page.url)
        if page.kind == SPAM:
            spam_left += text is not None
            continue
        have = Counter(line_norm(x) for x in (text or "").split("\n"))
        for line, label in page.lines:
            k = line_norm(normalize_text(line)[0])
            if label == TEMPLATE and text is not None:
                total += 1
                left += have[k] > 0
            elif label == ARTICLE and on_pages[page.site, k] < 4:
                article += 1
                kept_article += have[k] > 0
    # trafilatura drops most of a WARC page's template before the stage sees it
    assert left / total < 0.08, (left, total)
    assert kept_article / article > 0.95, (kept_article, article)
    # provenance names the pages a removed line was seen on, never the line
    details = con.execute(f"SELECT details FROM read_parquet('{out}/provenance/**/*.parquet') "
                          "WHERE stage = 'templates' "
                      "AND reason = 'template_lines_v1.removed' LIMIT 1").fetchone()[0]
    assert details["template.pages"] and "template.site" in details
    # spam hosts: the URL and spam blocks, then the site vote, before any template line is counted away
    assert spam_left <= 0.2 * sum(p.kind == SPAM for p in crawl.pages), spam_left
    # the data card's crawl facts: pages, template lines and what the removal took per site
    _, card = datacard.build(str(out))
    facts = card[card.index("## Crawl"):card.index("## Curated")]
    assert f"{stage['summary']['pages']:,} pages of 8 sites" in facts
    assert all(site["site"] in facts for site in stage["summary"]["largest_sites"])
