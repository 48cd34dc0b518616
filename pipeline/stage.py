"""What a stage is, and the one code path that commits any stage's results.

A stage module exposes ``NAME``, ``VERSION`` and ``run(ctx) -> StageResult``: one DataFrame with the
document columns plus the decision columns of ``pipeline.provenance``. ``commit`` writes it once,
then splits: the stage's dataset (``work/<stage>/``) holds every row with its decision columns, so the
stage's work (a Python UDF) runs exactly once and the text is written once; the provenance records
and the quarantine records are projections of that file (Parquet is columnar: no text is read for
provenance), and the next stage reads it filtered to passing decisions. A stage whose output is a
separate curated dataset (export) writes its output columns and its provenance from two evaluations
of its cheap, UDF-free plan instead. Everything goes to a temporary directory first; DuckDB checks the
invariants; only then are the outputs renamed into place and the completion record written (holding
the stage fingerprint, which ``--resume`` compares).
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
    facts: dict[str, Any] = field(default_factory=dict)  # run-level facts (the listed input files)
    input_has_decisions: bool = True  # the input dataset holds every row with its decision columns

    def path(self, *parts: str) -> str:
        return "/".join([self.run_dir.rstrip("/"), *parts])

    def read_input(self) -> DataFrame:
        """The documents the previous stage passed on, with their document columns only."""
        assert self.input_uri is not None, "ingest has no input dataset"
        return read_passing(self.spark, self.input_uri, self.input_has_decisions)


def read_passing(spark: SparkSession, uri: str, has_decisions: bool) -> DataFrame:
    from pyspark.sql import functions as F

    df = spark.read.parquet(uri)
    if has_decisions:
        df = df.filter(F.col(P.DECISION).isin(*PASSING))
    return df.select(*[c for c in df.columns if not c.startswith("_")])


@dataclass
class StageResult:
    combined: DataFrame
    output_uri: str
    output_columns: Sequence[str]
    partition_by: Sequence[str] = ()
    quarantines: bool = False
    #: True: the output is a separate dataset of ``output_columns`` (export); False: the output is the
    #: stage's dataset of all rows with their decision columns, read back filtered.
    separate_output: bool = False
    summary: dict[str, Any] = field(default_factory=dict)  # stage-specific facts for run.json


@dataclass
class StageRecord:
    stage: str
    fingerprint: str
    counts: dict[str, int]
    seconds: float
    output_uri: str
    summary: dict[str, Any]
    output_has_decisions: bool = True
    skipped: bool = False


def output_uri(ctx: StageContext) -> str:
    return ctx.path("work", ctx.stage)


def done_uri(run_dir: str, stage: str) -> str:
    return f"{run_dir.rstrip('/')}/work/_done/{stage}.json"


def commit(ctx: StageContext, result: StageResult, fingerprint: str, started: float) -> StageRecord:
    from pyspark.sql import functions as F

    fs = ctx.fs
    phases: dict[str, float] = {}
    mark = time.monotonic()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.monotonic()
        phases[name] = round(now - mark, 3)
        mark = now

    tmp = ctx.path("work", "_tmp", ctx.stage)
    fs.delete(tmp)
    fs.delete(done_uri(ctx.run_dir, ctx.stage))

    def write_provenance(df: DataFrame) -> None:
        (df.select(F.lit(ctx.stage).alias("stage"), F.col(P.STEP).alias("step"), "doc_id", "source",
                   F.col(P.DECISION).alias("decision"), F.col(P.REASON).alias("reason"),
                   F.col(P.SCORE).alias("score"), F.col(P.DUP_OF).alias("dup_of"),
                   F.col(P.N_BYTES).alias("n_bytes"), F.col(P.DETAILS).alias("details"))
         .sortWithinPartitions("doc_id").write.parquet(f"{tmp}/provenance"))

    decision_cols = [P.DECISION, P.STEP, P.REASON, P.SCORE, P.DUP_OF, P.DETAILS, P.N_BYTES]
    if result.quarantines:
        decision_cols += [P.MESSAGE, P.RAW, P.RAW_SIZE]
    if result.separate_output:
        out = result.combined.filter(F.col(P.DECISION).isin(*PASSING)).select(*result.output_columns)
        writer = out.write.partitionBy(*result.partition_by) if result.partition_by else out.write
        writer.parquet(f"{tmp}/data")
        lap("output")
        write_provenance(result.combined)
        lap("provenance")
        stored = None
    else:
        # Write once: every row with its decision columns; the UDF behind `combined` runs here only.
        result.combined.select(*result.output_columns, *decision_cols).write.parquet(f"{tmp}/data")
        lap("compute_and_write")
        stored = ctx.spark.read.parquet(f"{tmp}/data")
        write_provenance(stored)
        lap("provenance")
    if result.quarantines and stored is not None:
        (stored.filter(F.col(P.DECISION) == "quarantine")
         .select(F.lit(ctx.stage).alias("stage"), "doc_id", "source", "locator",
                 F.col(P.REASON).alias("reason"), F.col(P.MESSAGE).alias("message"),
                 F.col(P.RAW).alias("raw"), F.col(P.RAW_SIZE).alias("raw_size"))
         .write.parquet(f"{tmp}/quarantine"))
        lap("quarantine")

    counts = check_stage(ctx.stage, f"{tmp}/provenance", f"{tmp}/data", ctx.input_uri, spark=ctx.spark,
                         output_has_decisions=not result.separate_output,
                         input_has_decisions=ctx.input_has_decisions)
    lap("invariants")

    moves = [(f"{tmp}/provenance", ctx.path("provenance", ctx.stage)), (f"{tmp}/data", result.output_uri)]
    if result.quarantines:
        moves.append((f"{tmp}/quarantine", ctx.path("quarantine", ctx.stage)))
    for src, dst in moves:
        fs.delete(dst)
        fs.rename(src, dst)
    fs.delete(tmp)
    lap("rename")
    record = StageRecord(ctx.stage, fingerprint, counts, round(time.monotonic() - started, 3),
                         result.output_uri, {**result.summary, "phase_seconds": phases},
                         output_has_decisions=not result.separate_output)
    fs.write_text(done_uri(ctx.run_dir, ctx.stage), json.dumps(record.__dict__, sort_keys=True, indent=1))
    return record


def load_done(fs: HadoopFS, run_dir: str, stage: str) -> StageRecord | None:
    text = fs.read_text(done_uri(run_dir, stage))
    if text is None:
        return None
    data = json.loads(text)
    data["skipped"] = True
    data.setdefault("output_has_decisions", data["stage"] != "export")
    return StageRecord(**data)
