"""Write sample_data/: original Korean documents of four domains in eight formats, with planted
duplicates, near-duplicates, synthetic PII, spam, boilerplate, non-Korean and broken records.

Deterministic (fixed seed, no timestamps in archives): rerunning rewrites identical bytes. The
ground truth of what is planted where goes to ``sample_data/ground_truth.json``; the tests check
the pipeline against it, and ``sample_data/README.md`` explains it.

    python scripts/make_sample_data.py [--out sample_data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import random
import re
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sample_text import BOILERPLATE, NON_KOREAN, POOLS, SLOTS, SPAM

from filters.normalize import normalize_text

SEED = 20261122
STRUCTURED = {"statute", "decision", "manual", "work_instruction", "check_sheet"}
#: Planted documents shorter than this many non-space characters are "too_short", not "clean": the
#: quality stage's default ``min_chars`` (docs/calibration.md) drops one-line comments like these.
SHORT_CHARS = 20


# ----------------------------------------------------------------------------- synthetic PII


def rrn(rng: random.Random) -> str:
    """Resident registration number with a valid (pre-2020) check digit."""
    yy, mm, dd = rng.randint(60, 99), rng.randint(1, 12), rng.randint(1, 28)
    digits = [int(c) for c in f"{yy:02d}{mm:02d}{dd:02d}{rng.choice([1, 2])}{rng.randint(0, 99999):05d}"]
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    check = (11 - sum(d * w for d, w in zip(digits, weights, strict=True)) % 11) % 10
    s = "".join(map(str, digits)) + str(check)
    return f"{s[:6]}-{s[6:]}"


def brn(rng: random.Random) -> str:
    """Business registration number (사업자등록번호) with a valid check digit."""
    d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
    w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(a * b for a, b in zip(d, w, strict=True)) + (d[8] * 5) // 10
    s = "".join(map(str, d)) + str((10 - total % 10) % 10)
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


def crn(rng: random.Random) -> str:
    """Corporate registration number (법인등록번호) with a valid check digit."""
    d = [1, 1, 0, 1, 1, 1] + [rng.randint(0, 9) for _ in range(6)]
    total = sum(x * (1 if i % 2 == 0 else 2) for i, x in enumerate(d))
    s = "".join(map(str, d)) + str((10 - total % 10) % 10)
    return f"{s[:6]}-{s[6:]}"


def card(rng: random.Random) -> str:
    """A 16-digit card number that passes the Luhn check."""
    d = [4] + [rng.randint(0, 9) for _ in range(14)]
    total = 0
    for i, x in enumerate(reversed(d)):
        y = x * 2 if i % 2 == 0 else x
        total += y - 9 if y > 9 else y
    s = "".join(map(str, d)) + str((10 - total % 10) % 10)
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def mobile(rng: random.Random, style: int = 0) -> str:
    a, b = rng.randint(2000, 9999), rng.randint(1000, 9999)
    return [f"010-{a}-{b}", f"010 {a} {b}", f"010{a}{b}", f"+82 10-{a}-{b}"][style % 4]


def landline(rng: random.Random) -> str:
    return f"02-{rng.randint(300, 999)}-{rng.randint(1000, 9999)}"


NAMES = ["김서연", "이준호", "박지민", "최유나", "정민재", "강하늘", "조은비", "윤태식", "장수빈", "임도윤"]


# ----------------------------------------------------------------------------- composition


class Composer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen_norm: set[str] = set()
        self.shingles: dict[str, list[set[str]]] = {}

    @staticmethod
    def _shingle(text: str) -> set[str]:
        t = re.sub(r"\s+", "", text)
        return {t[i:i + 5] for i in range(max(1, len(t) - 4))}

    def fill(self, template: str, values: dict[str, str]) -> str:
        def sub(m: re.Match[str]) -> str:
            key = m.group(1)
            if key == "article":
                return str(self.rng.randint(3, 40))
            if key not in values:
                values[key] = self.rng.choice(SLOTS[key])
            return values[key]

        return re.sub(r"\{(\w+)\}", sub, template)

    def compose(self, genre: str, lo: int, hi: int, sep: str | None = None) -> str:
        pool = POOLS[genre]
        for _ in range(200):
            k = self.rng.randint(lo, min(hi, len(pool)))
            idx = sorted(self.rng.sample(range(len(pool)), k))
            if genre not in STRUCTURED and self.rng.random() < 0.5:
                self.rng.shuffle(idx)
            values: dict[str, str] = {}
            parts = [self.fill(pool[i], values) for i in idx]
            joiner = sep if sep is not None else ("\n" if genre in STRUCTURED else " ")
            text = joiner.join(parts)
            if self.unique(genre, text):
                return text
        raise RuntimeError(f"could not compose a distinct {genre} document")

    def unique(self, genre: str, text: str, max_jaccard: float = 0.5) -> bool:
        norm = normalize_text(text)[0]
        if norm in self.seen_norm:
            return False
        sh = self._shingle(text)
        for other in self.shingles.get(genre, []):
            if len(sh & other) / max(1, len(sh | other)) > max_jaccard:
                return False
        self.seen_norm.add(norm)
        self.shingles.setdefault(genre, []).append(sh)
        return True

    def register(self, text: str) -> None:
        """Planted text that is meant to be unique (spam, non-Korean, PII variants)."""
        norm = normalize_text(text)[0]
        if norm in self.seen_norm:
            raise RuntimeError(f"planted text collides with an existing document: {text[:40]}")
        self.seen_norm.add(norm)


# ----------------------------------------------------------------------------- near-duplicate edits


def spacing_variant(text: str, rng: random.Random) -> str:
    """띄어쓰기 changes: remove some spaces, add some inside eojeol."""
    out = []
    for ch in text:
        if ch == " " and rng.random() < 0.25:
            continue
        out.append(ch)
        if "가" <= ch <= "힣" and rng.random() < 0.04:
            out.append(" ")
    return "".join(out)


_PARTICLES = [("은 ", "는 "), ("는 ", "은 "), ("이 ", "가 "), ("가 ", "이 "), ("을 ", "를 "), ("를 ", "을 "),
              ("에서 ", "에 "), ("으로 ", "로 ")]


def particle_variant(text: str, rng: random.Random) -> str:
    """Swap some particles (은/는, 이/가, 을/를 ...) as a sloppy rewrite would."""
    out = text
    for a, b in rng.sample(_PARTICLES, 4):
        positions = [m.start() for m in re.finditer(re.escape(a), out)]
        for p in positions[: 2]:
            out = out[:p] + b + out[p + len(a):]
    return out


def entity_escape(text: str) -> str:
    """The copy that an HTML export leaves behind: the first syllable as a character reference."""
    i = next(i for i, c in enumerate(text) if "가" <= c <= "힣")
    return text[:i] + f"&#x{ord(text[i]):X};" + text[i + 1:]


# ----------------------------------------------------------------------------- writers


def gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as fh:
        fh.write(data)
    return buf.getvalue()


def jsonl(rows: list[Any]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


class Truth:
    def __init__(self) -> None:
        self.data: dict[str, Any] = {
            "exact_duplicate_groups": [], "near_duplicates": [], "broken": [], "dropped_at_ingest": [],
            "empty": [], "too_short": [], "spam": [], "non_korean": [], "boilerplate_heavy": [], "pii": [], "transcoded": [],
            "contaminated": [], "decontam_near_miss": [], "clean": [], "records": {},
        }

    def add(self, kind: str, item: Any) -> None:
        self.data[kind].append(item)

    def count(self, source: str, n: int = 1) -> None:
        self.data["records"][source] = self.data["records"].get(source, 0) + n


def key(source: str, rid: str) -> dict[str, str]:
    return {"source": source, "record_id": rid}


# ----------------------------------------------------------------------------- sources


def web_reviews(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    src = "web_reviews"
    rows: list[Any] = []
    docs: dict[str, str] = {}

    def add(rid: str, text: Any, category: str, clean: bool = True, **extra: Any) -> None:
        row = {"review_id": rid, "category": category, "body": text,
               "url": f"https://community.example.kr/{category}/{rid}", "written_at": f"2026-0{1 + len(rows) % 9}-"
               f"{1 + len(rows) % 27:02d}", **extra}
        rows.append(row)
        t.count(src)
        if isinstance(text, str):
            docs[rid] = text
        if clean and isinstance(text, str) and len("".join(text.split())) < SHORT_CHARS:
            t.add("too_short", key(src, rid))
        elif clean:
            t.add("clean", key(src, rid))

    genres = [("review_food", 32, 3, 7), ("review_product", 26, 3, 7), ("review_movie", 22, 3, 6),
              ("comment", 14, 1, 3)]
    n = 0
    for genre, count, lo, hi in genres:
        for _ in range(count):
            n += 1
            add(f"r{n:04d}", c.compose(genre, lo, hi), genre.replace("review_", ""))

    # Exact duplicates: verbatim reposts, and copies that differ only until normalized.
    for orig, how in (("r0003", "verbatim"), ("r0040", "verbatim"), ("r0061", "verbatim"),
                      ("r0010", "nfd"), ("r0022", "html_entity"), ("r0035", "spaces_and_line_endings")):
        n += 1
        text = docs[orig]
        if how == "nfd":
            text = unicodedata.normalize("NFD", text)
        elif how == "html_entity":
            text = entity_escape(text)
        elif how == "spaces_and_line_endings":  # NBSP, a run of spaces, a trailing CRLF
            text = text.replace(". ", ".\u00a0  ", 2) + "  \r\n"
        rid = f"r{n:04d}"
        add(rid, text, "repost", clean=False)
        t.add("exact_duplicate_groups", {"members": [key(src, orig), key(src, rid)], "copy_kind": how})

    # Near duplicates: spacing and particle variation (exact dedup must keep them).
    for orig, how in (("r0005", "spacing"), ("r0027", "spacing"), ("r0050", "particles"),
                      ("r0066", "particles"), ("r0014", "spacing+particles")):
        n += 1
        text = docs[orig]
        if "spacing" in how:
            text = spacing_variant(text, rng)
        if "particles" in how:
            text = particle_variant(text, rng)
        if normalize_text(text)[0] == normalize_text(docs[orig])[0]:
            text = text + " 재업로드합니다."
        c.register(text)
        rid = f"r{n:04d}"
        add(rid, text, "repost", clean=False)
        t.add("near_duplicates", {**key(src, rid), "of": key(src, orig), "edit": how})

    # Spam and ads.
    for text in SPAM[:4]:
        n += 1
        c.register(text)
        add(f"r{n:04d}", text, "ad", clean=False)
        t.add("spam", key(src, f"r{n:04d}"))

    # Non-Korean documents.
    for lang, text in NON_KOREAN[:3]:
        n += 1
        c.register(text)
        add(f"r{n:04d}", text, "review", clean=False, lang=lang)
        t.add("non_korean", {**key(src, f"r{n:04d}"), "lang": lang})

    # Synthetic PII in otherwise normal reviews.
    for style in range(4):
        n += 1
        phone = mobile(rng, style)
        email = f"user{rng.randint(100, 999)}@example.com"
        base = c.compose("review_product", 2, 3)
        text = f"{base} 중고로 넘기실 분은 {phone}{'로' if style == 2 else ''} 연락 주시거나 {email} 으로 메일 주세요."
        c.register(text)
        rid = f"r{n:04d}"
        add(rid, text, "product", clean=False)
        t.add("pii", {**key(src, rid), "type": "KR_PHONE", "value": phone})
        t.add("pii", {**key(src, rid), "type": "EMAIL_ADDRESS", "value": email})

    # Empty documents (dropped by normalization).
    for text in ("", " \u200b\u3000 \n "):
        n += 1
        add(f"r{n:04d}", text, "review", clean=False)
        t.add("empty", key(src, f"r{n:04d}"))

    # Broken records: their line numbers are their locators.
    broken = [
        ('{"review_id": "bad1", "body": "따옴표가 닫히지 않은 줄', "malformed_json"),
        ('{"review_id": "bad2", "body": "쉼표 뒤가 잘린 줄",', "malformed_json"),
        ('["배열은", "문서가", "아닙니다"]', "not_an_object"),
        ('{"review_id": "bad3", "category": "review"}', "missing_text"),
        ('{"review_id": "bad4", "body": 12345}', "wrong_type"),
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    # Spread the broken lines through the file (positions fixed by the seed).
    positions = sorted(rng.sample(range(10, len(lines)), len(broken) + 1))
    encoded: list[bytes] = [ln.encode("utf-8") for ln in lines]
    for pos, (ln, _reason) in zip(reversed(positions[:-1]), reversed(broken), strict=True):
        encoded.insert(pos, ln.encode("utf-8"))
    bad_utf8 = b'{"review_id": "bad5", "body": "' + "깨진 바이트".encode()[:-1] + b'\xff\xfe"}'
    encoded.insert(positions[-1] + len(broken), bad_utf8)
    for lineno, ln in enumerate(encoded, start=1):
        for text, reason in broken:
            if ln == text.encode("utf-8"):
                t.add("broken", {"source": src, "locator": f"reviews.jsonl.gz:{lineno}",
                                 "reason": f"ingest_v1.{reason}"})
        if ln == bad_utf8:
            t.add("broken", {"source": src, "locator": f"reviews.jsonl.gz:{lineno}",
                             "reason": "ingest_v1.invalid_encoding"})
    t.count(src, len(broken) + 1)
    (out / "web").mkdir(parents=True, exist_ok=True)
    (out / "web" / "reviews.jsonl.gz").write_bytes(gz(b"\n".join(encoded) + b"\n"))


def web_blog(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    import zstandard

    src = "web_blog"
    rows = []
    for i in range(1, 21):
        text = c.compose("blog_post", 5, 9)
        title = f"주말 산책 기록 {i}"
        rows.append({"id": f"blog-{i:03d}", "meta": {"title": title, "url": f"https://blog.example.kr/post/{i}"},
                     "content": text, "published": f"2026-10-{i:02d}"})
        t.add("clean", key(src, f"blog-{i:03d}"))
    # A near duplicate: the same post with its sentences reordered and a footer added.
    orig = rows[6]["content"]
    sents = re.split(r"(?<=[.!?요다])\s+", orig)
    rng.shuffle(sents)
    text = " ".join(sents) + " 이 글은 개인 블로그에서 옮겨 왔습니다."
    c.register(text)
    rows.append({"id": "blog-021", "meta": {"title": "주말 산책 기록 (재게시)"}, "content": text,
                 "published": "2026-11-01"})
    t.add("near_duplicates", {**key(src, "blog-021"), "of": key(src, "blog-007"), "edit": "reorder+footer"})
    # PII: a card number and a resident registration number in a post (a careless share).
    number, rn = card(rng), rrn(rng)
    text = c.compose("blog_post", 3, 4) + f" 결제할 때 카드 번호 {number}를 잘못 입력해서 한참 헤맸어요. " \
        f"본인 확인용으로 주민등록번호 {rn}까지 다시 적어야 했습니다."
    c.register(text)
    rows.append({"id": "blog-022", "meta": {"title": "결제 오류 후기"}, "content": text, "published": "2026-11-02"})
    t.add("pii", {**key(src, "blog-022"), "type": "CREDIT_CARD", "value": number})
    t.add("pii", {**key(src, "blog-022"), "type": "KR_RRN", "value": rn})
    t.count(src, len(rows))
    data = jsonl(rows).encode("utf-8")
    (out / "web" / "blog_posts.jsonl.zst").write_bytes(
        zstandard.ZstdCompressor(level=19, write_checksum=True).compress(data))


def web_comments_truncated(c: Composer, t: Truth, out: Path) -> None:
    """A gzip archive cut off mid-stream: the records before the break are ingested."""
    src = "web_comments"
    rows = [{"id": f"c{i:03d}", "text": c.compose("comment", 2, 3)} for i in range(1, 41)]
    full = jsonl(rows).encode("utf-8")
    packed = gz(full)
    cut = packed[: int(len(packed) * 0.6)]
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    prefix = d.decompress(cut)
    complete = prefix.count(b"\n")
    for r in rows[:complete]:
        t.add("clean", key(src, r["id"]))
    t.count(src, complete + 1)
    t.add("broken", {"source": src, "locator": "comments_truncated.jsonl.gz:eof",
                     "reason": "ingest_v1.truncated_archive"})
    t.data["truncated_lost_records"] = len(rows) - complete
    (out / "web" / "comments_truncated.jsonl.gz").write_bytes(cut)


def _page(title: str, paragraphs: list[str], charset: str, meta: bool, nav: list[str],
          footer: list[str]) -> str:
    head = f'<meta charset="{charset}">' if meta else ""
    ps = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    navs = "\n".join(f'<li><a href="/m{i}">{n}</a></li>' for i, n in enumerate(nav))
    foot = "\n".join(f"<p>{f}</p>" for f in footer)
    return (f"<!DOCTYPE html>\n<html lang=\"ko\"><head>{head}<title>{title}</title></head>\n<body>\n"
            f"<header><ul>{navs}</ul></header>\n<main><article><h1>{title}</h1>\n{ps}\n</article></main>\n"
            f"<footer>{foot}</footer>\n</body></html>\n")


def web_warc(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    src = "web_crawl"
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    n_records = 0

    def rid(uri: str, kind: str) -> str:
        h = hashlib.sha1(f"{kind}:{uri}".encode()).hexdigest()
        return f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}>"

    def write(kind: str, uri: str, body: bytes, content_type: str | None, day: int) -> str:
        nonlocal n_records
        record_id = rid(uri, kind)
        headers = {"WARC-Date": f"2026-10-{day:02d}T09:00:00Z", "WARC-Record-ID": record_id}
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type or "text/html")],
                                    protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                            warc_headers_dict=headers)
        elif kind == "request":
            http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "news.example.kr")], is_http_request=True)
            rec = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=http,
                                            warc_headers_dict=headers)
        else:
            rec = writer.create_warcinfo_record("sample.warc.gz", {"software": "kocurate sample_data"})
            rec.rec_headers.replace_header("WARC-Date", "2026-10-01T00:00:00Z")
            rec.rec_headers.replace_header("WARC-Record-ID", record_id)
        writer.write_record(rec)
        n_records += 1
        return record_id

    write("warcinfo", "", b"", None, 1)
    t.add("dropped_at_ingest", {"source": src, "reason": "ingest_v1.not_a_document", "what": "warcinfo"})
    genres = ["review_food", "blog_post", "festival", "heritage", "review_movie", "literature"]
    nav = [*BOILERPLATE[2:4], "오늘의 추천", "인기 검색어"]
    first_page: tuple[str, bytes, str] | None = None
    for i in range(1, 25):
        genre = genres[i % len(genres)]
        text = c.compose(genre, 6, 9, sep="\n")
        paragraphs = text.split("\n")
        title = f"{paragraphs[0][:18]}…"
        if i <= 5:
            charset, ctype, meta = "euc-kr", "text/html; charset=EUC-KR", False
        elif i <= 7:
            charset, ctype, meta = "euc-kr", "text/html", True
        else:
            charset, ctype, meta = "utf-8", "text/html; charset=utf-8", rng.random() < 0.5
        footer = [BOILERPLATE[7], BOILERPLATE[8]] if charset == "euc-kr" else [BOILERPLATE[1], BOILERPLATE[8]]
        html = _page(title, paragraphs, charset, meta, nav, footer)
        body = html.encode("cp949" if charset == "euc-kr" else "utf-8")
        uri = f"https://news.example.kr/article/{1000 + i}"
        if i % 8 == 0:
            write("request", uri, b"", None, i)
            t.add("dropped_at_ingest", {"source": src, "reason": "ingest_v1.not_a_document", "what": "request"})
        record_id = write("response", uri, body, ctype, i)
        item = {**key(src, record_id), "url": uri}
        t.add("clean", item)
        if charset == "euc-kr":
            t.add("transcoded", {**item, "charset_from": "http_header" if not meta else "meta_tag"})
        if i == 3:
            first_page = (uri, body, ctype)
    # A mirror of page 3 at another URL: an exact duplicate once the main text is extracted.
    assert first_page is not None
    mirror = "https://mirror.example.kr/article/1003"
    record_id = write("response", mirror, first_page[1], first_page[2], 26)
    t.add("transcoded", {**key(src, record_id), "url": mirror, "charset_from": "http_header"})
    t.add("exact_duplicate_groups", {"members": [
        key(src, rid(first_page[0], "response")), key(src, record_id)], "copy_kind": "mirror_url"})
    t.data["clean"] = [x for x in t.data["clean"] if x != {**key(src, rid(first_page[0], "response")),
                                                             "url": first_page[0]}] + [
        {**key(src, rid(first_page[0], "response")), "url": first_page[0]}]
    # Boilerplate-heavy pages: menus, bylines and copyright around one or two short lines.
    for j in range(3):
        uri = f"https://portal.example.kr/notice/{j}"
        paragraphs = [*BOILERPLATE[3:8], c.compose("comment", 1, 1), *BOILERPLATE[8:]]
        html = _page(f"알림 {j}", paragraphs, "utf-8", True, BOILERPLATE[2:4] * 3, BOILERPLATE[:2])
        record_id = write("response", uri, html.encode("utf-8"), "text/html; charset=utf-8", 27 + j)
        t.add("boilerplate_heavy", {**key(src, record_id), "url": uri})
    # A spam page.
    uri = "https://spam.example.kr/ad"
    html = _page("이벤트", [SPAM[4], SPAM[5], SPAM[1]], "utf-8", True, nav, [BOILERPLATE[8]])
    record_id = write("response", uri, html.encode("utf-8"), "text/html; charset=utf-8", 30)
    t.add("spam", {**key(src, record_id), "url": uri})
    # A contact page with business identifiers.
    uri = "https://shop.example.kr/about"
    b, cr, tel = brn(rng), crn(rng), landline(rng)
    paragraphs = [c.compose("review_product", 3, 4), f"상호: 예시상사 주식회사 | 사업자등록번호 {b} | 법인등록번호 {cr}",
                  f"고객센터 {tel} (평일 09:00~18:00)", "반품 및 교환은 수령 후 7일 이내에 신청해 주세요."]
    html = _page("회사 소개", paragraphs, "utf-8", True, nav, [BOILERPLATE[8]])
    record_id = write("response", uri, html.encode("utf-8"), "text/html; charset=utf-8", 30)
    for typ, val in (("KR_BRN", b), ("KR_CRN", cr), ("KR_PHONE", tel)):
        t.add("pii", {**key(src, record_id), "type": typ, "value": val})
    # An image response: well-formed, but not text.
    write("response", "https://news.example.kr/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", 30)
    t.add("dropped_at_ingest", {"source": src, "reason": "ingest_v1.unsupported_content_type", "what": "png"})
    t.count(src, n_records)
    (out / "web" / "crawl.warc.gz").write_bytes(buf.getvalue())


SAFETY_RULE = ("산업안전 작업 수칙\n제1조(보호구 착용) 사업주는 근로자가 작업 중 추락하거나 물체에 맞을 위험이 있는 장소에서 "
               "안전모를 착용하도록 하여야 한다.\n제2조(기계의 방호) 회전축, 기어, 벨트 등 근로자에게 위험을 미칠 우려가 "
               "있는 부위에는 덮개나 울을 설치하여야 한다.\n제3조(정비 작업 시의 조치) 기계의 정비·청소 작업을 할 때에는 "
               "해당 기계의 운전을 정지하고 기동장치에 잠금장치를 하여야 한다.")


def legal(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = "legal_statutes"
    rows: list[dict[str, Any]] = []
    for i in range(1, 41):
        values = {"act": rng.choice(SLOTS["act"])}
        text = c.compose("statute", 7, 13)
        title = f"{values['act']}에 관한 법률 (가상 {i})"
        rows.append({"law_id": f"L{i:03d}", "title": title, "kind": "법률", "promulgated": f"2025-{1 + i % 12:02d}-01",
                     "text": text, "url": f"https://law.example.kr/lsInfo?id={i}"})
    for i in range(1, 26):
        text = c.compose("decision", 6, 11)
        rows.append({"law_id": f"D{i:03d}", "title": f"판결 {i}", "kind": "판결",
                     "promulgated": f"2024-{1 + i % 12:02d}-15", "text": text, "url": None})
    for r in rows:
        t.add("clean", key(src, r["law_id"]))
    # An amended statute: one line changed (near duplicate, kept by exact dedup).
    amended = rows[4]["text"].replace("5년마다", "3년마다") + "\n부칙 이 법은 공포한 날부터 시행한다."
    c.register(amended)
    rows.append({**rows[4], "law_id": "L041", "title": rows[4]["title"] + " (개정)", "text": amended})
    t.add("near_duplicates", {**key(src, "L041"), "of": key(src, "L005"), "edit": "amendment"})
    # The same Act mirrored under two ids (exact duplicate).
    rows.append({**rows[11], "law_id": "L042", "url": "https://mirror.example.kr/law/12"})
    t.add("exact_duplicate_groups", {"members": [key(src, "L012"), key(src, "L042")], "copy_kind": "mirror"})
    # The safety rule that the manufacturing source also carries (cross-source duplicate; legal has
    # the higher priority, so its copy survives).
    rows.append({"law_id": "L043", "title": "산업안전 작업 수칙", "kind": "고시", "promulgated": "2025-07-01",
                 "text": SAFETY_RULE, "url": "https://law.example.kr/admRul?id=43"})
    c.register(SAFETY_RULE)
    t.add("clean", key(src, "L043"))
    # A decision that names a party with a resident registration number and a phone number.
    rn, phone = rrn(rng), mobile(rng, 0)
    text = c.compose("decision", 4, 6) + f"\n원고 {NAMES[0]}(주민등록번호 {rn}, 연락처 {phone})는 변론기일에 출석하였다."
    c.register(text)
    rows.append({"law_id": "D026", "title": "판결 26", "kind": "판결", "promulgated": "2024-12-15", "text": text,
                 "url": None})
    t.add("pii", {**key(src, "D026"), "type": "KR_RRN", "value": rn})
    t.add("pii", {**key(src, "D026"), "type": "KR_PHONE", "value": phone})
    t.add("pii", {**key(src, "D026"), "type": "PERSON", "value": NAMES[0]})
    # A row whose text is null.
    rows.append({"law_id": "L044", "title": "본문 누락", "kind": "법률", "promulgated": "2025-01-01", "text": None,
                 "url": None})
    t.add("broken", {"source": src, "locator": f"statutes.parquet#{len(rows) - 1}",
                     "reason": "ingest_v1.missing_text"})
    t.count(src, len(rows))
    (out / "legal").mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), out / "legal" / "statutes.parquet", compression="zstd")


def manufacturing(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    src = "mfg_manuals"
    d = out / "manufacturing" / "manuals"
    d.mkdir(parents=True, exist_ok=True)
    files: dict[str, str] = {}
    for i in range(1, 19):
        files[f"manual_{i:02d}.md"] = f"# {rng.choice(SLOTS['machine'])} 사용 설명서\n\n" + c.compose("manual", 9, 15)
    for i in range(1, 13):
        body = c.compose("work_instruction", 7, 11)
        first, rest = body.split("\n", 1) if body.startswith("작업 표준서") else ("작업 표준서", body)
        files[f"work_instruction_{i:02d}.md"] = f"# {first}\n\n{rest}"
    # Work instructions that name the responsible person with a phone number.
    for i, style in ((13, 0), (14, 1)):
        phone = mobile(rng, style)
        body = c.compose("work_instruction", 6, 8)
        text = f"# 작업 표준서 {i}\n\n{body}\n\n담당자: {NAMES[i % len(NAMES)]} ({phone})"
        c.register(text)
        name = f"work_instruction_{i:02d}.md"
        files[name] = text
        t.add("pii", {**key(src, name), "type": "KR_PHONE", "value": phone})
        t.add("pii", {**key(src, name), "type": "PERSON", "value": NAMES[i % len(NAMES)]})
    for name in files:
        t.add("clean", key(src, name))
    # The safety rule also published by the legal source (cross-source exact duplicate).
    files["safety_rules.md"] = SAFETY_RULE
    t.add("exact_duplicate_groups", {"members": [key("legal_statutes", "L043"), key(src, "safety_rules.md")],
                                     "copy_kind": "cross_source", "survivor": key("legal_statutes", "L043")})
    # A copied manual under another file name (exact duplicate).
    files["manual_03_copy.md"] = files["manual_03.md"]
    t.add("exact_duplicate_groups", {"members": [key(src, "manual_03.md"), key(src, "manual_03_copy.md")],
                                     "copy_kind": "file_copy"})
    for name, text in files.items():
        (d / name).write_text(text + "\n", encoding="utf-8")
    (d / "empty.md").write_bytes(b"")
    t.add("broken", {"source": src, "locator": "empty.md:0", "reason": "ingest_v1.empty_file"})
    t.count(src, len(files) + 1)

    src = "mfg_check_sheets"
    lines = ["sheet_id\tmachine\tchecked_on\ttext"]
    for i in range(1, 26):
        text = c.compose("check_sheet", 6, 9, sep=" / ")
        lines.append(f"CS-{i:03d}\t{rng.choice(SLOTS['machine'])}\t2026-09-{i:02d}\t{text}")
        t.add("clean", key(src, f"CS-{i:03d}"))
    t.count(src, 25)
    (out / "manufacturing" / "check_sheets.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cultural(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    src = "cultural_heritage"
    (out / "cultural").mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "title", "category", "text", "date"])
    texts: dict[str, str] = {}
    for i in range(1, 31):
        text = c.compose("heritage", 4, 8)
        if i % 3 == 0:  # multi-line fields, quoted
            text = text.replace(". ", ".\n", 2)
        texts[f"H{i:03d}"] = text
        w.writerow([f"H{i:03d}", f"문화유산 해설 {i}", "heritage", text, f"2026-0{1 + i % 9}-10"])
    for i in range(1, 16):
        text = c.compose("literature", 4, 7)
        texts[f"T{i:03d}"] = text
        w.writerow([f"T{i:03d}", f"작품 읽기 {i}", "literature", text, f"2026-0{1 + i % 9}-20"])
    for rid in texts:
        t.add("clean", key(src, rid))
    # A duplicate row (the same commentary published twice).
    w.writerow(["H031", "문화유산 해설 7 (재수록)", "heritage", texts["H007"], "2026-10-10"])
    t.add("exact_duplicate_groups", {"members": [key(src, "H007"), key(src, "H031")], "copy_kind": "republished"})
    content = buf.getvalue()
    # Broken rows: one with an extra field, one with an unbalanced quote.
    line_extra = content.count("\n") + 1
    content += 'H032,문화유산 해설 32,heritage,쉼표가 하나 더 있는 행,2026-10-11,초과 필드\n'
    line_quote = content.count("\n") + 1
    content += 'H033,문화유산 해설 33,heritage,"따옴표가 닫히지 않은 설명문,2026-10-12\n'
    tail = io.StringIO()
    w3 = csv.writer(tail, lineterminator="\n")
    extra = c.compose("heritage", 4, 6)
    w3.writerow(["H034", "문화유산 해설 34", "heritage", extra, "2026-10-13"])
    content += tail.getvalue()
    t.add("clean", key(src, "H034"))
    t.add("broken", {"source": src, "locator": f"heritage.csv:{line_extra}", "reason": "ingest_v1.bad_row"})
    t.add("broken", {"source": src, "locator": f"heritage.csv:{line_quote}",
                     "reason": "ingest_v1.malformed_csv"})
    t.count(src, 45 + 1 + 3)
    (out / "cultural" / "heritage.csv").write_text(content, encoding="utf-8")

    # A legacy CP949 file (undeclared): festival notices, TSV.
    src = "cultural_festivals"
    lines = ["id\ttitle\ttext"]
    for i in range(1, 16):
        text = c.compose("festival", 4, 7)
        if i == 9:
            phone = landline(rng)
            text += f" 문의는 축제추진위원회 {phone}으로 하면 된다."
            c.register(text)
            t.add("pii", {**key(src, f"F{i:03d}"), "type": "KR_PHONE", "value": phone})
        lines.append(f"F{i:03d}\t축제 소식 {i}\t{text}")
        t.add("clean", key(src, f"F{i:03d}"))
        t.add("transcoded", {**key(src, f"F{i:03d}"), "charset_from": "detected"})
    t.count(src, 15)
    (out / "cultural" / "festivals_cp949.tsv").write_bytes(("\n".join(lines) + "\n").encode("cp949"))

    # Short literature notes, one document per line (plain text).
    src = "cultural_notes"
    notes = [c.compose("literature", 2, 3) for _ in range(12)]
    notes.append(NON_KOREAN[4][1])
    c.register(NON_KOREAN[4][1])
    t.add("non_korean", {"source": src, "record_id": f"notes.txt:{len(notes)}", "lang": "en"})
    for i in range(1, 13):
        t.add("clean", {"source": src, "record_id": f"notes.txt:{i}"})
    t.count(src, len(notes))
    (out / "cultural" / "notes.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- labelled domain examples

#: Hand-labelled examples for the domain model (manifest: [stages.domains] labelled_examples): text
#: that belongs to several domains, and text that fits none of the four (news, reports: "other").
LABELLED_DOMAINS = [
    (["legal", "manufacturing"], "제5조(안전조치) 사업주는 프레스 및 전단기의 작업점에 방호장치를 설치하여야 하며, 근로자가 "
     "방호장치를 해체하거나 그 기능을 상실하게 하여서는 아니 된다. 방호장치의 성능기준은 고용노동부장관이 정하여 고시한다."),
    (["legal", "manufacturing"], "제12조(유해물질의 취급) 사업주는 유기용제를 취급하는 작업장에 국소배기장치를 설치하고, "
     "작업 시작 전에 그 성능을 점검하여야 한다. 이를 위반한 자는 과태료를 부과한다."),
    (["legal", "manufacturing"], "제20조(정기검사) 압력용기, 보일러 및 크레인을 사용하는 사업장은 설치 후 3년 이내에 최초 "
     "안전검사를 받아야 하며, 그 이후에는 2년마다 정기검사를 받아야 한다."),
    (["legal", "manufacturing"], "제3조(전기기계기구의 접지) 누전에 의한 감전의 위험을 방지하기 위하여 전기기계·기구의 금속제 "
     "외함에는 접지를 하여야 한다. 다만, 이중절연구조의 기구는 그러하지 아니하다."),
    (["legal", "cultural"], "제8조(국가유산의 보호) 국가와 지방자치단체는 국가유산이 훼손되지 아니하도록 보존·관리하여야 "
     "하며, 국가유산의 현상을 변경하려는 자는 국가유산청장의 허가를 받아야 한다."),
    (["legal", "cultural"], "제14조(무형유산의 전승) 국가는 무형유산 보유자가 그 기능과 예능을 전수할 수 있도록 전수교육에 "
     "필요한 경비를 지원할 수 있다. 전수교육의 기간과 방법은 대통령령으로 정한다."),
    (["legal", "cultural"], "제2조(정의) 이 법에서 \"전통문화\"란 전통적으로 계승되어 온 의식주, 예술, 놀이, 세시풍속 등 "
     "민족의 고유한 생활양식을 말한다."),
    (["other"], "기상청은 내일 중부지방에 비가 내리겠으며 예상 강수량은 10~40밀리미터라고 밝혔다. 비는 모레 오전에 "
     "그치겠고, 기온은 평년보다 조금 낮겠다."),
    (["other"], "지난달 수출액은 반도체 호조에 힘입어 전년 같은 달보다 8.3% 증가했다. 무역수지는 석 달 연속 흑자를 "
     "기록했으며, 정부는 하반기에도 증가세가 이어질 것으로 내다봤다."),
    (["other"], "프로축구 개막전에서 홈팀이 후반 추가시간에 터진 결승골로 2대 1 역전승을 거뒀다. 감독은 경기 후 "
     "선수들의 집중력을 칭찬했다."),
    (["other"], "보고서는 기후 변화가 농업 생산성에 미치는 영향을 지역별로 분석하고, 개발도상국의 적응 역량을 높이기 "
     "위한 국제 협력 방안을 제시한다."),
    (["other"], "시의회는 어제 본회의를 열어 내년도 예산안을 의결했다. 복지 예산은 올해보다 늘었고, 도로 정비 예산은 "
     "일부 삭감되었다."),
    (["web", "cultural"], "주말에 탈춤 축제 다녀왔어요! 공연이 생각보다 훨씬 신나서 아이들도 끝까지 집중해서 봤네요. 다음엔 "
     "체험 부스도 꼭 해보려고요 ㅎㅎ"),
    (["web", "cultural"], "고궁 야간 개방 후기 남겨요. 조명이 은은해서 사진이 정말 잘 나와요. 예매는 일찍 하셔야 해요."),
    (["manufacturing"], "설비 점검 절차: 1. 주전원을 차단하고 잠금장치를 건다. 2. 유압 펌프의 압력계를 확인한다. "
     "3. 벨트 장력을 측정하여 기준값과 비교한다. 4. 점검 결과를 일지에 기록한다."),
    (["web"], "이 카페 디저트 진짜 맛있어요. 사장님도 친절하시고 분위기도 아늑해서 또 가고 싶어요!"),
]


def labelled_domains(out: Path) -> None:
    d = out / "labelled"
    d.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"labels": labels, "text": text}, ensure_ascii=False) for labels, text in LABELLED_DOMAINS]
    (d / "domains.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------- evaluation sets

#: A small evaluation set in KLUE NLI's format (a JSON array), written for the project.
KLUE_STYLE = [
    ("sample-nli_dev_00000", "도서관 열람실은 평일에는 밤 열한 시까지, 주말에는 오후 여섯 시까지 문을 연다.",
     "열람실은 주말에 더 일찍 문을 닫는다.", "entailment"),
    ("sample-nli_dev_00001", "이 호텔의 조식은 일층 식당에서 오전 일곱 시부터 열 시까지 제공됩니다.",
     "조식은 객실에서만 먹을 수 있다.", "contradiction"),
    ("sample-nli_dev_00002", "시립 미술관은 다음 달부터 지역 청년 작가들의 판화 작품을 모아 특별전을 연다.",
     "특별전에는 해외 작가의 작품도 걸린다.", "neutral"),
    ("sample-nli_dev_00003", "새로 개통한 경전철은 출퇴근 시간에 사 분 간격으로 운행하며 요금은 시내버스와 같다.",
     "경전철 요금은 시내버스보다 비싸다.", "contradiction"),
    ("sample-nli_dev_00004", "마을 주민들은 폐교된 초등학교 건물을 고쳐 작은 도서관과 공동 부엌으로 쓰고 있다.",
     "폐교 건물이 주민 시설로 다시 쓰이고 있다.", "entailment"),
    ("sample-nli_dev_00005", "올해 벚꽃은 평년보다 닷새 일찍 피었고 축제 기간도 그만큼 앞당겨졌다.",
     "벚꽃 축제는 예년과 같은 날 시작했다.", "contradiction"),
]
#: A small evaluation set in KorNLI's format (TSV: sentence1, sentence2, gold_label).
KORNLI_STYLE = [
    ("그 어부는 새벽마다 방파제 끝에서 그물을 손질하며 바다의 색을 살폈다.", "어부는 바다를 한 번도 본 적이 없다.",
     "contradiction"),
    ("회의가 길어지자 팀장은 남은 안건을 다음 주 화요일로 미루자고 제안했다.", "남은 안건은 나중에 다루게 되었다.",
     "entailment"),
    ("할머니는 마당의 감나무에서 딴 감으로 해마다 곶감을 만들어 이웃에게 나눠 주셨다.", "할머니는 곶감을 팔아서 돈을 벌었다.",
     "neutral"),
    ("비가 그친 뒤 아이들은 운동장에 고인 물웅덩이를 피해 가며 공을 찼다.", "아이들은 실내에서 공놀이를 했다.",
     "contradiction"),
]


def eval_sets(c: Composer, t: Truth, rng: random.Random, out: Path) -> None:
    """Evaluation sets for the decontam stage, and a source (web_qa) that copies some of their items:
    verbatim in study notes, with spacing changes, inside a longer page; plus pages on the same topics
    that copy nothing (near misses, kept)."""
    d = out / "eval"
    d.mkdir(parents=True, exist_ok=True)
    klue = [{"guid": g, "source": "kocurate", "premise": p, "hypothesis": h, "gold_label": lab}
            for g, p, h, lab in KLUE_STYLE]
    (d / "klue_nli_style_dev.json").write_text(json.dumps(klue, ensure_ascii=False, indent=4) + "\n",
                                               encoding="utf-8")
    rows = ["sentence1\tsentence2\tgold_label"] + [f"{a}\t{b}\t{lab}" for a, b, lab in KORNLI_STYLE]
    (d / "kornli_style_dev.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    src = "web_qa"
    docs: list[dict[str, str]] = []

    def add(rid: str, text: str) -> None:
        c.register(text)
        docs.append({"id": rid, "text": text})
        t.add("clean", key(src, rid))

    g, p, h, _ = KLUE_STYLE[0]
    add("qa-001", f"자연어 추론 공부 노트입니다. 아래 문장 쌍의 관계를 맞혀 보세요.\n전제: {p}\n가설: {h}\n"
        f"정답은 함의입니다. {c.compose('comment', 2, 3)}")
    t.add("contaminated", {**key(src, "qa-001"), "eval_set": "klue_nli_style", "item": g, "edit": "verbatim"})
    a, b, _ = KORNLI_STYLE[1]
    add("qa-002", f"{spacing_variant(a, rng)} {spacing_variant(b, rng)} 이 두 문장은 어떤 관계일까요? "
        f"{c.compose('comment', 2, 3)}")
    t.add("contaminated", {**key(src, "qa-002"), "eval_set": "kornli_style", "item": "1", "edit": "spacing"})
    g, p, h, _ = KLUE_STYLE[3]
    add("qa-003", f"{c.compose('review_product', 3, 4)}\n{p} {h}\n{c.compose('review_food', 3, 4)}")
    t.add("contaminated", {**key(src, "qa-003"), "eval_set": "klue_nli_style", "item": KLUE_STYLE[3][0],
                           "edit": "embedded"})
    # Near misses: the same topics in other words.
    add("qa-004", "우리 동네 도서관은 평일 저녁 늦게까지 열어서 퇴근하고 들르기 좋아요. 주말엔 좀 일찍 닫는 편이에요. "
        + c.compose("comment", 2, 3))
    add("qa-005", "할머니 댁 감나무에 감이 주렁주렁 열렸어요. 올해도 곶감 만들어서 나눠 먹기로 했습니다. "
        + c.compose("comment", 2, 3))
    for rid in ("qa-004", "qa-005"):
        t.add("decontam_near_miss", key(src, rid))
    # Identifiers in the writings of the PII generator (tests/pii_generator.py) that pii_v1 missed:
    # spaced separators, full-width digits, Korean digit words, long dashes, obfuscated e-mails, a
    # passport and a licence after their labels, a line break inside a number.
    r = rrn(rng)
    card_no = card(rng).replace(" ", "").replace("-", "")
    m = mobile(rng, 0).replace("-", "")
    spelled = " ".join("".join("공일이삼사오육칠팔구"[int(d)] for d in part) for part in (m[:3], m[3:7], m[7:]))
    full = f"{m[:3]}-{m[3:7]}-{m[7:]}".translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    planted = [
        ("qa-006", f"중고거래 후기 남겨요. 판매자분이 주민번호 {r.replace('-', ' - ')} 까지 보내셔서 놀랐어요. "
         f"연락은 {spelled} 로 하라고 하셨고요. {c.compose('comment', 2, 3)}",
         [("KR_RRN", r.replace("-", " - ")), ("KR_PHONE", spelled)]),
        ("qa-007", f"[오후 3:12] 여권번호 M{rng.randint(10**7, 10**8 - 1)} 맞지?\n[오후 3:13] 응 그리고 메일은 "
         f"kim{rng.randint(10, 99)}[at]example.com 이야 {c.compose('comment', 2, 3)}", None),
        ("qa-008", f"{c.compose('review_product', 3, 4)}\n청구서 발행 안내: 담당 {full} / 결제 카드 {card_no[:4]}—{card_no[4:8]}—{card_no[8:12]}—"
         f"{card_no[12:]} / 운전면허번호 {rng.randint(11, 28)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-\n"
         f"{rng.randint(10, 99)}\n{c.compose('review_food', 3, 4)}", None),
    ]
    # Writings of the stop-31 classes (issue 21): a comma between a resident number's groups, a phone
    # number half in digit words, dot-com in one Korean word, an account in a CSV table under its
    # column's header, a name after a person noun and in an HTML form's value. Values from their own
    # generator, so the records above and below keep theirs.
    r31 = random.Random(31)
    rn31 = rrn(r31)
    m31 = mobile(r31, 2)
    words = "".join("공일이삼사오육칠팔구"[int(d)] for d in m31[3:7])
    phone31 = f"{m31[:3]} {words} {m31[7:]}"
    account = f"{r31.randint(100, 999)}-{r31.randint(100000, 999999)}-{r31.randint(10000, 99999)}"
    email31 = f"sell{r31.randint(10, 99)} 골뱅이 example 닷컴"
    planted += [
        ("qa-009", "지난주 동네 중고거래에서 책상을 샀는데 판매자분이 계약서 쓰자고 하시면서 주민번호를 "
         f"{rn31.replace('-', ',')} 이렇게 적어 주셨어요. 연락처는 {phone31} 라고 하셨고 메일은 "
         f"{email31} 으로 보내라고 하시네요. 개인정보를 이렇게 쉽게 "
         "알려 주셔도 되는지 걱정이 됩니다. 책상은 상태가 좋고 서랍도 부드럽게 잘 열려서 만족합니다.",
         [("KR_RRN", rn31.replace("-", ",")), ("KR_PHONE", phone31), ("EMAIL_ADDRESS", email31)]),
        ("qa-010", "동아리 회비 환불 안내드립니다. 지난 모임에 오신 분들께 남은 회비를 돌려드리려고 하니 "
         "아래 표를 확인해 주세요.\n번호,입금 계좌,참석자\n1," + account + ",정민재\n"
         "표에 틀린 내용이 있으면 이번 주 금요일까지 총무에게 알려 주세요. 신청서 양식은 "
         '<label>인수자</label><input name="q" value="강하늘"> 처럼 적어서 내시면 됩니다. 모두 즐거운 한 주 보내세요.',
         [("KR_BANK_ACCOUNT", account), ("PERSON", "정민재"), ("PERSON", "강하늘")]),
    ]
    for rid, text, values in planted:
        docs.append({"id": rid, "text": text})
        c.register(text)
        if values is None:
            values = [(e, v) for e, v in (
                ("KR_PASSPORT", re.search(r"M\d{8}", text)),
                ("EMAIL_ADDRESS", re.search(r"kim\d+\[at\]example\.com", text)),
                ("KR_PHONE", re.search(r"０[０-９－]+", text)),
                ("CREDIT_CARD", re.search(r"\d{4}—\d{4}—\d{4}—\d{4}", text)),
                ("KR_DRIVER_LICENSE", re.search(r"\d\d-\d\d-\d{6}-\n\d\d", text))) if v for v in [v.group()]]
        for typ, val in values:
            t.add("pii", {**key(src, rid), "type": typ, "value": val})
    t.count(src, len(docs))
    (out / "web" / "qa_posts.jsonl").write_text(jsonl(docs), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "sample_data"))
    args = ap.parse_args()
    out = Path(args.out)
    rng = random.Random(SEED)
    c = Composer(rng)
    t = Truth()
    web_reviews(c, t, rng, out)
    web_blog(c, t, rng, out)
    web_comments_truncated(c, t, out)
    web_warc(c, t, rng, out)
    legal(c, t, rng, out)
    manufacturing(c, t, rng, out)
    cultural(c, t, rng, out)
    labelled_domains(out)
    eval_sets(c, t, rng, out)
    # A record that is planted as something else is not "clean".
    planted = {(x["source"], x.get("record_id")) for k in ("near_duplicates", "spam", "non_korean", "pii", "contaminated",
                                                             "boilerplate_heavy", "empty") for x in t.data[k]}
    t.data["clean"] = [x for x in t.data["clean"] if (x["source"], x["record_id"]) not in planted]
    t.data["records_total"] = sum(t.data["records"].values())
    (out / "ground_truth.json").write_text(json.dumps(t.data, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    print(f"wrote {out}: {t.data['records_total']} input records "
          f"({', '.join(f'{k} {v}' for k, v in t.data['records'].items())})")


if __name__ == "__main__":
    main()
