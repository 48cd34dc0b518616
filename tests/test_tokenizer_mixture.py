"""The tokenizer's language mixture in a run: shares of the sample's bytes per document language.

English and code reach the run as sources. The English is the installed Python's own module
documentation and the code its standard library's source: real text nobody on the project wrote, on
every machine, so the test needs no shared corpora.
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import ManifestError
from pipeline.stages.s92_tokenizer import mixture_rates, rates

ROOT = Path(__file__).resolve().parents[1]
SHARES = {"ko": 0.7, "en": 0.2, "code": 0.1}
#: Standard-library modules with long English documentation, and modules whose source is the code.
DOCUMENTED = ("argparse", "collections", "json", "logging", "typing", "unittest", "pathlib", "subprocess",
              "asyncio", "functools", "itertools", "re", "datetime", "decimal", "fractions", "statistics",
              "textwrap", "string", "heapq", "bisect", "csv", "sqlite3", "tarfile", "zipfile", "shutil", "tempfile",
              "glob", "fnmatch", "difflib", "pprint", "enum", "dataclasses", "contextlib", "abc", "io", "os",
              "socket", "ssl", "threading", "queue", "sched", "email", "http.client", "urllib.request", "xml.dom",
              "doctest", "pdb", "timeit", "trace", "warnings", "weakref", "copy", "pickle", "shelve", "zlib")
CODE = ("textwrap", "fnmatch", "bisect", "heapq", "glob", "shlex", "colorsys", "graphlib", "keyword", "reprlib",
        "stringprep", "numbers", "calendar")


def _docs(name: str) -> list[str]:
    module = importlib.import_module(name)
    out = [inspect.getdoc(module) or ""]
    for _, obj in sorted(vars(module).items()):
        if (inspect.isclass(obj) or inspect.isfunction(obj)) and getattr(obj, "__module__", None) == module.__name__:
            out.append(inspect.getdoc(obj) or "")
    return [d for d in out if len(d) > 200]


def _write(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def write_run(tmp: Path) -> Path:
    _write(tmp / "en.jsonl", [{"id": f"{m}:{i}", "text": d} for m in DOCUMENTED for i, d in enumerate(_docs(m))])
    _write(tmp / "code.jsonl", [{"id": m, "text": inspect.getsource(importlib.import_module(m))} for m in CODE])
    data = ROOT / "sample_data"
    (tmp / "s.toml").write_text(f"""
[[source]]
name = "ko_statutes"
domain = "legal"
paths = ["{data}/legal/*.parquet"]
format = "parquet"
fields = {{ text = "text", id = "law_id", title = "title" }}
licence = "CC-BY-4.0"
origin = "kocurate sample_data"

[[source]]
name = "ko_blog"
domain = "web"
paths = ["{data}/web/blog_posts.jsonl.zst"]
format = "jsonl"
fields = {{ text = "content", id = "id" }}
licence = "CC-BY-4.0"
origin = "kocurate sample_data"

[[source]]
name = "ko_manuals"
domain = "manufacturing"
paths = ["{data}/manufacturing/manuals/*.md"]
format = "markdown"
licence = "CC-BY-4.0"
origin = "kocurate sample_data"

[[source]]
name = "en_pydoc"
domain = "other"
language = "en"
paths = ["en.jsonl"]
format = "jsonl"
fields = {{ text = "text", id = "id" }}
licence = "PSF-2.0"
origin = "the installed Python's module documentation"

[[source]]
name = "py_code"
domain = "other"
language = "code"
paths = ["code.jsonl"]
format = "jsonl"
fields = {{ text = "text", id = "id" }}
licence = "PSF-2.0"
origin = "the installed Python's standard library"
""", encoding="utf-8")
    (tmp / "r.toml").write_text("""
