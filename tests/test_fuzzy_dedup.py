"""The fuzzy-dedup stage on Spark: survivors by priority, quality and length; a huge bucket of
near-identical documents; clusters recorded for audit; and the planted near-duplicates of sample_data."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.audit import stage_dataset

pytestmark = pytest.mark.spark

BASE = ("지난 주말에 가족과 함께 경주에 다녀왔습니다. 불국사와 석굴암을 둘러보고 저녁에는 황리단길에서 식사를 했어요. "
        "날씨가 맑아서 사진도 많이 찍었고, 아이들도 역사 이야기를 재미있게 들었습니다. 다음에는 조금 더 여유 있게 "
        "일정을 잡고 박물관도 가 보려고 합니다.")
OTHER = ("새로 산 무선 청소기는 흡입력이 좋고 소음이 작아서 밤에도 부담 없이 쓸 수 있습니다. 배터리는 한 번 충전하면 "
         "사십 분 정도 가고, 먼지통을 비우기도 간편합니다. 다만 헤드가 커서 가구 밑에는 잘 들어가지 않아요.")


def run_fuzzy(tmp: Path, sources: dict[str, tuple[int, list[dict[str, str]]]], fuzzy: str = "",
              languages: dict[str, str] | None = None) -> Path:
    from pipeline.manifest import load_run
    from pipeline.runner import execute

    entries = []
    for name, (priority, rows) in sources.items():
        (tmp / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                           encoding="utf-8")
        entries.append(f'[[source]]\nname = "{name}"\ndomain = "web"\npaths = ["{name}.jsonl"]\nformat = "jsonl"\n'
                       f'fields = {{ text = "text", id = "id" }}\nlicence = "CC0"\norigin = "test"\n'
                       f"priority = {priority}\nlanguage = \"{(languages or {}).get(name, 'ko')}\"\n")
    (tmp / "s.toml").write_text("\n".join(entries), encoding="utf-8")
    (tmp / "r.toml").write_text('name = "fz"\nsources_manifest = "s.toml"\nseed = 7\n[stages]\n'
                                'order = ["ingest", "normalize", "fuzzy_dedup"]\n'
                                f'[stages.fuzzy_dedup]\n{fuzzy}\n'
                                '[spark]\nmaster = "local[2]"\nshuffle_partitions = 4\n', encoding="utf-8")
    out = tmp / "out"
    execute(load_run(tmp / "r.toml", output=str(out)))
    return out


def decisions(out: Path) -> dict[str, tuple[Any, ...]]:
    con = duckdb.connect()
    ingested = f"read_parquet('{stage_dataset(str(out), 'ingest')}/*.parquet')"
    rows = con.execute(
        f"SELECT i.source_record_id, p.decision, p.reason, p.dup_of, p.details, coalesce(d.dup_cluster_size, 1), "
        f"(SELECT source_record_id FROM {ingested} s WHERE s.doc_id = p.dup_of) "
        f"FROM read_parquet('{out}/provenance/fuzzy_dedup/*.parquet') p "
        f"JOIN read_parquet('{out}/work/fuzzy_dedup/*.parquet') d USING (doc_id) JOIN {ingested} i USING (doc_id)"
    ).fetchall()
    con.close()
    return {r[0]: r[1:] for r in rows}


def test_survivor_is_chosen_by_priority_then_length_and_clusters_are_recorded(spark: Any, tmp_path: Path) -> None:
    low = [{"id": "a", "text": BASE}, {"id": "b", "text": BASE.replace("경주에", "경주 에")},
           {"id": "c", "text": BASE + " 정말 좋았어요."}, {"id": "x", "text": OTHER}]
    high = [{"id": "h", "text": BASE.replace("다녀왔습니다", "다녀 왔습니다")}]
    d = decisions(run_fuzzy(tmp_path, {"low": (0, low), "high": (5, high)}))
    assert d["h"][0] == "keep" and d["h"][4] == 4  # highest priority survives, cluster of four
    for k in ("a", "b", "c"):
        assert d[k][0] == "drop" and d[k][1] == "fuzzy_dedup_v2.near_duplicate" and d[k][5] == "h"
        assert d[k][3]["cluster_size"] == "4" and d[k][3]["cluster_id"] == d["h"][3]["cluster_id"]
    assert d["x"][:2] == ("keep", None) and d["x"][4] == 1 and d["x"][3] == {"cluster_size": "1"}


def test_longer_copy_survives_when_priorities_tie_with_exact_verification(spark: Any, tmp_path: Path) -> None:
    rows = [{"id": "short", "text": BASE}, {"id": "long", "text": BASE + " 정말 좋았어요."},
            {"id": "other", "text": OTHER}]
    out = run_fuzzy(tmp_path, {"only": (0, rows)}, fuzzy='verify = "exact"')
    d = decisions(out)
    assert d["long"][0] == "keep" and d["short"][0] == "drop" and d["short"][5] == "long"
    assert d["other"][0] == "keep"
    from filters.minhash import jaccard, shingles

    exact = jaccard(shingles(BASE), shingles(BASE + " 정말 좋았어요."))
    score = duckdb.sql(f"SELECT max(score) FROM read_parquet('{out}/provenance/fuzzy_dedup/*.parquet')").fetchall()
    assert score[0][0] == pytest.approx(exact)  # the exact Jaccard of the shingle sets, not an estimate


def test_a_source_with_its_own_settings_is_deduplicated_among_its_own(spark: Any, tmp_path: Path) -> None:
    code = "def area(r):\n    return 3.14159 * r * r\n\nfor r in range(10):\n    print(r, area(r))\n"
    variant = code.replace("range(10)", "range(20)").replace("print(r, area(r))", "print(area(r))")
    prose = [{"id": "p1", "text": BASE}, {"id": "p2", "text": BASE.replace("경주에", "경주 에")}]
    codes = [{"id": "c1", "text": code}, {"id": "c2", "text": variant}, {"id": "c3", "text": BASE}]
    fuzzy = 'threshold = 0.5\n[stages.fuzzy_dedup.per_source.code]\nthreshold = 0.95\nshingle = "eojeol"\nngram = 3'
    out = run_fuzzy(tmp_path, {"prose": (0, prose), "code": (0, codes)}, fuzzy=fuzzy)
    d = decisions(out)
    assert {k: v[0] for k, v in d.items()} == {"p1": "drop", "p2": "keep", "c1": "keep", "c2": "keep", "c3": "keep"}
    # c2 shares 84% of c1's character bigrams (dropped at the stage's 0.5), 53% of its eojeol 3-grams (kept at
    # the code source's 0.95); c3 copies p1 but sits in another settings group, whose shingles are not comparable
    run = json.loads((out / "work" / "_done" / "fuzzy_dedup.json").read_text())["summary"]
    assert run["per_source"]["code"]["threshold"] == 0.95 and run["lsh"]["threshold"] == 0.5
    from pipeline.manifest import load_run

    assert load_run(tmp_path / "r.toml").params["fuzzy_dedup"]["per_source"]["code"]["shingle"] == "eojeol"


def test_english_documents_are_compared_by_words_not_by_character_pairs(spark: Any, tmp_path: Path) -> None:
    """Two long English texts share most of their Latin character pairs: at the stage's char 2-grams they
    are "near duplicates" (a run keeping English lost 96% of it so). The default for English is word
    5-grams, which keeps them apart and still finds an edited copy. The English is the installed
    Python's own documentation (real text on every machine)."""
    import argparse
    import subprocess
    import textwrap

    from filters.minhash import jaccard, shingles

    a, b, c = (m.__doc__ or "" for m in (argparse, subprocess, textwrap))
    edited = a.replace("command-line", "command line", 1).replace("The following", "Below", 1)
    assert jaccard(shingles(a), shingles(b)) > 0.5  # why character pairs cannot be the default for English
    rows = [{"id": "argparse", "text": a}, {"id": "subprocess", "text": b}, {"id": "textwrap", "text": c},
            {"id": "edited", "text": edited}]
    korean = [{"id": "k1", "text": BASE}, {"id": "k2", "text": BASE.replace("경주에", "경주 에")}]
    out = run_fuzzy(tmp_path, {"en": (0, rows), "ko": (0, korean)}, languages={"en": "en"})
    d = decisions(out)
    assert {k: v[0] for k, v in d.items()} == {"argparse": "keep", "subprocess": "keep", "textwrap": "keep",
                                               "edited": "drop", "k1": "drop", "k2": "keep"}
    run = json.loads((out / "work" / "_done" / "fuzzy_dedup.json").read_text())["summary"]
    assert run["per_language"]["en"]["shingle"] == "eojeol" and run["per_language"]["en"]["ngram"] == 5
    assert run["lsh"]["shingle"] == "char"  # Korean keeps the stage's settings
    from pipeline.manifest import load_run

    (tmp_path / "r.toml").write_text((tmp_path / "r.toml").read_text("utf-8").replace(
        "[stages.fuzzy_dedup]\n", '[stages.fuzzy_dedup]\n[stages.fuzzy_dedup.per_language.en]\nngram = 7\n'), "utf-8")
    own = load_run(tmp_path / "r.toml").params["fuzzy_dedup"]["per_language"]["en"]
    assert (own["shingle"], own["ngram"]) == ("eojeol", 7)  # a manifest's keys over the language's defaults


