"""A Korean web crawl with site templates and spam hosts, as WET and WARC files, with the truth of every
line and page: the input of the template benchmark (``benchmarks/templates.py``) and the template tests.

Each site gets its own template, composed from parts that real Korean sites have and word each their
own way: a header (name, slogan, the day's date), a login bar, one or two menu bars, a breadcrumb, a
byline with the reporter's e-mail, share prompts, a copyright notice, a related-articles list (titles
of other pages of the site), a "most read" list (a rotating set of the site's titles), comment counters
and a footer with the company's name, address, phone, business and publication registration numbers
and the people responsible. Every wording is drawn per site from pools of alternatives, separators and
orders, and pages of a site are reached under several host names (``www.``, ``m.``, ``news.``) of one
registered domain. News is syndicated: some articles stand on two or three news sites under their
templates. Spam hosts (gambling, adult, loans) have telling names (``toto``, ``casino``) or not.

Article bodies are not the generator's: the caller gives them (paragraphs of real text: disjoint parts of
``../shared/corpora`` in the benchmark, ``sample_data/``'s distinct documents in the tests), and a body
is used by one page (and its syndicated copies) only, so article lines never repeat across pages by the
generator's doing. A title line also stands in other pages' lists: the same line is an article line on
its page and a template line on the others, as on real sites.

WET records hold the page as a crawler's text extraction gives it (every line, templates included);
WARC records hold the HTML with the template in ``header``, ``nav``, ``aside`` and ``footer`` elements
around an ``article``, some pages in EUC-KR.
"""

from __future__ import annotations

import hashlib
import html
import io
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ARTICLE, TEMPLATE, SPAM = "article", "template", "spam"

_SYL = "가나다라마바사아자차카타파하새한빛누리온솔별해달강산들바람미래우리행복열린참푸른금은보석동서남북중앙"
_NAME_SUFFIX = ["일보", "신문", "뉴스", "타임즈", "저널", "투데이", "경제", "포커스", "미디어", "인사이드", "위클리", "프레스"]
_BLOG_SUFFIX = ["의 서재", " 블로그", "의 일상기록", " 노트", "의 작은 방", " 이야기", " 연구소", " 다이어리"]
_ROMAN = ["han", "bit", "saeb", "nuri", "sol", "star", "sun", "moon", "kang", "san", "deul", "mirae", "uri", "haeng",
          "yeol", "cham", "green", "gold", "jung", "seo", "nam", "buk", "dong", "ang", "today", "daily", "hub", "zine"]
_TLDS = [".co.kr", ".com", ".kr", ".net", ".or.kr", ".news", ".media"]
_SEPS = [" | ", " · ", "  ", " / ", " ㅣ ", " • ", "\t"]
_SECTIONS = ["정치", "경제", "사회", "국제", "문화", "스포츠", "연예", "오피니언", "지역", "IT/과학", "라이프", "포토", "영상",
             "전국", "생활", "교육", "건강", "여행", "부동산", "산업", "금융", "환경", "기획", "인물"]
_ACCOUNT = ["로그인", "회원가입", "마이페이지", "고객센터", "구독신청", "기사제보", "PDF 지면보기", "뉴스레터", "모바일웹", "전체메뉴",
            "검색", "English", "日本語", "中文", "광고문의", "제휴문의", "독자센터", "알림"]
_SLOGANS = ["세상을 보는 창", "정직한 언론, 따뜻한 시선", "지역과 함께하는 신문", "내일을 여는 뉴스", "독자와 함께 30년",
            "사실만을 전합니다", "깊이 있는 경제 뉴스", "생활 속 정보 한가득", "당신의 하루를 바꾸는 이야기", "빠르고 정확한 소식"]
