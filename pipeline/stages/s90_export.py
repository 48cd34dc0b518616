"""Export: the curated Parquet shards in ``docs/``, partitioned by domain, of a target size.

The number of shards per domain is the domain's text bytes divided by ``target_shard_mb``; a
document's shard is a hash of its ``doc_id``, so the assignment does not depend on Spark's
partitioning and reruns give the same shards. Every document is a keep decision of ``export_v1``.
Columns and their meaning are versioned in docs/schema.md.
"""

from __future__ import annotations

import math

from pipeline import provenance as P
from pipeline.stage import StageContext, StageResult

NAME = "export"
VERSION = 1
KIND = "global"
STEP = "export_v1"

OUTPUT_COLUMNS = ["doc_id", "source", "source_record_id", "domain", "licence", "locator", "title", "url",
                  "date", "text", "n_chars", "n_bytes", "text_sha256", "quality_score", "scores",
                  "dup_cluster_size", "declared_domain", "domain_score", "domain_scores", "meta", "language"]


def run(ctx: StageContext) -> StageResult:
    from pyspark.sql import functions as F

    docs = ctx.read_input().select(*P.DOC_COLUMNS)
    target = ctx.params["target_shard_mb"] * 1_000_000
    sizes = {r["domain"]: (r["bytes"] or 0, r["docs"]) for r in
             docs.groupBy("domain").agg(F.sum(F.octet_length("text")).alias("bytes"),
                                         F.count(F.lit(1)).alias("docs")).collect()}
    shards = {d: max(1, math.ceil(b / target)) for d, (b, _) in sizes.items()}
    total = max(1, sum(shards.values()))
    shard_count = F.create_map(*[x for d, n in sorted(shards.items()) for x in (F.lit(d), F.lit(n))]) \
        if shards else F.create_map(F.lit("none"), F.lit(1))
    df = (docs.withColumn("_shard", F.pmod(F.xxhash64("doc_id"), shard_count[F.col("domain")]))
          .repartition(total, "domain", "_shard").sortWithinPartitions("doc_id")
          .withColumn("n_chars", F.char_length("text"))
          .withColumn("n_bytes", F.octet_length("text").cast("long")))
    combined = df.select(
        *OUTPUT_COLUMNS,
        F.lit("keep").alias(P.DECISION), F.lit(STEP).alias(P.STEP),
        F.lit(None).cast("string").alias(P.REASON), F.lit(None).cast("double").alias(P.SCORE),
        F.lit(None).cast("string").alias(P.DUP_OF),
        F.create_map(F.lit("shard"), F.col("_shard").cast("string")).alias(P.DETAILS),
        F.col("n_bytes").alias(P.N_BYTES),
    )
    summary = {"domains": {d: {"documents": n, "bytes": b, "shards": shards[d]}
                           for d, (b, n) in sorted(sizes.items())},
               "report": ["curated per domain (documents / MB): " + ", ".join(
                   f"{d} {n:,} / {b / 1e6:,.2f}" for d, (b, n) in sorted(sizes.items()))]}
    return StageResult(combined=combined, output_uri=ctx.path("docs"), output_columns=OUTPUT_COLUMNS,
                       partition_by=("domain",), summary=summary, separate_output=True)