def _chain(seed: int, k: int, edits: int) -> list[str]:
    """``k`` texts, each ``edits`` eojeol substitutions away from the one before: neighbours are near
    duplicates, texts further apart are not."""
    rng = random.Random(seed)
    words, pool, out = BASE.split(), OTHER.split(), []
    for _ in range(k):
        words = list(words)
        for _ in range(edits):
            words[rng.randrange(len(words))] = rng.choice(pool)
        out.append(" ".join(words))
    return out


def test_the_clusters_depend_on_the_texts_not_on_the_documents_ids(spark: Any, tmp_path: Path) -> None:
    """A verified star keeps only the pairs with its centre. With the bucket's smallest doc id as the
    centre, these six texts formed one cluster in one line order and two in the reverse (doc ids come from
    file names and offsets), as two generated 1 GB crawls differing only in their records' ids kept
    different numbers of documents."""
    texts = _chain(16, 6, 10)
    # two copies of one length, no quality score and one priority: the survivor goes by the text's hash
    ties = [OTHER.replace("흡입력이", "흡착력이"), OTHER.replace("흡입력이", "흡수력이")]
    partitions, survivors = [], []
    for name, order, tied in (("forward", texts, ties), ("reverse", texts[::-1], ties[::-1])):
        (tmp_path / name).mkdir()
        rows = [{"id": f"t{texts.index(t)}", "text": t} for t in order]
        d = decisions(run_fuzzy(tmp_path / name, {"only": (0, rows),
                                                  "ties": (0, [{"id": f"s{ties.index(t)}", "text": t} for t in tied])}))
        clusters: dict[str, set[str]] = {}
        for rid, v in d.items():
            clusters.setdefault(v[3].get("cluster_id", rid), set()).add(rid)
        partitions.append(sorted(sorted(c) for c in clusters.values()))
        survivors.append(sorted(rid for rid, v in d.items() if v[0] == "keep"))
    assert partitions[0] == partitions[1] and survivors[0] == survivors[1]
    assert len(partitions[0]) < len(texts) and ["s0", "s1"] in partitions[0]  # near duplicates were found