_WEEKDAYS = "월화수목금토일"
_SHARE = ["이 기사를 공유합니다", "카카오톡 페이스북 트위터 URL복사", "기사 스크랩 인쇄 글자크기", "공유하기", "SNS 기사보내기",
          "페이스북(으)로 기사보내기 트위터(으)로 기사보내기 카카오톡(으)로 기사보내기", "기사저장 인쇄하기 본문 글씨 키우기",
          "좋아요 0 화나요 0 슬퍼요 0", "추천해요 0 좋아요 0 감동이에요 0 화나요 0 슬퍼요 0", "바로가기 복사하기 본문 글씨 줄이기"]
_RELATED = ["관련기사", "함께 보면 좋은 기사", "이 시각 주요뉴스", "연관 기사", "추천 기사", "같은 분야 기사", "더보기"]
_POPULAR = ["많이 본 뉴스", "인기 기사", "실시간 랭킹", "가장 많이 읽은 기사", "주간 인기", "HOT 클릭", "오늘의 베스트"]
_COMMENTS = ["댓글 {n}", "댓글 {n}개", "댓글쓰기", "로그인 후 댓글을 남길 수 있습니다.", "댓글을 입력하세요 (0/400)",
             "최신순 추천순 답글순", "댓글 정렬 최신순", "이 기사에 대한 댓글 {n}건", "등록 취소"]
_ROLES = ["발행인", "편집인", "발행·편집인", "청소년보호책임자", "개인정보관리책임자", "대표이사", "편집국장"]
_FAMILY = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민"
_GIVEN = ["민준", "서연", "도윤", "지우", "하준", "서윤", "예준", "지민", "주원", "수빈", "현우", "은서", "성민", "영희", "재훈",
          "미경", "동현", "혜진", "상철", "정숙"]
_ROADS = ["세종대로", "테헤란로", "중앙로", "문화로", "시청로", "대학로", "해안로", "중앙공원로", "번영로", "경춘로"]
_CITIES = ["서울특별시 중구", "서울특별시 마포구", "부산광역시 해운대구", "대구광역시 수성구", "광주광역시 서구",
           "대전광역시 유성구", "경기도 수원시 영통구", "강원특별자치도 춘천시", "충청북도 청주시 상당구", "제주특별자치도 제주시"]
_BLOG_BAR = ["이웃추가", "본문 바로가기", "블로그 홈", "카테고리 전체보기 ({n})", "최근 글", "인기 글", "태그 클라우드", "방명록",
             "공감 {n}", "구독하기", "맨 위로", "프로필", "글쓰기", "관리"]
_FORUM_BAR = ["자유게시판", "글쓰기", "목록", "추천", "신고", "조회 {n}", "추천 {n}", "이전글", "다음글", "베스트", "공지사항",
              "질문답변", "정보게시판", "회원정보", "쪽지"]
# Spam: what gambling, adult and loan pages say.
_SPAM_LINES = {
    "gambling": ["토토사이트 추천 먹튀검증 완료 안전놀이터 가입코드 {c}", "첫충 {p}% 매충 {q}% 무제한 당일 환전 보장",
                 "메이저 사이트 카지노 바카라 슬롯 실시간 스포츠 배팅", "카톡 {c} 텔레그램 @{c} 24시간 상담",
                 "신규 가입 즉시 3만 포인트 지급 먹튀 시 100% 보상", "파워볼 사다리 전용 분석 픽 무료 제공 적중률 {p}%",
                 "안전한 해외 배팅 사이트 순위 TOP {q} 정리", "스포츠토토 배당 분석 오늘의 경기 픽 공유합니다"],
    "adult": ["성인 인증 없이 무료 영상 무제한 시청", "19금 실시간 채팅 지금 바로 접속 {c}", "오피 출장 안마 후기 지역별 정리",
              "최신 야동 고화질 다운로드 링크 모음", "만남 어플 즉석 만남 100% 실제 회원", "조건 만남 가능한 사이트 추천 {c}",
              "성인 웹툰 무료 보기 미리보기 제공", "밤 문화 업소 정보 할인 쿠폰 {p}%"],
    "loan": ["무직자 대출 당일 승인 신용불량자 가능 {p}분 입금", "개인돈 급전 대출 비대면 즉시 상담 {c}",
             "소액 대출 50만원 100만원 무방문 승인 보장", "연체자 대출 저신용자 대출 가능한 곳 총정리",
             "대출 한도 조회 후 {q}분 만에 입금 완료 후기", "정부지원 서민대출 자격 조건 없이 누구나 신청",
             "주부 대출 학생 대출 무서류 즉시 승인 {c}", "카드깡 휴대폰 소액결제 현금화 최저 수수료 {p}%"],
}
_SPAM_TELLING = {"gambling": ["toto", "casino", "bet", "baccarat", "slot", "mukti"],
                 "adult": ["yadong", "19x", "adult", "av", "night", "opi"],
                 "loan": ["daechul", "loan", "cash", "money", "geupjeon", "sos"]}
