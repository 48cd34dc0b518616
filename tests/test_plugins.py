"""Blocks from outside kocurate: a user's module named in a manifest by its import path, datatrove's own
filters through the adapter, a block that raises, and an edited block on ``--resume``.

The user's package is written to a temporary directory (outside the repository) at test time; the run
ships it to the executors. The standalone-cluster leg is in tests/test_faults.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.audit import stage_dataset
from pipeline.errors import InputError, ManifestError

PLUGIN = '''"""A user's block, in a package kocurate has never seen."""
from __future__ import annotations

from dataclasses import dataclass

from filters.blocks.base import Block, threshold
from filters.blocks.params import param


@dataclass(frozen=True)
class BannedParams:
    words: tuple[str, ...] = param(("금지어",), "words that drop a document")


class Banned(Block[BannedParams]):
    """Drops a document holding a banned word (``hits``); cannot judge one that mentions 폭탄."""

    name = "acme_banned_v1"
    Params = BannedParams

    def score(self, doc):
        if "폭탄" in doc.text:
            raise RuntimeError("cannot judge this document")
        return {"hits": float(sum(doc.text.count(w) for w in self.p.words))}

    def decide(self, doc, scores):
        return threshold("hits", "banned_word" if scores["hits"] else None)
'''
PROSE = ("지난 주말에 가족과 함께 경주에 다녀왔는데 불국사와 석굴암을 둘러보고 저녁에는 황리단길에서 "
         "식사를 했고 날씨가 맑아서 사진도 많이 찍었으며 아이들도 역사 이야기를 재미있게 들었기 때문에 "
         "다음에는 조금 더 여유 있게 일정을 잡고 박물관도 가 보려고 합니다.")
DOCS = [
    {"id": "ok", "text": PROSE, "url": "https://news.example.kr/1"},
    {"id": "banned", "text": PROSE + " 금지어", "url": "https://news.example.kr/2"},
    # Its own text: a copy of "ok" would be dropped by exact dedup before quality sees its URL.
    {"id": "adult_host", "text": PROSE.replace("경주", "부여"), "url": "https://www.pornhub.com/view"},
    {"id": "menu", "text": "\n".join(["홈", "뉴스", "스포츠", "연예", "날씨", "로그인", "회원가입", "고객센터"])
     + "\n" + PROSE, "url": "https://news.example.kr/3"},
    {"id": "raises", "text": PROSE + " 폭탄", "url": "https://news.example.kr/4"},
]
CHAIN = ('["length_v1", "acme_blocks.banned:Banned", "datatrove.pipeline.filters:URLFilter", '
         '"datatrove.pipeline.filters:FineWebQualityFilter"]')


def write_plugin(root: Path) -> Path:
    pkg = root / "plugins" / "acme_blocks"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "banned.py").write_text(PLUGIN, encoding="utf-8")
    return root / "plugins"


def write_manifest(tmp: Path, max_error_rate: float = 0.5) -> Path:
    (tmp / "docs.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), "utf-8")
    (tmp / "s.toml").write_text('[[source]]\nname = "web"\ndomain = "web"\npaths = ["docs.jsonl"]\n'
                                'format = "jsonl"\nfields = { text = "text", id = "id", url = "url" }\n'
                                'licence = "CC0-1.0"\norigin = "test"\n', encoding="utf-8")
    (tmp / "r.toml").write_text(
        f'name = "plugins"\nsources_manifest = "s.toml"\nseed = 3\n[stages]\n'
        f'order = ["ingest", "normalize", "exact_dedup", "quality"]\n'
        f'[stages.ingest]\nmax_error_rate = {max_error_rate}\n'
        f"[stages.quality]\nchain = {CHAIN}\nmin_chars = 10\n"
        f'[stages.quality.datatrove_fine_web_quality_filter]\nargs = {{ short_line_thr = 0.5 }}\n'
        f'[spark]\nmaster = "local[2]"\nshuffle_partitions = 2\n', encoding="utf-8")
    return tmp / "r.toml"


def decisions(out: Path) -> dict[str, tuple[Any, ...]]:
    rows = duckdb.sql(
        f"SELECT d.source_record_id, p.decision, p.reason, p.score FROM "
        f"read_parquet('{out}/provenance/quality/*.parquet') p "
        f"JOIN read_parquet('{stage_dataset(str(out), 'normalize')}/*.parquet') d USING (doc_id)").fetchall()
    return {r[0]: r[1:] for r in rows}


@pytest.mark.spark
def test_a_user_block_and_two_datatrove_filters_in_a_manifest(spark: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.stage
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    monkeypatch.syspath_prepend(str(write_plugin(tmp_path)))
    manifest = load_run(write_manifest(tmp_path), output=str(tmp_path / "out"))
    assert manifest.plugins == ("acme_blocks",)
    assert manifest.params["quality"]["code"]["acme_blocks.banned:Banned"].startswith("sha256:")
    hash_checks: list[tuple[str, str | None]] = []
    check = pipeline.stage.check_text_hashes

    def recorded(spark: Any, stage: str, uri: str, passing: str | None = None) -> None:
        hash_checks.append((stage, passing))
        check(spark, stage, uri, passing)

    monkeypatch.setattr(pipeline.stage, "check_text_hashes", recorded)
    record = execute(manifest)
    # every pass checks its text hashes once, over the rows its first stage passed on
    assert hash_checks == [("ingest", "_ingest_decision"), ("exact_dedup", "_decision"),
                           ("quality", "_decision")]
    d = decisions(tmp_path / "out")
    assert d["ok"][:2] == ("keep", None)
    assert d["banned"] == ("drop", "acme_banned_v1.banned_word", 1.0)  # the user's reason and statistic
    assert d["adult_host"][:3] == ("drop", "datatrove_url_filter.domain", None)  # datatrove gives no score
    assert d["menu"][:2] == ("drop", "datatrove_fine_web_quality_filter.line_punct_ratio")
    # The block raised on one document: that document is quarantined with the block's name and the error.
    assert d["raises"][:2] == ("quarantine", "acme_banned_v1.error")
    q = duckdb.sql(f"SELECT reason, message FROM read_parquet('{tmp_path}/out/quarantine/quality/*.parquet')"
                   ).fetchall()
    assert q == [("acme_banned_v1.error", "acme_banned_v1: RuntimeError: cannot judge this document")]
    stage = next(s for s in record["stages"] if s["stage"] == "quality")
    assert stage["counts"]["quarantine"] == 1

    # An edited block reruns its stage's pass on --resume (its source is part of the fingerprint); the
    # passes before it are reused (ingest and normalize are one pass, exact dedup another).
    module = tmp_path / "plugins" / "acme_blocks" / "banned.py"
    module.write_text(module.read_text(encoding="utf-8").replace('("금지어",)', '("금지어", "비속어")'), "utf-8")
    edited = load_run(tmp_path / "r.toml", output=str(tmp_path / "out"))
    assert edited.params["quality"]["code"] != manifest.params["quality"]["code"]
    again = execute(edited, resume=True)
    assert [(s["stage"], s["skipped"]) for s in again["stages"]] == [("ingest", True), ("normalize", True),
                                                                     ("exact_dedup", True), ("quality", False)]

    # Over the run's error-rate limit, the quarantines of a block fail the run, after recording them.
    with pytest.raises(InputError, match=re.escape("quality quarantined 1 of 5 records (20.0%), over the "
                                                   "manifest's max_error_rate of 10.0%")):
        execute(load_run(write_manifest(tmp_path, max_error_rate=0.1), output=str(tmp_path / "out2")))
    assert (tmp_path / "out2" / "quarantine" / "quality").is_dir()


CLASH = '''
from filters.blocks.base import Block, modify