def test_a_bucket_of_thousands_of_near_identical_documents(spark: Any, tmp_path: Path) -> None:
    # 1,500 identical copies (one bucket per band holding all of them) and 1,500 near-identical ones; the
    # components in Spark rounds (the path of graphs too large for the driver).
    rows = [{"id": f"r{i:05d}", "text": BASE if i % 2 else f"{BASE} 접수번호 {i}"} for i in range(3000)]
    out = run_fuzzy(tmp_path, {"flood": (0, rows)}, fuzzy="driver_components_max_edges = 0")
    d = decisions(out)
    kept = [k for k, v in d.items() if v[0] == "keep"]
    assert len(kept) == 1 and all(v[5] == kept[0] for k, v in d.items() if k != kept[0])
    done = json.loads((out / "work" / "_done" / "fuzzy_dedup.json").read_text())
    lsh = done["summary"]["lsh"]
    # Star edges: at most one per document per band, never the 4.5 million pairs of the bucket.
    assert done["summary"]["candidate_edges"] <= lsh["bands"] * 3000
    assert lsh["bands"] * lsh["rows"] <= 128
    # Spark computed the components (a star needs no round after its first labels), not the driver.
    assert done["summary"]["components_driver_edges"] == 0 and done["summary"]["candidate_edges"] > 0


def _union_find(edges: list[tuple[int, int]], n: int) -> list[int]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    return [root(x) for x in range(n)]


@given(st.integers(1, 60).flatmap(lambda n: st.tuples(st.just(n), st.lists(
    st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=120))))