_SPAM_PLAIN = ["jeju-info", "dailylife", "smart-tip", "healthnote", "carstory", "cookmap", "travelday", "petlove",
               "homedeco", "fashionwave"]


@dataclass
class Page:
    url: str
    site: str  # the registered domain
    kind: str  # "article" or "spam"
    lines: list[tuple[str, str]]  # (line, label): article, template or spam
    charset: str = "utf-8"
    body_id: str = ""  # the body's id (syndicated copies share it)
    spam: str = ""  # a spam page's category and whether its host name tells it (gambling:telling)

    @property
    def text(self) -> str:
        return "\n".join(t for t, _ in self.lines)


@dataclass
class Crawl:
    pages: list[Page] = field(default_factory=list)

    def truth(self) -> dict[str, object]:
        return {"pages": [{"url": p.url, "site": p.site, "kind": p.kind, "body": p.body_id, "spam": p.spam,
                           "lines": [[t, label] for t, label in p.lines]} for p in self.pages]}


def _name(rng: random.Random, k: int = 2) -> str:
    return "".join(rng.choice(_SYL) for _ in range(k))


def _person(rng: random.Random) -> str:
    return rng.choice(_FAMILY) + rng.choice(_GIVEN)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


@dataclass
class _Site:
    """One site's template: every wording chosen once, so it repeats on the site's pages."""

    domain: str
    name: str
    kind: str  # news, blog, forum
    hosts: list[str]
    parts: list[str]  # the template's parts in page order (before/after the article)
    header: list[str]
    menus: list[str]
    sections: list[str]
    crumb: str
    reporters: list[tuple[str, str]]
    byline: str
    share: list[str]
    related: str
    popular: str
    comments: list[str]
    footer: list[str]
    copyright: str
    bar: list[str]
    account: str
    titles: list[str] = field(default_factory=list)
    popular_pool: list[str] = field(default_factory=list)


