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
    assert m.stages == ("ingest", "normalize", "exact_dedup", "quality", "fuzzy_dedup", "pii", "decontam", "domains",
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


QUALITY_ONLY = '[stages]\norder = ["ingest", "normalize", "quality"]\n[stages.quality]\n'


def test_the_quality_chain_defaults_to_todays_and_takes_flat_keys_block_tables_and_sources(tmp_path: Path) -> None:
    from filters.quality import DEFAULT_CHAIN

    m = load_run(write(tmp_path, run_extra=QUALITY_ONLY))
    q = m.params["quality"]
    assert q["chain"] == list(DEFAULT_CHAIN) and q["per_source"] == {}
    assert q["blocks"]["length_v1"] == {"min_chars": 20, "max_chars": 1_000_000}  # defaults from the dataclass
    extra = (QUALITY_ONLY + 'min_chars = 50\nlanguages = ["ko", "en"]\n[stages.quality.length_v1]\nmax_chars = 9\n'
             '[stages.quality.per_source.web]\nchain = ["length_v1", "gopher_repetition_ko_v1"]\n'
             "min_chars = 5\n[stages.quality.per_source.web.gopher_repetition_ko_v1]\n"
             "dup_ngram_fracs = [[5, 0.5], [6, 0.5]]\n")
    q = load_run(write(tmp_path, run_extra=extra)).params["quality"]
    assert q["blocks"]["length_v1"] == {"min_chars": 50, "max_chars": 9}
    assert q["blocks"]["language_v1"]["languages"] == ["ko", "en"]
    assert q["blocks"]["gopher_quality_ko_v1"]["languages"] == ["ko", "en"]  # a flat key reaches every block
    web = q["per_source"]["web"]
    assert web["chain"] == ["length_v1", "gopher_repetition_ko_v1"]
    assert web["blocks"]["length_v1"] == {"min_chars": 5, "max_chars": 9}  # inherits, then overrides
    assert web["blocks"]["gopher_repetition_ko_v1"]["dup_ngram_fracs"] == [[5, 0.5], [6, 0.5]]


@pytest.mark.parametrize(("quality", "message"), [
    ('chain = ["length_v1", "lenght_v2"]', "key 'stages.quality.chain': unknown block 'lenght_v2'; registered: "),
    ('chain = ["length_v1", "length_v1"]', "a block is listed twice"),
    ('min_chars = "ten"', "key 'stages.quality.min_chars': expected integer, got str 'ten'"),
    ("[stages.quality.length_v1]\nmin_chars = -1", "key 'stages.quality.length_v1.min_chars': -1 is below the "
                                                    "minimum 0"),
    ("[stages.quality.length_v1]\nmin_char = 1", "key 'stages.quality.length_v1.min_char': unknown parameter; "
                                                  "allowed: min_chars, max_chars"),
    ("chain = [\"length_v1\"]\nmax_spam_density = 0.1", "key 'stages.quality.max_spam_density': unknown key (a "
                                                       "parameter of spam_ko_v1, not in this chain)"),
    ("[stages.quality.per_source.nope]\nmin_chars = 1", "key 'stages.quality.per_source.nope': unknown source; "
                                                       "allowed: web"),
    ('[stages.quality.per_source.web]\nhigh_sources = ["web"]', "a parameter of the whole stage"),
    ('[stages.quality.gopher_repetition_ko_v1]\ndup_ngram_fracs = [[5, "a"]]', "dup_ngram_fracs[0][1]': expected "
                                                                               "number"),
])
def test_chain_errors_name_the_file_the_key_and_the_allowed_values(tmp_path: Path, quality: str, message: str
                                                                    ) -> None:
    path = write(tmp_path, run_extra=QUALITY_ONLY + quality + "\n")
    with pytest.raises(ManifestError, match=re.escape(message)) as info:
        load_run(path)
    assert str(info.value).startswith(str(tmp_path / "run.toml"))


def test_a_required_block_parameter_is_named_when_missing(tmp_path: Path) -> None:
    from dataclasses import dataclass

    from filters.blocks.base import Block, keep
    from filters.blocks.params import param
    from filters.blocks.registry import register

    @dataclass(frozen=True)
    class NeedsParams:
        hosts_file: str = param(help="a list of hosts")

    @register
    class NeedsBlock(Block[NeedsParams]):
        name = "test_needs_v1"
        Params = NeedsParams

        def score(self, doc):  # type: ignore[no-untyped-def]
            return {}

        def decide(self, doc, scores):  # type: ignore[no-untyped-def]
            return keep()

    path = write(tmp_path, run_extra=QUALITY_ONLY + 'chain = ["test_needs_v1"]\n')
    with pytest.raises(ManifestError, match=re.escape("key 'stages.quality.test_needs_v1.hosts_file': is required "
                                                      "(a list of hosts)")):
        load_run(path)


def test_pii_and_decontam_take_their_block_parameters_flat_as_before(tmp_path: Path) -> None:
    m = load_run(write(tmp_path, run_extra='[stages.pii]\npolicy = { CREDIT_CARD = "mask" }\nmax_pii_share = 0.5\n'
                                           '[stages.decontam]\naction = "cut"\n'))
    assert m.params["pii"]["blocks"]["pii_v2"]["policy"] == {"CREDIT_CARD": "mask"}
    assert m.params["pii"]["blocks"]["pii_v2"]["max_pii_share"] == 0.5
    assert m.params["decontam"]["blocks"]["decontam_v1"]["action"] == "cut"
    with pytest.raises(ManifestError, match=re.escape("key 'stages.pii.policy.PHONE': unknown entity type")):
        load_run(write(tmp_path, run_extra='[stages.pii]\npolicy = { PHONE = "mask" }\n'))


@pytest.mark.parametrize(("quality", "message"), [
    ('languages = ["kr"]', "unknown language 'kr'"),
    ('high_sources = ["nope"]', "unknown source 'nope'"),
    ('high_sources = ["web"]\nlow_sources = ["web"]', "'web' also in high_sources"),
    ('quality_model = "train"\nlow_from_filters = false', "'train' needs high_sources"),
    ("min_quality_score = 0.5", "a parameter of quality_model_v1, not in this chain"),
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


def test_a_detector_change_reruns_pii_on_resume() -> None:
    """The PII rules' version is in the stage's parameters: a newer detector changes the PII stage's
    fingerprint (and every later one), never an earlier stage's."""
    import dataclasses

    from filters.pii_rules import RULES_VERSION
    from pipeline.runner import stage_fingerprints
    from tests.conftest import SAMPLE_MANIFEST

    m = load_run(SAMPLE_MANIFEST)
    assert m.params["pii"]["rules_version"] == RULES_VERSION
    older = dataclasses.replace(m, params={**m.params, "pii": {**m.params["pii"], "rules_version": RULES_VERSION - 1}})
    now, before = stage_fingerprints(m, []), stage_fingerprints(older, [])
    assert [now[s] == before[s] for s in m.stages] == [s in ("ingest", "normalize", "exact_dedup") for s in m.stages]
    assert m.config_hash() != older.config_hash()
