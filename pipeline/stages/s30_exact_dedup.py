"""Exact dedup: SHA-256 of the normalized text; one survivor per hash, chosen deterministically.

The survivor has the highest source ``priority``, then the smallest ``doc_id`` (no quality score exists
yet at this stage). Every other copy is dropped with ``exact_dedup_v1.duplicate`` and ``dup_of`` set
to the survivor. The score is the number of copies in the group, kept on survivors too.

Identify, in Spark SQL with no Python UDF; the next pass acts (``pipeline.stage.Layer``): the stage's
dataset holds the document ids and decisions only. The hash is ``text_sha256``, computed by the
normalize stage; only the narrow ``(hash, priority, doc_id)`` rows are read and shuffled to rank the
copies of each hash; the ranking of the groups that have copies (usually a
small table) is joined back to the documents, so the text itself is never shuffled or sorted.
"""

from __future__ import annotations

from pipeline import provenance as P
from pipeline.stage import StageContext, StageResult, output_uri

NAME = "exact_dedup"
VERSION = 1
KIND = "identify"
STEP = "exact_dedup_v1"


def run(ctx: StageContext) -> StageResult:
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    docs = ctx.read_input().select(*P.DOC_COLUMNS).withColumn("_hash", F.col("text_sha256"))
    # Parquet is columnar: this branch reads three narrow columns and never the text.
    keys = ctx.read_input().select(F.col("text_sha256").alias("_hash"), "priority", "doc_id")
    copies = keys.groupBy("_hash").agg(F.count(F.lit(1)).alias("_copies")).filter(F.col("_copies") > 1)
    ranked = Window.partitionBy("_hash").orderBy(F.col("priority").desc(), F.col("doc_id"))
    groups = (keys.join(copies, "_hash")
              .withColumn("_rank", F.row_number().over(ranked))
              .withColumn("_survivor", F.first("doc_id").over(ranked))
              .select("doc_id", "_rank", "_survivor", "_copies"))
    df = docs.join(groups, "doc_id", "left")
    is_survivor = F.col("_rank").isNull() | (F.col("_rank") == 1)
    n_copies = F.coalesce(F.col("_copies"), F.lit(1))
    combined = df.select(
        *P.DOC_COLUMNS,
        F.when(is_survivor, F.lit("keep")).otherwise(F.lit("drop")).alias(P.DECISION),
        F.lit(STEP).alias(P.STEP),
        F.when(is_survivor, F.lit(None).cast("string")).otherwise(F.lit(f"{STEP}.duplicate")).alias(P.REASON),
        n_copies.cast("double").alias(P.SCORE),
        F.when(is_survivor, F.lit(None).cast("string")).otherwise(F.col("_survivor")).alias(P.DUP_OF),
        F.create_map(F.lit("copies"), n_copies.cast("string"), F.lit("text_sha256"), F.col("_hash")).alias(P.DETAILS),
        F.octet_length("text").cast("long").alias(P.N_BYTES),
    )
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=["doc_id", "source"])