class Clash(Block):
    """Gives every document the same id: the commit's invariants must refuse the pass."""

    name = "acme_clash_v1"

    def score(self, doc):
        return {}

    def decide(self, doc, scores):
        return modify("renamed", None, {"doc_id": "same"})
'''


@pytest.mark.spark
def test_a_trained_model_is_published_only_when_its_pass_commits(spark: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The domain model is fitted before its pass runs; it reaches models/ with the pass's commit, after
    the invariants, so a pass that fails them leaves no model behind (a real violation: a user block
    that gives two documents one id)."""
    from pipeline.errors import InvariantError
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    pkg = tmp_path / "plugins" / "acme_clash"  # its own package: acme_blocks may be imported from elsewhere
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "clash.py").write_text(CLASH, encoding="utf-8")
    monkeypatch.syspath_prepend(str(pkg.parent))
    for name, text in (("web", PROSE), ("law", "제1조(목적) 이 법은 국민의 권리를 보호한다.")):
        (tmp_path / f"{name}.jsonl").write_text("".join(json.dumps({"id": f"{name}{i}", "text": f"{text} {i}번"},
                                                                   ensure_ascii=False) + "\n" for i in range(4)),
                                                "utf-8")
    (tmp_path / "s.toml").write_text("".join(
        f'[[source]]\nname = "{n}"\ndomain = "{d}"\npaths = ["{n}.jsonl"]\nformat = "jsonl"\n'
        'fields = { text = "text", id = "id" }\nlicence = "CC0-1.0"\norigin = "test"\n'
        for n, d in (("web", "web"), ("law", "legal"))), encoding="utf-8")
    # The sample run (tests/test_domains.py reads its models/) shows the other side: a pass that commits
    # publishes its model.
    (tmp_path / "clash.toml").write_text(
        'name = "clash"\nsources_manifest = "s.toml"\nseed = 5\n[stages]\norder = ["ingest", "normalize", "domains"]\n'
        '[stages.domains]\nlabels = ["web", "legal", "other"]\nchain = ["domain_v1", "acme_clash.clash:Clash"]\n'
        '[spark]\nmaster = "local[2]"\nshuffle_partitions = 2\n', encoding="utf-8")
    # In a fused pass every stage's records carry the pass's final document columns: the clash is caught
    # at the pass's first stage (ingest: "a document has more than one decision").
    with pytest.raises(InvariantError, match="invariant violated"):
        execute(load_run(tmp_path / "clash.toml", output=str(tmp_path / "clash")))
    assert not (tmp_path / "clash" / "models").exists()
    staged = tmp_path / "clash" / "work" / "_staged" / "domains"
    assert "domain_model_v1.ftz" in {p.name for p in staged.iterdir()}  # fitted, staged, never published
    assert not (tmp_path / "clash" / "work" / "_done" / "domains.json").exists()

def test_blocks_that_cannot_be_used_fail_before_spark_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    from pipeline.manifest import load_run

    monkeypatch.syspath_prepend(str(write_plugin(tmp_path)))
    cases = [
        ('chain = ["acme_blocks.nope:Banned"]', "cannot import block 'acme_blocks.nope:Banned'"),
        ('chain = ["acme_blocks.banned:Missing"]', "cannot import block 'acme_blocks.banned:Missing'"),
        ('chain = ["json:JSONDecoder"]', "'json:JSONDecoder' is not a block class"),
        ('chain = ["acme_blocks.banned:Banned"]\n[stages.quality.acme_banned_v1]\nwords = "금지어"',
         "key 'stages.quality.acme_banned_v1.words': expected list of string, got str '금지어'"),
    ]
    for quality, message in cases:
        path = write_manifest(tmp_path)
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"chain = \[.*\]\nmin_chars = 10\n\[stages.quality.datatrove_fine_web_quality_filter\]"
                               r"\nargs = \{ short_line_thr = 0.5 \}\n", quality + "\n", text), encoding="utf-8")
        with pytest.raises(ManifestError, match=re.escape(message)):
            load_run(path)
