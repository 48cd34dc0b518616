"""The Korean SentencePiece tokenizer: round trips, byte fallback, placeholders, hygiene of the sample,
and the Hugging Face export's id equality. The model is the sample run's (tokenizer stage)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import duckdb
import pytest

from filters.normalize import normalize_text
from tokenizer.encoders import SentencePieceEncoder
from tokenizer.evaluate import EvalDoc, hygiene, measure
from tokenizer.sample import cap_runs, draw, sample_lines
from tokenizer.spm import PLACEHOLDER_SYMBOLS, SPECIAL_IDS

HARD = [
    "ㅋㅋㅋㅋ 진짜 웃기넹ㅎㅎ ㅠㅠ", "㈜한국제조 ㉿ ℡ ㎏ ㎡", "韓國語와 漢字 混用 문장", "이모지 😀👍🏽🇰🇷 끝",
    "Python 코드: def f(x):\n    return x ** 2  # 제곱\n\tTab 들여쓰기", "  앞 공백과 뒤 공백  ", "\n첫 줄이 비어 있음",
    "제1조(목적) 이 법은 <|kr_rrn|> 및 <|phone|>을 보호한다.\n\n제2조", "<s>문서 속 특수기호 글자</s>", "뷁 똠 햏 쀍",
    "URL https://example.co.kr/path?q=한글&x=1 과 email", "１２３ 전각 숫자와 ＡＢＣ", "a  b   c    d\n\n\n\ne",
]


@pytest.fixture(scope="module")
def model(sample_run: Path) -> str:
    return str(sample_run / "models" / "tokenizer" / "spm.model")


@pytest.fixture(scope="module")
def sp(model: str):  # type: ignore[no-untyped-def]
    import sentencepiece as spm

    return spm.SentencePieceProcessor(model_file=model)


def test_hard_strings_round_trip_without_unknown_tokens(sp) -> None:  # type: ignore[no-untyped-def]
    nfd = unicodedata.normalize("NFD", "한국어 자모 분해 입력")
    for text in [*HARD, normalize_text(nfd)[0]]:
        ids = sp.encode(text)
        assert sp.decode(ids) == text, text
        assert SPECIAL_IDS["<unk>"] not in ids, text
    assert normalize_text(nfd)[0] == unicodedata.normalize("NFC", nfd)


def test_byte_fallback_covers_characters_never_seen(sp) -> None:  # type: ignore[no-untyped-def]
    text = "𓀀𓁐 ꙮ 🦖"  # hieroglyphs, a rare Cyrillic letter, an emoji: not in any training line
    ids = sp.encode(text)
    assert sp.decode(ids) == text
    assert sum(sp.is_byte(i) for i in ids) >= len("𓀀𓁐ꙮ🦖".encode())


def test_placeholders_and_whitespace_symbols_are_single_tokens(sp) -> None:  # type: ignore[no-untyped-def]
    for ph in PLACEHOLDER_SYMBOLS:
        ids = sp.encode(f"연락처는{ph}입니다")
        assert sp.piece_to_id(ph) in ids, ph
        assert [sp.id_to_piece(i) for i in ids].count(ph) == 1
    for ws in ("\n", "\n\n", "\t"):
        assert sp.piece_to_id(ws) in sp.encode(f"가{ws}나")
    # "<s>" written in a document is text, never the control token.
    assert SPECIAL_IDS["<s>"] not in sp.encode("<s>본문</s>")


def test_hf_export_gives_identical_ids(model: str, sample_run: Path, sp) -> None:  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(Path(model).parent / "tokenizer.json"))
    tok.encode_special_tokens = True  # not serialized by `tokenizers`; transformers reads split_special_tokens
    texts = [r[0] for r in duckdb.sql(f"SELECT text FROM read_parquet('{sample_run}/docs/**/*.parquet') "
                                      "ORDER BY doc_id").fetchall()]
    texts += HARD
    mismatched = [t[:40] for t in texts if tok.encode(t).ids != sp.encode(t)]
    assert not mismatched, mismatched
    assert all(tok.decode(tok.encode(t).ids, skip_special_tokens=False) == t for t in HARD)


def test_transformers_loads_the_export(model: str, sp) -> None:  # type: ignore[no-untyped-def]
    transformers = pytest.importorskip("transformers")
    tok = transformers.AutoTokenizer.from_pretrained(str(Path(model).parent))
    for text in HARD:
        assert tok(text)["input_ids"] == sp.encode(text), text
    assert tok.eos_token_id == SPECIAL_IDS["</s>"]


def test_sample_guards() -> None:
    assert cap_runs("ㅋㅋㅋㅋㅋㅋㅋ 하하하하하 4444444444 ┼───┼───┼───┼───┼───┤") == "ㅋㅋㅋ 하하하 444 ┼───┼───┼───┤"
    assert cap_runs("ㅋㅋ 좋아요...") == "ㅋㅋ 좋아요..."
    text = "첫 줄\n출장마사지 전문 업체 안내\n셋째 줄"
    assert sample_lines(text, "d1", 7, 1.0) == ["첫 줄", "셋째 줄"]
    long_line = "가나다 " * 5000
    assert all(len(x.encode()) <= 8192 for x in sample_lines(long_line, "d2", 7, 1.0))
    draws = [draw(7, "doc", i, 0.3) for i in range(2000)]
    assert draws == [draw(7, "doc", i, 0.3) for i in range(2000)]
    assert 0.25 < sum(draws) / len(draws) < 0.35


def test_vocabulary_hygiene_and_metrics(model: str) -> None:
    enc = SentencePieceEncoder(model)
    h = hygiene(enc)
    assert (h.spam, h.pii_like, h.repeated, h.multi_eojeol) == ([], [], [], [])
    docs = [EvalDoc("x", "한국어 문장을 토큰으로 나눈다"), EvalDoc("x", "둘째 문장")]
    m = {r.domain: r.row() for r in measure(enc, docs, [None, None])}
    assert m["all"]["round_trip_rate"] == 1.0
    assert m["all"]["tokens"] == sum(len(enc.encode(d.text).ids) for d in docs)
    assert m["all"]["tokens_per_eojeol"] == pytest.approx(m["all"]["tokens"] / 6)
