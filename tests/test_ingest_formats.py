"""Format parsers and decoding: one record per input unit, every reason code, no exceptions."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from pipeline.ingest.decode import decode_bytes, decompress
from pipeline.ingest.formats import ParseOptions, iter_records, parse_file

F = {"text": "text", "id": "id"}


def reasons(name: str, data: bytes, opts: ParseOptions, limit: int = 10**8) -> list[tuple[str, str | None]]:
    return [(r.locator, r.error[1] if r.error else None) for r in iter_records(name, data, opts, limit)]


def test_jsonl_every_broken_kind() -> None:
    lines = [
        json.dumps({"id": 1, "text": "첫 번째 문서"}, ensure_ascii=False).encode(),
        b'{"id": 2, "text": "unterminated',
        b"",
        b"[1, 2]",
        b'{"id": 3}',
        b'{"id": 4, "text": 42}',
        b'{"id": 5, "text": "\xff\xfe"}',
        b'{"id": 6, "text": "\xed\x95\x9c", "title": {"nested": true}}',
    ]
    got = reasons("a.jsonl", b"\n".join(lines), ParseOptions("jsonl", F))
    assert got == [("a.jsonl:1", None), ("a.jsonl:2", "malformed_json"), ("a.jsonl:4", "not_an_object"),
                   ("a.jsonl:5", "missing_text"), ("a.jsonl:6", "wrong_type"),
                   ("a.jsonl:7", "invalid_encoding"), ("a.jsonl:8", None)]


def test_jsonl_field_mapping_with_dotted_paths() -> None:
    row = {"content": "본문", "meta": {"title": "제목", "url": "https://x.kr"}, "n": 7}
    opts = ParseOptions("jsonl", {"text": "content", "id": "n", "title": "meta.title", "url": "meta.url"})
    (rec,) = parse_file("x.jsonl", json.dumps(row, ensure_ascii=False).encode(), opts)
    assert (rec.text, rec.record_id, rec.title, rec.url) == ("본문", "7", "제목", "https://x.kr")


def test_truncated_gzip_keeps_the_records_before_the_break() -> None:
    full = b"".join(b'{"id": %d, "text": "doc %d"}\n' % (i, i) for i in range(3000))
    packed = gzip.compress(full)
    got = reasons("c.jsonl.gz", packed[: len(packed) // 2], ParseOptions("jsonl", F))
    assert got[-1] == ("c.jsonl.gz:eof", "truncated_archive")
    kept = [loc for loc, err in got if err is None]
    assert 0 < len(kept) < 3000
    assert kept == [f"c.jsonl.gz:{i}" for i in range(1, len(kept) + 1)]


def test_zstd_and_concatenated_gzip_members() -> None:
    part = b'{"id": 1, "text": "\xea\xb0\x80"}\n'
    assert decompress("x.gz", gzip.compress(part) + gzip.compress(part)).data == part * 2
    assert decompress("x.zst", zstandard.ZstdCompressor().compress(part)).data == part
    assert decompress("x.zst", zstandard.ZstdCompressor().compress(part)[:-3]).truncated
    assert decompress("x.gz", b"not gzip").truncated


@pytest.mark.parametrize(("data", "expected"), [
    ("한국어 문서".encode(), ("한국어 문서", "utf-8")),
    (codecs.BOM_UTF8 + "한국어".encode(), ("한국어", "utf-8")),
    ("한국어".encode("utf-16"), ("한국어", "utf-16")),
    ("똠방각하 한국어".encode("cp949"), ("똠방각하 한국어", "cp949")),
    ("한국어".encode("euc-kr"), ("한국어", "cp949")),
    (b"\xff\xfe\x00", None),
])
def test_encoding_detection(data: bytes, expected: tuple[str, str] | None) -> None:
    assert decode_bytes(data) == expected


def test_cp949_csv_is_transcoded_and_recorded() -> None:
    data = "id\ttext\n1\t축제 안내\n".encode("cp949")
    (rec,) = parse_file("f.tsv", data, ParseOptions("tsv", F, csv_quoting="none"))
    assert (rec.text, rec.encoding) == ("축제 안내", "cp949")


def test_csv_unbalanced_quote_and_extra_fields_resync() -> None:
    data = ('id,text\n1,"여러\n줄 문서"\n2,추가,필드\n3,"닫히지 않은 따옴표\n4,네 번째\n5,"다섯, 번째"\n').encode()
    got = reasons("h.csv", data, ParseOptions("csv", F))
    assert got == [("h.csv:2", None), ("h.csv:4", "bad_row"), ("h.csv:5", "malformed_csv"),
                   ("h.csv:6", None), ("h.csv:7", None)]


def test_csv_undecodable_file() -> None:
    assert reasons("x.csv", b"id,text\n1,\xff\xff\xff\n", ParseOptions("csv", F)) == [("x.csv:1", "invalid_encoding")]


def test_parquet_rows_types_and_corruption() -> None:
    buf = io.BytesIO()
    pq.write_table(pa.table({"id": [1, 2, 3], "text": ["가", None, "나"]}), buf)
    assert reasons("p.parquet", buf.getvalue(), ParseOptions("parquet", F)) == [
        ("p.parquet#0", None), ("p.parquet#1", "missing_text"), ("p.parquet#2", None)]
    buf2 = io.BytesIO()
    pq.write_table(pa.table({"id": [1], "text": [3.5]}), buf2)
    assert reasons("q.parquet", buf2.getvalue(), ParseOptions("parquet", F)) == [("q.parquet#0", "wrong_type")]
    assert reasons("r.parquet", buf.getvalue()[:40], ParseOptions("parquet", F)) == [("r.parquet#0", "unreadable_file")]
    buf3 = io.BytesIO()
    pq.write_table(pa.table({"id": [1], "body": ["가"]}), buf3)
    assert reasons("s.parquet", buf3.getvalue(), ParseOptions("parquet", F)) == [("s.parquet#0", "missing_text")]


def test_text_markdown_and_limits() -> None:
    (md,) = parse_file("m.md", "# 사용 설명서\n\n본문".encode(), ParseOptions("markdown", F))
    assert (md.title, md.record_id, md.locator) == ("사용 설명서", "m.md", "m.md:1")
    lines = reasons("n.txt", "첫 줄\n\n둘째 줄\n".encode(), ParseOptions("text", F, record_split="line"))
    assert lines == [("n.txt:1", None), ("n.txt:3", None)]
    assert reasons("e.md", b"", ParseOptions("markdown", F)) == [("e.md:0", "empty_file")]
    assert reasons("big.md", ("가" * 100).encode(), ParseOptions("markdown", F), limit=100) == [
        ("big.md:1", "too_large")]


def _warc(pages: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record("t.warc.gz", {"software": "test"}))
    for uri, body, ctype in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    return buf.getvalue()


PAGE = ("<html><head>{meta}<title>축제 소식</title></head><body><nav>홈 | 로그인</nav><article>"
        "<p>올해 축제는 강변 공원에서 사흘 동안 열리며 전통 공연과 체험 행사가 이어진다.</p>"
        "<p>행사장까지는 셔틀버스가 십오 분 간격으로 다니고 주차장은 마련되어 있지 않다.</p>"
        "<p>주최 측은 다회용 컵을 쓰자고 당부하며 쓰레기 분리배출에 협조해 달라고 밝혔다.</p>"
        "</article><footer>무단전재 및 재배포 금지</footer></body></html>")


def test_warc_charsets_extraction_and_non_documents() -> None:
    euc_header = PAGE.format(meta="").encode("cp949")
    euc_meta = PAGE.format(meta='<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">').encode("cp949")
    utf8 = PAGE.format(meta='<meta charset="utf-8">').encode()
    data = _warc([("https://a.kr/1", euc_header, "text/html; charset=EUC-KR"),
                  ("https://a.kr/2", euc_meta, "text/html"),
                  ("https://a.kr/3", utf8, "text/html"),
                  ("https://a.kr/logo.png", b"\x89PNG" + bytes(20), "image/png")])
    recs = list(parse_file("t.warc.gz", data, ParseOptions("warc", {})))
    assert [r.error[1] if r.error else None for r in recs] == [
        "not_a_document", None, None, None, "unsupported_content_type"]
    pages = recs[1:4]
    assert [r.details["charset_source"] for r in pages] == ["http_header", "meta_tag", "meta_tag"]
    assert [r.encoding for r in pages] == ["cp949", "cp949", "utf-8"]
    for r in pages:
        assert "셔틀버스가 십오 분 간격으로" in (r.text or "")
        assert "로그인" not in (r.text or "")
        assert r.url and r.url.startswith("https://a.kr/") and r.record_id and r.date
    assert len({r.locator for r in recs}) == len(recs)


def test_truncated_warc_quarantines_the_broken_record() -> None:
    data = _warc([(f"https://a.kr/{i}", PAGE.format(meta="").encode(), "text/html; charset=utf-8")
                  for i in range(6)])
    recs = list(parse_file("t.warc.gz", data[: len(data) - 200], ParseOptions("warc", {})))
    assert recs[-1].error == ("quarantine", "truncated_archive")
    assert all(r.error is None for r in recs[1:-1]) and len(recs) == 7


def test_empty_input_is_one_record() -> None:
    for fmt in ("jsonl", "csv", "parquet", "warc", "text"):
        assert reasons(f"e.{fmt}", b"", ParseOptions(fmt, F)) == [(f"e.{fmt}:0", "empty_file")]


def test_extraction_does_not_depend_on_pages_seen_before() -> None:
    data = _warc([("https://a.kr/1", PAGE.format(meta="").encode(), "text/html; charset=utf-8")])
    texts = [[r.text for r in parse_file("t.warc.gz", data, ParseOptions("warc", {}))] for _ in range(6)]
    assert texts[0][1] and all(t == texts[0] for t in texts)


def _pages(n: int) -> list[tuple[str, bytes, str]]:
    return [(f"https://a.kr/{i}", PAGE.format(meta="").encode(), "text/html; charset=utf-8") for i in range(n)]


def _single_member(data: bytes) -> bytes:
    """The same WARC compressed as one gzip member, as ``gzip file.warc`` writes it."""
    return gzip.compress(gzip.decompress(data))


def test_single_member_gzip_warc_is_read_in_full() -> None:
    chunked = list(parse_file("t.warc.gz", _warc(_pages(6)), ParseOptions("warc", {})))
    single = list(parse_file("t.warc.gz", _single_member(_warc(_pages(6))), ParseOptions("warc", {})))
    assert [r.error for r in single] == [r.error for r in chunked] == [("drop", "not_a_document")] + [None] * 6
    assert [r.text for r in single] == [r.text for r in chunked]
    assert [r.url for r in single] == [r.url for r in chunked]
    assert all(r.details.get("offset_in") == "decompressed" for r in single)
    assert len({r.locator for r in single}) == len(single)


def test_truncated_single_member_gzip_warc_is_still_reported_as_truncated() -> None:
    data = _single_member(_warc(_pages(6)))
    recs = list(parse_file("t.warc.gz", data[: len(data) - 20], ParseOptions("warc", {})))
    assert recs[-1].error == ("quarantine", "truncated_archive")
    assert "single-member" in (recs[-1].message or "")
    # The identical pages compress to almost nothing: the cut loses the last page only.
    assert all(r.error is None for r in recs[1:-1]) and len(recs) == 7


def test_uncompressed_warc_and_wet_conversion_records() -> None:
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=False)
    for i in range(3):
        w.write_record(w.create_warc_record(f"https://b.kr/{i}", "conversion",
                                            payload=io.BytesIO(f"본문 {i} 입니다.\n둘째 줄".encode()),
                                            warc_content_type="text/plain"))
    recs = list(parse_file("t.warc.wet", buf.getvalue(), ParseOptions("warc", {})))
    assert [r.text for r in recs] == [f"본문 {i} 입니다.\n둘째 줄" for i in range(3)]
    assert [r.error for r in recs] == [None] * 3


def test_oversized_warc_record_is_quarantined_without_losing_the_next() -> None:
    big = ("<html><body><p>" + "가나다라마바사 " * 20_000 + "</p></body></html>").encode()
    data = _warc([("https://a.kr/big", big, "text/html; charset=utf-8"), *_pages(1)])
    recs = list(iter_records("t.warc.gz", data, ParseOptions("warc", {}), 20_000))
    assert [r.error[1] if r.error else None for r in recs] == ["not_a_document", "too_large", None]
    assert "was not read" in (recs[1].message or "")


def test_the_parse_read_hashes_the_whole_file(tmp_path: Path) -> None:
    from pipeline.ingest.streams import Openable, sha256_of

    data = _warc(_pages(3))
    path = tmp_path / "t.warc.gz"
    path.write_bytes(data)
    for content in (None, data):  # streamed from the local path, or bytes Spark read
        source = Openable(f"file:{path}", content)
        recs = list(iter_records("t.warc.gz", source, ParseOptions("warc", {}), 10**6))
        source.last.drain()
        assert len(recs) == 4
        assert source.last.hexdigest() == hashlib.sha256(data).hexdigest() == sha256_of(f"file:{path}")
        assert source.last.bytes_read == len(data)


def test_a_small_input_is_ingested_by_several_tasks() -> None:
    """Ingest's tasks are its output's files, and a later pass reads a file no faster than one core: a
    100 MB corpus in four gzip files was one task (every pass ran on one core of two)."""
    from pipeline.stages.s10_ingest import _file_groups, task_bytes

    mb = 1 << 20
    four = [17 * mb, 9 * mb, 9 * mb, 2 * mb]
    assert len(_file_groups(four, lambda s: s, task_bytes(sum(four)))) == 4
    many = [mb] * 100  # small files share tasks, about 8 of them
    assert 6 <= len(_file_groups(many, lambda s: s, task_bytes(sum(many)))) <= 9
    big = [32 * mb] * 32  # a large input: 128 MB tasks, as before
    assert len(_file_groups(big, lambda s: s, task_bytes(sum(big)))) == 8
