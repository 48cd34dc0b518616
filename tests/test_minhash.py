"""MinHash pieces against slow pure-Python references, and the LSH parameter choice."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filters import minhash as M

MASK = 2**64 - 1
TEXT = "오늘은 날씨가 좋아서 공원에 산책을 다녀왔습니다. 그리고 저녁에는 친구를 만났는데 정말 즐거웠어요."


def ref_mix64(z: int) -> int:
    z ^= z >> 30
    z = (z * 0xBF58476D1CE4E5B9) & MASK
    z ^= z >> 27
    z = (z * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def ref_char_shingles(text: str, n: int) -> set[int]:
    flat = M.prepare(text).replace(" ", "")
    n = min(n, len(flat))
    out = set()
    for i in range(len(flat) - n + 1):
        h = 0
        for ch in flat[i:i + n]:
            h = (h * 0x100000001B3 + ord(ch)) & MASK
        out.add(ref_mix64(h))
    return out


def test_mix64_matches_python_integers() -> None:
    xs = [0, 1, 2**63, MASK, 0x123456789ABCDEF0]
    assert M.mix64(np.array(xs, dtype=np.uint64)).tolist() == [ref_mix64(x) for x in xs]


def test_shingles_and_signatures_match_a_slow_reference() -> None:
    seeds = M.permutation_seeds(7, 32)
    for text in (TEXT, "짧다", "Python에서 list를 쓰면 代碼가 짧아집니다 😀"):
        fast = M.shingles(text, "char", 5)
        ref = ref_char_shingles(text, 5)
        assert set(fast.tolist()) == ref
        sig = M.signatures([fast], seeds)[0]
        a, b = seeds.tolist()
        assert all(x % 2 for x in a)  # odd multipliers: each permutation is a bijection
        assert sig.tolist() == [min((ai * x + bi) & MASK for x in ref) for ai, bi in zip(a, b, strict=True)]


def test_batch_signatures_equal_one_by_one_including_huge_and_empty_documents() -> None:
    seeds = M.permutation_seeds(1, 16)
    rng = np.random.default_rng(0)
    sets = [M.shingles(TEXT), np.array([], dtype=np.uint64),
            np.unique(rng.integers(0, 2**63, M.CHUNK_SHINGLES * 2 + 5, dtype=np.uint64)), M.shingles("가나다라마바사")]
    batch = M.signatures(sets, seeds)
    for i, s in enumerate(sets):
        assert (batch[i] == M.signatures([s], seeds)[0]).all()
    assert (batch[1] == np.iinfo(np.uint64).max).all()


def test_spacing_and_nfd_do_not_change_char_shingles() -> None:
    respaced = TEXT.replace("공원에 산책을", "공원에산책을").replace("저녁에는", "저녁 에는")
    assert np.array_equal(M.shingles(TEXT), M.shingles(respaced))
    nfd = unicodedata.normalize("NFD", TEXT)
    assert not np.array_equal(M.shingles(TEXT), M.shingles(nfd))  # why the pipeline normalizes to NFC first
    assert np.array_equal(M.shingles(TEXT), M.shingles(unicodedata.normalize("NFC", nfd)))


@pytest.mark.parametrize("unit", ["char", "eojeol"])
def test_estimated_jaccard_tracks_the_exact_one(unit: str) -> None:
    other = TEXT.replace("좋아서", "흐려서").replace("즐거웠어요", "피곤했어요")
    a, b = M.shingles(TEXT, unit), M.shingles(other, unit)
    seeds = M.permutation_seeds(3, 512)
    sa, sb = M.signatures([a, b], seeds)
    assert abs(M.estimated_jaccard(sa, sb) - M.jaccard(a, b)) < 0.08


def test_band_keys_agree_exactly_on_equal_bands() -> None:
    seeds = M.permutation_seeds(5, 12)
    s = M.signatures([M.shingles(TEXT), M.shingles(TEXT), M.shingles(TEXT + " 끝")], seeds)
    k = M.band_keys(s, 4, 3)
    assert (k[0] == k[1]).all()
    same = [(s[0, b * 3:(b + 1) * 3] == s[2, b * 3:(b + 1) * 3]).all() for b in range(4)]
    assert [bool(x) for x in k[0] == k[2]] == same
    assert len(set(k[0].tolist())) == 4  # the band index is mixed in


def test_lsh_parameters_fit_the_budget_and_put_the_curve_around_the_threshold() -> None:
    for t in (0.5, 0.7, 0.85):
        p = M.choose_lsh(t, 128)
        assert p.bands * p.rows <= 128
        assert p.probability(t) > 0.5 and p.probability(t - 0.3) < 0.3
    even = M.choose_lsh(0.7, 128, fp_weight=0.5)
    assert (even.bands, even.rows) == (14, 9)  # datasketch's optimum for the same inputs


@given(st.lists(st.lists(st.integers(0, 2**64 - 1), max_size=40, unique=True), max_size=12),
       st.sampled_from([1, 2, 3, 7, 64, M.CHUNK_SHINGLES]))
def test_signatures_do_not_depend_on_how_shingles_are_chunked(sets: list[list[int]], chunk: int) -> None:
    seeds = M.permutation_seeds(3, 8)
    a, b = seeds.tolist()
    arrays = [np.array(s, dtype=np.uint64) for s in sets]
    expected = [[min(((ai * x + bi) & MASK for x in s), default=MASK) for ai, bi in zip(a, b, strict=True)]
                for s in sets]
    saved = M.CHUNK_SHINGLES
    M.CHUNK_SHINGLES = chunk
    try:
        got = M.signatures(arrays, seeds)
    finally:
        M.CHUNK_SHINGLES = saved
    assert got.tolist() == expected


_TRICKY = st.text(st.sampled_from(list("가나다 한국어AaΣσς İı\u0301\u200b_-.,!?\t\n\u3000\u00a0ǅßﬁ①Ⅻ0123😀\x00")),
                  max_size=30)


@given(st.lists(_TRICKY, max_size=8), st.integers(1, 5), st.sampled_from(["char", "eojeol"]))
def test_shingle_rows_of_a_batch_are_each_texts_shingles(texts: list[str], n: int, unit: str) -> None:
    """The batch path (code points of the whole batch, windows inside one text, distinct by exact keys of
    their code points or, past 64 bits, by a sort per text) gives exactly ``shingles`` text by text: case
    folding that changes a text's length (İ), final sigma, combining marks, every space and punctuation
    class, texts shorter than one shingle (several in a row) and empty ones."""
    got = M.shingle_rows(texts, unit, n).sets()
    assert len(got) == len(texts)
    for text, shingle_set in zip(texts, got, strict=True):
        expected = M.shingles(text, unit, n)
        assert shingle_set.dtype == expected.dtype and np.array_equal(shingle_set, expected), text


@given(pairs=st.lists(st.tuples(st.lists(st.integers(0, 3), min_size=4, max_size=4),
                                st.lists(st.integers(0, 3), min_size=4, max_size=4)), min_size=1, max_size=40),
       start=st.integers(0, 5), large=st.booleans())
def test_fuzzy_dedup_compares_signature_columns_as_the_per_pair_estimate_does(
        pairs: list[tuple[list[int], list[int]]], start: int, large: bool) -> None:
    """The verification job reads a batch's two signature columns as matrices over their Arrow buffers: the
    same floats as ``estimated_jaccard`` per pair, for sliced columns and both binary layouts."""
    import pyarrow as pa

    from pipeline.stages.s50_fuzzy_dedup import _estimated_jaccards

    kind = pa.large_binary() if large else pa.binary()
    sigs = [(np.array(a, np.uint64), np.array(b, np.uint64)) for a, b in pairs]
    col_a = pa.array([b"x" * 8] * start + [a.tobytes() for a, _ in sigs], kind).slice(start)
    col_b = pa.array([b.tobytes() for _, b in sigs], kind)
    got = _estimated_jaccards(col_a, col_b)
    assert isinstance(got, np.ndarray)
    assert got.tolist() == [M.estimated_jaccard(a, b) for a, b in sigs]


def test_signature_columns_of_mixed_lengths_are_compared_pair_by_pair() -> None:
    import pyarrow as pa

    from pipeline.stages.s50_fuzzy_dedup import _estimated_jaccards

    a = [np.array([1, 2], np.uint64), np.array([1, 2, 3], np.uint64)]
    b = [np.array([1, 5], np.uint64), np.array([1, 2, 4], np.uint64)]
    got = _estimated_jaccards(pa.array([x.tobytes() for x in a]), pa.array([x.tobytes() for x in b]))
    assert list(got) == [0.5, 2 / 3]


@given(st.lists(st.one_of(st.none(), _TRICKY), max_size=12), st.integers(0, 3))
def test_the_signature_index_rows_are_each_documents_own(texts: list[str | None], start: int) -> None:
    """The signature pass builds its columns (shingle count, signature bytes, band keys) as Arrow buffers from
    the batch's matrices: each row is what the document alone gives (``shingles``, ``signatures``, its band
    keys, none without shingles), in a batch that is a slice of a larger one and with null and empty texts."""
    import pyarrow as pa

    from pipeline.stages.s50_fuzzy_dedup import SIG_SCHEMA, signature_batch

    seeds = M.permutation_seeds(7, 16)
    whole = pa.RecordBatch.from_pydict({"doc_id": [f"d{i}" for i in range(start + len(texts))],
                                        "text": ["앞"] * start + texts})
    got = signature_batch(whole.slice(start), "char", 2, seeds, bands=4, rows=4)
    assert got.schema == SIG_SCHEMA
    for row, text in zip(got.to_pylist(), texts, strict=True):
        own = M.shingles(text or "")
        sig = M.signatures([own], seeds)
        assert row["n_shingles"] == len(own) and row["sig"] == sig[0].tobytes()
        assert row["keys"] == (M.band_keys(sig, 4, 4).view(np.int64)[0].tolist() if len(own) else [])