def _site(rng: random.Random, kind: str, taken: set[str]) -> _Site:
    while True:
        roman = rng.choice(_ROMAN) + rng.choice(_ROMAN) + (str(rng.randint(1, 99)) if rng.random() < 0.2 else "")
        domain = roman + rng.choice(_TLDS)
        if domain not in taken:
            taken.add(domain)
            break
    suffix = rng.choice(_NAME_SUFFIX if kind == "news" else _BLOG_SUFFIX if kind == "blog" else ["커뮤니티", "포럼", "광장"])
    name = _name(rng, rng.choice((2, 2, 3))) + suffix
    sep = rng.choice(_SEPS)
    sections = rng.sample(_SECTIONS, rng.randint(6, 12))
    menus = [sep.join(sections)] + ([sep.join(rng.sample(_SECTIONS, rng.randint(4, 8)))] if rng.random() < 0.4 else [])
    account = sep.join(rng.sample(_ACCOUNT, rng.randint(3, 6)))
    header = [name] + ([f"{name} - {rng.choice(_SLOGANS)}"] if rng.random() < 0.5 else [])
    if rng.random() < 0.6:
        header.append(rng.choice(["{y}년 {m}월 {d}일 {w}요일", "{y}.{m:02d}.{d:02d} ({w})", "오늘 {y}-{m:02d}-{d:02d}"]))
    crumb = rng.choice(["홈 > {s}", "HOME > {s} > {s2}", "홈 › {s}", "Home / {s}", "{name} > {s}", "현재 위치: 홈 > {s}"])
    byline = rng.choice(["{r} 기자", "{r} 기자 {e}", "입력 {y}.{m:02d}.{d:02d} {hh}:{mm} | 수정 {y}.{m:02d}.{d:02d} {hh}:{mm}",
                         "{r} 기자 | 승인 {y}.{m:02d}.{d:02d} {hh}:{mm}", "기자명 {r} 기자 입력 {y}.{m:02d}.{d:02d} {hh}:{mm}",
                         "[{name}={r} 기자]", "등록 {y}-{m:02d}-{d:02d} {hh}:{mm}:{ss}", "글 {r} / 사진 {name} DB"])
    reporters = [(_person(rng), f"{rng.choice(_ROMAN)}{rng.randint(1, 9)}@{domain}") for _ in range(rng.randint(2, 6))]
    company = f"(주){name}" if rng.random() < 0.6 else f"{name}미디어(주)"
    addr = f"{rng.choice(_CITIES)} {rng.choice(_ROADS)} {rng.randint(1, 300)}, {rng.randint(2, 15)}층"
    phone = rng.choice(["02", "031", "051", "062", "1588"]) + rng.choice(["-", ")", ".", " "]) + _digits(rng, 4) + "-" + \
        _digits(rng, 4)
    facts = [f"{company}", f"주소: {addr}", f"대표전화 {phone}", f"팩스 {phone[:-4]}{_digits(rng, 4)}",
             f"사업자등록번호 {_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 5)}",
             f"등록번호 서울 아{_digits(rng, 5)}", f"등록일 {rng.randint(2005, 2022)}.{rng.randint(1, 12):02d}.{rng.randint(1, 28):02d}",
             f"통신판매업신고 제{rng.randint(2010, 2023)}-서울마포-{_digits(rng, 4)}호"]
    facts += [f"{role} {_person(rng)}" for role in rng.sample(_ROLES, rng.randint(1, 3))]
    rng.shuffle(facts)
    per_line = rng.randint(1, 4)
    footer = [sep.join(facts[j:j + per_line]) for j in range(0, len(facts), per_line)]
    copyright = rng.choice([f"Copyright © {name}. All rights reserved.", f"<저작권자 © {name}, 무단 전재 및 재배포 금지>",
                            f"ⓒ {name} 무단전재-재배포, AI 학습 및 활용 금지", f"Copyright ⓒ {roman}.com All Rights Reserved.",
                            f"{name}의 모든 콘텐츠(영상, 기사, 사진)는 저작권법의 보호를 받은바, 무단 전재와 복사, 배포 등을 금합니다.",
                            f"본 콘텐츠의 저작권은 {company}에 있습니다."])
    bar = [b for b in rng.sample(_BLOG_BAR if kind == "blog" else _FORUM_BAR, rng.randint(3, 6))]
    parts = ["header", "account", "menus", "crumb"]
    if kind != "news":
        parts.insert(3, "bar")
    rng.shuffle(parts)
    after = ["share", "related", "popular", "comments", "footer"]
    rng.shuffle(after)
    after.remove("footer")
    after.append("footer")
    hosts = [f"www.{domain}"] + ([f"m.{domain}"] if rng.random() < 0.5 else []) + (
        [f"news.{domain}"] if kind == "news" and rng.random() < 0.4 else [])
    return _Site(domain, name, kind, hosts, [*parts, "article", *after], header, menus, sections, crumb, reporters,
                 byline, rng.sample(_SHARE, rng.randint(1, 3)), rng.choice(_RELATED), rng.choice(_POPULAR),
                 rng.sample(_COMMENTS, rng.randint(1, 3)), footer, copyright, bar, account)


