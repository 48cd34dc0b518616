"""Manifests are validated before Spark starts; errors name the file, the key and the allowed values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.errors import ManifestError
from pipeline.manifest import load_run

SOURCE = """
[[source]]
name = "web"
domain = "web"
paths = ["data/*.jsonl"]
format = "jsonl"
licence = "CC0-1.0"
origin = "test"
{extra}
"""
RUN = """
name = "t"
sources_manifest = "sources.toml"
seed = 1
{extra}
"""


def write(tmp: Path, source_extra: str = "", run_extra: str = "") -> Path:
    (tmp / "sources.toml").write_text(SOURCE.format(extra=source_extra), encoding="utf-8")
    (tmp / "run.toml").write_text(RUN.format(extra=run_extra), encoding="utf-8")
    return tmp / "run.toml"


def test_valid_manifest_resolves_paths_and_defaults(tmp_path: Path) -> None:
    m = load_run(write(tmp_path))
    assert m.sources[0].paths == (str(tmp_path / "data" / "*.jsonl"),)
    assert m.stages == ("ingest", "normalize", "exact_dedup", "pii", "quality", "fuzzy_dedup", "decontam", "domains",
                        "export", "tokenizer", "tokens")
    assert m.params["ingest"]["max_error_rate"] == 0.05
    assert m.output.endswith("runs/t")
    assert m.spark.master == "local[*]"


def test_uris_are_kept(tmp_path: Path) -> None:
    path = write(tmp_path).parent / "sources.toml"
    path.write_text(SOURCE.format(extra="").replace('"data/*.jsonl"', '"s3a://bucket/web/*.jsonl"'))
    assert load_run(tmp_path / "run.toml").sources[0].paths == ("s3a://bucket/web/*.jsonl",)


@pytest.mark.parametrize(("source_extra", "run_extra", "needle"), [
    ('priority = "high"', "", "key 'source[0].priority': expected int"),
    ('colour = "red"', "", "key 'source[0].colour': unknown key; allowed: name, domain"),
    ('record_split = "page"', "", "key 'source[0].record_split': invalid value 'page'; allowed: file, line"),
    ('encoding = "klingon"', "", "key 'source[0].encoding': unknown encoding 'klingon'"),
    ("", 'sources = ["nope"]', "key 'sources': unknown source 'nope'; allowed: *, web"),
    ("", '[stages]\norder = ["ingest", "dedup", "export"]', "unknown stage 'dedup'; allowed: ingest, normalize"),
    ("", '[stages]\norder = ["ingest", "normalize", "export", "exact_dedup"]', "stages out of order"),
    ("", '[stages]\norder = ["ingest", "exact_dedup", "export"]', "must start with 'ingest', 'normalize'"),
    ("", "[stages.ingest]\nmax_error_rate = 1.5", "key 'stages.ingest.max_error_rate': 1.5 is above the maximum"),
    ("", "[stages.ingest]\nmax_eror_rate = 0.1",
     "key 'stages.ingest.max_eror_rate': unknown key; allowed: max_error_rate"),
    ("", "[spark]\nshuffle_partitions = 0", "key 'spark.shuffle_partitions': must be at least 1"),
    ("", '[stages]\norder = ["ingest", "normalize", "tokenizer"]', "list 'export' before them"),
    ("", '[stages]\norder = ["ingest", "normalize", "export", "tokens"]', "list 'tokenizer' before 'tokens'"),
    ("", "[stages.tokens]\ndomain_weights = { web = -1 }", "expected domains (web, legal"),
    ("", "[stages.tokenizer]\ndomain_weights = { news = 1 }", "bad: ['news']"),
    ("", '[stages.tokenizer]\nmodel = "absent.model"', "is not a SentencePiece .model file"),
    ("", '[stages.tokenizer]\nmodel_type = "wordpiece"', "allowed: bpe, unigram"),
])
def test_errors_name_file_key_and_allowed_values(tmp_path: Path, source_extra: str, run_extra: str,
                                                 needle: str) -> None:
    path = write(tmp_path, source_extra, run_extra)
    with pytest.raises(ManifestError) as err:
        load_run(path)
    assert needle in str(err.value)
    assert str(tmp_path) in str(err.value)


def test_domain_and_format_list_allowed_values(tmp_path: Path) -> None:
    path = write(tmp_path)
    (tmp_path / "sources.toml").write_text(SOURCE.format(extra="").replace('domain = "web"', 'domain = "news"'))
    with pytest.raises(ManifestError, match="allowed: web, legal, manufacturing, cultural, other"):
        load_run(path)
    (tmp_path / "sources.toml").write_text(SOURCE.format(extra="").replace('"jsonl"', '"xml"'))
    with pytest.raises(ManifestError, match="allowed: jsonl, parquet, csv, tsv, text, markdown, warc"):
        load_run(path)


def test_missing_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="manifest file not found"):
        load_run(tmp_path / "absent.toml")
    (tmp_path / "bad.toml").write_text("name = ")
    with pytest.raises(ManifestError, match="not valid TOML"):
        load_run(tmp_path / "bad.toml")


def test_config_hash_ignores_where_it_runs(tmp_path: Path) -> None:
    a = load_run(write(tmp_path), output="/tmp/a", master="local[2]")
    b = load_run(tmp_path / "run.toml", output="/tmp/b", master="spark://127.0.0.1:7077")
    assert a.config_hash() == b.config_hash()
    c_path = write(tmp_path, run_extra="[stages.export]\ntarget_shard_mb = 1")
    assert load_run(c_path).config_hash() != a.config_hash()


def test_quality_defaults_in_the_manifest_match_the_filter_defaults(tmp_path: Path) -> None:
    from filters.quality import QualityParams
    from pipeline.manifest import STAGE_PARAMS

    defaults = QualityParams()
    for name, spec in STAGE_PARAMS["quality"].items():
        if hasattr(defaults, name) and name not in ("languages", "quality_model"):
            assert getattr(defaults, name) == spec.default, name
    assert list(defaults.languages) == STAGE_PARAMS["quality"]["languages"].default


@pytest.mark.parametrize(("quality", "message"), [
    ('languages = ["kr"]', "unknown language 'kr'"),
    ('high_sources = ["nope"]', "unknown source 'nope'"),
    ('quality_model = "train"\nlow_from_filters = false', "'train' needs high_sources"),
    ("min_quality_score = 0.5", "a threshold needs a quality_model"),
    ('quality_model = "missing.ftz"', "model file not found"),
    ('word_path = "mecab"', "allowed: eojeol, kiwi"),
])
def test_quality_parameters_are_checked(tmp_path: Path, quality: str, message: str) -> None:
    path = write(tmp_path, run_extra=f'[stages]\norder = ["ingest", "normalize", "quality"]\n[stages.quality]\n'
                                      f"{quality}\n")
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_run(path)


def test_a_retrained_model_at_the_same_path_changes_the_configuration(tmp_path: Path) -> None:
    model = tmp_path / "q.ftz"
    model.write_bytes(b"first")
    path = write(tmp_path, run_extra=f'[stages]\norder = ["ingest", "normalize", "quality"]\n[stages.quality]\n'
                                      f'quality_model = "{model}"\n')
    before = load_run(path).config_hash()
    model.write_bytes(b"second")
    assert load_run(path).config_hash() != before