def test_components_on_the_driver_are_a_union_find_s(graph: tuple[int, list[tuple[int, int]]]) -> None:
    import numpy as np

    from pipeline.stages.s50_fuzzy_dedup import components_of

    n, edges = graph
    a = np.array([e[0] for e in edges], dtype=np.int64)
    b = np.array([e[1] for e in edges], dtype=np.int64)
    assert components_of(a, b, n).tolist() == _union_find(edges, n)


def test_the_driver_and_spark_give_the_same_components(spark: Any, tmp_path: Path) -> None:
    """A long chain whose ids fall along it (the worst case for label propagation), stars, pairs and a
    random graph: the same (doc id, cluster id) from Spark's rounds, from the driver, and from rounds that
    stop when the contracted graph fits the driver's limit (after one round or more, or before any), and
    the same best similarity per node as Spark's aggregation (null for the unverified pairs)."""
    import random

    from pyspark.sql import functions as F

    from pipeline.stages.s50_fuzzy_dedup import connected_components, small_graph_components

    rng = random.Random(7)
    edges = [(f"c{i + 1:04d}", f"c{i:04d}") for i in range(300)]  # chain c0300 - ... - c0000
    edges += [(f"s{k}", f"s{k}-{j}") for k in range(20) for j in range(rng.randint(1, 30))]
    edges += [(f"r{rng.randint(0, 400):03d}", f"r{rng.randint(0, 400):03d}") for _ in range(500)]
    rows = [(a, b, round(rng.uniform(0.5, 1), 4)) for a, b in edges]
    rows += [(f"p{k}a", f"p{k}b", None) for k in range(50)]  # a group verified with `none`
    df = spark.createDataFrame(rows, "a string, b string, sim double")
    spark.sparkContext.setCheckpointDir(str(tmp_path / "checkpoints"))
    in_spark, rounds, driver_edges = connected_components(df, 40)
    best = (df.select(F.col("a").alias("doc_id"), "sim").union(df.select(F.col("b").alias("doc_id"), "sim"))
            .groupBy("doc_id").agg(F.max("sim").alias("_sim")))
    on_driver = small_graph_components(spark, df)
    assert rounds >= 2 and driver_edges == 0
    expected = sorted(map(tuple, on_driver.collect()))
    assert sorted(map(tuple, in_spark.join(best, "doc_id").collect())) == expected
    finished = []
    for limit in (450, 10**6):
        both, rounds, driver_edges = connected_components(df, 40, limit)
        assert sorted(map(tuple, both.join(best, "doc_id").collect())) == expected, limit
        finished.append((rounds, driver_edges))
    assert finished[0][0] >= 1 and 0 < finished[0][1] <= 450  # rounds, then the driver
    assert finished[1][0] == 0 and finished[1][1] > 450  # the driver only
    assert on_driver.filter(F.col("_sim").isNull()).count() == 100
    assert {r[0]: r[1] for r in on_driver.collect()}["c0300"] == "c0000"


def test_planted_near_duplicates_of_the_sample_are_removed(sample_run: Path, ground_truth: dict[str, Any]) -> None:
    con = duckdb.connect()
    ingested = stage_dataset(str(sample_run), "ingest")
    ids = dict(((s, r), d) for s, r, d in con.execute(
        f"SELECT source, source_record_id, doc_id FROM read_parquet('{ingested}/*.parquet')").fetchall())
    dec = {d: (x, dup) for d, x, dup in con.execute(
        f"SELECT doc_id, decision, dup_of FROM read_parquet('{sample_run}/provenance/fuzzy_dedup/*.parquet')"
    ).fetchall()}
    pairs = set()
    for nd in ground_truth["near_duplicates"]:
        a, b = ids[(nd["source"], nd["record_id"])], ids[(nd["of"]["source"], nd["of"]["record_id"])]
        pairs.add(frozenset((a, b)))
        assert {dec[a][0], dec[b][0]} == {"keep", "drop"}, nd
        loser = a if dec[a][0] == "drop" else b
        assert dec[loser][1] == (b if loser == a else a)
    dropped = {d for d, (x, _) in dec.items() if x == "drop"}
    assert all(any(d in p for p in pairs) for d in dropped), "only planted near-duplicates are removed"
    summary = (sample_run / "reports" / "summary.txt").read_text()
    assert "P(candidate | Jaccard s)" in summary
