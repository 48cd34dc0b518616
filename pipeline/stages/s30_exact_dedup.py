"""Exact dedup: SHA-256 of the normalized text; one survivor per hash, chosen deterministically.

The survivor has the highest source ``priority``, then the smallest ``doc_id`` (no quality score exists
yet at this stage). Every other copy is dropped with ``exact_dedup_v1.duplicate`` and ``dup_of`` set
to the survivor. Identify-then-act runs in Spark SQL (a hash and a window), no Python UDF. The score is
the number of copies in the group, kept on survivors too.
"""

from __future__ import annotations

from pipeline import provenance as P
from pipeline.stage import StageContext, StageResult, output_uri

NAME = "exact_dedup"
VERSION = 1
STEP = "exact_dedup_v1"


def run(ctx: StageContext) -> StageResult:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    docs = ctx.read_input().select(*P.DOC_COLUMNS).withColumn("_hash", F.sha2(F.col("text"), 256))
    group = Window.partitionBy("_hash")
    ranked = group.orderBy(F.col("priority").desc(), F.col("doc_id"))
    df = (docs.withColumn("_rank", F.row_number().over(ranked))
          .withColumn("_survivor", F.first("doc_id").over(ranked))
          .withColumn("_copies", F.count(F.lit(1)).over(group)))
    is_survivor = F.col("_rank") == 1
    combined = df.select(
        *P.DOC_COLUMNS,
        F.when(is_survivor, F.lit("keep")).otherwise(F.lit("drop")).alias(P.DECISION),
        F.lit(STEP).alias(P.STEP),
        F.when(is_survivor, F.lit(None).cast("string")).otherwise(F.lit(f"{STEP}.duplicate")).alias(P.REASON),
        F.col("_copies").cast("double").alias(P.SCORE),
        F.when(is_survivor, F.lit(None).cast("string")).otherwise(F.col("_survivor")).alias(P.DUP_OF),
        F.create_map(F.lit("copies"), F.col("_copies").cast("string"),
                     F.lit("text_sha256"), F.col("_hash")).alias(P.DETAILS),
        F.octet_length("text").cast("long").alias(P.N_BYTES),
    )
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=P.DOC_COLUMNS)