def _title(body: list[str], given: str | None) -> str:
    if given:
        return given.strip()[:80]
    first = re.split(r"(?<=[.!?다])\s", body[0].strip(), maxsplit=1)[0]
    return first[:60].rstrip()


def _fmt(s: str, rng: random.Random, site: _Site, day: tuple[int, int, int], reporter: tuple[str, str]) -> str:
    y, m, d = day
    return s.format(y=y, m=m, d=d, w=_WEEKDAYS[(y * 372 + m * 31 + d) % 7], hh=rng.randint(0, 23), mm=rng.randint(0, 59),
                    ss=rng.randint(0, 59), r=reporter[0], e=reporter[1], name=site.name, n=rng.randint(0, 300),
                    s=rng.choice(site.sections), s2=rng.choice(site.sections))


def _page_lines(rng: random.Random, site: _Site, title: str, body: list[str]) -> list[tuple[str, str]]:
    day = (2025, rng.randint(1, 12), rng.randint(1, 28))
    reporter = rng.choice(site.reporters)
    out: list[tuple[str, str]] = []

    def t(line: str, raw: bool = False) -> None:
        out.append((line if raw else _fmt(line, rng, site, day, reporter), TEMPLATE))

    for part in site.parts:
        if part == "header":
            for h in site.header:
                t(h)
        elif part == "account":
            t(site.account)
        elif part == "menus":
            for m_ in site.menus:
                t(m_)
        elif part == "crumb":
            t(site.crumb)
        elif part == "bar":
            for b in site.bar:
                t(b)
        elif part == "article":
            out.append((title, ARTICLE))
            if site.kind == "news":
                t(site.byline)
            out.extend((line, ARTICLE) for line in body)
            if site.kind == "news" and rng.random() < 0.7:
                t(f"{reporter[0]} 기자 {reporter[1]}")
            t(site.copyright, raw=True)
        elif part == "share":
            for s in site.share:
                t(s)
        elif part == "related" and site.titles:
            t(site.related)
            for other in rng.sample(site.titles, min(len(site.titles), rng.randint(2, 5))):
                t(other, raw=True)
        elif part == "popular" and site.popular_pool:
            t(site.popular)
            pool = site.popular_pool
            for rank, other in enumerate(rng.sample(pool, min(len(pool), rng.randint(4, 8))), start=1):
                t(f"{rank} {other}" if rng.random() < 0.5 else other, raw=True)
        elif part == "comments":
            for c in site.comments:
                t(c)
        elif part == "footer":
            for f in site.footer:
                t(f, raw=True)
    return out


def _paragraphs(text: str, max_lines: int = 30) -> list[str]:
    lines = [re.sub(r"\s+", " ", p).strip() for p in text.split("\n")]
    return [p for p in lines if p][:max_lines]


#: Which bodies a site of each kind carries, in order of preference (the groups of ``generate``'s bodies).
_GROUPS = {"news": ("news", "reports", "blog", "technical"), "blog": ("blog", "technical", "reports", "news"),
           "forum": ("technical", "blog", "news", "reports")}


