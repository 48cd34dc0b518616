"""Exact dedup: SHA-256 of the normalized text; one survivor per hash, chosen deterministically.

The survivor has the highest source ``priority``, then the smallest ``doc_id`` (no quality score exists
yet at this stage). Every other copy is dropped with ``exact_dedup_v1.duplicate`` and ``dup_of`` set
to the survivor. The score is the number of copies in the group, kept on survivors too.

Identify, in Spark SQL with no Python UDF; the next pass acts (``pipeline.stage.Layer``): the stage's
dataset holds the document ids and decisions only. The hash is ``text_sha256``, computed by the
normalize stage; only the narrow ``(hash, priority, doc_id)`` rows are read and shuffled to rank the
copies of each hash; the ranking of the groups that have copies (usually a
small table) is joined back to the documents, so the text itself is never shuffled or sorted.

Against earlier runs (``prior_runs``): their ``index/exact`` (hash, doc id: no text) is joined on the
hash; a document whose text an earlier run kept is dropped, survivor included, with ``dup_of`` the
earlier run's document and ``prior_run`` its run id in the details (the earliest run named wins). Copies
count across runs. The run's own survivors go to its ``index/exact`` for the runs after it.
"""

from __future__ import annotations

from pipeline import dedup_index as X
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
    keys = ctx.read_input().select(F.col("text_sha256").alias("_hash"), "priority", "doc_id", "source")
    copies = keys.groupBy("_hash").agg(F.count(F.lit(1)).alias("_copies")).filter(F.col("_copies") > 1)
    ranked = Window.partitionBy("_hash").orderBy(F.col("priority").desc(), F.col("doc_id"))
    groups = (keys.join(copies, "_hash")
              .withColumn("_rank", F.row_number().over(ranked))
              .withColumn("_survivor", F.first("doc_id").over(ranked))
              .select("doc_id", "_rank", "_survivor", "_copies"))
    prior = X.prior_of(ctx, NAME)
    earlier = _earlier(ctx, prior)
    df = docs.join(groups, "doc_id", "left")
    if earlier is not None:
        df = df.join(earlier, "_hash", "left")
    else:
        none = F.lit(None).cast("string")
        df = df.select("*", none.alias("_prior_doc"), none.alias("_prior_run"), F.lit(0).alias("_prior_copies"))
    is_prior_dup = F.col("_prior_doc").isNotNull()
    is_survivor = (F.col("_rank").isNull() | (F.col("_rank") == 1)) & ~is_prior_dup
    n_copies = F.coalesce(F.col("_copies"), F.lit(1)) + F.col("_prior_copies")
    details = F.create_map(F.lit("copies"), n_copies.cast("string"), F.lit("text_sha256"), F.col("_hash"))
    if earlier is not None:  # a prior_run entry where the document matched an earlier run's
        details = F.map_filter(F.map_concat(details, F.create_map(F.lit("prior_run"), F.col("_prior_run"))),
                               lambda _k, v: v.isNotNull())
    combined = df.select(
        *P.DOC_COLUMNS,
        F.when(is_survivor, F.lit("keep")).otherwise(F.lit("drop")).alias(P.DECISION),
        F.lit(STEP).alias(P.STEP),
        F.when(is_survivor, F.lit(None).cast("string")).otherwise(F.lit(f"{STEP}.duplicate")).alias(P.REASON),
        n_copies.cast("double").alias(P.SCORE),
        F.when(is_survivor, F.lit(None).cast("string"))
        .otherwise(F.coalesce(F.col("_prior_doc"), F.col("_survivor"))).alias(P.DUP_OF),
        details.alias(P.DETAILS),
        F.octet_length("text").cast("long").alias(P.N_BYTES),
    )
    # The run's own survivors, for the runs after it: the same narrow plan, no text.
    staged = ctx.path("work", "_staged", "index_exact")
    survivors = keys.join(groups, "doc_id", "left")
    if earlier is not None:
        survivors = survivors.join(earlier, "_hash", "left").filter(F.col("_prior_doc").isNull())
    (survivors.filter(F.col("_rank").isNull() | (F.col("_rank") == 1))
     .select(F.col("_hash").alias("text_sha256"), "doc_id", "source",
             F.coalesce(F.col("_copies"), F.lit(1)).cast("int").alias("copies"))
     .sortWithinPartitions("text_sha256").write.mode("overwrite").parquet(staged))
    summary = {"prior_runs": [p.run_id for p in prior],
               "prior_index_bytes": X.index_bytes(ctx.fs, prior, [X.EXACT])} if prior else {}
    return StageResult(combined=combined, output_uri=output_uri(ctx), output_columns=["doc_id", "source"],
                       publish=[(staged, ctx.path(X.EXACT))], summary=summary,
                       prior_index=[(p.run_id, p.uri(X.EXACT)) for p in prior])


def _earlier(ctx: StageContext, prior: list[X.PriorRun]):  # -> DataFrame | None
    """(_hash, _prior_doc, _prior_run, _prior_copies): per hash an earlier run kept, the document of the
    earliest run named, and the copies every earlier run counted."""
    from pyspark.sql import functions as F

    if not prior:
        return None
    parts = [ctx.spark.read.parquet(p.uri(X.EXACT)).select(
        F.col("text_sha256").alias("_hash"), "doc_id", "copies", F.lit(p.order).alias("_order"),
        F.lit(p.run_id).alias("_run")) for p in prior]
    rows = parts[0]
    for part in parts[1:]:
        rows = rows.unionByName(part)
    first = F.min(F.struct("_order", "doc_id", "_run"))
    return (rows.groupBy("_hash").agg(first.alias("_first"), F.sum("copies").cast("long").alias("_prior_copies"))
            .select("_hash", F.col("_first.doc_id").alias("_prior_doc"), F.col("_first._run").alias("_prior_run"),
                    "_prior_copies"))
