"""Every reason code of the quality stage's blocks on Korean fixtures, and the edge set that must not raise.

Pure functions: no Spark. The chain is built once per module (datatrove's filters load there).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filters.blocks.base import Doc
from filters.blocks.chain import Chain, Outcome
from filters.boilerplate import strip_boilerplate
from filters.datatrove_ko import STEPS as DATATROVE_STEPS
from filters.datatrove_ko import EojeolStopWords
from filters.lexicon import _alternation, load_lexicon, word_list
from filters.quality import DEFAULT_CHAIN, quality_chain

PROSE = ("지난 주말에 가족과 함께 경주에 다녀왔습니다. 불국사와 석굴암을 둘러보고 저녁에는 황리단길에서 "
         "식사를 했어요. 날씨가 맑아서 사진도 많이 찍었고, 아이들도 역사 이야기를 재미있게 들었습니다. "
         "다음에는 조금 더 여유 있게 일정을 잡고 박물관도 가 보려고 합니다.")


@pytest.fixture(scope="module")
def chain() -> Chain:
    return quality_chain()


@pytest.fixture(scope="module")
def dt() -> Chain:
    return quality_chain(chain=DATATROVE_STEPS)


def evaluate(chain: Chain, text: str) -> tuple[Outcome, Doc]:
    doc = Doc({"text": text, "doc_id": "d"})
    return chain.run([doc])[0], doc


def reason(chain: Chain, text: str) -> str | None:
    return evaluate(chain, text)[0].reason


def test_clean_korean_prose_is_kept_with_every_score(chain: Chain) -> None:
    o, _ = evaluate(chain, PROSE)
    assert (o.decision, o.reason, o.details["language"]) == ("keep", None, "ko")
    # One score per rule, named <block>.<statistic>; every block of the chain has at least one.
    assert {k.split(".")[0] for k in o.scores} == set(DEFAULT_CHAIN)
    assert o.scores["language_v1.hangul_share"] == 1.0
    assert {"mojibake_v1.replacement_ratio", "mojibake_v1.latin1_ratio", "mojibake_v1.rare_syllable_ratio",
            "spam_ko_v1.density", "spam_ko_v1.hits"} <= set(o.scores)


def test_the_score_of_a_drop_is_the_statistic_its_rule_tested(chain: Chain) -> None:
    broken = "가족과 함께 다녀온 여행 이야기를 적었습니다 \ufffd\ufffd\ufffd 사진은 \ufffd\ufffd 나중에 올릴게요"
    o, _ = evaluate(chain, broken)
    assert o.reason == "mojibake_v1.replacement_chars" and o.score == o.scores["mojibake_v1.replacement_ratio"]
    o, _ = evaluate(chain, "좋아요 ㅎㅎ")
    assert o.reason == "length_v1.too_short" and o.score == o.scores["length_v1.chars"] == 5


@pytest.mark.parametrize(("text", "expected"), [
    ("좋아요 ㅎㅎ", "length_v1.too_short"),
    ("The hydraulic press must be locked out before the die is changed. Release the residual pressure, "
     "attach a tag and never reach into the die area while the ram moves.", "language_v1.not_allowed"),
    ("駅の近くにできた新しいラーメン屋に行ってきました。スープは濃厚なのに塩辛くなくて美味しかったです。",
     "language_v1.not_allowed"),
    ("😀😀😀 👍👍👍 🎉🎉🎉 😀😀😀 👍👍👍 🎉🎉🎉 😀😀😀", "language_v1.no_letters"),
    ("ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ 진짜 웃기다 ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ ㅠㅠㅠㅠㅠㅠ", "jamo_emoticon_v1.too_many"),
    ("결과 ★★★★★ ♣♣♣ ◆◆◆◆ ▶▶▶ ■■■■ ※※※ 추천 ◎◎◎◎ ☆☆☆☆ 좋은 상품입니다", "symbol_ratio_v1.too_many"),
    ("주문번호 2024010100123 2024010100124 2024010100125 2024010100126 처리 완료되었습니다", "digit_ratio_v1.too_many"),
    ("★출장마사지★ 24시간 예약 후불제 지금 바로 연락주세요 카톡 문의 환영 출장마사지 출장안마 전지역 가능합니다",
     "spam_ko_v1.spam_terms"),
    ("먹튀검증 완료된 안전놀이터 추천! 토토사이트 가입 즉시 첫충 지급 먹튀검증 커뮤니티 공식 제휴 가입코드 입력",
     "spam_ko_v1.spam_terms"),
    ("야동 무료 사이트 모음 야동 추천 고화질 음란물 바로 보기 최신 업데이트 되었습니다 지금 확인하세요",
     "toxic_ko_v1.adult_or_hate"),
    ("이번 글은 한남충 김치녀 같은 말로 서로를 헐뜯는 댓글만 모았는데 틀딱 급식충 소리까지 나왔다",
     "toxic_ko_v1.adult_or_hate"),
    ("가족과 함께 다녀온 여행 이야기를 적었습니다 \ufffd\ufffd\ufffd 사진은 \ufffd\ufffd 나중에 올릴게요 \ufffd",
     "mojibake_v1.replacement_chars"),
    ("지난 주말에 가족과 함께 경주에 다녀왔습니다".encode("cp949").decode("latin-1"), "mojibake_v1.latin1_mojibake"),
    ("안녕하세요 반갑습니다 오늘은 날씨가 정말 좋아서 공원에 산책을 다녀왔습니다 저녁에는 친구를 만났어요"
     .encode().decode("cp949", errors="ignore"), "mojibake_v1.cp949_mojibake"),
    ("로그인 | 회원가입 | 마이페이지 | 고객센터\n홈 > 뉴스 > 사회\n좋은 정보 감사합니다.\n무단전재 및 재배포 금지\n"
     "저작권자 © 코큐레이트일보 무단전재 및 재배포 금지\n개인정보처리방침 | 이용약관 | 청소년보호정책",
     "boilerplate_v1.mostly_boilerplate"),
])
def test_reason_codes_of_the_korean_filters(chain: Chain, text: str, expected: str) -> None:
    assert reason(chain, text) == expected


def test_too_long() -> None:
    assert reason(quality_chain({"max_chars": 100}), PROSE * 3) == "length_v1.too_long"
    assert reason(quality_chain(own={"length_v1": {"max_chars": 100}}), PROSE * 3) == "length_v1.too_long"


def test_a_mention_of_a_spam_term_in_a_news_report_is_not_spam(chain: Chain) -> None:
    news = (PROSE + " 경찰은 불법 토토사이트 운영 조직을 적발했다고 밝혔다. 조직은 해외에 서버를 두고 "
            "회원을 모집했으며, 경찰은 관련 계좌를 동결하고 추가 가담자를 쫓고 있다.")
    assert reason(chain, news) is None
    assert evaluate(chain, news)[0].scores["spam_ko_v1.density"] > 0


def test_korean_with_english_hanja_and_code_is_korean(chain: Chain) -> None:
    mixed = ("Python에서 list comprehension을 쓰면 반복문이 짧아집니다. 아래 예제는 짝수만 골라 제곱합니다.\n"
             "```python\nsquares = [x * x for x in range(100) if x % 2 == 0]\nprint(sum(squares))\n```\n"
             "大韓民國의 憲法은 國民主權을 宣言한다. 이 문장처럼 한자가 섞인 글도 한국어로 판단해야 합니다.")
    o, _ = evaluate(chain, mixed)
    assert o.details["language"] == "ko" and o.decision == "keep", o


def test_a_manifest_may_keep_english() -> None:
    both = quality_chain({"languages": ["ko", "en"]})
    text = ("Before servicing the hydraulic press, disconnect the main power supply and release the residual "
            "pressure. Attach a lockout tag and never reach into the die area while the ram is moving.")
    o, _ = evaluate(both, text)
    assert o.details["language"] == "en" and o.reason is None


def test_boilerplate_lines_are_removed_as_a_modification(chain: Chain) -> None:
    page = "홈 > 뉴스 > 문화\n" + PROSE + "\n김민수 기자 minsu@example.com\n무단전재 및 재배포 금지"
    o, doc = evaluate(chain, page)
    assert (o.decision, o.reason, o.details["boilerplate_lines"]) == ("modify", "boilerplate_v1.removed_lines", 3)
    assert doc.text == PROSE
    # A sentence that only mentions 저작권 or 로그인 is not boilerplate.
    prose = "저작권자의 허락 없이 복제하면 처벌받을 수 있다는 사실을 모르는 사람이 많다. 로그인 기록도 증거가 된다."
    assert strip_boilerplate(prose).removed_lines == 0


def verdicts(dt: Chain, text: str) -> dict[str, str | None]:
    o, _ = evaluate(dt, text)
    return {name: None if j.condition is None else f"{name}.{j.condition}" for name, j in o.judgements}


def test_datatrove_reason_codes(dt: Chain) -> None:
    def verdicts_(text: str) -> dict[str, str | None]:
        return verdicts(dt, text)

    keyword_list = "강남맛집 강남역맛집 강남고기집 강남회식장소 강남데이트 강남술집 강남카페 강남역카페 강남분위기"
    assert verdicts_(keyword_list)["gopher_quality_ko_v1"] == "gopher_quality_ko_v1.too_few_stop_words"
    glued = "대한민국의헌법은국민주권을선언하고모든권력은국민으로부터나온다고규정하고있다 " * 3
    assert verdicts_(glued)["gopher_quality_ko_v1"] == "gopher_quality_ko_v1.long_words"
    ellipsis = "\n".join(["그래서 결국 어떻게 됐냐면..."] * 3 + ["다음에 계속 이야기할게요..."] * 3 + ["끝이 없네요."])
    assert verdicts_(ellipsis)["gopher_quality_ko_v1"] == "gopher_quality_ko_v1.too_many_end_ellipsis"
    repeated = "\n".join(["오늘의 특가 상품을 확인하세요."] * 6 + [PROSE])
    assert verdicts_(repeated)["gopher_repetition_ko_v1"] == "gopher_repetition_ko_v1.dup_lines"
    assert verdicts_(PROSE + " lorem ipsum dolor sit amet")["c4_ko_v1"] == "c4_ko_v1.lorem_ipsum"
    assert verdicts_("이 사이트는 javascript 가 필요합니다")["c4_ko_v1"] == "c4_ko_v1.too_few_sentences"
    menu = "\n".join(["공지사항입니다.", "자주 묻는 질문", "회사 소개", "찾아오시는 길", "채용 안내", "고객 지원",
                      "제품 목록", "서비스 안내", "이벤트", "뉴스룸", "투자 정보", "연락처"])
    got = verdicts_(menu)["fineweb_ko_v1"]
    assert got in {"fineweb_ko_v1.line_punct_ratio", "fineweb_ko_v1.short_line_ratio"}
    assert all(r is None for r in verdicts_(PROSE).values())


def test_top_ngram_rule_waits_for_fifty_eojeol(dt: Chain) -> None:
    # 13 eojeol: any 3-gram is over 18% of the text, which Gopher's rule would call repetition.
    short = "오늘은 날씨가 좋아서 공원에 산책을 다녀왔습니다. 그리고 저녁에는 친구를 만났는데 정말 즐거웠어요."
    assert verdicts(dt, short)["gopher_repetition_ko_v1"] is None
    spammy = " ".join(["최저가 특가 할인"] * 25)
    assert verdicts(dt, spammy)["gopher_repetition_ko_v1"] is not None


def test_eojeol_stop_words_count_particles_and_endings() -> None:
    stop = EojeolStopWords(word_list("stopwords_ko_eojeol_v1"))
    assert stop.intersection({"학교에서", "친구를", "만났다."}) == {"-에서", "-를", "-다"}
    assert stop.intersection({"및", "강남맛집"}) == {"및"}
    assert stop.intersection({"가", "은"}) == set()  # a lone particle-like syllable is not an ending


def test_lexicons_are_versioned_and_unknown_names_fail() -> None:
    assert "출장마사지" in load_lexicon("spam_ko_v1").substrings
    with pytest.raises(ValueError, match=r"valid: .*spam_ko_v1"):
        load_lexicon("spam_ko_v9")


@pytest.mark.parametrize("name", ["spam_ko_v1", "toxic_ko_v1"])
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_lexicon_hits_are_the_plain_patterns_matches(name: str, data: st.DataObject) -> None:
    """``Lexicon.hits`` searches the whole-word alternation as ``filters.regex_scan`` makes it fastest (it
    starts with a lookbehind, which ``re`` would try at every character): the same count as the pattern
    searched as written, on texts made of the list's own terms, letters, digits, particles and marks."""
    lex = load_lexicon(name)
    piece = st.one_of(st.sampled_from(sorted(lex.whole_words)), st.sampled_from(lex.substrings),
                      st.sampled_from(["a", "Z", "7", "_", "가", "를", "은", "ㅋ", "é"]),
                      st.sampled_from([" ", "  ", "\n", ".", ",", "!", "'", "-", "(", ")", "\u3000", "·"]))
    text = "".join(data.draw(st.lists(piece, max_size=30)))
    plain = len(_alternation(lex.substrings).findall(text.replace(" ", ""))) + (
        len(_alternation(tuple(sorted(lex.whole_words)), whole=True).findall(text)) if lex.whole_words else 0)
    assert lex.hits(text) == plain