def generate(bodies: Sequence[tuple[str, str | None, str, str]], seed: int = 1, n_sites: int = 32, n_spam: int = 14,
             pages: tuple[int, int] = (10, 80), spam_pages: tuple[int, int] = (5, 25),
             syndicated: float = 0.08) -> Crawl:
    """The crawl: ``n_sites`` sites (half news, the rest blogs and forums) with ``pages`` pages each, and
    ``n_spam`` spam hosts. ``bodies`` are (id, title or None, text, group) of real documents, each used on
    one page (and its syndicated copies); a site takes its bodies from the groups its kind prefers
    (news: ``news``, then ``reports``; blogs: ``blog``, then ``technical``; forums: ``technical``)."""
    rng = random.Random(seed)
    taken: set[str] = set()
    kinds = ["news"] * (n_sites - n_sites // 2) + ["blog", "forum"] * (n_sites // 4) + ["blog"] * (n_sites // 2 % 2)
    sites = [_site(rng, k, taken) for k in kinds[:n_sites]]
    queues: dict[str, list[tuple[str, str, list[str]]]] = {}
    for bid, given, text, group in bodies:
        body = _paragraphs(text)
        if len(body) >= 2:
            queues.setdefault(group, []).append((bid, _title(body, given), body))
    for q in queues.values():
        rng.shuffle(q)
    crawl = Crawl()
    assigned: list[tuple[_Site, list[tuple[str, str, list[str]]]]] = []
    for s in sites:
        mine = []
        for _ in range(rng.randint(*pages)):
            group = next((g for g in _GROUPS[s.kind] if queues.get(g)), None)
            if group is None:
                break
            mine.append(queues[group].pop())
        # Titles first: the related and popular lists of a page name the site's other pages.
        s.titles = [t for _, t, _ in mine]
        s.popular_pool = rng.sample(s.titles, min(len(s.titles), rng.randint(6, 12)))
        assigned.append((s, mine))
    news = [s for s in sites if s.kind == "news"]
    for s, mine in assigned:
        for j, (bid, title, body) in enumerate(mine):
            crawl.pages.append(_page(rng, s, j, bid, title, body))
            if s.kind == "news" and rng.random() < syndicated and len(news) > 1:
                for other in rng.sample([x for x in news if x is not s], min(len(news) - 1, rng.randint(1, 2))):
                    crawl.pages.append(_page(rng, other, 10_000 + j, bid, title, body))
    for i in range(n_spam):
        crawl.pages.extend(_spam_site(rng, i, taken, rng.randint(*spam_pages)))
    rng.shuffle(crawl.pages)
    return crawl


def _page(rng: random.Random, s: _Site, j: int, bid: str, title: str, body: list[str]) -> Page:
    host = rng.choice(s.hosts)
    path = rng.choice([f"/news/articleView.html?idxno={100000 + j}", f"/article/{2025}{j:06d}",
                       f"/{rng.choice(s.sections)}/{j}", f"/board/view?no={j}&page=1"])
    return Page(f"https://{host}{path}", s.domain, ARTICLE, _page_lines(rng, s, title, body),
                "cp949" if s.domain.endswith(".co.kr") and rng.random() < 0.5 else "utf-8", bid)


def _spam_site(rng: random.Random, i: int, taken: set[str], n: int) -> list[Page]:
    category = rng.choice(list(_SPAM_LINES))
    telling = i % 2 == 0
    while True:
        stem = (rng.choice(_SPAM_TELLING[category]) + rng.choice(["", "-", "365", "king", "best", "zone"]) +
                rng.choice(_ROMAN[:6])) if telling else rng.choice(_SPAM_PLAIN) + rng.choice(["", "-kr", "24", "plus"])
        domain = stem + rng.choice([".com", ".net", ".xyz", ".top", ".kr", ".co"])
        if domain not in taken:
            taken.add(domain)
            break
    brand = _name(rng) + rng.choice(["벳", "카지노", "나이트", "머니", "캐피탈", "정보", "라이프"])
    chrome = [brand, rng.choice(_SEPS).join(rng.sample(["홈", "이벤트", "공지", "고객센터", "가입하기", "후기", "문의"], 4)),
              f"문의 카톡 {brand}{rng.randint(1, 99)}"]
    out = []
    for j in range(n):
        lines = [(c, SPAM) for c in chrome]
        for _ in range(rng.randint(4, 12)):
            line = rng.choice(_SPAM_LINES[category]).format(c=f"{rng.choice(_ROMAN)}{rng.randint(10, 999)}",
                                                            p=rng.randint(5, 50), q=rng.randint(3, 30))
            lines.append((line, SPAM))
        out.append(Page(f"http://{rng.choice(['', 'www.', 'm.'])}{domain}/{rng.choice(['bbs', 'event', 'post'])}/{j}",
                        domain, SPAM, lines, spam=f"{category}:{'telling' if telling else 'plain'}"))
    return out


# ----------------------------------------------------------------------------- writers

#: Every record's capture date. warcio would stamp the time of writing and a random record id, so a crawl
#: written twice would differ in its bytes, its gzip members' lengths and so its records' offsets: the
#: documents' ids (source, file and offset) and with them fuzzy dedup's star centres, which is how two
#: 1 GB benchmark runs of the same code once kept different numbers of documents.
CAPTURE_DATE = "2026-10-01T09:00:00Z"


def _warc_headers(uri: str, kind: str, index: int) -> dict[str, str]:
    """The record's id (from its type, position in the file and URI) and the fixed capture date."""
    h = hashlib.sha1(f"{kind}:{index}:{uri}".encode()).hexdigest()
    return {"WARC-Record-ID": f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}>",
            "WARC-Date": CAPTURE_DATE}


