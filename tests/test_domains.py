"""Domain labels: the one-vs-all fastText model (training, determinism, 'other', evaluation
semantics), the stage's flag for a confident disagreement, the sample run's labels, the train command
and the manifest's checks."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from filters import domain_model as D
from pipeline import provenance as P
from pipeline.errors import ManifestError
from tests.conftest import ROOT, SAMPLE_MANIFEST, relocatable

CLEAR_SOURCES = {"web_reviews": "web", "web_blog": "web", "web_comments": "web", "legal_statutes": "legal",
                 "mfg_manuals": "manufacturing", "mfg_check_sheets": "manufacturing",
                 "cultural_heritage": "cultural", "cultural_festivals": "cultural", "cultural_notes": "cultural"}


def _examples() -> list[tuple[str, tuple[str, ...], str]]:
    """Training text from sample_data (statutes, manuals, reviews) and its labelled multi-label file."""
    out: list[tuple[str, tuple[str, ...], str]] = []
    for row in pq.read_table(ROOT / "sample_data" / "legal" / "statutes.parquet").to_pylist():
        if row["text"]:
            out.append((f"law:{row['law_id']}", ("legal",), row["text"]))
    for p in sorted((ROOT / "sample_data" / "manufacturing" / "manuals").glob("*.md")):
        out.append((f"mfg:{p.name}", ("manufacturing",), p.read_text(encoding="utf-8")))
    import gzip

    with gzip.open(ROOT / "sample_data" / "web" / "reviews.jsonl.gz", "rb") as fh:
        for i, line in enumerate(fh):
            try:
                body = json.loads(line.decode("utf-8")).get("body")
            except (ValueError, AttributeError):  # the planted broken records
                continue
            if isinstance(body, str):
                out.append((f"review:{i}", ("web",), body))
    for i, line in enumerate((ROOT / "sample_data" / "labelled" / "domains.jsonl").read_text().splitlines()):
        rec = json.loads(line)
        out.append((f"labelled:{i}", tuple(rec["labels"]), rec["text"]))
    return out


@pytest.fixture(scope="module")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("domain") / "m.ftz"
    D.train(_examples(), str(path), D.TrainSettings(seed=7))
    return path


def test_training_is_deterministic_and_records_its_metadata(model_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.ftz"
    meta = D.train(_examples(), str(again), D.TrainSettings(seed=7))
    assert again.read_bytes() == model_path.read_bytes()
    assert meta["labels"] == list(D.DEFAULT_LABELS) and meta["model_bytes"] < 8_000_000
    assert set(meta["examples"]["per_label"]) == {"web", "legal", "manufacturing", "cultural", "other"}  # type: ignore[index]
    assert len(str(meta["training_data_sha256"])) == 64 and "macro_f1" in meta["valid_metrics"]  # type: ignore[operator]


def test_labels_content_and_overlapping_domains(model_path: Path) -> None:
    m = D.DomainModel(str(model_path))
    statute = ("제7조(벌칙) 제3조를 위반한 자는 1년 이하의 징역 또는 1천만원 이하의 벌금에 처한다. 이 법은 공포 후 "
               "6개월이 경과한 날부터 시행한다.")
    review = "배송 빠르고 포장도 꼼꼼해요. 색상도 사진이랑 똑같고 가격 대비 만족합니다! 재구매 의사 있어요 ㅎㅎ"
    manual = ("## 정비 방법\n냉각수 펌프를 점검하기 전에 전원을 차단하십시오.\n필터를 분리하여 세척한 뒤 다시 "
              "장착합니다.\n작동 압력이 4.0 MPa를 넘지 않도록 조정하십시오.")
    safety = ("제9조(방호장치) 사업주는 프레스의 작업점에 방호장치를 설치하여야 하며, 근로자가 이를 해체하여서는 "
              "아니 된다.")
    got = m.label_many([statute, review, manual, safety], 0.3)
    assert [g.primary for g in got[:3]] == ["legal", "web", "manufacturing"]
    assert got[3].primary in ("legal", "manufacturing")
    # One-vs-all: the safety rule scores on both of its domains; probabilities are independent.
    assert got[3].scores["legal"] > 0.3 and got[3].scores["manufacturing"] > 0.1
    assert set(got[0].scores) == set(D.DEFAULT_LABELS)


def test_other_when_no_label_reaches_the_minimum() -> None:
    assert D.decide({"web": 0.2, "legal": 0.1}, 0.3) == D.Labelling("other", 0.8, {"web": 0.2, "legal": 0.1})
    assert D.decide({"web": 0.2, "legal": 0.6}, 0.3).primary == "legal"
    assert D.decide({}, 0.3).primary == "other"


def test_evaluation_counts_any_true_label_as_correct() -> None:
    res = D.evaluate([(("legal", "manufacturing"), "manufacturing"), (("legal",), "legal"), (("web",), "cultural"),
                      (("web",), "web")], D.DEFAULT_LABELS)
    per = res["per_label"]
    assert res["accuracy"] == 0.75
    assert per["manufacturing"]["precision"] == 1.0 and per["web"]["recall"] == 0.5  # type: ignore[index]
    assert per["cultural"]["precision"] == 0.0  # type: ignore[index]
    weighted = D.evaluate([(("web",), "web"), (("web",), "cultural")], D.DEFAULT_LABELS, weights=[3, 1])
    assert weighted["accuracy"] == 0.75 and weighted["per_label"]["web"]["recall"] == 0.75  # type: ignore[index]


def test_a_confident_disagreement_is_flagged_and_kept(model_path: Path) -> None:
    from pipeline.stages.s60_domains import STAGE

    statute = ("제4조(과태료) ① 제2조를 위반한 자에게는 300만원 이하의 과태료를 부과한다. ② 과태료는 대통령령으로 "
               "정하는 바에 따라 부과·징수한다. 부칙 이 법은 공포한 날부터 시행한다.")
    review = "가성비 좋아요. 배송도 하루 만에 왔고 친구한테도 추천했어요! 다음에 또 살게요 ^^"
    rows = [{"doc_id": "a", "source": "s", "declared_domain": "web", "domain": "web", "text": statute},
            {"doc_id": "b", "source": "s", "declared_domain": "web", "domain": "web", "text": review}]
    params = {"chain": ["domain_v1"], "blocks": {"domain_v1": {"min_score": 0.3, "flag_confidence": 0.6}}}
    out = STAGE.apply_local(rows, params, overrides={"domain_v1": {"model": str(model_path)}}).to_pylist()
    assert (out[0]["domain"], out[0][P.DECISION], out[0][P.REASON]) == ("legal", "flag",
                                                                        "domain_v1.disagrees_with_source")
    details = dict(out[0][P.DETAILS])
    assert (details["declared"], details["predicted"]) == ("web", "legal")
    assert float(details["score.domain_v1.legal"]) == out[0][P.SCORE] == out[0]["domain_score"]
    assert (out[1]["domain"], out[1][P.DECISION], out[1][P.REASON]) == ("web", "keep", None)
    assert out[0]["declared_domain"] == "web" and 0.6 <= out[0]["domain_score"] <= 1.0


def test_sample_run_labels_every_clear_document_with_its_domain(sample_run: Path,
                                                                ground_truth: dict[str, Any]) -> None:
    con = duckdb.connect()
    rows = con.execute(f"SELECT source, source_record_id, declared_domain, domain, domain_score, domain_scores "
                       f"FROM read_parquet('{sample_run}/docs/**/*.parquet', hive_partitioning=true)").fetchall()
    got = {(s, r): (dec, dom, score, scores) for s, r, dec, dom, score, scores in rows}
    clean = [(c["source"], c["record_id"]) for c in ground_truth["clean"] if c["source"] in CLEAR_SOURCES]
    checked = [k for k in clean if k in got]
    assert len(checked) > 150
    for key in checked:
        declared, domain, score, scores = got[key]
        assert declared == CLEAR_SOURCES[key[0]] and domain == declared, (key, domain, scores)
        assert 0.8 <= score <= 1.0 and set(scores) == set(D.DEFAULT_LABELS)
    # The crawl's festival and literature pages (declared web, excluded from the weak labels) are
    # labelled cultural by content, and flagged as confident disagreements.
    flagged = con.execute(f"SELECT source, details['declared'], details['predicted'], reason FROM "
                          f"read_parquet('{sample_run}/provenance/domains/*.parquet') WHERE decision = 'flag'"
                          ).fetchall()
    assert flagged and set(flagged) == {("web_crawl", "web", "cultural", "domain_v1.disagrees_with_source")}
    meta = json.loads((sample_run / "models" / "domain_model_v1.ftz.json").read_text())
    assert meta["labelled_examples"] == ["domains.jsonl"] and meta["examples"]["per_label"]["other"] >= 5
    assert meta["weak_label_exclude"] == ["web_crawl"]
    summary = (sample_run / "reports" / "summary.txt").read_text(encoding="utf-8")
    assert re.search(r"curated per domain \(documents / MB\): cultural \d+", summary)
    con.close()


def test_train_domain_command_reproduces_the_runs_model(sample_run: Path, tmp_path: Path) -> None:
    from pipeline.manifest import load_run
    from pipeline.train import train_domain

    run = tmp_path / "run"
    shutil.copytree(sample_run, run)  # the stages before domains are reused, as with --resume
    out = tmp_path / "model" / "d.ftz"
    meta = train_domain(load_run(SAMPLE_MANIFEST, output=str(run), master="local[2]"), str(out))
    assert out.read_bytes() == (sample_run / "models" / "domain_model_v1.ftz").read_bytes()
    assert meta["trained_labels"] == list(D.DEFAULT_LABELS)


@pytest.mark.parametrize(("table", "message"), [
    ('labels = ["web", "legal"]', "source 'mfg_manuals' declares domain 'manufacturing', which is not a label"),
    ('labelled_examples = ["nope.jsonl"]', "key 'stages.domains.labelled_examples': file not found"),
    ('domain_model = "missing.ftz"', "model file not found"),
    ('weak_label_exclude = ["nope"]', "unknown source 'nope'"),
])
def test_manifest_checks_the_domain_parameters(tmp_path: Path, table: str, message: str) -> None:
    from pipeline.manifest import load_run

    text = relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8"))
    text = re.sub(r"\[stages\.domains\].*?(?=\n\[)", f"[stages.domains]\n{table}\n", text, flags=re.S)
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_run(tmp_path / "m.toml")


@settings(max_examples=1, deadline=None)
@given(st.lists(st.text(alphabet="가나다 \n.ab", max_size=7000), min_size=30, max_size=30))
def test_windows_are_cut_in_spark_as_in_python(spark: Any, texts: list[str]) -> None:
    """The stage cuts a training document's windows in Spark (only they reach the driver); the model's
    own function cuts them when it labels. Both cut the same windows, at every length around the
    window width and for every window count."""
    from pipeline.stages.s60_domains import windows_column

    w = D.MAX_CHARS
    texts = [*texts, "", "가" * w, "가" * (w + 1), "".join(chr(0xAC00 + i) for i in range(5 * w + 3))]
    df = spark.createDataFrame([(t,) for t in texts], "text string")
    for n in (1, 2, 3, 8):
        got = [list(r[0]) for r in df.select(windows_column(n)).collect()]
        assert got == [D.windows(t, n) for t in texts], n
    assert D.windows("".join(chr(0xAC00 + i) for i in range(5 * w + 3)), 8)[-1].endswith(chr(0xAC00 + 5 * w + 2))


def test_no_sample_is_drawn_where_one_label_is_declared(spark: Any, tmp_path: Path) -> None:
    """With one declared domain and no labelled example of another no model can be trained, and the weak-label
    sample is not drawn: in the pass after PII it would compute PII on its documents a second time."""
    from pipeline.manifest import load_run
    from pipeline.stage import StageContext
    from pipeline.stages.s60_domains import STAGE, declared_labels

    others = ["legal_statutes", "mfg_manuals", "mfg_check_sheets", "cultural_heritage", "cultural_festivals",
              "cultural_notes"]
    one = f"labelled_examples = []\nweak_label_exclude = {json.dumps(others)}"
    text = re.sub(r"\nweak_label_exclude = \[[^\]]*\]", "", relocatable(SAMPLE_MANIFEST.read_text(encoding="utf-8")))
    text = re.sub(r"labelled_examples = \[[^\]]*\]", one, text)
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    m = load_run(tmp_path / "m.toml")
    assert declared_labels(m.sources, m.params["domains"]) == {"web"}
    assert declared_labels(m.sources, {**m.params["domains"], "weak_label_exclude": []}) == {
        "web", "legal", "manufacturing", "cultural"}

    def earlier_stages(docs: Any) -> Any:
        raise AssertionError("the sample was drawn through the pass's earlier stages")

    docs = spark.createDataFrame([("a", "web_reviews", "web", "좋아요")], "doc_id string, source string, "
                                 "declared_domain string, text string")
    ctx = StageContext(spark, m, str(tmp_path / "run"), None, "domains", m.params["domains"],  # type: ignore[arg-type]
                       upstream=(docs, earlier_stages))
    prepared = STAGE.prepare(ctx, docs)
    assert prepared.summary["domain_model"] is None
    assert prepared.summary["report"] == ["domains: no model trained (examples of 1 label(s): web; a model needs "
                                          "two; add labelled_examples); declared domains kept"]