BOILERPLATE_PIECES = ["로그인", "회원가입", "이용약관", "개인정보처리방침", "무단", "전재", "배포", "금지",
                      "금합니다", "all", "rights", "reserved", "Copyright", "ⓒ", "©", "구독", "좋아요", "공유하기",
                      "목록", "이전 글", "다음 글", "맨 위로", "검색", "닫기", "TOP", "English", "|", "·", "/", " ",
                      "  ", "\t", "-", "2024", "기사", "뉴스", "가", "a", ".", "!", "재배포",
                      "무단 전재 및 재배포 금지"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BOILERPLATE_PIECES), max_size=14))
def test_a_boilerplate_line_is_what_one_alternation_of_the_patterns_finds(pieces: list[str]) -> None:
    """``is_boilerplate`` matches the patterns anchored at a line's start and searches the others: the
    same lines as the one alternation of every pattern searched, as it was written before."""
    from filters.boilerplate import _MAX_LINE, _PATTERNS, is_boilerplate

    every = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)
    line = "".join(pieces)
    s = line.strip()
    assert is_boilerplate(line) == (bool(s) and len(s) <= _MAX_LINE and every.search(s) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(BOILERPLATE_PIECES), max_size=8).map("".join), max_size=6),
       st.lists(st.integers(0, 5), max_size=20), st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n"]))
