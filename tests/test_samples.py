"""The deterministic training samples a model-fitting stage draws (``StageContext.first_documents_per``):
per group, the first documents in the order of a seeded hash of the doc id, whether the input is read
whole or computed, share by growing share, from a fused pass's earlier stages."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.stage import StageContext

pytestmark = pytest.mark.spark

#: Group sizes from none to far above the limit; "rare" has fewer documents than the limit.
SIZES = {"big": 1500, "mid": 60, "rare": 3, "one": 1}


def _docs(spark: Any) -> Any:
    rows = [(f"{g}-{i:05d}", g, f"text {i}") for g, n in SIZES.items() for i in range(n)]
    return spark.createDataFrame(rows, "doc_id string, declared_domain string, text string")


def _expected(docs: Any, seed: int, limits: dict[str, int], kept: Any) -> dict[str, list[str]]:
    """The sample by its definition: every surviving document sorted by (hash, doc id), the first per group."""
    from pyspark.sql import functions as F

    rows = kept(docs).select("doc_id", "declared_domain", F.xxhash64(F.lit(seed), "doc_id").alias("k")).collect()
    out: dict[str, list[str]] = {g: [] for g in limits}
    for r in sorted(rows, key=lambda r: (r["k"], r["doc_id"])):
        g = r["declared_domain"]
        if g in limits and len(out[g]) < limits[g]:
            out[g].append(r["doc_id"])
    return out


@pytest.mark.parametrize("fused", [False, True])
def test_a_sample_per_group_is_the_first_in_hash_order(spark: Any, fused: bool) -> None:
    """Against the definition, with and without a pass's earlier stage in front (one that drops about two
    documents in three, so that short groups take several rounds), for limits below, at and above each
    group's size, and a group without documents."""
    from pyspark.sql import functions as F

    docs = _docs(spark)

    def earlier_stage(df: Any) -> Any:  # drops documents: the sample must come from what it passes on
        return df.filter(F.xxhash64(F.lit(99), "doc_id") % 3 == 0)

    kept = earlier_stage if fused else (lambda df: df)
    if fused:
        ctx = StageContext(spark, None, "", None, "domains", {}, upstream=(docs, earlier_stage))  # type: ignore[arg-type]
    else:
        ctx = StageContext(spark, None, "", None, "domains", {})  # type: ignore[arg-type]
        ctx.read_input = lambda: docs  # type: ignore[method-assign]
    limits = {"big": 40, "mid": 60, "rare": 5, "one": 1, "absent": 3}
    for seed in (0, 7):
        got = ctx.first_documents_per("declared_domain", limits, seed, ["doc_id", "text"])
        assert {g: [r["doc_id"] for r in rows] for g, rows in got.items()} == _expected(docs, seed, limits,
                                                                                          kept)
        assert got["absent"] == [] and all(r["text"].startswith("text ") for r in got["big"])
    one = ctx.first_documents(25, 3, ["doc_id"], where=F.col("declared_domain") != "big")
    by_definition = _expected(docs.filter(F.col("declared_domain") != "big")
                              .withColumn("declared_domain", F.lit("all")), 3, {"all": 25}, kept)
    assert [r["doc_id"] for r in one] == by_definition["all"]


def test_documents_by_id_are_read_as_the_earlier_stages_pass_them_on(spark: Any) -> None:
    from pyspark.sql import functions as F

    docs = _docs(spark)

    def earlier_stage(df: Any) -> Any:  # rewrites the text, as normalize or PII would
        return df.withColumn("text", F.upper(F.concat(F.col("text"), F.lit(" x"))))

    ctx = StageContext(spark, None, "", None, "domains", {}, upstream=(docs, earlier_stage))  # type: ignore[arg-type]
    got = ctx.documents_by_id(["mid-00007", "one-00000", "nowhere"], ["doc_id", "text"])
    assert {k: r["text"] for k, r in got.items()} == {"mid-00007": "TEXT 7 X", "one-00000": "TEXT 0 X"}
