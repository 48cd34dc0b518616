"""The batch path of datatrove's four filters decides as datatrove does, document by document.

datatrove is the reference: each document the batch path decides must get the same condition and the
same recorded statistics as datatrove's own filter gives it through the block's per-document path.
Inputs: an edge set (every separator, line break, ellipsis, bullet and stop-word form the rules read),
adversarial texts from ``hypothesis`` over those pieces, and sample_data's documents.
``benchmarks/quality_equivalence.py`` runs the same comparison on every corpus.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from datatrove.pipeline.filters.gopher_repetition_filter import find_all_duplicate
from hypothesis import given, settings
from hypothesis import strategies as st

from filters.blocks.base import Block, Doc
from filters.blocks.datatrove import C4Quality, FineWebQuality, GopherQuality, GopherRepetition, _DatatroveBlock
from filters.blocks.params import build
from filters.datatrove_batch import _grams, _greedy, judge, rule_statistics
from filters.quality import quality_chain
from filters.text_batch import Layout

BLOCKS = (GopherQuality, GopherRepetition, C4Quality, FineWebQuality)

#: What the rules read: every whitespace and line break ``str`` knows of (CR LF, NEL, the separators),
#: ellipses of every length, bullets, hashes, stop words whole and as endings with punctuation after
#: them, letters that are not Hangul, digits that are not ASCII, C4's trigger words and citations,
#: and characters whose lowercase is ASCII.
PIECES = (" ", "  ", "\t", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1e", "\x1f", "\x85",
          "\u2028", "\u2029", "\xa0", "\u3000", "\u200b", ".", "..", "...", "....", "…", "#", "##", "-", "•", "!",
          "?", "\"", "'", "다", "요", "다.", "요!", "죠~", "합니다", "학교에서", "먹었다」", "및", "등", "수",
          "있다", "에서", "a", "The", "and", "x1", "1", "١٢", "²", "_", "__", "ㅋㅋ", "😀", "e\u0301", "K", "İ",
          "lorem ipsum", "LOREM IPSUM", "javascript", "JavaScript", "privacy policy", "[1]", "[edit]", "[]",
          "[citation needed]", "[x]", "。", "」", "word", "문장입니다.", "같은 줄", "같은 줄\n", "가" * 1001)


def _reference(block: Any, text: str) -> tuple[dict[str, float], str | None]:
    return block._judge(Doc({"text": text, "doc_id": "d"}))


def _blocks() -> list[Any]:
    return [cls(build(cls.Params, {}), None) for cls in BLOCKS]


def assert_same(texts: Sequence[str]) -> dict[str, int]:
    """Every decided document as datatrove decides it, and every rule's statistic as datatrove's formula
    gives it (also where the rule passes, so a statistic off near no threshold is caught); returns how
    many documents each block left to datatrove."""
    left = {}
    for b in _blocks():
        f = b.filters_for(Doc({"text": ""}))
        got = judge(b.step, list(texts), f)
        left[b.name] = sum(g is None for g in got)
        for text, g in zip(texts, got, strict=True):
            if g is not None:
                assert g == _reference(b, text), (b.name, text)
        if not any(texts):
            continue
        for text, stats in zip(texts, rule_statistics(b.step, list(texts), f), strict=True):
            words = text.split()
            if not words or not any(c.isalnum() for c in text):
                continue  # datatrove divides by the words: the guard drops these first
            for rule, value in stats.items():
                want = f.rule_statistic(b.step, rule, text, words)
                assert (0.0 if math.isnan(value) else value) == want, (b.name, rule, text)
    return left


EDGES = ["", " ", "\n", "\n\n", ".", "...", "…", "#", "-", "•", "a", "다", "_", "__ __", "²", "١", "\r\n", "a\r\nb",
         "a\rb\r\n\r\nc", "a\n", "a\n\n", "\na", "\n\na\n\nb\n\n", "a\x85b\u2028c", "- a\n- b\n- c", "• x\n  • y\n-z",
         "가 나...\n다 라…\n마 바. . .", "a. b! c? d… e。f", "a.\u3000b", "같은 줄\n같은 줄\n같은 줄\n다른 줄",
         "문단 하나\n\n문단 하나\n\n문단 둘", " \n\n 가 \n\n\n 가 \n\n", "#해시 #태그 #만 #있다", "학교에서 먹었다.",
         "먹었다」 했다', 다", "Kelvin K javascript", "lorem[1] ipsum dolor", "privacy policy\n본문입니다.",
         "x" * 1001 + "\n본문", " ".join(["반복 되는 말"] * 40), " ".join(f"낱말{i}" for i in range(60)),
         " ".join(["하나 둘 셋 넷 다섯"] * 12), "e\u0301 café 안녕 😀😀😀", "\x1c\x1d\x1e a",
         # one rule each, failing alone or just passing
         " ".join(["하나 둘 셋 넷 다섯"] * 4), " ".join(["하나 둘 셋 넷 다섯 여섯"] * 2) + " 끝말 잇기 놀이",
         "a b c d e f g h i j k l m n o p q r s t u v w x y z " * 2 + "다",
         "- 가\r\n- 나\r\n- 다\r\n- 라\r\n- 마\r\n- 바\r\n- 사\r\n- 아\r\n- 자\r\n본문",
         "- 가\n- 나\n- 다\n- 라\n- 마\n- 바\n- 사\n- 아\n- 자\n본문", "가...\r\n나…\r\n다\r\n라",
         "가...\n나…\n다\n라 마", "같은 줄\r\n같은 줄\r\n다른 줄 하나\r\n다른 줄 둘", "## 제목 ## 다",
         "짧은\n줄\n여럿\n이다\n그리고 긴 줄 하나가 있다.", "1\n2\n3\n4 다섯 여섯 일곱"]


def test_the_edge_set_is_decided_as_datatrove_decides_it() -> None:
    left = assert_same(EDGES)
    assert left["gopher_quality_ko_v1"] == 0 and left["fineweb_ko_v1"] == 0  # exact, never left to datatrove


@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), min_size=1, max_size=6))
def test_adversarial_texts_are_decided_as_datatrove_decides_them(texts: list[str]) -> None:
    assert_same(texts)


@given(st.lists(st.sampled_from(["가", "나", "다", "가나", "나다", "ab", "a", "b"]), max_size=80),
       st.integers(min_value=2, max_value=10))
def test_the_duplicated_n_gram_scan_counts_what_datatrove_counts(words: list[str], n: int) -> None:
    """The scan that visits only repeated n-grams, against datatrove's, on few distinct words (many
    repeats, n-grams that join to the same string from different words: 가|나다 and 가나|다)."""
    text = " ".join(words)
    lay = Layout([text])
    i = _grams(lay, n)
    start, end = lay.cw_start[i], lay.cw_end[i + n - 1]
    assert _greedy(lay.key(start, end, lay.cprefix), end - start, n) == find_all_duplicate(words, n)


@given(st.lists(st.lists(st.sampled_from(["가", "나", "다", "가나", "ab"]), min_size=50, max_size=70).map(" ".join),
                min_size=1, max_size=5))
def test_the_top_n_grams_are_datatrove_s_on_few_words(texts: list[str]) -> None:
    """Each n-gram length hashes only the positions where the shorter n-grams repeat: on a few distinct words
    (every n-gram repeats, ties between equally common ones everywhere, documents where nothing repeats
    next to ones where everything does) the top 2-, 3- and 4-gram statistics are datatrove's own."""
    from datatrove.pipeline.filters.gopher_repetition_filter import find_top_duplicate, get_n_grams

    from filters.datatrove_ko import GOPHER_REPETITION

    f = GopherRepetition(build(GopherRepetition.Params, {}), None).filters_for(Doc({"text": ""}))
    got = rule_statistics(GOPHER_REPETITION, texts, f)
    for text, stats in zip(texts, got, strict=True):
        words = text.split()
        for n, _ in f.p.top_ngram_fracs:
            assert stats[f"top_{n}_gram"] == find_top_duplicate(get_n_grams(words, n)) / len(text), text