def test_a_page_s_boilerplate_is_removed_line_by_line_whatever_repeats(lines: list[str], picks: list[int],
                                                                      sep: str) -> None:
    """``strip_boilerplate`` remembers each short line's verdict (pages repeat their template's lines): a page
    made of lines drawn again and again, joined by blank lines, gives what the line-by-line loop gives."""
    from filters.boilerplate import _MAX_LINE, _PATTERNS

    every = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)
    text = sep.join(lines[i % len(lines)] for i in picks) if lines else sep.join("" for _ in picks)
    flagged = [(s := x.strip()) != "" and len(s) <= _MAX_LINE and every.search(s) is not None
               for x in text.split("\n")]
    got = strip_boilerplate(text)
    assert got.removed_lines == sum(flagged)
    if any(flagged):
        kept = "\n".join(x for x, f in zip(text.split("\n"), flagged, strict=True) if not f).strip("\n")
        assert got.text == re.sub(r"\n{3,}", "\n\n", kept)
        removed = sum(len("".join(x.split())) for x, f in zip(text.split("\n"), flagged, strict=True) if f)
        assert got.removed_fraction == removed / max(len("".join(text.split())), 1)
    else:
        assert got.text == text and got.removed_fraction == 0.0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ㅋ", "ㅠ", "ㅎ", "ㆍ", "😀", "❤", "\ufe0f", "^", "^^", ";", ";;", ":", ")", "(",
                                 ":)", "가", "a", " ", "\n", "1", "🙂", "\U0001fa80"]), max_size=30))