def write_wet(crawl: Crawl, path: Path) -> None:
    """The crawl as a WET file: one ``conversion`` record of plain text per page (UTF-8), gzip members."""
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "kocurate benchmarks.web_crawl"})
        for key, value in _warc_headers(path.name, "warcinfo", -1).items():
            info.rec_headers.replace_header(key, value)
        writer.write_record(info)
        for i, p in enumerate(crawl.pages):
            writer.write_record(writer.create_warc_record(p.url, "conversion", payload=io.BytesIO(p.text.encode()),
                                                          warc_content_type="text/plain",
                                                          warc_headers_dict=_warc_headers(p.url, "conversion", i)))


def write_wet_shards(pages: Sequence[Page], out: Path, shard_bytes: int) -> None:
    """Pages as WET files of about ``shard_bytes`` of page text each (``part-0000.wet.gz``, ...)."""
    shard: list[Page] = []
    size, n = 0, 0
    for p in pages:
        shard.append(p)
        size += len(p.text.encode())
        if size >= shard_bytes:
            write_wet(Crawl(shard), out / f"part-{n:04d}.wet.gz")
            shard, size, n = [], 0, n + 1
    if shard:
        write_wet(Crawl(shard), out / f"part-{n:04d}.wet.gz")


def page_html(p: Page) -> str:
    """The page as its site serves it: the template in header, nav, aside and footer elements."""
    before: list[str] = []
    article: list[str] = []
    after: list[str] = []
    seen_article = False
    for line, label in p.lines:
        esc = html.escape(line)
        if label == ARTICLE:
            article.append(f"<h1>{esc}</h1>" if not seen_article else f"<p>{esc}</p>")
            seen_article = True
        elif not seen_article:
            before.append(f"<li><a href=\"#\">{esc}</a></li>")
        else:
            after.append(f"<div class=\"box\"><span>{esc}</span></div>")
    if p.kind == SPAM:  # no article: the ad text is the page
        return ("<html><head><meta charset=\"utf-8\"><title>" + html.escape(p.lines[0][0]) + "</title></head><body>"
                + "".join(f"<p>{html.escape(t)}</p>" for t, _ in p.lines) + "</body></html>")
    charset = "euc-kr" if p.charset == "cp949" else "utf-8"
    return (f"<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"{charset}\"><title>"
            f"{html.escape(p.lines[0][0])}</title></head><body><header><nav><ul>{''.join(before)}</ul></nav></header>"
            f"<main><article>{''.join(article)}</article><aside>{''.join(after[:-2])}</aside></main>"
            f"<footer>{''.join(after[-2:])}</footer></body></html>")


def write_warc(crawl: Crawl, path: Path) -> None:
    """The crawl as a WARC file of HTML responses (EUC-KR where the page's charset says so)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, p in enumerate(crawl.pages):
            ctype = "text/html; charset=euc-kr" if p.charset == "cp949" else "text/html; charset=utf-8"
            body = page_html(p).encode(p.charset, errors="xmlcharrefreplace")
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(p.url, "response", payload=io.BytesIO(body),
                                                          http_headers=http,
                                                          warc_headers_dict=_warc_headers(p.url, "response", i)))
