"""What a stage is, and the one code path that commits any stage's results.

A stage module exposes ``NAME``, ``VERSION`` and ``run(ctx) -> StageResult``: one DataFrame with the
document columns plus the decision columns of ``pipeline.provenance``. ``commit`` writes, from that
single DataFrame (persisted, so no UDF runs twice): the provenance records, the passing documents
and, for stages that quarantine, the quarantine records, all into a temporary directory. DuckDB then
checks the invariants; only then are the outputs renamed into place and the completion record written
(holding the stage fingerprint, which ``--resume`` compares).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from filters.verdict import PASSING
from pipeline import provenance as P
from pipeline.fs import HadoopFS
from pipeline.invariants import check_stage
from pipeline.manifest import RunManifest

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


@dataclass
class StageContext:
    spark: SparkSession
    manifest: RunManifest
    run_dir: str
    fs: HadoopFS
    stage: str
    params: dict[str, Any]
    input_uri: str | None  # the previous stage's output (None for ingest)
    facts: dict[str, Any] = field(default_factory=dict)  # run-level facts (input files, run id)

    def path(self, *parts: str) -> str:
        return "/".join([self.run_dir.rstrip("/"), *parts])

    def read_input(self) -> DataFrame:
        assert self.input_uri is not None, "ingest has no input dataset"
        return self.spark.read.parquet(self.input_uri)


@dataclass
class StageResult:
    combined: DataFrame
    output_uri: str
    output_columns: Sequence[str]
    partition_by: Sequence[str] = ()
    quarantines: bool = False
    summary: dict[str, Any] = field(default_factory=dict)  # stage-specific facts for run.json


@dataclass
class StageRecord:
    stage: str
    fingerprint: str
    counts: dict[str, int]
    seconds: float
    output_uri: str
    summary: dict[str, Any]
    skipped: bool = False


def output_uri(ctx: StageContext) -> str:
    return ctx.path("work", ctx.stage)


def done_uri(run_dir: str, stage: str) -> str:
    return f"{run_dir.rstrip('/')}/work/_done/{stage}.json"


def commit(ctx: StageContext, result: StageResult, fingerprint: str, started: float) -> StageRecord:
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    fs = ctx.fs
    tmp = ctx.path("work", "_tmp", ctx.stage)
    fs.delete(tmp)
    fs.delete(done_uri(ctx.run_dir, ctx.stage))
    df = result.combined.persist(StorageLevel.DISK_ONLY)
    try:
        prov = df.select(
            F.lit(ctx.stage).alias("stage"), F.col(P.STEP).alias("step"), "doc_id", "source",
            F.col(P.DECISION).alias("decision"), F.col(P.REASON).alias("reason"),
            F.col(P.SCORE).alias("score"), F.col(P.DUP_OF).alias("dup_of"),
            F.col(P.N_BYTES).alias("n_bytes"), F.col(P.DETAILS).alias("details"))
        prov.sortWithinPartitions("doc_id").write.parquet(f"{tmp}/provenance")
        out = df.filter(F.col(P.DECISION).isin(*PASSING)).select(*result.output_columns)
        writer = out.write
        if result.partition_by:
            writer = writer.partitionBy(*result.partition_by)
        writer.parquet(f"{tmp}/data")
        if result.quarantines:
            (df.filter(F.col(P.DECISION) == "quarantine")
             .select(F.lit(ctx.stage).alias("stage"), "doc_id", "source", "locator",
                     F.col(P.REASON).alias("reason"), F.col(P.MESSAGE).alias("message"),
                     F.col(P.RAW).alias("raw"), F.col(P.RAW_SIZE).alias("raw_size"))
             .sortWithinPartitions("doc_id").write.parquet(f"{tmp}/quarantine"))
    finally:
        df.unpersist()

    counts = check_stage(ctx.stage, f"{tmp}/provenance", f"{tmp}/data", ctx.input_uri, spark=ctx.spark)

    moves = [(f"{tmp}/provenance", ctx.path("provenance", ctx.stage)), (f"{tmp}/data", result.output_uri)]
    if result.quarantines:
        moves.append((f"{tmp}/quarantine", ctx.path("quarantine", ctx.stage)))
    for src, dst in moves:
        fs.delete(dst)
        fs.rename(src, dst)
    fs.delete(tmp)
    record = StageRecord(ctx.stage, fingerprint, counts, round(time.monotonic() - started, 3),
                         result.output_uri, result.summary)
    fs.write_text(done_uri(ctx.run_dir, ctx.stage), json.dumps(record.__dict__, sort_keys=True, indent=1))
    return record


def load_done(fs: HadoopFS, run_dir: str, stage: str) -> StageRecord | None:
    text = fs.read_text(done_uri(run_dir, stage))
    if text is None:
        return None
    data = json.loads(text)
    data["skipped"] = True
    return StageRecord(**data)