def test_the_jamo_ratio_counts_what_its_pattern_finds(pieces: list[str]) -> None:
    """The jamo and emoticon block searches its runs from their first characters (``filters.regex_scan``):
    the characters in runs are what the pattern's ``findall`` gives."""
    from filters.blocks.heuristics import _JAMO_RUN, JamoEmoticons

    text = "".join(pieces)
    chars = len("".join(text.split()))
    got = JamoEmoticons(JamoEmoticons.Params()).score(Doc({"text": text}))["ratio"]
    assert got == sum(len(m) for m in _JAMO_RUN.findall(text)) / max(chars, 1)


WORD_PIECES = ["가", "한국어", "ㄱ", "ㆎ", "\u3164", "a", "Latin", "國家는", "é", "1", "_", "-", ".", "😀", "\ud800",
               " ", "\n", "\t", "\u00a0", "\u3000", "\u2028", "\x1c", "\x1f", "\x85", "\u200b", "```", "\n```py\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORD_PIECES), max_size=12).map("".join), max_size=8))
def test_hangul_words_counted_over_a_batch_are_the_patterns_counts(texts: list[str]) -> None:
    """The language block counts a batch's Hangul and lettered words over its layout: the same shares as
    the two patterns' ``findall`` on each text (every whitespace of ``str.isspace``, jamo and the Hangul
    filler, a lone surrogate's text, empty texts, a code fence), and the same decisions."""
    from filters.blocks.text import Language
    from filters.korean_text import hangul_token_share, hangul_token_shares

    assert hangul_token_shares(texts) == [hangul_token_share(t) for t in texts]
    block = Language(Language.Params(languages=("ko", "en")))
    judged = [t for t in texts if "\ud800" not in t]  # lingua cannot encode it: the chain quarantines it
    batch = [Doc({"text": t}) for t in judged]
    scores = block.score_many(batch)
    for doc, got, text in zip(batch, scores, judged, strict=True):
        alone = Doc({"text": text})
        assert got == block.score(alone) and block.decide(doc, got) == block.decide(alone, got)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([*WORD_PIECES, "…", "·", "%", "★", "①", "٣", "\u2764", "\ufe0f", "!?"]),
                         max_size=12).map("".join), max_size=8))