def test_sample_data_is_decided_as_datatrove_decides_it(sample_texts: list[str]) -> None:
    left = assert_same(sample_texts)
    assert sum(left.values()) < len(sample_texts)  # most are decided in the batch


def test_the_chain_records_what_the_per_document_path_records(sample_texts: list[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Through ``score_many`` (the stage's path) and through datatrove one document at a time: the same
    outcomes, scores included."""
    chain = quality_chain({})
    batch = chain.run([Doc({"text": t, "doc_id": str(i)}) for i, t in enumerate(sample_texts)])
    monkeypatch.setattr(_DatatroveBlock, "score_many", Block.score_many)
    one = chain.run([Doc({"text": t, "doc_id": str(i)}) for i, t in enumerate(sample_texts)])
    for b, o in zip(batch, one, strict=True):
        assert (b.decision, b.reason, b.score, b.scores) == (o.decision, o.reason, o.score, o.scores)


def test_the_kiwi_word_path_is_left_to_datatrove() -> None:
    b = GopherQuality(build(GopherQuality.Params, {"word_path": "kiwi"}), None)
    assert judge(b.step, ["형태소로 나누는 문장입니다."], b.filters_for(Doc({"text": ""}))) == [None]


@pytest.fixture(scope="module")
def sample_texts() -> list[str]:
    from tests.test_templates import sample_bodies

    return [text for _, _, text, _ in sample_bodies()] + EDGES


def test_a_stored_table_is_the_table_built_and_a_damaged_one_is_built_again(tmp_path: Any,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from filters.text_batch import stored_table

    monkeypatch.setenv("KOCURATE_CACHE_DIR", str(tmp_path))
    built = stored_table("test.isdigit", lambda: np.fromiter((chr(c).isdigit() for c in range(0x110000)), bool))

    def fail() -> np.ndarray:
        raise AssertionError("built again although stored")

    assert (stored_table("test.isdigit", fail) == built).all() and built[ord("٣")] and not built[ord("a")]
    for f in tmp_path.glob("*.npy"):
        f.write_bytes(b"not a table")
    assert (stored_table("test.isdigit", lambda: built) == built).all()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 40), st.integers(0, 2**64 - 1)), max_size=300))
def test_a_value_seen_twice_is_never_taken_for_one_seen_once(values: list[int]) -> None:
    """The repetition rules count only the n-gram keys ``_maybe_repeated`` keeps: it may keep a key seen once
    (its bucket is shared), never drop one seen twice; and ``_repeats`` marks every occurrence but the first."""
    from collections import Counter

    from filters.datatrove_batch import _maybe_repeated, _repeats

    key = np.array(values, dtype=np.uint64)
    kept = _maybe_repeated(key)
    counts = Counter(values)
    assert all(kept[j] for j, v in enumerate(values) if counts[v] > 1)
    assert _repeats(key).tolist() == [v in values[:j] for j, v in enumerate(values)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), max_size=50), st.lists(st.integers(0, 2**64 - 1), max_size=300),
       st.data())
def test_a_word_list_holds_what_np_isin_finds(listed: list[int], others: list[int], data: st.DataObject) -> None:
    """The stop-word rule asks a bitmap of buckets first, then the sorted keys: the same answer as
    ``np.isin``, for keys of the list, keys sharing their buckets and keys past the largest."""
    from filters.datatrove_batch import _GRAM_MIX, _KeySet

    inverse = pow(_GRAM_MIX, -1, 2**64)
    mates = [((v * _GRAM_MIX % 2**64) ^ 1) * inverse % 2**64 for v in listed]  # its bucket, another key
    asked = others + mates + [data.draw(st.sampled_from(listed)) for _ in listed] if listed else others
    keys = np.array(asked, dtype=np.uint64)
    held = _KeySet.of(np.array(listed, dtype=np.uint64))
    assert held.holds(keys).tolist() == np.isin(keys, np.array(listed, dtype=np.uint64)).tolist()


_TRAILED = ("가", "다", "요", "ab", " ", "\n", "\u3000", "!", "?", ".", "~", "!" * 9, "…" * 12, "」", "\"", ")")


@given(st.lists(st.lists(st.sampled_from(_TRAILED), max_size=30).map("".join), min_size=1, max_size=6))
def test_a_word_s_length_without_its_trailing_punctuation_is_rstrip_s(texts: list[str]) -> None:
    """The stop-word rule steps each word back over the punctuation after it, eight steps at most and then by a
    maximum over the word: the lengths ``str.rstrip`` gives, for words of punctuation alone and runs past eight."""
    from filters.datatrove_batch import _without_trail
    from filters.datatrove_ko import STOP_WORD_TRAIL

    lay = Layout(texts)
    assert _without_trail(lay).tolist() == [len(w.rstrip(STOP_WORD_TRAIL)) for t in texts for w in t.split()]


_C4_PIECES = ("JavaScript", "java", "Script", "s", "lorem", "Lorem ", " ", "ipsum", "IPSUM", "terms of use", "Use",
              "use", "cookies", "uses cookies", "privacy", " policy", "가", "\u212a", "\n", "\x00", "é")


@given(st.lists(st.lists(st.sampled_from(_C4_PIECES), max_size=12).map("".join), min_size=1, max_size=6))
def test_c4_s_words_are_found_in_any_ascii_case_and_never_across_texts(texts: list[str]) -> None:
    """C4's gate searches its words in the chunk's ASCII lowercased to bytes, texts apart: each text holds one
    exactly where a case-insensitive ASCII search of the text alone finds one ("javas" ending one text and
    "cript" starting the next are no match)."""
    from filters.datatrove_batch import _C4_WORDS, _holds_c4_words

    alone = re.compile(_C4_WORDS.pattern.decode(), re.I | re.ASCII)
    assert _holds_c4_words(Layout(texts)).tolist() == [alone.search(t) is not None for t in texts]