name = "mixture"
sources_manifest = "s.toml"
seed = 11
[stages]
order = ["ingest", "normalize", "quality", "export", "tokenizer"]
[stages.quality]
languages = ["ko", "en"]
quality_model = ""
[stages.quality.per_source.py_code]
chain = ["length_v1"]
[stages.tokenizer]
vocab_size = 3000
num_threads = 1
language_shares = { ko = 0.7, en = 0.2, code = 0.1 }
[spark]
master = "local[2]"
shuffle_partitions = 2
""", encoding="utf-8")
    return tmp / "r.toml"


@pytest.mark.spark
def test_a_run_keeps_english_and_code_and_samples_them_by_their_shares(spark: Any, tmp_path: Path) -> None:
    from pipeline.api import run
    from tokenizer.encoders import SentencePieceEncoder

    record = run(write_run(tmp_path), spark=spark, output=str(tmp_path / "out"))
    out = tmp_path / "out"
    langs = dict(duckdb.sql(f"SELECT source, string_agg(DISTINCT language, ',') FROM "
                            f"read_parquet('{out}/docs/*/*.parquet') GROUP BY source").fetchall())
    # The language block's finding, else the source's declared language.
    assert langs == {"ko_statutes": "ko", "ko_blog": "ko", "ko_manuals": "ko", "en_pydoc": "en", "py_code": "code"}

    stage = next(s for s in record["stages"] if s["stage"] == "tokenizer")
    got = stage["summary"]["sample_languages"]
    assert set(got) == {"ko", "en", "code"}
    # Korean is drawn whole (the budget does not bind); English and code are sized from it.
    ko = duckdb.sql(f"SELECT sum(n_bytes) FROM read_parquet('{out}/docs/*/*.parquet') "
                    "WHERE language = 'ko'").fetchall()[0][0]
    assert got["ko"]["curated_bytes"] == ko and stage["summary"]["sample_rates"]["ko/legal"] == 1.0
    assert got["en"]["curated_bytes"] > got["en"]["sampled_bytes"]  # English is cut to its share
    expected = {lang: min(got[lang]["curated_bytes"], ko * SHARES[lang] / SHARES["ko"]) for lang in SHARES}
    for lang, size in expected.items():  # lines, without their newlines, against text bytes: close, not equal
        assert got[lang]["share"] == pytest.approx(size / sum(expected.values()), abs=0.03), lang
    sampled = dict(duckdb.sql(f"SELECT language, sum(sample_bytes) FROM "
                              f"read_parquet('{out}/work/tokenizer_sample/*.parquet') GROUP BY language").fetchall())
    assert sampled == {lang: x["sampled_bytes"] for lang, x in got.items()}
    # The vocabulary learned English words and Python's keywords beside Korean.
    sp = SentencePieceEncoder(str(out / "models" / "tokenizer" / "spm.model"))
    pieces = {sp.sp.id_to_piece(i) for i in range(sp.vocab_size)}
    assert {"return", "▁the", "self"} & pieces and any("\uac00" <= p[-1] <= "\ud7a3" for p in pieces if p)
    assert any("sample per language" in line for line in stage["summary"]["report"])


def test_shares_are_checked_before_spark_starts(tmp_path: Path) -> None:
    from pipeline.manifest import load_run

    path = write_run(tmp_path)
    text = path.read_text(encoding="utf-8")
    for bad, message in (("{ ko = 0.7, xx = 0.3 }", r"language_shares\.xx.*unknown language; allowed: ko, en"),
                         ("{ ko = 0.7, en = -1 }", r"language_shares\.en.*expected a share of 0 or more"),
                         ("{ en = 1.0 }", r"needs a share for 'ko' above 0")):
        path.write_text(text.replace("{ ko = 0.7, en = 0.2, code = 0.1 }", bad), encoding="utf-8")
        with pytest.raises(ManifestError, match=message):
            load_run(path)
    (tmp_path / "s.toml").write_text((tmp_path / "s.toml").read_text("utf-8").replace('"code"', '"python"'), "utf-8")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=r"language.*allowed: .*code"):
        load_run(path)


sizes_st = st.dictionaries(st.tuples(st.sampled_from(["ko", "en", "code", "ja"]),
                                     st.sampled_from(["web", "legal", "cultural"])),
                           st.integers(0, 10**9), min_size=1)
shares_st = st.fixed_dictionaries({"ko": st.floats(0.05, 1.0)},
                                  optional={"en": st.floats(0.0, 1.0), "code": st.floats(0.0, 1.0)})


@given(sizes_st, st.floats(1e3, 1e10))
def test_without_shares_the_sample_is_today_s_domain_balance(sizes: dict[tuple[str, str], int], cap: float) -> None:
    by_domain: dict[str, int] = {}
    for (_, d), b in sizes.items():
        by_domain[d] = by_domain.get(d, 0) + b
    today = rates(by_domain, {"legal": 2.0}, cap)
    assert mixture_rates(sizes, {}, {"legal": 2.0}, cap) == {k: today[k[1]] for k in sizes}


@given(sizes_st, shares_st, st.floats(1e3, 1e10))
def test_every_language_gets_at_most_its_share_and_exactly_it_when_it_has_enough(
        sizes: dict[tuple[str, str], int], shares: dict[str, float], cap: float) -> None:
    r = mixture_rates(sizes, shares, {}, cap)
    assert all(0.0 <= v <= 1.0 for v in r.values())
    drawn: dict[str, float] = {}
    have: dict[str, int] = {}
    for (lang, d), b in sizes.items():
        drawn[lang] = drawn.get(lang, 0.0) + r[(lang, d)] * b
        have[lang] = have.get(lang, 0) + b
    total = sum(shares.values())
    korean = drawn.get("ko", 0.0)
    assert korean <= cap * shares["ko"] / total * (1 + 1e-9)
    for lang, b in have.items():
        if lang == "ko":
            continue
        target = korean / shares["ko"] * shares.get(lang, 0.0)  # its share of the total Korean implies
        assert drawn[lang] <= target * (1 + 1e-9) + 1e-6
        if b >= target:
            assert drawn[lang] == pytest.approx(target, rel=1e-9, abs=1e-6)
        else:
            assert drawn[lang] == pytest.approx(b)  # too little: taken whole