def test_character_classes_counted_over_a_batch_are_each_texts_counts(texts: list[str]) -> None:
    """The length, digit, symbol and emoji blocks read ``char_stats`` counted over the batch's layout (one count
    per document and combination of classes): the same six counts as ``char_stats`` text by text, with
    characters in several classes (Hangul is a letter), a lone surrogate's chunk and empty texts; and the
    lexicon blocks' eojeol counts are ``str.split``'s (every whitespace of ``str.isspace``)."""
    from filters.korean_text import char_stats, char_stats_many, word_counts

    assert char_stats_many(texts) == [char_stats(t) for t in texts]
    assert word_counts(texts) == [len(t.split()) for t in texts]  # the lexicon blocks' eojeol


EDGE = ["", " \n\t ", "ㅋㅋㅋ", "😀😀😀", "韓國語 Korean 한국어 mixed 漢字", "\ufffd" * 10, "#" * 200,
        "가" * 5_000_000]


@pytest.mark.parametrize("text", EDGE, ids=lambda t: repr(t[:12]) + f"_{len(t)}")
def test_edge_set_never_raises(chain: Chain, text: str) -> None:
    o, _ = evaluate(chain, text)
    assert o.decision in {"keep", "drop", "modify"}
    assert (o.reason is None) == (o.decision == "keep")


@pytest.mark.spark
def test_train_quality_command_and_a_threshold_that_drops(sample_run: Path, tmp_path: Path) -> None:
    import shutil

    from filters import quality_model
    from pipeline.manifest import load_run
    from pipeline.train import train_quality
    from tests.conftest import SAMPLE_MANIFEST

    run = tmp_path / "run"
    shutil.copytree(sample_run, run)  # the stages before quality are reused, as with --resume
    out = tmp_path / "model" / "q.ftz"
    meta = train_quality(load_run(SAMPLE_MANIFEST, output=str(run), master="local[2]"), str(out))
    assert out.is_file() and (tmp_path / "model" / "q.ftz.json").is_file()
    assert meta["model_sha256"] == json_sha(run / "models" / "quality_model_v1.ftz.json")  # same as in the run
    assert meta["examples"]["high"] > 100 and meta["examples"]["low"] > 10
    statute = ("제1조(목적) 이 법은 산업 안전 및 보건에 관한 기준을 확립하고 그 책임의 소재를 명확하게 하여 "
               "근로자의 안전을 유지한다.")
    spam = "토토사이트 가입 즉시 첫충 지급 먹튀검증 완료 안전놀이터 추천 지금 바로 가입코드 입력하고 보너스 받으세요"
    assert quality_model.score(str(out), statute) > quality_model.score(str(out), spam)
    strict = quality_chain({"quality_model": str(out), "min_quality_score": 0.999})
    o, _ = evaluate(strict, PROSE)
    assert o.reason == "quality_model_v1.low_score" and 0 <= o.scores["quality_model_v1.score"] < 0.999
    assert o.score == o.scores["quality_model_v1.score"]


def json_sha(path: Path) -> str:
    return json.loads(path.read_text())["model_sha256"]
